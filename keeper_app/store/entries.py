"""The custody entries: handovers, approvals, seal events, the retrieval register and
returns, incidents, court transfers, archive handovers, location changes, corrections.
All append-only (see the triggers in migration 0001)."""

from __future__ import annotations

import sqlite3
from typing import Any

from . import cases as cases_repo
from . import court

ENTRY_TABLES = frozenset(
    {
        "handovers",
        "approvals",
        "approval_decisions",
        "seal_events",
        "retrievals",
        "returns",
        "incidents",
        "incident_acks",
        "court_requests",
        "court_transfers",
        "archive_handovers",
        "location_changes",
        "corrections",
        "retrieval_requests",
        "retrieval_decisions",
        "retrieval_request_uses",
        # schema 13 (Art. 18): reproducing the duplicate
        "unseal_grounds",
        "original_uses",
        "reseal_inspections",
        "reproductions",
        "late_marks",
        "return_checks",
        "medium_findings",
        # schema 17: inventory sessions
        "inventory_sessions",
        "inventory_expected",
        "inventory_observations",
        "inventory_closings",
        "inventory_discrepancies",
        "inventory_resolutions",
    }
)


def insert(conn: sqlite3.Connection, table: str, **cols: Any) -> int:
    """Insert one entry; the table name is checked against the known entry tables."""
    if table not in ENTRY_TABLES:
        raise ValueError(f"not an entry table: {table}")
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    cur = conn.execute(f"INSERT INTO {table}({names}) VALUES ({marks})", tuple(cols.values()))
    return int(cur.lastrowid or 0)


def get(conn: sqlite3.Connection, table: str, entry_id: int) -> dict[str, Any] | None:
    if table not in ENTRY_TABLES:
        raise ValueError(f"not an entry table: {table}")
    r = conn.execute(f"SELECT * FROM {table} WHERE id=?", (entry_id,)).fetchone()
    return None if r is None else dict(r)


def signatures(conn: sqlite3.Connection, table: str, entry_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT s.id, s.signer_id, p.badge, p.name, s.capacity, s.signed_at, s.content_sha256, "
            "s.drawn_png IS NOT NULL AS drawn FROM signatures s JOIN people p ON p.id=s.signer_id "
            "WHERE s.entry_table=? AND s.entry_id=? ORDER BY s.id",
            (table, entry_id),
        )
    ]


# ------------------------------------------------------------------ retrievals
def open_retrieval_stmt(medium_id: int) -> tuple[str, Any]:
    return (
        "SELECT r.*, p.name AS retriever_name, p.badge AS retriever_badge "
        "FROM retrievals r JOIN people p ON p.id = r.retriever_id "
        "WHERE r.medium_id=? AND NOT EXISTS (SELECT 1 FROM returns x WHERE x.retrieval_id=r.id) "
        "ORDER BY r.id DESC LIMIT 1",
        (medium_id,),
    )


def open_retrieval(conn: sqlite3.Connection, medium_id: int) -> dict[str, Any] | None:
    r = conn.execute(*open_retrieval_stmt(medium_id)).fetchone()
    return None if r is None else dict(r)


