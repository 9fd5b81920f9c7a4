"""Enrolment (issue 10, point 2): keys certified outside the file.

The administrator adds a person without a password (:func:`add_person`): Keeper makes a
one-time enrolment code, shown once to the administrator to hand over, and stores only a
slow hash of it. At first sign-in (:func:`enrol`) the person gives their badge and the code
and chooses their own password; their key pair is made then, and the event that brings it
is signed with that new key by the person themself — the administrator never knew a
password of theirs. The code is used once and expires (:data:`enrolment.VALIDITY`); a wrong
code counts as a wrong password (services.lockout).

Each new key (enrolment, password change) is printed on a key form (:func:`key_form`) with
its fingerprint, signed by hand by the person and an administrator and filed on paper:
the key history (:func:`keys`) can be held against the forms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import crypto
from ..domain import access
from ..domain import enrolment as rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity, Role
from ..store import Database
from ..store import enrolments as repo
from ..store import people as people_repo
from ..timeutil import from_db, now_utc, show, to_db
from . import lockout
from . import people as people_svc
from .passwords import check_password
from .people import check_new_person
from .session import Clock, Credential, Session, check_badge_text, rerun_if_changed


@dataclass(frozen=True)
class Issued:
    """An enrolment code just made: shown once, never stored."""

    person_id: int
    badge: str
    name: str
    code: str = field(repr=False)
    expires_at: str

    @property
    def shown(self) -> str:
        return rules.shown(self.code)


@rerun_if_changed
def add_person(
    s: Session,
    badge: str,
    name: str,
    roles: Iterable[str | Role],
    department_id: int | None = None,
    org_name: str = "",
    kdf_n: int = crypto.DEFAULT_KDF_N,
    head: Credential | None = None,
) -> Issued:
    """An administrator adds a person, who has no password and no key until they enrol
    with the code returned (to be handed to them; it is not stored). A custody role needs
    ``head``: a department head's countersignature (people.add_person)."""
    me = s.require(Action.MANAGE_PEOPLE)
    badge, name, rs, org_name = check_new_person(s, badge, name, roles, department_id, org_name)
    h = people_svc._countersigner(s, access.custody_roles_added(frozenset(), rs), head)
    code = crypto.new_enrolment_code(rules.ALPHABET, rules.LENGTH)
    salt, verifier = crypto.code_verifier(code, kdf_n)
    details: dict[str, Any] = {
        "badge": badge,
        "name": name,
        "roles": sorted(r.value for r in rs),
        "enrolment": True,
    }
    if h is not None:
        details["countersigned_by"] = h.person.badge
    with s.change("add_person", **details) as ch:
        pid = ch.touch(
            "people",
            people_repo.insert_person(
                ch.conn, badge, name, s.person.unit_id, department_id, rs, crypto.NO_KEY, org_name
            ),
        )
        gid = ch.touch("role_grants", people_repo.insert_role_grant(ch.conn, pid, rs, me.id, ch.at))
        if h is not None:
            ch.sign("role_grants", gid, (h, Capacity.COUNTERSIGN))
        expires = to_db(from_db(ch.at) + rules.VALIDITY)
        ch.touch(
            "enrolments",
            repo.insert(ch.conn, pid, salt, kdf_n, verifier, s.person.id, ch.at, expires),
        )
    return Issued(pid, badge, name, code, expires)


@rerun_if_changed
def new_code(s: Session, badge: str, kdf_n: int = crypto.DEFAULT_KDF_N) -> Issued:
    """A new enrolment code for a person who has not enrolled yet (the first expired or was
    lost); it replaces the earlier one."""
    me = s.require(Action.MANAGE_PEOPLE)
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if people_repo.enrolled(s.conn, p.id):
        raise RuleViolation(
            "already_enrolled", f"{p.name} ({p.badge}) has enrolled already and has a password"
        )
    code = crypto.new_enrolment_code(rules.ALPHABET, rules.LENGTH)
    salt, verifier = crypto.code_verifier(code, kdf_n)
    with s.change("issue_enrolment", badge=p.badge, by=me.badge) as ch:
        expires = to_db(from_db(ch.at) + rules.VALIDITY)
        eid = repo.insert(ch.conn, p.id, salt, kdf_n, verifier, me.id, ch.at, expires)
        ch.touch("enrolments", eid)
    return Issued(p.id, p.badge, p.name, code, expires)


