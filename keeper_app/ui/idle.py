"""Idle lock: after a configurable time without keyboard, mouse, touch or pen input the
main window hides case data and asks the signed-in person's password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputEvent


class IdleWatcher(QObject):
    """Install on the QApplication; ``idle`` fires once after ``timeout_ms`` without input."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self._timer.timeout.connect(self.idle)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_timeout(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        # keyboard, mouse, wheel, touch, pen: all QInputEvent (isinstance is cheap; this
        # filter sees every event of the application)
        if isinstance(ev, QInputEvent) and self._timer.isActive():
            self._timer.start()
        return False
