"""Work off the GUI thread (Anki's ``aqt/operations``): a function runs on a QThreadPool
worker with its own database connection; its result or its exception comes back to the GUI
thread through a queued signal. A worker never touches a widget.

    ops.run(lambda db: lookup.media(worker_session(db, s), limit=200),
            success=model.append_rows, failure=view.show_refusal, owner=view)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..services.session import Session
from ..store import Database
from ..store import open as open_store

log = logging.getLogger(__name__)
Work = Callable[[Database], Any]


def worker_session(db: Database, s: Session) -> Session:
    """The signed-in person's session on a worker's own connection (sqlite connections are
    not shared between threads)."""
    return Session(db, s.person, s.clock, s.kdf_cache, s.key)


class _Relay(QObject):
    """Lives in the GUI thread; the worker only emits its signals (queued to the GUI)."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, path: str | None, work: Callable[[Any], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._path, self._work, self._relay = path, work, relay

    def run(self) -> None:
        db = None
        try:
            # the application checked the file (quick_check) when it opened it; a worker's
            # connection to the same file skips it (seconds per million media). An office
            # server's URL opens the server (each worker its own connection)
            db = open_store(self._path, create=False, check=False) if self._path else None
            result = self._work(db)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)
        finally:
            if db is not None:
                db.close()


class Ops(QObject):
    """The application's background runner. ``busy`` tells the status bar to show a busy
    indicator when work has been running for more than a moment."""

    busy = Signal(bool)
    BUSY_AFTER_MS = 300

    def __init__(self, db_path: str, parent: QObject | None = None, threads: int = 2):
        super().__init__(parent)
        self.db_path = db_path
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: set[_Relay] = set()
        self._busy_timer = QTimer(self, singleShot=True, interval=self.BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.emit(True))

    @property
    def running(self) -> int:
        return len(self._running)

    def run(
        self,
        work: Work,
        *,
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        with_db: bool = True,
    ) -> None:
        """Run ``work(db)`` on a worker; then ``success(result)`` or ``failure(exc)`` on the
        GUI thread, unless ``owner`` has been deleted meanwhile. ``with_db=False``: no
        connection is opened for the work (it is called with None)."""
        relay = _Relay(self)
        self._running.add(relay)

        def finish(cb: Callable[[Any], None] | None, value: Any) -> None:
            self._running.discard(relay)
            relay.deleteLater()
            if not self._running:
                self._busy_timer.stop()
                self.busy.emit(False)
            if owner is not None and not shiboken6.isValid(owner):
                return
            if cb is not None:
                cb(value)
            elif isinstance(value, BaseException):
                log.error("background work failed", exc_info=value)

        relay.done.connect(lambda r: finish(success, r))
        relay.failed.connect(lambda e: finish(failure, e))
        if not self._busy_timer.isActive():
            self._busy_timer.start()
        self._pool.start(_Job(self.db_path if with_db else None, work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the workers (at shutdown, and in tests)."""
        return self._pool.waitForDone(msecs)
