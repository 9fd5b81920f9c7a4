"""Units, departments and people."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..crypto import KeyMaterial
from ..domain.model import Department, DeptKind, Person, Role


def _person(r: sqlite3.Row) -> Person:
    return Person(
        id=int(r["id"]),
        badge=r["badge"],
        name=r["name"],
        roles=frozenset(Role(x) for x in r["roles"].split(",") if x),
        unit_id=int(r["unit_id"]),
        department_id=r["department_id"],
        active=bool(r["active"]),
    )


def insert_unit(conn: sqlite3.Connection, code: str, name: str) -> int:
    return int(
        conn.execute("INSERT INTO units(code, name) VALUES (?,?)", (code, name)).lastrowid or 0
    )


def unit(conn: sqlite3.Connection, unit_id: int) -> dict[str, Any]:
    r = conn.execute("SELECT id, code, name FROM units WHERE id=?", (unit_id,)).fetchone()
    if r is None:
        raise LookupError(f"unit {unit_id}")
    return dict(r)


def units(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute("SELECT id, code, name FROM units ORDER BY id")]


def insert_department(conn: sqlite3.Connection, unit_id: int, name: str, kind: DeptKind) -> int:
    cur = conn.execute(
        "INSERT INTO departments(unit_id, name, kind) VALUES (?,?,?)", (unit_id, name, kind.value)
    )
    return int(cur.lastrowid or 0)


def set_head(conn: sqlite3.Connection, dept_id: int, person_id: int) -> None:
    conn.execute("UPDATE departments SET head_id=? WHERE id=?", (person_id, dept_id))


def _department(r: sqlite3.Row) -> Department:
    return Department(int(r["id"]), r["name"], DeptKind(r["kind"]), r["head_id"], int(r["unit_id"]))


def department(conn: sqlite3.Connection, dept_id: int) -> Department | None:
    r = conn.execute("SELECT * FROM departments WHERE id=?", (dept_id,)).fetchone()
    if r is None:
        return None
    return _department(r)


def department_of_case_stmt(case_id: int) -> tuple[str, Any]:
    return (
        "SELECT d.* FROM departments d JOIN cases c ON c.department_id=d.id WHERE c.id=?",
        (case_id,),
    )


def department_of_case(conn: sqlite3.Connection, case_id: int) -> Department | None:
    """The department a case belongs to."""
    r = conn.execute(*department_of_case_stmt(case_id)).fetchone()
    if r is None:
        return None
    return _department(r)


def departments(conn: sqlite3.Connection) -> list[Department]:
    return [_department(r) for r in conn.execute("SELECT * FROM departments ORDER BY id")]


def insert_person(
    conn: sqlite3.Connection,
    badge: str,
    name: str,
    unit_id: int,
    department_id: int | None,
    roles: frozenset[Role],
    km: KeyMaterial,
    org_name: str = "",
) -> int:
    cur = conn.execute(
        "INSERT INTO people(badge, name, unit_id, department_id, org_name, roles, active, "
        "kdf_salt, kdf_n, pw_verifier, public_key, sk_nonce, sk_enc) "
        "VALUES (?,?,?,?,?,?,1,?,?,?,?,?,?)",
        (
            badge,
            name,
            unit_id,
            department_id,
            org_name,
            ",".join(sorted(r.value for r in roles)),
            km.kdf_salt,
            km.kdf_n,
            km.pw_verifier,
            km.public_key,
            km.sk_nonce,
            km.sk_enc,
        ),
    )
    return int(cur.lastrowid or 0)


def update_roles(conn: sqlite3.Connection, person_id: int, roles: frozenset[Role]) -> None:
    conn.execute(
        "UPDATE people SET roles=? WHERE id=?",
        (",".join(sorted(r.value for r in roles)), person_id),
    )


def set_active(conn: sqlite3.Connection, person_id: int, active: bool) -> None:
    conn.execute("UPDATE people SET active=? WHERE id=?", (1 if active else 0, person_id))


def set_key_material(conn: sqlite3.Connection, person_id: int, km: KeyMaterial) -> None:
    conn.execute(
        "UPDATE people SET kdf_salt=?, kdf_n=?, pw_verifier=?, public_key=?, sk_nonce=?, "
        "sk_enc=? WHERE id=?",
        (km.kdf_salt, km.kdf_n, km.pw_verifier, km.public_key, km.sk_nonce, km.sk_enc, person_id),
    )


def insert_key(
    conn: sqlite3.Connection,
    person_id: int,
    public_key: bytes,
    at: str,
    reason: str,
    endorsement: bytes | None = None,
) -> int:
    """One more key in the person's key history (schema 5); the latest is the current one."""
    cur = conn.execute(
        "INSERT INTO person_keys(person_id, public_key, made_at, reason, endorsement) "
        "VALUES (?,?,?,?,?)",
        (person_id, public_key, at, reason, endorsement),
    )
    return int(cur.lastrowid or 0)


