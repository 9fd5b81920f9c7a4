"""The register's integrity in the status bar: the running app's self-check (at start, off
the GUI thread, and again every few minutes) and the witnesses that agree with the chain
(issue 10, points 1 and 7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ..services import self_check
from ..services.self_check import Integrity
from ..timeutil import show
from .ops import Ops

#: how often the check runs again while the app is open (ms)
EVERY_MS = 10 * 60 * 1000


class IntegrityCheck(QObject):
    """Runs :func:`services.self_check.integrity` on a worker; ``checked`` gives the
    result (or the exception) on the GUI thread."""

    checked = Signal(object)

    def __init__(
        self,
        ops: Ops,
        backup_folder: Callable[[], Path] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.ops = ops
        self.backup_folder = backup_folder
        self.last: Integrity | BaseException | None = None
        self.timer = QTimer(self, interval=EVERY_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.timer.start()
        self.run()

    def run(self) -> None:
        folder = self.backup_folder() if self.backup_folder is not None else None
        self.ops.run(
            lambda db: self_check.integrity(db, folder),
            success=self._done,
            failure=self._done,
            owner=self,
        )

    def _done(self, result: Integrity | BaseException) -> None:
        self.last = result
        self.checked.emit(result)


class IntegrityStatus(QLabel):
    """ "History witnessed: 5 witnesses agree, last 2026-12-02 10:31:05 (event 1234)", or
    the problem in red."""

    def __init__(self, check: IntegrityCheck, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("integrity_status")
        self.ok: bool | None = None
        self.check = check
        check.checked.connect(self.show_result)
        if check.last is not None:
            self.show_result(check.last)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange and self.check.last is not None:
            self.show_result(self.check.last)
        super().changeEvent(ev)

    def show_result(self, r: Integrity | BaseException) -> None:
        if isinstance(r, BaseException):
            self.ok = False
            text = self.tr("The register's history could not be checked: %1").replace("%1", str(r))
        elif not r.check.ok:
            self.ok = False
            text = self.tr(
                "The register's history does not verify (%1): nothing can be signed until "
                "it is checked — tell the department head"
            ).replace("%1", r.check.problem_text)
        elif not r.witnesses.ok:
            self.ok = False
            text = self.tr("History NOT as witnessed: %1").replace(
                "%1", "; ".join(r.witnesses.problems[:2])
            )
        else:
            self.ok = True
            w, last = r.witnesses, r.witnesses.last
            if last is None:
                text = self.tr("History verified up to event %1; no witness yet").replace(
                    "%1", str(r.check.seq)
                )
            else:
                text = (
                    self.tr("History witnessed: %1 witnesses agree, last %2 (event %3)")
                    .replace("%1", str(w.agreed))
                    .replace("%2", show(last.at) if last.at else "?")
                    .replace("%3", str(last.seq))
                )
        self.setStyleSheet("" if self.ok else "color:#b3261e;font-weight:bold")
        self.setText(text if len(text) <= 90 else text[:88] + "…")
        self.setToolTip(text)