def enrol(
    db: Database,
    badge: str,
    code: str,
    new_password: str,
    clock: Clock = now_utc,
    kdf_n: int = crypto.DEFAULT_KDF_N,
) -> Session:
    """A person's first sign-in: badge, the enrolment code, and the password they choose.
    Makes their key pair, records it signed with it, and returns their signed-in session.
    A wrong code counts as a wrong password; a used or expired code is refused."""
    b = check_badge_text(badge)
    person = people_repo.by_badge(db.conn, b)
    if person is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {b}")
    who = f"{person.name} ({person.badge})"
    if not person.active:
        raise RuleViolation("inactive", f"{who} is deactivated")
    if people_repo.enrolled(db.conn, person.id):
        raise RuleViolation(
            "already_enrolled",
            f"{who} has enrolled already (an enrolment code is used once): sign in with "
            "your password",
        )
    typed = rules.normalize(code)
    now = clock().replace(microsecond=0)
    e = repo.latest(db.conn, person.id)
    if e is None:
        raise RuleViolation(
            "no_enrolment", f"{who} has no enrolment code: ask an administrator for one"
        )
    # the attempt is recorded before the code is checked, like a password (lockout.admit)
    attempt = lockout.admit(db.conn, person, now)
    if not crypto.check_code(typed, bytes(e["kdf_salt"]), int(e["kdf_n"]), e["code_verifier"]):
        refusal = lockout.wrong_password(db.conn, person, now)
        note = refusal.message[len(lockout.BAD_CREDENTIALS_MESSAGE) :]
        raise RuleViolation("bad_enrolment_code", f"wrong enrolment code for {who}{note}")
    if e["used_at"] is not None:
        raise RuleViolation("enrolment_used", f"this enrolment code of {who} was used already")
    if to_db(now) > str(e["expires_at"]):
        raise RuleViolation(
            "enrolment_expired",
            f"the enrolment code of {who} expired at {show(e['expires_at'])}: ask an "
            "administrator for a new one",
        )
    check_password(new_password, person.badge)
    if "".join(ch for ch in new_password.upper() if ch not in " -") == typed:
        raise RuleViolation("same_password", "choose a password of your own, not the code")
    lockout.right_password(db.conn, person, attempt, now)
    km = crypto.new_key_material(new_password, kdf_n)
    s = Session(db, person, clock, key=crypto.unlock(km, new_password))
    _record_enrolment(s, int(e["id"]), km)
    return s


@rerun_if_changed
def _record_enrolment(s: Session, enrolment_id: int, km: crypto.KeyMaterial) -> None:
    p = s.person
    if people_repo.enrolled(s.conn, p.id):  # another desk enrolled them meanwhile
        raise RuleViolation("already_enrolled", f"{p.name} ({p.badge}) has enrolled already")
    with s.change("enrol", badge=p.badge, enrolment=enrolment_id) as ch:
        people_repo.set_key_material(ch.conn, p.id, km)
        ch.touch("people", p.id)
        kid = ch.touch(
            "person_keys", people_repo.insert_key(ch.conn, p.id, km.public_key, ch.at, "enrolment")
        )
        ch.touch("enrolment_uses", repo.insert_use(ch.conn, enrolment_id, ch.at, kid))


def _person_for(s: Session, badge: str | None) -> Any:
    """Whose keys: one's own (no badge, or one's own badge), or — administrators — anyone's."""
    me = s.refresh()
    if badge is None or check_badge_text(badge) == me.badge:
        return me
    s.require(Action.MANAGE_PEOPLE)
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    return p


def keys(s: Session, badge: str | None = None) -> list[dict[str, Any]]:
    """The key history (everyone's for an administrator with no badge; else one person's):
    each key's fingerprint, why it was made and when, oldest first."""
    if badge is None and Role.ADMIN in s.refresh().roles:
        pid = None
    else:
        pid = _person_for(s, badge).id
    return [
        {
            "badge": r["badge"],
            "name": r["name"],
            "key": int(r["id"]),
            "fingerprint": crypto.fingerprint(bytes(r["public_key"])),
            "reason": r["reason"],
            "made_at": show(r["made_at"]) if r["made_at"] else "",
        }
        for r in people_repo.key_history(s.conn, pid)
    ]


def key_form(s: Session, badge: str | None = None) -> dict[str, Any]:
    """The data of a person's key form: who they are, their current key's fingerprint, why
    and when it was made (the enrolment date), for signing by hand."""
    p = _person_for(s, badge)
    cur = people_repo.current_key(s.conn, p.id)
    if cur is None or not people_repo.enrolled(s.conn, p.id):
        raise RuleViolation(
            "not_enrolled",
            f"{p.name} ({p.badge}) has not enrolled yet: sign in with the enrolment code",
        )
    hist = people_repo.key_history(s.conn, p.id)
    latest = hist[-1]
    dept = people_repo.department(s.conn, p.department_id) if p.department_id else None
    unit = people_repo.unit(s.conn, p.unit_id)
    made: str = str(latest["made_at"] or "")
    return {
        "badge": p.badge,
        "name": p.name,
        "unit": unit["name"],
        "department": dept.name if dept else people_repo.org_name(s.conn, p.id),
        "roles": sorted(r.value for r in p.roles),
        "reason": str(latest["reason"]),
        "made_at": show(made) if made else "",
        "made_on": show(made)[:10] if made else "",
        "key_no": len(hist),
        "fingerprint": crypto.fingerprint(cur[1]),
        "printed_by": s.person.name,
    }
