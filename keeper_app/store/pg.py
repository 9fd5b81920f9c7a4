"""An office's database on a PostgreSQL 15 server, behind the same :class:`Database` the
sqlite file has: the services do not know which engine they speak to.

:class:`PgConnection` speaks the part of ``sqlite3.Connection``'s interface Keeper uses
(``execute``, ``executemany``, ``in_transaction``, rows by index and by name, ``lastrowid``),
translating each query once (:mod:`.pgsql`). Errors come back as sqlite3's exception classes
(subclassed), so a rule refused by a trigger is an ``IntegrityError`` on both engines, and
the server being unreachable is a :class:`ServerUnreachable` (a ``StoreError``) that says
whether the change was recorded.

Concurrency is the engine's: every write transaction takes one advisory lock for the
office first (``pg_advisory_xact_lock``), so the audit chain is appended by one desk at a
time and each desk's transaction sees what the one before committed (READ COMMITTED), as
sqlite's ``BEGIN IMMEDIATE`` does for a single file. Readers are never blocked."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

from . import pgsql

#: the advisory lock every write transaction of an office takes first ('KEEP')
WRITE_LOCK = 0x4B454550
#: a write transaction's start: the BEGIN and the office's write lock
LOCKED_BEGIN = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
#: the advisory lock a migration takes (another number: migrating also writes)
MIGRATE_LOCK = 0x4B454551
#: the channel every commit notifies, with the head's seq as payload
CHANNEL = "keeper_changes"
#: the table holding the schema version (sqlite keeps it in PRAGMA user_version)
VERSION_TABLE = "keeper_schema_version"
CONNECT_TIMEOUT_S = 5


def is_url(location: str | os.PathLike[str]) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def safe_url(url: str) -> str:
    """The URL without its password: what Keeper shows and keys its local files on."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def office_key(url: str) -> str:
    """host_port_dbname: the office's name for this desk's local files (witness log,
    storage settings, default backup folder)."""
    parts = urlsplit(url)
    db = parts.path.lstrip("/") or "postgres"
    raw = f"{parts.hostname or 'local'}_{parts.port or 5432}_{db}"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", raw)


def local_anchor(url: str) -> Path:
    """A path standing for the server office on this desk: its folder keeps the desk's own
    files about that office. Nothing is at the path itself."""
    from .witness_log import state_dir

    return state_dir() / "servers" / office_key(url) / "office.pg"


class ServerUnreachable(Exception):
    """Marker mixed into the StoreError raised when the server cannot be reached."""


class ServerRefused(Exception):
    """Marker mixed into the StoreError raised when the server answered but refused this
    desk's connection (its password, its user, the database's name, pg_hba, TLS)."""


class PgIntegrityError(sqlite3.IntegrityError):
    """A constraint or an append-only rule refused the change (as sqlite's)."""


class PgOperationalError(sqlite3.OperationalError):
    """The server refused the statement (as sqlite's OperationalError)."""


class PgDatabaseError(sqlite3.DatabaseError):
    """Any other error of the server."""


