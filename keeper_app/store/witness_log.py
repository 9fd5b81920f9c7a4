"""The witness log: this workstation account's own copy of the chain head, as it grows.

One append-only text file per account and database, outside the database's folder
(``$KEEPER_STATE_DIR/witness/``, default ``$XDG_STATE_HOME/keeper`` or
``~/.local/state/keeper``; the folder 0700, the file 0600). Every Keeper process appends
the head after each commit it makes, and at open when the database's head is newer than
the log's last line (other processes' commits). The running app's self-check appends
"verified up to" lines. An insider who can rewrite the database file cannot rewrite every
account's log, so a truncated, rolled-back or recomputed chain disagrees with it.

A line is tab-separated: ``kind seq hash at seen host pid`` — ``kind`` is ``head``,
``verified`` or ``restored`` (a restore put an older copy back on purpose: lines before it
witnessed the replaced chain). Writing never fails a change: a log that cannot be written
is reported (:data:`LAST_ERROR`, the log of the process), never raised."""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ENV = "KEEPER_STATE_DIR"
KINDS = ("head", "verified", "restored")
#: a line written reaches the disk within this many seconds: a commit appends its line and
#: goes on; a thread of its own fsyncs the logs written to (no fsync storm, and no second
#: wait for the disk on a commit's path -- the database's COMMIT has waited once)
FSYNC_EVERY = 1.0

log = logging.getLogger(__name__)

#: The last failure to write a witness log in this process (None: none), for the UI.
LAST_ERROR: str | None = None


@dataclass(frozen=True)
class Line:
    kind: str
    seq: int
    hash: str
    at: str  # the event's date ('' when unknown)
    seen: str  # wall time the line was written (UTC)
    host: str = ""
    pid: int = 0

    def text(self) -> str:
        return "\t".join(
            [self.kind, str(self.seq), self.hash, self.at, self.seen, self.host, str(self.pid)]
        )


def state_dir() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "keeper"


def folder() -> Path:
    return state_dir() / "witness"


def database_id(conn: sqlite3.Connection) -> str | None:
    """What tells this register from another at the same path: its first event's hash
    (None while the chain is empty)."""
    r = conn.execute("SELECT hash FROM audit_events WHERE seq = 1").fetchone()
    return None if r is None else str(r[0])


def path_prefix(db_path: str | os.PathLike[str]) -> str:
    resolved = str(Path(db_path).resolve())
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:32]


def log_path(db_path: str | os.PathLike[str], db_id: str) -> Path:
    return folder() / f"{path_prefix(db_path)}-{db_id[:16]}.log"


def parse_line(text: str) -> Line | None:
    parts = text.rstrip("\n").split("\t")
    if len(parts) < 3 or parts[0] not in KINDS:
        return None
    try:
        seq = int(parts[1])
    except ValueError:
        return None
    h = parts[2]
    if seq < 0 or len(h) != 64 or any(c not in "0123456789abcdef" for c in h):
        return None
    rest = parts[3:] + [""] * (4 - len(parts[3:]))
    try:
        pid = int(rest[3] or 0)
    except ValueError:
        pid = 0
    return Line(parts[0], seq, h, rest[0], rest[1], rest[2], pid)


def read(path: Path) -> Iterator[Line]:
    """Every well-formed line of a log, in order (a torn last line is skipped)."""
    with path.open(encoding="utf-8", errors="replace") as f:
        for text in f:
            line = parse_line(text)
            if line is not None:
                yield line


def last(path: Path, kind: str | tuple[str, ...] | None = None) -> Line | None:
    """The last line (of ``kind``, or of any of several), read from the end of the file."""
    kinds = (kind,) if isinstance(kind, str) else kind
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            end = f.tell()
            block = 8192
            pos = end
            tail = b""
            while pos > 0:
                step = min(block, pos)
                pos -= step
                f.seek(pos)
                tail = f.read(step) + tail
                lines = tail.split(b"\n")
                complete = lines if pos == 0 else lines[1:]
                for raw in reversed(complete):
                    line = parse_line(raw.decode("utf-8", "replace"))
                    if line is not None and (kinds is None or line.kind in kinds):
                        return line
                tail = lines[0] if pos > 0 else b""
                block = min(block * 4, 1 << 22)
    except OSError:
        return None
    return None


