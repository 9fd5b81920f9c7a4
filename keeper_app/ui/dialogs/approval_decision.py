"""The department head approves or refuses opening an original (Art. 18), signing."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog


class ApprovalDecisionDialog(WorkflowDialog):
    def __init__(
        self, ctx: UiContext, approval: dict[str, Any], approve: bool, parent: QWidget | None = None
    ):
        title = (
            QCoreApplication.translate("ApprovalDecisionDialog", "Approve opening the original")
            if approve
            else QCoreApplication.translate("ApprovalDecisionDialog", "Refuse opening the original")
        )
        self.approve = approve
        super().__init__(ctx, title, parent)
        self.approval = approval
        self.set_summary(
            self.tr("Request #%1: %2, case %3<br>Reason: %4<br>Requested by %5 at %6")
            .replace("%1", str(approval["id"]))
            .replace("%2", approval["code"])
            .replace("%3", approval["case_no"])
            .replace("%4", label("UnsealReason", approval["reason"]))
            .replace("%5", approval["requested_by"])
            .replace("%6", approval["requested_at"])
            + self._facts(approval)
        )
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("head", self.tr("Department head"), me=True)

    def _facts(self, approval: dict[str, Any]) -> str:
        """Art. 18: the facts the reason rests on, as the request recorded them."""
        if approval.get("unusable_duplicate"):
            return "<br>" + (
                self.tr("The duplicate %1 is recorded %2.")
                .replace("%1", str(approval["unusable_duplicate"]))
                .replace("%2", label("Status", approval.get("duplicate_status", "")))
            )
        if approval.get("doubted_by"):
            return "<br>" + (
                self.tr("Doubted by %1: %2")
                .replace("%1", escape(str(approval["doubted_by"])))
                .replace("%2", escape(str(approval.get("doubt", ""))))
            )
        return ""

    def submit_text(self) -> str:
        return self.tr("Approve and sign") if self.approve else self.tr("Refuse and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.decide_approval(
            s, int(self.approval["id"]), v["head"], self.approve, v["note"]
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Request #%1 approved.") if self.approve else self.tr("Request #%1 refused.")
        ).replace("%1", str(self.approval["id"]))