class Row(tuple):  # type: ignore[type-arg]
    """A row readable by position and by column name, like sqlite3.Row."""

    _idx: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._idx[key.lower()])
            except KeyError:
                raise IndexError(f"No item with that key: {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._idx)


#: libpq's PGRES_TUPLES_OK (psycopg.pq.ExecStatus.TUPLES_OK): psycopg is imported only when a
#: server is opened, so its value is written here (tests/store pins it)
_TUPLES_OK = 2


def _has_rows(cur: Any) -> bool:
    """The statement returned rows (a SELECT, a RETURNING), as ``description is not None``
    says, without building the columns' description."""
    res = cur.pgresult
    return res is not None and res.status == _TUPLES_OK


def _row_factory(cursor: Any) -> Any:
    # the names straight from the result (cursor.description would build a Column object
    # per column per statement: a third of the driver's time in a scan)
    res = cursor.pgresult
    if res is None or res.status != _TUPLES_OK:
        return tuple
    idx: dict[str, int] = {}
    for i in range(res.nfields):
        idx.setdefault((res.fname(i) or b"").decode().lower(), i)

    def make(values: Sequence[Any]) -> Row:
        r = Row(values)
        r._idx = idx
        return r

    return make


class PgCursor:
    """The result of one statement, as sqlite3.Cursor offers it."""

    def __init__(self, cur: Any, lastrowid: int | None = None, rows: list[Any] | None = None):
        self._cur = cur
        self.lastrowid = lastrowid
        self._rows = rows  # a result made here (an emulated PRAGMA), not by the server
        self.rowcount = cur.rowcount if cur is not None else len(rows or [])

    def fetchone(self) -> Any:
        if self._rows is not None:
            return self._rows.pop(0) if self._rows else None
        if not _has_rows(self._cur):
            return None
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        if self._rows is not None:
            out, self._rows = self._rows, []
            return out
        if not _has_rows(self._cur):
            return []
        return cast(list[Any], self._cur.fetchall())

    def fetchmany(self, size: int = 1) -> list[Any]:
        if self._rows is not None:
            out, self._rows = self._rows[:size], self._rows[size:]
            return out
        return cast(list[Any], self._cur.fetchmany(size))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    @property
    def description(self) -> Any:
        return self._cur.description if self._cur is not None else None


def _adapt(params: Any) -> Any:
    if params is None:
        return None
    if isinstance(params, Mapping):
        return {k: (int(v) if isinstance(v, bool) else v) for k, v in params.items()}
    return [int(v) if isinstance(v, bool) else v for v in params]


def _params_key(params: Any) -> Any:
    """Parameters as a dictionary key (the statement read ahead is the same statement)."""
    if params is None:
        return None
    if isinstance(params, Mapping):
        return tuple(sorted(params.items()))
    return tuple(params)


def _fake_row(names: Sequence[str], values: Sequence[Any]) -> Row:
    r = Row(values)
    r._idx = {n: i for i, n in enumerate(names)}
    return r


_UPDATE_OR_DELETE = re.compile(r"^\s*(?:UPDATE|DELETE\s+FROM)\s+(\w+)\s", re.I)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:\(\s*(\w+)\s*\)|=\s*(\w+))?\s*;?\s*$", re.I)
_SQLITE_MASTER_TABLES = re.compile(
    r"^\s*SELECT\s+(?:name|1)\s+FROM\s+(?:main\.)?sqlite_master\s+WHERE\s+type\s*=\s*'table'"
    r"(\s+AND\s+name\s*=\s*\?)?(?:\s+ORDER\s+BY\s+name)?\s*$",
    re.I,
)


