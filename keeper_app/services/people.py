"""Units, departments, people: set-up and administration (administrators only, after the
first administrator is created on an empty database).

Separation of duties (issue 10, point 9; the rules in ``domain.access``): the administrator
holds no custody role; nobody changes their own roles; a custody role is granted by the
administrator and countersigned by a department head (their own badge and password: a
``countersign`` signature on the grant, a ``role_grants`` row). So that the first custody
role can be granted at all, the first run makes the office's administrator and its first
department head together, both present, each typing their own password."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import crypto
from ..domain import access
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity, DeptKind, Role
from ..domain.rules import require_text
from ..store import Database, audit, is_server, open_database
from ..store import open as store_open
from ..store import people as repo
from ..timeutil import now_utc, to_db
from .passwords import check_password
from .session import Credential, Session, Signer, check_badge_text, rerun_if_changed


@dataclass(frozen=True)
class FirstHead:
    """The office's first department head, made with its administrator at the first run:
    without a head nobody could countersign the first custody role."""

    badge: str
    name: str
    password: str = field(repr=False)
    department: str  # the name of the case-handling department they head


def parse_roles(roles: Iterable[str | Role]) -> frozenset[Role]:
    out = set()
    for r in roles:
        try:
            out.add(Role(r))
        except ValueError:
            raise RuleViolation(
                "bad_role", f"'{r}' is not a role; roles: " + ", ".join(x.value for x in Role)
            ) from None
    if not out:
        raise RuleViolation("missing_field", "a person needs at least one role", field="roles")
    return frozenset(out)


def bootstrap(
    db: Database,
    unit_code: str,
    unit_name: str,
    badge: str,
    name: str,
    password: str,
    head: FirstHead,
    kdf_n: int = crypto.DEFAULT_KDF_N,
    clock: Callable[[], datetime] = now_utc,
) -> int:
    """On an empty database only: the unit, its first administrator, and its first
    case-handling department with that department's head. ``clock`` dates the audit event
    (the demo generator sets the office up in the past, like every later event)."""
    if repo.count(db.conn) > 0:
        raise RuleViolation("not_empty", "this database already has people; sign in instead")
    badge, head_badge = check_bootstrap(unit_code, unit_name, badge, name, password, head)
    km = crypto.new_key_material(password, kdf_n)
    head_km = crypto.new_key_material(head.password, kdf_n)
    at = to_db(clock().replace(microsecond=0))
    admin_roles, head_roles = frozenset({Role.ADMIN}), frozenset({Role.DEPT_HEAD})
    with db.transaction() as conn:
        uid = repo.insert_unit(conn, unit_code, unit_name.strip())
        pid = repo.insert_person(conn, badge, name.strip(), uid, None, admin_roles, km)
        kid = repo.insert_key(conn, pid, km.public_key, at, "added")
        did = repo.insert_department(conn, uid, head.department.strip(), DeptKind.CASE_HANDLING)
        hid = repo.insert_person(conn, head_badge, head.name.strip(), uid, did, head_roles, head_km)
        hkid = repo.insert_key(conn, hid, head_km.public_key, at, "added")
        repo.set_head(conn, did, hid)
        g1 = repo.insert_role_grant(conn, pid, admin_roles, None, at)
        g2 = repo.insert_role_grant(conn, hid, head_roles, None, at)
        # the first administrator signs the register's first event with the key just made
        audit.append(
            conn,
            at,
            pid,
            "bootstrap",
            {
                "unit": unit_code,
                "admin": badge,
                "head": head_badge,
                "department": head.department.strip(),
            },
            [
                ("units", uid),
                ("people", pid),
                ("person_keys", kid),
                ("departments", did),
                ("people", hid),
                ("person_keys", hkid),
                ("role_grants", g1),
                ("role_grants", g2),
            ],
            audit.EventKey(kid, crypto.unlock(km, password)),
        )
    return pid


def check_bootstrap(
    unit_code: str, unit_name: str, badge: str, name: str, password: str, head: FirstHead
) -> tuple[str, str]:
    """What a new office's first administrator and first department head need, checked
    before anything is written; their badges as they are stored."""
    if not (isinstance(unit_code, str) and len(unit_code) == 4 and unit_code.isdigit()):
        raise RuleViolation(
            "bad_unit_code", f"unit code must be 4 digits, not {unit_code!r}", field="unit code"
        )
    require_text(unit_name, "unit name")
    b = check_badge_text(badge)
    require_text(name, "name")
    check_password(password, b)
    hb = check_badge_text(head.badge)
    require_text(head.name, "name of the department head")
    require_text(head.department, "department of the department head")
    check_password(head.password, hb)
    if hb == b:
        raise RuleViolation(
            "admin_custody_role",
            "the administrator and the first department head are two different people "
            "(the administrator holds no custody role)",
        )
    return b, hb


def first_run(
    path: str | Path,
    unit_code: str,
    unit_name: str,
    badge: str,
    name: str,
    password: str,
    head: FirstHead,
) -> int:
    """A new office from the application's first-run set-up: the database file at ``path``
    with its unit, first administrator and first department head. Everything is checked
    before the file is made, and a refusal leaves no file behind; an existing file with
    people in it is refused. ``path`` may be an office server's URL (set up with ``keeper
    server init``): the same, in its one transaction."""
    check_bootstrap(unit_code, unit_name, badge, name, password, head)
    if is_server(str(path)):
        server = store_open(str(path))
        try:
            return bootstrap(server, unit_code, unit_name, badge, name, password, head)
        finally:
            server.close()
    path = Path(path)
    existed = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = open_database(path, create=True)
    done = False
    try:
        pid = bootstrap(db, unit_code, unit_name, badge, name, password, head)
        done = True
        return pid
    finally:
        db.close()
        if not done and not existed:
            for leftover in (path, *(Path(f"{path}{x}") for x in ("-wal", "-shm", ".lock"))):
                leftover.unlink(missing_ok=True)


def needs_bootstrap(db: Database) -> bool:
    """Whether the database has nobody yet (its first administrator is still to be made)."""
    return repo.count(db.conn) == 0


@rerun_if_changed
def add_department(s: Session, name: str, kind: DeptKind | str, unit_id: int | None = None) -> int:
    s.require(Action.MANAGE_PEOPLE)
    name = require_text(name, "department name")
    try:
        k = DeptKind(kind)
    except ValueError:
        raise RuleViolation("bad_kind", f"'{kind}' is not a department kind") from None
    with s.change("add_department", name=name, kind=k.value) as ch:
        did = ch.touch(
            "departments", repo.insert_department(ch.conn, unit_id or s.person.unit_id, name, k)
        )
    return did


def _countersigner(s: Session, added: frozenset[Role], head: Credential | None) -> Signer | None:
    """The department head who countersigns a grant that gives custody roles (None when it
    gives none)."""
    if not added:
        return None
    what = (
        "grant the role"
        + ("s " if len(added) > 1 else " ")
        + ", ".join(sorted(r.value for r in added))
    )
    if head is None:
        raise RuleViolation(
            "countersign_needed",
            f"to {what} the administrator needs a department head's countersignature "
            "(the head's badge number and password)",
        )
    h = s.signer(head)
    access.check_countersigner(h.person, s.person, what)
    return h


@rerun_if_changed
def add_person(
    s: Session,
    badge: str,
    name: str,
    roles: Iterable[str | Role],
    password: str,
    department_id: int | None = None,
    org_name: str = "",
    kdf_n: int = crypto.DEFAULT_KDF_N,
    head: Credential | None = None,
) -> int:
    """A person with a first password chosen by the administrator (the test office and the
    demo); the application and the command add people with an enrolment code instead
    (services.enrolment.add_person). A custody role (every role but the administrator's)
    needs ``head``: a department head's countersignature."""
    me = s.require(Action.MANAGE_PEOPLE)
    badge, name, rs, org_name = check_new_person(s, badge, name, roles, department_id, org_name)
    check_password(password, badge)
    h = _countersigner(s, access.custody_roles_added(frozenset(), rs), head)
    km = crypto.new_key_material(password, kdf_n)
    details: dict[str, Any] = {"badge": badge, "name": name, "roles": sorted(r.value for r in rs)}
    if h is not None:
        details["countersigned_by"] = h.person.badge
    with s.change("add_person", **details) as ch:
        pid = ch.touch(
            "people",
            repo.insert_person(
                ch.conn, badge, name, s.person.unit_id, department_id, rs, km, org_name
            ),
        )
        ch.touch("person_keys", repo.insert_key(ch.conn, pid, km.public_key, ch.at, "added"))
        gid = ch.touch("role_grants", repo.insert_role_grant(ch.conn, pid, rs, me.id, ch.at))
        if h is not None:
            ch.sign("role_grants", gid, (h, Capacity.COUNTERSIGN))
    return pid


def check_new_person(
    s: Session,
    badge: str,
    name: str,
    roles: Iterable[str | Role],
    department_id: int | None,
    org_name: str,
) -> tuple[str, str, frozenset[Role], str]:
    """An administrator's new person, checked: (badge, name, roles, org_name) as stored."""
    s.require(Action.MANAGE_PEOPLE)
    badge = check_badge_text(badge)
    name = require_text(name, "name", limit=60)
    rs = parse_roles(roles)
    access.check_duties(rs, f"{name} ({badge})")
    if repo.by_badge(s.conn, badge) is not None:
        raise RuleViolation("badge_taken", f"badge number {badge} is already registered")
    if department_id is not None and repo.department(s.conn, department_id) is None:
        raise RuleViolation("unknown_department", f"no department #{department_id}")
    access.check_outside_roles(frozenset(), rs, f"{name} ({badge})")
    if Role.OUTSIDE_RETRIEVER in rs:
        org_name = require_text(org_name, "court or procuratorate of the outside retriever")
    return badge, name, rs, org_name


@rerun_if_changed
def set_head(s: Session, department_id: int, badge: str) -> None:
    s.require(Action.MANAGE_PEOPLE)
    dept = repo.department(s.conn, department_id)
    if dept is None:
        raise RuleViolation("unknown_department", f"no department #{department_id}")
    p = repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if Role.DEPT_HEAD not in p.roles:
        raise RuleViolation("not_head", f"{p.name} does not have the department head role")
    with s.change("set_head", department=dept.name, head=p.badge) as ch:
        repo.set_head(ch.conn, department_id, p.id)
        ch.touch("departments", department_id)


@rerun_if_changed
def set_roles(
    s: Session, badge: str, roles: Iterable[str | Role], head: Credential | None = None
) -> None:
    """Change another person's roles. Giving a custody role needs ``head``: a department
    head's countersignature."""
    me = s.require(Action.MANAGE_PEOPLE)
    p = repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    access.check_not_own_roles(me.id, p.id, me.name)
    rs = parse_roles(roles)
    access.check_duties(rs, f"{p.name} ({p.badge})")
    access.check_outside_roles(p.roles, rs, f"{p.name} ({p.badge})")
    h = _countersigner(s, access.custody_roles_added(p.roles, rs), head)
    details: dict[str, Any] = {"badge": p.badge, "roles": sorted(r.value for r in rs)}
    if h is not None:
        details["countersigned_by"] = h.person.badge
    with s.change("set_roles", **details) as ch:
        repo.update_roles(ch.conn, p.id, rs)
        ch.touch("people", p.id)
        gid = ch.touch("role_grants", repo.insert_role_grant(ch.conn, p.id, rs, me.id, ch.at))
        if h is not None:
            ch.sign("role_grants", gid, (h, Capacity.COUNTERSIGN))


@rerun_if_changed
def set_active(s: Session, badge: str, active: bool) -> None:
    s.require(Action.MANAGE_PEOPLE)
    p = repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if p.id == s.person.id:
        raise RuleViolation("self_deactivate", "you cannot deactivate yourself")
    with s.change("set_active", badge=p.badge, active=active) as ch:
        repo.set_active(ch.conn, p.id, active)
        ch.touch("people", p.id)


@rerun_if_changed
def change_password(s: Session, old: Credential, new_password: str) -> None:
    """A person changes their own password, and with it their key pair: a new one is made,
    endorsed by the old key; the old public key stays in the key history (every signature
    given before still verifies with it), and an old backup with the old password no
    longer opens today's key. The session signs on with the new key."""
    me = s.signer(old)
    if me.person.id != s.person.id:
        raise RuleViolation("not_yourself", "you can only change your own password")
    check_password(new_password, me.person.badge)
    if new_password == old.password:
        raise RuleViolation("same_password", "the new password must differ from the old one")
    km = crypto.new_key_material(new_password, repo.key_material(s.conn, me.person.id).kdf_n)
    endorsement = crypto.sign(me.key, crypto.endorsement_message(me.person.id, km.public_key))
    new_key = crypto.unlock(km, new_password)
    with s.change("change_password", badge=me.person.badge, new_key=km.public_key.hex()) as ch:
        repo.set_key_material(ch.conn, me.person.id, km)
        ch.touch("people", me.person.id)
        ch.touch(
            "person_keys",
            repo.insert_key(
                ch.conn, me.person.id, km.public_key, ch.at, "password_change", endorsement
            ),
        )
    s.key = new_key


def listing(s: Session) -> list[dict[str, object]]:
    s.require(Action.MANAGE_PEOPLE)
    return repo.all_people(s.conn)
