"""The sign-in window: badge (scanned or typed) and password. Errors are shown in the window;
the password check runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.session import Credential, Signer, authenticate
from ..timeutil import now_utc
from .feedback import Feedback
from .ops import Ops
from .scanner import is_medium_code
from .settings import LANGUAGES
from .widgets.banner import Banner


class SignInWindow(QWidget):
    signed_in = Signal(object)  # the Signer (the person and their unlocked key)
    language_chosen = Signal(str)

    def __init__(
        self,
        ops: Ops,
        feedback: Feedback,
        language: str,
        clock: Callable[[], datetime] = now_utc,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ops, self.feedback, self.clock = ops, feedback, clock
        self.ready = True
        self.setObjectName("sign_in")
        self.setMinimumWidth(460)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.badge = QLineEdit()
        self.badge.setObjectName("badge")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.button = QPushButton()
        self.button.setObjectName("sign_in_button")
        self.button.setDefault(True)
        self.banner = Banner()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self.badge.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

        self.form = QFormLayout()
        self.badge_label, self.password_label = QLabel(), QLabel()
        self.form.addRow(self.badge_label, self.badge)
        self.form.addRow(self.password_label, self.password)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(12)
        lay.addLayout(self.form)
        lay.addWidget(self.banner)
        lay.addWidget(self.button)
        lay.addSpacing(8)
        lay.addWidget(self.language, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()
        self.badge.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keeper — sign in"))
        self.title.setText("<h2>" + self.tr("Interrogation recordings: custody") + "</h2>")
        self.subtitle.setText(
            self.tr("Scan your badge or type your badge number, then your password.")
        )
        self.badge_label.setText(self.tr("Badge"))
        self.password_label.setText(self.tr("Password"))
        self.button.setText(self.tr("Sign in"))

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def set_ready(self, ready: bool) -> None:
        """While the database is being opened and checked the form can be filled in, but
        nobody signs in until the check has passed."""
        self.ready = ready
        self.button.setEnabled(ready)
        if ready:
            self.banner.clear_message()
        else:
            self.banner.say("info", self.tr("Checking the database before use…"))

    def cannot_open(self, exc: BaseException) -> None:
        self.ready = False
        self.button.setEnabled(False)
        self.banner.refuse(exc)
        self.feedback.refused()

    def handle_scan(self, text: str) -> None:
        """A badge scanned at the sign-in window fills the badge field; a disc scanned here
        is ignored, with a note (it is never typed into a field, nor taken for a password)."""
        if is_medium_code(text):
            self.feedback.refused()
            self.banner.say(
                "warn",
                self.tr("A disc was scanned (%1): sign in first, then scan it again.").replace(
                    "%1", text.strip()
                ),
            )
            return
        self.badge.setText(text.strip().upper())
        self.password.setFocus()

    def submit(self) -> None:
        if not self.ready:
            return
        if is_medium_code(self.password.text()):  # a disc scanned slowly: not a password
            code = self.password.text()
            self.password.clear()
            self.handle_scan(code)
            return
        cred = Credential(self.badge.text(), self.password.text())
        self.button.setEnabled(False)
        self.banner.say("info", self.tr("Checking…"))

        def work(db: Any) -> Signer:
            return authenticate(db.conn, cred, clock=self.clock)

        self.ops.run(work, success=self._ok, failure=self._failed, owner=self)

    def _ok(self, person: Signer) -> None:
        self.password.clear()
        self.banner.clear_message()
        self.button.setEnabled(True)
        self.signed_in.emit(person)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.banner.refuse(exc)
        self.feedback.refused()
