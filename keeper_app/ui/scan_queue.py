"""Scans wait in a queue and are handled one at a time, each in its own turn of the event
loop, so a burst faster than the screen updates is never lost nor run together."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


class ScanQueue(QObject):
    """``handler(text, source)`` is called for each item, in arrival order."""

    pending_changed = Signal(int)

    def __init__(self, handler: Callable[[str, str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._handler = handler
        self._items: deque[tuple[str, str]] = deque()
        self._scheduled = False

    def push(self, text: str, source: str = "scanner") -> None:
        self._items.append((text, source))
        self.pending_changed.emit(len(self._items))
        self._schedule()

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.pending_changed.emit(0)

    def _schedule(self) -> None:
        if not self._scheduled and self._items:
            self._scheduled = True
            QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        self._scheduled = False
        if not self._items:
            return
        text, source = self._items.popleft()
        self.pending_changed.emit(len(self._items))
        try:
            self._handler(text, source)
        finally:
            self._schedule()
