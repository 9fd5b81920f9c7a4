"""The lock page that replaces the main window's content after the idle time: case data is
hidden; the same person unlocks with their password, or signs out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..services.session import Credential, authenticate
from .context import UiContext
from .scanner import is_medium_code
from .widgets.banner import Banner


class LockPage(QWidget):
    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lock_page")
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("unlock_password")
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.clicked.connect(self.unlock)
        self.out_button = QPushButton()
        self.out_button.clicked.connect(self.sign_out)
        self.banner = Banner()
        self.banner.setObjectName("unlock_banner")
        self.banner.setMaximumWidth(480)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        for w in (
            self.title,
            self.who,
            self.password,
            self.unlock_button,
            self.banner,
            self.out_button,
        ):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        me = self.ctx.me
        # (no emoji: the CJK font has no lock glyph and showed an empty box)
        self.title.setText("<h2>" + self.tr("Locked") + "</h2>")
        self.who.setText(
            self.tr("Signed in: %1 (%2). Type your password to continue.")
            .replace("%1", me.name)
            .replace("%2", me.badge)
        )
        self.password.setPlaceholderText(self.tr("password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.out_button.setText(self.tr("Sign out (another person)"))

    def reset(self) -> None:
        self.password.clear()
        self.banner.clear_message()
        self.unlock_button.setEnabled(True)
        self.password.setFocus()

    def unlock(self) -> None:
        me = self.ctx.me
        if is_medium_code(self.password.text()):  # a disc scanned slowly: not a password
            self.password.clear()
            self.scan_ignored()
            return
        cred = Credential(me.badge, self.password.text())
        self.unlock_button.setEnabled(False)

        def work(db: Any) -> int:
            return authenticate(db.conn, cred, clock=self.ctx.session.clock).person.id

        self.ctx.ops.run(work, success=self._ok, failure=self._failed, owner=self)

    def scan_ignored(self, _text: str = "") -> None:
        """A scan at the lock screen: not counted as a password, not handled; said so."""
        self.ctx.feedback.refused()
        self.banner.say("warn", self.tr("Locked: the scan was ignored. Unlock, then scan again."))

    def _ok(self, person_id: int) -> None:
        self.unlock_button.setEnabled(True)
        if person_id == self.ctx.me.id:
            self.password.clear()
            self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
