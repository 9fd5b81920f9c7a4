"""The daily checkpoints (schema 7): rows, their signatures with the keys that made them,
and the check verify makes of each against the chain."""

from __future__ import annotations

import sqlite3
from typing import Any

from . import audit

TABLE = "checkpoints"


def insert(
    conn: sqlite3.Connection,
    *,
    unit_id: int,
    seq: int,
    hash_hex: str,
    head_at: str | None,
    at: str,
    keeper_id: int,
    keeper_key_id: int,
    head_id: int,
    head_key_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO checkpoints(unit_id, seq, hash, head_at, at, keeper_id, keeper_key_id, "
        "head_id, head_key_id) VALUES (?,?,?,?,?,?,?,?,?)",
        (unit_id, seq, hash_hex, head_at, at, keeper_id, keeper_key_id, head_id, head_key_id),
    )
    return int(cur.lastrowid or 0)


def row(conn: sqlite3.Connection, checkpoint_id: int) -> dict[str, Any] | None:
    """The stored row, every column (what the signatures cover)."""
    try:
        return audit.read_row(conn, TABLE, int(checkpoint_id))
    except LookupError:
        return None


def latest(conn: sqlite3.Connection) -> dict[str, Any] | None:
    r = conn.execute("SELECT id FROM checkpoints ORDER BY id DESC LIMIT 1").fetchone()
    return None if r is None else row(conn, int(r[0]))


def since(conn: sqlite3.Connection, at: str) -> int:
    """How many checkpoints were taken at or after ``at`` (stored UTC text)."""
    return int(conn.execute("SELECT count(*) FROM checkpoints WHERE at >= ?", (at,)).fetchone()[0])


def signatures(conn: sqlite3.Connection, checkpoint_id: int) -> list[dict[str, Any]]:
    """The checkpoint's signatures with each signer's name, badge and the public key named
    in the checkpoint for that signer."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT s.id, s.capacity, s.signed_at, s.content_sha256, s.signature, "
            "p.badge, p.name, k.public_key "
            "FROM signatures s JOIN people p ON p.id = s.signer_id "
            "JOIN checkpoints c ON c.id = s.entry_id "
            "JOIN person_keys k ON k.id = CASE WHEN s.signer_id = c.keeper_id "
            "  THEN c.keeper_key_id ELSE c.head_key_id END "
            "WHERE s.entry_table = 'checkpoints' AND s.entry_id = ? ORDER BY s.id",
            (int(checkpoint_id),),
        )
    ]


def unit(conn: sqlite3.Connection, unit_id: int) -> dict[str, Any]:
    r = conn.execute("SELECT code, name FROM units WHERE id = ?", (int(unit_id),)).fetchone()
    return {"code": "", "name": ""} if r is None else {"code": str(r[0]), "name": str(r[1])}


def keys_of(conn: sqlite3.Connection, badge: str) -> list[bytes]:
    """Every public key the person with ``badge`` has held (none for an unknown badge)."""
    return [
        bytes(r[0])
        for r in conn.execute(
            "SELECT k.public_key FROM person_keys k JOIN people p ON p.id = k.person_id "
            "WHERE p.badge = ? ORDER BY k.id",
            (badge,),
        )
    ]


def problems(conn: sqlite3.Connection) -> list[str]:
    """Verify's check of the checkpoints kept in the file: each one's head must be on the
    chain as it is (a checkpoint is signed by two people; rewriting the chain before it
    means forging both signatures, or leaves this disagreement)."""
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if TABLE not in tables:
        return []
    out = []
    for cid, seq, h in conn.execute("SELECT id, seq, hash FROM checkpoints ORDER BY id"):
        if int(seq) == 0:
            continue
        found = audit.hash_at(conn, int(seq))
        if found != h:
            out.append(
                f"checkpoint #{cid}: the chain's event {seq} "
                + ("is missing" if found is None else "is not the one the checkpoint certified")
                + " — the history before it was rewritten"
            )
    return out
