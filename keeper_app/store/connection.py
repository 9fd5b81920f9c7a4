"""The sqlite file: opening (with checks), pragmas, numbered migrations, transactions,
backup.

Opening refuses a file that is not sound — a bad header, a failing ``PRAGMA quick_check``,
a schema newer than this Keeper — naming the problem and the latest verified backup; it
never repairs by dropping records. A transaction that cannot be written (disk full, I/O
error, the database kept locked by another process) is rolled back whole and raises a
:class:`StoreError` whose message says what happened and that nothing was recorded."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from . import backup_records

BUSY_TIMEOUT_MS = 10_000
#: BEGIN IMMEDIATE is tried this many times, each waiting up to the busy timeout, before
#: the change is refused as "busy".
BUSY_ATTEMPTS = 3


class StoreError(Exception):
    """The database cannot be used as it is; the message says why."""


class DamagedDatabase(StoreError):
    """The file fails a check at open; ``backup`` is the latest verified backup, if any."""

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup


class StoreBusy(StoreError):
    """Another connection kept the database locked for longer than Keeper waits."""


class StoreFull(StoreError):
    """The disk holding the database is full; the change was rolled back."""


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    pkg = resources.files("keeper_app.store") / "migrations"
    for entry in pkg.iterdir():
        m = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    for i, (num, _, _) in enumerate(found, start=1):
        if num != i:
            raise StoreError(f"migrations are not numbered 1..n: found {num} at place {i}")
    return found


def latest_version() -> int:
    return len(_migrations())


def _primary(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_busy(exc: sqlite3.Error) -> bool:
    return _primary(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or \
        "database is locked" in str(exc)


def _is_full(exc: sqlite3.Error) -> bool:
    return _primary(exc) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)


def write_failure(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError a failed write means for the person at the counter, or None when the
    error is not about the disk or the lock (a bug or a constraint: raised as it is)."""
    if _is_full(exc):
        return StoreFull(
            f"the disk holding the database {path} is full: nothing of this change was "
            "recorded. Free some space on that disk, then do it again"
        )
    if _primary(exc) == sqlite3.SQLITE_IOERR:
        return StoreError(
            f"the database {path} could not be written ({exc}): nothing of this change was "
            "recorded; check the disk, then do it again"
        )
    return None


class Database:
    """One connection to one sqlite file. Transactions are explicit (BEGIN IMMEDIATE)."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.busy_timeout_ms = BUSY_TIMEOUT_MS
        self.busy_attempts = BUSY_ATTEMPTS

    def set_busy(self, timeout_ms: int, attempts: int = BUSY_ATTEMPTS) -> None:
        """How long a change waits for another connection's write to finish."""
        self.busy_timeout_ms, self.busy_attempts = int(timeout_ms), max(1, int(attempts))
        self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    def _begin(self) -> None:
        for _ in range(self.busy_attempts):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    failure = write_failure(exc, self.path)
                    if failure is None:
                        raise
                    raise failure from exc
        waited = self.busy_timeout_ms * self.busy_attempts / 1000
        raise StoreBusy(
            f"the database {self.path} is busy: another Keeper (a window, a counter or a "
            f"command) kept it locked for over {waited:g} s; nothing was recorded — try "
            "again in a moment, and if it stays busy close the other Keeper"
        )

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # sqlite rolled back already (disk full) or cannot: the change is lost

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the state change and its audit event commit together."""
        if self.conn.in_transaction:
            raise StoreError("nested transaction")
        self._begin()
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:
            self._rollback()
            failure = write_failure(exc, self.path)
            if failure is None:
                raise
            raise failure from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            failure = write_failure(exc, self.path) if not _is_busy(exc) else StoreBusy(
                f"the database {self.path} is busy: the change could not be committed; "
                "nothing was recorded — try again in a moment")
            if failure is None:
                raise
            raise failure from exc

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several reads."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def backup_to(self, target: Path) -> None:
        """sqlite online backup into ``target`` (a new file, private to its owner). The copy
        is a plain single file (rollback journal, no -wal), so it can be read, copied and
        checked as it is."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} exists already; choose a new file name")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            dst = sqlite3.connect(str(target))
            try:
                self.conn.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        except sqlite3.Error as exc:
            # our own unfinished copy, never a record: remove it so it is not taken for one
            for p in (target, target.with_name(target.name + "-journal")):
                p.unlink(missing_ok=True)
            if _is_full(exc):
                raise StoreFull(f"the disk holding {target} is full: no backup was written "
                                "(the unfinished copy was removed)") from exc
            raise StoreError(f"backup to {target} failed: {exc}") from exc
        target.chmod(0o600)

    def close(self) -> None:
        self.conn.close()


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"cannot switch the database to WAL (got {mode})")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _damaged(path: Path, problem: str, backup_dir: Path | None) -> DamagedDatabase:
    from ..timeutil import show

    folder = Path(backup_dir) if backup_dir is not None else backup_records.default_folder(path)
    latest = backup_records.latest_verified(folder)
    if latest is not None and latest.record is not None:
        hint = (f"The latest verified backup is {latest.path} (taken "
                f"{show(latest.record.taken_at)}, {latest.record.events} audit events); "
                f"to bring it back: keeper --db {path} restore {latest.path}")
    else:
        hint = f"No verified backup was found in {folder}."
    return DamagedDatabase(
        f"{path} is damaged and will not be used: {problem}. Keeper does not repair it by "
        f"dropping records; the file is left as it is. {hint}",
        latest.path if latest is not None else None,
    )


