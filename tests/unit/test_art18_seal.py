"""Article 18: the sealed original.

The original disc is not unsealed except to reproduce a damaged or lost duplicate, or to
check a duplicate whose authenticity is in doubt; retrieving it is approved by the person in
charge of the case-handling department; it is resealed promptly after use. With Art. 129 of
the supervision seed: a reseal uses a new seal and two different people sign.
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
    Department,
    DeptKind,
    MediumStatus,
    Person,
    Role,
    UnsealReason,
)

CRIM, DRUG, LEGAL = 10, 11, 30


def person(pid: int, badge: str, name: str, *roles: Role, dept: int | None = CRIM) -> Person:
    return Person(pid, badge, name, frozenset(roles), unit_id=1, department_id=dept)


CRIM_HEAD = person(1, "D001", "周大队长", Role.DEPT_HEAD)
DRUG_HEAD = person(2, "D002", "吴大队长", Role.DEPT_HEAD, dept=DRUG)
HANDLER = person(3, "H001", "张办案", Role.CASE_HANDLER)
KEEPER = person(4, "K001", "李保管", Role.KEEPER, dept=LEGAL)
# the recorded head of the department who no longer holds the head role
FORMER_HEAD = person(5, "D009", "郑前队长", Role.CASE_HANDLER)

CRIM_DEPT = Department(CRIM, "刑事侦查大队", DeptKind.CASE_HANDLING, head_id=1)
DRUG_DEPT = Department(DRUG, "禁毒大队", DeptKind.CASE_HANDLING, head_id=2)
CASE = Case(100, "A2026-001", "王某某故意伤害案", CRIM, CaseStatus.OPEN, frozenset({3}))


def violation(fn: Any, *args: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        fn(*args)
    assert "Art. 18" in ei.value.article or "Art. 20" in ei.value.article
    return ei.value


# ---------------------------------------------------------------- unseal request
@pytest.mark.parametrize("reason", list(UnsealReason))
def test_a_sealed_original_may_be_opened_for_the_two_reasons(reason: UnsealReason) -> None:
    got = rules.check_unseal_request(CopyRole.ORIGINAL, MediumStatus.SEALED, reason.value)
    assert got is reason


def test_the_two_reasons_are_exactly_those_of_article_18() -> None:
    assert {r.value for r in UnsealReason} == {"reproduce_duplicate", "check_duplicate"}


@pytest.mark.parametrize("copy_role", [CopyRole.DUPLICATE, CopyRole.HARD_DRIVE])
def test_only_an_original_is_unsealed(copy_role: CopyRole) -> None:
    e = violation(rules.check_unseal_request, copy_role, MediumStatus.SEALED, "check_duplicate")
    assert e.code == "not_original"


@pytest.mark.parametrize("status", [s for s in MediumStatus if s != MediumStatus.SEALED])
def test_only_a_sealed_original_is_unsealed(status: MediumStatus) -> None:
    e = violation(rules.check_unseal_request, CopyRole.ORIGINAL, status, "reproduce_duplicate")
    assert e.code == "not_sealed"
    assert status.value in e.message


@pytest.mark.parametrize(
    "reason", ["", "case_handling", "court", "curiosity", "REPRODUCE_DUPLICATE", "check"]
)
def test_any_other_reason_is_refused_listing_the_allowed_ones(reason: str) -> None:
    e = violation(rules.check_unseal_request, CopyRole.ORIGINAL, MediumStatus.SEALED, reason)
    assert e.code == "bad_unseal_reason"
    assert f"'{reason}'" in e.message
    assert "reproduce_duplicate" in e.message and "check_duplicate" in e.message
    assert "damaged or lost" in e.message and "authenticity" in e.message


# ---------------------------------------------------------------- approver
def test_the_head_of_the_case_department_approves() -> None:
    rules.check_approver_is_head(CRIM_HEAD, CASE, CRIM_DEPT)


def test_the_head_of_another_department_is_refused() -> None:
    # given the case's department: not its head
    e = violation(rules.check_approver_is_head, DRUG_HEAD, CASE, CRIM_DEPT)
    assert e.code == "not_head_of_case_dept"
    assert DRUG_HEAD.name in e.message and CRIM_DEPT.name in e.message
    assert "A2026-001" in e.message
    # given their own department: it is not the case's department
    e = violation(rules.check_approver_is_head, DRUG_HEAD, CASE, DRUG_DEPT)
    assert e.code == "wrong_department"


@pytest.mark.parametrize("who", [HANDLER, KEEPER])
def test_a_non_head_is_refused(who: Person) -> None:
    e = violation(rules.check_approver_is_head, who, CASE, CRIM_DEPT)
    assert e.code == "not_head_of_case_dept"
    assert who.name in e.message


def test_the_recorded_head_without_the_head_role_is_refused() -> None:
    dept = Department(CRIM, "刑事侦查大队", DeptKind.CASE_HANDLING, head_id=FORMER_HEAD.id)
    e = violation(rules.check_approver_is_head, FORMER_HEAD, CASE, dept)
    assert e.code == "not_head_of_case_dept"


def test_a_department_without_a_head_has_nobody_to_approve() -> None:
    dept = Department(CRIM, "刑事侦查大队", DeptKind.CASE_HANDLING, head_id=None)
    e = violation(rules.check_approver_is_head, CRIM_HEAD, CASE, dept)
    assert e.code == "not_head_of_case_dept"


# ---------------------------------------------------------------- new seal
def test_a_new_seal_number_is_accepted_and_trimmed() -> None:
    assert rules.check_new_seal("  S-0002 ", ["S-0001"]) == "S-0002"
    assert rules.check_new_seal("S" * rules.SEAL_NO_MAX, []) == "S" * rules.SEAL_NO_MAX


@pytest.mark.parametrize("seal", ["", "   ", "\t"])
def test_blank_seal_number_is_refused(seal: str) -> None:
    e = violation(rules.check_new_seal, seal, [])
    assert e.code == "missing_field"
    assert "seal number" in e.message


def test_too_long_seal_number_is_refused() -> None:
    e = violation(rules.check_new_seal, "S" * (rules.SEAL_NO_MAX + 1), [])
    assert e.code == "field_too_long"
    assert str(rules.SEAL_NO_MAX) in e.message


@pytest.mark.parametrize("seal", ["S-0001", " S-0001", "S-0001\n"])
def test_a_used_seal_number_is_refused(seal: str) -> None:
    e = violation(rules.check_new_seal, seal, ["S-0000", "S-0001"])
    assert e.code == "seal_reused"
    assert "S-0001" in e.message and "new seal" in e.message


def test_used_seal_numbers_may_be_any_iterable() -> None:
    used = (s for s in ["S-1", "S-2"])
    assert violation(rules.check_new_seal, "S-2", used).code == "seal_reused"


# ---------------------------------------------------------------- two signers
def test_two_different_signers_pass() -> None:
    rules.check_two_signers([KEEPER.id, HANDLER.id])
    rules.check_two_signers([1, 2, 3])


def test_the_same_person_cannot_sign_twice() -> None:
    e = violation(rules.check_two_signers, [KEEPER.id, KEEPER.id], [KEEPER.name])
    assert e.code == "same_person"
    assert KEEPER.name in e.message and "two different people" in e.message
    assert violation(rules.check_two_signers, [1, 2, 1]).code == "same_person"


@pytest.mark.parametrize("ids", [[], [4]])
def test_one_signer_is_not_enough(ids: list[int]) -> None:
    e = violation(rules.check_two_signers, ids)
    assert e.code == "missing_signature"
    assert "two signatures" in e.message


# ---------------------------------------------------------------- reseal deadline
def test_reseal_is_due_the_same_working_day_by_default() -> None:
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    assert rules.DEFAULT_RESEAL_LIMIT == timedelta(hours=8)
    assert rules.reseal_deadline(at) == datetime(2026, 3, 2, 17, 30, tzinfo=UTC)
    assert rules.reseal_deadline(at, timedelta(hours=2)) == datetime(2026, 3, 2, 11, 30, tzinfo=UTC)
