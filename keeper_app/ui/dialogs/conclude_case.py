"""Marking a case's investigation concluded (Art. 16 para 3): its media may then go to the
archives."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import lookup, transfers
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class ConcludeCaseDialog(WorkflowDialog):
    def __init__(
        self, ctx: UiContext, case_no: str, case_name: str = "", parent: QWidget | None = None
    ):
        super().__init__(ctx, self.tr("Conclude the investigation"), parent)
        self.case_no = case_no
        self.set_summary(self.tr("Case %1 %2").replace("%1", case_no).replace("%2", case_name))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(70)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.hide()
        # issue 14, point 4: a pair awaiting its handover is handed over first
        self.waiting = lookup.awaiting_handover(ctx.session, case_no)
        if self.waiting:
            self.banner.say(
                "warn",
                self.tr("These discs await their handover; hand them over first: %1").replace(
                    "%1", ", ".join(self.waiting)
                ),
            )

    def submit_text(self) -> str:
        return self.tr("Conclude")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.conclude_case(s, self.case_no, v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Case %1 is concluded.").replace("%1", self.case_no)
