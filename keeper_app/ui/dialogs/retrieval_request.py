"""A retrieval request (Art. 19-20), made by the keeper at the counter on the retriever's
behalf: who, why, for how long; the head of the case's department decides in his inbox."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from ...domain.rules import MAX_USAGE_HOURS
from ...services import retrieval_requests
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog
from .record_summary import medium_summary


class RetrievalRequestDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Request to retrieve the duplicate"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.retriever = QComboBox()
        self.retriever.setObjectName("retriever")
        for p in ctx.people():
            if p.get("badge") and any(
                r in (p.get("roles") or "") for r in ("case_handler", "reviewer", "dept_head")
            ):
                self.retriever.addItem(f"{p['name']} ({p['badge']})", p["badge"])
        self.retriever.setCurrentIndex(-1)
        self.reason = QComboBox()
        for r in values("Reason"):
            self.reason.addItem(label("Reason", r), r)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_USAGE_HOURS)
        self.hours.setValue(24)
        self.hours.setSuffix(self.tr(" h"))
        self.purpose = QLineEdit()
        self.form.addRow(self.tr("Retriever"), self.retriever)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Estimated usage time"), self.hours)
        self.form.addRow(self.tr("Purpose (details)"), self.purpose)
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Send to the department head")

    def values(self) -> dict[str, Any]:
        return {
            "retriever": self.retriever.currentData() or "",
            "reason": self.reason.currentData(),
            "hours": self.hours.value(),
            "purpose": self.purpose.text(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return retrieval_requests.request_retrieval(
            s, self.rec.code, v["retriever"], v["reason"], v["hours"], v["purpose"]
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("Retrieval request #%1 sent to the head of the case's department.").replace(
            "%1", str(result)
        )