def current_key_stmt(person_id: int) -> tuple[str, Any]:
    return (
        "SELECT id, public_key FROM person_keys WHERE person_id=? ORDER BY id DESC LIMIT 1",
        (person_id,),
    )


def current_key(conn: sqlite3.Connection, person_id: int) -> tuple[int, bytes] | None:
    """The person's current key: (its person_keys id, the public key)."""
    r = conn.execute(*current_key_stmt(person_id)).fetchone()
    return None if r is None else (int(r[0]), bytes(r[1]))


def enrolled(conn: sqlite3.Connection, person_id: int) -> bool:
    """Whether the person has a key (a person added with an enrolment code has none until
    their first sign-in)."""
    r = conn.execute("SELECT length(public_key) FROM people WHERE id=?", (person_id,)).fetchone()
    return r is not None and int(r[0] or 0) > 0


def key_history(conn: sqlite3.Connection, person_id: int | None = None) -> list[dict[str, Any]]:
    """Every key held (a person's, or everyone's), oldest first."""
    sql = (
        "SELECT k.id, k.person_id, p.badge, p.name, k.public_key, k.made_at, k.reason "
        "FROM person_keys k JOIN people p ON p.id = k.person_id"
    )
    args: tuple[Any, ...] = ()
    if person_id is not None:
        sql += " WHERE k.person_id = ?"
        args = (person_id,)
    return [dict(r) for r in conn.execute(sql + " ORDER BY k.id", args)]


def by_badge(conn: sqlite3.Connection, badge: str) -> Person | None:
    r = conn.execute("SELECT * FROM people WHERE badge=?", (badge,)).fetchone()
    return None if r is None else _person(r)


def signer_by_badge(
    conn: sqlite3.Connection, badge: str
) -> tuple[Person, KeyMaterial | None] | None:
    """A signer's person and key material (None: not enrolled yet, no key) in one read."""
    r = conn.execute("SELECT * FROM people WHERE badge=?", (badge,)).fetchone()
    if r is None:
        return None
    if not r["public_key"]:
        return _person(r), None
    return _person(r), KeyMaterial(
        bytes(r["kdf_salt"]),
        int(r["kdf_n"]),
        bytes(r["pw_verifier"]),
        bytes(r["public_key"]),
        bytes(r["sk_nonce"]),
        bytes(r["sk_enc"]),
    )


def get_stmt(person_id: int) -> tuple[str, Any]:
    """The statement :func:`get` runs (for ``Database.reading(prefetch=...)``)."""
    return ("SELECT * FROM people WHERE id=?", (person_id,))


def get(conn: sqlite3.Connection, person_id: int) -> Person:
    r = conn.execute(*get_stmt(person_id)).fetchone()
    if r is None:
        raise LookupError(f"person {person_id}")
    return _person(r)


def org_name(conn: sqlite3.Connection, person_id: int) -> str:
    r = conn.execute(
        "SELECT p.org_name, u.name FROM people p JOIN units u ON u.id=p.unit_id WHERE p.id=?",
        (person_id,),
    ).fetchone()
    return (r[0] or r[1]) if r else ""


def key_material(conn: sqlite3.Connection, person_id: int) -> KeyMaterial:
    r = conn.execute(
        "SELECT kdf_salt, kdf_n, pw_verifier, public_key, sk_nonce, sk_enc FROM people WHERE id=?",
        (person_id,),
    ).fetchone()
    return KeyMaterial(bytes(r[0]), int(r[1]), bytes(r[2]), bytes(r[3]), bytes(r[4]), bytes(r[5]))


def all_people(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT p.id, p.badge, p.name, p.roles, p.active, p.org_name, "
            "d.name AS department, u.name AS unit FROM people p "
            "JOIN units u ON u.id=p.unit_id LEFT JOIN departments d ON d.id=p.department_id "
            "ORDER BY p.badge"
        )
    ]


def latest_kdf_n(conn: sqlite3.Connection) -> int | None:
    """The scrypt cost of the person added last (a sign-in with an unknown badge costs as
    much as one with a known badge)."""
    r = conn.execute("SELECT kdf_n FROM people ORDER BY id DESC LIMIT 1").fetchone()
    return None if r is None else int(r[0])


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM people").fetchone()[0])


def insert_role_grant(
    conn: sqlite3.Connection,
    person_id: int,
    roles: frozenset[Role],
    granted_by: int | None,
    at: str,
) -> int:
    """A grant of roles (schema 6): the person's roles after it, never changed."""
    cur = conn.execute(
        "INSERT INTO role_grants(person_id, roles, granted_by, at) VALUES (?,?,?,?)",
        (person_id, ",".join(sorted(r.value for r in roles)), granted_by, at),
    )
    return int(cur.lastrowid or 0)
