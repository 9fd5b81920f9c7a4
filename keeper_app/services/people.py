"""Units, departments, people: set-up and administration (administrators only, after the
first administrator is created on an empty database)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from .. import crypto
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import DeptKind, Role
from ..domain.rules import require_text
from ..store import Database, audit, open_database
from ..store import people as repo
from ..timeutil import now_utc, to_db
from .session import Credential, Session, check_badge_text, rerun_if_changed


def check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < crypto.MIN_PASSWORD:
        raise RuleViolation(
            "weak_password", f"a password needs at least {crypto.MIN_PASSWORD} characters"
        )


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
    kdf_n: int = crypto.DEFAULT_KDF_N,
    clock: Callable[[], datetime] = now_utc,
) -> int:
    """On an empty database only: the unit and its first administrator. ``clock`` dates the
    audit event (the demo generator sets the office up in the past, like every later event)."""
    if repo.count(db.conn) > 0:
        raise RuleViolation("not_empty", "this database already has people; sign in instead")
    badge = check_bootstrap(unit_code, unit_name, badge, name, password)
    km = crypto.new_key_material(password, kdf_n)
    at = to_db(clock().replace(microsecond=0))
    with db.transaction() as conn:
        uid = repo.insert_unit(conn, unit_code, unit_name.strip())
        pid = repo.insert_person(conn, badge, name.strip(), uid, None, frozenset({Role.ADMIN}), km)
        kid = repo.insert_key(conn, pid, km.public_key, at, "added")
        # the first administrator signs the register's first event with the key just made
        audit.append(
            conn,
            at,
            pid,
            "bootstrap",
            {"unit": unit_code, "admin": badge},
            [("units", uid), ("people", pid), ("person_keys", kid)],
            audit.EventKey(kid, crypto.unlock(km, password)),
        )
    return pid


def check_bootstrap(unit_code: str, unit_name: str, badge: str, name: str, password: str) -> str:
    """What a new office's first administrator needs, checked before anything is written;
    the badge as it is stored."""
    if not (isinstance(unit_code, str) and len(unit_code) == 4 and unit_code.isdigit()):
        raise RuleViolation(
            "bad_unit_code", f"unit code must be 4 digits, not {unit_code!r}", field="unit code"
        )
    require_text(unit_name, "unit name")
    b = check_badge_text(badge)
    require_text(name, "name")
    check_password(password)
    return b


def first_run(
    path: str | Path, unit_code: str, unit_name: str, badge: str, name: str, password: str
) -> int:
    """A new office from the application's first-run set-up: the database file at ``path``
    with its unit and first administrator. Everything is checked before the file is made,
    and a refusal leaves no file behind; an existing file with people in it is refused."""
    check_bootstrap(unit_code, unit_name, badge, name, password)
    path = Path(path)
    existed = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = open_database(path, create=True)
    done = False
    try:
        pid = bootstrap(db, unit_code, unit_name, badge, name, password)
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
) -> int:
    """A person with a first password chosen by the administrator (the test office and the
    demo); the application and the command add people with an enrolment code instead
    (services.enrolment.add_person)."""
    badge, name, rs, org_name = check_new_person(s, badge, name, roles, department_id, org_name)
    check_password(password)
    km = crypto.new_key_material(password, kdf_n)
    with s.change("add_person", badge=badge, name=name, roles=sorted(r.value for r in rs)) as ch:
        pid = ch.touch(
            "people",
            repo.insert_person(
                ch.conn, badge, name, s.person.unit_id, department_id, rs, km, org_name
            ),
        )
        ch.touch("person_keys", repo.insert_key(ch.conn, pid, km.public_key, ch.at, "added"))
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
    if repo.by_badge(s.conn, badge) is not None:
        raise RuleViolation("badge_taken", f"badge number {badge} is already registered")
    if department_id is not None and repo.department(s.conn, department_id) is None:
        raise RuleViolation("unknown_department", f"no department #{department_id}")
    if Role.OUTSIDE_RETRIEVER in rs:
        org_name = require_text(org_name, "court or procuratorate of the outside retriever")
        if rs != {Role.OUTSIDE_RETRIEVER}:
            raise RuleViolation("bad_role", "an outside retriever has no other role")
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
def set_roles(s: Session, badge: str, roles: Iterable[str | Role]) -> None:
    s.require(Action.MANAGE_PEOPLE)
    p = repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    rs = parse_roles(roles)
    if p.id == s.person.id and Role.ADMIN not in rs:
        raise RuleViolation("self_demote", "an administrator cannot remove their own admin role")
    with s.change("set_roles", badge=p.badge, roles=sorted(r.value for r in rs)) as ch:
        repo.update_roles(ch.conn, p.id, rs)
        ch.touch("people", p.id)


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
    check_password(new_password)
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
