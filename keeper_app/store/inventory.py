"""Inventory sessions (schema 17): the population a session expects, its observations, its
closing and the discrepancies reported to the heads. Queries only; rows are written through
:func:`.entries.insert` inside a service's change."""

from __future__ import annotations

import sqlite3
from typing import Any

#: the statuses a session expects (on the shelves; out on a recorded retrieval or transfer)
EXPECTED_STATUSES = ("sealed", "in_custody", "unsealed", "out", "transferred")


def population(conn: sqlite3.Connection, prefix: str) -> list[dict[str, Any]]:
    """The media the register puts under ``prefix`` ('' = all) in an expected status, with
    their case, ordered by location and code."""
    where = f"m.status IN ({','.join('?' * len(EXPECTED_STATUSES))})"
    args: list[Any] = list(EXPECTED_STATUSES)
    if prefix:
        where += " AND substr(m.location, 1, length(?)) = ?"
        args += [prefix, prefix]
    return [
        dict(r)
        for r in conn.execute(
            "SELECT m.id, m.code, m.copy_role, m.status, m.location, c.case_no, m.case_id "
            f"FROM media m JOIN cases c ON c.id = m.case_id WHERE {where} "
            "ORDER BY m.location, m.code",
            args,
        )
    ]


def session(conn: sqlite3.Connection, session_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT s.*, p.name AS keeper, p.badge AS keeper_badge, c.id AS closing_id, "
        "c.at AS closed_at, c.witness_id, w.name AS witness, w.badge AS witness_badge "
        "FROM inventory_sessions s JOIN people p ON p.id = s.keeper_id "
        "LEFT JOIN inventory_closings c ON c.session_id = s.id "
        "LEFT JOIN people w ON w.id = c.witness_id WHERE s.id = ?",
        (session_id,),
    ).fetchone()
    return None if r is None else dict(r)


def open_sessions(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [
        (int(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT s.id, s.location_prefix FROM inventory_sessions s WHERE NOT EXISTS "
            "(SELECT 1 FROM inventory_closings c WHERE c.session_id = s.id) ORDER BY s.id"
        )
    ]


def expected(conn: sqlite3.Connection, session_id: int) -> list[dict[str, Any]]:
    """The population of a session (as fixed at its start), with each medium's
    observation (kind NULL: none yet), the open retrieval or court transfer of one out, and
    the latest read-back of the disc since the session started (result, time; or NULL)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT e.medium_id, m.code, m.copy_role, e.status, e.location, c.case_no, "
            "m.case_id, m.status AS status_now, o.id AS observation_id, o.kind, o.note, o.at, "
            "(SELECT p.name || ' (' || p.badge || '), ' || r.out_at FROM retrievals r "
            " JOIN people p ON p.id = r.retriever_id WHERE r.medium_id = e.medium_id "
            " ORDER BY r.id DESC LIMIT 1) AS retrieval, "
            "(SELECT q.org_name || ', ' || t.at FROM court_transfers t JOIN court_requests q "
            " ON q.id = t.request_id WHERE t.medium_id = e.medium_id ORDER BY t.id DESC "
            " LIMIT 1) AS transfer, "
            "(SELECT v.result FROM verifications v WHERE v.medium_id = e.medium_id "
            " AND v.at >= s.started_at ORDER BY v.id DESC LIMIT 1) AS read_back, "
            "(SELECT v.at FROM verifications v WHERE v.medium_id = e.medium_id "
            " AND v.at >= s.started_at ORDER BY v.id DESC LIMIT 1) AS read_back_at "
            "FROM inventory_expected e JOIN inventory_sessions s ON s.id = e.session_id "
            "JOIN media m ON m.id = e.medium_id "
            "JOIN cases c ON c.id = m.case_id "
            "LEFT JOIN inventory_observations o ON o.session_id = e.session_id "
            " AND o.medium_id = e.medium_id "
            "WHERE e.session_id = ? ORDER BY e.location, m.code",
            (session_id,),
        )
    ]


def unexpected(conn: sqlite3.Connection, session_id: int) -> list[dict[str, Any]]:
    """The observations of media not in the session's population (or unknown codes)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT o.id AS observation_id, o.medium_id, o.code, o.kind, o.status, o.location, "
            "o.note, o.at, c.case_no, m.case_id FROM inventory_observations o "
            "LEFT JOIN media m ON m.id = o.medium_id LEFT JOIN cases c ON c.id = m.case_id "
            "WHERE o.session_id = ? AND NOT EXISTS (SELECT 1 FROM inventory_expected e "
            " WHERE e.session_id = o.session_id AND e.medium_id = o.medium_id) ORDER BY o.id",
            (session_id,),
        )
    ]


def observed(conn: sqlite3.Connection, session_id: int, code: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM inventory_observations WHERE session_id = ? AND code = ?",
            (session_id, code),
        ).fetchone()
        is not None
    )


def expected_status(conn: sqlite3.Connection, session_id: int, medium_id: int) -> str | None:
    r = conn.execute(
        "SELECT status FROM inventory_expected WHERE session_id = ? AND medium_id = ?",
        (session_id, medium_id),
    ).fetchone()
    return None if r is None else str(r[0])


def discrepancies(
    conn: sqlite3.Connection,
    *,
    session_id: int | None = None,
    discrepancy_id: int | None = None,
    reported_to: int | None = None,
    open_only: bool = False,
) -> list[dict[str, Any]]:
    """Discrepancies with their medium, case, head and resolution. Open: neither resolved
    nor (a disc not located) its 'missing' incident acknowledged."""
    where, args = [], []
    if session_id is not None:
        where.append("d.session_id = ?")
        args.append(session_id)
    if discrepancy_id is not None:
        where.append("d.id = ?")
        args.append(discrepancy_id)
    if reported_to is not None:
        where.append("d.reported_to = ?")
        args.append(reported_to)
    if open_only:
        where.append("r.id IS NULL AND ia.id IS NULL")
    sql = (
        "SELECT d.id, d.session_id, d.kind, d.medium_id, d.reported_to, d.incident_id, "
        "d.due_at, d.at, o.code, o.status, o.location, o.note, c.case_no, "
        "h.name AS head, h.badge AS head_badge, r.id AS resolution_id, r.note AS resolution, "
        "r.at AS resolved_at, ia.id AS incident_ack_id FROM inventory_discrepancies d "
        "JOIN inventory_observations o ON o.id = d.observation_id "
        "LEFT JOIN media m ON m.id = d.medium_id LEFT JOIN cases c ON c.id = m.case_id "
        "LEFT JOIN people h ON h.id = d.reported_to "
        "LEFT JOIN inventory_resolutions r ON r.discrepancy_id = d.id "
        "LEFT JOIN incident_acks ia ON ia.incident_id = d.incident_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [dict(r) for r in conn.execute(sql + " ORDER BY d.id", args)]
