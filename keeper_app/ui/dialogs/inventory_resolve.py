"""The department head resolves a discrepancy an inventory found (issue 16; Art. 20): what was
found out and what was done, signed, within 3 days of the closing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import inventory
from ...services.session import Session
from ..context import UiContext
from ..labels import pretty
from .base import WorkflowDialog


class InventoryResolveDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, row: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Resolve an inventory discrepancy"), parent)
        self.row = row
        self.set_summary(
            self.tr("Inventory #%1: %2, disc %3 of case %4<br>Reported %5; resolve by %6")
            .replace("%1", str(row["session_id"]))
            .replace("%2", label_of(self, str(row["kind"])))
            .replace("%3", pretty(str(row["code"])))
            .replace("%4", str(row.get("case_no") or ""))
            .replace("%5", str(row["at"]))
            .replace("%6", str(row["due_at"]))
        )
        self.note = QPlainTextEdit()
        self.note.setObjectName("inventory_resolution")
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setPlaceholderText(self.tr("what was found out and what was done"))
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Resolution"), self.note)
        self.signers.add("head", self.tr("Department head"), me=True)

    def submit_text(self) -> str:
        return self.tr("Resolve and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return inventory.resolve(s, int(self.row["id"]), v["head"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Inventory discrepancy #%1 resolved.").replace("%1", str(self.row["id"]))


def label_of(d: InventoryResolveDialog, kind: str) -> str:
    """A discrepancy's kind, translated (one context, whatever ``d`` is)."""
    return {
        "not_located": QCoreApplication.translate("InventoryResolveDialog", "not located"),
        "unexpected": QCoreApplication.translate(
            "InventoryResolveDialog", "found, not expected there"
        ),
        "seal_broken": QCoreApplication.translate("InventoryResolveDialog", "seal not intact"),
    }.get(kind, kind)
