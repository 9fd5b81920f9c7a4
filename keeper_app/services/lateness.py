"""Late means reported (issue 14): the sweep marks each lateness on its entry, for good, and
reports it to the head of the case's department the moment it is late — a pair not handed
over 24 h after burning (Art. 16-17), a duplicate not returned by its estimated usage time
(Art. 20), an original not resealed within the limit (Art. 18).

The sweep runs when the application starts, at each refresh of the due board, and with
``keeper due`` / ``keeper sweep``; it is signed by the person running it (a keeper or a
head — a head's sweep marks their department's cases). Each lateness is one signed event,
made once: the late act itself (the handover, the return, the reseal) marks it when no sweep
found it first, and reports no second incident when one did (:func:`mark_in`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..domain import lateness
from ..domain.lateness import Late, LateKind
from ..domain.lifecycle import Action, allowed
from ..store import cases as cases_repo
from ..store import entries
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, to_db
from . import visibility
from .session import Change, Session, rerun_if_changed


@dataclass
class SweepResult:
    marked: list[int] = field(default_factory=list)  # the incidents raised
    no_head: list[str] = field(default_factory=list)  # late, but no head to report to
    #: seized media (issue 15): the incidents of seized_incidents raised (Art. 130, 133, 134)
    seized: list[int] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"{len(self.marked)} lateness(es) marked and reported to the heads"]
        if self.seized:
            lines.append(
                f"{len(self.seized)} lateness(es) of seized media (registration, safekeeping, "
                "sealing period, release) marked and reported to the heads"
            )
        lines += [
            f"  {code}: late, but the case's department has no head to report to"
            for code in self.no_head
        ]
        return "\n".join(lines)


def _may_sweep(s: Session) -> bool:
    """Whether the signed-in person runs the sweep (a keeper or a head)."""
    return allowed(s.person.roles, Action.SWEEP_LATE)


def _head_id(s: Session, case_id: int) -> int | None:
    case = cases_repo.get(s.conn, case_id)
    dept = people_repo.department(s.conn, case.department_id)
    return None if dept is None else dept.head_id


def _found(s: Session, now: datetime) -> list[tuple[Late, int]]:
    """Every lateness not marked yet that the person may see: (late, case id)."""
    c = entries.sweep_candidates(s.conn)
    visible = visibility.visible_case_ids(s)
    case_of: dict[tuple[str, int], int] = {}
    for kind, rows in c.items():
        for r in rows:
            case_of[kind, int(r["entry_id"])] = int(r["case_id"])

    def seen(r: dict[str, object]) -> bool:
        return visible is None or int(str(r["case_id"])) in visible

    found = lateness.new_lateness(
        now,
        awaiting_handover=[
            (int(r["entry_id"]), from_db(r["since"])) for r in c["handover"] if seen(r)
        ],
        out=[
            (int(r["entry_id"]), int(r["medium_id"]), from_db(r["since"]), r["est_usage_hours"])
            for r in c["return"]
            if seen(r)
        ],
        unsealed=[
            (int(r["entry_id"]), int(r["medium_id"]), from_db(r["since"]))
            for r in c["reseal"]
            if seen(r)
        ],
        marked=entries.late_marks_made(s.conn),
    )
    return [(late, case_of[late.key]) for late in found]


def sweep(s: Session) -> SweepResult:
    """Mark and report every lateness found now (each once, each its own signed event)."""
    s.require(Action.SWEEP_LATE)
    res = SweepResult()
    for late, case_id in _found(s, s.now()):
        head = _head_id(s, case_id)
        if head is None:
            res.no_head.append(media_repo.get(s.conn, late.medium_id).code)
            continue
        iid = _mark_one(s, late, case_id)
        if iid is not None:
            res.marked.append(iid)
    from . import seized  # seized media's deadlines (issue 15)

    res.seized = seized.sweep(s)
    return res


def sweep_if_allowed(s: Session) -> SweepResult | None:
    """The sweep, for those who run it (the application's start and the due board's refresh
    run it for whoever is signed in; others see the marks their role lets them see)."""
    return sweep(s) if _may_sweep(s) else None


@rerun_if_changed
def _mark_one(s: Session, late: Late, case_id: int) -> int | None:
    s.require(Action.SWEEP_LATE)
    if entries.late_mark(s.conn, late.kind.value, late.entry_id) is not None:
        return None  # marked meanwhile, at another counter
    head = _head_id(s, case_id)
    if head is None:
        return None
    code = media_repo.get(s.conn, late.medium_id).code
    with s.change(
        "mark_late", kind=late.kind.value, code=code, entry=late.entry_id, due=to_db(late.due_at)
    ) as ch:
        return mark_in(ch, late, s.person.id, head, from_db(ch.at))


def mark_in(
    ch: Change,
    late: Late,
    by_id: int,
    head_id: int,
    now: datetime,
    description: str | None = None,
    handover_id: int | None = None,
    return_id: int | None = None,
) -> int | None:
    """Within a change: mark ``late`` and raise its incident to the head, unless it was
    marked before (then None: the head was told already — no second incident)."""
    if entries.late_mark(ch.conn, late.kind.value, late.entry_id) is not None:
        return None
    iid = ch.touch(
        "incidents",
        entries.insert(
            ch.conn,
            "incidents",
            kind=lateness.INCIDENT_KIND[late.kind],
            medium_id=late.medium_id,
            return_id=return_id,
            handover_id=handover_id,
            description=description or lateness.late_description(late, now),
            at=ch.at,
            reported_by=by_id,
            reported_to=head_id,
        ),
    )
    ch.touch(
        "late_marks",
        entries.insert(
            ch.conn,
            "late_marks",
            kind=late.kind.value,
            entry_id=late.entry_id,
            medium_id=late.medium_id,
            due_at=to_db(late.due_at),
            at=ch.at,
            by_id=by_id,
            incident_id=iid,
        ),
    )
    ch.details.setdefault("late_incident", iid)
    return iid


__all__ = ["LateKind", "SweepResult", "mark_in", "sweep", "sweep_if_allowed"]
