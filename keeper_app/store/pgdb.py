"""The office database on PostgreSQL: opening, migrating, the pinned schema, transactions.

The same :class:`~.connection.Database` interface as the sqlite file: ``transaction()``
(all or nothing, the state change with its audit event), ``reading()`` (one snapshot),
``schema_version``, ``witness``, ``close()``. What differs:

- a write transaction takes the office's advisory lock first (:data:`.pg.WRITE_LOCK`), so
  the audit chain has one writer at a time; a desk waiting longer than its lock timeout is
  told the office is busy and nothing was recorded;
- just before COMMIT the transaction notifies :data:`.pg.CHANNEL` with the new head's seq
  (delivered to the other desks only if the commit happens);
- when the connection is lost, the desk is told plainly whether the change was recorded:
  lost before COMMIT, it was not; lost during COMMIT, Keeper reconnects and looks for the
  head it was committing; the next use reconnects by itself. Nothing is queued.
- the schema is checked at open against the migrations' (trigger by trigger, with its
  definition as the server prints it, the refusing function's body, every table's columns
  and every index), as the sqlite file's is against sqlite_master."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

from . import audit, fingerprints, pg, pgsql, schema, witness_log
from .connection import (
    Database,
    ServerLost,
    Stmt,
    StoreBusy,
    StoreError,
    _migrations,
    _newer,
    _statements,
)

_READ_ONLY_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


class PgDatabase(Database):
    """One connection to an office's PostgreSQL database."""

    engine = "postgresql"

    def __init__(self, conn: pg.PgConnection, url: str):
        # PgConnection speaks the part of sqlite3.Connection's interface the store uses
        self.conn = cast(sqlite3.Connection, conn)
        self.pg = conn
        self.url = url
        self.location = url  # to open it again (a worker's own connection)
        self.shown = pg.safe_url(url)
        self.path = pg.local_anchor(url)
        self.busy_timeout_ms = conn.lock_timeout_ms
        self.busy_attempts = 1
        self._in_use = None
        self.witness = witness_log.WitnessLog(self.path)
        witness_log.register(self.conn, self.witness)

    def __str__(self) -> str:
        return self.shown

    def set_busy(self, timeout_ms: int, attempts: int = 1) -> None:
        self.busy_timeout_ms = int(timeout_ms) * max(1, int(attempts))
        self.pg.ensure()
        self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    def _begin(self, attempts: int | None = None, prefetch: Sequence[Stmt] = ()) -> None:
        self.pg.ensure()
        try:
            if prefetch:  # the transaction, its lock and the first reads: one round trip
                self.pg.pipelined(pg.LOCKED_BEGIN, prefetch)
            else:
                self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "database is locked" in str(exc):
                raise self._busy() from exc
            raise

    def _busy(self) -> StoreBusy:
        return StoreBusy(
            f"the office server {self.shown} is busy: another desk kept the register locked "
            f"for over {self.busy_timeout_ms / 1000:g} s; nothing was recorded — try again "
            "in a moment"
        )

    def _rollback(self) -> None:
        self.pg.rollback_quietly()

    def _head_notified(self) -> tuple[int, str] | None:
        """The chain's head at the end of the change, and the other desks told of it
        (delivered at COMMIT): one round trip."""
        r = self.pg.run_raw(
            "SELECT seq, hash, pg_notify(%s, seq::text) FROM audit_events "
            "ORDER BY seq DESC LIMIT 1",
            (pg.CHANNEL,),
        ).fetchone()
        return None if r is None else (int(r[0]), str(r[1]))

    @contextmanager
    def transaction(self, prefetch: Sequence[Stmt] = ()) -> Iterator[sqlite3.Connection]:
        if self.pg.in_transaction:
            raise StoreError("nested transaction")
        audit.take_appended(self.conn)  # a rolled-back transaction's, if any: not ours
        try:
            self._begin(prefetch=prefetch)
        except BaseException:
            self._rollback()
            raise
        try:
            yield self.conn
            appended = audit.take_appended(self.conn)
            if appended is not None and self.pg.quiet():
                # the head is the last event this transaction appended (the write lock
                # serialises appends): the other desks are told of it with the COMMIT, in
                # the same round trip. Only on a quiet connection: one the server has
                # dropped meanwhile goes the long way, where a failure before the COMMIT
                # is known for certain to have recorded nothing
                # (the event's INSERT, held back, goes with them: the change's last write)
                head: tuple[int, str] | None = (appended[0], appended[1])
                notify = f"SELECT pg_notify('{pg.CHANNEL}', '{int(appended[0])}')"
                deferred = self.pg.take_deferred()
                ending = [*([deferred] if deferred else []), (notify, None), ("COMMIT", None)]
            else:
                head = self._head_notified()
                ending = [("COMMIT", None)]
        except pg.ServerUnreachable as exc:
            raise _not_recorded(self.shown, exc) from exc
        except BaseException:
            self._rollback()
            raise
        self.pg.forget_prefetched()
        try:
            if len(ending) == 1:
                self.pg.run_raw(ending[0][0])
            else:
                self.pg.finish(ending)
        except pg.ServerUnreachable as exc:
            raise self._commit_lost(head, exc) from exc
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreBusy(
                f"the office server {self.shown} could not commit the change ({exc}); "
                "nothing was recorded — try again in a moment"
            ) from exc
        except BaseException:
            self._rollback()
            raise
        self.witness.note(self.conn, head=appended)

    def _commit_lost(self, head: tuple[int, str] | None, exc: BaseException) -> StoreError:
        """The connection broke during COMMIT: was it recorded? Ask the server again."""
        try:
            self.pg.ensure()
            found = (
                head is not None
                and self.conn.execute(
                    "SELECT 1 FROM audit_events WHERE seq=? AND hash=?", head
                ).fetchone()
                is not None
            )
        except (StoreError, sqlite3.Error):
            return ChangeOutcomeUnknown(
                f"the connection to the office server {self.shown} was lost while the "
                f"change was being committed ({exc}), and the server cannot be reached to "
                "tell whether it was recorded. When it is back, look the item up before "
                "doing it again"
            )
        if found:
            return ChangeRecordedButConnectionLost(
                f"the connection to the office server {self.shown} was lost just as the "
                "change was committed; Keeper reconnected and found it recorded. Do NOT do it "
                "again"
            )
        return _not_recorded(self.shown, exc)

    @contextmanager
    def serialised(self) -> Iterator[None]:
        """The office's write lock held by this desk's session (not a transaction's) until
        the block ends: other desks' writes wait, this desk's own transactions take it again.
        A desk whose checks other desks keep overtaking gets its turn this way."""
        if self.pg.in_transaction:
            raise StoreError("nested transaction")
        self.pg.ensure()
        try:
            self.pg.run_raw("SELECT pg_advisory_lock(%s)", (pg.WRITE_LOCK,))
        except sqlite3.OperationalError as exc:
            if "database is locked" in str(exc):
                raise self._busy() from exc
            raise
        try:
            yield
        finally:
            try:
                self.pg.run_raw("SELECT pg_advisory_unlock(%s)", (pg.WRITE_LOCK,))
            except (StoreError, sqlite3.Error):
                pass  # the connection is gone, and the server let go of the lock with it

    @contextmanager
    def reading(self, prefetch: Sequence[Stmt] = ()) -> Iterator[sqlite3.Connection]:
        if self.pg.in_transaction:
            if prefetch:
                self.pg.pipelined([], prefetch)
            try:
                yield self.conn
            finally:
                self.pg.forget_prefetched()
            return
        self.pg.ensure()
        if prefetch:  # the snapshot and its first reads: one round trip
            self.pg.pipelined([_READ_ONLY_SNAPSHOT], prefetch)
        else:
            self.pg.run_raw(_READ_ONLY_SNAPSHOT)
        try:
            yield self.conn
        finally:
            self.pg.rollback_quietly()

    @property
    def schema_version(self) -> int:
        self.pg.ensure()
        return pg.schema_version(self.pg)

    def backup_to(self, target: Any, source: Any = None) -> None:
        from .pgcopy import copy_to_sqlite

        # like a file's backup: the copy is kept even when its chain does not verify;
        # the caller checks it, records the failure and refuses
        copy_to_sqlite(self, target, keep_unverified=True)

    def close(self) -> None:
        witness_log.register(self.conn, None)
        self.pg.close()


