"""A witnessed head held against the chain (services.heads.HeadCheck, or its dict), as the
person at the counter reads it: one translated sentence, the service's own English message
(which names the witness) kept as the detail."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..services.heads import HeadCheck


def as_dict(check: HeadCheck | Mapping[str, Any]) -> Mapping[str, Any]:
    return check.to_dict() if isinstance(check, HeadCheck) else check


def agreed(kind: str, check: HeadCheck | Mapping[str, Any]) -> str:
    """``kind``: "disc" or "printout"."""
    seq = str(as_dict(check)["seq"])
    if kind == "disc":
        return QCoreApplication.translate(
            "Witness", "This disc's history (event %1) is on the register's chain."
        ).replace("%1", seq)
    return QCoreApplication.translate(
        "Witness", "This printout's history (event %1) is on the register's chain."
    ).replace("%1", seq)


def disagreed(kind: str, check: HeadCheck | Mapping[str, Any]) -> str:
    """The headline of a witness that disagrees: truncated or rolled back, or rewritten."""
    h = as_dict(check)
    what = (
        QCoreApplication.translate("Witness", "This disc")
        if kind == "disc"
        else QCoreApplication.translate("Witness", "This printout")
    )
    if h["problem"] == "truncated":
        text = QCoreApplication.translate(
            "Witness",
            "History truncated or rolled back: %1 saw event %2, but the register's chain "
            "ends at event %3.",
        )
        return (
            text.replace("%1", what)
            .replace("%2", str(h["seq"]))
            .replace("%3", str(h.get("chain_seq", "")))
        )
    if h["problem"] == "rewritten":
        return (
            QCoreApplication.translate(
                "Witness",
                "History rewritten: %1 saw event %2 with another hash than the register's chain.",
            )
            .replace("%1", what)
            .replace("%2", str(h["seq"]))
        )
    return QCoreApplication.translate("Witness", "%1 carries a head that cannot be read.").replace(
        "%1", what
    )


def no_head() -> str:
    return QCoreApplication.translate(
        "Witness", "No head witnessed on this disc (burned before heads were witnessed)."
    )
