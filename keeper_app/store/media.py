"""Media (discs and hard-drive volumes) and their manifests."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..domain.model import CopyRole, Label, Medium, MediumStatus
from ..timeutil import from_db
from . import cases as cases_repo

_COLS = (
    "id, code, pair_no, copy_role, kind, disc_type, volume_id, case_id, manifest_id, label, "
    "burned_at, producer_id, registered_at, status, location, seal_no"
)


def _label(text: str) -> Label:
    d = json.loads(text)
    return Label(
        production_unit=d["production_unit"],
        producer=d["producer"],
        production_time=from_db(d["production_time"]),
        person_interrogated=d["person_interrogated"],
        case_name=d["case_name"],
        case_number=d["case_number"],
    )


def to_medium(r: sqlite3.Row) -> Medium:
    return Medium(
        id=int(r["id"]),
        code=r["code"],
        copy_role=CopyRole(r["copy_role"]),
        case_id=int(r["case_id"]),
        status=MediumStatus(r["status"]),
        burned_at=from_db(r["burned_at"]),
        manifest_sha256="",
        label=_label(r["label"]),
        location=r["location"],
        seal_no=r["seal_no"],
    )


def insert_manifest(conn: sqlite3.Connection, body: str, sha256: str) -> int:
    cur = conn.execute("INSERT INTO manifests(body, sha256) VALUES (?,?)", (body, sha256))
    return int(cur.lastrowid or 0)


def manifest(conn: sqlite3.Connection, manifest_id: int) -> dict[str, Any]:
    r = conn.execute("SELECT * FROM manifests WHERE id=?", (manifest_id,)).fetchone()
    return dict(r)


def insert(
    conn: sqlite3.Connection,
    *,
    code: str,
    pair_no: str,
    copy_role: CopyRole,
    kind: str,
    disc_type: str,
    volume_id: str,
    case_id: int,
    manifest_id: int,
    label_json: str,
    burned_at: str,
    producer_id: int,
    registered_at: str,
    status: MediumStatus,
) -> int:
    cur = conn.execute(
        "INSERT INTO media(code, pair_no, copy_role, kind, disc_type, volume_id, case_id, "
        "manifest_id, label, burned_at, producer_id, registered_at, status) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            code,
            pair_no,
            copy_role.value,
            kind,
            disc_type,
            volume_id,
            case_id,
            manifest_id,
            label_json,
            burned_at,
            producer_id,
            registered_at,
            status.value,
        ),
    )
    return int(cur.lastrowid or 0)


def link_recording(conn: sqlite3.Connection, medium_id: int, recording_id: int) -> int:
    cur = conn.execute(
        "INSERT INTO medium_recordings(medium_id, recording_id) VALUES (?,?)",
        (medium_id, recording_id),
    )
    return int(cur.lastrowid or 0)


def recordings_of_stmt(medium_id: int) -> tuple[str, Any]:
    return (
        "SELECT r.id, r.kind, r.person_name, r.person_role, r.started_at, r.ended_at, r.place "
        "FROM medium_recordings mr JOIN recordings r ON r.id=mr.recording_id "
        "WHERE mr.medium_id=? ORDER BY r.started_at",
        (medium_id,),
    )


def recordings_of(conn: sqlite3.Connection, medium_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(*recordings_of_stmt(medium_id))]


def row_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    r: sqlite3.Row | None = conn.execute(
        f"SELECT {_COLS} FROM media WHERE code=?", (code,)
    ).fetchone()
    return r


def row(conn: sqlite3.Connection, medium_id: int) -> sqlite3.Row:
    r: sqlite3.Row | None = conn.execute(
        f"SELECT {_COLS} FROM media WHERE id=?", (medium_id,)
    ).fetchone()
    if r is None:
        raise LookupError(f"medium {medium_id}")
    return r


def by_code(conn: sqlite3.Connection, code: str) -> Medium | None:
    r = row_by_code(conn, code)
    return None if r is None else to_medium(r)


def get(conn: sqlite3.Connection, medium_id: int) -> Medium:
    return to_medium(row(conn, medium_id))


def pair_stmt(pair_no: str) -> tuple[str, Any]:
    return (f"SELECT {_COLS} FROM media WHERE pair_no=? ORDER BY id", (pair_no,))


def pair(conn: sqlite3.Connection, pair_no: str) -> list[sqlite3.Row]:
    return list(conn.execute(*pair_stmt(pair_no)))


def of_case(conn: sqlite3.Connection, case_id: int) -> list[sqlite3.Row]:
    return list(
        conn.execute(f"SELECT {_COLS} FROM media WHERE case_id=? ORDER BY code", (case_id,))
    )


def set_status(conn: sqlite3.Connection, medium_id: int, status: MediumStatus) -> None:
    conn.execute("UPDATE media SET status=? WHERE id=?", (status.value, medium_id))


def set_location(conn: sqlite3.Connection, medium_id: int, location: str) -> None:
    conn.execute("UPDATE media SET location=? WHERE id=?", (location, medium_id))


def set_seal(conn: sqlite3.Connection, medium_id: int, seal_no: str) -> None:
    conn.execute("UPDATE media SET seal_no=? WHERE id=?", (seal_no, medium_id))


def next_serial(conn: sqlite3.Connection, unit: str, year: int) -> int:
    """The next pair serial of ``unit`` in ``year``: after every registered pair and every
    serial reserved for a burn (schema 2), so a reserved serial is never given twice."""
    prefix = f"{unit}{year:04d}"
    r = conn.execute(
        "SELECT max(p) FROM (SELECT max(pair_no) AS p FROM media WHERE pair_no >= ? AND "
        "pair_no < ? UNION ALL SELECT max(pair_no) FROM pair_reservations WHERE pair_no >= ? "
        "AND pair_no < ?)",
        (prefix + "000000", prefix + "999999~", prefix + "000000", prefix + "999999~"),
    ).fetchone()
    return 1 if r[0] is None else int(str(r[0])[8:14]) + 1


def listing(
    conn: sqlite3.Connection,
    *,
    case_no: str | None = None,
    status: str | None = None,
    copy_role: str | None = None,
    location: str | None = None,
    handler_id: int | None = None,
    department_id: int | None = None,
    limit: int = 200,
    offset: int = 0,
    order: str = "code",
) -> list[dict[str, Any]]:
    """Media with their case; ``handler_id``/``department_id``: only the media of cases that
    person or that department handles (either)."""
    where: list[str] = []
    args: list[Any] = []
    if case_no:
        where.append("c.case_no = ?")
        args.append(case_no)
    if status:
        where.append("m.status = ?")
        args.append(status)
    if copy_role:
        where.append("m.copy_role = ?")
        args.append(copy_role)
    if location:
        where.append("m.location LIKE ?")
        args.append(location + "%")
    visible, visible_args = cases_repo.visible_condition(handler_id, department_id, "m.case_id")
    if visible:
        where.append(visible)
        args.extend(visible_args)
    orders = {
        "code": "m.code",
        "burned_at": "m.burned_at",
        "status": "m.status, m.code",
        "case": "c.case_no, m.code",
    }
    sql = (
        "SELECT m.id, m.code, m.copy_role, m.status, m.location, m.seal_no, m.burned_at, "
        "c.case_no, c.name AS case_name, json_extract(m.label, '$.person_interrogated') AS "
        "person FROM media m JOIN cases c ON c.id = m.case_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {orders.get(order, 'm.code')} LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in conn.execute(sql, (*args, limit, offset))]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM media").fetchone()[0])


def with_status(conn: sqlite3.Connection, status: MediumStatus) -> list[sqlite3.Row]:
    return list(conn.execute(f"SELECT {_COLS} FROM media WHERE status=?", (status.value,)))


#: the statuses of a medium that is on the keeper's shelves
ON_SHELF = (MediumStatus.SEALED, MediumStatus.IN_CUSTODY, MediumStatus.UNSEALED)


def on_shelves(
    conn: sqlite3.Connection,
    location_prefix: str | None = None,
    limit: int | None = None,
    *,
    handler_id: int | None = None,
    department_id: int | None = None,
) -> list[dict[str, Any]]:
    """The media that should be on the shelves (sealed, in custody, unsealed) whose
    location starts with ``location_prefix`` (exactly, case and all), or all of them;
    ordered by location, then code. ``handler_id``/``department_id``: only the media of
    cases that person or department handles."""
    where = [f"m.status IN ({','.join('?' * len(ON_SHELF))})"]
    args: list[Any] = [s.value for s in ON_SHELF]
    visible, visible_args = cases_repo.visible_condition(handler_id, department_id, "m.case_id")
    if visible:
        where.append(visible)
        args += visible_args
    if location_prefix:
        where.append("substr(m.location, 1, length(?)) = ?")
        args += [location_prefix, location_prefix]
    sql = (
        "SELECT m.code, m.copy_role, m.status, m.location, c.case_no FROM media m "
        "JOIN cases c ON c.id = m.case_id WHERE "
        + " AND ".join(where)
        + " ORDER BY m.location, m.code"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [dict(r) for r in conn.execute(sql, args)]
