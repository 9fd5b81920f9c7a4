"""Read-only queries for printed documents: the register pages with their signatures, seal
information for labels, and the entries behind receipts, reports and transfer lists."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from . import entries

_SIG = (
    "LEFT JOIN signatures {a} ON {a}.entry_table='{table}' AND {a}.entry_id={ref} "
    "AND {a}.capacity='{cap}' LEFT JOIN people {a}p ON {a}p.id={a}.signer_id "
)


def _register_where(
    since: str | None,
    until: str | None,
    case_no: str | None,
    medium_code: str | None,
    person_id: int | None,
    handler_id: int | None = None,
    department_id: int | None = None,
) -> tuple[str, list[Any]]:
    where, args = entries.register_filter(
        since, until, case_no, medium_code, person_id, handler_id, department_id
    )
    return (" WHERE " + " AND ".join(where) if where else ""), args


def register_rows(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    case_no: str | None = None,
    medium_code: str | None = None,
    person_id: int | None = None,
    handler_id: int | None = None,
    department_id: int | None = None,
) -> Iterator[dict[str, Any]]:
    """The special retrieval register (Art. 20) in the order it was written, oldest first,
    with the return and the retriever's and keeper's signatures (ids, times, whether a
    drawn image exists; the images themselves are read one by one by
    :func:`signature_png`). A generator: 10,000 rows are never all in memory as dicts."""
    where, args = _register_where(
        since, until, case_no, medium_code, person_id, handler_id, department_id
    )
    sql = (
        "SELECT r.id, m.code, c.case_no, c.name AS case_name, pr.name AS retriever, "
        "pr.badge AS retriever_badge, r.retriever_unit, r.out_at, r.reason, r.purpose, "
        "r.est_usage_hours, pa.name AS approver, pk.name AS keeper, "
        "(SELECT d.at FROM retrieval_request_uses u JOIN retrieval_decisions d "
        "ON d.request_id=u.request_id WHERE u.retrieval_id=r.id) AS approved_at, "
        "x.returned_at, x.inspection, x.verification, pb.name AS returned_by, "
        "px.name AS return_keeper, "
        "sr.id AS sig_retriever_id, sr.signed_at AS sig_retriever_at, "
        "srp.name AS sig_retriever_name, sr.drawn_png IS NOT NULL AS sig_retriever_drawn, "
        "sk.id AS sig_keeper_id, sk.signed_at AS sig_keeper_at, "
        "skp.name AS sig_keeper_name, sk.drawn_png IS NOT NULL AS sig_keeper_drawn, "
        "sx.id AS sig_returner_id, sx.signed_at AS sig_returner_at, "
        "sxp.name AS sig_returner_name, sx.drawn_png IS NOT NULL AS sig_returner_drawn, "
        "sy.id AS sig_return_keeper_id, sy.signed_at AS sig_return_keeper_at, "
        "syp.name AS sig_return_keeper_name, "
        "sy.drawn_png IS NOT NULL AS sig_return_keeper_drawn "
        "FROM retrievals r JOIN media m ON m.id=r.medium_id JOIN cases c ON c.id=m.case_id "
        "JOIN people pr ON pr.id=r.retriever_id JOIN people pa ON pa.id=r.approver_id "
        "JOIN people pk ON pk.id=r.keeper_id LEFT JOIN returns x ON x.retrieval_id=r.id "
        "LEFT JOIN people pb ON pb.id=x.returned_by LEFT JOIN people px ON px.id=x.keeper_id "
        + _SIG.format(a="sr", table="retrievals", ref="r.id", cap="retriever")
        + _SIG.format(a="sk", table="retrievals", ref="r.id", cap="keeper")
        + _SIG.format(a="sx", table="returns", ref="x.id", cap="returner")
        + _SIG.format(a="sy", table="returns", ref="x.id", cap="keeper")
        + where
        + " ORDER BY r.out_at, r.id"
    )
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))


def signature_png(conn: sqlite3.Connection, signature_id: int) -> bytes | None:
    r = conn.execute("SELECT drawn_png FROM signatures WHERE id=?", (signature_id,)).fetchone()
    return None if r is None or r[0] is None else bytes(r[0])


def signatures_of(conn: sqlite3.Connection, table: str, entry_id: int) -> list[dict[str, Any]]:
    """Who signed an entry, in what capacity and when (no images)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT s.id, p.name, p.badge, s.capacity, s.signed_at, "
            "s.drawn_png IS NOT NULL AS drawn FROM signatures s JOIN people p ON p.id=s.signer_id "
            "WHERE s.entry_table=? AND s.entry_id=? ORDER BY s.id",
            (table, entry_id),
        )
    ]


def last_seal(conn: sqlite3.Connection, medium_id: int) -> dict[str, Any] | None:
    """The seal now on an original: the latest seal or reseal event, and the entry whose
    signatures attest it (the handover for the first seal, the reseal event itself after)."""
    r = conn.execute(
        "SELECT s.id, s.kind, s.seal_no, s.at, s.keeper_id, p.name AS keeper, "
        "(SELECT h.id FROM handovers h WHERE h.original_id=s.medium_id AND h.seal_no=s.seal_no "
        " ORDER BY h.id DESC LIMIT 1) AS handover_id "
        "FROM seal_events s JOIN people p ON p.id=s.keeper_id "
        "WHERE s.medium_id=? AND s.kind IN ('seal','reseal') ORDER BY s.id DESC LIMIT 1",
        (medium_id,),
    ).fetchone()
    return None if r is None else dict(r)


