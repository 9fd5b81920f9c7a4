"""The department head acknowledges a report of damage, replacement, loss or a late
handover (Art. 17, 20), signing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog


class IncidentAckDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, incident: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Acknowledge an incident"), parent)
        self.incident = incident
        self.set_summary(
            self.tr("Incident #%1: %2 — %3, case %4<br>%5<br>Reported by %6 at %7")
            .replace("%1", str(incident["id"]))
            .replace("%2", label("Incident", incident["kind"]))
            .replace("%3", incident["code"])
            .replace("%4", incident["case_no"])
            .replace("%5", incident["description"] or "")
            .replace("%6", incident["reported_by"])
            .replace("%7", incident["at"])
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
        return custody.acknowledge_incident(s, int(self.incident["id"]), v["head"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Incident #%1 acknowledged.").replace("%1", str(self.incident["id"]))