def register_filter(
    since: str | None,
    until: str | None,
    case_no: str | None,
    medium_code: str | None,
    person_id: int | None,
    handler_id: int | None = None,
    department_id: int | None = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE terms of a register query (aliases r retrievals, m media, c cases) and their
    arguments; shared by the register list and the printed register pages.
    ``handler_id``/``department_id``: only the cases that person or department handles."""
    where: list[str] = []
    args: list[Any] = []
    visible, visible_args = cases_repo.visible_condition(handler_id, department_id)
    if visible:
        where.append(visible)
        args += visible_args
    if since:
        where.append("r.out_at >= ?")
        args.append(since)
    if until:
        where.append("r.out_at < ?")
        args.append(until)
    if case_no:
        where.append("c.case_no = ?")
        args.append(case_no)
    if medium_code:
        where.append("m.code = ?")
        args.append(medium_code)
    if person_id is not None:
        where.append("(r.retriever_id = ? OR r.keeper_id = ? OR r.approver_id = ?)")
        args += [person_id, person_id, person_id]
    return where, args


def register(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    case_no: str | None = None,
    medium_code: str | None = None,
    person_id: int | None = None,
    open_only: bool | None = None,
    limit: int = 500,
    offset: int = 0,
    handler_id: int | None = None,
    department_id: int | None = None,
) -> list[dict[str, Any]]:
    """The special retrieval register (Art. 20), newest first, with returns joined."""
    where, args = register_filter(
        since, until, case_no, medium_code, person_id, handler_id, department_id
    )
    if open_only is True:
        where.append("x.id IS NULL")
    elif open_only is False:
        where.append("x.id IS NOT NULL")
    sql = (
        "SELECT r.id, m.code, c.case_no, c.name AS case_name, r.retriever_id, "
        "pr.name AS retriever, pr.badge AS retriever_badge, r.retriever_unit, r.out_at, "
        "r.reason, r.purpose, r.est_usage_hours, pa.name AS approver, pk.name AS keeper, "
        "(SELECT d.at FROM retrieval_request_uses u JOIN retrieval_decisions d "
        "ON d.request_id=u.request_id WHERE u.retrieval_id=r.id) AS approved_at, "
        "x.id AS return_id, x.returned_at, x.inspection, x.verification, x.note AS return_note, "
        "(SELECT lm.at FROM late_marks lm WHERE lm.kind='return' AND lm.entry_id=r.id) "
        "AS late_reported_at "
        "FROM retrievals r JOIN media m ON m.id=r.medium_id JOIN cases c ON c.id=m.case_id "
        "JOIN people pr ON pr.id=r.retriever_id JOIN people pa ON pa.id=r.approver_id "
        "JOIN people pk ON pk.id=r.keeper_id LEFT JOIN returns x ON x.retrieval_id=r.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY r.out_at DESC, r.id DESC LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in conn.execute(sql, (*args, limit, offset))]


def open_retrievals_out(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Open retrievals, found through the media that are out (indexed by status)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT r.id, r.out_at, r.est_usage_hours, m.code, c.case_no, p.name AS retriever, "
            "p.badge AS retriever_badge "
            "FROM media m JOIN retrievals r ON r.id = (SELECT max(id) FROM retrievals "
            "WHERE medium_id = m.id) JOIN cases c ON c.id=m.case_id "
            "JOIN people p ON p.id=r.retriever_id WHERE m.status='out'"
        )
    ]


# ------------------------------------------------------------------ history of one medium
def history(conn: sqlite3.Connection, medium_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """What happened to one medium, newest first."""
    return [dict(r) for r in conn.execute(*history_stmt(medium_id, limit))]


def history_stmt(medium_id: int, limit: int = 50) -> tuple[str, Any]:
    return (_HISTORY_SQL, {"m": medium_id, "lim": limit})


#: Each kind of entry names the person it is by (``pid``; a handover also the handler,
#: ``pid2``); the names are looked up once, for the entries kept, not in every branch.
_HISTORY_SQL = """
    SELECT u.kind, u.at, u.ref, COALESCE(ph.name || ' → ', '') || p.name AS who, u.detail
      FROM (SELECT * FROM (
      SELECT 'handover' AS kind, h.at AS at, h.id AS ref, h.keeper_id AS pid,
             h.handler_id AS pid2, COALESCE(h.late_reason, '') AS detail
        FROM handovers h WHERE h.original_id=:m OR h.duplicate_id=:m
      UNION ALL
      SELECT s.kind, s.at, s.id, s.keeper_id, NULL, s.seal_no FROM seal_events s
       WHERE s.medium_id=:m
      UNION ALL
      SELECT 'retrieval', r.out_at, r.id, r.retriever_id, NULL, r.reason FROM retrievals r
       WHERE r.medium_id=:m
      UNION ALL
      SELECT 'return', x.returned_at, x.id, x.returned_by, NULL, x.inspection FROM returns x
        JOIN retrievals r ON r.id=x.retrieval_id WHERE r.medium_id=:m
      UNION ALL
      SELECT 'incident', i.at, i.id, i.reported_by, NULL, i.kind || ': ' || i.description
        FROM incidents i WHERE i.medium_id=:m
      UNION ALL
      SELECT 'court_transfer', t.at, t.id, t.recipient_id, NULL, q.org_name
        FROM court_transfers t JOIN court_requests q ON q.id=t.request_id WHERE t.medium_id=:m
      UNION ALL
      SELECT 'location', l.at, l.id, l.by_id, NULL, l.location FROM location_changes l
       WHERE l.medium_id=:m
      UNION ALL
      SELECT 'original_use', u.at, u.id, u.user_id, NULL,
             u.purpose || ', ' || u.est_usage_hours || ' h' FROM original_uses u
       WHERE u.medium_id=:m
      UNION ALL
      SELECT 'inspection', i.at, i.id, i.keeper_id, NULL, i.inspection || CASE WHEN i.note <> ''
             THEN ': ' || i.note ELSE '' END FROM reseal_inspections i
        JOIN seal_events s ON s.id=i.reseal_id WHERE s.medium_id=:m
      UNION ALL
      SELECT 'reproduction', x.at, x.id, x.keeper_id, NULL, mo.code || ' → ' || mn.code
        FROM reproductions x JOIN media mo ON mo.id=x.replaced_id JOIN media mn ON mn.id=x.new_id
       WHERE :m IN (x.original_id, x.replaced_id, x.new_id)
      UNION ALL
      SELECT 'correction', k.at, k.id, k.by_id, NULL, k.field || ': ' || k.new_value
        FROM corrections k WHERE k.target_table='media' AND k.target_id=:m
      ) e ORDER BY at DESC, ref DESC LIMIT :lim) u
      JOIN people p ON p.id=u.pid LEFT JOIN people ph ON ph.id=u.pid2
     ORDER BY u.at DESC, u.ref DESC
    """


# ------------------------------------------------------------------ seals and approvals
def used_seal_nos(conn: sqlite3.Connection, seal_no: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT seal_no FROM seal_events WHERE seal_no=? AND kind IN ('seal','reseal')",
            (seal_no,),
        )
    ]


def last_seal_event(conn: sqlite3.Connection, medium_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT * FROM seal_events WHERE medium_id=? ORDER BY id DESC LIMIT 1", (medium_id,)
    ).fetchone()
    return None if r is None else dict(r)


def open_original_use_stmt(medium_id: int) -> tuple[str, Any]:
    return (
        "SELECT u.*, p.name AS user_name, p.badge AS user_badge FROM original_uses u "
        "JOIN people p ON p.id=u.user_id WHERE u.medium_id=? AND NOT EXISTS "
        "(SELECT 1 FROM reseal_inspections i WHERE i.use_id=u.id) ORDER BY u.id DESC LIMIT 1",
        (medium_id,),
    )


def open_original_use(conn: sqlite3.Connection, medium_id: int) -> dict[str, Any] | None:
    """The register entry of the use of an unsealed original not yet closed by a reseal."""
    r = conn.execute(*open_original_use_stmt(medium_id)).fetchone()
    return None if r is None else dict(r)


def unseal_grounds(conn: sqlite3.Connection, approval_id: int) -> dict[str, Any] | None:
    """The facts an unseal request rests on (schema 13), or None (an older request)."""
    r = conn.execute(
        "SELECT g.*, m.code AS duplicate_code FROM unseal_grounds g "
        "LEFT JOIN media m ON m.id=g.duplicate_id WHERE g.approval_id=?",
        (approval_id,),
    ).fetchone()
    return None if r is None else dict(r)


def approval_state(conn: sqlite3.Connection, approval_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT a.*, d.decision, d.decided_by, d.at AS decided_at, "
        "(SELECT id FROM seal_events s WHERE s.approval_id=a.id) AS used_by "
        "FROM approvals a LEFT JOIN approval_decisions d ON d.approval_id=a.id WHERE a.id=?",
        (approval_id,),
    ).fetchone()
    return None if r is None else dict(r)


def approvals_for_medium_stmt(medium_id: int) -> tuple[str, Any]:
    return (
        "SELECT a.id, a.reason, a.requested_at, d.decision, "
        "(SELECT id FROM seal_events s WHERE s.approval_id=a.id) AS used_by, "
        "coalesce(g.doubted_by, '') AS doubted_by, coalesce(g.doubt, '') AS doubt "
        "FROM approvals a LEFT JOIN approval_decisions d ON d.approval_id=a.id "
        "LEFT JOIN unseal_grounds g ON g.approval_id=a.id "
        "WHERE a.medium_id=? ORDER BY a.id DESC",
        (medium_id,),
    )


def approvals_for_medium(conn: sqlite3.Connection, medium_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(*approvals_for_medium_stmt(medium_id))]


def pending_approvals(conn: sqlite3.Connection, approver_id: int | None) -> list[dict[str, Any]]:
    sql = (
        "SELECT a.id, a.kind, a.reason, a.note, a.requested_at, m.code, c.case_no, "
        "p.name AS requested_by, coalesce(g.doubted_by, '') AS doubted_by, "
        "coalesce(g.doubt, '') AS doubt, coalesce(dm.code, '') AS unusable_duplicate, "
        "coalesce(g.duplicate_status, '') AS duplicate_status "
        "FROM approvals a JOIN media m ON m.id=a.medium_id "
        "JOIN cases c ON c.id=m.case_id JOIN people p ON p.id=a.requested_by "
        "LEFT JOIN unseal_grounds g ON g.approval_id=a.id "
        "LEFT JOIN media dm ON dm.id=g.duplicate_id "
        "WHERE NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.approval_id=a.id)"
    )
    args: tuple[Any, ...] = ()
    if approver_id is not None:
        sql += " AND a.approver_id=?"
        args = (approver_id,)
    return [dict(r) for r in conn.execute(sql + " ORDER BY a.id", args)]


# ------------------------------------------------------------------ incidents
def incidents(
    conn: sqlite3.Connection, reported_to: int | None = None, unacknowledged: bool = False
) -> list[dict[str, Any]]:
    where: list[str] = []
    args: list[Any] = []
    if reported_to is not None:
        where.append("i.reported_to=?")
        args.append(reported_to)
    if unacknowledged:
        where.append("k.id IS NULL")
    sql = (
        "SELECT i.id, i.kind, i.description, i.at, m.code, c.case_no, "
        "pb.name AS reported_by, pt.name AS reported_to, k.at AS acknowledged_at "
        "FROM incidents i JOIN media m ON m.id=i.medium_id JOIN cases c ON c.id=m.case_id "
        "JOIN people pb ON pb.id=i.reported_by JOIN people pt ON pt.id=i.reported_to "
        "LEFT JOIN incident_acks k ON k.incident_id=i.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY i.id DESC"
    )
    return [dict(r) for r in conn.execute(sql, args)]


def incident(conn: sqlite3.Connection, incident_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT i.*, k.id AS ack_id FROM incidents i "
        "LEFT JOIN incident_acks k ON k.incident_id=i.id WHERE i.id=?",
        (incident_id,),
    ).fetchone()
    return None if r is None else dict(r)


# ------------------------------------------------------------------ courts
#: whether a request was marked late (schema 11): for good, never recomputed away
_LATE_MARKED = "EXISTS (SELECT 1 FROM court_late_marks k WHERE k.request_id=q.id) AS late_marked"


def court_request(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        f"SELECT q.*, NOT {court.OPEN_CONDITION} AS served, {_LATE_MARKED} "
        "FROM court_requests q WHERE q.id=?",
        (request_id,),
    ).fetchone()
    return None if r is None else dict(r)


def open_court_requests(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT q.id, q.org_kind, q.org_name, q.document_no, q.requested_at, c.case_no, "
            f"{_LATE_MARKED} FROM court_requests q JOIN cases c ON c.id=q.case_id "
            f"WHERE {court.OPEN_CONDITION} ORDER BY q.requested_at"
        )
    ]


def court_requests_of_case_stmt(case_id: int) -> tuple[str, Any]:
    return (
        f"SELECT q.*, NOT {court.OPEN_CONDITION} AS served, {_LATE_MARKED} "
        "FROM court_requests q WHERE q.case_id=? ORDER BY q.id",
        (case_id,),
    )


def court_requests_of_case(conn: sqlite3.Connection, case_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(*court_requests_of_case_stmt(case_id))]


# ------------------------------------------------------------------ due: burned, unsealed
def burned_pairs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT m.id, m.code, m.copy_role, m.burned_at, c.case_no, "
            "p.name || ' (' || p.badge || ')' AS producer FROM media m "
            "JOIN cases c ON c.id=m.case_id LEFT JOIN people p ON p.id=m.producer_id "
            "WHERE m.status='burned' ORDER BY m.burned_at"
        )
    ]


def unsealed_originals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT m.id, m.code, c.case_no, (SELECT max(at) FROM seal_events s "
            "WHERE s.medium_id=m.id AND s.kind='unseal') AS unsealed_at FROM media m "
            "JOIN cases c ON c.id=m.case_id WHERE m.status='unsealed'"
        )
    ]


def reproduction_under(conn: sqlite3.Connection, unseal_id: int) -> int | None:
    """The reproduction made under one unsealing, if any (one at most)."""
    r = conn.execute("SELECT id FROM reproductions WHERE unseal_id=?", (unseal_id,)).fetchone()
    return None if r is None else int(r[0])


def unusable_duplicate_of(conn: sqlite3.Connection, original_id: int) -> str | None:
    """The code of the original's pair's duplicate that is damaged, replaced or lost."""
    r = conn.execute(
        "SELECT d.code FROM media o JOIN media d ON d.pair_no=o.pair_no "
        "AND d.copy_role='duplicate' WHERE o.id=? AND d.status IN ('damaged', 'replaced', "
        "'lost') ORDER BY d.id LIMIT 1",
        (original_id,),
    ).fetchone()
    return None if r is None else str(r[0])


def without_usable_duplicate(
    conn: sqlite3.Connection, pair_no: str | None = None
) -> list[dict[str, Any]]:
    """Art. 18: pairs whose duplicate is damaged, replaced or lost and not yet reproduced:
    the original's code, the unusable duplicate, the case and since when (the incident).
    With ``pair_no``: only that pair (a scan asks for the disc in hand, by index)."""
    return [dict(r) for r in conn.execute(*without_usable_duplicate_stmt(pair_no))]


def without_usable_duplicate_stmt(pair_no: str | None = None) -> tuple[str, Any]:
    where = "" if pair_no is None else "AND d.pair_no=? "
    args: tuple[str, ...] = () if pair_no is None else (pair_no,)
    return (
        "SELECT o.code, d.code AS duplicate, d.status, c.case_no, coalesce((SELECT max(at) "
        "FROM incidents i WHERE i.medium_id=d.id), d.registered_at) AS since FROM media d "
        "JOIN media o ON o.pair_no=d.pair_no AND o.copy_role='original' "
        "JOIN cases c ON c.id=d.case_id WHERE d.copy_role='duplicate' "
        "AND d.status IN ('damaged', 'replaced', 'lost') " + where + "ORDER BY since",
        args,
    )


def corrections_of_stmt(table: str, target_id: int) -> tuple[str, Any]:
    return (
        "SELECT * FROM corrections WHERE target_table=? AND target_id=? ORDER BY id",
        (table, target_id),
    )


def corrections_of(conn: sqlite3.Connection, table: str, target_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(*corrections_of_stmt(table, target_id))]


# ------------------------------------------------------------------ retrieval requests
_REQUEST_SQL = (
    "SELECT q.*, m.code, c.case_no, c.department_id, pr.name AS retriever, "
    "pr.badge AS retriever_badge, pq.name AS requested_by_name, "
    "d.decision, d.decided_by, d.at AS decided_at, d.note AS decision_note, "
    "pd.name AS decided_by_name, u.retrieval_id AS used_by "
    "FROM retrieval_requests q JOIN media m ON m.id=q.medium_id JOIN cases c ON c.id=m.case_id "
    "JOIN people pr ON pr.id=q.retriever_id JOIN people pq ON pq.id=q.requested_by "
    "LEFT JOIN retrieval_decisions d ON d.request_id=q.id "
    "LEFT JOIN people pd ON pd.id=d.decided_by "
    "LEFT JOIN retrieval_request_uses u ON u.request_id=q.id"
)


def retrieval_request(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    r = conn.execute(_REQUEST_SQL + " WHERE q.id=?", (request_id,)).fetchone()
    return None if r is None else dict(r)


def retrieval_requests_for_medium(conn: sqlite3.Connection, medium_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            _REQUEST_SQL + " WHERE q.medium_id=? ORDER BY q.id DESC", (medium_id,)
        )
    ]


def pending_retrieval_requests(conn: sqlite3.Connection, head_id: int) -> list[dict[str, Any]]:
    """Requests waiting for a decision in the departments this person heads."""
    return [
        dict(r)
        for r in conn.execute(
            _REQUEST_SQL + " WHERE d.id IS NULL AND c.department_id IN "
            "(SELECT id FROM departments WHERE head_id=?) ORDER BY q.id",
            (head_id,),
        )
    ]


# ------------------------------------------------------------------ lateness (issue 14)
def sweep_candidates(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """What may be late: originals of pairs not handed over, retrievals not returned,
    unsealings not resealed — each with its medium, case and the time its deadline runs from."""
    handover = [
        dict(r)
        for r in conn.execute(
            "SELECT m.id AS entry_id, m.id AS medium_id, m.case_id, m.burned_at AS since "
            "FROM media m WHERE m.status='burned' AND m.copy_role='original'"
        )
    ]
    out = [
        dict(r)
        for r in conn.execute(
            "SELECT r.id AS entry_id, m.id AS medium_id, m.case_id, r.out_at AS since, "
            "r.est_usage_hours FROM media m JOIN retrievals r ON r.id = (SELECT max(id) "
            "FROM retrievals WHERE medium_id = m.id) WHERE m.status='out'"
        )
    ]
    unsealed = [
        dict(r)
        for r in conn.execute(
            "SELECT s.id AS entry_id, m.id AS medium_id, m.case_id, s.at AS since FROM media m "
            "JOIN seal_events s ON s.id = (SELECT max(id) FROM seal_events "
            "WHERE medium_id = m.id AND kind='unseal') WHERE m.status='unsealed'"
        )
    ]
    return {"handover": handover, "return": out, "reseal": unsealed}


def late_marks_made(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    return {(str(k), int(i)) for k, i in conn.execute("SELECT kind, entry_id FROM late_marks")}


def late_mark(conn: sqlite3.Connection, kind: str, entry_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT * FROM late_marks WHERE kind=? AND entry_id=?", (kind, int(entry_id))
    ).fetchone()
    return None if r is None else dict(r)


def late_marks_of_medium(conn: sqlite3.Connection, medium_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM late_marks WHERE medium_id=? ORDER BY id", (int(medium_id),)
        )
    ]


def return_check(conn: sqlite3.Connection, return_id: int) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM return_checks WHERE return_id=?", (int(return_id),)).fetchone()
    return None if r is None else dict(r)