def handover(conn: sqlite3.Connection, handover_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT h.*, c.case_no, c.name AS case_name, mo.code AS original_code, "
        "md.code AS duplicate_code, mo.burned_at, mo.label, mo.disc_type, "
        "ph.name AS handler, ph.badge AS handler_badge, pk.name AS keeper, "
        "pk.badge AS keeper_badge, d.name AS department "
        "FROM handovers h JOIN cases c ON c.id=h.case_id JOIN media mo ON mo.id=h.original_id "
        "JOIN media md ON md.id=h.duplicate_id JOIN people ph ON ph.id=h.handler_id "
        "JOIN people pk ON pk.id=h.keeper_id JOIN departments d ON d.id=c.department_id "
        "WHERE h.id=?",
        (handover_id,),
    ).fetchone()
    return None if r is None else dict(r)


def handover_of_medium(conn: sqlite3.Connection, medium_id: int) -> int | None:
    r = conn.execute(
        "SELECT id FROM handovers WHERE original_id=? OR duplicate_id=? ORDER BY id DESC LIMIT 1",
        (medium_id, medium_id),
    ).fetchone()
    return None if r is None else int(r[0])


def incident(conn: sqlite3.Connection, incident_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT i.*, m.code, m.copy_role, c.case_no, c.name AS case_name, c.id AS case_id, "
        "pb.name AS reported_by_name, pt.name AS reported_to_name, "
        "x.returned_at, x.inspection, x.verification, x.note AS return_note, "
        "pxr.name AS returned_by, r.out_at, r.reason, r.retriever_unit, "
        "prr.name AS retriever, r.id AS retrieval_id, "
        "k.at AS ack_at, k.note AS ack_note, k.id AS ack_id, pk.name AS ack_by "
        "FROM incidents i JOIN media m ON m.id=i.medium_id JOIN cases c ON c.id=m.case_id "
        "JOIN people pb ON pb.id=i.reported_by JOIN people pt ON pt.id=i.reported_to "
        "LEFT JOIN returns x ON x.id=i.return_id LEFT JOIN people pxr ON pxr.id=x.returned_by "
        "LEFT JOIN retrievals r ON r.id=x.retrieval_id "
        "LEFT JOIN people prr ON prr.id=r.retriever_id "
        "LEFT JOIN incident_acks k ON k.incident_id=i.id LEFT JOIN people pk ON pk.id=k.by_id "
        "WHERE i.id=?",
        (incident_id,),
    ).fetchone()
    return None if r is None else dict(r)


def court_request(conn: sqlite3.Connection, request_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT q.*, c.case_no, c.name AS case_name, c.id AS case_id, "
        "p.name AS registered_by_name FROM court_requests q JOIN cases c ON c.id=q.case_id "
        "JOIN people p ON p.id=q.registered_by WHERE q.id=?",
        (request_id,),
    ).fetchone()
    return None if r is None else dict(r)


def court_transfers(conn: sqlite3.Connection, request_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT t.id, t.at, m.code, m.copy_role, m.disc_type, m.label, pr.name AS recipient, "
            "pr.org_name AS recipient_org, pk.name AS keeper FROM court_transfers t "
            "JOIN media m ON m.id=t.medium_id JOIN people pr ON pr.id=t.recipient_id "
            "JOIN people pk ON pk.id=t.keeper_id WHERE t.request_id=? ORDER BY t.id",
            (request_id,),
        )
    ]


def archive_handover(conn: sqlite3.Connection, case_id: int) -> dict[str, Any] | None:
    r = conn.execute(
        "SELECT a.*, c.case_no, c.name AS case_name, c.concluded_at, pk.name AS keeper, "
        "pr.name AS receiver, d.name AS receiver_department FROM archive_handovers a "
        "JOIN cases c ON c.id=a.case_id JOIN people pk ON pk.id=a.keeper_id "
        "JOIN people pr ON pr.id=a.receiver_id LEFT JOIN departments d "
        "ON d.id=pr.department_id WHERE a.case_id=?",
        (case_id,),
    ).fetchone()
    return None if r is None else dict(r)


def media_by_codes(conn: sqlite3.Connection, codes: list[str]) -> list[dict[str, Any]]:
    if not codes:
        return []
    marks = ",".join("?" for _ in codes)
    return [
        dict(r)
        for r in conn.execute(
            "SELECT code, copy_role, disc_type, seal_no, location, burned_at, label FROM media "
            f"WHERE code IN ({marks}) ORDER BY code",
            codes,
        )
    ]


def correction(conn: sqlite3.Connection, correction_id: int) -> dict[str, Any] | None:
    """A correction with the name and badge of the person who made it."""
    r = conn.execute(
        "SELECT k.*, p.name AS by_name, p.badge AS by_badge FROM corrections k "
        "JOIN people p ON p.id=k.by_id WHERE k.id=?",
        (correction_id,),
    ).fetchone()
    return None if r is None else dict(r)


def corrections_made_with(conn: sqlite3.Connection, c: dict[str, Any]) -> list[dict[str, Any]]:
    """The corrections written together with ``c`` (a label corrected on both discs of a
    pair): same field, value, time and person."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM corrections WHERE target_table=? AND field=? AND new_value=? "
            "AND at=? AND by_id=? ORDER BY id",
            (c["target_table"], c["field"], c["new_value"], c["at"], c["by_id"]),
        )
    ]


def supplements_of(conn: sqlite3.Connection, incident_id: int) -> list[dict[str, Any]]:
    """The signed supplements to an incident (corrections of field 'supplement'), oldest
    first, with the name of who added each."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT k.*, p.name AS by_name FROM corrections k JOIN people p ON p.id=k.by_id "
            "WHERE k.target_table='incidents' AND k.target_id=? AND k.field='supplement' "
            "ORDER BY k.id",
            (incident_id,),
        )
    ]
