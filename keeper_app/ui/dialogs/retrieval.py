"""Retrieval of the duplicate (Art. 19-20): the special register records retriever, time,
reason, estimated usage time and approver; the retriever and the keeper sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from ...domain.rules import MAX_USAGE_HOURS
from ...services import custody
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog
from .record_summary import medium_summary


class RetrievalDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Retrieval of the duplicate"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.reason = QComboBox()
        for r in values("Reason"):
            self.reason.addItem(label("Reason", r), r)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_USAGE_HOURS)
        self.hours.setValue(24)
        self.hours.setSuffix(self.tr(" h"))
        self.approver = QComboBox()
        for p in ctx.people("dept_head"):
            self.approver.addItem(f"{p['name']} ({p['badge']}) {p['department']}", p["badge"])
        self.approver.setCurrentIndex(-1)
        self.purpose = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("default: the retriever's own unit"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Estimated usage time"), self.hours)
        self.form.addRow(self.tr("Approved by"), self.approver)
        self.form.addRow(self.tr("Purpose (details)"), self.purpose)
        self.form.addRow(self.tr("Retriever's unit"), self.unit)
        self.signers.add("retriever", self.tr("Retriever"))
        self.signers.add("keeper", self.tr("Keeper"), me=True)

    def values(self) -> dict[str, Any]:
        return {
            "reason": self.reason.currentData(),
            "hours": self.hours.value(),
            "approver": self.approver.currentData() or "",
            "purpose": self.purpose.text(),
            "unit": self.unit.text().strip() or None,
            "retriever": self.signers.credential("retriever"),
            "keeper": self.signers.credential("keeper"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.retrieve(
            s,
            self.rec.code,
            v["retriever"],
            v["keeper"],
            v["approver"],
            v["reason"],
            v["hours"],
            v["purpose"],
            v["unit"],
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Register entry #%1: %2 is out.")
            .replace("%1", str(result))
            .replace("%2", self.rec.pretty)
        )
