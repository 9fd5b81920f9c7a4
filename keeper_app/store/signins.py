"""Wrong passwords and lockouts (schema 4): the rows, and a person's state read from them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import audit, witness_log


@dataclass(frozen=True)
class SignInState:
    """Since the person's last clearing: wrong passwords after the latest lockout, the
    number of lockouts, and the latest lockout's end (stored UTC text)."""

    failures: int
    lockouts: int
    locked_until: str | None

    @property
    def clean(self) -> bool:
        return self.failures == 0 and self.lockouts == 0


def state(conn: sqlite3.Connection, person_id: int) -> SignInState:
    cleared = conn.execute(
        "SELECT COALESCE(MAX(id), 0) FROM sign_in_events WHERE person_id=? AND kind='cleared'",
        (person_id,),
    ).fetchone()[0]
    failures = lockouts = 0
    until: str | None = None
    for kind, row_until in conn.execute(
        "SELECT kind, until FROM sign_in_events WHERE person_id=? AND id>? ORDER BY id",
        (person_id, int(cleared)),
    ):
        if kind == "lockout":
            lockouts += 1
            failures = 0
            until = str(row_until)
        elif kind == "failure":
            failures += 1
    return SignInState(failures, lockouts, until)


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


def record(
    conn: sqlite3.Connection, person_id: int, at: str, actor_id: int | None, events: Sequence[Event]
) -> None:
    """Write the rows and their audit events. In a transaction of its own, so that a
    refused sign-in still leaves its record; inside the caller's transaction when there is
    one (then they stand or fall with it)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for ev in events:
            rid = insert(conn, person_id, ev.kind, at, ev.until, ev.level, ev.by_id)
            audit.append(conn, at, actor_id, ev.action, ev.details, [("sign_in_events", rid)])
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if own:
        witness_log.note_commit(conn)  # sign-in bookkeeping is witnessed like any commit
