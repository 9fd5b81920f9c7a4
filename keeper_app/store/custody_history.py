"""Read-only queries behind a disc's chain-of-custody report (issue 16): every register
row of one medium's life, the audit event that wrote each row, and the signatures on them.

Every row comes back as ``(table, row, at)``: ``row`` exactly as stored (what a signature's
content hash and the chain's anchor cover), ``at`` the moment its change was recorded (the
row's own time, or for a row without one the time of the entry it belongs to).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any, TypeVar

from ..domain import signing

#: (table, the query of its rows of medium :m — the row's columns, then ``_at``)
_QUERIES: tuple[tuple[str, str], ...] = (
    ("media", "SELECT x.*, x.registered_at AS _at FROM media x WHERE x.id=:m"),
    ("verifications", "SELECT x.*, x.at AS _at FROM verifications x WHERE x.medium_id=:m"),
    (
        "handovers",
        "SELECT x.*, x.at AS _at FROM handovers x WHERE x.original_id=:m OR x.duplicate_id=:m",
    ),
    ("seal_events", "SELECT x.*, x.at AS _at FROM seal_events x WHERE x.medium_id=:m"),
    ("approvals", "SELECT x.*, x.requested_at AS _at FROM approvals x WHERE x.medium_id=:m"),
    (
        "approval_decisions",
        "SELECT x.*, x.at AS _at FROM approval_decisions x JOIN approvals a "
        "ON a.id=x.approval_id WHERE a.medium_id=:m",
    ),
    (
        "unseal_grounds",
        "SELECT x.*, a.requested_at AS _at FROM unseal_grounds x JOIN approvals a "
        "ON a.id=x.approval_id WHERE a.medium_id=:m OR x.duplicate_id=:m",
    ),
    (
        "retrieval_requests",
        "SELECT x.*, x.requested_at AS _at FROM retrieval_requests x WHERE x.medium_id=:m",
    ),
    (
        "retrieval_decisions",
        "SELECT x.*, x.at AS _at FROM retrieval_decisions x JOIN retrieval_requests q "
        "ON q.id=x.request_id WHERE q.medium_id=:m",
    ),
    ("retrievals", "SELECT x.*, x.out_at AS _at FROM retrievals x WHERE x.medium_id=:m"),
    (
        "retrieval_request_uses",
        "SELECT x.*, r.out_at AS _at FROM retrieval_request_uses x JOIN retrievals r "
        "ON r.id=x.retrieval_id WHERE r.medium_id=:m",
    ),
    (
        "returns",
        "SELECT x.*, x.returned_at AS _at FROM returns x JOIN retrievals r "
        "ON r.id=x.retrieval_id WHERE r.medium_id=:m",
    ),
    (
        "return_checks",
        "SELECT x.*, y.returned_at AS _at FROM return_checks x JOIN returns y "
        "ON y.id=x.return_id JOIN retrievals r ON r.id=y.retrieval_id WHERE r.medium_id=:m",
    ),
    ("incidents", "SELECT x.*, x.at AS _at FROM incidents x WHERE x.medium_id=:m"),
    (
        "incident_acks",
        "SELECT x.*, x.at AS _at FROM incident_acks x JOIN incidents i "
        "ON i.id=x.incident_id WHERE i.medium_id=:m",
    ),
    (
        "court_requests",
        "SELECT x.*, x.registered_at AS _at FROM court_requests x WHERE x.id IN "
        "(SELECT request_id FROM court_request_items WHERE medium_id=:m UNION "
        "SELECT request_id FROM court_transfers WHERE medium_id=:m)",
    ),
    (
        "court_request_items",
        "SELECT x.*, q.registered_at AS _at FROM court_request_items x JOIN court_requests q "
        "ON q.id=x.request_id WHERE x.medium_id=:m",
    ),
    ("court_transfers", "SELECT x.*, x.at AS _at FROM court_transfers x WHERE x.medium_id=:m"),
    (
        "court_item_closures",
        "SELECT x.*, x.at AS _at FROM court_item_closures x WHERE x.transfer_id IN "
        "(SELECT id FROM court_transfers WHERE medium_id=:m) OR x.item_id IN "
        "(SELECT id FROM court_request_items WHERE medium_id=:m)",
    ),
    (
        "court_late_marks",
        "SELECT x.*, x.at AS _at FROM court_late_marks x WHERE x.request_id IN "
        "(SELECT request_id FROM court_request_items WHERE medium_id=:m UNION "
        "SELECT request_id FROM court_transfers WHERE medium_id=:m)",
    ),
    (
        "archive_handovers",
        "SELECT x.*, x.at AS _at FROM archive_handovers x JOIN media m ON m.case_id=x.case_id "
        "WHERE m.id=:m AND instr(x.media_codes, '\"' || m.code || '\"') > 0",
    ),
    ("location_changes", "SELECT x.*, x.at AS _at FROM location_changes x WHERE x.medium_id=:m"),
    ("original_uses", "SELECT x.*, x.at AS _at FROM original_uses x WHERE x.medium_id=:m"),
    (
        "reseal_inspections",
        "SELECT x.*, x.at AS _at FROM reseal_inspections x JOIN seal_events s "
        "ON s.id=x.reseal_id WHERE s.medium_id=:m",
    ),
    (
        "reproductions",
        "SELECT x.*, x.at AS _at FROM reproductions x "
        "WHERE :m IN (x.original_id, x.replaced_id, x.new_id)",
    ),
    ("late_marks", "SELECT x.*, x.at AS _at FROM late_marks x WHERE x.medium_id=:m"),
    ("medium_findings", "SELECT x.*, x.at AS _at FROM medium_findings x WHERE x.medium_id=:m"),
)

Row = tuple[str, dict[str, Any], str]
T = TypeVar("T")


def medium_rows(conn: sqlite3.Connection, medium_id: int) -> list[Row]:
    """Every row of one medium's life, with the corrections and supplements made to any of
    them (a label correction, a register entry corrected, an incident supplemented)."""
    out: list[Row] = []
    for table, sql in _QUERIES:
        for r in conn.execute(sql, {"m": int(medium_id)}):
            row = dict(r)
            at = str(row.pop("_at"))
            out.append((table, row, at))
    targets: dict[str, list[int]] = {}
    for table, row, _ in out:
        targets.setdefault(table, []).append(int(row["id"]))
    for table, ids in targets.items():
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(
                f"SELECT * FROM corrections WHERE target_table=? AND target_id IN ({marks}) "
                "ORDER BY id",
                (table, *chunk),
            ):
                row = dict(r)
                out.append(("corrections", row, str(row["at"])))
    return out


def _chunks(items: list[T], n: int = 500) -> Iterable[list[T]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


#: every action whose event may write a row (a reading or a sign-in writes none)
_WRITING = sorted(set(signing.EVENT_ACTIONS) - signing.ROWLESS_ACTIONS)


def events_writing(
    conn: sqlite3.Connection, rows: Iterable[Row]
) -> dict[tuple[str, int], dict[str, Any]]:
    """For each ``(table, id)`` of ``rows``: the first audit event that anchored it (its
    seq, time, action, hash and actor), found among the events of the row's moment (a
    change writes its rows and its event with one time; an index on (action, at) finds
    them); a row written at another moment is looked for in every event."""
    wanted: dict[tuple[str, int], str] = {(t, int(r["id"])): at for t, r, at in rows}
    found: dict[tuple[str, int], dict[str, Any]] = {}
    times = sorted(set(wanted.values()))
    acts = ",".join("?" * len(_WRITING))
    for chunk in _chunks(times, 400):
        marks = ",".join("?" * len(chunk))
        cur = conn.execute(
            "SELECT e.seq, e.at, e.action, e.hash, e.payload, p.name, p.badge "
            "FROM audit_events e LEFT JOIN people p ON p.id=e.actor_id "
            f"WHERE e.action IN ({acts}) AND e.at IN ({marks}) ORDER BY e.seq",
            (*_WRITING, *chunk),
        )
        for ev in cur:
            _take(found, wanted, ev)
    for key in [k for k in wanted if k not in found]:
        needle = json.dumps([key[0], key[1]], separators=(",", ":"))[:-1] + ',"'
        for ev in conn.execute(
            "SELECT e.seq, e.at, e.action, e.hash, e.payload, p.name, p.badge "
            "FROM audit_events e LEFT JOIN people p ON p.id=e.actor_id "
            "WHERE instr(e.payload, ?) > 0 ORDER BY e.seq LIMIT 1",
            (needle,),
        ):
            _take(found, wanted, ev)
    return found


def _take(
    found: dict[tuple[str, int], dict[str, Any]],
    wanted: dict[tuple[str, int], str],
    ev: sqlite3.Row | tuple[Any, ...],
) -> None:
    seq, at, action, h, payload, name, badge = tuple(ev)
    event = None
    for anchor in json.loads(payload).get("rows") or []:
        key = (str(anchor[0]), int(anchor[1]))
        if key in wanted and key not in found:
            if event is None:
                event = {
                    "seq": int(seq),
                    "at": str(at),
                    "action": str(action),
                    "hash": str(h),
                    "actor_name": name or "",
                    "actor_badge": badge or "",
                }
            found[key] = event


def signatures_of(
    conn: sqlite3.Connection, keys: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """The signatures of many entries at once, in the order they were made."""
    by_table: dict[str, list[int]] = {}
    for t, i in keys:
        if t in signing.SIGNED_TABLES:
            by_table.setdefault(t, []).append(int(i))
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for table, ids in by_table.items():
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(
                "SELECT s.entry_id, p.name, p.badge, s.capacity, s.signed_at, s.content_sha256, "
                "s.method, s.drawn_png IS NOT NULL AS drawn FROM signatures s "
                "JOIN people p ON p.id=s.signer_id "
                f"WHERE s.entry_table=? AND s.entry_id IN ({marks}) ORDER BY s.id",
                (table, *chunk),
            ):
                d = dict(r)
                out.setdefault((table, int(d.pop("entry_id"))), []).append(d)
    return out


def people_names(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Every person's (name, badge), by id."""
    return {
        int(i): (str(n), str(b)) for i, n, b in conn.execute("SELECT id, name, badge FROM people")
    }


def codes_of(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    """Media codes by id."""
    out: dict[int, str] = {}
    for chunk in _chunks(sorted(set(int(i) for i in ids))):
        marks = ",".join("?" * len(chunk))
        for i, c in conn.execute(f"SELECT id, code FROM media WHERE id IN ({marks})", chunk):
            out[int(i)] = str(c)
    return out


def manifest_sha256(conn: sqlite3.Connection, manifest_id: int) -> str:
    r = conn.execute("SELECT sha256 FROM manifests WHERE id=?", (int(manifest_id),)).fetchone()
    return "" if r is None else str(r[0])
