"""Issue 14, points 3 and 4, as plain rules (keeper_app.domain.court): Art. 19 para 2 (a
court's or procuratorate's request lists what it asks; the duplicate carrying it goes; an
item not transferred ends with a reason), Art. 20 (three days, late for good), Art. 16-17
(no conclusion while a pair awaits handover; the counter never offers a refused handover)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import court
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.lifecycle import Action, available_actions
from keeper_app.domain.model import CopyRole, MediumStatus

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
Item = court.Item


def test_art19_whole_case_is_expanded_to_the_interrogations_at_registration() -> None:
    recs, media = court.expand_request([], [], True, [1, 2, 3], [10, 11], interrogations=[1, 3])
    assert (recs, media) == ([1, 3], [])
    recs, media = court.expand_request([2], [11], True, [1, 2, 3], [10, 11], interrogations=[1])
    assert (recs, media) == ([1, 2], [11])


def test_art19_a_request_names_something_of_the_case() -> None:
    with pytest.raises(RuleViolation) as ei:
        court.expand_request([], [], False, [1], [10])
    assert ei.value.code == "no_court_items" and ei.value.article == "Art. 19"
    with pytest.raises(RuleViolation) as ei:
        court.expand_request([], [], True, [1], [10], interrogations=[])
    assert ei.value.code == "no_court_items"
    with pytest.raises(RuleViolation) as ei:
        court.expand_request([1, 7], [10, 12], False, [1], [10])
    assert ei.value.code == "item_not_of_case"
    assert "recording #7" in ei.value.message and "medium #12" in ei.value.message


def test_art19_a_transfer_closes_the_items_its_disc_serves() -> None:
    items = [Item(1, recording_id=5), Item(2, recording_id=6), Item(3, medium_id=40)]
    assert court.items_closed_by(items, [40, 41], [5], "D1") == [1, 3]
    assert court.items_closed_by(items, [50, 51], [6], "D2") == [2]
    closed = [Item(1, recording_id=5, closed=True), Item(2, recording_id=6)]
    with pytest.raises(RuleViolation) as ei:
        court.items_closed_by(closed, [40], [5], "D9")
    assert ei.value.code == "not_requested" and "D9" in ei.value.message


def test_art19_a_request_stays_open_until_each_item_ends() -> None:
    assert court.is_open([Item(1, recording_id=5, closed=True), Item(2, medium_id=3)], 1)
    assert not court.is_open([Item(1, recording_id=5, closed=True)], 1)
    # a request registered before items were listed: served by its first transfer
    assert court.is_open([], 0) and not court.is_open([], 1)


def test_art19_an_item_ends_with_a_reason_once() -> None:
    assert court.check_item_reason(Item(1, recording_id=2), 1, " 撤回 ") == "撤回"
    for item, reason, code in [
        (None, "x", "unknown_item"),
        (Item(1, recording_id=2, closed=True), "x", "item_closed"),
        (Item(1, recording_id=2), "  ", "missing_field"),
        (Item(1, recording_id=2), "x" * (court.REASON_MAX + 1), "field_too_long"),
    ]:
        with pytest.raises(RuleViolation) as ei:
            court.check_item_reason(item, 1, reason)
        assert ei.value.code == code


def test_art20_three_days_then_late_for_good() -> None:
    assert not court.is_late(T0, T0 + timedelta(days=3))
    assert court.is_late(T0, T0 + timedelta(days=3, seconds=1))
    late = T0 + timedelta(days=4)
    assert court.needs_late_mark(T0, late, open_=True, marked=False)
    assert not court.needs_late_mark(T0, late, open_=True, marked=True)  # once
    assert not court.needs_late_mark(T0, late, open_=False, marked=False)
    assert not court.needs_late_mark(T0, T0 + timedelta(days=2), open_=True, marked=False)


def test_art16_17_no_conclusion_while_a_pair_awaits_handover() -> None:
    court.check_conclusion("A1", [])
    with pytest.raises(RuleViolation) as ei:
        court.check_conclusion("A1", ["X-D", "X-O", "X-O"])
    assert ei.value.code == "pairs_await_handover"
    assert "X-D, X-O" in ei.value.message and ei.value.article == "Art. 16-17"


@pytest.mark.parametrize("role", [CopyRole.ORIGINAL, CopyRole.DUPLICATE])
def test_art16_17_the_counter_offers_no_handover_for_a_case_not_open(role: CopyRole) -> None:
    def offered(case_open: bool, case_concluded: bool) -> list[Action]:
        return available_actions(
            role,
            MediumStatus.BURNED,
            case_open=case_open,
            case_concluded=case_concluded,
            unseal_approved=False,
            unseal_pending=False,
            court_request_open=False,
        )

    assert offered(True, False) == [Action.HANDOVER]
    assert offered(False, True) == []
    assert offered(False, False) == []


def test_art16_19_after_conclusion_only_a_transcription_for_a_court_is_burned() -> None:
    assert court.check_burn_for_case("A1", "open", [1, 2], []) is False
    assert court.check_burn_for_case("A1", "concluded", [2], [2, 3]) is True
    with pytest.raises(RuleViolation) as ei:
        court.check_burn_for_case("A1", "concluded", [2, 4], [2, 3])
    assert ei.value.code == "case_not_open" and "recording #4" in ei.value.message
    assert "recording #2" not in ei.value.message
    with pytest.raises(RuleViolation) as ei:
        court.check_burn_for_case("A1", "archived", [2], [2])
    assert ei.value.code == "case_not_open"


def test_art16_19_a_court_copy_burned_after_conclusion_is_handed_over() -> None:
    from keeper_app.domain import rules
    from keeper_app.domain.model import Case, CaseStatus, Person, Role

    concluded = T0 + timedelta(days=1)
    case = Case(1, "A1", "案", 1, CaseStatus.CONCLUDED, frozenset({5}), concluded_at=concluded)
    assert court.burned_after_conclusion(case, concluded + timedelta(hours=1))
    assert not court.burned_after_conclusion(case, concluded - timedelta(hours=1))
    handler = Person(5, "H1", "办案", frozenset({Role.CASE_HANDLER}), 1, 1)
    keeper = Person(6, "K1", "保管", frozenset({Role.KEEPER}), 1, 1)
    burned, now = concluded + timedelta(hours=1), concluded + timedelta(hours=2)
    with pytest.raises(RuleViolation) as ei:
        rules.check_handover(case, handler, keeper, burned, now)
    assert ei.value.code == "case_not_open"
    assert (
        rules.check_handover(case, handler, keeper, burned, now, for_court_after_conclusion=True)
        is False
    )
    archived = Case(1, "A1", "案", 1, CaseStatus.ARCHIVED, frozenset({5}), concluded_at=concluded)
    with pytest.raises(RuleViolation):
        rules.check_handover(
            archived, handler, keeper, burned, now, for_court_after_conclusion=True
        )
    offered = available_actions(
        CopyRole.ORIGINAL,
        MediumStatus.BURNED,
        case_open=False,
        case_concluded=True,
        unseal_approved=False,
        unseal_pending=False,
        court_request_open=False,
        burned_after_conclusion=True,
    )
    assert offered == [Action.HANDOVER]
