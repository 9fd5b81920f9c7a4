"""The sqlite file: opening, pragmas, numbered migrations, transactions, backup."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """The database cannot be used as it is; the message says why."""


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


class Database:
    """One connection to one sqlite file. Transactions are explicit (BEGIN IMMEDIATE)."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the state change and its audit event commit together."""
        if self.conn.in_transaction:
            raise StoreError("nested transaction")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

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
        """sqlite online backup into ``target`` (a new file, private to its owner)."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} exists already; choose a new file name")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch(mode=0o600)
        dst = sqlite3.connect(str(target))
        try:
            self.conn.backup(dst)
        finally:
            dst.close()
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


def open_database(path: str | Path, create: bool = True) -> Database:
    """Open (and if needed create and migrate) the database file at ``path``."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}; run 'keeper init' first")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
    elif path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    else:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a sqlite database (bad header)")
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
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
