"""Storage devices, where they are and who keeps them, and access to stored files (schema 15)."""

from __future__ import annotations

import sqlite3
from typing import Any


def by_label(conn: sqlite3.Connection, label: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM storage_devices WHERE label=?", (label,)).fetchone()
    return None if r is None else dict(r)


def insert_device(
    conn: sqlite3.Connection, label: str, role: str, serial: str, at: str, by_id: int
) -> int:
    cur = conn.execute(
        "INSERT INTO storage_devices(label, role, serial, registered_at, registered_by) "
        "VALUES (?,?,?,?,?)",
        (label, role, serial, at, by_id),
    )
    return int(cur.lastrowid or 0)


def insert_move(
    conn: sqlite3.Connection,
    device_id: int,
    location: str,
    keeper_id: int,
    note: str,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO storage_device_moves(device_id, location, keeper_id, note, at, by_id) "
        "VALUES (?,?,?,?,?,?)",
        (device_id, location, keeper_id, note, at, by_id),
    )
    return int(cur.lastrowid or 0)


def current(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every device with its latest place and keeper."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT d.id, d.label, d.role, d.serial, d.registered_at, m.location, m.at AS since, "
            "k.badge AS keeper_badge, k.name AS keeper_name "
            "FROM storage_devices d JOIN storage_device_moves m ON m.id = "
            "(SELECT max(x.id) FROM storage_device_moves x WHERE x.device_id=d.id) "
            "JOIN people k ON k.id=m.keeper_id ORDER BY d.role DESC, d.label"
        )
    ]


def moves_of(conn: sqlite3.Connection, device_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT m.*, k.badge AS keeper_badge, k.name AS keeper_name, b.name AS by_name "
            "FROM storage_device_moves m JOIN people k ON k.id=m.keeper_id "
            "JOIN people b ON b.id=m.by_id WHERE m.device_id=? ORDER BY m.id",
            (device_id,),
        )
    ]


def insert_access(
    conn: sqlite3.Connection,
    recording_id: int,
    purpose: str,
    destination: str,
    files: int,
    size: int,
    at: str,
    by_id: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO stored_file_access(recording_id, kind, purpose, destination, files, bytes, "
        "at, by_id) VALUES (?, 'export', ?,?,?,?,?,?)",
        (recording_id, purpose, destination, files, size, at, by_id),
    )
    return int(cur.lastrowid or 0)


def accesses(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT a.*, r.case_id, c.case_no, p.badge AS by_badge, p.name AS by_name "
            "FROM stored_file_access a JOIN recordings r ON r.id=a.recording_id "
            "JOIN cases c ON c.id=r.case_id JOIN people p ON p.id=a.by_id ORDER BY a.id"
        )
    ]
