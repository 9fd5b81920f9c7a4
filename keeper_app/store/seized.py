"""Seized storage media (schema 18, issue 15): seizures with their items, sealings, seal
events, receipts, requests and decisions, transfers, releases, incidents, late marks and
inspections. All append-only but an item's status, location and seal number."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

TABLES = frozenset(
    {
        "seizures",
        "seized_items",
        "seized_sealings",
        "seized_seal_events",
        "seized_receipts",
        "seized_requests",
        "seized_decisions",
        "seized_transfers",
        "seized_transfer_items",
        "seized_releases",
        "seized_incidents",
        "seized_incident_acks",
        "seized_late_marks",
        "seized_inspections",
    }
)


def insert(conn: sqlite3.Connection, table: str, **cols: Any) -> int:
    """Insert one row into one of the seized-media tables (checked by name)."""
    if table not in TABLES:
        raise ValueError(f"not a seized-media table: {table}")
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    cur = conn.execute(f"INSERT INTO {table}({names}) VALUES ({marks})", tuple(cols.values()))
    return int(cur.lastrowid or 0)


def _one(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> dict[str, Any] | None:
    r = conn.execute(sql, args).fetchone()
    return None if r is None else dict(r)


def _all(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, args)]


def next_serial(conn: sqlite3.Connection, unit: str, year: int) -> int:
    """The next seized-item serial of ``unit`` in ``year`` (its own series, copy letter S)."""
    prefix = f"{unit}{year:04d}"
    r = conn.execute(
        "SELECT max(serial) FROM seized_items WHERE serial >= ? AND serial < ?",
        (prefix + "000000", prefix + "999999~"),
    ).fetchone()
    return 1 if r[0] is None else int(str(r[0])[8:14]) + 1


def set_item(conn: sqlite3.Connection, item_id: int, **cols: Any) -> None:
    """Move an item's status, location or seal number (the only columns that move)."""
    allowed = {"status", "location", "seal_no"}
    if not cols or set(cols) - allowed:
        raise ValueError(f"only {sorted(allowed)} of a seized item change")
    sets = ", ".join(f"{k}=?" for k in cols)
    conn.execute(f"UPDATE seized_items SET {sets} WHERE id=?", (*cols.values(), item_id))


_SEIZURE = (
    "SELECT z.*, c.case_no, c.name AS case_name, c.department_id, p.name AS by_name, "
    "p.badge AS by_badge FROM seizures z JOIN cases c ON c.id=z.case_id "
    "JOIN people p ON p.id=z.by_id"
)


def seizure(conn: sqlite3.Connection, seizure_id: int) -> dict[str, Any] | None:
    return _one(conn, _SEIZURE + " WHERE z.id=?", (seizure_id,))


def seizures(conn: sqlite3.Connection, case_id: int | None = None) -> list[dict[str, Any]]:
    if case_id is None:
        return _all(conn, _SEIZURE + " ORDER BY z.id")
    return _all(conn, _SEIZURE + " WHERE z.case_id=? ORDER BY z.id", (case_id,))


def item_by_code(conn: sqlite3.Connection, code: str) -> dict[str, Any] | None:
    return _one(conn, "SELECT * FROM seized_items WHERE code=?", (code,))


def item(conn: sqlite3.Connection, item_id: int) -> dict[str, Any] | None:
    return _one(conn, "SELECT * FROM seized_items WHERE id=?", (item_id,))


def items_of(conn: sqlite3.Connection, seizure_id: int) -> list[dict[str, Any]]:
    return _all(conn, "SELECT * FROM seized_items WHERE seizure_id=? ORDER BY id", (seizure_id,))


