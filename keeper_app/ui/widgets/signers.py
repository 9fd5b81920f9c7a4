"""The signatures a workflow needs, one row per signer: who signs in what capacity, whether
they have signed, and a button that opens their signature dialog."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ...domain.model import Person
from ...services.session import Credential
from ..context import UiContext
from .signature_dialog import SignatureDialog


@dataclass
class Slot:
    key: str
    capacity: str
    fixed_badge: str | None
    role: str | None
    preset: str | None
    status: QLabel
    button: QPushButton
    credential: Credential | None = None
    person: Person | None = None
    required: bool = True
    name: QLabel | None = None


class SignersBox(QGroupBox):
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Signatures"))
        self.ctx = ctx
        self.slots: dict[str, Slot] = {}
        self.dialog: SignatureDialog | None = None  # the one open now
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)

    def add(
        self,
        key: str,
        capacity: str,
        *,
        me: bool = False,
        role: str | None = None,
        preset: str | None = None,
    ) -> None:
        """A signer; ``me`` fixes the badge to the person signed in (the keeper at the
        counter, a head deciding)."""
        row = len(self.slots)
        name = QLabel(f"<b>{capacity}</b>")
        status = QLabel()
        button = QPushButton(self.tr("Sign…"))
        button.setObjectName(f"sign_{key}")
        button.setAutoDefault(False)  # Enter belongs to the dialog's default button
        self._grid.addWidget(name, row, 0)
        self._grid.addWidget(status, row, 1)
        self._grid.addWidget(button, row, 2)
        slot = Slot(key, capacity, self.ctx.me.badge if me else None, role, preset, status, button)
        slot.name = name
        self.slots[key] = slot
        button.clicked.connect(lambda: self.open_dialog(key))
        self._show(slot)

    def set_preset(self, key: str, badge: str | None) -> None:
        self.slots[key].preset = badge

    def open_dialog(self, key: str) -> SignatureDialog:
        s = self.slots[key]
        d = SignatureDialog(
            self.ctx,
            s.capacity,
            fixed_badge=s.fixed_badge,
            role=s.role,
            preset_badge=s.preset,
            parent=self,
        )
        d.signed.connect(lambda cred, person: self._signed(key, cred, person))
        d.finished.connect(lambda _r: d.deleteLater())
        self.dialog = d
        d.open()
        return d

    def _signed(self, key: str, cred: Credential, person: Person) -> None:
        s = self.slots[key]
        s.credential, s.person = cred, person
        self._show(s)
        self.changed.emit()

    def _show(self, s: Slot) -> None:
        if s.person is None:
            s.status.setText("<span style='color:#888'>" + self.tr("not signed yet") + "</span>")
            s.button.setText(self.tr("Sign…"))
            return
        drawn = (
            self.tr(" (with drawn signature)") if s.credential and s.credential.drawn_png else ""
        )
        s.status.setText(
            f"<span style='color:#1d5b1a'>✔ {s.person.name} ({s.person.badge}){drawn}</span>"
        )
        s.button.setText(self.tr("Sign again…"))

    def credential(self, key: str) -> Credential | None:
        return self.slots[key].credential

    def missing(self) -> list[str]:
        return [s.capacity for s in self.slots.values() if s.required and s.credential is None]

    def set_required(self, key: str, required: bool) -> None:
        """Whether a signer is needed (shown) now: e.g. a head countersigns only a grant that
        gives a custody role."""
        s = self.slots[key]
        s.required = required
        for w in (s.name, s.status, s.button):
            if w is not None:
                w.setVisible(required)
        self.setVisible(any(x.required for x in self.slots.values()))

    def clear(self) -> None:
        for s in self.slots.values():
            s.credential = s.person = None
            self._show(s)
