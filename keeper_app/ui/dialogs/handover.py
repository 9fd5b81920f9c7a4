"""Handover of a newly burned pair (Art. 16-17): the case handler hands the original and the
duplicate to the keeper within 24 h of burning; the original is sealed in its bag; both
sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ...services import intake
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog
from .record_summary import medium_summary


class HandoverDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Handover of a new pair"), parent)
        self.rec = rec
        pair = rec.partner["code"] if rec.partner else ""
        self.set_summary(
            medium_summary(rec)
            + "<br>"
            + self.tr("The other disc of the pair: %1").replace("%1", pair)
        )
        self.seal_no = QLineEdit()
        self.seal_no.setPlaceholderText(self.tr("number printed on the seal bag"))
        self.original_location = QLineEdit()
        self.duplicate_location = QLineEdit()
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("only if more than 24 h after burning"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Seal number (original)"), self.seal_no)
        self.form.addRow(self.tr("Shelf location of the original"), self.original_location)
        self.form.addRow(self.tr("Shelf location of the duplicate"), self.duplicate_location)
        self.form.addRow(self.tr("Reason for a late handover"), self.late_reason)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("handler", self.tr("Case handler (hands over)"), role="case_handler")
        self.signers.add("keeper", self.tr("Keeper (receives)"), me=True)

    def values(self) -> dict[str, Any]:
        return {
            "seal": self.seal_no.text(),
            "oloc": self.original_location.text(),
            "dloc": self.duplicate_location.text(),
            "late": self.late_reason.text().strip() or None,
            "note": self.note.toPlainText(),
            "handler": self.signers.credential("handler"),
            "keeper": self.signers.credential("keeper"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return intake.handover(
            s,
            self.rec.code,
            v["handler"],
            v["keeper"],
            v["seal"],
            v["oloc"],
            v["dloc"],
            v["late"],
            v["note"],
        )

    def confirmation(self, result: Any) -> str:
        return self.tr(
            "Handover #%1 registered: the original is sealed, the duplicate is on the shelf."
        ).replace("%1", str(result))
