"""Choosing a CUPS printer: the queues ``lpstat`` lists (looked up off the GUI thread), each
with its state; a printer remembered in the settings but no longer there stays in the list,
marked as not found, so that printing to it says exactly that."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from printing import cups

from ..errors import refusal
from ..ops import Ops


class PrinterChoice(QWidget):
    changed = Signal(str)  # the printer's name ("" for none)
    listed = Signal()  # the list was (re)loaded, or could not be

    def __init__(
        self, ops: Ops, wanted: str = "", *, allow_none: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ops = ops
        self.wanted = wanted
        self.allow_none = allow_none
        self.printers: list[cups.Printer] = []
        self.combo = QComboBox()
        self.combo.setObjectName("printer")
        self.combo.setMinimumWidth(200)
        self.again = QPushButton(self.tr("Look again"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.again)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.state)
        self._fill([])  # the wanted printer, until the list comes
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit(self.name()))
        self.again.clicked.connect(self.load)
        self.load()

    def name(self) -> str:
        return str(self.combo.currentData() or "")

    def select(self, name: str) -> None:
        i = self.combo.findData(name)
        if i < 0 and name:
            self.combo.addItem(self.tr("%1 (not found)").replace("%1", name), name)
            i = self.combo.count() - 1
        self.combo.setCurrentIndex(max(0, i))

    def load(self) -> None:
        self.again.setEnabled(False)
        self._say(self.tr("Looking for printers…"))
        self.ops.run(
            lambda _n: cups.list_printers(),
            success=self._listed,
            failure=self._not_listed,
            owner=self,
            with_db=False,
        )

    def _listed(self, printers: list[cups.Printer]) -> None:
        self._fill(printers)
        self._say("" if printers else self.tr("No printer is set up on this computer."))

    def _not_listed(self, exc: BaseException) -> None:
        self._fill([])
        r = refusal(exc)
        self._say(r.headline, r.detail)

    def _say(self, text: str, detail: str = "") -> None:
        self.state.setText(text)
        self.state.setToolTip(detail)
        self.state.setVisible(bool(text))

    def _fill(self, printers: list[cups.Printer]) -> None:
        self.printers = list(printers)
        self.again.setEnabled(True)
        before = self.name()
        current = before or self.wanted
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_none:
            self.combo.addItem(self.tr("(none)"), "")
        for p in printers:
            note = ""
            if not p.ready:
                note = (
                    self.tr("stopped") if p.state == "disabled" else self.tr("not accepting jobs")
                )
            self.combo.addItem(p.name + (f" ({note})" if note else ""), p.name)
        default = next((p.name for p in printers if p.default), "")
        self.select(current or ("" if self.allow_none else default))
        self.combo.blockSignals(False)
        if self.name() != before:
            self.changed.emit(self.name())
        self.listed.emit()
