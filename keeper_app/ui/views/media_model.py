"""The media list as a lazily fetched model: rows come a page at a time from
``lookup.media(limit, offset)`` on a worker thread when the view scrolls near the end, so a
register of a million media opens at once and stays responsive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableView

from ...services import lookup
from ..context import UiContext
from ..ops import worker_session
from .table_model import Column, DictTableModel, refill

Index = QModelIndex | QPersistentModelIndex

#: columns the service can order by
ORDERS = {"code": "code", "status": "status", "case_no": "case", "burned_at": "burned_at"}


class MediaModel(DictTableModel):
    loading = Signal(bool)
    failed = Signal(object)

    def __init__(self, ctx: UiContext, columns: list[Column], parent: QObject | None = None):
        super().__init__(columns, parent)
        self.ctx = ctx
        self.page = 200
        self.filters: dict[str, Any] = {}
        self.order = "code"
        self.exhausted = False
        self.fetching = False
        self._generation = 0

    def set_filters(self, order: str | None = None, **filters: Any) -> None:
        """New filters (or order): the list starts again from its first page."""
        self.filters = {k: v for k, v in filters.items() if v}
        if order is not None:
            self.order = order
        self._generation += 1
        self.fetching = False
        self.exhausted = False
        self.set_rows([])
        self.fetchMore(QModelIndex())

    def reload(self, table: QTableView) -> None:
        """The rows shown read again (another desk changed the register): as many as have
        been fetched, from the first, under the same filters; the user's selection and
        scroll position kept (:func:`refill`)."""
        self._generation += 1
        self.fetching = True
        self.loading.emit(True)
        gen, s = self._generation, self.ctx.session
        limit = max(self.page, len(self.rows))
        args = dict(self.filters, limit=limit, offset=0, order=self.order)

        def arrived(rows: list[dict[str, Any]]) -> None:
            if gen != self._generation:
                return
            self.fetching = False
            self.exhausted = len(rows) < limit
            refill(table, self, rows, key=lambda r: r["code"])
            self.loading.emit(False)

        self.ctx.ops.run(
            lambda db: lookup.media(worker_session(db, s), **args),
            success=arrived,
            failure=lambda exc: self._failed(gen, exc),
            owner=self,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self.exhausted or self.fetching:
            return
        self.fetching = True
        self.loading.emit(True)
        gen, s = self._generation, self.ctx.session
        args = dict(self.filters, limit=self.page, offset=len(self.rows), order=self.order)
        self.ctx.ops.run(
            lambda db: lookup.media(worker_session(db, s), **args),
            success=lambda rows: self._arrived(gen, rows),
            failure=lambda exc: self._failed(gen, exc),
            owner=self,
        )

    def _arrived(self, gen: int, rows: list[dict[str, Any]]) -> None:
        if gen != self._generation:
            return  # an answer to filters no longer shown
        self.fetching = False
        if len(rows) < self.page:
            self.exhausted = True
        self.append_rows(rows)
        self.loading.emit(False)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self.fetching = False
        self.exhausted = True
        self.loading.emit(False)
        self.failed.emit(exc)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].key
        if key in ORDERS:
            self.set_filters(order=ORDERS[key], **self.filters)
