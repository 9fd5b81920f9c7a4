"""Article 16 para 3: after the investigation is concluded, the recordings and the case file
go to the archives management department for safekeeping.

Every disc still held for the case is scanned at the handover; none may be out, unsealed or
never handed over; media already accounted for (damaged, replaced, lost, transferred to a
court, archived) are not expected.
"""

from __future__ import annotations

from typing import Any

import pytest

from keeper_app.domain import rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import (
    Case,
    CaseStatus,
    Department,
    DeptKind,
    MediumStatus,
    Person,
    Role,
)

S = MediumStatus
O1, D1 = "31012026000001OX", "31012026000001DX"  # codes are opaque strings to this rule
O2, D2 = "31012026000002OX", "31012026000002DX"
OTHER = "31012026000099DX"


def case(status: CaseStatus = CaseStatus.CONCLUDED) -> Case:
    return Case(100, "A2026-001", "王某某故意伤害案", 10, status, frozenset({1}))


def violation(fn: Any, *args: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        fn(*args)
    assert ei.value.article == "Art. 16"
    return ei.value


def test_all_held_media_scanned_are_archived() -> None:
    media = [(O1, S.SEALED), (D1, S.IN_CUSTODY), (O2, S.SEALED), (D2, S.IN_CUSTODY)]
    got = rules.check_archive(case(), media, [D2, O1, D1, O2])
    assert got == sorted([O1, D1, O2, D2])


def test_scan_order_and_repeats_do_not_matter() -> None:
    media = [(O1, S.SEALED), (D1, S.IN_CUSTODY)]
    assert rules.check_archive(case(), media, iter([D1, O1, D1])) == [D1, O1]


@pytest.mark.parametrize("status", [CaseStatus.OPEN, CaseStatus.ARCHIVED])
def test_a_case_not_concluded_is_refused(status: CaseStatus) -> None:
    e = violation(rules.check_archive, case(status), [(O1, S.SEALED)], [O1])
    assert e.code == "case_not_concluded"
    assert "A2026-001" in e.message and status.value in e.message


@pytest.mark.parametrize("status", [S.OUT, S.UNSEALED, S.BURNED])
def test_media_out_unsealed_or_never_handed_over_block_and_are_named(
    status: MediumStatus,
) -> None:
    media = [(O1, S.SEALED), (D1, status), (O2, S.SEALED), (D2, S.IN_CUSTODY)]
    e = violation(rules.check_archive, case(), media, [O1, D1, O2, D2])
    assert e.code == "media_not_in_custody"
    assert f"{D1} ({status.value})" in e.message
    assert O1 not in e.message and D2 not in e.message


def test_every_blocking_medium_is_named() -> None:
    media = [(O1, S.UNSEALED), (D1, S.OUT), (O2, S.SEALED)]
    e = violation(rules.check_archive, case(), media, [O2])
    assert e.code == "media_not_in_custody"
    assert f"{O1} (unsealed)" in e.message and f"{D1} (out)" in e.message


def test_missing_scans_are_listed() -> None:
    media = [(O1, S.SEALED), (D1, S.IN_CUSTODY), (O2, S.SEALED), (D2, S.IN_CUSTODY)]
    e = violation(rules.check_archive, case(), media, [O1])
    assert e.code == "archive_missing"
    for code in (D1, O2, D2):
        assert code in e.message
    assert e.message.split(": ", 1)[1] == ", ".join(sorted([D1, O2, D2]))


def test_nothing_scanned_lists_everything() -> None:
    e = violation(rules.check_archive, case(), [(O1, S.SEALED), (D1, S.IN_CUSTODY)], [])
    assert e.code == "archive_missing"
    assert O1 in e.message and D1 in e.message


def test_a_scanned_code_not_of_the_case_is_refused() -> None:
    media = [(O1, S.SEALED), (D1, S.IN_CUSTODY)]
    e = violation(rules.check_archive, case(), media, [O1, D1, OTHER])
    assert e.code == "not_of_case"
    assert OTHER in e.message
    assert O1 not in e.message


@pytest.mark.parametrize("status", [S.DAMAGED, S.REPLACED, S.LOST, S.TRANSFERRED, S.ARCHIVED])
def test_accounted_media_are_not_expected(status: MediumStatus) -> None:
    media = [(O1, S.SEALED), (D1, status)]
    assert rules.check_archive(case(), media, [O1]) == [O1]
    # and scanning one is an error: it is not held for the case any more
    e = violation(rules.check_archive, case(), media, [O1, D1])
    assert e.code == "not_of_case"
    assert D1 in e.message


def test_a_case_with_nothing_held_has_nothing_to_archive() -> None:
    e = violation(rules.check_archive, case(), [(D1, S.TRANSFERRED), (O1, S.ARCHIVED)], [])
    assert e.code == "nothing_to_archive"
    e = violation(rules.check_archive, case(), [], [])
    assert e.code == "nothing_to_archive"


def test_hard_drive_volume_in_custody_is_archived_too() -> None:
    hd = "31012026000003HX"
    assert rules.check_archive(case(), [(hd, S.IN_CUSTODY)], [hd]) == [hd]


# ---------------------------------------------------------------- receiver
def person(dept: int | None) -> Person:
    return Person(
        9, "A001", "钱档案", frozenset({Role.CASE_HANDLER}), unit_id=1, department_id=dept
    )


ARCHIVES = Department(40, "档案室", DeptKind.ARCHIVES, head_id=None)
LEGAL = Department(30, "法制大队", DeptKind.LEGAL, head_id=None)
CRIM = Department(10, "刑事侦查大队", DeptKind.CASE_HANDLING, head_id=1)


def test_the_archives_department_receives() -> None:
    rules.check_archives_receiver(person(40), ARCHIVES)


@pytest.mark.parametrize("dept", [LEGAL, CRIM, None])
def test_anyone_outside_the_archives_department_is_refused(dept: Department | None) -> None:
    e = violation(rules.check_archives_receiver, person(dept.id if dept else None), dept)
    assert e.code == "not_archives"
    assert "钱档案" in e.message
