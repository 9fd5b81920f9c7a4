"""One run of an external program as a job, after Vorta's ``borg_job`` and Frescobaldi's
``job``: :meth:`ProcessJob.prepare` checks the inputs and builds the command line (or says why
it cannot); :meth:`ProcessJob.run` starts it, reads stdout *and* stderr line by line and turns
progress lines into :class:`Progress` callbacks; :meth:`ProcessJob.cancel` really stops it
(SIGINT, then SIGTERM and SIGKILL after a grace period each). A job finishes exactly once,
also when the program cannot be started at all.

Qt-free: ``run()`` blocks the calling thread (the GUI calls it from a worker thread and
forwards the callbacks with a queued signal); ``cancel()`` may be called from any thread.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

log = logging.getLogger(__name__)
_EOL = re.compile(rb"[\r\n]")


@dataclass(frozen=True)
class Progress:
    """``fraction`` 0..1 of the current step (None when unknown) and a line for people."""

    fraction: float | None
    message: str = ""
    stage: str = ""


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class Preparation:
    """What ``prepare()`` found: a command line ready to run, or a refusal with a stable
    ``code`` and a message that says what to do."""

    ok: bool
    argv: tuple[str, ...] = ()
    message: str = ""
    code: str = ""

    @classmethod
    def ready(cls, argv: Sequence[str], message: str = "") -> Preparation:
        return cls(True, tuple(argv), message)

    @classmethod
    def refuse(cls, code: str, message: str) -> Preparation:
        return cls(False, (), message, code)


class JobState(StrEnum):
    NEW = "new"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    NOT_STARTED = "not_started"  # refused by prepare(), or the program could not be started


@dataclass
class JobResult:
    state: JobState
    code: str = ""  # stable reason when not done (e.g. "too_small", "write_error")
    message: str = ""
    returncode: int | None = None
    seconds: float = 0.0
    argv: tuple[str, ...] = ()
    tail: list[str] = field(default_factory=list)  # the last lines of output, for the log

    @property
    def ok(self) -> bool:
        return self.state == JobState.DONE


def _split_lines(buf: bytearray) -> list[str]:
    """Take the complete lines (ended by \\n or \\r: progress lines often end in \\r) out
    of ``buf``; the incomplete rest stays in it."""
    parts = _EOL.split(bytes(buf))
    buf[:] = parts.pop()
    return [p.decode("utf-8", "replace") for p in parts if p]


class ProcessJob:
    """Subclasses set ``program`` and implement :meth:`prepare`, :meth:`on_line` and
    :meth:`interpret`; :meth:`cleanup` runs once after the process is gone."""

    program = ""
    #: seconds between SIGINT and SIGTERM, and again before SIGKILL
    grace_seconds = 10.0
    tail_lines = 40

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._result: JobResult | None = None
        self.state = JobState.NEW

    # ------------------------------------------------------------ for subclasses
    def prepare(self) -> Preparation:
        raise NotImplementedError

    def on_line(self, stream: str, line: str) -> Progress | None:
        """One line of ``stream`` ("out" or "err"); may return progress to report."""
        return None

    def interpret(self, returncode: int, cancelled: bool) -> tuple[JobState, str, str]:
        """(state, code, message) for the finished process."""
        if cancelled:
            return JobState.CANCELLED, "cancelled", f"{self.program} was cancelled"
        if returncode == 0:
            return JobState.DONE, "", ""
        return JobState.FAILED, "failed", f"{self.program} failed (exit {returncode})"

    def cleanup(self, result: JobResult) -> None:
        """After the run, whatever its outcome (e.g. remove a partial image)."""

    def extra_fds(self) -> tuple[int, ...]:
        return ()

    def started(self, proc: subprocess.Popen[bytes]) -> None:
        """Called right after the process started (e.g. close our copy of a pipe end)."""

    # ------------------------------------------------------------ public
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def result(self) -> JobResult | None:
        return self._result

    def cancel(self) -> None:
        """Stop the job: before it starts, it never starts; while it runs, SIGINT now, the
        rest of the escalation is done by :meth:`run`. Safe from any thread, idempotent."""
        first = not self._cancel.is_set()
        self._cancel.set()
        with self._lock:
            proc = self._proc
        if first and proc is not None and proc.poll() is None:
            self._signal(proc, signal.SIGINT)

    def run(self, progress: ProgressCallback | None = None,
            prepared: Preparation | None = None) -> JobResult:
        if self._result is not None:
            return self._result
        prep = prepared if prepared is not None else self.prepare()
        if not prep.ok:
            return self._finish(JobResult(JobState.NOT_STARTED, prep.code, prep.message))
        if self._cancel.is_set():
            return self._finish(JobResult(JobState.CANCELLED, "cancelled",
                                          "cancelled before it started", argv=prep.argv))
        t0 = time.monotonic()
        try:
            proc = subprocess.Popen(
                list(prep.argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, start_new_session=True, pass_fds=self.extra_fds())
        except OSError as exc:
            return self._finish(JobResult(
                JobState.NOT_STARTED, "no_program",
                f"cannot start {prep.argv[0] if prep.argv else self.program}: {exc}",
                argv=prep.argv))
        with self._lock:
            self._proc = proc
        self.state = JobState.RUNNING
        self.started(proc)
        if self._cancel.is_set():  # cancel() raced with the start
            self._signal(proc, signal.SIGINT)
        tail: deque[str] = deque(maxlen=self.tail_lines)
        lines: queue.Queue[tuple[str, str] | None] = queue.Queue()
        readers = [threading.Thread(target=self._reader, args=(name, stream, lines),
                                    daemon=True, name=f"{self.program}-{name}")
                   for name, stream in (("out", proc.stdout), ("err", proc.stderr))]
        for r in readers:
            r.start()
        open_streams = len(readers)
        sent_at: float | None = time.monotonic() if self._cancel.is_set() else None
        escalation = 0
        while open_streams or proc.poll() is None:
            try:
                item = lines.get(timeout=0.1)
            except queue.Empty:
                item = ()  # type: ignore[assignment]
            if item is None:
                open_streams -= 1
            elif item:
                stream, line = item
                tail.append(line)
                try:
                    p = self.on_line(stream, line)
                    if p is not None and progress is not None:
                        progress(p)
                except Exception:  # a parsing bug must not leave the process running
                    log.exception("%s: cannot handle line %r", self.program, line)
            if self._cancel.is_set() and proc.poll() is None:
                now = time.monotonic()
                if sent_at is None:
                    sent_at = now
                elif now - sent_at > self.grace_seconds * (escalation + 1) and escalation < 2:
                    escalation += 1
                    self._signal(proc, signal.SIGTERM if escalation == 1 else signal.SIGKILL)
        rc = proc.wait()
        for r in readers:
            r.join()
        state, code, message = self.interpret(rc, self._cancel.is_set())
        result = JobResult(state, code, message, rc, time.monotonic() - t0, prep.argv,
                           list(tail))
        return self._finish(result)

    # ------------------------------------------------------------ internals
    def _finish(self, result: JobResult) -> JobResult:
        with self._lock:
            if self._result is not None:
                return self._result
            self._result = result
            self._proc = None
        self.state = result.state
        try:
            self.cleanup(result)
        finally:
            level = logging.INFO if result.ok else logging.WARNING
            log.log(level, "%s %s (exit %s, %.1f s): %s %s", self.program, result.state.value,
                    result.returncode, result.seconds, " ".join(result.argv[:6]),
                    result.message)
        return result

    @staticmethod
    def _reader(name: str, stream: object, out: queue.Queue[tuple[str, str] | None]) -> None:
        fd = stream.fileno()  # type: ignore[attr-defined]
        buf = bytearray()
        try:
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                buf += chunk
                for line in _split_lines(buf):
                    out.put((name, line))
            if buf:
                out.put((name, buf.decode("utf-8", "replace")))
        finally:
            stream.close()  # type: ignore[attr-defined]
            out.put(None)

    def _signal(self, proc: subprocess.Popen[bytes], sig: int) -> None:
        try:
            os.kill(proc.pid, sig)
            log.info("%s: sent %s to %d", self.program, signal.Signals(sig).name, proc.pid)
        except ProcessLookupError:
            pass
