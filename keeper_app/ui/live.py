"""Live desks (issue 11): the main window hears the other desks of an office server.

:class:`LiveRefresh` starts the services' listener (:func:`..services.live.watch`: nothing
on a sqlite file) and takes its callbacks, which come from the listener's thread, over to
the GUI thread through queued signals. A burst of changes (a workflow's several commits,
desks writing at once) makes one refresh: the first hint starts a short timer, those that
come before it fires join it — the lists are refreshed well within a second.
``refresh_due`` asks the main window to show its lists and open record as they are now;
``connection`` tells it the server was lost (the listener reconnects by itself) or is back
(and then everything shown is read again: hints may have been missed meanwhile)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..services import live
from ..store import Database

#: how long hints are gathered into one refresh
COALESCE_MS = 200
#: how long a closing window waits for its listener's thread
STOP_WAIT_S = 1.0


class LiveRefresh(QObject):
    refresh_due = Signal()
    connection = Signal(bool, str)  # up, and why not
    # emitted in the listener's thread, delivered in the GUI thread
    _hinted = Signal(object)
    _state = Signal(bool, str)

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.hints = 0  # heard so far (for the status and the tests)
        self.refreshes = 0
        self.timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self.timer.timeout.connect(self._due)
        self._hinted.connect(self._hint, Qt.ConnectionType.QueuedConnection)
        self._state.connect(self._changed_state, Qt.ConnectionType.QueuedConnection)
        self.watch = live.watch(db, self._hinted.emit, self._state.emit)
        if self.watch is not None:  # a window deleted without being closed stops it too
            w = self.watch
            self.destroyed.connect(lambda _obj=None: w.stop(0.0))

    @property
    def active(self) -> bool:
        """Whether there is a server to listen to (False: a sqlite file)."""
        return self.watch is not None

    def stop(self) -> None:
        """The window closes: stop listening. The thread ends within a moment; one caught
        in a connection attempt to an unreachable server is not waited for (it ends
        without a word when the attempt does)."""
        w, self.watch = self.watch, None
        self.timer.stop()
        if w is not None:
            w.stop(STOP_WAIT_S)

    def _hint(self, _hint: live.Hint) -> None:
        if self.watch is None:
            return
        self.hints += 1
        if not self.timer.isActive():
            self.timer.start()

    def _due(self) -> None:
        self.refreshes += 1
        self.refresh_due.emit()

    def _changed_state(self, up: bool, why: str) -> None:
        if self.watch is not None:
            self.connection.emit(up, why)
