"""One signer signs: identifies by badge (scanned, typed or picked) and types their own
password; may also draw a handwritten signature. The password is checked at once (off the
GUI thread); the entry itself is signed by the service when the workflow is submitted, with
the key that check unlocked (``Credential.checked``: not derived twice)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from printing.images import normalize_signature_png

from ...domain.model import Person
from ...services.session import Credential, checked_credential
from ..context import UiContext
from ..labels import roles_text
from .banner import Banner
from .signature_pad import SignaturePad


class SignatureDialog(QDialog):
    """``signed(credential, person)`` is emitted after the password was checked."""

    signed = Signal(object, object)

    def __init__(
        self,
        ctx: UiContext,
        capacity: str,
        *,
        fixed_badge: str | None = None,
        role: str | None = None,
        preset_badge: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.credential: Credential | None = None
        self.person: Person | None = None
        self.setWindowTitle(self.tr("Signature: %1").replace("%1", capacity))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Scan your badge or pick your name, then type your own "
                "password. Nobody may sign for another person."
            )
        )
        intro.setWordWrap(True)
        self.badge = QComboBox()
        self.badge.setEditable(True)
        self.badge.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.badge.lineEdit()
        assert edit is not None  # an editable combo box has its line edit
        edit.setPlaceholderText(self.tr("badge number"))
        for p in ctx.people(role) if fixed_badge is None else []:
            extra = p["org_name"] or p["department"]
            self.badge.addItem(
                f"{p['badge']}  {p['name']}  ({roles_text(p['roles'])}"
                + (f", {extra})" if extra else ")"),
                p["badge"],
            )
        if fixed_badge:
            me = ctx.me
            self.badge.addItem(f"{me.badge}  {me.name}", me.badge)
            self.badge.setEnabled(False)
        elif preset_badge:
            i = self.badge.findData(preset_badge)
            self.badge.setCurrentIndex(i) if i >= 0 else self.badge.setEditText(preset_badge)
        else:
            self.badge.setCurrentIndex(-1)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("the signer's own password"))

        self.draw = QCheckBox(self.tr("Also draw a handwritten signature"))
        self.pad = SignaturePad()
        clear = QPushButton(self.tr("Clear drawing"))
        clear.clicked.connect(self.pad.clear)
        pad_box = QWidget()
        pad_lay = QVBoxLayout(pad_box)
        pad_lay.setContentsMargins(0, 0, 0, 0)
        pad_lay.addWidget(self.pad)
        pad_lay.addWidget(clear, 0, Qt.AlignmentFlag.AlignRight)
        pad_box.setVisible(False)
        self.draw.toggled.connect(pad_box.setVisible)
        self.draw.toggled.connect(lambda _on: self.adjustSize())

        self.banner = Banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setDefault(True)  # Enter in the password field signs
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        clear.setAutoDefault(False)
        # Enter after a typed badge goes on to the password (it does not sign yet)
        # (on the combo box itself: it passes keys to its line edit by calling event()
        # directly, past any filter on the line edit)
        self.badge.installEventFilter(self)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Badge"), self.badge)
        form.addRow(self.tr("Password"), self.password)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.draw)
        lay.addWidget(pad_box)
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)
        (self.password if fixed_badge or preset_badge else self.badge).setFocus()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            obj is self.badge
            and isinstance(ev, QKeyEvent)
            and ev.type() == QEvent.Type.KeyPress
            and ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.password.setFocus()
            return True
        return super().eventFilter(obj, ev)

    def badge_text(self) -> str:
        i = self.badge.currentIndex()
        if i >= 0 and self.badge.currentText() == self.badge.itemText(i):
            return str(self.badge.itemData(i))
        return self.badge.currentText().strip().split(" ")[0].upper()

    def handle_scan(self, text: str) -> None:
        """A badge scanned while this dialog is open fills the badge field."""
        if not self.badge.isEnabled():
            return
        i = self.badge.findData(text.strip().upper())
        if i >= 0:
            self.badge.setCurrentIndex(i)
        else:
            self.badge.setEditText(text.strip().upper())
        self.password.setFocus()

    def drawing(self) -> bytes | None:
        """The drawn signature as it is stored: on white, grey, small (an 8-bit grey PNG,
        which the register pages embed without decoding it)."""
        png = self.pad.to_png() if self.draw.isChecked() else None
        return normalize_signature_png(png) if png else None

    def check(self) -> None:
        cred = Credential(self.badge_text(), self.password.text(), self.drawing())
        self.sign_button.setEnabled(False)
        self.banner.say("info", self.tr("Checking the password…"))

        def work(db: Any) -> tuple[Credential, Person]:
            # the key the password unlocks goes with the credential to the call it signs,
            # which then derives nothing again (one derivation a signer, not two)
            return checked_credential(db.conn, cred, self.ctx.session.clock)

        self.ctx.ops.run(work, success=lambda r: self._ok(*r), failure=self._failed, owner=self)

    def _ok(self, cred: Credential, person: Person) -> None:
        self.credential, self.person = cred, person
        self.signed.emit(cred, person)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