def items(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every seized item with its seizure's case (for lists and the register)."""
    return _all(
        conn,
        "SELECT i.*, z.case_id, c.case_no, z.seized_at, z.cause FROM seized_items i "
        "JOIN seizures z ON z.id=i.seizure_id JOIN cases c ON c.id=z.case_id ORDER BY i.id",
    )


def sealing(conn: sqlite3.Connection, seizure_id: int) -> dict[str, Any] | None:
    return _one(conn, "SELECT * FROM seized_sealings WHERE seizure_id=?", (seizure_id,))


def receipt(conn: sqlite3.Connection, seizure_id: int) -> dict[str, Any] | None:
    return _one(
        conn,
        "SELECT r.*, pk.name AS keeper_name, pi.name AS investigator_name FROM seized_receipts r "
        "JOIN people pk ON pk.id=r.keeper_id JOIN people pi ON pi.id=r.investigator_id "
        "WHERE r.seizure_id=?",
        (seizure_id,),
    )


def seal_events(conn: sqlite3.Connection, item_id: int) -> list[dict[str, Any]]:
    return _all(
        conn,
        "SELECT e.*, p.name AS by_name FROM seized_seal_events e JOIN people p ON p.id=e.by_id "
        "WHERE e.item_id=? ORDER BY e.id",
        (item_id,),
    )


def used_seal_nos(conn: sqlite3.Connection, seal_no: str) -> list[str]:
    """The seal number among the seized items' seals and the discs' seals (never reused)."""
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT seal_no FROM seized_seal_events WHERE seal_no=? AND kind IN "
            "('seal','reseal') UNION ALL SELECT seal_no FROM seal_events WHERE seal_no=? "
            "AND kind IN ('seal','reseal')",
            (seal_no, seal_no),
        )
    ]


def _request_row(r: dict[str, Any]) -> dict[str, Any]:
    r["items"] = [int(x) for x in json.loads(r["items"] or "[]")]
    return r


_REQUEST = (
    "SELECT q.*, d.id AS decision_id, d.decision, d.decided_by, d.at AS decided_at, "
    "d.new_expiry, d.note AS decision_note, pr.name AS requested_by_name, "
    "pr.badge AS requested_by_badge, pa.name AS approver_name, pa.badge AS approver_badge "
    "FROM seized_requests q LEFT JOIN seized_decisions d ON d.request_id=q.id "
    "JOIN people pr ON pr.id=q.requested_by JOIN people pa ON pa.id=q.approver_id"
)


