"""Retrieval approval is an act of the approver (Art. 20; issue 14, point 2).

A retrieval of the duplicate is asked for in a request (who, why, estimated usage time,
which disc); the head of the case's department decides it in his own session, signing;
the keeper gives the disc out only under an approved, unused, unexpired request for that
disc and that retriever. Plain rules: no Qt, no SQL, no clock ("now" is passed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .errors import RuleViolation
from .model import Case, Department, Person, RetrievalReason, Role
from .rules import MAX_USAGE_HOURS, check_retriever

#: An approval is for a retrieval soon after it: unused this long after the decision, it
#: lapses and a new request is needed.
APPROVAL_VALID_FOR = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class RequestState:
    """A retrieval request as the checkout sees it."""

    id: int
    medium_id: int
    retriever_id: int
    requested_by: int
    decision: str | None  # None (waiting), 'approved', 'refused'
    decided_by: int | None
    decided_at: datetime | None
    used: bool


def check_request(
    case: Case,
    retriever: Person,
    requester: Person,
    reason: RetrievalReason,
    est_usage_hours: int,
) -> None:
    """Art. 19-21: a retrieval is asked for by the retriever himself, or by a keeper at the
    counter on his behalf; the retriever's duty must fit the reason (a case handler only for
    his own case); the estimated usage time is given."""
    if requester.id != retriever.id and not requester.has(Role.KEEPER):
        raise RuleViolation(
            "request_for_another",
            f"{requester.name} may ask for a retrieval only for themselves "
            f"(a keeper asks on behalf of {retriever.name} at the counter)",
            "Art. 20",
        )
    check_retriever(case, retriever, reason)
    if (
        not isinstance(est_usage_hours, int)
        or isinstance(est_usage_hours, bool)
        or not 1 <= est_usage_hours <= MAX_USAGE_HOURS
    ):
        raise RuleViolation(
            "bad_usage_time",
            f"estimated usage time must be 1 to {MAX_USAGE_HOURS} hours, not {est_usage_hours}",
            "Art. 20",
        )


def check_retrieval_approver(
    approver: Person, case: Case, dept: Department, req: RequestState
) -> None:
    """Art. 20 (the approver registered in the special register) read with Art. 18: the
    person in charge of the case-handling department — the head of *this case's*
    department — decides, never the retriever himself nor the person who asked for him."""
    if dept.id != case.department_id:
        raise RuleViolation("wrong_department", "department does not match the case", "Art. 20")
    if dept.head_id != approver.id or not approver.has(Role.DEPT_HEAD):
        raise RuleViolation(
            "not_head_of_case_dept",
            f"{approver.name} is not the head of {dept.name}, the department handling case "
            f"{case.case_no}; only that head may approve the retrieval",
            "Art. 20",
        )
    if approver.id in (req.retriever_id, req.requested_by):
        raise RuleViolation(
            "self_approval",
            f"{approver.name} asked for this retrieval and cannot approve it",
            "Art. 20",
        )
    if req.decision is not None:
        raise RuleViolation(
            "already_decided", f"retrieval request #{req.id} was already {req.decision}", "Art. 20"
        )


def check_request_usable(
    req: RequestState, medium_id: int, retriever_id: int, keeper_id: int, now: datetime
) -> None:
    """Art. 20: the disc goes out only under an approved request for this disc and this
    retriever, approved by someone other than the keeper and the retriever, used once, and
    not lapsed (:data:`APPROVAL_VALID_FOR`)."""
    if req.medium_id != medium_id:
        raise RuleViolation(
            "request_other_disc", f"retrieval request #{req.id} is for another disc", "Art. 20"
        )
    if req.retriever_id != retriever_id:
        raise RuleViolation(
            "request_other_retriever",
            f"retrieval request #{req.id} was approved for another retriever",
            "Art. 20",
        )
    if req.decision != "approved" or req.decided_by is None or req.decided_at is None:
        raise RuleViolation(
            "request_not_approved",
            f"retrieval request #{req.id} is "
            f"{req.decision or 'still waiting for the department head'}",
            "Art. 20",
        )
    if req.used:
        raise RuleViolation(
            "request_used", f"retrieval request #{req.id} was already used", "Art. 20"
        )
    if req.decided_by in (keeper_id, retriever_id):
        raise RuleViolation(
            "self_approval",
            f"retrieval request #{req.id} was approved by the keeper or the retriever",
            "Art. 20",
        )
    if now > req.decided_at + APPROVAL_VALID_FOR:
        raise RuleViolation(
            "request_expired",
            f"the approval of retrieval request #{req.id} has lapsed "
            f"({APPROVAL_VALID_FOR.days} days): ask again",
            "Art. 20",
        )
