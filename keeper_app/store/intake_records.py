"""Intake flags (same footage, late upload) and a case's review submissions (schema 15)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any


def first_holders(
    conn: sqlite3.Connection, hashes: Iterable[str], but: int | None = None
) -> dict[str, int]:
    """SHA-256 → the first recording (lowest id, other than ``but``) with a file of it."""
    out: dict[str, int] = {}
    for h in set(hashes):
        r = conn.execute(
            "SELECT min(recording_id) FROM recording_files WHERE sha256=? AND recording_id!=?",
            (h, -1 if but is None else but),
        ).fetchone()
        if r is not None and r[0] is not None:
            out[h] = int(r[0])
    return out


def insert_flag(
    conn: sqlite3.Connection,
    recording_id: int,
    kind: str,
    at: str,
    *,
    other_recording_id: int | None = None,
    sha256: str = "",
    late_minutes: int | None = None,
    limit_hours: int | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO intake_flags(recording_id, kind, other_recording_id, sha256, late_minutes, "
        "limit_hours, at) VALUES (?,?,?,?,?,?,?)",
        (recording_id, kind, other_recording_id, sha256, late_minutes, limit_hours, at),
    )
    return int(cur.lastrowid or 0)


def flags_of(conn: sqlite3.Connection, recording_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT f.*, o.case_id AS other_case_id, oc.case_no AS other_case_no, "
            "o.person_name AS other_person, o.started_at AS other_started_at "
            "FROM intake_flags f LEFT JOIN recordings o ON o.id=f.other_recording_id "
            "LEFT JOIN cases oc ON oc.id=o.case_id WHERE f.recording_id=? ORDER BY f.id",
            (recording_id,),
        )
    ]


def insert_submission(
    conn: sqlite3.Connection,
    case_id: int,
    recording_ids: list[int],
    submitted_to: str,
    note: str,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO review_submissions(case_id, recordings, submitted_to, note, at, by_id) "
        "VALUES (?,?,?,?,?,?)",
        (case_id, json.dumps(sorted(recording_ids)), submitted_to, note, at, by_id),
    )
    return int(cur.lastrowid or 0)


def submissions_of(conn: sqlite3.Connection, case_id: int) -> list[dict[str, Any]]:
    out = []
    for r in conn.execute(
        "SELECT s.*, p.name AS by_name FROM review_submissions s JOIN people p ON p.id=s.by_id "
        "WHERE s.case_id=? ORDER BY s.id",
        (case_id,),
    ):
        d = dict(r)
        d["recordings"] = json.loads(d["recordings"])
        out.append(d)
    return out


def major_cases_awaiting_review(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Major cases not archived with recordings no review submission has carried: case_no,
    concluded_at, the first such recording's registered_at, and how many."""
    out = []
    for c in conn.execute(
        "SELECT id, case_no, concluded_at FROM cases WHERE major=1 AND status!='archived' "
        "ORDER BY case_no"
    ):
        sent: set[int] = set()
        for (recs,) in conn.execute(
            "SELECT recordings FROM review_submissions WHERE case_id=?", (c["id"],)
        ):
            sent.update(int(x) for x in json.loads(recs))
        pending = [
            r
            for r in conn.execute(
                "SELECT id, registered_at FROM recordings WHERE case_id=? ORDER BY registered_at",
                (c["id"],),
            )
            if int(r["id"]) not in sent
        ]
        if pending:
            out.append(
                {
                    "case_id": int(c["id"]),
                    "case_no": c["case_no"],
                    "concluded_at": c["concluded_at"],
                    "first_at": pending[0]["registered_at"],
                    "count": len(pending),
                }
            )
    return out
