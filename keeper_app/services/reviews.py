"""A case submitted for review with its recordings (Art. 4, 22 of the regulations): the
case-handling department sends the interrogation recordings along; for a major case every
recording goes, and the due board says so until a signed record shows they did."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain import intake as intake_rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Case
from ..store import cases as cases_repo
from ..store import intake_records as intake_repo
from ..store import people as people_repo
from ..timeutil import show
from . import intake, visibility
from .session import Session, rerun_if_changed


def _check_own(s: Session, case: Case) -> None:
    """A handler of the case or the head of its department submits it (Art. 21, 22)."""
    me = s.person
    dept = people_repo.department(s.conn, case.department_id)
    if me.id not in case.handler_ids and not (dept and dept.head_id == me.id):
        raise RuleViolation(
            "not_own_case",
            f"{me.name} neither handles case {case.case_no} nor heads its department",
            "Art. 21",
        )


@rerun_if_changed
def submit_for_review(
    s: Session, case_no: str, recording_ids: Sequence[int], to: str, note: str = ""
) -> int:
    """Record that the case went to review (``to``: the reviewing department or organ) with
    these recordings of it; a major case only with all of them (Art. 4, 22(2)). The record
    is the signed audit event of the person who submits it."""
    s.require(Action.SUBMIT_FOR_REVIEW)
    case = intake.case_by_no(s, case_no)
    _check_own(s, case)
    if case.status.value == "archived":
        raise RuleViolation("case_archived", f"case {case.case_no} is archived", "Art. 16")
    all_ids = [int(r["id"]) for r in cases_repo.recordings_of_case(s.conn, case.id)]
    ids = intake_rules.check_review_submission(case.major, all_ids, recording_ids, to)
    note = (note or "").strip()[:500]
    with s.change("submit_for_review", case_no=case.case_no, recordings=ids, to=to.strip()) as ch:
        return ch.touch(
            "review_submissions",
            intake_repo.insert_submission(
                ch.conn, case.id, ids, to.strip(), note, ch.at, s.person.id
            ),
        )


def review_status(s: Session, case_no: str) -> dict[str, Any]:
    """A case's review submissions, and its recordings none has carried yet (``pending``);
    ``due``: a major case with pending recordings (Art. 4, 22(2))."""
    s.require(Action.VERIFY_MEDIUM)
    case = intake.case_by_no(s, case_no)
    visibility.check_case(s, case, "see its recordings")
    with s.db.reading():
        recs = cases_repo.recordings_of_case(s.conn, case.id)
        subs = intake_repo.submissions_of(s.conn, case.id)
    sent = {int(r) for sub in subs for r in sub["recordings"]}
    pending = [int(r["id"]) for r in recs if int(r["id"]) not in sent]
    for sub in subs:
        sub["at"] = show(sub["at"])
    return {
        "case_no": case.case_no,
        "major": case.major,
        "recordings": [int(r["id"]) for r in recs],
        "submissions": subs,
        "pending": pending,
        "due": bool(case.major and pending),
    }
