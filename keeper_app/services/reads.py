"""Reading is logged (Art. 21; issue 14): every view, list, print and export of case data
and every successful sign-in is an audit event signed by the reader (``read``,
``sign_in``: :mod:`keeper_app.domain.access`), written after the read succeeded — a refused
read writes nothing. The event names what was read and the cases it showed, never the data;
it writes no row (``keeper audit verify`` checks that, domain.signing.rows_problem).

The event is written by :meth:`Session.note`: one small signed transaction, without the
self-check a change makes first (a reading changes nothing; it is logged even while the
integrity alarm is up, and the next change verifies the chain, these events included). A
computer clock set before the register's last entry signs nothing (the clock warning is
shown): the reading is shown, not logged. Anything else that keeps the event from being
written (the disk full, a key changed) refuses the reading.

:func:`report`: who read what of a department head's cases."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .. import canonical
from ..domain import access
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..store import audit
from ..store import cases as cases_repo
from ..timeutil import show, to_db
from . import visibility
from .session import Session

#: The report's default span: the last 30 days.
DEFAULT_DAYS = 30


#: The same reading again — the same person, what and cases, the same references — within
#: this time is the same reading (a list refreshed by the due board's timer, a record looked
#: at twice): it is logged once.
REPEAT_WINDOW = timedelta(minutes=15)
_lock = threading.Lock()
#: per (database file, person): the last reading logged and when
_last: dict[tuple[str, int], tuple[str, datetime]] = {}


@dataclass(frozen=True)
class Reading:
    """A reading to log (:func:`to_log`)."""

    key: tuple[str, int]
    text: str
    now: datetime
    details: dict[str, Any]


def to_log(s: Session, what: str, case_ids: Iterable[int] = (), **refs: object) -> Reading | None:
    """The reading of ``what`` showing the cases ``case_ids`` by the signed-in person, or
    None when the same reading was logged within :data:`REPEAT_WINDOW`."""
    details = access.read_record(what, case_ids, **refs)
    key, text, now = (
        (str(Path(s.db.path).resolve()), s.person.id),
        canonical.dumps(details),
        s.now(),
    )
    with _lock:
        prev = _last.get(key)
        if prev is not None and prev[0] == text and timedelta(0) <= now - prev[1] < REPEAT_WINDOW:
            return None
    return Reading(key, text, now, details)


def log_in(s: Session, conn: sqlite3.Connection, r: Reading) -> None:
    """The reading's signed event, inside the caller's write transaction (a scan reads its
    record and logs the reading in one transaction: Art. 21, and one round trip fewer on an
    office server each way). A clock set back signs nothing: the reading is not logged.
    Call :func:`logged` once the transaction has committed."""
    try:
        s.note_in(conn, access.READ_ACTION, **r.details)
    except audit.ClockBehind:
        pass


def logged(r: Reading) -> None:
    """After the commit: the same reading again within :data:`REPEAT_WINDOW` is not logged."""
    with _lock:
        _last[r.key] = (r.text, r.now)


def record(s: Session, what: str, case_ids: Iterable[int] = (), **refs: object) -> None:
    """Log that the signed-in person read ``what`` showing the cases ``case_ids`` (once
    within :data:`REPEAT_WINDOW` for the same reading)."""
    r = to_log(s, what, case_ids, **refs)
    if r is None:
        return
    _log(s, access.READ_ACTION, r.details)
    logged(r)


def record_case_nos(s: Session, what: str, case_nos: Iterable[str], **refs: object) -> None:
    """:func:`record` for a read that names cases by number."""
    record(s, what, cases_repo.ids_by_no(s.conn, case_nos).values(), **refs)


def signed_in(s: Session) -> None:
    """Log a successful sign-in (the person's own signed event)."""
    _log(s, access.SIGN_IN_ACTION, {"badge": s.person.badge})


def _log(s: Session, action: str, details: dict[str, Any]) -> None:
    try:
        s.note(action, **details)
    except audit.ClockBehind:
        pass  # nothing can be signed on a clock set back; the clock warning says so


def report(
    s: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    case_no: str | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Who read what (Art. 21) of the cases a department head sees, newest first: each read
    with its time, the reader (badge, name), what was read, the references asked for and
    the case numbers of the head's cases it showed (never another department's). ``since``
    defaults to :data:`DEFAULT_DAYS` ago; ``case_no``: one case only (refused, changing
    nothing, when unknown or not the head's). The report is itself a logged reading."""
    s.require(Action.VIEW_READS)
    since = since or s.now() - timedelta(days=DEFAULT_DAYS)
    visible = visibility.visible_case_ids(s)
    one = None
    if case_no:
        case = cases_repo.by_no(s.conn, case_no.strip())
        if case is None:
            raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
        visibility.check_case(s, case, "see who read it")
        one = {case.id}
    scope = one if one is not None else visible
    nos = cases_repo.numbers(s.conn)
    out = []
    seen: set[int] = set(one or ())
    for e in audit.events_of(s.conn, access.READ_ACTION, to_db(since)):
        if until is not None and e["at"] >= to_db(until):
            continue
        d = e["details"]
        if not access.read_concerns(d, scope):
            continue
        shown = [int(c) for c in d.get("cases", [])]
        if scope is not None:
            shown = [c for c in shown if c in scope]
        seen.update(shown)
        refs = {k: v for k, v in d.items() if k not in ("what", "cases")}
        out.append(
            {
                "seq": e["seq"],
                "at": show(e["at"]),
                "badge": e["badge"],
                "name": e["name"],
                "what": d.get("what", ""),
                "refs": refs,
                "cases": [nos.get(c, f"#{c}") for c in shown],
            }
        )
        if len(out) >= limit:
            break
    record(s, "reads", seen, since=to_db(since), case_no=case_no or None)
    return out
