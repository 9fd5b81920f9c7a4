"""Opening the original under an approved request (Art. 18; Art. 129 of the supervision
regulations: two people): the keeper and a witness sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSpinBox, QWidget

from ...domain import rules
from ...services import custody, lookup
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog
from .record_summary import medium_summary


class UnsealDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Unseal the original"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.approval = QComboBox()
        for a in lookup.approvals_for(ctx.session, rec.code):
            if a["decision"] == "approved" and a["used_by"] is None:
                self.approval.addItem(
                    self.tr("#%1 approved — %2, requested %3")
                    .replace("%1", str(a["id"]))
                    .replace("%2", label("UnsealReason", a["reason"]))
                    .replace("%3", a["requested_at"]),
                    a["id"],
                )
        if self.approval.count() == 0:
            self.banner.say(
                "warn",
                self.tr(
                    "No approved request for this disc: ask the head "
                    "of the case's department first."
                ),
            )
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        # Art. 18: the use of the opened original is a register entry with its estimated time
        self.hours = QSpinBox()
        self.hours.setRange(1, rules.MAX_ORIGINAL_USE_HOURS)
        self.hours.setValue(rules.DEFAULT_ORIGINAL_USE_HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.form.addRow(self.tr("Approval"), self.approval)
        self.form.addRow(self.tr("Estimated use of the original"), self.hours)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("witness", self.tr("Witness"))

    def values(self) -> dict[str, Any]:
        return {
            "approval": self.approval.currentData() or 0,
            "note": self.note.toPlainText(),
            "hours": self.hours.value(),
            "keeper": self.signers.credential("keeper"),
            "witness": self.signers.credential("witness"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.unseal(
            s,
            self.rec.code,
            int(v["approval"]),
            v["keeper"],
            v["witness"],
            v["note"],
            est_usage_hours=int(v["hours"]),
        )

    def confirmation(self, result: Any) -> str:
        return self.tr(
            "The original is unsealed (seal event #%1); reseal it promptly after use."
        ).replace("%1", str(result))
