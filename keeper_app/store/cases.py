"""Cases, their handlers, and recordings."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..domain.model import Case, CaseStatus
from ..timeutil import from_db


def get_stmts(case_id: int) -> list[tuple[str, Any]]:
    """The statements :func:`get` runs (the case, its handlers), for a server to send them
    together (``Database.reading(prefetch=...)``)."""
    return [("SELECT * FROM cases WHERE id=?", (case_id,)), _handlers_stmt(case_id)]


def _handlers_stmt(case_id: int) -> tuple[str, Any]:
    return ("SELECT person_id FROM case_handlers WHERE case_id=?", (case_id,))


def _case(conn: sqlite3.Connection, r: sqlite3.Row) -> Case:
    handlers = frozenset(int(x[0]) for x in conn.execute(*_handlers_stmt(int(r["id"]))))
    return Case(
        id=int(r["id"]),
        case_no=r["case_no"],
        name=r["name"],
        department_id=int(r["department_id"]),
        status=CaseStatus(r["status"]),
        handler_ids=handlers,
        major=bool(r["major"]),
        concluded_at=from_db(r["concluded_at"]) if r["concluded_at"] else None,
    )


def insert(
    conn: sqlite3.Connection, case_no: str, name: str, dept_id: int, major: bool, opened_at: str
) -> int:
    cur = conn.execute(
        "INSERT INTO cases(case_no, name, department_id, major, status, opened_at) "
        "VALUES (?,?,?,?,'open',?)",
        (case_no, name, dept_id, 1 if major else 0, opened_at),
    )
    return int(cur.lastrowid or 0)


def add_handler(conn: sqlite3.Connection, case_id: int, person_id: int) -> int:
    cur = conn.execute(
        "INSERT INTO case_handlers(case_id, person_id) VALUES (?,?)", (case_id, person_id)
    )
    return int(cur.lastrowid or 0)


def get(conn: sqlite3.Connection, case_id: int) -> Case:
    r = conn.execute(*get_stmts(case_id)[0]).fetchone()
    if r is None:
        raise LookupError(f"case {case_id}")
    return _case(conn, r)


def by_no(conn: sqlite3.Connection, case_no: str) -> Case | None:
    r = conn.execute("SELECT * FROM cases WHERE case_no=?", (case_no,)).fetchone()
    return None if r is None else _case(conn, r)


def set_status(
    conn: sqlite3.Connection, case_id: int, status: CaseStatus, concluded_at: str | None = None
) -> None:
    if concluded_at is not None:
        conn.execute(
            "UPDATE cases SET status=?, concluded_at=? WHERE id=?",
            (status.value, concluded_at, case_id),
        )
    else:
        conn.execute("UPDATE cases SET status=? WHERE id=?", (status.value, case_id))


def insert_conclusion(
    conn: sqlite3.Connection, case_id: int, by_id: int, at: str, note: str
) -> int:
    cur = conn.execute(
        "INSERT INTO case_conclusions(case_id, by_id, at, note) VALUES (?,?,?,?)",
        (case_id, by_id, at, note),
    )
    return int(cur.lastrowid or 0)


def listing(
    conn: sqlite3.Connection, handler_id: int | None = None, department_id: int | None = None
) -> list[dict[str, Any]]:
    """Every case; with ``handler_id`` and/or ``department_id``, only the cases that person
    handles or that department handles (either)."""
    sql = (
        "SELECT c.id, c.case_no, c.name, c.status, c.major, c.department_id, "
        "d.name AS department, "
        "(SELECT count(*) FROM media m WHERE m.case_id=c.id) AS media "
        "FROM cases c JOIN departments d ON d.id=c.department_id"
    )
    where, args = visible_condition(handler_id, department_id)
    if where:
        sql += " WHERE " + where
    return [dict(r) for r in conn.execute(sql + " ORDER BY c.case_no", args)]


def visible_condition(
    handler_id: int | None, department_id: int | None, case_col: str = "c.id"
) -> tuple[str, tuple[Any, ...]]:
    """The condition "handled by ``handler_id`` or by department ``department_id``" on the
    cases aliased ``c`` ("" when neither is given)."""
    parts: list[str] = []
    args: list[Any] = []
    if handler_id is not None:
        parts.append(f"{case_col} IN (SELECT case_id FROM case_handlers WHERE person_id=?)")
        args.append(handler_id)
    if department_id is not None:
        parts.append("c.department_id = ?")
        args.append(department_id)
    return ("(" + " OR ".join(parts) + ")" if parts else ""), tuple(args)


def insert_recording(
    conn: sqlite3.Connection,
    case_id: int,
    kind: str,
    person_name: str,
    person_role: str,
    started_at: str,
    ended_at: str,
    place: str,
    interruptions: list[dict[str, str]],
    by_id: int,
    at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO recordings(case_id, kind, person_name, person_role, started_at, ended_at, "
        "place, interruptions, registered_by, registered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            case_id,
            kind,
            person_name,
            person_role,
            started_at,
            ended_at,
            place,
            json.dumps(interruptions, ensure_ascii=False, sort_keys=True),
            by_id,
            at,
        ),
    )
    return int(cur.lastrowid or 0)


def insert_recording_file(
    conn: sqlite3.Connection, rec_id: int, path: str, size: int, sha256: str
) -> int:
    cur = conn.execute(
        "INSERT INTO recording_files(recording_id, path, size, sha256) VALUES (?,?,?,?)",
        (rec_id, path, size, sha256),
    )
    return int(cur.lastrowid or 0)


def recording(conn: sqlite3.Connection, rec_id: int) -> dict[str, Any]:
    r = conn.execute("SELECT * FROM recordings WHERE id=?", (rec_id,)).fetchone()
    if r is None:
        raise LookupError(f"recording {rec_id}")
    d = dict(r)
    d["files"] = [
        dict(f)
        for f in conn.execute(
            "SELECT path, size, sha256 FROM recording_files WHERE recording_id=? ORDER BY id",
            (rec_id,),
        )
    ]
    return d


def recordings_of_case(conn: sqlite3.Connection, case_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM recordings WHERE case_id=? ORDER BY started_at", (case_id,)
        )
    ]


def ids_by_no(conn: sqlite3.Connection, case_nos: Iterable[str]) -> dict[str, int]:
    """The ids of the cases numbered ``case_nos`` (unknown numbers left out)."""
    nos = sorted({str(n) for n in case_nos if n})
    out: dict[str, int] = {}
    for i in range(0, len(nos), 500):
        part = nos[i : i + 500]
        marks = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT case_no, id FROM cases WHERE case_no IN ({marks})", part):
            out[str(r[0])] = int(r[1])
    return out


def numbers(conn: sqlite3.Connection) -> dict[int, str]:
    """Every case's number by its id."""
    return {int(r[0]): str(r[1]) for r in conn.execute("SELECT id, case_no FROM cases")}
