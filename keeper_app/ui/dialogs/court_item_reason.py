"""Closing an item of a court's or procuratorate's request that will not be transferred, with
the reason (Art. 19-20, issue 14): the request stays open until each item is transferred or
closed so; the keeper records it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...services import lookup, transfers
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class CourtItemReasonDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, case_no: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Close a requested item"), parent)
        self.case_no = case_no
        self.set_summary(self.tr("Case %1").replace("%1", case_no))
        self.item = QComboBox()
        for q in lookup.court_requests(ctx.session, case_no):
            if q["served"]:
                continue
            for i in q["items"]:
                if not i["closed"]:
                    self.item.addItem(
                        self.tr("Request #%1 (%2): %3")
                        .replace("%1", str(q["id"]))
                        .replace("%2", q["document_no"])
                        .replace("%3", i["what"]),
                        i["id"],
                    )
        if self.item.count() == 0:
            self.banner.say("warn", self.tr("No open request of this case has an open item."))
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Reason it is not transferred"), self.reason)
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Close the item")

    def values(self) -> dict[str, Any]:
        return {"item": self.item.currentData() or 0, "reason": self.reason.text()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.close_court_item(s, int(v["item"]), v["reason"])

    def confirmation(self, result: Any) -> str:
        return self.tr("The item is closed with its reason.")
