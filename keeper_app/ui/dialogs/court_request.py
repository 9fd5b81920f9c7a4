"""Registering a court's or procuratorate's request for the recordings (Art. 19 para 2):
the duplicate must reach them within three days of the request."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...services import transfers
from ...services.session import Session
from ...timeutil import parse_user, show
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog


class CourtRequestDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, case_no: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Court or procuratorate request"), parent)
        self.case_no = case_no
        self.set_summary(self.tr("Case %1").replace("%1", case_no))
        self.org_kind = QComboBox()
        for v in values("Org"):
            self.org_kind.addItem(label("Org", v), v)
        self.org_name = QLineEdit()
        self.document_no = QLineEdit()
        self.requested_at = QLineEdit(show(ctx.session.now()))
        self.requested_at.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.form.addRow(self.tr("Requested by"), self.org_kind)
        self.form.addRow(self.tr("Name of the court or procuratorate"), self.org_name)
        self.form.addRow(self.tr("Document number"), self.document_no)
        self.form.addRow(self.tr("Time of the request"), self.requested_at)
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Register")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.org_kind.currentData(),
            "name": self.org_name.text(),
            "doc": self.document_no.text(),
            "at": self.requested_at.text(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.register_court_request(
            s, self.case_no, v["kind"], v["name"], v["doc"], parse_user(v["at"])
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("Request #%1 registered; the duplicate is due within 3 days.").replace(
            "%1", str(result)
        )
