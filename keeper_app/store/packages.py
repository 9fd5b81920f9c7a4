"""What a transfer package (issue 16) reads: one disc's register rows, the events from a
point to the head, the signatures of the disc's rows, the keys that made them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from . import audit

#: Register tables whose rows name the medium they are about.
_BY_MEDIUM = (
    "approvals",
    "seal_events",
    "retrievals",
    "incidents",
    "court_transfers",
    "location_changes",
    "verifications",
    "retrieval_requests",
    "court_request_items",
    "late_marks",
    "medium_findings",
    "original_uses",
)
#: Rows that hang on one of those: (table, column, the table it points to).
_HANGING = (
    ("returns", "retrieval_id", "retrievals"),
    ("incident_acks", "incident_id", "incidents"),
    ("court_item_closures", "transfer_id", "court_transfers"),
    ("approval_decisions", "approval_id", "approvals"),
    ("retrieval_decisions", "request_id", "retrieval_requests"),
)


def _ids(conn: sqlite3.Connection, sql: str, args: Iterable[Any]) -> list[int]:
    return [int(r[0]) for r in conn.execute(sql, tuple(args))]


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")}


def disc_rows(conn: sqlite3.Connection, medium_id: int) -> list[tuple[str, int]]:
    """The register rows about one medium: the medium, its manifest, its handover, every
    entry naming it, the rows hanging on those, and the signatures of all of them."""
    m = audit.read_row(conn, "media", medium_id)
    rows: list[tuple[str, int]] = [("media", medium_id), ("manifests", int(m["manifest_id"]))]
    rows += [
        ("handovers", i)
        for i in _ids(
            conn,
            "SELECT id FROM handovers WHERE original_id=? OR duplicate_id=? ORDER BY id",
            (medium_id, medium_id),
        )
    ]
    by_table: dict[str, list[int]] = {}
    for t in _BY_MEDIUM:
        if "medium_id" in _columns(conn, t):
            by_table[t] = _ids(
                conn, f"SELECT id FROM {t} WHERE medium_id=? ORDER BY id", (medium_id,)
            )
            rows += [(t, i) for i in by_table[t]]
    for t, col, parent in _HANGING:
        ids = by_table.get(parent) or []
        if ids and col in _columns(conn, t):
            marks = ",".join("?" * len(ids))
            rows += [
                (t, i)
                for i in _ids(conn, f"SELECT id FROM {t} WHERE {col} IN ({marks}) ORDER BY id", ids)
            ]
    rows += [("signatures", i) for i, *_ in signatures_of(conn, rows)]
    return rows


def signatures_of(
    conn: sqlite3.Connection, entries: Iterable[tuple[str, int]]
) -> list[tuple[int, dict[str, Any]]]:
    """The signature rows of these entries (id, row), in id order."""
    out = []
    for t, i in entries:
        for r in conn.execute(
            "SELECT * FROM signatures WHERE entry_table=? AND entry_id=? ORDER BY id", (t, i)
        ):
            d = dict(r)
            out.append((int(d["id"]), d))
    return sorted(out, key=lambda x: x[0])


def events_from(conn: sqlite3.Connection, seq: int) -> Iterator[dict[str, Any]]:
    """Every event from ``seq`` to the head, in order."""
    cur = conn.execute(
        "SELECT seq, at, actor_id, action, payload, prev_hash, hash, scheme, key_id, actor_sig "
        "FROM audit_events WHERE seq >= ? ORDER BY seq",
        (int(seq),),
    )
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r, strict=True))


def first_anchoring(conn: sqlite3.Connection, table: str, row_id: int) -> int | None:
    """The first event whose anchors name this row (the canonical payload holds each anchor
    as ``["table",id,"hash"]``): where a medium's events begin."""
    r = conn.execute(
        "SELECT min(seq) FROM audit_events WHERE instr(payload, ?) > 0",
        (f'["{table}",{int(row_id)},"',),
    ).fetchone()
    return None if r is None or r[0] is None else int(r[0])


def keys(conn: sqlite3.Connection, key_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Public keys with their holders' badge and name."""
    ids = sorted(set(key_ids))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [
        dict(r)
        for r in conn.execute(
            "SELECT k.id, k.person_id, p.badge, p.name, k.public_key, k.made_at, k.reason "
            f"FROM person_keys k JOIN people p ON p.id = k.person_id WHERE k.id IN ({marks}) "
            "ORDER BY k.id",
            ids,
        )
    ]


def keys_of(conn: sqlite3.Connection, person_id: int) -> list[tuple[int, bytes, str]]:
    """Every key a person has held: (key id, public key, badge)."""
    return [
        (int(r[0]), bytes(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT k.id, k.public_key, p.badge FROM person_keys k JOIN people p "
            "ON p.id = k.person_id WHERE k.person_id=? ORDER BY k.id",
            (int(person_id),),
        )
    ]


def latest_checkpoint(conn: sqlite3.Connection) -> dict[str, Any] | None:
    r = conn.execute("SELECT id FROM checkpoints ORDER BY id DESC LIMIT 1").fetchone()
    return None if r is None else audit.read_row(conn, "checkpoints", int(r[0]))
