"""Scheduled backups from the running application: ``services.backups.backup_if_due`` at
each sign-in and every ten minutes after, on a worker with its own database connection (a
copy is taken, opened and verified only when the newest verified one is older than the
interval from the settings). The copy runs on a worker of its own, so that a long backup of a
large register never holds up the counter's work nor shows the busy indicator. What happened
is shown in the main window's status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ..services import backups
from ..store import backup_records
from ..timeutil import show
from .errors import refusal
from .ops import Ops
from .settings import BACKUP_FOLDER, BACKUP_INTERVAL_HOURS, BACKUP_KEEP, Settings


class BackupSchedule(QObject):
    """``status(kind, text)``: kind is ok, warn or error."""

    status = Signal(str, str)
    EVERY_MS = 10 * 60 * 1000

    def __init__(
        self,
        settings: Settings,
        db_path: str,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.settings, self.db_path, self.clock = settings, db_path, clock
        self.ops = Ops(db_path, self, threads=1)
        self.running = False
        self.last: Any = None  # the newest verified copy known (a BackupListing)
        self.last_error: BaseException | None = None
        self.timer = QTimer(self, interval=self.EVERY_MS)
        self.timer.timeout.connect(self.run)

    def folder(self) -> Path:
        chosen = str(self.settings.get(BACKUP_FOLDER) or "").strip()
        return Path(chosen) if chosen else backups.default_folder(self.db_path)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """No more runs; a copy being taken is finished (it is never left half-made)."""
        self.timer.stop()
        self.ops.wait(-1)

    def run(self) -> None:
        """Take a backup if one is due (the worker decides); at most one at a time."""
        if self.running:
            return
        hours = int(self.settings.get(BACKUP_INTERVAL_HOURS))
        if hours <= 0:  # another computer takes the backups
            self.status.emit("warn", self.tr("Scheduled backups are off on this computer."))
            return
        self.running = True
        folder = self.folder()
        keep = max(1, int(self.settings.get(BACKUP_KEEP)))
        interval = timedelta(hours=hours)
        clock = self.clock

        def work(db: Any) -> tuple[bool, Any]:
            new = backups.backup_if_due(db, folder, keep, interval, clock)
            if new is not None:
                return True, new
            return False, backup_records.latest_verified(folder)

        self.ops.run(work, success=self._done, failure=self._failed)

    def _done(self, r: tuple[bool, Any]) -> None:
        self.running = False
        self.last_error = None
        new, latest = r
        self.last = latest
        if latest is None or latest.record is None:
            self.status.emit("warn", self.tr("No verified backup yet."))
            return
        at = show(latest.record.taken_at)
        if new:
            self.status.emit(
                "ok",
                self.tr("Backup taken and verified %1 (%2).")
                .replace("%1", at)
                .replace("%2", latest.path.name),
            )
        else:
            self.status.emit("ok", self.tr("Last verified backup: %1.").replace("%1", at))

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.last_error = exc
        r = refusal(exc)
        self.status.emit(
            "error", self.tr("Backup failed: %1").replace("%1", r.headline) + f" ({r.detail})"
        )


COLOURS = {"ok": "#1d5b1a", "warn": "#6b4b00", "error": "#8a1c12"}


class BackupStatus(QLabel):
    """The backups' state, in the status bar."""

    def __init__(self, schedule: BackupSchedule, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backup_status")
        self.kind = ""
        schedule.status.connect(self.show_status)

    def show_status(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setStyleSheet(f"color:{COLOURS.get(kind, '#555')}")
        self.setText(text if len(text) <= 90 else text[:88] + "…")
        self.setToolTip(text)