class ChangeRecordedButConnectionLost(ServerLost):
    """The change is in the register although the desk lost the server during COMMIT."""

    recorded = True


class ChangeOutcomeUnknown(ServerLost, pg.ServerUnreachable):
    """The desk lost the server during COMMIT and cannot ask it yet whether the change was
    recorded."""

    recorded = None


def _not_recorded(location: str, exc: BaseException) -> StoreError:
    class _Lost(ServerLost, pg.ServerUnreachable):
        pass

    return _Lost(
        f"the connection to the office server {location} was lost ({exc}): nothing of this "
        "change was recorded. Keeper reconnects by itself; do it again when the server is back"
    )


def open_server(url: str, *, migrate: bool = False, check_schema: bool = True) -> PgDatabase:
    """Open the office's database at ``url``. A database behind this Keeper's schema is
    migrated only when ``migrate`` (the owner's ``keeper server init``); a desk is told to
    have it upgraded. The schema is checked against the migrations'."""
    conn = pg.PgConnection(url)
    try:
        db = PgDatabase(conn, url)
        migrations = _migrations()
        latest = len(migrations)
        version = db.schema_version
        if version > latest:
            raise _newer(db.path, version, latest)
        if version < latest and migrate:
            try:
                _migrate(db, migrations)
            except sqlite3.DatabaseError as exc:  # a migration's statement refused: as a file's
                raise StoreError(f"{db.shown}: {exc}") from exc
        elif version < latest and check_schema:
            raise StoreError(
                f"the office database {db.shown} has schema version {version}; this "
                f"Keeper needs {latest}. The server's owner brings it up to date with "
                f"'keeper server init {db.shown}'"
            )
        elif version == latest and check_schema:
            # what was applied must be what this Keeper would have applied (as a file's)
            _check_fingerprints(db, fingerprints.recorded(db.conn), migrations, version)
        # else: read as it is (audit verify, a worker): never migrated behind the owner's back
        found = mismatch(db.pg, migrations, latest) if check_schema else []
        if found:
            raise schema_refused(db.shown, latest, found)
        db.witness.note(db.conn)
        return db
    except BaseException:
        conn.close()
        raise


