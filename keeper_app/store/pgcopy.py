"""Copying a whole office between two Keeper databases of the same schema version: a sqlite
file to an office server (``keeper migrate --to``, ``keeper restore`` into a server), and a
server into a new sqlite file (:func:`copy_to_sqlite`: a server office's backup, which any
desk opens and verifies with no server).

Every table's rows are copied exactly: the ids kept, integers, text and bytes as they are,
so every hash of the audit chain and every signature still verifies. The target is written
in one transaction (on a server: under the office's write lock, the foreign keys deferred
to the commit — departments and people point at each other — and the identity sequences
set past the largest id); the source is read in one snapshot. The schema's own bookkeeping
(the version, the migrations' fingerprints) is not copied: each database keeps its own, and
they must agree."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import audit, fingerprints, pg, pgadmin, pgdb
from .connection import Database, Stmt, StoreError, _migrations, _statements
from .verify import VerifyResult

BATCH = 2000


class SourceUnverified(StoreError):
    """The source's chain does not verify: it is not copied."""


class NotEmpty(StoreError):
    """The target database holds rows already: an office is copied only into an empty one."""


@dataclass
class CopyResult:
    rows: dict[str, int]  # table -> rows copied
    head: tuple[int, str]  # the copied chain's head: (seq, hash); (0, GENESIS) when empty
    source_check: VerifyResult | None  # the source's chain, verified in the copy's snapshot
    target_check: VerifyResult  # the target's chain, verified before it committed
    target_head: tuple[int, str]  # the target's head as committed (after ``then``)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def office_tables(version: int) -> dict[str, list[str]]:
    """Keeper's tables at schema ``version`` and their columns (the schema's order), the
    schema's own bookkeeping left out."""
    migrations = _migrations()
    tables: dict[str, list[str]] = pgdb._expected(tuple(migrations), version)["tables"]
    return {t: cols for t, cols in sorted(tables.items()) if t != fingerprints.TABLE}


def nonempty_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    """The Keeper tables of ``conn`` that hold any row."""
    return [
        t
        for t in office_tables(version)
        if conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is not None
    ]


def _rows(db: Database, table: str, cols: list[str]) -> Iterator[list[Any]]:
    """Every row of ``table`` in ``db``'s current transaction, in batches."""
    text = f"SELECT {', '.join(cols)} FROM {table}"
    if isinstance(db, pgdb.PgDatabase):
        with db.pg.raw.cursor(name=f"keeper_copy_{table}") as cur:
            cur.itersize = BATCH
            cur.execute(text)
            while True:
                batch = cur.fetchmany(BATCH)
                if not batch:
                    return
                yield [list(r) for r in batch]
    else:
        cur = db.conn.execute(text)
        while True:
            batch = cur.fetchmany(BATCH)
            if not batch:
                return
            yield [list(r) for r in batch]


def _name(db: Database) -> str:
    """How a message names a database: a server's URL (no password), a file's path."""
    return str(getattr(db, "location", None) or db.path)


