"""Handing the duplicate to a court or procuratorate (Art. 19 para 2); the recipient and the
keeper sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...services import lookup, transfers
from ...services.session import Session
from ..context import UiContext
from ..labels import label
from .base import WorkflowDialog
from .record_summary import medium_summary


class CourtTransferDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Transfer to a court or procuratorate"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.request = QComboBox()
        self._open: dict[int, dict[str, Any]] = {}
        for q in lookup.court_requests(ctx.session, rec.case_no):
            if not q["served"]:
                self._open[int(q["id"])] = q
                self.request.addItem(
                    self.tr("#%1 %2 %3, document %4, requested %5")
                    .replace("%1", str(q["id"]))
                    .replace("%2", label("Org", q["org_kind"]))
                    .replace("%3", q["org_name"])
                    .replace("%4", q["document_no"])
                    .replace("%5", q["requested_at"]),
                    q["id"],
                )
        if self.request.count() == 0:
            self.banner.say(
                "warn",
                self.tr(
                    "No open request for this case: register the "
                    "court's or procuratorate's request first."
                ),
            )
        self.form.addRow(self.tr("Request"), self.request)
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.form.addRow(self.tr("Still asked for"), self.items)
        self.request.currentIndexChanged.connect(self._show_items)
        self._show_items()
        self.signers.add(
            "recipient", self.tr("Recipient (court/procuratorate)"), role="outside_retriever"
        )
        self.signers.add("keeper", self.tr("Keeper"), me=True)

    def _show_items(self) -> None:
        """The open items of the chosen request (issue 14: it stays open until each is
        transferred or closed with a reason), and LATE once past its three days."""
        q = self._open.get(int(self.request.currentData() or 0))
        if q is None:
            self.items.setText("")
            return
        lines = [i["what"] for i in q["items"] if not i["closed"]]
        text = "\n".join(lines)
        if q["late"]:
            text = self.tr("LATE: past the 3 days") + ("\n" + text if text else "")
        self.items.setText(text)

    def values(self) -> dict[str, Any]:
        return {
            "request": self.request.currentData() or 0,
            "recipient": self.signers.credential("recipient"),
            "keeper": self.signers.credential("keeper"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.court_transfer(
            s, int(v["request"]), self.rec.code, v["recipient"], v["keeper"]
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Transfer #%1: %2 handed over.")
            .replace("%1", str(result))
            .replace("%2", self.rec.pretty)
        )
