"""The department head acknowledges the report that a court's or procuratorate's request
went past its three days (Art. 19-20, issue 14), signing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import transfers
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class CourtLateAckDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, mark: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Acknowledge a late court/procuratorate request"), parent)
        self.mark = mark
        self.set_summary(
            self.tr("Request #%1 of %2 (document %3), case %4<br>Requested %5; found late %6")
            .replace("%1", str(mark["request_id"]))
            .replace("%2", mark["org_name"])
            .replace("%3", mark["document_no"])
            .replace("%4", mark["case_no"])
            .replace("%5", mark["requested_at"])
            .replace("%6", mark["at"])
        )
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setPlaceholderText(self.tr("what will be done"))
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("head", self.tr("Department head"), me=True)

    def submit_text(self) -> str:
        return self.tr("Acknowledge and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.acknowledge_court_late(s, int(self.mark["id"]), v["head"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Late request #%1 acknowledged.").replace("%1", str(self.mark["request_id"]))
