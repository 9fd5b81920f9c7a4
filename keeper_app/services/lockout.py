"""Sign-in attempts and lockouts (issue 7; issue 10, point 8).

An attempt is recorded *before* its password is checked: one locked transaction (BEGIN
IMMEDIATE) reads the person's state and, unless they are locked, commits an ``attempt`` row;
the slow password check runs after it, outside the lock, so parallel attempts all count. The
right password writes ``cleared``; a wrong one writes nothing more — an attempt that no
clearing follows counts as a wrong password. A signed call's passwords may be tried before
the call begins (``session._derive_ahead``, so that the slow part is out of the span the
call's checks must find unchanged): that result is neither told nor kept past the call, and
is used only once the call has recorded the attempt here (the attempt and its clearing then
in one transaction); a locked person's password is not tried at all.

After five such attempts the person is locked for a time that doubles with each lockout (1
minute, 2, 4, ... at most a day); while locked the password is not even tried. Whoever is
admitted while five attempts are outstanding writes the lockout and is refused, so however
many attempts arrive at once, the result of at most five passwords is ever used or told.

A right password clears the count only when no attempt came in after it (else it is one of
a burst: the burst's lockout stands). An administrator lifts a lock with a department
head's countersignature.

Every row is anchored in the audit chain; the sign-in bookkeeping events have no actor
(``store.signins.ACTORLESS_ACTIONS``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from .. import crypto
from ..domain import access
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity, Person
from ..store import people as people_repo
from ..store import signins
from ..store.signins import Event, SignInState
from ..timeutil import from_db, show, to_db
from .session import Credential, Session, check_badge_text, rerun_if_changed

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(days=1)

#: the one refusal for an unknown badge and a wrong password (the same code, message and time)
BAD_CREDENTIALS = "bad_credentials"
BAD_CREDENTIALS_MESSAGE = "the badge number or the password is wrong"


def bad_credentials(note: str = "") -> RuleViolation:
    return RuleViolation(BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE + note)


def lock_duration(level: int) -> timedelta:
    """How long the ``level``-th lockout since the last clearing lasts."""
    doubled: timedelta = FIRST_LOCK * 2 ** max(0, min(level - 1, 20))
    return min(doubled, LONGEST_LOCK)


def _who(p: Person) -> str:
    return f"{p.name} ({p.badge})"


def is_locked(st: SignInState, now: datetime) -> bool:
    return st.locked_until is not None and now < from_db(st.locked_until)


def locked_refusal(person: Person, until: str) -> RuleViolation:
    """Said whatever the password: it tells only that the badge exists and is under attack,
    and the person at the counter must know why they cannot sign in."""
    return RuleViolation(
        "locked",
        f"{_who(person)} is locked after {MAX_FAILURES} wrong passwords in a row, until "
        f"{show(until)}; try again then, or ask an administrator to unlock (with a "
        "department head's countersignature)",
    )


def _lockout_event(person: Person, st: SignInState, now: datetime) -> tuple[Event, str]:
    level = st.lockouts + 1
    until = to_db(now + lock_duration(level))
    ev = Event(
        "lockout",
        signins.LOCKOUT_ACTION,
        {"badge": person.badge, "level": level, "until": until},
        until=until,
        level=level,
    )
    return ev, until


@dataclass(frozen=True)
class Attempt:
    """An admitted attempt: its row and the audit events written for it."""

    row_id: int
    seqs: tuple[int, ...]


def admit(conn: sqlite3.Connection, person: Person, now: datetime, right: bool = False) -> Attempt:
    """Record one attempt before its password is checked, or refuse: the person is locked
    (nothing written), or five attempts are outstanding (the lockout is written).

    ``right``: the password was checked already, before anything was told or written
    (``session._derive_ahead``) and found right: the attempt and its clearing are written in
    this one transaction (what :func:`right_password` would write just after it)."""
    at = to_db(now)
    lockout_until: str | None = None
    with signins.locked(conn, prefetch=signins.ahead(person.id)):
        st = signins.state(conn, person.id)
        if is_locked(st, now):
            assert st.locked_until is not None
            lockout_until = st.locked_until
            written: list[tuple[int, int]] = []
        elif st.failures >= MAX_FAILURES:  # a burst: five attempts are still outstanding
            ev, lockout_until = _lockout_event(person, st, now)
            signins.append(conn, person.id, at, [ev])
            written = []
        else:
            events = [
                Event(
                    "attempt",
                    signins.ATTEMPT_ACTION,
                    {"badge": person.badge, "outstanding": st.failures + 1},
                )
            ]
            if right:
                events.append(_cleared(person))
            written = signins.append(conn, person.id, at, events)
    if lockout_until is not None:
        raise locked_refusal(person, lockout_until)
    return Attempt(written[0][0], tuple(seq for _, seq in written))


def _cleared(person: Person) -> Event:
    return Event("cleared", signins.CLEARED_ACTION, {"badge": person.badge, "by": "password"})


def refuse_if_locked(conn: sqlite3.Connection, person: Person, now: datetime) -> None:
    """Refuse a locked person (a password already checked in the same call: nothing is
    written, it is not a new attempt)."""
    st = signins.state(conn, person.id)
    if is_locked(st, now):
        assert st.locked_until is not None
        raise locked_refusal(person, st.locked_until)


def wrong_password(conn: sqlite3.Connection, person: Person, now: datetime) -> RuleViolation:
    """The attempt stays outstanding (it counts as wrong); at the fifth the lockout is
    written. Returns the refusal."""
    note = ""
    try:
        with signins.locked(conn, prefetch=signins.ahead(person.id)):
            st = signins.state(conn, person.id)
            if st.failures >= MAX_FAILURES and not is_locked(st, now):
                ev, until = _lockout_event(person, st, now)
                signins.append(conn, person.id, to_db(now), [ev])
                note = (
                    f"; after {MAX_FAILURES} wrong passwords in a row this badge is locked "
                    f"until {show(until)}"
                )
    except Exception as exc:  # the attempt is recorded already: it counts as wrong
        note = f" (the lockout could not be recorded: {exc})"
    return bad_credentials(note)


def right_password(
    conn: sqlite3.Connection, person: Person, attempt: Attempt, now: datetime
) -> tuple[int, ...]:
    """Clear the count, unless other attempts came in after this one (a burst): then this
    attempt stays counted with them. Returns the audit seqs written."""
    try:
        with signins.locked(conn, prefetch=signins.ahead(person.id)):
            st = signins.state(conn, person.id)
            if st.last_id != attempt.row_id:
                return ()
            w = signins.append(conn, person.id, to_db(now), [_cleared(person)])
    except Exception:
        return ()  # the count stays; the next right password clears it
    return (w[0][1],)


def latest_kdf_n(conn: sqlite3.Connection) -> int:
    return people_repo.latest_kdf_n(conn) or crypto.DEFAULT_KDF_N


@rerun_if_changed
def unlock(s: Session, badge: str, head: Credential) -> None:
    """An administrator lifts a person's lock (clears their wrong passwords), countersigned
    by a department head with their own password."""
    me = s.require(Action.MANAGE_PEOPLE)
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if signins.state(s.conn, p.id).clean:
        raise RuleViolation("not_locked", f"{_who(p)} has no wrong passwords to clear")
    h = s.signer(head)
    access.check_countersigner(h.person, me, "lift a lock")
    with s.change("sign_in_unlocked", badge=p.badge, by=me.badge, head=h.person.badge) as ch:
        rid = ch.touch(
            "sign_in_events", signins.insert(ch.conn, p.id, "cleared", ch.at, by_id=me.id)
        )
        ch.sign("sign_in_events", rid, (h, Capacity.COUNTERSIGN))
