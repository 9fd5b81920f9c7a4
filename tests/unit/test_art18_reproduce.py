"""Article 18: the original is opened "to reproduce a damaged or lost duplicate" or "to check a
duplicate whose authenticity is in doubt" — reasons backed by facts; the use of the opened
original is a register entry (Art. 18, 20; Art. 129 of the supervision draft: staff of the
organ, two people); a duplicate is reproduced only from the original opened for that reason,
in place of one damaged, lost or replaced; until then the pair has no usable duplicate.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from keeper_app.domain import deadlines, rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.lifecycle import Action, next_status
from keeper_app.domain.model import CopyRole, MediumStatus, Person, Role, UnsealReason
from keeper_app.domain.replay import Step, StepKind, replay

S = MediumStatus
UNUSABLE = [S.DAMAGED, S.REPLACED, S.LOST]
USABLE = [S.IN_CUSTODY, S.OUT, S.BURNED, S.TRANSFERRED, S.ARCHIVED, S.RETIRED]
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def person(pid: int, badge: str, *roles: Role, active: bool = True) -> Person:
    return Person(pid, badge, badge, frozenset(roles), unit_id=1, active=active)


KEEPER = person(1, "K001", Role.KEEPER)
HANDLER = person(2, "H001", Role.CASE_HANDLER)
CLERK = person(3, "C001", Role.OUTSIDE_RETRIEVER)


def violation(fn: Any, *args: Any, **kw: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        fn(*args, **kw)
    assert "Art. 18" in ei.value.article or "Art. 129" in ei.value.article
    return ei.value


# ---------------------------------------------------------------- reasons backed by facts
@pytest.mark.parametrize("status", UNUSABLE)
def test_reproduce_is_a_reason_only_when_the_duplicate_is_unusable(status: MediumStatus) -> None:
    dups = [(7, "D-OLD", S.RETIRED), (8, "D-1", status)]
    assert rules.check_unseal_grounds(UnsealReason.REPRODUCE_DUPLICATE, dups) == (8, "", "")


@pytest.mark.parametrize("status", USABLE)
def test_reproduce_is_refused_while_the_duplicate_is_not_damaged_lost_or_replaced(
    status: MediumStatus,
) -> None:
    e = violation(
        rules.check_unseal_grounds, UnsealReason.REPRODUCE_DUPLICATE, [(8, "D-1", status)]
    )
    assert e.code == "duplicate_not_unusable"
    assert f"D-1 ({status.value})" in e.message


def test_check_needs_who_doubts_the_duplicate_and_why() -> None:
    dups = [(8, "D-1", S.IN_CUSTODY)]
    for who, why in (("", ""), ("辩护律师王某", ""), ("", "时间码不连续"), ("  ", "x")):
        e = violation(rules.check_unseal_grounds, UnsealReason.CHECK_DUPLICATE, dups, who, why)
        assert e.code == "missing_field"
    got = rules.check_unseal_grounds(
        UnsealReason.CHECK_DUPLICATE, dups, " 辩护律师王某 ", "时间码不连续 "
    )
    assert got == (None, "辩护律师王某", "时间码不连续")


def test_an_unusable_duplicate_means_the_pair_has_none_usable() -> None:
    assert rules.unusable_duplicate([(8, "D", S.IN_CUSTODY)]) is None
    assert rules.unusable_duplicate([(8, "D", S.LOST)]) == 8
    # once reproduced, the old one is retired and the new one serves
    assert rules.unusable_duplicate([(8, "D", S.RETIRED), (9, "D2", S.IN_CUSTODY)]) is None


# ---------------------------------------------------------------- the use entry
def test_the_use_of_the_original_is_signed_by_its_user_and_the_keeper() -> None:
    rules.check_original_use(HANDLER, KEEPER, 2)
    e = violation(rules.check_original_use, KEEPER, KEEPER, 2)
    assert e.code == "same_person"


def test_the_user_of_the_original_is_staff_of_the_organ() -> None:
    e = violation(rules.check_original_use, CLERK, KEEPER, 2)
    assert e.code == "user_not_staff"
    e = violation(
        rules.check_original_use, person(5, "H009", Role.CASE_HANDLER, active=False), KEEPER, 2
    )
    assert e.code == "inactive"


@pytest.mark.parametrize("hours", [0, -1, 25, True, 2.5])
def test_the_estimated_use_is_short(hours: Any) -> None:
    e = violation(rules.check_original_use, HANDLER, KEEPER, hours)
    assert e.code == "bad_usage_time"


# ---------------------------------------------------------------- the reproduction
def test_a_duplicate_is_reproduced_from_the_original_opened_to_reproduce_it() -> None:
    rules.check_reproduction("reproduce_duplicate", S.UNSEALED, S.DAMAGED)
    for status in (S.SEALED, S.ARCHIVED):
        assert violation(
            rules.check_reproduction, "reproduce_duplicate", status, S.DAMAGED
        ).code == ("not_unsealed")
    e = violation(rules.check_reproduction, "check_duplicate", S.UNSEALED, S.DAMAGED)
    assert e.code == "not_unsealed_to_reproduce"
    e = violation(rules.check_reproduction, None, S.UNSEALED, S.DAMAGED)
    assert e.code == "not_unsealed_to_reproduce"
    for dup in (None, S.IN_CUSTODY, S.RETIRED):
        e = violation(rules.check_reproduction, "reproduce_duplicate", S.UNSEALED, dup)
        assert e.code == "duplicate_not_unusable"


@pytest.mark.parametrize("status", UNUSABLE)
def test_the_replaced_duplicate_is_retired(status: MediumStatus) -> None:
    got = next_status(CopyRole.DUPLICATE, status, Action.REPRODUCE_DUPLICATE)
    assert got == S.RETIRED
    assert S.RETIRED in rules.ACCOUNTED  # it does not keep a concluded case from the archives


def test_replay_knows_the_reproduced_and_the_retired_duplicates() -> None:
    at = "2026-11-20T09:00:00Z"
    new = replay(CopyRole.DUPLICATE, [[Step(StepKind.REPRODUCED, 1, at, location="柜B-02")]])
    assert (new.status, new.location, new.problems) == (S.IN_CUSTODY, "柜B-02", [])
    old = replay(
        CopyRole.DUPLICATE,
        [
            [Step(StepKind.HANDOVER, 1, "2026-11-19T09:00:00Z", location="柜B-01")],
            [Step(StepKind.RETRIEVAL, 1, "2026-11-19T10:00:00Z")],
            [Step(StepKind.RETURN, 1, "2026-11-19T11:00:00Z", inspection="lost")],
            [Step(StepKind.RETIRED, 1, at)],
        ],
    )
    assert (old.status, old.problems) == (S.RETIRED, [])


# ---------------------------------------------------------------- the due board
def test_no_usable_duplicate_is_shown_from_the_moment_it_became_unusable() -> None:
    since = T0 - timedelta(days=3)
    [d] = deadlines.due_items(T0, no_duplicate=[("O-1", "A2026-001", since)])
    assert (d.kind, d.medium_code, d.due_at, d.late) == ("no_usable_duplicate", "O-1", since, False)
    assert deadlines.due_items(T0) == []