def schema_refused(location: str, version: int, found: list[str]) -> StoreError:
    from .connection import SchemaTampered

    return SchemaTampered(
        f"{location} will not be used: its schema is not Keeper's schema version {version}: "
        + "; ".join(found)
        + ". Nothing was written to it; 'keeper audit verify' reports all it finds."
    )


def _check_fingerprints(
    db: PgDatabase,
    found: dict[int, tuple[str, str]] | None,
    migrations: list[tuple[int, str, str]],
    version: int,
) -> None:
    """Refused when a recorded migration differs from this Keeper's (none recorded: the
    schema check says the table is missing)."""
    problem = fingerprints.mismatch(found, migrations, version) if found else None
    if problem is not None:
        raise StoreError(
            f"{db.shown} will not be used: {problem}. It was migrated by another build of "
            "Keeper, so its tables may not be the ones this Keeper expects; open it with "
            "that build"
        )


def _migrate(db: PgDatabase, migrations: list[tuple[int, str, str]]) -> None:
    p = db.pg
    p.run_raw("BEGIN")
    try:
        p.run_raw("SELECT pg_advisory_xact_lock(%s)", (pg.MIGRATE_LOCK,))
        p.run_raw("SELECT pg_advisory_xact_lock(%s)", (pg.WRITE_LOCK,))
        version = pg.schema_version(p)
        if version == 0:
            p.run_raw(f"CREATE TABLE {pg.VERSION_TABLE} (version BIGINT NOT NULL)")
            p.run_raw(f"INSERT INTO {pg.VERSION_TABLE} VALUES (0)")
            p.run_raw(pgsql.REFUSE_FUNCTION_SQL)
        _check_fingerprints(db, fingerprints.recorded(db.conn), migrations, version)
        for num, _name, sql in migrations[version:]:
            for text in pgsql.migration(list(_statements(sql))):
                p.run_raw(text)
            p.run_raw(f"UPDATE {pg.VERSION_TABLE} SET version = %s", (num,))
        p.forget_tables()
        fingerprints.record(db.conn, migrations, len(migrations), applied_now=version)
        p.run_raw("COMMIT")
    except BaseException:
        p.rollback_quietly()
        raise
    p.forget_tables()


# -- the pinned schema --------------------------------------------------------------------


