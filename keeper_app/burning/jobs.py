"""One run of an external program as a job, after Vorta's ``borg_job`` and Frescobaldi's
``job``: :meth:`ProcessJob.prepare` checks the inputs and builds the command line (or says why
it cannot); :meth:`ProcessJob.run` starts it, reads stdout *and* stderr line by line and turns
progress lines into :class:`Progress` callbacks; :meth:`ProcessJob.cancel` really stops it
(SIGINT, then SIGTERM and SIGKILL after a grace period each), and so does a timeout
(``timeout_seconds``: a hung program fails with code ``timeout``). The program runs in a
process group of its own and every signal goes to the whole group: what it started goes with
it, and nothing of the group outlives the job. A job finishes exactly once (``on_finished``
callbacks are called once), also when the program cannot be started at all, when ``run()`` is
called twice or from two threads, and when a hook raises.

Every external program Keeper runs goes through this one runner: xorriso (burning, reading,
checking), ffprobe, ffmpeg, lp and lpstat, pdftoppm.

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
from collections.abc import Callable, Mapping, Sequence
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


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` still runs (zombies, already dead, do not count:
    they are their parent's to reap)."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        return False
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            return True
    return False


def _split_lines(buf: bytearray) -> list[str]:
    """Take the complete lines (ended by \\n or \\r: progress lines often end in \\r) out
    of ``buf``; the incomplete rest stays in it."""
    parts = _EOL.split(bytes(buf))
    buf[:] = parts.pop()
    return [p.decode("utf-8", "replace") for p in parts if p]


FinishedCallback = Callable[[JobResult], None]


class ProcessJob:
    """Subclasses set ``program`` and implement :meth:`prepare`, :meth:`on_line` and
    :meth:`interpret`; :meth:`cleanup` runs once after the process is gone."""

    program = ""
    #: seconds between SIGINT and SIGTERM, and again before SIGKILL
    grace_seconds = 10.0
    #: seconds the program may run before it is stopped as hung; None: as long as it takes
    timeout_seconds: float | None = None
    tail_lines = 40

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._result: JobResult | None = None
        self._run_begun = False  # a run() has begun
        self._timed_out = False
        self._callbacks: list[FinishedCallback] = []
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

    def timeout_message(self) -> str:
        """The message of a run stopped by ``timeout_seconds``."""
        return f"{self.program} did not finish within {self.timeout_seconds:g} s and was stopped"

    def extra_fds(self) -> tuple[int, ...]:
        return ()

    def environment(self) -> Mapping[str, str] | None:
        """The program's environment; None: Keeper's own."""
        return None

    def started(self, proc: subprocess.Popen[bytes]) -> None:
        """Called right after the process started (e.g. close our copy of a pipe end)."""

    # ------------------------------------------------------------ public
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def timed_out(self) -> bool:
        return self._timed_out

    @property
    def result(self) -> JobResult | None:
        return self._result

    def on_finished(self, callback: FinishedCallback) -> None:
        """Call ``callback(result)`` once, when the job finishes (at once if it has), in the
        thread that finishes it."""
        with self._lock:
            if self._result is None:
                self._callbacks.append(callback)
                return
            result = self._result
        self._call(callback, result)

    def cancel(self) -> None:
        """Stop the job: before it starts, it never starts; while it runs, SIGINT now, the
        rest of the escalation is done by :meth:`run`. Safe from any thread, idempotent."""
        first = not self._cancel.is_set()
        self._cancel.set()
        with self._lock:
            proc = self._proc
        if first and proc is not None and proc.poll() is None:
            self._signal(proc, signal.SIGINT)

    def run(
        self, progress: ProgressCallback | None = None, prepared: Preparation | None = None
    ) -> JobResult:
        """Run the job once; a second call (from any thread) waits for the first one's
        result and returns it."""
        with self._lock:
            first = not self._run_begun
            self._run_begun = True
        if not first:
            self._done.wait()
            assert self._result is not None
            return self._result
        try:
            return self._run(progress, prepared)
        except BaseException as exc:
            # a bug in a hook: the job still finishes, once, and leaves nothing running
            self._finish(JobResult(JobState.FAILED, "error", f"{self.program}: {exc!r}"))
            raise

    def _run(self, progress: ProgressCallback | None, prepared: Preparation | None) -> JobResult:
        prep = prepared if prepared is not None else self.prepare()
        if not prep.ok:
            return self._finish(JobResult(JobState.NOT_STARTED, prep.code, prep.message))
        if self._cancel.is_set():
            return self._finish(
                JobResult(
                    JobState.CANCELLED, "cancelled", "cancelled before it started", argv=prep.argv
                )
            )
        t0 = time.monotonic()
        env = self.environment()
        try:
            proc = subprocess.Popen(
                list(prep.argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                pass_fds=self.extra_fds(),
                env=dict(env) if env is not None else None,
            )
        except OSError as exc:
            return self._finish(
                JobResult(
                    JobState.NOT_STARTED,
                    "no_program",
                    f"cannot start {prep.argv[0] if prep.argv else self.program}: {exc}",
                    argv=prep.argv,
                )
            )
        with self._lock:
            self._proc = proc
        self.state = JobState.RUNNING
        try:
            return self._watch(proc, prep, t0, progress)
        except BaseException:
            # whatever the program started goes with it, also when a hook failed
            self._signal(proc, signal.SIGKILL, quiet=True)
            proc.wait()
            self._end_group(proc)
            raise

    def _watch(
        self,
        proc: subprocess.Popen[bytes],
        prep: Preparation,
        t0: float,
        progress: ProgressCallback | None,
    ) -> JobResult:
        self.started(proc)
        if self._cancel.is_set():  # cancel() raced with the start
            self._signal(proc, signal.SIGINT)
        tail: deque[str] = deque(maxlen=self.tail_lines)
        lines: queue.Queue[tuple[str, str] | None] = queue.Queue()
        readers = [
            threading.Thread(
                target=self._reader,
                args=(name, stream, lines),
                daemon=True,
                name=f"{self.program}-{name}",
            )
            for name, stream in (("out", proc.stdout), ("err", proc.stderr))
        ]
        for r in readers:
            r.start()
        open_streams = len(readers)
        deadline = None if self.timeout_seconds is None else t0 + self.timeout_seconds
        stopping_since: float | None = time.monotonic() if self._cancel.is_set() else None
        escalation = 0
        leader_gone_at: float | None = None
        abandoned = False
        while open_streams or proc.poll() is None:
            if not open_streams:  # all output read: only its exit is awaited
                try:
                    proc.wait(timeout=0.1)
                except subprocess.TimeoutExpired:
                    pass
            try:
                item = lines.get(timeout=0.1 if open_streams else 0)
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
            now = time.monotonic()
            if proc.poll() is not None:
                # the program has ended but something it started still holds its output
                # open: that goes now (its whole group), and is not waited for beyond the
                # grace period if it escaped the group
                if leader_gone_at is None:
                    leader_gone_at = now
                    self._signal(proc, signal.SIGKILL, quiet=True)
                elif now - leader_gone_at > self.grace_seconds:
                    log.warning(
                        "%s: its output is still open after it ended; not waited for", self.program
                    )
                    abandoned = True
                    break
                continue
            if stopping_since is None:
                if self._cancel.is_set():
                    stopping_since = now
                elif deadline is not None and now >= deadline:
                    self._timed_out = True
                    stopping_since = now
                    log.warning(
                        "%s: no end after %g s: stopping it", self.program, self.timeout_seconds
                    )
                    self._signal(proc, signal.SIGINT)
            elif escalation < 2:
                if now - stopping_since > self.grace_seconds * (escalation + 1):
                    escalation += 1
                    self._signal(proc, signal.SIGTERM if escalation == 1 else signal.SIGKILL)
            elif now - stopping_since > self.grace_seconds * 4:
                # not even SIGKILL ends it: stuck in the kernel (a drive that does not
                # answer a read); it is left to end when the kernel lets it
                log.error("%s (pid %d) cannot be stopped; left behind", self.program, proc.pid)
                abandoned = True
                break
        rc = proc.poll() if abandoned else proc.wait()
        if not abandoned:
            self._end_group(proc)  # what it left running goes, before the job finishes
            for r in readers:
                r.join()
        if self._timed_out:
            state, code, message = JobState.FAILED, "timeout", self.timeout_message()
        elif rc is None:
            state, code, message = (
                JobState.FAILED,
                "stuck",
                f"{self.program} does not end, not even when killed",
            )
        else:
            state, code, message = self.interpret(rc, self._cancel.is_set())
        result = JobResult(state, code, message, rc, time.monotonic() - t0, prep.argv, list(tail))
        return self._finish(result)

    # ------------------------------------------------------------ internals
    def _finish(self, result: JobResult) -> JobResult:
        with self._lock:
            if self._result is not None:
                return self._result
            self._result = result
            self._proc = None
            callbacks, self._callbacks = self._callbacks, []
        self.state = result.state
        try:
            self.cleanup(result)
        finally:
            level = logging.INFO if result.ok else logging.WARNING
            log.log(
                level,
                "%s %s (exit %s, %.1f s): %s %s",
                self.program,
                result.state.value,
                result.returncode,
                result.seconds,
                " ".join(result.argv[:6]),
                result.message,
            )
            self._done.set()
            for callback in callbacks:
                self._call(callback, result)
        return result

    def _call(self, callback: FinishedCallback, result: JobResult) -> None:
        try:
            callback(result)
        except Exception:
            log.exception("%s: a finished callback failed", self.program)

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

    def _end_group(self, proc: subprocess.Popen[bytes]) -> None:
        """SIGKILL to what is left of the program's group, and wait (at most the grace
        period) until it is gone: when the job finishes, nothing of it runs any more."""
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return  # nothing left
        end = time.monotonic() + self.grace_seconds
        while _group_alive(proc.pid) and time.monotonic() < end:
            time.sleep(0.01)

    def _signal(self, proc: subprocess.Popen[bytes], sig: int, quiet: bool = False) -> None:
        """``sig`` to the program's whole process group (its id is the program's pid:
        ``start_new_session``); the group is gone when nothing of it is left."""
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        if not quiet:
            log.info("%s: sent %s to group %d", self.program, signal.Signals(sig).name, proc.pid)
