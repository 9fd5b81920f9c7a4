"""Lifting a person's sign-in lock (administrators), countersigned by a department head with
their own badge number and password (issue 10, point 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ...services import lockout
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class UnlockDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, person: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Unlock %1").replace("%1", str(person["name"])), parent)
        self.setObjectName("unlock_dialog")
        self.person = person
        self.form.addRow(self.tr("Person"), QLabel(f"{person['name']} ({person['badge']})"))
        self.signers.add("head", self.tr("Department head (countersigns)"), role="dept_head")

    def submit_text(self) -> str:
        return self.tr("Unlock")

    def values(self) -> dict[str, Any]:
        return {"head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return lockout.unlock(s, str(self.person["badge"]), v["head"])

    def confirmation(self, result: Any) -> str:
        return self.tr("%1 unlocked.").replace("%1", str(self.person["name"]))
