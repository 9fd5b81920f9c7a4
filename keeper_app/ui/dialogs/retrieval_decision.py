"""The head of the case's department approves or refuses a retrieval of the duplicate
(Art. 20) in his own session, signing with his own password; a refusal says why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import retrieval_requests
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog


class RetrievalDecisionDialog(WorkflowDialog):
    def __init__(
        self, ctx: UiContext, request: dict[str, Any], approve: bool, parent: QWidget | None = None
    ):
        title = (
            QCoreApplication.translate("RetrievalDecisionDialog", "Approve the retrieval")
            if approve
            else QCoreApplication.translate("RetrievalDecisionDialog", "Refuse the retrieval")
        )
        self.approve = approve
        super().__init__(ctx, title, parent)
        self.request = request
        self.set_summary(
            self.tr(
                "Retrieval request #%1: %2, case %3<br>Retriever: %4 (%5)<br>"
                "Reason: %6, %7 h<br>Purpose: %8<br>Requested by %9 at %10"
            )
            .replace("%10", request["requested_at"])
            .replace("%1", str(request["id"]))
            .replace("%2", request["code"])
            .replace("%3", request["case_no"])
            .replace("%4", request["retriever"])
            .replace("%5", request["retriever_badge"])
            .replace("%6", label("Reason", request["reason"]))
            .replace("%7", str(request["est_usage_hours"]))
            .replace("%8", request["purpose"] or "-")
            .replace("%9", request["requested_by_name"])
        )
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        self.form.addRow(
            self.tr("Note") if approve else self.tr("Reason for the refusal"), self.note
        )
        self.signers.add("head", self.tr("Department head"), me=True)

    def submit_text(self) -> str:
        return self.tr("Approve and sign") if self.approve else self.tr("Refuse and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return retrieval_requests.decide_retrieval(
            s, int(self.request["id"]), v["head"], self.approve, v["note"]
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Retrieval request #%1 approved.")
            if self.approve
            else self.tr("Retrieval request #%1 refused.")
        ).replace("%1", str(self.request["id"]))