class PgConnection:
    """A psycopg connection that speaks as Keeper's sqlite connection does."""

    engine = "postgresql"

    def __init__(self, url: str):
        self.url = url
        self.lock_timeout_ms = 10_000
        # the schema as this connection learnt it (pinned at open, a desk never migrates):
        # asked once, not at every self-check -- information_schema is slow to ask;
        # forgotten after a migration (forget_tables) and at every new connection
        self._has_id: dict[str, bool] = {}
        self._tables: set[str] | None = None
        self._columns: dict[str, list[str]] = {}
        #: results sent for ahead of their statement (:meth:`pipelined`), by statement
        self._prefetched: dict[tuple[str, Any], Any] = {}
        #: an audit event's INSERT held back to go with the next statement, or with the
        #: COMMIT (:meth:`finish`): the last write of every change, whose result nobody reads
        self._deferred: tuple[str, Any] | None = None
        #: the rows this transaction has inserted, as the INSERT returned them (RETURNING *),
        #: by (table, id): what :func:`audit.read_row` would read back for the anchor or the
        #: signature of a row just written. Forgotten at any other write and at the end of
        #: the transaction (see :meth:`_run`)
        self._written: dict[tuple[str, int], dict[str, Any]] = {}
        self.raw: Any = None
        self.connect()

    # -- the connection itself ------------------------------------------------------------

    def connect(self) -> None:
        import psycopg

        try:
            self.raw = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                row_factory=_row_factory,
                application_name="keeper",
            )
        except psycopg.OperationalError as exc:
            raise unreachable(self.url, exc, during="connect") from exc
        # every integer goes as BIGINT, the type of every integer column (pgsql): psycopg
        # would send 5 as smallint and 100000 as integer, making one statement several
        # prepared statements, each planned afresh until it has run five times
        from psycopg.types.numeric import Int8Dumper

        self.raw.adapters.register_dumper(int, Int8Dumper)
        self.forget_tables()
        self.forget_prefetched()
        self._deferred = None
        self._written.clear()
        self.raw.execute(f"SET lock_timeout = {int(self.lock_timeout_ms)}")
        self.raw.execute("SET TIME ZONE 'UTC'")

    @property
    def closed(self) -> bool:
        return self.raw is None or bool(self.raw.closed) or self.raw.broken

    def ensure(self) -> None:
        """Reconnect after the server went away (never inside a transaction: that one is
        lost, and its caller was told)."""
        if self.closed:
            self.connect()

    def quiet(self) -> bool:
        """Nothing has come from the server since its last reply: no message waiting, no
        closed socket (a server stopping sends its last word and hangs up). Asked without a
        round trip, before a COMMIT sent with the statement before it."""
        import select

        if self.closed:
            return False
        try:
            poll = select.poll()
            poll.register(self.raw.fileno(), select.POLLIN | select.POLLPRI)
            return not poll.poll(0)
        except (OSError, ValueError):
            return False

    @property
    def in_transaction(self) -> bool:
        if self.closed:
            return False
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def close(self) -> None:
        if self.raw is not None and not self.raw.closed:
            self.raw.close()

    # -- statements -------------------------------------------------------------------------

    def _has_id_column(self, table: str) -> bool:
        if table not in self._has_id:
            r = self.raw.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s AND column_name = 'id'",
                (table,),
            ).fetchone()
            self._has_id[table] = r is not None
        return self._has_id[table]

    def forget_tables(self) -> None:
        self._has_id.clear()
        self._tables = None
        self._columns.clear()

    def known_tables(self) -> set[str]:
        """:func:`tables`, asked once a connection."""
        if self._tables is None:
            self._tables = tables(self)
        return self._tables

    def known_columns(self, table: str) -> list[str]:
        """:func:`columns`, asked once a connection for each table."""
        if table not in self._columns:
            self._columns[table] = columns(self, table)
        return self._columns[table]

    def pipelined(self, first: Sequence[str], statements: Sequence[tuple[str, Any]]) -> None:
        """Send ``first`` (statements of PostgreSQL's own, e.g. the transaction's BEGIN) and
        then ``statements`` (Keeper's, with their parameters) in one round trip (psycopg's
        pipeline mode); each result is kept for the :meth:`execute` of the same statement
        with the same parameters, which then costs no round trip. Reads only: the results
        are forgotten at the first statement that is not a SELECT and when the transaction
        ends (:meth:`forget_prefetched`)."""
        import psycopg

        if self.closed:
            self.connect()
        items = []
        for sql, params in statements:
            q = pgsql.dml(sql, isinstance(params, Mapping), params is not None)
            items.append((q.sql, _adapt(params)))
        idle = not self.in_transaction

        def send() -> list[tuple[str, Any, Any]]:
            with self.raw.pipeline():
                for text in first:
                    self.raw.execute(text)
                return [(text, p, self.raw.execute(text, p)) for text, p in items]

        self.forget_prefetched()
        self.flush()
        if first:  # a transaction's start: what an earlier one inserted is not known here
            self._written.clear()
        try:
            curs = send()
        except psycopg.Error as exc:
            mapped = self._mapped(exc)
            if not (idle and isinstance(mapped, ServerUnreachable)):
                raise mapped from exc
            # found broken while idle (as :meth:`_run`): reads and a BEGIN run again on a
            # new connection
            self.connect()
            try:
                curs = send()
            except psycopg.Error as exc2:
                raise self._mapped(exc2) from exc2
        for text, p, cur in curs:
            self._prefetched[(text, _params_key(p))] = cur

    def forget_prefetched(self) -> None:
        self._prefetched.clear()

    def written_row(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The row ``table`` #``row_id`` as this transaction's INSERT returned it, when
        nothing but reads and inserts has run since (None: read it)."""
        if not self.in_transaction:
            self._written.clear()
            return None
        r = self._written.get((table, int(row_id)))
        return None if r is None else dict(r)

    def begin_locked(self, prefetch: Sequence[tuple[str, Any]] = ()) -> None:
        """BEGIN and the office's write lock (as ``BEGIN IMMEDIATE``), with ``prefetch`` read
        after the lock in the same round trip (:meth:`pipelined`)."""
        try:
            if prefetch:
                self.pipelined(LOCKED_BEGIN, prefetch)
            else:
                self._run("; ".join(LOCKED_BEGIN), None)
        except BaseException:
            self.rollback_quietly()
            raise

    def flush(self) -> None:
        """Send the INSERT held back, if any (before any other statement)."""
        import psycopg

        if self._deferred is None:
            return
        (text, params), self._deferred = self._deferred, None
        try:
            self.raw.execute(text, params)
        except psycopg.Error as exc:
            raise self._mapped(exc) from exc

    def take_deferred(self) -> tuple[str, Any] | None:
        """The INSERT held back (the caller sends it with the COMMIT), now no longer held."""
        d, self._deferred = self._deferred, None
        return d

    def finish(self, statements: Sequence[tuple[str, Any]]) -> None:
        """The end of a transaction in one round trip: ``statements`` (the INSERT held
        back, the notification, the COMMIT) in a pipeline; the first that fails stops the
        rest (PostgreSQL's pipeline: the COMMIT is not run) and is raised."""
        import psycopg

        self._written.clear()
        try:
            with self.raw.pipeline():
                for text, params in statements:
                    self.raw.execute(text, params)
        except psycopg.Error as exc:
            raise self._mapped(exc) from exc

    def execute(self, sql: str, params: Any = None) -> PgCursor:
        if self.closed:
            # the server went away between statements: a fresh connection for this one (in
            # a transaction the caller was told already: that transaction is lost)
            self.connect()
        special = self._special(sql, params)
        if special is not None:
            return special
        q = pgsql.dml(sql, isinstance(params, Mapping), params is not None)
        text = q.sql
        if self._prefetched:
            head = text.lstrip()[:6].upper()
            if q.insert_into is None and (head == "SELECT" or head.startswith("WITH")):
                ahead = self._prefetched.pop((text, _params_key(_adapt(params))), None)
                if ahead is not None:
                    return PgCursor(ahead)
            else:
                self.forget_prefetched()  # a change: what was read ahead may be stale
        returning = False
        if (
            q.insert_into is not None
            and "RETURNING" not in text.upper()
            and self._has_id_column(q.insert_into)
        ):
            text += " RETURNING *"  # the row as stored: see written_row
            returning = True
        if q.insert_into == "audit_events" and not returning and self.in_transaction:
            self.flush()
            self._deferred = (text, _adapt(params))
            return PgCursor(None, rows=[])
        cur = self._run(text, _adapt(params))
        lastrowid = None
        if returning:
            r = cur.fetchone()
            if r is not None:
                row = dict(zip([d.name for d in cur.description], r, strict=True))
                lastrowid = int(row["id"])
                if self.in_transaction and q.insert_into is not None:
                    self._written[(q.insert_into, lastrowid)] = row
        return PgCursor(cur, lastrowid)

    def executemany(self, sql: str, seq: Any) -> PgCursor:
        seq = list(seq)
        named = bool(seq) and isinstance(seq[0], Mapping)
        q = pgsql.dml(sql, named, True)
        import psycopg

        self.flush()
        self._written.clear()
        try:
            cur = self.raw.cursor()
            cur.executemany(q.sql, [_adapt(p) for p in seq])
        except psycopg.Error as exc:
            raise self._mapped(exc) from exc
        return PgCursor(cur)

    def _run(self, text: str, params: Any) -> Any:
        import psycopg

        self.flush()
        if self._written and text.lstrip()[:6].upper() not in ("SELECT", "INSERT"):
            # an UPDATE or a DELETE may change a row of its table inserted before; anything
            # else (a COMMIT, a ROLLBACK, a BEGIN) ends what this transaction knew
            m = _UPDATE_OR_DELETE.match(text)
            if m is None:
                self._written.clear()
            else:
                for k in [k for k in self._written if k[0] == m.group(1)]:
                    del self._written[k]
        idle = not self.in_transaction
        try:
            return self.raw.execute(text, params)
        except psycopg.Error as exc:
            mapped = self._mapped(exc)
            if not (idle and isinstance(mapped, ServerUnreachable) and _repeatable(text)):
                raise mapped from exc
        # The server went away while this desk was idle (restarted, a network break): the
        # connection is found broken only now. A read, or the start of a transaction, runs
        # again on a new connection; nothing else does (no change is repeated or queued).
        self.connect()
        try:
            return self.raw.execute(text, params)
        except psycopg.Error as exc:
            raise self._mapped(exc) from exc

    def run_raw(self, text: str, params: Any = None) -> Any:
        """A statement in PostgreSQL's own dialect (the store's engine-specific parts)."""
        return self._run(text, params)

    def _mapped(self, exc: Exception) -> Exception:
        import psycopg

        if self.closed or isinstance(exc, psycopg.errors.AdminShutdown):
            return unreachable(self.url, exc, during="statement")
        state = getattr(getattr(exc, "diag", None), "sqlstate", None) or ""
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if state.startswith("23"):
            return PgIntegrityError(msg)
        if state in ("55P03", "40001", "40P01", "57014"):
            e = PgOperationalError(f"database is locked ({msg})")
            e.sqlite_errorcode = sqlite3.SQLITE_BUSY
            return e
        if state in ("53100",):
            e = PgOperationalError(f"database or disk is full ({msg})")
            e.sqlite_errorcode = sqlite3.SQLITE_FULL
            return e
        if isinstance(exc, psycopg.OperationalError):
            return PgOperationalError(msg)
        return PgDatabaseError(msg)

    def _special(self, sql: str, params: Any) -> PgCursor | None:
        """sqlite's own statements, done the PostgreSQL way (None: an ordinary query)."""
        head = sql.lstrip()[:16].upper()
        if head.rstrip("; ") == "COMMIT":  # with the INSERT held back, if any: one round trip
            self.forget_prefetched()
            held = self.take_deferred()
            if held is None:
                self._run("COMMIT", None)
            else:
                self.finish([held, ("COMMIT", None)])
            return PgCursor(None, rows=[])
        if head.startswith("BEGIN"):
            words = sql.split()
            if len(words) > 1 and words[1].upper() in ("IMMEDIATE", "EXCLUSIVE"):
                # the transaction and its write lock in one round trip (no parameter: one
                # simple query of two statements)
                self.begin_locked()
            else:
                self._run("BEGIN", None)
            return PgCursor(None, rows=[])
        if head.startswith("PRAGMA"):
            return self._pragma(sql)
        m = _SQLITE_MASTER_TABLES.match(sql)
        if m is not None:
            names = self.known_tables()
            if m.group(1):
                want = str((params or [""])[0])
                return PgCursor(None, rows=[_fake_row(["name"], [want])] if want in names else [])
            return PgCursor(None, rows=[_fake_row(["name"], [n]) for n in sorted(names)])
        return None

    def _pragma(self, sql: str) -> PgCursor:
        m = _PRAGMA.match(sql)
        if m is None:
            raise PgDatabaseError(f"not a statement Keeper carries to PostgreSQL: {sql!r}")
        name, arg, value = m.group(1).lower(), m.group(2), m.group(3)
        if name == "busy_timeout":
            if value is not None:
                self.lock_timeout_ms = int(value)
                self._run(f"SET lock_timeout = {int(value)}", None)
            return PgCursor(None, rows=[_fake_row(["timeout"], [self.lock_timeout_ms])])
        if name == "user_version" and value is None:
            return PgCursor(None, rows=[_fake_row(["user_version"], [schema_version(self)])])
        if name == "database_list":
            return PgCursor(
                None, rows=[_fake_row(["seq", "name", "file"], [0, "main", safe_url(self.url)])]
            )
        if name == "table_info" and arg:
            cols = self.known_columns(arg)
            return PgCursor(
                None, rows=[_fake_row(["cid", "name"], [i, c]) for i, c in enumerate(cols)]
            )
        if name == "foreign_keys":
            return PgCursor(None, rows=[_fake_row(["foreign_keys"], [1])])
        raise PgDatabaseError(f"PRAGMA {name} has no PostgreSQL counterpart in Keeper")

    def commit(self) -> None:
        """As sqlite3's: commit the transaction open on this connection, if any (outside
        one, every statement has committed by itself)."""
        self.forget_prefetched()
        if self.in_transaction:
            self._run("COMMIT", None)

    def rollback(self) -> None:
        """As sqlite3's: roll back the transaction open on this connection, if any."""
        self.forget_prefetched()
        self._deferred = None
        if self.in_transaction:
            self._run("ROLLBACK", None)

    def rollback_quietly(self) -> None:
        self.forget_prefetched()
        self._deferred = None
        self._written.clear()
        try:
            if self.in_transaction:
                self.raw.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the connection is gone: nothing to roll back
            pass


#: statements run again on a new connection when the old one is found broken while idle:
#: they change nothing (a read, a transaction's start, a session setting or lock)
_REPEATABLE = re.compile(r"^\s*(SELECT|BEGIN|SET|SHOW)\b", re.I)


def _repeatable(text: str) -> bool:
    return _REPEATABLE.match(text) is not None


def unreachable(url: str, exc: BaseException, during: str) -> Exception:
    from .connection import ServerLost

    class _Unreachable(ServerLost, ServerUnreachable):
        pass

    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    refused = any(
        w in str(exc)
        for w in (
            "password authentication failed",
            "no password supplied",  # none in the address nor in ~/.pgpass
            "pg_hba.conf",
            "does not exist",
            "SSL",
        )
    )
    if during == "connect" and refused:
        from .connection import StoreError as _SE

        class _Refused(_SE, ServerRefused):
            pass

        return _Refused(
            f"the office server {safe_url(url)} refused this desk's connection ({detail}). "
            "Check the user name, the database name and the password (~/.pgpass) with the "
            "server's administrator"
        )
    if during == "connect":
        text = (
            f"the office server {safe_url(url)} cannot be reached ({detail}). Check the "
            "network cable and that the server is running; Keeper tries again by itself"
        )
    else:
        text = f"the connection to the office server {safe_url(url)} was lost ({detail})"
    return _Unreachable(text)


def tables(conn: PgConnection) -> set[str]:
    rows = conn.raw.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE'"
    ).fetchall()
    return {str(r[0]) for r in rows} - {VERSION_TABLE}


def columns(conn: PgConnection, table: str) -> list[str]:
    rows = conn.raw.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def schema_version(conn: PgConnection) -> int:
    r = conn.raw.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = %s",
        (VERSION_TABLE,),
    ).fetchone()
    if r is None:
        return 0
    r = conn.raw.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return 0 if r is None else int(r[0])


def wait_for(url: str, seconds: float) -> None:
    """Wait until the server answers (for scripts and tests that just started one)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            PgConnection(url).close()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def raw_connection(url: str) -> Iterator[Any]:
    import psycopg

    conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    try:
        yield conn
    finally:
        conn.close()