def request(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    r = _one(conn, _REQUEST + " WHERE q.id=?", (request_id,))
    return None if r is None else _request_row(r)


def requests_of(conn: sqlite3.Connection, seizure_id: int) -> list[dict[str, Any]]:
    return [
        _request_row(r)
        for r in _all(conn, _REQUEST + " WHERE q.seizure_id=? ORDER BY q.id", (seizure_id,))
    ]


def pending_requests(conn: sqlite3.Connection, approver_id: int) -> list[dict[str, Any]]:
    return [
        _request_row(r)
        for r in _all(
            conn,
            "SELECT x.*, c.case_no, z.case_id FROM (" + _REQUEST + " WHERE d.id IS NULL AND "
            "q.approver_id=?) x JOIN seizures z ON z.id=x.seizure_id "
            "JOIN cases c ON c.id=z.case_id ORDER BY x.id",
            (approver_id,),
        )
    ]


def request_used(conn: sqlite3.Connection, request_id: int, kind: str) -> bool:
    """Whether an approved request was acted on already (one unsealing, one transfer out,
    one release)."""
    if kind == "unseal":
        sql = "SELECT 1 FROM seized_seal_events WHERE request_id=?"
    elif kind == "transfer":
        sql = "SELECT 1 FROM seized_transfers WHERE request_id=? AND direction='out'"
    elif kind == "release":
        sql = "SELECT 1 FROM seized_releases WHERE request_id=?"
    else:
        return False
    return conn.execute(sql, (request_id,)).fetchone() is not None


def extensions(conn: sqlite3.Connection, seizure_id: int) -> list[dict[str, Any]]:
    """The approved extensions of a seizure's period (decision id, new end)."""
    return _all(
        conn,
        "SELECT d.id, d.new_expiry, d.at, q.days, q.reason FROM seized_decisions d "
        "JOIN seized_requests q ON q.id=d.request_id WHERE q.seizure_id=? AND "
        "q.kind='extension' AND d.decision='approved' ORDER BY d.id",
        (seizure_id,),
    )


def transfer_out_open(conn: sqlite3.Connection, item_id: int) -> dict[str, Any] | None:
    """The transfer out an item left with and that has not come back."""
    return _one(
        conn,
        "SELECT t.* FROM seized_transfers t JOIN seized_transfer_items ti ON ti.transfer_id=t.id "
        "WHERE ti.item_id=? AND t.direction='out' AND NOT EXISTS "
        "(SELECT 1 FROM seized_transfers b WHERE b.out_id=t.id) ORDER BY t.id DESC LIMIT 1",
        (item_id,),
    )


def transfer(conn: sqlite3.Connection, transfer_id: int) -> dict[str, Any] | None:
    return _one(conn, "SELECT * FROM seized_transfers WHERE id=?", (transfer_id,))


def transfer_items(conn: sqlite3.Connection, transfer_id: int) -> list[dict[str, Any]]:
    return _all(
        conn,
        "SELECT ti.*, i.code FROM seized_transfer_items ti JOIN seized_items i ON i.id=ti.item_id "
        "WHERE ti.transfer_id=? ORDER BY ti.id",
        (transfer_id,),
    )


def transfers_of(conn: sqlite3.Connection, seizure_id: int) -> list[dict[str, Any]]:
    """A seizure's transfers out and back (Art. 131), oldest first, with who signed."""
    return _all(
        conn,
        "SELECT t.*, pi.name AS investigator_name, pi.badge AS investigator_badge, "
        "pk.name AS keeper_name, pk.badge AS keeper_badge, q.reason FROM seized_transfers t "
        "JOIN seized_requests q ON q.id=t.request_id JOIN people pi ON pi.id=t.investigator_id "
        "JOIN people pk ON pk.id=t.keeper_id WHERE q.seizure_id=? ORDER BY t.id",
        (seizure_id,),
    )


def releases_of(conn: sqlite3.Connection, seizure_id: int) -> list[dict[str, Any]]:
    """A seizure's releases (Art. 134), oldest first."""
    return _all(
        conn,
        "SELECT x.*, q.items, q.reason AS finding, q.requested_at AS found_at, "
        "pi.name AS investigator_name, pk.name AS keeper_name FROM seized_releases x "
        "JOIN seized_requests q ON q.id=x.request_id JOIN people pi ON pi.id=x.investigator_id "
        "JOIN people pk ON pk.id=x.keeper_id WHERE q.seizure_id=? ORDER BY x.id",
        (seizure_id,),
    )


def release(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    return _one(conn, "SELECT * FROM seized_releases WHERE request_id=?", (request_id,))


def incidents(
    conn: sqlite3.Connection,
    reported_to: int | None = None,
    seizure_id: int | None = None,
    unacknowledged: bool = False,
) -> list[dict[str, Any]]:
    where, args = [], []
    if reported_to is not None:
        where.append("n.reported_to=?")
        args.append(reported_to)
    if seizure_id is not None:
        where.append("n.seizure_id=?")
        args.append(seizure_id)
    if unacknowledged:
        where.append("a.id IS NULL")
    return _all(
        conn,
        "SELECT n.*, c.case_no, z.case_id, i.code, p.name AS reported_by_name, "
        "a.at AS acknowledged_at FROM seized_incidents n JOIN seizures z ON z.id=n.seizure_id "
        "JOIN cases c ON c.id=z.case_id LEFT JOIN seized_items i ON i.id=n.item_id "
        "JOIN people p ON p.id=n.reported_by LEFT JOIN seized_incident_acks a "
        "ON a.incident_id=n.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY n.id",
        tuple(args),
    )


def incident(conn: sqlite3.Connection, incident_id: int) -> dict[str, Any] | None:
    return _one(
        conn,
        "SELECT n.*, a.id AS ack_id, z.case_id FROM seized_incidents n "
        "JOIN seizures z ON z.id=n.seizure_id "
        "LEFT JOIN seized_incident_acks a ON a.incident_id=n.id WHERE n.id=?",
        (incident_id,),
    )


def late_marks_made(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    return [
        (str(r[0]), int(r[1]), int(r[2]))
        for r in conn.execute("SELECT kind, seizure_id, ref FROM seized_late_marks")
    ]


def late_mark(conn: sqlite3.Connection, kind: str, seizure_id: int, ref: int) -> int | None:
    r = conn.execute(
        "SELECT id FROM seized_late_marks WHERE kind=? AND seizure_id=? AND ref=?",
        (kind, seizure_id, ref),
    ).fetchone()
    return None if r is None else int(r[0])


def inspections(conn: sqlite3.Connection, department_id: int | None = None) -> list[dict[str, Any]]:
    sql = (
        "SELECT s.*, p.name AS by_name, p.badge AS by_badge, d.name AS department "
        "FROM seized_inspections s JOIN people p ON p.id=s.by_id "
        "JOIN departments d ON d.id=s.department_id"
    )
    if department_id is None:
        return _all(conn, sql + " ORDER BY s.id")
    return _all(conn, sql + " WHERE s.department_id=? ORDER BY s.id", (department_id,))


def history(conn: sqlite3.Connection, item_id: int) -> list[dict[str, Any]]:
    """What happened to one seized item, oldest first."""
    sql = """
    SELECT * FROM (
      SELECT 'intake' AS kind, z.at AS at, z.id AS ref, p.name AS who, z.cause AS detail
        FROM seized_items i JOIN seizures z ON z.id=i.seizure_id JOIN people p ON p.id=z.by_id
       WHERE i.id=:i
      UNION ALL
      SELECT e.kind, e.at, e.id, p.name, e.seal_no || CASE WHEN e.note <> '' THEN ': ' || e.note
             ELSE '' END FROM seized_seal_events e JOIN people p ON p.id=e.by_id WHERE e.item_id=:i
      UNION ALL
      SELECT 'receive', r.at, r.id, p.name, r.location FROM seized_receipts r
        JOIN seized_items i ON i.seizure_id=r.seizure_id JOIN people p ON p.id=r.keeper_id
       WHERE i.id=:i
      UNION ALL
      SELECT 'request_' || q.kind, q.requested_at, q.id, p.name, q.reason FROM seized_requests q
        JOIN people p ON p.id=q.requested_by, json_each(q.items) j
       WHERE CAST(j.value AS INTEGER)=:i
      UNION ALL
      SELECT 'decision_' || q.kind, d.at, d.id, p.name, d.decision || CASE WHEN d.note <> ''
             THEN ': ' || d.note ELSE '' END FROM seized_decisions d
        JOIN seized_requests q ON q.id=d.request_id JOIN people p ON p.id=d.decided_by,
        json_each(q.items) j WHERE CAST(j.value AS INTEGER)=:i
      UNION ALL
      SELECT 'transfer_' || t.direction, t.at, t.id, p.name, ti.condition
             || CASE WHEN ti.note <> '' THEN ': ' || ti.note ELSE '' END
        FROM seized_transfer_items ti JOIN seized_transfers t ON t.id=ti.transfer_id
        JOIN people p ON p.id=t.investigator_id WHERE ti.item_id=:i
      UNION ALL
      SELECT 'release', x.at, x.id, x.recipient, x.possessor_signature FROM seized_releases x
        JOIN seized_requests q ON q.id=x.request_id, json_each(q.items) j
       WHERE CAST(j.value AS INTEGER)=:i
      UNION ALL
      SELECT 'incident', n.at, n.id, p.name, n.kind || ': ' || n.description
        FROM seized_incidents n JOIN people p ON p.id=n.reported_by
       WHERE n.item_id=:i OR (n.item_id IS NULL AND n.seizure_id=(SELECT seizure_id FROM
             seized_items WHERE id=:i))
    ) ORDER BY at, ref
    """
    return [dict(r) for r in conn.execute(sql, {"i": item_id})]