def _fingerprints(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    return fingerprints.recorded(conn) or {}


def copy_office(
    source: Database,
    target: Database,
    verify_source: bool = False,
    then: Callable[[sqlite3.Connection], None] | None = None,
    keep_unverified: bool = False,
) -> CopyResult:
    """Copy every row of ``source`` into ``target``, which must hold no Keeper row and be
    at the same schema version (and fingerprints). One snapshot of the source (its chain
    verified first in that snapshot when ``verify_source``), one transaction on the target
    (``then`` called in it after the copy, e.g. to record a restore), the target's chain
    verified before it commits; refused (StoreError), with nothing written, otherwise.
    With ``keep_unverified`` (a backup) a copy whose chain does not verify is kept as it
    is, the failed check in the result, for the caller to record and refuse."""
    version = source.schema_version
    if target.schema_version != version:
        raise StoreError(
            f"{_name(target)} has schema version {target.schema_version} and "
            f"{_name(source)} {version}: both must be at this Keeper's schema"
        )
    with source.reading():
        source_check = audit.verify(source.conn) if verify_source else None
        if source_check is not None and not source_check.ok:
            raise SourceUnverified(
                f"{_name(source)} does not verify: "
                + "; ".join(source_check.problems[:3])
                + ". Nothing was copied"
            )
        src_fp = _fingerprints(source.conn)
        with target.transaction() as tconn:
            found = nonempty_tables(tconn, version)
            if found:
                raise NotEmpty(
                    f"{_name(target)} is not empty: it holds rows in {', '.join(found[:5])}"
                    f"{' …' if len(found) > 5 else ''}; Keeper copies an office only into a "
                    "database that holds none. Nothing was changed"
                )
            tgt_fp = _fingerprints(tconn)
            if {v: s[1] for v, s in src_fp.items()} != {v: s[1] for v, s in tgt_fp.items()}:
                raise StoreError(
                    f"the migrations recorded in {_name(source)} and {_name(target)} differ: "
                    "they were made by different builds of Keeper. Nothing was changed"
                )
            rows = _copy_rows(source, target, version)
            copied = audit.head(tconn)
            if copied != audit.head(source.conn):
                raise StoreError(f"the copy's chain head {copied} is not {_name(source)}'s")
            if then is not None:
                then(tconn)
            check = audit.verify(tconn)
            if not check.ok and not keep_unverified:
                raise SourceUnverified(
                    f"the copy in {_name(target)} does not verify: "
                    + "; ".join(check.problems[:3])
                    + ". Nothing was changed"
                )
            final = audit.head(tconn)
    return CopyResult(rows, copied, source_check, check, final)


def _copy_rows(source: Database, target: Database, version: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    server = target if isinstance(target, pgdb.PgDatabase) else None
    if server is not None:
        server.pg.run_raw("SET CONSTRAINTS ALL DEFERRED")
    for table, cols in office_tables(version).items():
        n = 0
        if server is not None:
            statement = f"COPY {table} ({', '.join(cols)}) FROM STDIN"
            cur = server.pg.raw.cursor()
            with cur.copy(statement) as copy:
                for batch in _rows(source, table, cols):
                    for row in batch:
                        copy.write_row(row)
                    n += len(batch)
        else:
            marks = ", ".join("?" * len(cols))
            insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})"
            for batch in _rows(source, table, cols):
                target.conn.executemany(insert, batch)
                n += len(batch)
        counts[table] = n
    if server is not None:
        _set_sequences(server.pg)
    else:
        bad = target.conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise StoreError(f"the copy breaks {len(bad)} foreign keys (first: {tuple(bad[0])})")
    return counts


def _set_sequences(conn: pg.PgConnection) -> None:
    """Each identity column's sequence past the largest id copied (the next row a desk
    adds gets the next number)."""
    for table, col in pgadmin.identity_columns(conn.raw):
        conn.run_raw(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{col}'), "
            f"COALESCE((SELECT max({col}) FROM {table}), 1), "
            f"(SELECT max({col}) FROM {table}) IS NOT NULL)"
        )


# -- a server's backup: a new sqlite file ------------------------------------------------


class _NewFile(Database):
    """The new sqlite file being written (a plain connection; no lock file, no witness)."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    def __str__(self) -> str:
        return str(self.path)

    @contextmanager
    def transaction(self, prefetch: Sequence[Stmt] = ()) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])


def copy_to_sqlite(
    db: Database, target: str | os.PathLike[str], keep_unverified: bool = False
) -> CopyResult:
    """The office server ``db`` as a new sqlite file ``target`` (private to its owner): its
    schema made by the migrations, every row copied in one REPEATABLE READ snapshot of the
    server, the copy's chain verified (its head is the server's at that snapshot). The
    file is a plain single file (no -wal): it can be copied, opened and checked as it is.
    An unfinished copy is removed; so is one whose chain does not verify, unless
    ``keep_unverified`` (a backup: kept like a file's copy, for its record to say so)."""
    target = Path(target)
    if target.exists():
        raise StoreError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        conn = sqlite3.connect(str(target), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            version = db.schema_version
            migrations = _migrations()
            conn.execute("BEGIN IMMEDIATE")
            for num, _label, sql in migrations[:version]:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {num}")
            fingerprints.record(conn, migrations, version, applied_now=0)
            conn.execute("COMMIT")
            result = copy_office(db, _NewFile(conn, target), keep_unverified=keep_unverified)
        finally:
            conn.close()
    except BaseException:
        for p in (target, target.with_name(target.name + "-journal")):
            p.unlink(missing_ok=True)
        raise
    target.chmod(0o600)
    return result
