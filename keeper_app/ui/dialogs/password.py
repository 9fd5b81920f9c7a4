"""Changing one's own password (everyone): the current one, the new one twice. Keeper makes a
new signing key with it (the old public key stays in the key history); afterwards the window
offers the new key form to print and sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.errors import RuleViolation
from ...services import people as people_svc
from ...services.session import Credential, Session
from ..context import UiContext
from .base import WorkflowDialog


class ChangePasswordDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Change password"), parent)
        self.old = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.old.setObjectName("old_password")
        self.new = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new.setObjectName("new_password")
        self.new2 = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new2.setObjectName("new_password2")
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("New password again"), self.new2)
        me = ctx.session.person
        self.set_summary(
            self.tr(
                "%1: a new signing key is made with your new password. Your earlier "
                "signatures stay valid; print the new key form afterwards and sign it with "
                "the administrator."
            ).replace("%1", f"{me.name} ({me.badge})")
        )
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Change password")

    def values(self) -> dict[str, Any]:
        return {"old": self.old.text(), "new": self.new.text(), "new2": self.new2.text()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if v["new"] != v["new2"]:
            raise RuleViolation("password_mismatch", "the two passwords differ")
        people_svc.change_password(s, Credential(s.person.badge, v["old"]), v["new"])
        return s.key  # the new key: the window's session signs with it from now on

    def _done(self, result: Any) -> None:
        self.ctx.session.key = result
        super()._done(result)

    def _failed(self, exc: BaseException) -> None:
        for w in (self.old, self.new, self.new2):
            w.clear()
        super()._failed(exc)

    def confirmation(self, result: Any) -> str:
        return self.tr("Password changed; a new signing key is made.")
