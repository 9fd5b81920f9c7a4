"""Court and procuratorate request items, their closures and the late marks (schema 11).
All append-only (migration 0011)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

_TABLES = frozenset(
    {"court_request_items", "court_item_closures", "court_late_marks", "court_late_acks"}
)


def insert(conn: sqlite3.Connection, table: str, **cols: Any) -> int:
    if table not in _TABLES:
        raise ValueError(f"not a court table: {table}")
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    cur = conn.execute(f"INSERT INTO {table}({names}) VALUES ({marks})", tuple(cols.values()))
    return int(cur.lastrowid or 0)


def items(conn: sqlite3.Connection, request_id: int) -> list[dict[str, Any]]:
    """A request's items with what they name and how they ended (closed, transfer, reason,
    late)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT i.id, i.request_id, i.recording_id, i.medium_id, i.whole_case, "
            "m.code AS medium_code, r.person_name, r.person_role, r.kind AS recording_kind, "
            "r.started_at, c.id IS NOT NULL AS closed, c.transfer_id, c.reason, "
            "COALESCE(c.late, 0) AS late, c.at AS closed_at, tm.code AS transferred_code "
            "FROM court_request_items i "
            "LEFT JOIN media m ON m.id=i.medium_id "
            "LEFT JOIN recordings r ON r.id=i.recording_id "
            "LEFT JOIN court_item_closures c ON c.item_id=i.id "
            "LEFT JOIN court_transfers t ON t.id=c.transfer_id "
            "LEFT JOIN media tm ON tm.id=t.medium_id "
            "WHERE i.request_id=? ORDER BY i.id",
            (int(request_id),),
        )
    ]


def items_naming(
    conn: sqlite3.Connection,
    request_id: int,
    medium_ids: Sequence[int],
    recording_ids: Sequence[int],
) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the request lists any item at all, and those of its items that name one of
    ``medium_ids`` or ``recording_ids`` (id, recording_id, medium_id, closed): what the
    counter needs of a request to know whether it asks for one disc, without reading the
    whole request (a whole case's request lists every recording of the case)."""
    listed = conn.execute(
        "SELECT 1 FROM court_request_items WHERE request_id=? LIMIT 1", (int(request_id),)
    ).fetchone()
    if listed is None:
        return False, []
    named = [
        f"i.{col} IN ({', '.join('?' for _ in ids)})"
        for col, ids in (("medium_id", medium_ids), ("recording_id", recording_ids))
        if ids
    ]
    if not named:
        return True, []
    rows = conn.execute(
        "SELECT i.id, i.recording_id, i.medium_id, c.id IS NOT NULL AS closed "
        "FROM court_request_items i LEFT JOIN court_item_closures c ON c.item_id=i.id "
        f"WHERE i.request_id=? AND ({' OR '.join(named)}) ORDER BY i.id",
        (int(request_id), *map(int, medium_ids), *map(int, recording_ids)),
    )
    return True, [dict(r) for r in rows]


def item(conn: sqlite3.Connection, item_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT i.*, c.id IS NOT NULL AS closed FROM court_request_items i "
        "LEFT JOIN court_item_closures c ON c.item_id=i.id WHERE i.id=?",
        (int(item_id),),
    ).fetchone()
    return None if r is None else dict(r)


def late_mark(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT * FROM court_late_marks WHERE request_id=?", (int(request_id),)
    ).fetchone()
    return None if r is None else dict(r)


#: a request is open while one of its items is open; one without items (registered before
#: schema 11) while it has no transfer
OPEN_CONDITION = (
    "(CASE WHEN EXISTS (SELECT 1 FROM court_request_items i WHERE i.request_id=q.id) "
    "THEN EXISTS (SELECT 1 FROM court_request_items i WHERE i.request_id=q.id AND NOT EXISTS "
    "(SELECT 1 FROM court_item_closures c WHERE c.item_id=i.id)) "
    "ELSE NOT EXISTS (SELECT 1 FROM court_transfers t WHERE t.request_id=q.id) END)"
)


def open_unmarked(conn: sqlite3.Connection, requested_before: str) -> list[dict[str, Any]]:
    """Open requests made before ``requested_before`` with no late mark yet: the ones a
    sweep must mark, with the case and the head of its department."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT q.id, q.requested_at, q.org_name, c.case_no, d.head_id, "
            "(SELECT count(*) FROM court_request_items i WHERE i.request_id=q.id AND NOT EXISTS "
            "(SELECT 1 FROM court_item_closures x WHERE x.item_id=i.id)) AS open_items "
            "FROM court_requests q JOIN cases c ON c.id=q.case_id "
            "LEFT JOIN departments d ON d.id=c.department_id "
            f"WHERE q.requested_at < ? AND {OPEN_CONDITION} AND NOT EXISTS "
            "(SELECT 1 FROM court_late_marks k WHERE k.request_id=q.id) ORDER BY q.id",
            (requested_before,),
        )
    ]


def late_marks_to(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    """The late requests reported to a head and not yet acknowledged (their inbox)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT k.id, k.request_id, k.at, k.open_items, q.org_kind, q.org_name, "
            "q.document_no, q.requested_at, c.case_no FROM court_late_marks k "
            "JOIN court_requests q ON q.id=k.request_id JOIN cases c ON c.id=q.case_id "
            "WHERE k.reported_to=? AND NOT EXISTS "
            "(SELECT 1 FROM court_late_acks a WHERE a.mark_id=k.id) "
            "ORDER BY k.at DESC, k.id DESC",
            (int(person_id),),
        )
    ]


def late_mark_by_id(conn: sqlite3.Connection, mark_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT k.*, a.id AS ack_id FROM court_late_marks k "
        "LEFT JOIN court_late_acks a ON a.mark_id=k.id WHERE k.id=?",
        (int(mark_id),),
    ).fetchone()
    return None if r is None else dict(r)


def awaiting_handover(conn: sqlite3.Connection, case_id: int) -> list[str]:
    """The codes of a case's discs burned and not yet handed over."""
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT code FROM media WHERE case_id=? AND status='burned' ORDER BY code",
            (int(case_id),),
        )
    ]


def open_recording_items(conn: sqlite3.Connection, case_id: int) -> set[int]:
    """The recordings of a case that an item of a request still asks for (not yet closed)."""
    return {
        int(r[0])
        for r in conn.execute(
            "SELECT i.recording_id FROM court_request_items i "
            "JOIN court_requests q ON q.id=i.request_id "
            "WHERE q.case_id=? AND i.recording_id IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM court_item_closures c WHERE c.item_id=i.id)",
            (int(case_id),),
        )
    }
