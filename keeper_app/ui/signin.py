"""The sign-in window: badge (scanned or typed) and password. Errors are shown in the window;
the password check runs off the GUI thread.

A person added with an enrolment code signs in the first time with "First sign-in with an
enrolment code" (offered too when a password sign-in finds them not enrolled): the code and
the password they choose, twice; their key is made then (services.enrolment.enrol), and
:attr:`enrolled` tells the application to offer the key form."""

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

from ..domain.errors import RuleViolation
from ..services import enrolment
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
        # first sign-in with an enrolment code (hidden until asked for)
        self.enrol_mode = False
        self.enrolled = False  # the last sign-in was a first one: offer the key form
        self.code = QLineEdit()
        self.code.setObjectName("enrolment_code")
        self.new_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_password.setObjectName("new_password")
        self.new_password2 = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_password2.setObjectName("new_password2")
        self.enrol_toggle = QPushButton()
        self.enrol_toggle.setObjectName("enrol_toggle")
        self.enrol_toggle.setFlat(True)
        self.enrol_toggle.clicked.connect(lambda: self.set_enrol_mode(not self.enrol_mode))
        self.code.returnPressed.connect(self.new_password.setFocus)
        self.new_password.returnPressed.connect(self.new_password2.setFocus)
        self.new_password2.returnPressed.connect(self.submit)
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
        self.code_label, self.new_label, self.new2_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.code_label, self.code)
        self.form.addRow(self.new_label, self.new_password)
        self.form.addRow(self.new2_label, self.new_password2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(12)
        lay.addLayout(self.form)
        lay.addWidget(self.banner)
        lay.addWidget(self.button)
        lay.addWidget(self.enrol_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(8)
        lay.addWidget(self.language, 0, Qt.AlignmentFlag.AlignRight)
        self.set_enrol_mode(False)
        self.badge.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keeper — sign in"))
        self.title.setText("<h2>" + self.tr("Interrogation recordings: custody") + "</h2>")
        self.badge_label.setText(self.tr("Badge"))
        self.password_label.setText(self.tr("Password"))
        self.code_label.setText(self.tr("Enrolment code"))
        self.new_label.setText(self.tr("Choose your password"))
        self.new2_label.setText(self.tr("Password again"))
        if self.enrol_mode:
            self.subtitle.setText(
                self.tr(
                    "First sign-in: your badge, the enrolment code the administrator gave "
                    "you, and a password of your own (twice). Your signing key is made now."
                )
            )
            self.button.setText(self.tr("Enrol and sign in"))
            self.enrol_toggle.setText(self.tr("Back to signing in with a password"))
        else:
            self.subtitle.setText(
                self.tr("Scan your badge or type your badge number, then your password.")
            )
            self.button.setText(self.tr("Sign in"))
            self.enrol_toggle.setText(self.tr("First sign-in with an enrolment code…"))

    def set_enrol_mode(self, on: bool) -> None:
        """Show the enrolment fields (code, new password twice) instead of the password."""
        self.enrol_mode = on
        self.form.setRowVisible(self.password, not on)
        for w in (self.code, self.new_password, self.new_password2):
            self.form.setRowVisible(w, on)
            w.clear()
        self.password.clear()
        self.retranslate()
        if on:
            (self.code if self.badge.text().strip() else self.badge).setFocus()
        else:
            self.password.setFocus()

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
        if self.enrol_mode:
            self._enrol()
            return
        cred = Credential(self.badge.text(), self.password.text())
        self.button.setEnabled(False)
        self.banner.say("info", self.tr("Checking…"))

        def work(db: Any) -> Signer:
            return authenticate(db.conn, cred, clock=self.clock)

        self.ops.run(work, success=self._ok, failure=self._failed, owner=self)

    def _enrol(self) -> None:
        badge, code = self.badge.text(), self.code.text()
        pw, pw2 = self.new_password.text(), self.new_password2.text()
        self.button.setEnabled(False)
        self.banner.say("info", self.tr("Checking…"))

        def work(db: Any) -> Signer:
            if pw != pw2:
                raise RuleViolation("password_mismatch", "the two passwords differ")
            s = enrolment.enrol(db, badge, code, pw, self.clock)
            assert s.key is not None
            return Signer(s.person, s.key)

        self.ops.run(work, success=self._enrolled, failure=self._failed, owner=self)

    def _enrolled(self, person: Signer) -> None:
        self.enrolled = True
        for w in (self.code, self.new_password, self.new_password2):
            w.clear()
        self._ok(person)

    def _ok(self, person: Signer) -> None:
        self.password.clear()
        self.banner.clear_message()
        self.button.setEnabled(True)
        self.signed_in.emit(person)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if isinstance(exc, RuleViolation) and exc.code == "not_enrolled" and not self.enrol_mode:
            self.set_enrol_mode(True)  # their first sign-in: offer the enrolment fields
        self.password.clear()
        self.new_password.clear()
        self.new_password2.clear()
        (self.code if self.enrol_mode else self.password).setFocus()
        self.banner.refuse(exc)
        self.feedback.refused()
