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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from . import audit, backup_records, fingerprints, inuse, schema, witness_log

BUSY_TIMEOUT_MS = 10_000
#: BEGIN IMMEDIATE is tried this many times, each waiting up to the busy timeout, before
#: the change is refused as "busy".
BUSY_ATTEMPTS = 3
#: A migration waits this many busy timeouts for another process's migration (which backs the
#: file up first: minutes for a large file) before it gives up.
MIGRATION_ATTEMPTS = 60


class StoreError(Exception):
    """The database cannot be used as it is; the message says why."""


class DamagedDatabase(StoreError):
    """The file fails a check at open; ``backup`` is the latest verified backup, if any."""

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup


class SchemaTampered(DamagedDatabase):
    """The file's schema is not Keeper's schema of its version (changed outside Keeper)."""


class StoreBusy(StoreError):
    """Another connection kept the database locked for longer than Keeper waits."""


class ServerLost(StoreError):
    """The office server cannot be reached, or the connection to it broke. ``recorded``
    says what became of the change being made: False (nothing of it was recorded; also when
    nothing was being changed), True (recorded, although the desk lost the server as it
    committed), None (not known: the server cannot be asked yet)."""

    recorded: bool | None = False


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
    return _primary(exc) in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    ) or "database is locked" in str(exc)


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


#: one statement as the store runs it: its SQL (sqlite's dialect) and its parameters
Stmt = tuple[str, Any]


class Database:
    """One connection to one sqlite file. Transactions are explicit (BEGIN IMMEDIATE)."""

    #: "sqlite", or "postgresql" for an office server (:class:`.pgdb.PgDatabase`)
    engine = "sqlite"

    def __init__(self, conn: sqlite3.Connection, path: Path, in_use: inuse.InUse | None = None):
        self.conn = conn
        self.path = path
        #: where it is, to open it again (a path; an office server's URL) and as shown
        self.location = str(path)
        self.shown = str(path)
        self.busy_timeout_ms = BUSY_TIMEOUT_MS
        self.busy_attempts = BUSY_ATTEMPTS
        self._in_use = in_use  # the shared hold on the lock file, released by close()
        #: this account's witness log of the database: the head after each commit
        self.witness = witness_log.WitnessLog(path)
        witness_log.register(conn, self.witness)

    def set_busy(self, timeout_ms: int, attempts: int = BUSY_ATTEMPTS) -> None:
        """How long a change waits for another connection's write to finish."""
        self.busy_timeout_ms, self.busy_attempts = int(timeout_ms), max(1, int(attempts))
        self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    def _begin(self, attempts: int | None = None) -> None:
        attempts = self.busy_attempts if attempts is None else attempts
        for _ in range(attempts):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    failure = write_failure(exc, self.path)
                    if failure is None:
                        raise
                    raise failure from exc
        waited = self.busy_timeout_ms * attempts / 1000
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
    def transaction(self, prefetch: Sequence[Stmt] = ()) -> Iterator[sqlite3.Connection]:
        """All or nothing: the state change and its audit event commit together.
        ``prefetch``: the statements (SQL, parameters) the transaction reads first, which
        an office server sends with its BEGIN in one round trip; a file needs no such
        hint."""
        if self.conn.in_transaction:
            raise StoreError("nested transaction")
        audit.take_appended(self.conn)  # a rolled-back transaction's, if any: not ours
        self._begin()
        try:
            yield self.conn
            head = audit.take_appended(self.conn)  # the head at COMMIT, if we appended
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
            failure = (
                write_failure(exc, self.path)
                if not _is_busy(exc)
                else StoreBusy(
                    f"the database {self.path} is busy: the change could not be committed; "
                    "nothing was recorded — try again in a moment"
                )
            )
            if failure is None:
                raise
            raise failure from exc
        # never raises: a log that cannot be written is reported
        self.witness.note(self.conn, head=head)

    @contextmanager
    def serialised(self) -> Iterator[None]:
        """Other connections' writes wait while this is held, across several transactions
        of this one (a service's last reruns, :func:`..services.session.rerun_if_changed`).
        A single file's writers are one counter's few windows: nothing to hold."""
        yield

    @contextmanager
    def reading(self, prefetch: Sequence[Stmt] = ()) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several reads. ``prefetch``: as for
        :meth:`transaction`, the statements read first (sent together to a server)."""
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

    def backup_to(self, target: Path, source: sqlite3.Connection | None = None) -> None:
        """sqlite online backup into ``target`` (a new file, private to its owner). The copy
        is a plain single file (rollback journal, no -wal), so it can be read, copied and
        checked as it is. ``source``: another connection to this file to copy from (the
        backup API cannot read through a connection that holds the write lock)."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} exists already; choose a new file name")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            dst = sqlite3.connect(str(target))
            try:
                (source or self.conn).backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        except sqlite3.Error as exc:
            # our own unfinished copy, never a record: remove it so it is not taken for one
            for p in (target, target.with_name(target.name + "-journal")):
                p.unlink(missing_ok=True)
            if _is_full(exc):
                raise StoreFull(
                    f"the disk holding {target} is full: no backup was written "
                    "(the unfinished copy was removed)"
                ) from exc
            raise StoreError(f"backup to {target} failed: {exc}") from exc
        target.chmod(0o600)

    def close(self) -> None:
        witness_log.register(self.conn, None)
        self.conn.close()
        if self._in_use is not None:
            self._in_use.release()


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"cannot switch the database to WAL (got {mode})")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _latest_backup(path: Path, backup_dir: Path | None) -> tuple[str, Path | None]:
    """What to say about the latest verified backup, and its path."""
    from ..timeutil import show

    folder = Path(backup_dir) if backup_dir is not None else backup_records.default_folder(path)
    latest = backup_records.latest_verified(folder)
    if latest is not None and latest.record is not None:
        hint = (
            f"The latest verified backup is {latest.path} (taken "
            f"{show(latest.record.taken_at)}, {latest.record.events} audit events); "
            f"to bring it back: keeper --db {path} restore {latest.path}"
        )
    else:
        hint = f"No verified backup was found in {folder}."
    return hint, latest.path if latest is not None else None


