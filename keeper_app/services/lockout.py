"""Wrong passwords (issue 7): after five wrong passwords in a row a person is locked for a
time that doubles with each lockout (1 minute, 2, 4, ... at most a day). Every wrong
password and every lockout is a row anchored in the audit chain; the right password, or an
administrator, clears the count. While locked, the password is not even tried."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Person
from ..store import audit, signins
from ..store import people as people_repo
from ..store.signins import Event, SignInState
from ..timeutil import from_db, show, to_db
from .session import Session, check_badge_text, rerun_if_changed

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(days=1)


def lock_duration(level: int) -> timedelta:
    """How long the ``level``-th lockout since the last clearing lasts."""
    doubled: timedelta = FIRST_LOCK * 2 ** max(0, min(level - 1, 20))
    return min(doubled, LONGEST_LOCK)


def _who(p: Person) -> str:
    return f"{p.name} ({p.badge})"


def refuse_if_locked(conn: sqlite3.Connection, person: Person, now: datetime) -> SignInState:
    st = signins.state(conn, person.id)
    if st.locked_until is not None and now < from_db(st.locked_until):
        raise RuleViolation(
            "locked",
            f"{_who(person)} is locked after {MAX_FAILURES} wrong passwords in a row, until "
            f"{show(st.locked_until)}; try again then, or ask an administrator to unlock",
        )
    return st


def wrong_password(
    conn: sqlite3.Connection, person: Person, st: SignInState, now: datetime
) -> RuleViolation:
    """Record one wrong password (and the lockout at the fifth); returns the refusal."""
    n = st.failures + 1
    events = [Event("failure", "sign_in_failed", {"badge": person.badge, "failures": n})]
    until: datetime | None = None
    if n >= MAX_FAILURES:
        level = st.lockouts + 1
        until = now + lock_duration(level)
        events.append(
            Event(
                "lockout",
                "locked_out",
                {"badge": person.badge, "level": level, "until": to_db(until)},
                until=to_db(until),
                level=level,
            )
        )
    note = ""
    try:
        signins.record(conn, person.id, to_db(now), None, events)
    except (sqlite3.Error, audit.ClockBehind) as exc:
        note = f" (this wrong password could not be recorded: {exc})"
    if until is not None:
        return RuleViolation(
            "bad_password",
            f"wrong password for {_who(person)}: {MAX_FAILURES} wrong passwords in a row, "
            f"{person.name} is locked until {show(until)}{note}",
        )
    left = MAX_FAILURES - n
    return RuleViolation(
        "bad_password",
        f"wrong password for {_who(person)}{note}"
        + (f" ({left} more and {person.name} is locked for a while)" if n > 1 else ""),
    )


def right_password(
    conn: sqlite3.Connection, person: Person, st: SignInState, now: datetime
) -> None:
    """The right password clears earlier wrong ones (written only when there were any)."""
    if st.clean:
        return
    try:
        signins.record(
            conn,
            person.id,
            to_db(now),
            None,  # sign-in bookkeeping: an unsigned system event (the badge is in it)
            [Event("cleared", "sign_in_cleared", {"badge": person.badge, "by": "password"})],
        )
    except (sqlite3.Error, audit.ClockBehind):
        pass  # the count stays; the next right password clears it


@rerun_if_changed
def unlock(s: Session, badge: str) -> None:
    """An administrator clears a person's wrong passwords and lockout."""
    me = s.require(Action.MANAGE_PEOPLE)
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if signins.state(s.conn, p.id).clean:
        raise RuleViolation("not_locked", f"{_who(p)} has no wrong passwords to clear")
    with s.change("sign_in_cleared", badge=p.badge, by=me.badge) as ch:
        ch.touch("sign_in_events", signins.insert(ch.conn, p.id, "cleared", ch.at, by_id=me.id))
