"""A read-only table model over a list of dicts (service results), with per-column
formatting and an optional row colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    fmt: Callable[[Any], str] | None = None


class DictTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        colour: Callable[[dict[str, Any]], str | None] | None = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []
        self._colour = colour

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def row(self, i: int) -> dict[str, Any]:
        return self.rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            v = r.get(c.key)
            if c.fmt is not None:
                return c.fmt(v)
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.BackgroundRole and self._colour is not None:
            colour = self._colour(r)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return r.get(c.key)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None


def row_key(r: dict[str, Any]) -> tuple[Any, ...]:
    """What names a row of a service's list across two reads of it (its entry's number,
    or for the due board what is due of what)."""
    return tuple(r.get(k) for k in ("id", "request_id", "kind", "ref", "code"))


def refill(
    table: QTableView,
    model: DictTableModel,
    rows: list[dict[str, Any]],
    key: Callable[[dict[str, Any]], Any] = row_key,
) -> bool:
    """Show ``rows`` read again in ``table``, keeping what the user selected (the same rows,
    wherever they are now), the current row and the scroll position: a list refreshed
    because another desk changed the register must not move under the user's hand. The
    same rows as shown: nothing is touched. Whether anything changed."""
    if rows == model.rows:
        return False
    sel = table.selectionModel()
    chosen = {key(model.rows[ix.row()]) for ix in sel.selectedRows()} if sel else set()
    cur = table.currentIndex()
    current = key(model.rows[cur.row()]) if cur.isValid() and cur.row() < len(model.rows) else None
    column = cur.column() if cur.isValid() else 0
    scroll = table.verticalScrollBar().value()
    model.set_rows(rows)
    sel = table.selectionModel()
    if sel is not None and (chosen or current is not None):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, r in enumerate(model.rows):
            k = key(r)
            if k == current:
                sel.setCurrentIndex(
                    model.index(i, column), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            if k in chosen:
                sel.select(model.index(i, 0), flags)
    table.verticalScrollBar().setValue(scroll)
    return True