class WitnessLog:
    """The log of one database in this account; remembers what it last wrote."""

    def __init__(self, db_path: str | os.PathLike[str]):
        self.db_path = Path(db_path)
        self.path: Path | None = None
        self.db_id: str | None = None
        self.last_seq: int | None = None

    def _bind(self, conn: sqlite3.Connection) -> Path | None:
        if self.path is None:
            db_id = database_id(conn)
            if db_id is None:
                return None
            self.db_id = db_id
            self.path = log_path(self.db_path, db_id)
        return self.path

    def last_verified(self, conn: sqlite3.Connection) -> Line | None:
        """Where the self-check last verified up to: the last "verified" line, or the
        head a restore put in place (checked before it was restored)."""
        path = self._bind(conn)
        return None if path is None else last(path, ("verified", "restored"))

    def note(
        self,
        conn: sqlite3.Connection,
        kind: str = "head",
        force: bool = False,
        head: tuple[int, str, str] | None = None,
    ) -> None:
        """Append the head if it is newer than the log's last line (``force``: always,
        for "verified" and "restored" lines). ``head``: the (seq, hash, at) the caller
        just committed (the last event its write transaction appended), else read from
        the database. Never raises."""
        try:
            r = (
                head
                if head is not None
                else conn.execute(
                    "SELECT seq, hash, at FROM audit_events ORDER BY seq DESC LIMIT 1"
                ).fetchone()
            )
            if r is None:
                return
            self.write(conn, Line(kind, int(r[0]), str(r[1]), str(r[2]), ""), force)
        except sqlite3.Error as exc:
            _failed(f"the witness log could not read the head: {exc}")

    def write(self, conn: sqlite3.Connection, line: Line, force: bool = False) -> None:
        global LAST_ERROR
        try:
            path = self._bind(conn)
            if path is None:
                return
            if self.last_seq is None:
                prev = last(path, "head")
                self.last_seq = prev.seq if prev is not None else -1
            if not force and line.seq <= self.last_seq:
                return
            full = Line(
                line.kind,
                line.seq,
                line.hash,
                line.at,
                datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                socket.gethostname(),
                os.getpid(),
            )
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, (full.text() + "\n").encode("utf-8"))
            finally:
                os.close(fd)
            _SYNCER.mark(path)
            if line.kind == "head":
                self.last_seq = max(self.last_seq, line.seq)
            LAST_ERROR = None
        except (OSError, sqlite3.Error) as exc:
            _failed(f"the witness log {self.path or folder()} could not be written: {exc}")


class _Syncer:
    """fsyncs the logs written to, on a thread of its own, within :data:`FSYNC_EVERY`
    seconds of their lines; and at exit (:func:`sync_now`)."""

    def __init__(self) -> None:
        self._dirty: set[Path] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def mark(self, path: Path) -> None:
        with self._lock:
            self._dirty.add(path)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="keeper-witness-fsync", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(FSYNC_EVERY)
            self.flush()

    def flush(self) -> None:
        with self._lock:
            paths, self._dirty = self._dirty, set()
        for path in paths:
            try:
                fd = os.open(path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except OSError as exc:
                _failed(f"the witness log {path} could not be written to disk: {exc}")


_SYNCER = _Syncer()
atexit.register(_SYNCER.flush)


def sync_now() -> None:
    """Every line written so far, on the disk now (also done at exit)."""
    _SYNCER.flush()


#: the log of each open Database's connection (id of the connection), for the commits
#: made on the connection itself (store.signins: sign-in bookkeeping)
_BY_CONN: dict[int, WitnessLog] = {}


def register(conn: sqlite3.Connection, wl: WitnessLog | None) -> None:
    """Tie a connection to its database's log (None: untie it, at close)."""
    if wl is None:
        _BY_CONN.pop(id(conn), None)
    else:
        _BY_CONN[id(conn)] = wl


def note_commit(conn: sqlite3.Connection, head: tuple[int, str, str] | None = None) -> None:
    """After a COMMIT made on the connection itself: its head (``head``: the last event the
    transaction appended, else read) goes to the log."""
    wl = _BY_CONN.get(id(conn))
    if wl is not None:
        wl.note(conn, head=head)


def _failed(text: str) -> None:
    global LAST_ERROR
    LAST_ERROR = text
    log.warning("%s", text)


def logs_for(db_path: str | os.PathLike[str]) -> list[Path]:
    """This account's witness logs of the database file at ``db_path`` — of every register
    that was there (a register whose first event changed was replaced or recomputed: its
    earlier log disagrees)."""
    try:
        return sorted(folder().glob(f"{path_prefix(db_path)}-*.log"))
    except OSError:
        return []
