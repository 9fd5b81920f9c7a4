"""A case's recordings with a tick box each, to choose what goes on one disc (Art. 17: several
interrogations of one person in one case may share a disc)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...timeutil import show
from ..labels import label, pretty


def mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


class RecordingsTable(QTableWidget):
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 8, parent)
        self.rows: list[dict[str, Any]] = []
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setMinimumHeight(160)
        self.itemChanged.connect(self._item_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Kind"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Place"),
                self.tr("Files"),
                self.tr("Size"),
                self.tr("On discs"),
            ]
        )
        if self.rows:
            self.set_rows(self.rows, self.checked_ids())

    def set_rows(self, rows: list[dict[str, Any]], checked: list[int] | None = None) -> None:
        self.blockSignals(True)
        self.rows = rows
        self.setRowCount(len(rows))
        ticked = set(checked or [])
        for i, r in enumerate(rows):
            person = QTableWidgetItem(
                f"{r['person_name']} ({label('PersonRole', r['person_role'])})"
            )
            person.setFlags(person.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            person.setCheckState(
                Qt.CheckState.Checked if r["id"] in ticked else Qt.CheckState.Unchecked
            )
            person.setData(Qt.ItemDataRole.UserRole, r["id"])
            cells = [
                person,
                QTableWidgetItem(label("RecordingKind", r["kind"])),
                QTableWidgetItem(show(r["started_at"])),
                QTableWidgetItem(show(r["ended_at"])),
                QTableWidgetItem(r["place"]),
                QTableWidgetItem(str(len(r["files"]))),
                QTableWidgetItem(mb(int(r["size"]))),
                QTableWidgetItem(", ".join(pretty(c) for c in r.get("discs", [])) or "—"),
            ]
            for j, item in enumerate(cells):
                self.setItem(i, j, item)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.blockSignals(False)
        self.selection_changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.selection_changed.emit()

    def _tick(self, i: int) -> QTableWidgetItem | None:
        return self.item(i, 0)

    def set_checked(self, recording_id: int, on: bool = True) -> None:
        for i, r in enumerate(self.rows):
            item = self._tick(i)
            if r["id"] == recording_id and item is not None:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[dict[str, Any]]:
        out = []
        for i, r in enumerate(self.rows):
            item = self._tick(i)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(r)
        return out

    def checked_ids(self) -> list[int]:
        return [int(r["id"]) for r in self.checked()]
