"""Moving a disc to another shelf location."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog
from .record_summary import medium_summary


class LocationDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Move to another shelf location"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.location = QLineEdit(rec.location)
        self.form.addRow(self.tr("New shelf location"), self.location)
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Move")

    def values(self) -> dict[str, Any]:
        return {"location": self.location.text()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.set_location(s, self.rec.code, v["location"])

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("%1 moved to %2.")
            .replace("%1", self.rec.pretty)
            .replace("%2", self.location.text().strip())
        )