#: Files that passed quick_check in this process, by (device, inode, size, mtime): the
#: application opens the database again for each background job; the check runs once
#: for each state of the file on disk.
_CHECKED: set[tuple[str, int, int, int, int]] = set()


def _file_key(path: Path) -> tuple[str, int, int, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _check_file(conn: sqlite3.Connection, path: Path, backup_dir: Path | None,
                quick_check: bool) -> None:
    """Refuse a damaged file or one with a newer schema, before anything writes to it."""
    key = _file_key(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if quick_check and key not in _CHECKED:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
            if rows != ["ok"]:
                raise _damaged(path, "quick_check found: " + "; ".join(rows), backup_dir)
            _CHECKED.add(key)
    except sqlite3.DatabaseError as exc:
        if _primary(exc) == sqlite3.SQLITE_NOTADB:
            raise _damaged(path, "it is not a sqlite database (bad header)", backup_dir) \
                from exc
        raise _damaged(path, f"sqlite cannot read it ({exc})", backup_dir) from exc
    known = len(_migrations())
    if version > known:
        raise StoreError(
            f"{path} has schema version {version}, newer than this Keeper knows "
            f"({known}); use a newer Keeper"
        )


def open_database(path: str | Path, create: bool = True, *,
                  backup_dir: str | Path | None = None, check: bool = True) -> Database:
    """Open (and if needed create and migrate) the database file at ``path``.

    ``check``: run ``PRAGMA quick_check`` (once per state of the file in this process);
    ``backup_dir``: where the refusal of a damaged file looks for the latest verified
    backup (default: ``backups/`` next to the file)."""
    path = Path(path)
    bdir = Path(backup_dir) if backup_dir is not None else None
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}; run 'keeper init' first")
        # a folder made for the database is private to its user, like the file itself
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    elif path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    # The header is checked by sqlite itself (SQLITE_NOTADB), never by opening the file here:
    # closing any descriptor of the file drops every POSIX lock this process holds on it,
    # those of Keeper's other open connections included — another process could then take
    # itself for the last user, checkpoint and delete the WAL under them (sqlite's
    # "how to corrupt", 2.2). The soak test found exactly that.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_file(conn, path, bdir, check)
        _configure(conn)
        db = Database(conn, path)
        _migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return db


def _migrate(db: Database) -> None:
    migrations = _migrations()
    current = db.schema_version
    if current > len(migrations):
        raise StoreError(
            f"{db.path} has schema version {current}, newer than this Keeper knows "
            f"({len(migrations)}); use a newer Keeper"
        )
    if current == len(migrations):
        return
    if current > 0:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        # the online backup API, not a file copy: committed changes may still be only in
        # the -wal file (another connection open, or a crash), which a copy would miss
        db.backup_to(db.path.with_name(f"{db.path.name}.v{current}.{stamp}.bak"))
    for num, _name, sql in migrations[current:]:
        # executescript commits on its own; the version is set inside the same script
        db.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {num};\nCOMMIT;")
