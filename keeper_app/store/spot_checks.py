"""Spot checks (schema 16): the draw, the discs drawn, each read-back's outcome, the
closing. All append-only."""

from __future__ import annotations

import sqlite3
from typing import Any


def shelf(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every medium now on the shelf, by code (id, code, copy_role, status, case_id)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id, code, copy_role, status, case_id FROM media "
            "WHERE status IN ('sealed', 'in_custody') ORDER BY code"
        )
    ]


def insert_draw(
    conn: sqlite3.Connection,
    *,
    head_seq: int,
    head_hash: str,
    population_size: int,
    population_sha256: str,
    size_rule: str,
    sample_size: int,
    at: str,
    drawn_by: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO spot_checks(head_seq, head_hash, population_size, population_sha256, "
        "size_rule, sample_size, at, drawn_by) VALUES (?,?,?,?,?,?,?,?)",
        (
            head_seq,
            head_hash,
            population_size,
            population_sha256,
            size_rule,
            sample_size,
            at,
            drawn_by,
        ),
    )
    return int(cur.lastrowid or 0)


def insert_item(
    conn: sqlite3.Connection, spot_check_id: int, position: int, medium_id: int, code: str
) -> int:
    cur = conn.execute(
        "INSERT INTO spot_check_items(spot_check_id, position, medium_id, code) VALUES (?,?,?,?)",
        (spot_check_id, position, medium_id, code),
    )
    return int(cur.lastrowid or 0)


def insert_result(
    conn: sqlite3.Connection,
    *,
    item_id: int,
    outcome: str,
    verification_id: int,
    incident_id: int | None,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO spot_check_results(item_id, outcome, verification_id, incident_id, at, "
        "by_id) VALUES (?,?,?,?,?,?)",
        (item_id, outcome, verification_id, incident_id, at, by_id),
    )
    return int(cur.lastrowid or 0)


def insert_closing(
    conn: sqlite3.Connection,
    *,
    spot_check_id: int,
    outcome: str,
    checked: int,
    failed: int,
    unchecked: int,
    reason: str,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO spot_check_closings(spot_check_id, outcome, checked, failed, unchecked, "
        "reason, at, by_id) VALUES (?,?,?,?,?,?,?,?)",
        (spot_check_id, outcome, checked, failed, unchecked, reason, at, by_id),
    )
    return int(cur.lastrowid or 0)


def get(conn: sqlite3.Connection, spot_check_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT c.*, p.badge AS drawn_badge, p.name AS drawn_name FROM spot_checks c "
        "JOIN people p ON p.id = c.drawn_by WHERE c.id=?",
        (int(spot_check_id),),
    ).fetchone()
    return None if r is None else dict(r)


def items(conn: sqlite3.Connection, spot_check_id: int) -> list[dict[str, Any]]:
    """The discs drawn, in the draw's order, each with its outcome if checked (the result's
    id, outcome, time, checker, incident, and the read-back's figures) and where it is."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT i.id, i.position, i.medium_id, i.code, m.copy_role, m.status, m.location, "
            "m.case_id, r.id AS result_id, r.outcome, r.at AS checked_at, r.incident_id, "
            "p.badge AS checker_badge, p.name AS checker_name, v.files_checked, v.bytes_read, "
            "v.read_errors, v.details, v.drive "
            "FROM spot_check_items i JOIN media m ON m.id = i.medium_id "
            "LEFT JOIN spot_check_results r ON r.item_id = i.id "
            "LEFT JOIN people p ON p.id = r.by_id "
            "LEFT JOIN verifications v ON v.id = r.verification_id "
            "WHERE i.spot_check_id=? ORDER BY i.position",
            (int(spot_check_id),),
        )
    ]


def closing(conn: sqlite3.Connection, spot_check_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT x.*, p.badge AS by_badge, p.name AS by_name FROM spot_check_closings x "
        "JOIN people p ON p.id = x.by_id WHERE x.spot_check_id=?",
        (int(spot_check_id),),
    ).fetchone()
    return None if r is None else dict(r)


def open_ids(conn: sqlite3.Connection) -> list[int]:
    """The spot checks drawn and not closed, oldest first."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT c.id FROM spot_checks c LEFT JOIN spot_check_closings x "
            "ON x.spot_check_id = c.id WHERE x.id IS NULL ORDER BY c.id"
        )
    ]


def latest_id(conn: sqlite3.Connection) -> int | None:
    r = conn.execute("SELECT max(id) FROM spot_checks").fetchone()
    return None if r is None or r[0] is None else int(r[0])