@lru_cache(maxsize=8)
def _expected(migrations: tuple[tuple[int, str, str], ...], version: int) -> dict[str, Any]:
    """What the server must hold at ``version``: from sqlite applying the migrations in
    memory (the one schema source), carried over as :mod:`.pgsql` carries it."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for _n, _name, sql in migrations[:version]:
            for statement in _statements(sql):
                mem.execute(statement)
        mem.execute(fingerprints.CREATE)
        tables: dict[str, list[str]] = {}
        triggers: dict[str, str] = {}
        rules: list[pgsql.Trigger] = []  # the append-only rules (pgadmin derives the grants)
        indexes: set[str] = set()
        for typ, name, _tbl, sql in mem.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        ):
            if typ == "table" and not str(name).startswith("sqlite_"):
                tables[str(name)] = [str(r[1]) for r in mem.execute(f"PRAGMA table_info({name})")]
            elif typ == "index" and sql is not None:
                indexes.add(str(name))
            elif typ == "trigger":
                t = pgsql.parse_trigger(str(sql))
                assert t is not None, name
                rules.append(t)
                triggers[t.name] = pgsql.trigger_sql(t)
                tr = pgsql.truncate_rule(t)
                if tr is not None:
                    triggers[tr.name] = pgsql.trigger_sql(tr)
        return {"tables": tables, "triggers": triggers, "indexes": indexes, "rules": rules}
    finally:
        mem.close()


def _norm(sql: str) -> str:
    return schema.normalise(sql.replace(" ON public.", " ON ")) or ""


def mismatch(
    conn: pg.PgConnection, migrations: list[tuple[int, str, str]], version: int
) -> list[str]:
    """Empty when the server's schema is Keeper's schema ``version``; else each difference."""
    want = _expected(tuple(migrations), version)
    out: list[str] = []
    raw = conn.raw
    found_tables = pg.tables(conn)
    for t in sorted(set(want["tables"]) - found_tables):
        out.append(f"table {t} is missing (dropped outside Keeper)")
    for t in sorted(found_tables - set(want["tables"])):
        out.append(f"table {t} is not Keeper's (planted outside Keeper)")
    for t in sorted(found_tables & set(want["tables"])):
        if pg.columns(conn, t) != want["tables"][t]:
            out.append(f"table {t} differs from Keeper's (changed outside Keeper)")
    rows = raw.execute(
        "SELECT t.tgname, c.relname, t.tgenabled, pg_get_triggerdef(t.oid) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
    ).fetchall()
    found_triggers = {str(r[0]): (str(r[1]), str(r[2]), str(r[3])) for r in rows}
    for name in sorted(set(want["triggers"]) - set(found_triggers)):
        out.append(f"trigger {name} is missing (dropped outside Keeper)")
    for name in sorted(set(found_triggers) - set(want["triggers"])):
        out.append(
            f"trigger {name} on {found_triggers[name][0]} is not Keeper's (planted outside Keeper)"
        )
    for name in sorted(set(found_triggers) & set(want["triggers"])):
        _tbl, enabled, definition = found_triggers[name]
        if enabled != "O":
            out.append(f"trigger {name} is disabled (outside Keeper)")
        elif _norm(definition) != _norm(want["triggers"][name]):
            out.append(f"trigger {name} differs from Keeper's (changed outside Keeper)")
    body = raw.execute(
        "SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE p.proname = %s AND n.nspname = current_schema()",
        (pgsql.REFUSE_FUNCTION,),
    ).fetchall()
    if len(body) != 1 or str(body[0][0]) != pgsql.REFUSE_FUNCTION_BODY:
        out.append(
            f"function {pgsql.REFUSE_FUNCTION} differs from Keeper's (changed outside Keeper)"
        )
    idx = raw.execute(
        "SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = current_schema() AND NOT "
        "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
    ).fetchall()
    found_idx = {str(r[0]) for r in idx}
    for name in sorted(want["indexes"] - found_idx):
        out.append(f"index {name} is missing (dropped outside Keeper)")
    for name in sorted(found_idx - want["indexes"]):
        out.append(f"index {name} is not Keeper's (planted outside Keeper)")
    return out


def problems(conn: pg.PgConnection) -> list[str]:
    """For ``keeper audit verify`` on a server."""
    migrations = _migrations()
    version = pg.schema_version(conn)
    if version > len(migrations):
        return [f"schema: version {version} is newer than this Keeper knows"]
    return [f"schema: {p}" for p in mismatch(conn, migrations, version)]
