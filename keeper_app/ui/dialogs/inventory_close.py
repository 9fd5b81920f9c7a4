"""Closing an inventory session (issue 16; Art. 20, Art. 261 of the supervision seed): the
record is signed by the keeper and a witness — a second person of the staff (keeper, case
handler, department head, reviewer), as for the opening and resealing of an original. Every
discrepancy is then reported to the head of the case's department; a disc not located is
recorded lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import inventory
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class InventoryCloseDialog(WorkflowDialog):
    def __init__(
        self, ctx: UiContext, session_id: int, summary: str, parent: QWidget | None = None
    ):
        super().__init__(ctx, self.tr("Close the inventory and sign its record"), parent)
        self.session_id = session_id
        self.set_summary(summary)
        self.note = QPlainTextEdit()
        self.note.setObjectName("inventory_close_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("witness", self.tr("Witness (a second person of the staff)"))

    def submit_text(self) -> str:
        return self.tr("Close and sign")

    def values(self) -> dict[str, Any]:
        return {
            "note": self.note.toPlainText(),
            "keeper": self.signers.credential("keeper"),
            "witness": self.signers.credential("witness"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return inventory.close(s, self.session_id, v["keeper"], v["witness"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Inventory #%1 is closed; its record is signed.").replace(
            "%1", str(self.session_id)
        )
