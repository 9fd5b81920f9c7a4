"""Resealing the original after use (Art. 18; Art. 129 of the supervision regulations): a
new seal number, two people sign the seal, the time is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog
from .record_summary import medium_summary


class ResealDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Reseal the original"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.seal_no = QLineEdit()
        self.seal_no.setPlaceholderText(self.tr("a new seal: never used before"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("New seal number"), self.seal_no)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("keeper", self.tr("Keeper (seals)"), me=True)
        self.signers.add("witness", self.tr("Second sealer"))

    def values(self) -> dict[str, Any]:
        return {
            "seal": self.seal_no.text(),
            "note": self.note.toPlainText(),
            "keeper": self.signers.credential("keeper"),
            "witness": self.signers.credential("witness"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.reseal(s, self.rec.code, v["seal"], v["keeper"], v["witness"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("The original is resealed (seal event #%1).").replace("%1", str(result))
