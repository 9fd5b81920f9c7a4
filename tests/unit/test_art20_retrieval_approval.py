"""Article 20 (read with Art. 18, 19 and 21): retrieval approval is an act of the approver.

The special register names the approver of every retrieval. The approver is the person in
charge of the case-handling department — the head of the case's department — who decides
himself (never the keeper, never the retriever or whoever asked for him); the keeper gives the
disc out only under an approved request for that disc and that retriever, once, while the
approval is fresh (domain.retrieval_approval).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import retrieval_approval as ra
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import (
    Case,
    CaseStatus,
    Department,
    DeptKind,
    Person,
    RetrievalReason,
    Role,
)

CRIM, DRUG = 10, 20
DECIDED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def person(pid: int, badge: str, *roles: Role, dept: int = CRIM) -> Person:
    return Person(pid, badge, f"name-{badge}", frozenset(roles), unit_id=1, department_id=dept)


HANDLER = person(1, "H001", Role.CASE_HANDLER)
OTHER_HANDLER = person(2, "H002", Role.CASE_HANDLER)
KEEPER = person(3, "K001", Role.KEEPER)
HEAD = person(4, "D001", Role.DEPT_HEAD)
OTHER_HEAD = person(5, "D002", Role.DEPT_HEAD, dept=DRUG)
REVIEWER = person(6, "R001", Role.REVIEWER)
KEEPER_HEAD = person(7, "D003", Role.DEPT_HEAD, Role.KEEPER)

CASE = Case(100, "A2026-001", "王某某故意伤害案", CRIM, CaseStatus.OPEN, frozenset({1, 2}))
CRIM_DEPT = Department(CRIM, "刑事侦查大队", DeptKind.CASE_HANDLING, HEAD.id)
DRUG_DEPT = Department(DRUG, "禁毒大队", DeptKind.CASE_HANDLING, OTHER_HEAD.id)

WAITING = ra.RequestState(
    id=1,
    medium_id=50,
    retriever_id=HANDLER.id,
    requested_by=KEEPER.id,
    decision=None,
    decided_by=None,
    decided_at=None,
    used=False,
)
APPROVED = replace(WAITING, decision="approved", decided_by=HEAD.id, decided_at=DECIDED)


def code(fn, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as ei:
        fn(*args)
    assert ei.value.article.startswith("Art."), ei.value
    return ei.value.code


# ------------------------------------------------------------------ who asks
def test_the_retriever_asks_or_a_keeper_asks_for_him() -> None:
    ra.check_request(CASE, HANDLER, HANDLER, RetrievalReason.CASE_HANDLING, 4)
    ra.check_request(CASE, HANDLER, KEEPER, RetrievalReason.CASE_HANDLING, 4)
    ra.check_request(CASE, REVIEWER, REVIEWER, RetrievalReason.CASE_REVIEW, 4)
    assert (
        code(ra.check_request, CASE, HANDLER, OTHER_HANDLER, RetrievalReason.CASE_HANDLING, 4)
        == "request_for_another"
    )


def test_a_request_fits_the_retrievers_duty_and_gives_the_usage_time() -> None:
    assert (
        code(ra.check_request, CASE, HANDLER, KEEPER, RetrievalReason.CASE_REVIEW, 4)
        == "retriever_not_allowed"
    )
    outsider = person(8, "H009", Role.CASE_HANDLER)
    assert (
        code(ra.check_request, CASE, outsider, KEEPER, RetrievalReason.CASE_HANDLING, 4)
        == "not_case_handler"
    )
    for hours in (0, -1, 24 * 90 + 1):
        assert (
            code(ra.check_request, CASE, HANDLER, KEEPER, RetrievalReason.CASE_HANDLING, hours)
            == "bad_usage_time"
        )
    archived = replace(CASE, status=CaseStatus.ARCHIVED)
    assert (
        code(ra.check_request, archived, HANDLER, KEEPER, RetrievalReason.CASE_HANDLING, 4)
        == "case_archived"
    )


# ------------------------------------------------------------------ who approves
def test_only_the_head_of_the_cases_department_approves() -> None:
    ra.check_retrieval_approver(HEAD, CASE, CRIM_DEPT, WAITING)
    assert (
        code(ra.check_retrieval_approver, OTHER_HEAD, CASE, CRIM_DEPT, WAITING)
        == "not_head_of_case_dept"
    )
    # the head of another department, with that department given: it is not the case's
    assert (
        code(ra.check_retrieval_approver, OTHER_HEAD, CASE, DRUG_DEPT, WAITING)
        == "wrong_department"
    )
    for nobody in (KEEPER, HANDLER, REVIEWER):
        assert (
            code(ra.check_retrieval_approver, nobody, CASE, CRIM_DEPT, WAITING)
            == "not_head_of_case_dept"
        )


def test_the_approver_is_never_the_retriever_nor_who_asked() -> None:
    dept = replace(CRIM_DEPT, head_id=KEEPER_HEAD.id)
    asked_by_him = replace(WAITING, requested_by=KEEPER_HEAD.id)
    assert (
        code(ra.check_retrieval_approver, KEEPER_HEAD, CASE, dept, asked_by_him) == "self_approval"
    )
    for_himself = replace(WAITING, retriever_id=KEEPER_HEAD.id)
    assert (
        code(ra.check_retrieval_approver, KEEPER_HEAD, CASE, dept, for_himself) == "self_approval"
    )


def test_a_request_is_decided_once() -> None:
    assert code(ra.check_retrieval_approver, HEAD, CASE, CRIM_DEPT, APPROVED) == "already_decided"


# ------------------------------------------------------------------ the checkout
def test_the_checkout_uses_an_approved_request_for_that_disc_and_retriever() -> None:
    ra.check_request_usable(APPROVED, 50, HANDLER.id, KEEPER.id, DECIDED + timedelta(hours=1))
    at = DECIDED + timedelta(hours=1)
    assert code(ra.check_request_usable, APPROVED, 51, HANDLER.id, KEEPER.id, at) == (
        "request_other_disc"
    )
    assert code(ra.check_request_usable, APPROVED, 50, OTHER_HANDLER.id, KEEPER.id, at) == (
        "request_other_retriever"
    )
    assert code(ra.check_request_usable, WAITING, 50, HANDLER.id, KEEPER.id, at) == (
        "request_not_approved"
    )
    refused = replace(APPROVED, decision="refused")
    assert code(ra.check_request_usable, refused, 50, HANDLER.id, KEEPER.id, at) == (
        "request_not_approved"
    )


def test_one_approval_one_retrieval() -> None:
    used = replace(APPROVED, used=True)
    at = DECIDED + timedelta(hours=1)
    assert code(ra.check_request_usable, used, 50, HANDLER.id, KEEPER.id, at) == "request_used"


def test_never_approved_by_the_keeper_who_gives_the_disc_out() -> None:
    by_keeper = replace(APPROVED, decided_by=KEEPER_HEAD.id)
    at = DECIDED + timedelta(hours=1)
    assert code(ra.check_request_usable, by_keeper, 50, HANDLER.id, KEEPER_HEAD.id, at) == (
        "self_approval"
    )


def test_an_approval_lapses() -> None:
    last = DECIDED + ra.APPROVAL_VALID_FOR
    ra.check_request_usable(APPROVED, 50, HANDLER.id, KEEPER.id, last)
    late = last + timedelta(seconds=1)
    assert code(ra.check_request_usable, APPROVED, 50, HANDLER.id, KEEPER.id, late) == (
        "request_expired"
    )
