"""One print job at a time per printer (Vorta's ``jobs_manager``): jobs for the same printer
wait in line; each is sent with ``lp`` off the GUI thread and followed until it has left the
CUPS queue, and only then does the next one go — a sheet of labels is never interleaved with
another job. Printers are independent of each other.

A job prints its own copy of the PDF (removed once CUPS has spooled it), so closing the
print dialog never pulls the file from under a job that is still waiting."""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from printing import PrintError, cups

from ..domain.errors import RuleViolation
from ..files import copy_private
from .ops import Ops


@dataclass(eq=False)
class PrintJob:
    pdf: Path  # the queue's own copy
    printer: str
    media: str
    title: str
    job_id: str = ""  # CUPS's, once sent
    state: str = "waiting"  # waiting, sending, printing, done, failed
    deadline: float = 0.0


class PrintQueue(QObject):
    """``queued(job, ahead)`` when a job must wait for ``ahead`` others on its printer;
    ``sent(job)`` when CUPS took it; ``printed(job)`` when it left the CUPS queue;
    ``failed(job, exc)`` with the PrintError that says what went wrong."""

    queued = Signal(object, int)
    sent = Signal(object)
    printed = Signal(object)
    failed = Signal(object, object)

    POLL_MS = 500
    FOLLOW_S = 600.0  # a job still queued after this long no longer holds the printer

    def __init__(self, ops: Ops, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self._waiting: dict[str, deque[PrintJob]] = {}
        self._active: dict[str, PrintJob] = {}
        self._dir: Path | None = None
        self._n = itertools.count(1)

    def busy(self, printer: str) -> bool:
        return printer in self._active

    def pending(self, printer: str) -> int:
        """Jobs of ``printer`` not yet finished (the one printing included)."""
        return len(self._waiting.get(printer, ())) + (1 if printer in self._active else 0)

    def submit(
        self, pdf: str | Path, printer: str, *, media: str = "A4", title: str = ""
    ) -> PrintJob:
        """Queue ``pdf`` for ``printer``; raises PrintError at once if there is no printer
        or the file cannot be copied (nothing is queued then)."""
        if not printer:
            raise PrintError("no_printer", "choose a printer first")
        if self._dir is None or not self._dir.is_dir():
            self._dir = Path(tempfile.mkdtemp(prefix="keeper-print-"))
        copy = self._dir / f"job-{next(self._n)}.pdf"
        try:
            copy_private(pdf, copy)  # 0600 in the queue's private folder
        except RuleViolation as exc:
            raise PrintError("no_file", f"nothing to print: {exc.message}") from None
        job = PrintJob(copy, printer, media, title)
        line = self._waiting.setdefault(printer, deque())
        ahead = self.pending(printer)
        line.append(job)
        if ahead:
            self.queued.emit(job, ahead)
        self._next(printer)
        return job

    # ------------------------------------------------------------------ the line
    def _next(self, printer: str) -> None:
        line = self._waiting.get(printer)
        if printer in self._active or not line:
            return
        job = line.popleft()
        self._active[printer] = job
        job.state = "sending"

        def send(_none: Any) -> str:
            return cups.print_pdf(job.pdf, job.printer, media=job.media, title=job.title)

        self.ops.run(
            send,
            success=lambda jid: self._sent(job, jid),
            failure=lambda exc: self._failed(job, exc),
            with_db=False,
        )

    def _sent(self, job: PrintJob, job_id: str) -> None:
        job.pdf.unlink(missing_ok=True)  # CUPS has spooled its own copy
        job.job_id, job.state = job_id, "printing"
        job.deadline = time.monotonic() + self.FOLLOW_S
        self.sent.emit(job)
        QTimer.singleShot(self.POLL_MS, lambda: self._poll(job))

    def _poll(self, job: PrintJob) -> None:
        def check(_none: Any) -> bool:
            if not cups.job_pending(job.job_id):
                return False
            q = {p.name: p for p in cups.list_printers()}.get(job.printer)
            if q is not None and q.state == "disabled":
                raise PrintError(
                    "printer_stopped",
                    f"printer '{job.printer}' has stopped"
                    f"{': ' + q.reason if q.reason else ''}; job {job.job_id} waits",
                )
            return True

        self.ops.run(
            check,
            success=lambda still: self._polled(job, still),
            failure=lambda exc: self._failed(job, exc),
            with_db=False,
        )

    def _polled(self, job: PrintJob, still_queued: bool) -> None:
        if still_queued and time.monotonic() < job.deadline:
            QTimer.singleShot(self.POLL_MS, lambda: self._poll(job))
            return
        job.state = "done"
        self.printed.emit(job)
        self._release(job)

    def _failed(self, job: PrintJob, exc: BaseException) -> None:
        job.pdf.unlink(missing_ok=True)
        job.state = "failed"
        self.failed.emit(job, exc)
        self._release(job)

    def _release(self, job: PrintJob) -> None:
        if self._active.get(job.printer) is job:
            del self._active[job.printer]
        self._next(job.printer)

    def close(self) -> None:
        """Forget waiting jobs and remove the copies (at shutdown)."""
        self._waiting.clear()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
