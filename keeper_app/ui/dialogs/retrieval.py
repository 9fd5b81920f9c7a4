"""Retrieval of the duplicate (Art. 19-20): the disc goes out only under a retrieval request
the head of the case's department approved (services.retrieval_requests); the special
register records retriever, time, reason, estimated usage time and approver from it; the
retriever and the keeper sign. Without an approved request, the keeper asks for one here."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from ...services import custody, retrieval_requests
from ...services.session import Session
from ..context import UiContext
from ..labels import label
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
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("default: the retriever's own unit"))
        self.form.addRow(self.tr("Approved request"), self.request)
        self.form.addRow("", self.ask)
        self.form.addRow(self.tr("Retriever's unit"), self.unit)
        self.signers.add("retriever", self.tr("Retriever"))
        self.signers.add("keeper", self.tr("Keeper"), me=True)
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
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.retrieve(
            s, self.rec.code, v["retriever"], v["keeper"], int(v["request"]), v["unit"]
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Register entry #%1: %2 is out.")
            .replace("%1", str(result))
            .replace("%2", self.rec.pretty)
        )
