"""Request to open the original (Art. 18): only to reproduce a damaged or lost duplicate, or
to check a duplicate whose authenticity is in doubt; the head of the case's department
decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog
from .record_summary import medium_summary


class UnsealRequestDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Request to unseal the original"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.reason = QComboBox()
        for r in values("UnsealReason"):
            self.reason.addItem(label("UnsealReason", r), r)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(70)
        # Art. 18: a reason backed by facts — to check, who doubts the duplicate and why
        self.doubted_by = QLineEdit()
        self.doubted_by.setPlaceholderText(self.tr("name and unit of who doubts the duplicate"))
        self.doubt = QPlainTextEdit()
        self.doubt.setTabChangesFocus(True)
        self.doubt.setFixedHeight(56)
        self.doubt.setPlaceholderText(self.tr("why the duplicate's authenticity is in doubt"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Doubted by"), self.doubted_by)
        self.form.addRow(self.tr("Why in doubt"), self.doubt)
        self.form.addRow(self.tr("Explanation"), self.note)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._reason_changed()
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Send to the department head")

    def _reason_changed(self) -> None:
        check = self.reason.currentData() == "check_duplicate"
        self.doubted_by.setEnabled(check)
        self.doubt.setEnabled(check)

    def values(self) -> dict[str, Any]:
        check = self.reason.currentData() == "check_duplicate"
        return {
            "reason": self.reason.currentData(),
            "note": self.note.toPlainText(),
            "doubted_by": self.doubted_by.text() if check else "",
            "doubt": self.doubt.toPlainText() if check else "",
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.request_unseal(
            s, self.rec.code, v["reason"], v["note"], v["doubted_by"], v["doubt"]
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("Request #%1 sent to the head of the case's department.").replace(
            "%1", str(result)
        )
