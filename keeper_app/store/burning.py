"""Pair reservations, read-back checks of discs, and checks of recordings (schema 2)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def insert_reservation(
    conn: sqlite3.Connection,
    pair_no: str,
    case_id: int,
    recording_ids: list[int],
    by_id: int,
    at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO pair_reservations(pair_no, case_id, recordings, reserved_by, reserved_at) "
        "VALUES (?,?,?,?,?)",
        (pair_no, case_id, json.dumps(sorted(recording_ids)), by_id, at),
    )
    return int(cur.lastrowid or 0)


def reservation(conn: sqlite3.Connection, pair_no: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM pair_reservations WHERE pair_no=?", (pair_no,)).fetchone()
    return None if r is None else dict(r)


def insert_verification(
    conn: sqlite3.Connection,
    *,
    medium_id: int | None,
    reservation_id: int | None,
    disc_code: str,
    purpose: str,
    result: str,
    files_checked: int,
    bytes_read: int,
    read_errors: int,
    details: dict[str, Any],
    drive: str,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO verifications(medium_id, reservation_id, disc_code, purpose, result, "
        "files_checked, bytes_read, read_errors, details, drive, at, by_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            medium_id,
            reservation_id,
            disc_code,
            purpose,
            result,
            files_checked,
            bytes_read,
            read_errors,
            json.dumps(details, ensure_ascii=False, sort_keys=True),
            drive,
            at,
            by_id,
        ),
    )
    return int(cur.lastrowid or 0)


def _verification(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["details"] = json.loads(d["details"])
    return d


def verifications_of(conn: sqlite3.Connection, medium_id: int) -> list[dict[str, Any]]:
    return [
        _verification(r)
        for r in conn.execute(
            "SELECT v.*, p.name AS by_name FROM verifications v JOIN people p ON p.id=v.by_id "
            "WHERE v.medium_id=? ORDER BY v.at, v.id",
            (medium_id,),
        )
    ]


def verifications_of_reservation(
    conn: sqlite3.Connection, reservation_id: int
) -> list[dict[str, Any]]:
    return [
        _verification(r)
        for r in conn.execute(
            "SELECT * FROM verifications WHERE reservation_id=? ORDER BY id", (reservation_id,)
        )
    ]


def fixity_rows(conn: sqlite3.Connection, statuses: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every disc in one of ``statuses`` with its last check (any purpose) and the number of
    read errors and failed checks ever recorded for it."""
    marks = ",".join("?" for _ in statuses)
    sql = (
        "SELECT m.id, m.code, m.copy_role, m.status, m.location, m.burned_at, m.case_id, "
        "c.case_no, "
        "(SELECT max(v.at) FROM verifications v WHERE v.medium_id=m.id) AS last_checked, "
        "(SELECT v.result FROM verifications v WHERE v.medium_id=m.id ORDER BY v.at DESC, "
        " v.id DESC LIMIT 1) AS last_result, "
        "(SELECT coalesce(sum(v.read_errors), 0) FROM verifications v WHERE v.medium_id=m.id) "
        " AS read_errors, "
        "(SELECT count(*) FROM verifications v WHERE v.medium_id=m.id AND v.result != 'match') "
        " AS failed_checks "
        "FROM media m JOIN cases c ON c.id=m.case_id "
        f"WHERE m.kind='disc' AND m.status IN ({marks}) "
        "ORDER BY m.code"
    )
    return [dict(r) for r in conn.execute(sql, statuses)]


def manifest_of_medium(conn: sqlite3.Connection, medium_id: int) -> str:
    r = conn.execute(
        "SELECT mf.body FROM media m JOIN manifests mf ON mf.id=m.manifest_id WHERE m.id=?",
        (medium_id,),
    ).fetchone()
    if r is None:
        raise LookupError(f"medium {medium_id}")
    return str(r[0])


def insert_recording_check(
    conn: sqlite3.Connection,
    *,
    recording_id: int,
    result: str,
    media_ms: int | None,
    record_ms: int,
    tolerance_ms: int,
    details: dict[str, Any],
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO recording_checks(recording_id, result, media_ms, record_ms, tolerance_ms, "
        "details, at, by_id) VALUES (?,?,?,?,?,?,?,?)",
        (
            recording_id,
            result,
            media_ms,
            record_ms,
            tolerance_ms,
            json.dumps(details, ensure_ascii=False, sort_keys=True),
            at,
            by_id,
        ),
    )
    return int(cur.lastrowid or 0)


def recording_checks(conn: sqlite3.Connection, recording_id: int) -> list[dict[str, Any]]:
    out = []
    for r in conn.execute(
        "SELECT * FROM recording_checks WHERE recording_id=? ORDER BY id", (recording_id,)
    ):
        d = dict(r)
        d["details"] = json.loads(d["details"])
        out.append(d)
    return out


def flagged_recordings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Recordings whose latest check is not a match: the review list (Art. 22(4))."""
    sql = (
        "SELECT rc.*, r.case_id, r.kind, r.person_name, r.started_at, r.ended_at, c.case_no "
        "FROM recording_checks rc JOIN recordings r ON r.id=rc.recording_id "
        "JOIN cases c ON c.id=r.case_id "
        "WHERE rc.id = (SELECT max(x.id) FROM recording_checks x "
        "               WHERE x.recording_id=rc.recording_id) AND rc.result != 'match' "
        "ORDER BY r.started_at"
    )
    out = []
    for r in conn.execute(sql):
        d = dict(r)
        d["details"] = json.loads(d["details"])
        out.append(d)
    return out


def recordings_of_case(conn: sqlite3.Connection, case_id: int) -> list[dict[str, Any]]:
    """The recordings of a case with their files (for picking what to burn)."""
    recs = [
        dict(r)
        for r in conn.execute(
            "SELECT id, kind, person_name, person_role, started_at, ended_at, place, interruptions "
            "FROM recordings WHERE case_id=? ORDER BY started_at",
            (case_id,),
        )
    ]
    for d in recs:
        d["interruptions"] = json.loads(d["interruptions"])
        d["files"] = [
            dict(f)
            for f in conn.execute(
                "SELECT path, size, sha256 FROM recording_files WHERE recording_id=? ORDER BY id",
                (d["id"],),
            )
        ]
    return recs


def read_back_since(conn: sqlite3.Connection, medium_id: int, since: str) -> dict[str, Any] | None:
    """The latest read-back of one registered disc made at or after ``since`` (issue 14: a
    return is verified on a read-back made since the disc went out)."""
    r = conn.execute(
        "SELECT id, result, purpose, at FROM verifications WHERE medium_id=? AND at>=? "
        "ORDER BY at DESC, id DESC LIMIT 1",
        (int(medium_id), since),
    ).fetchone()
    return None if r is None else dict(r)
