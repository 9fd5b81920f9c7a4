"""The insider's toolkit: what a keeper or an IT administrator holding the database file and
Keeper's source, but nobody else's password, can do with python's sqlite3 and the
`cryptography` package. Every function here works on the raw file, the way the attacks of
issue 10 were first tried — recomputing every hash with the public formulas, and re-signing
whatever the insider's own key may sign."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from keeper_app import canonical, crypto
from keeper_app.store import audit


@contextmanager
def raw(path: Path, *drop: str) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to the file; ``drop`` names triggers to drop first
    ('*' drops every append-only trigger). A careful insider puts them back afterwards, as
    they were (the schema is pinned: a missing trigger would give them away at once)."""
    con = sqlite3.connect(path)
    try:
        names = list(drop)
        if "*" in names:
            names = [
                r[0]
                for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
                if r[0].endswith(("_no_update", "_no_delete"))
            ]
        saved = [
            r[0]
            for t in names
            for r in con.execute(
                "SELECT sql FROM sqlite_master WHERE type='trigger' AND name=?", (t,)
            )
        ]
        for t in names:
            con.execute(f"DROP TRIGGER IF EXISTS {t}")
        yield con
        for sql in saved:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def row(con: sqlite3.Connection, table: str, rid: int) -> dict[str, Any]:
    cur = con.execute(f"SELECT * FROM {table} WHERE id=?", (rid,))
    r = cur.fetchone()
    return {d[0]: r[i] for i, d in enumerate(cur.description)}


def rechain(
    con: sqlite3.Connection,
    keys: Mapping[int, Any] | None = None,
    *,
    reanchor: bool = True,
) -> int:
    """Renumber the events 1..n in their present order, re-anchor every row to its present
    content (``reanchor``), recompute every hash with the public formula and re-sign the
    events of the actors whose private keys the insider holds (``keys``: person id ->
    Ed25519 private key). Other actors' signatures are left as they were — the insider
    cannot make them. Returns the number of events."""
    keys = dict(keys or {})
    events = con.execute(
        "SELECT seq, seq, at, actor_id, action, payload, scheme, key_id, actor_sig "
        "FROM audit_events ORDER BY seq"
    ).fetchall()
    con.execute("UPDATE audit_events SET seq = -seq")  # out of the way of the renumbering
    latest: dict[tuple[str, int], int] = {}  # each row's last anchoring event
    for old, *_rest, payload, _scheme, _key, _sig in (
        (e[0], e[2], e[3], e[4], e[5], e[6], e[7], e[8]) for e in events
    ):
        for t, i, _rh in json.loads(payload)["rows"]:
            latest[(t, int(i))] = old
    prev = audit.GENESIS
    for n, (old, _seq, at, actor, action, payload, scheme, key_id, sig) in enumerate(
        events, start=1
    ):
        if reanchor:
            body = json.loads(payload)
            fresh = []
            for t, i, rh in body["rows"]:
                if latest[(t, int(i))] != old:
                    fresh.append([t, i, rh])  # an older state of the row: as it was
                    continue
                try:
                    fresh.append([t, i, canonical.row_hash(t, row(con, t, i))])
                except TypeError:  # the row is gone: keep the old anchor
                    fresh.append([t, i, rh])
            body["rows"] = fresh
            payload = canonical.dumps(body)
        h = audit.event_hash(prev, n, at, actor, action, payload, scheme, key_id)
        if actor in keys and scheme != 1:
            sig = crypto.sign(keys[actor], crypto.event_message(h))
        con.execute(
            "UPDATE audit_events SET seq=?, payload=?, prev_hash=?, hash=?, actor_sig=? "
            "WHERE seq=?",
            (n, payload, prev, h, sig, -old),
        )
        prev = h
    return len(events)


def key_id(con: sqlite3.Connection, person_id: int) -> int:
    return int(
        con.execute("SELECT max(id) FROM person_keys WHERE person_id=?", (person_id,)).fetchone()[0]
    )


def append_event(
    con: sqlite3.Connection,
    at: str,
    actor: int | None,
    action: str,
    details: Mapping[str, Any],
    rows: list[tuple[str, int]],
    private_key: Any = None,
    signing_key_id: int | None = None,
) -> int:
    """An event appended by hand: signed with ``private_key`` when given (the insider's own,
    or none), credited to ``actor`` — whoever the insider likes."""
    seq, prev = audit.head(con)
    seq += 1
    anchors = [[t, i, canonical.row_hash(t, row(con, t, i))] for t, i in rows]
    payload = canonical.dumps({"details": dict(details), "rows": anchors})
    h = audit.event_hash(prev, seq, at, actor, action, payload, 2, signing_key_id)
    sig = crypto.sign(private_key, crypto.event_message(h)) if private_key is not None else None
    con.execute(
        "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, hash, scheme, "
        "key_id, actor_sig) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, actor, action, payload, prev, h, 2, signing_key_id, sig),
    )
    return seq


@contextmanager
def own_keeper() -> Iterator[None]:
    """Keeper as the insider runs it: he has the source, so his copy skips the running
    application's self-check (services.self_check) — what he then writes must still be
    caught by `keeper audit verify` and the witnesses."""
    from keeper_app.services import self_check

    real = self_check.refuse_unless_verified
    self_check.refuse_unless_verified = lambda *_a, **_k: None  # type: ignore[assignment]
    try:
        yield
    finally:
        self_check.refuse_unless_verified = real  # type: ignore[assignment]
