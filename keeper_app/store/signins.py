"""Sign-in attempts, wrong passwords and lockouts (schemas 4 and 6): the rows, and a
person's state read from them.

Since schema 6 every attempt is an ``attempt`` row written *before* its password is checked;
the right password writes ``cleared``. An attempt that no clearing follows counts as a wrong
password (so do the ``failure`` rows written before schema 6)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import audit, witness_log

#: the audit actions of sign-in bookkeeping: events without an actor (nobody is signed in)
ATTEMPT_ACTION = "sign_in_attempt"
LOCKOUT_ACTION = "locked_out"
CLEARED_ACTION = "sign_in_cleared"
FAILED_ACTION = "sign_in_failed"  # written before schema 6 only
ACTORLESS_ACTIONS = frozenset({ATTEMPT_ACTION, LOCKOUT_ACTION, CLEARED_ACTION, FAILED_ACTION})


@dataclass(frozen=True)
class SignInState:
    """Since the person's last clearing: attempts not cleared after the latest lockout
    (wrong or still being checked), the number of lockouts, the latest lockout's end (stored
    UTC text) and the id of the person's latest row."""

    failures: int
    lockouts: int
    locked_until: str | None
    last_id: int = 0

    @property
    def clean(self) -> bool:
        return self.failures == 0 and self.lockouts == 0


def state_stmt(person_id: int) -> tuple[str, Any]:
    """The one statement :func:`state` reads: the last 'cleared' row (if any) and every row
    after it."""
    return (
        "SELECT id, kind, until FROM sign_in_events WHERE person_id=? AND id >= COALESCE(("
        "SELECT MAX(id) FROM sign_in_events WHERE person_id=? AND kind='cleared'), 0) "
        "ORDER BY id",
        (person_id, person_id),
    )


def ahead(person_id: int) -> list[tuple[str, Any]]:
    """What a sign-in bookkeeping transaction reads first (:func:`locked`'s ``prefetch``):
    the person's state, and the chain's head its event goes after."""
    return [state_stmt(person_id), (audit.HEAD, ())]


def state(conn: sqlite3.Connection, person_id: int) -> SignInState:
    failures = lockouts = 0
    until: str | None = None
    last = 0
    rows = conn.execute(*state_stmt(person_id)).fetchall()
    if rows and rows[0][1] == "cleared":
        last = int(rows[0][0])
        rows = rows[1:]
    for rid, kind, row_until in rows:
        last = int(rid)
        if kind == "lockout":
            lockouts += 1
            failures = 0
            until = str(row_until)
        elif kind in ("failure", "attempt"):
            failures += 1
    return SignInState(failures, lockouts, until, last)


@dataclass(frozen=True)
class Event:
    kind: str
    action: str  # the audit event's action
    details: dict[str, Any]
    until: str | None = None
    level: int = 0
    by_id: int | None = None


def insert(
    conn: sqlite3.Connection,
    person_id: int,
    kind: str,
    at: str,
    until: str | None = None,
    level: int = 0,
    by_id: int | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO sign_in_events(person_id, kind, at, until, level, by_id) VALUES (?,?,?,?,?,?)",
        (person_id, kind, at, until, level, by_id),
    )
    return int(cur.lastrowid or 0)


def append(
    conn: sqlite3.Connection, person_id: int, at: str, events: Sequence[Event]
) -> list[tuple[int, int]]:
    """Write the rows and their (actor-less) audit events inside the caller's transaction;
    returns (row id, audit seq) of each."""
    out = []
    # the chain's head before the first row is written (read ahead with the BEGIN, :func:`ahead`)
    known: tuple[tuple[int, str], tuple[int, str] | None] | None = (audit.head(conn), None)
    for ev in events:
        rid = insert(conn, person_id, ev.kind, at, ev.until, ev.level, ev.by_id)
        seq = audit.append(
            conn, at, None, ev.action, ev.details, [("sign_in_events", rid)], known=known
        )
        known = (audit.just_appended(conn), None)  # the next one goes after this one
        out.append((rid, seq))
    return out


def _path(conn: sqlite3.Connection) -> Path:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(str(row[2]) if row and row[2] else "the database")


@contextmanager
def locked(
    conn: sqlite3.Connection, attempts: int = 3, prefetch: Sequence[tuple[str, Any]] = ()
) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE: other connections' sign-ins wait), committed
    at the end; a full disk, an I/O error or a database kept locked raise StoreError.
    ``prefetch``: statements read first, sent with the BEGIN to a server (:func:`ahead`)."""
    from .connection import StoreBusy, _is_busy, write_failure

    if conn.in_transaction:
        raise RuntimeError("a sign-in is recorded in a transaction of its own")
    begin_locked = getattr(conn, "begin_locked", None)  # a server's, with the reads
    for _ in range(attempts):
        try:
            if begin_locked is not None:
                begin_locked(prefetch)
            else:
                conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise write_failure(exc, _path(conn)) or exc from exc
    else:
        raise StoreBusy(
            f"the database {_path(conn)} is busy: another Keeper kept it locked; the sign-in "
            "could not be recorded — try again in a moment"
        )
    audit.take_appended(conn)  # an earlier transaction's, rolled back: not this one's
    try:
        yield conn
        head = audit.take_appended(conn)  # the chain's end at COMMIT (the write lock held)
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        if isinstance(exc, sqlite3.OperationalError):
            failure = write_failure(exc, _path(conn))
            if failure is not None:
                raise failure from exc
        if isinstance(exc, audit.ClockBehind):  # the computer's clock is behind the register
            from ..domain.errors import RuleViolation

            raise RuleViolation("clock_behind", str(exc)) from exc
        raise
    witness_log.note_commit(conn, head)  # sign-in bookkeeping is witnessed like any commit
