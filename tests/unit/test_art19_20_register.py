"""Articles 19 and 20 (with Art. 16 and 21): the special retrieval register and transfers.

Art. 19: the duplicate may be retrieved for case handling, case review, law-enforcement
supervision or complaint investigation; a court or procuratorate request is served by
transferring the duplicate disc within three days, hard-drive recordings transcribed to disc
first. Art. 20: the keeper registers retriever, time, reason, estimated usage time and
approver, both retriever and keeper sign; the disc comes back promptly after use; the keeper
inspects it and records damage, replacement or loss truthfully, reported to the department
head. Art. 21: access is limited by duty.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from keeper_app.domain import rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import (
    Case,
    CaseStatus,
    CopyRole,
    Inspection,
    Person,
    RetrievalReason,
    Role,
)

CRIM, LEGAL = 10, 30
OUT_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def person(pid: int, badge: str, *roles: Role, active: bool = True) -> Person:
    return Person(
        pid, badge, f"name-{badge}", frozenset(roles), unit_id=1, department_id=CRIM, active=active
    )


HANDLER = person(1, "H001", Role.CASE_HANDLER)
OTHER_HANDLER = person(2, "H003", Role.CASE_HANDLER)  # not a handler of CASE
KEEPER = person(3, "K001", Role.KEEPER)
HEAD = person(4, "D001", Role.DEPT_HEAD)
OTHER_HEAD = person(5, "D002", Role.DEPT_HEAD)
REVIEWER = person(6, "R001", Role.REVIEWER)
KEEPER_HANDLER = person(7, "K002", Role.KEEPER, Role.CASE_HANDLER)  # handles CASE
KEEPER_REVIEWER = person(8, "K003", Role.KEEPER, Role.REVIEWER)
COURT_CLERK = person(9, "C001", Role.OUTSIDE_RETRIEVER)

CASE = Case(100, "A2026-001", "王某某故意伤害案", CRIM, CaseStatus.OPEN, frozenset({1, 7}))

#: Art. 19, 21, written out from the law: a case handler retrieves for handling their case;
#: case review, supervision and complaint investigation are the reviewers' (legal affairs)
#: and the department heads' work. Nobody else takes the duplicate out: the keeper keeps it,
#: the administrator has no case duty, a court or procuratorate is served by a transfer.
EXPECTED_RETRIEVERS: dict[RetrievalReason, set[Role]] = {
    RetrievalReason.CASE_HANDLING: {Role.CASE_HANDLER},
    RetrievalReason.CASE_REVIEW: {Role.REVIEWER, Role.DEPT_HEAD},
    RetrievalReason.SUPERVISION: {Role.REVIEWER, Role.DEPT_HEAD},
    RetrievalReason.COMPLAINT: {Role.REVIEWER, Role.DEPT_HEAD},
}


def violation(fn: Any, *args: Any, **kw: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        fn(*args, **kw)
    assert ei.value.article
    return ei.value


def retrieve(
    retriever: Person = HANDLER,
    approver: Person = HEAD,
    keeper: Person = KEEPER,
    reason: RetrievalReason = RetrievalReason.CASE_HANDLING,
    hours: Any = 8,
    case: Case = CASE,
) -> None:
    rules.check_retrieval(case, retriever, approver, keeper, reason, hours)


# ---------------------------------------------------------------- reasons
@pytest.mark.parametrize("reason", list(RetrievalReason))
def test_the_four_reasons_of_article_19_parse(reason: RetrievalReason) -> None:
    assert rules.parse_retrieval_reason(reason.value) is reason


def test_the_reasons_are_exactly_the_four_of_article_19() -> None:
    assert {r.value for r in RetrievalReason} == {
        "case_handling",
        "case_review",
        "supervision",
        "complaint",
    }


@pytest.mark.parametrize("text", ["", "court", "procuratorate", "curiosity", "CASE_REVIEW"])
def test_any_other_reason_is_refused_listing_the_four(text: str) -> None:
    e = violation(rules.parse_retrieval_reason, text)
    assert e.code == "bad_retrieval_reason"
    assert f"'{text}'" in e.message
    for r in RetrievalReason:
        assert r.value in e.message
    assert "transfer" in e.message  # where a court request goes instead
    assert "Art. 19" in e.article


# ---------------------------------------------------------------- who may retrieve
def test_expected_retriever_table_matches_the_rules_table() -> None:
    assert {k: set(v) for k, v in rules.RETRIEVER_ROLES.items()} == EXPECTED_RETRIEVERS


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("reason", list(RetrievalReason))
def test_role_fit_per_reason(reason: RetrievalReason, role: Role) -> None:
    # a person with just this role, handling the case (so case handling can pass)
    who = Person(50, "P050", "某人", frozenset({role}), unit_id=1, department_id=CRIM)
    case = Case(100, "A2026-001", "某案", CRIM, CaseStatus.OPEN, frozenset({50}))
    approver = OTHER_HEAD
    if role in EXPECTED_RETRIEVERS[reason]:
        rules.check_retrieval(case, who, approver, KEEPER, reason, 8)
    else:
        with pytest.raises(RuleViolation) as ei:
            rules.check_retrieval(case, who, approver, KEEPER, reason, 8)
        assert ei.value.code == "retriever_not_allowed"
        assert reason.value in ei.value.message
        for r in EXPECTED_RETRIEVERS[reason]:
            assert r.value in ei.value.message


def test_a_case_handler_retrieves_only_for_a_case_they_handle() -> None:
    retrieve(HANDLER)
    e = violation(retrieve, OTHER_HANDLER)
    assert e.code == "not_case_handler"
    assert "A2026-001" in e.message


def test_review_reasons_do_not_need_to_handle_the_case() -> None:
    for reason in (
        RetrievalReason.CASE_REVIEW,
        RetrievalReason.SUPERVISION,
        RetrievalReason.COMPLAINT,
    ):
        retrieve(REVIEWER, reason=reason)
        retrieve(OTHER_HEAD, approver=HEAD, reason=reason)


def test_a_case_handler_cannot_retrieve_for_review() -> None:
    e = violation(retrieve, HANDLER, HEAD, KEEPER, RetrievalReason.CASE_REVIEW)
    assert e.code == "retriever_not_allowed"


def test_keeper_must_be_a_keeper_and_not_a_handler_of_the_case() -> None:
    assert violation(retrieve, HANDLER, HEAD, REVIEWER).code == "not_keeper"
    assert violation(retrieve, HANDLER, HEAD, KEEPER_HANDLER).code == "keeper_is_handler"


def test_retriever_and_keeper_are_two_people() -> None:
    e = violation(retrieve, KEEPER_REVIEWER, HEAD, KEEPER_REVIEWER, RetrievalReason.CASE_REVIEW)
    assert e.code == "same_person"
    assert KEEPER_REVIEWER.name in e.message


def test_approver_must_be_a_department_head() -> None:
    for approver in (REVIEWER, KEEPER, OTHER_HANDLER):
        e = violation(retrieve, HANDLER, approver)
        assert e.code == "approver_not_head"
        assert approver.name in e.message
        assert "Art. 20" in e.article


def test_approver_is_not_the_retriever() -> None:
    e = violation(retrieve, HEAD, HEAD, KEEPER, RetrievalReason.SUPERVISION)
    assert e.code == "self_approval"
    assert HEAD.name in e.message


@pytest.mark.parametrize("hours", [1, 8, rules.MAX_USAGE_HOURS])
def test_estimated_usage_hours_in_bounds(hours: int) -> None:
    retrieve(hours=hours)


@pytest.mark.parametrize("hours", [0, -1, rules.MAX_USAGE_HOURS + 1, 1.5, "8", None])
def test_estimated_usage_hours_out_of_bounds(hours: Any) -> None:
    e = violation(retrieve, hours=hours)
    assert e.code == "bad_usage_time"
    assert f"1 to {rules.MAX_USAGE_HOURS} hours" in e.message


def test_max_usage_hours_is_ninety_days() -> None:
    assert rules.MAX_USAGE_HOURS == 24 * 90


def test_archived_case_is_refused() -> None:
    archived = Case(100, "A2026-001", "某案", CRIM, CaseStatus.ARCHIVED, frozenset({1}))
    e = violation(retrieve, case=archived)
    assert e.code == "case_archived"
    assert "A2026-001" in e.message


def test_concluded_case_may_still_be_retrieved_before_archiving() -> None:
    concluded = Case(100, "A2026-001", "某案", CRIM, CaseStatus.CONCLUDED, frozenset({1}))
    retrieve(case=concluded)


def test_inactive_retriever_is_refused() -> None:
    gone = person(1, "H001", Role.CASE_HANDLER, active=False)
    e = violation(retrieve, gone)
    assert e.code == "inactive"
    assert gone.name in e.message


def test_retrieval_due_at_the_end_of_the_estimated_usage_time() -> None:
    assert rules.retrieval_due(OUT_AT, 8) == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    assert rules.retrieval_due(OUT_AT, 48) == OUT_AT + timedelta(days=2)


# ---------------------------------------------------------------- return and inspection
@pytest.mark.parametrize("result", list(Inspection))
def test_the_four_inspection_results_parse(result: Inspection) -> None:
    assert rules.parse_inspection(result.value) is result


@pytest.mark.parametrize("text", ["", "ok", "INTACT", "broken"])
def test_any_other_inspection_result_is_refused(text: str) -> None:
    e = violation(rules.parse_inspection, text)
    assert e.code == "bad_inspection"
    for i in Inspection:
        assert i.value in e.message


def test_anything_but_intact_needs_an_incident() -> None:
    assert rules.needs_incident(Inspection.INTACT) is False
    for i in (Inspection.DAMAGED, Inspection.REPLACED, Inspection.LOST):
        assert rules.needs_incident(i) is True


def test_intact_return_needs_no_description() -> None:
    rules.check_return(Inspection.INTACT, None)
    rules.check_return(Inspection.INTACT, "")


@pytest.mark.parametrize("inspection", [Inspection.DAMAGED, Inspection.REPLACED, Inspection.LOST])
def test_a_non_intact_return_must_say_what_was_found(inspection: Inspection) -> None:
    for blank in (None, "", "   "):
        e = violation(rules.check_return, inspection, blank)
        assert e.code == "missing_field"
        assert inspection.value in e.message
    rules.check_return(inspection, "盘面有划痕，第二个文件读取失败")
    assert violation(rules.check_return, inspection, "x" * 1001).code == "field_too_long"


# ---------------------------------------------------------------- courts
def test_court_deadline_is_three_days() -> None:
    assert rules.court_deadline(OUT_AT) == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


def test_a_duplicate_goes_to_court_staff() -> None:
    rules.check_court_transfer(CopyRole.DUPLICATE, COURT_CLERK)


def test_hard_drive_recordings_are_burned_to_disc_first() -> None:
    e = violation(rules.check_court_transfer, CopyRole.HARD_DRIVE, COURT_CLERK)
    assert e.code == "burn_first"
    assert "Art. 19" in e.article


def test_the_original_is_never_transferred() -> None:
    e = violation(rules.check_court_transfer, CopyRole.ORIGINAL, COURT_CLERK)
    assert e.code == "original_not_retrievable"


@pytest.mark.parametrize("who", [HANDLER, KEEPER, HEAD, REVIEWER])
def test_the_recipient_must_be_court_or_procuratorate_staff(who: Person) -> None:
    e = violation(rules.check_court_transfer, CopyRole.DUPLICATE, who)
    assert e.code == "not_outside_retriever"
    assert who.name in e.message


def test_a_report_is_acknowledged_once_by_the_head_it_was_reported_to() -> None:
    """Art. 20: reported to the head of the case-handling department, who receives it."""
    rules.check_acknowledgement("incident #1", False, HEAD.id, HEAD)
    other = person(9, "D009", Role.DEPT_HEAD)
    with pytest.raises(RuleViolation) as e:
        rules.check_acknowledgement("incident #1", False, HEAD.id, other)
    assert e.value.code == "not_addressed" and "incident #1" in e.value.message
    with pytest.raises(RuleViolation) as e:
        rules.check_acknowledgement("incident #1", True, HEAD.id, HEAD)
    assert e.value.code == "already_acknowledged"
