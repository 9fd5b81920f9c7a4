"""Checking seized items item by item against a list (Art. 131: at a temporary transfer out
and back, the keeper and the investigator check the inventory in person): every tag scanned
ticks its item off; a tag of an item not on the list, the same tag twice and a malformed code
each get their own clear message, and tick nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RuleViolation

GREEN = QColor("#e3f4e1")


class TagChecklist(QWidget):
    """``rows``: the expected items, each a dict with ``code`` (as stored), ``shown`` (as
    printed under the barcode) and ``what`` (type and specification). ``parse(text)`` gives
    the stored code of a scanned tag or raises RuleViolation (malformed).

    ``checked(kind, shown)`` after every scan: kind is "ticked", "not_listed", "twice" or
    "malformed"."""

    checked = Signal(str, str)

    def __init__(self, parse: Callable[[str], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.parse = parse
        self.rows: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.ticked: list[str] = []
        self.notes: dict[str, str] = {}  # code -> what the row's check column says instead
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("tag_checklist")
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.count = QLabel()
        self.count.setObjectName("checklist_count")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Item"), self.tr("Checked")])
        for i, r in enumerate(self.rows):
            done = r["code"] in self.ticked
            self._cell(i, 2, self.notes.get(r["code"], "✔") if done else self.tr("not yet"))
        self._count()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = list(rows)
        self.index = {r["code"]: i for i, r in enumerate(self.rows)}
        self.ticked, self.notes = [], {}
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            self._cell(i, 0, str(r["shown"]))
            self._cell(i, 1, str(r.get("what", "")))
            self._cell(i, 2, self.tr("not yet"))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._count()

    def _cell(self, row: int, col: int, text: str) -> None:
        item = self.table.item(row, col)
        if item is None:
            self.table.setItem(row, col, QTableWidgetItem(text))
        else:
            item.setText(text)

    def _count(self) -> None:
        self.count.setText(
            self.tr("Expected %1 · checked %2 · not yet %3")
            .replace("%1", str(len(self.rows)))
            .replace("%2", str(len(self.ticked)))
            .replace("%3", str(len(self.missing())))
        )

    def mark(self, code: str, text: str) -> None:
        """A note on a checked item's row (it came back damaged, say)."""
        row = self.index.get(code)
        if row is not None:
            self._cell(row, 2, text)
            self.notes[code] = text

    def missing(self) -> list[str]:
        return [r["code"] for r in self.rows if r["code"] not in self.ticked]

    def complete(self) -> bool:
        return bool(self.rows) and not self.missing()

    def scan(self, text: str) -> tuple[str, str, RuleViolation | None]:
        """One tag scanned: (kind, what to show, the refusal of a malformed code)."""
        try:
            code = self.parse(text)
        except RuleViolation as exc:
            self.checked.emit("malformed", text.strip())
            return "malformed", text.strip(), exc
        row = self.index.get(code)
        shown = str(self.rows[row]["shown"]) if row is not None else code
        if row is None:
            kind = "not_listed"
        elif code in self.ticked:
            kind = "twice"
        else:
            kind = "ticked"
            self.ticked.append(code)
            for j in range(self.table.columnCount()):
                cell = self.table.item(row, j)
                if cell is not None:
                    cell.setBackground(QBrush(GREEN))
            self._cell(row, 2, "✔")
            item = self.table.item(row, 2)
            if item is not None:
                self.table.scrollToItem(item)
            self._count()
        self.checked.emit(kind, shown)
        return kind, shown, None
