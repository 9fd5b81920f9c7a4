"""The few lines about the disc that head every counter dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..labels import label


def medium_summary(rec: Any) -> str:
    """HTML: code, copy role, status, case and person interrogated of a ScanRecord."""
    lines = [
        f"<b style='font-size:large'>{rec.pretty}</b> &nbsp; {label('CopyRole', rec.copy_role)}"
        f" · {label('Status', rec.status)}",
        QCoreApplication.translate("Summary", "Case %1 %2")
        .replace("%1", rec.case_no)
        .replace("%2", rec.case_name),
        QCoreApplication.translate("Summary", "Person interrogated: %1").replace(
            "%1", str(rec.label.get("person_interrogated", ""))
        ),
    ]
    if rec.location:
        lines.append(
            QCoreApplication.translate("Summary", "Shelf location: %1").replace("%1", rec.location)
        )
    if rec.seal_no:
        lines.append(
            QCoreApplication.translate("Summary", "Seal number: %1").replace("%1", rec.seal_no)
        )
    return "<br>".join(lines)