def _damaged(path: Path, problem: str, backup_dir: Path | None) -> DamagedDatabase:
    hint, latest = _latest_backup(path, backup_dir)
    return DamagedDatabase(
        f"{path} is damaged and will not be used: {problem}. Keeper does not repair it by "
        f"dropping records; the file is left as it is. {hint}",
        latest,
    )


def _check_schema(
    conn: sqlite3.Connection, path: Path, version: int, backup_dir: Path | None
) -> None:
    """Refuse a file whose schema is not Keeper's schema ``version`` (issue 10, point 6):
    a dropped or planted trigger would let a change through that Keeper's rules refuse, or
    rewrite a row before it is signed; nothing may be written to such a file."""
    if conn.in_transaction:
        found = schema.mismatch(conn, _migrations(), version)
    else:
        # the version and the tables from one snapshot: another Keeper may be migrating
        conn.execute("BEGIN")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            cookie = int(conn.execute("PRAGMA schema_version").fetchone()[0])
            key = (_file_key(path), _wal_key(path), version, cookie)
            if key in _SCHEMA_CHECKED:
                return
            found = schema.mismatch(conn, _migrations(), version)
            if not found:
                _SCHEMA_CHECKED.add(key)
        finally:
            conn.execute("ROLLBACK")
    if not found:
        return
    hint, latest = _latest_backup(path, backup_dir)
    raise SchemaTampered(
        f"{path} will not be used: its schema is not Keeper's schema version {version}: "
        + "; ".join(found)
        + f". Nothing was written to it; 'keeper --db {path} audit verify' reports all it "
        f"finds. {hint}",
        latest,
    )


#: Files that passed quick_check in this process, by (device, inode, size, mtime): the
#: application opens the database again for each background job; the check runs once
#: for each state of the file on disk.
_CHECKED: set[tuple[str, int, int, int, int]] = set()


#: Files whose schema was found to be Keeper's in this process, by the state of the file and
#: its -wal on disk, its version and sqlite's schema cookie (which every schema change
#: moves): the schema is read again whenever any of them changes.
_SCHEMA_CHECKED: set[tuple[tuple[str, int, int, int, int], tuple[int, int] | None, int, int]] = (
    set()
)


def _wal_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.with_name(path.name + "-wal").stat()  # stat: the file is not opened
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _file_key(path: Path) -> tuple[str, int, int, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _check_file(
    conn: sqlite3.Connection, path: Path, backup_dir: Path | None, quick_check: bool
) -> None:
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
            raise _damaged(path, "it is not a sqlite database (bad header)", backup_dir) from exc
        raise _damaged(path, f"sqlite cannot read it ({exc})", backup_dir) from exc
    known = len(_migrations())
    if version > known:
        raise StoreError(
            f"{path} has schema version {version}, newer than this Keeper knows "
            f"({known}); use a newer Keeper"
        )
    _check_schema(conn, path, version, backup_dir)


def open_database(
    path: str | Path,
    create: bool = True,
    *,
    backup_dir: str | Path | None = None,
    check: bool = True,
) -> Database:
    """Open (and if needed create and migrate) the database file at ``path``.

    ``check``: run ``PRAGMA quick_check`` (once per state of the file in this process);
    ``backup_dir``: where the refusal of a damaged file looks for the latest verified
    backup (default: ``backups/`` next to the file). The connection holds the database's
    lock file (store.inuse) shared until it is closed."""
    path = Path(path)
    bdir = Path(backup_dir) if backup_dir is not None else None
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}; run 'keeper init' first")
        # a folder made for the database is private to its user, like the file itself
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another Keeper made it at the same moment: the migration lock decides
    elif path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        held = inuse.hold_shared(path)
    except inuse.InUseError as exc:
        raise StoreError(str(exc)) from exc
    # The header is checked by sqlite itself (SQLITE_NOTADB), never by opening the file here:
    # closing any descriptor of the file drops every POSIX lock this process holds on it,
    # those of Keeper's other open connections included — another process could then take
    # itself for the last user, checkpoint and delete the WAL under them (sqlite's
    # "how to corrupt", 2.2). The soak test found exactly that.
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except BaseException:
        held.release()
        raise
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_file(conn, path, bdir, check)
        _configure(conn)
        db = Database(conn, path, held)
        _migrate(db)
        db.witness.note(conn)  # other processes' commits since this log's last line
    except sqlite3.DatabaseError as exc:
        conn.close()
        held.release()
        raise StoreError(f"{path}: {exc}") from exc
    except BaseException:
        conn.close()
        held.release()
        raise
    return db


