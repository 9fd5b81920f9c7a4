"""State matches history (issue 10, point 11): each medium's stored status, shelf location
and seal number against what its register entries imply (:mod:`keeper_app.domain.replay`).

The chain anchors every row, but an insider with the code in hand can put a status back and
recompute the anchors; the entries that led to the status (a retrieval with no return, a
loss) are signed by the people who made them, so the replay of those entries still names
the medium whose row was put back."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ..domain.model import CopyRole
from ..domain.replay import Step, StepKind, differences, replay

#: the custody tables the replay reads (schema 1); a file lacking one is reported by the
#: schema check, and its entries are then left out here
TABLES = (
    "media",
    "handovers",
    "retrievals",
    "returns",
    "seal_events",
    "court_transfers",
    "archive_handovers",
    "location_changes",
    "reproductions",  # schema 13
    "medium_findings",
)


def _present(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def medium_steps(conn: sqlite3.Connection) -> dict[int, dict[StepKind, list[Step]]]:
    """Every medium's entries, by kind, each kind in the order written (by id)."""
    have = _present(conn)
    out: dict[int, dict[StepKind, list[Step]]] = defaultdict(lambda: defaultdict(list))

    def rows(table: str, sql: str) -> list[sqlite3.Row]:
        return list(conn.execute(sql)) if table in have else []

    for r in rows(
        "handovers",
        "SELECT id, original_id, duplicate_id, at, seal_no, original_location, "
        "duplicate_location FROM handovers ORDER BY id",
    ):
        hid, orig, dup, at, seal, oloc, dloc = r
        out[int(orig)][StepKind.HANDOVER].append(
            Step(StepKind.HANDOVER, int(hid), str(at), location=str(oloc), seal_no=str(seal))
        )
        out[int(dup)][StepKind.HANDOVER].append(
            Step(StepKind.HANDOVER, int(hid), str(at), location=str(dloc))
        )
    for rid, mid, at in rows(
        "retrievals", "SELECT id, medium_id, out_at FROM retrievals ORDER BY id"
    ):
        out[int(mid)][StepKind.RETRIEVAL].append(Step(StepKind.RETRIEVAL, int(rid), str(at)))
    if "retrievals" in have:
        for xid, mid, at, insp in rows(
            "returns",
            "SELECT x.id, r.medium_id, x.returned_at, x.inspection FROM returns x "
            "JOIN retrievals r ON r.id = x.retrieval_id ORDER BY x.id",
        ):
            out[int(mid)][StepKind.RETURN].append(
                Step(StepKind.RETURN, int(xid), str(at), inspection=str(insp))
            )
    for sid, mid, kind, seal, at in rows(
        "seal_events",
        "SELECT id, medium_id, kind, seal_no, at FROM seal_events "
        "WHERE kind IN ('unseal', 'reseal') ORDER BY id",
    ):
        if kind == "unseal":
            out[int(mid)][StepKind.UNSEAL].append(Step(StepKind.UNSEAL, int(sid), str(at)))
        else:
            out[int(mid)][StepKind.RESEAL].append(
                Step(StepKind.RESEAL, int(sid), str(at), seal_no=str(seal))
            )
    for tid, mid, at in rows(
        "court_transfers", "SELECT id, medium_id, at FROM court_transfers ORDER BY id"
    ):
        out[int(mid)][StepKind.COURT_TRANSFER].append(
            Step(StepKind.COURT_TRANSFER, int(tid), str(at))
        )
    archived = rows(
        "archive_handovers", "SELECT id, case_id, at, media_codes FROM archive_handovers"
    )
    if archived:
        ids = {str(c): int(i) for i, c in conn.execute("SELECT id, code FROM media")}
        for aid, _case, at, codes in sorted(archived, key=lambda r: int(r[0])):
            try:
                listed = [str(c) for c in json.loads(codes)]
            except (ValueError, TypeError):
                listed = []
            for code in listed:
                if code in ids:
                    out[ids[code]][StepKind.ARCHIVE].append(
                        Step(StepKind.ARCHIVE, int(aid), str(at))
                    )
    for lid, mid, loc, at in rows(
        "location_changes",
        "SELECT id, medium_id, location, at FROM location_changes ORDER BY id",
    ):
        out[int(mid)][StepKind.LOCATION].append(
            Step(StepKind.LOCATION, int(lid), str(at), location=str(loc))
        )
    for pid, new_id, old_id, loc, at in rows(
        "reproductions",
        "SELECT id, new_id, replaced_id, location, at FROM reproductions ORDER BY id",
    ):
        out[int(new_id)][StepKind.REPRODUCED].append(
            Step(StepKind.REPRODUCED, int(pid), str(at), location=str(loc))
        )
        out[int(old_id)][StepKind.RETIRED].append(Step(StepKind.RETIRED, int(pid), str(at)))
    for fid, mid, kind, at in rows(
        "medium_findings", "SELECT id, medium_id, kind, at FROM medium_findings ORDER BY id"
    ):
        out[int(mid)][StepKind.FINDING].append(
            Step(StepKind.FINDING, int(fid), str(at), finding=str(kind))
        )
    return out


def problems(conn: sqlite3.Connection, limit: int = 50) -> list[str]:
    """Each medium whose stored status, location or seal differs from what its entries
    imply, named ("medium …: stored status 'in_custody' but its entries imply 'out'
    (retrieval #12 not returned)")."""
    if "media" not in _present(conn):
        return []
    steps = medium_steps(conn)
    found: list[str] = []
    for mid, code, role, status, location, seal in conn.execute(
        "SELECT id, code, copy_role, status, location, seal_no FROM media ORDER BY id"
    ):
        try:
            copy_role = CopyRole(str(role))
        except ValueError:
            found.append(f"medium {code}: unknown copy role '{role}'")
            continue
        of = steps.get(int(mid), {})
        expected = replay(copy_role, [of[k] for k in StepKind if k in of])
        found += differences(str(code), (str(status), str(location), str(seal)), expected)
        if len(found) >= limit:
            break
    return found[:limit]
