"""Enrolment codes (schema 8): what is stored of each (never the code itself), and its use."""

from __future__ import annotations

import sqlite3
from typing import Any


def insert(
    conn: sqlite3.Connection,
    person_id: int,
    salt: bytes,
    kdf_n: int,
    verifier: bytes,
    issued_by: int,
    issued_at: str,
    expires_at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO enrolments(person_id, kdf_salt, kdf_n, code_verifier, issued_by, "
        "issued_at, expires_at) VALUES (?,?,?,?,?,?,?)",
        (person_id, salt, kdf_n, verifier, issued_by, issued_at, expires_at),
    )
    return int(cur.lastrowid or 0)


def latest(conn: sqlite3.Connection, person_id: int) -> dict[str, Any] | None:
    """The person's latest enrolment code (a newer one replaces the earlier), with whether
    it was used (``used_at``)."""
    r = conn.execute(
        "SELECT e.*, u.at AS used_at FROM enrolments e "
        "LEFT JOIN enrolment_uses u ON u.enrolment_id = e.id "
        "WHERE e.person_id=? ORDER BY e.id DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    return None if r is None else dict(r)


def insert_use(conn: sqlite3.Connection, enrolment_id: int, at: str, key_id: int) -> int:
    cur = conn.execute(
        "INSERT INTO enrolment_uses(enrolment_id, at, key_id) VALUES (?,?,?)",
        (enrolment_id, at, key_id),
    )
    return int(cur.lastrowid or 0)