def _newer(path: Path, version: int, known: int) -> StoreError:
    return StoreError(
        f"{path} has schema version {version}, newer than this Keeper knows "
        f"({known}); use a newer Keeper"
    )


def _statements(sql: str) -> Iterator[str]:
    """A migration script, one complete statement at a time (a trigger's body included)."""
    buf = ""
    for part in sql.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            yield buf
            buf = ""
    # what follows the last ';' is whitespace or comments: nothing to run


def _migrate(db: Database) -> None:
    """Bring the file to this Keeper's schema, or check it is there already.

    Several Keepers may open an older file at the same moment: each takes the write lock
    first (BEGIN IMMEDIATE, waiting for the others) and only then reads the version again,
    so one of them backs the file up and migrates, and the others find it done. The backup,
    the migrations, the new version and the migrations' fingerprints are one transaction."""
    migrations = _migrations()
    latest = len(migrations)
    version = db.schema_version
    if version > latest:
        raise _newer(db.path, version, latest)
    found = fingerprints.recorded(db.conn)
    if version == latest and fingerprints.complete(found, version):
        _check_fingerprints(db, found, migrations, version)
        return
    db._begin(MIGRATION_ATTEMPTS)
    try:
        version = db.schema_version  # again, under the lock: another Keeper may have migrated
        if version > latest:
            raise _newer(db.path, version, latest)
        found = fingerprints.recorded(db.conn)
        if found:
            # what was applied already must be what this Keeper would have applied
            _check_fingerprints(db, found, migrations, version)
        if 0 < version < latest:
            _backup_before_migrating(db, version)
        for num, _name, sql in migrations[version:]:
            for statement in _statements(sql):
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {num}")
            if num == KEY_HISTORY_VERSION and version > 0:
                _record_key_history(db)
        fingerprints.record(db.conn, migrations, latest, applied_now=version)
        # what the migrations made must be Keeper's schema (checked before they ran, too)
        _check_schema(db.conn, db.path, latest, None)
        db.conn.execute("COMMIT")
    except BaseException:
        db._rollback()
        raise


#: The schema that brought signed events and the key history (0005_signed_events.sql).
KEY_HISTORY_VERSION = 5


def _record_key_history(db: Database) -> None:
    """Migrating a file with people to schema 5: the keys they hold become their first keys
    ('earlier'), anchored by one system event. Events before it stay unsigned (scheme 1)."""
    from ..timeutil import now_utc, to_db
    from . import audit

    rows = [("person_keys", int(r[0])) for r in db.conn.execute("SELECT id FROM person_keys")]
    _seq, _h, last_at = audit.head_at(db.conn)
    at = to_db(now_utc().replace(microsecond=0))
    audit.append(
        db.conn,
        max(at, last_at or at),  # a clock behind the history must not block the migration
        None,
        "schema_migrated",
        {"to": KEY_HISTORY_VERSION, "keys": len(rows)},
        rows,
    )


def _check_fingerprints(
    db: Database,
    found: dict[int, tuple[str, str]] | None,
    migrations: list[tuple[int, str, str]],
    version: int,
) -> None:
    problem = fingerprints.mismatch(found or {}, migrations, version)
    if problem is not None:
        raise StoreError(
            f"{db.path} will not be used: {problem}. It was migrated by another build of "
            "Keeper, so its tables may not be the ones this Keeper expects; open it with "
            "that build, or restore a backup made before (keeper restore)"
        )


def _backup_before_migrating(db: Database, version: int) -> None:
    """The file as it is, before migrating from ``version``: the online backup API, not a file
    copy (committed changes may still be only in the -wal file, which a copy would miss)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db.path.with_name(f"{db.path.name}.v{version}.{stamp}.bak")
    n = 1
    while target.exists():  # an earlier migration from the same version, the same second
        n += 1
        target = db.path.with_name(f"{db.path.name}.v{version}.{stamp}-{n}.bak")
    # read through a second connection: ``db`` holds the write lock (nobody else can commit
    # meanwhile), and a WAL reader sees everything committed
    src = sqlite3.connect(str(db.path), isolation_level=None)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.backup_to(target, source=src)
    finally:
        src.close()
