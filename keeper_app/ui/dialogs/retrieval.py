"""Retrieval of the duplicate (Art. 19-20): the disc goes out only under a retrieval request
the head of the case's department approved (services.retrieval_requests); the special
register records retriever, time, reason, estimated usage time and approver from it; the
retriever and the keeper sign. Without an approved request, the keeper asks for one here, or
the head of the case's department signs the approval at the counter with his own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...domain.rules import MAX_USAGE_HOURS
from ...services import custody, retrieval_requests
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog
from .record_summary import medium_summary
from .retrieval_request import RetrievalRequestDialog


class RetrievalDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Retrieval of the duplicate"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.request = QComboBox()
        self.request.setObjectName("retrieval_request")
        self.ask = QPushButton(self.tr("Ask the department head for approval…"))
        self.ask.setObjectName("ask_approval")
        self.ask.setAutoDefault(False)
        self.ask.clicked.connect(self.open_request)
        # or: the head of the case's department signs the approval here (Art. 20)
        self.at_counter = QCheckBox(self.tr("The department head signs the approval here"))
        self.at_counter.setObjectName("approve_at_counter")
        self.counter_fields = QWidget()
        cf = QFormLayout(self.counter_fields)
        cf.setContentsMargins(0, 0, 0, 0)
        self.reason = QComboBox()
        for r in values("Reason"):
            self.reason.addItem(label("Reason", r), r)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_USAGE_HOURS)
        self.hours.setValue(24)
        self.hours.setSuffix(self.tr(" h"))
        self.purpose = QLineEdit()
        cf.addRow(self.tr("Reason"), self.reason)
        cf.addRow(self.tr("Estimated usage time"), self.hours)
        cf.addRow(self.tr("Purpose (details)"), self.purpose)
        self.counter_fields.hide()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("default: the retriever's own unit"))
        self.form.addRow(self.tr("Approved request"), self.request)
        self.form.addRow("", self.ask)
        self.form.addRow("", self.at_counter)
        self.form.addRow(self.counter_fields)
        self.form.addRow(self.tr("Retriever's unit"), self.unit)
        self.signers.add("retriever", self.tr("Retriever"))
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("approver", self.tr("Department head (approver)"), role="dept_head")
        self.signers.set_required("approver", False)
        self.at_counter.toggled.connect(self._approve_here)
        self.request_dialog: RetrievalRequestDialog | None = None
        self.load_requests()

    def load_requests(self) -> None:
        self.request.clear()
        for q in retrieval_requests.usable_requests(self.ctx.session, self.rec.code):
            self.request.addItem(
                self.tr("#%1 %2 (%3), %4, %5 h; approved by %6 at %7")
                .replace("%1", str(q["id"]))
                .replace("%2", q["retriever"])
                .replace("%3", q["retriever_badge"])
                .replace("%4", label("Reason", q["reason"]))
                .replace("%5", str(q["est_usage_hours"]))
                .replace("%6", q["decided_by_name"])
                .replace("%7", q["decided_at"]),
                q["id"],
            )
        if self.request.count() == 0:
            self.banner.say(
                "warn",
                self.tr(
                    "No approved retrieval request for this disc: ask the head of the "
                    "case's department for approval first."
                ),
            )
        else:
            self.banner.clear_message()

    def _approve_here(self, on: bool) -> None:
        self.counter_fields.setVisible(on)
        self.request.setEnabled(not on)
        self.signers.set_required("approver", on)
        if on:
            self.banner.clear_message()

    def open_request(self) -> None:
        d = RetrievalRequestDialog(self.ctx, self.rec, self)
        self.request_dialog = d
        d.completed.connect(lambda _text: self.load_requests())
        d.open()

    def values(self) -> dict[str, Any]:
        return {
            "request": self.request.currentData() or 0,
            "unit": self.unit.text().strip() or None,
            "retriever": self.signers.credential("retriever"),
            "keeper": self.signers.credential("keeper"),
            "at_counter": self.at_counter.isChecked(),
            "approver": self.signers.credential("approver"),
            "reason": self.reason.currentData(),
            "hours": self.hours.value(),
            "purpose": self.purpose.text(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if v["at_counter"]:
            return retrieval_requests.retrieve_countersigned(
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
        return custody.retrieve(
            s, self.rec.code, v["retriever"], v["keeper"], int(v["request"]), v["unit"]
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Register entry #%1: %2 is out.")
            .replace("%1", str(result))
            .replace("%2", self.rec.pretty)
        )
