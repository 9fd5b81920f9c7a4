"""Handing the duplicate to a court or procuratorate (Art. 19 para 2); the recipient and the
keeper sign. With a folder chosen (a USB disk), the disc's transfer package (issue 16) is
written there right after, on the same worker thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...domain.errors import RuleViolation
from ...services import lookup, transfers
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog
from .record_summary import medium_summary
from .transfer_package import folder_row, write


class CourtTransferDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Transfer to a court or procuratorate"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.request = QComboBox()
        self._open: dict[int, dict[str, Any]] = {}
        for q in lookup.court_requests(ctx.session, rec.case_no):
            if not q["served"]:
                self._open[int(q["id"])] = q
                self.request.addItem(
                    self.tr("#%1 %2 %3, document %4, requested %5")
                    .replace("%1", str(q["id"]))
                    .replace("%2", label("Org", q["org_kind"]))
                    .replace("%3", q["org_name"])
                    .replace("%4", q["document_no"])
                    .replace("%5", q["requested_at"]),
                    q["id"],
                )
        if self.request.count() == 0:
            self.banner.say(
                "warn",
                self.tr(
                    "No open request for this case: register the "
                    "court's or procuratorate's request first."
                ),
            )
        self.form.addRow(self.tr("Request"), self.request)
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.form.addRow(self.tr("Still asked for"), self.items)
        self.request.currentIndexChanged.connect(self._show_items)
        self._show_items()
        self.signers.add(
            "recipient", self.tr("Recipient (court/procuratorate)"), role="outside_retriever"
        )
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.package_to = folder_row(
            self,
            self.form,
            "package_to",
            self.tr("Write transfer package to"),
            self.tr("no folder: no package now"),
            self.tr("Folder for the transfer package (e.g. a USB disk)"),
        )
        self.package_from = folder_row(
            self,
            self.form,
            "package_from",
            self.tr("Recordings for the package from"),
            self.tr("Keeper's storage"),
            self.tr("Folder of the mounted duplicate"),
        )

    def _show_items(self) -> None:
        """The open items of the chosen request (issue 14: it stays open until each is
        transferred or closed with a reason), and LATE once past its three days."""
        q = self._open.get(int(self.request.currentData() or 0))
        if q is None:
            self.items.setText("")
            return
        lines = [i["what"] for i in q["items"] if not i["closed"]]
        text = "\n".join(lines)
        if q["late"]:
            text = self.tr("LATE: past the 3 days") + ("\n" + text if text else "")
        self.items.setText(text)

    def values(self) -> dict[str, Any]:
        return {
            "request": self.request.currentData() or 0,
            "recipient": self.signers.credential("recipient"),
            "keeper": self.signers.credential("keeper"),
            "package_to": self.package_to.text().strip(),
            "package_from": self.package_from.text().strip(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        tid = transfers.court_transfer(
            s, int(v["request"]), self.rec.code, v["recipient"], v["keeper"]
        )
        package: dict[str, Any] | RuleViolation | None = None
        if v["package_to"]:  # the transfer stands whatever becomes of its package
            try:
                package = write(s, self.rec.code, v["package_to"], v["package_from"])
            except RuleViolation as exc:
                package = exc
        return tid, package

    def confirmation(self, result: Any) -> str:
        tid, pkg = result
        text = (
            self.tr("Transfer #%1: %2 handed over.")
            .replace("%1", str(tid))
            .replace("%2", self.rec.pretty)
        )
        if isinstance(pkg, RuleViolation):
            text += " " + self.tr(
                "The transfer package was NOT written: %1. Write it from the disc's record "
                "(Write transfer package…)."
            ).replace("%1", pkg.message)
        elif pkg is not None:
            text += " " + (
                self.tr("Transfer package written to %1 (top-level hash %2).")
                .replace("%1", pkg["folder"])
                .replace("%2", pkg["package_sha256"])
            )
        return text
