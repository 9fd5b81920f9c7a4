"""Late means reported, claims are checks (issue 14): which lateness is new (Art. 16-17, 18,
20), what a return's verification rests on (Art. 20), what a failing read-back or a disc
missing at an inventory does to the disc (Art. 20)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import lateness
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.lateness import FindingKind, LateKind
from keeper_app.domain.lifecycle import Action, allowed, available_actions, finding_status
from keeper_app.domain.model import CopyRole, MediumStatus, Role, Verification
from keeper_app.domain.replay import Step, StepKind, replay
from keeper_app.domain.signing import event_problem

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
S = MediumStatus


# ------------------------------------------------------------------ Art. 16-17: handover
def test_art16_17_a_pair_is_late_the_moment_24_hours_after_burning_have_passed():
    assert lateness.handover_late(7, T0, T0 + timedelta(hours=24)) is None
    late = lateness.handover_late(7, T0, T0 + timedelta(hours=24, seconds=1))
    assert late is not None
    assert (late.kind, late.entry_id, late.medium_id, late.due_at) == (
        LateKind.HANDOVER,
        7,
        7,
        T0 + timedelta(hours=24),
    )
    assert lateness.INCIDENT_KIND[late.kind] == "late_handover"


# ------------------------------------------------------------------ Art. 20: return
def test_art20_a_retrieval_is_late_after_its_estimated_usage_time():
    assert lateness.return_late(3, 9, T0, 4, T0 + timedelta(hours=4)) is None
    late = lateness.return_late(3, 9, T0, 4, T0 + timedelta(hours=4, minutes=1))
    assert late is not None and late.key == ("return", 3) and late.medium_id == 9
    assert lateness.INCIDENT_KIND[late.kind] == "late_return"


# ------------------------------------------------------------------ Art. 18: reseal
def test_art18_an_unsealed_original_is_late_after_the_reseal_limit():
    assert lateness.reseal_late(5, 2, T0, T0 + timedelta(hours=8)) is None
    late = lateness.reseal_late(5, 2, T0, T0 + timedelta(hours=8, seconds=1))
    assert late is not None and late.key == ("reseal", 5)
    # a configured limit
    assert lateness.reseal_late(5, 2, T0, T0 + timedelta(hours=3), timedelta(hours=2))
    assert lateness.INCIDENT_KIND[LateKind.RESEAL] == "late_reseal"


def test_each_lateness_is_new_once_and_the_oldest_deadline_comes_first():
    now = T0 + timedelta(days=2)
    found = lateness.new_lateness(
        now,
        awaiting_handover=[(1, T0 + timedelta(hours=1)), (2, now)],  # 2: not late
        out=[(10, 5, T0, 2), (10, 5, T0, 2)],  # the same retrieval twice: one lateness
        unsealed=[(20, 1, T0 + timedelta(hours=3))],
    )
    assert [x.key for x in found] == [("return", 10), ("reseal", 20), ("handover", 1)]
    again = lateness.new_lateness(
        now,
        awaiting_handover=[(1, T0 + timedelta(hours=1))],
        out=[(10, 5, T0, 2)],
        unsealed=[(20, 1, T0 + timedelta(hours=3))],
        marked={("return", 10), ("handover", 1)},
    )
    assert [x.key for x in again] == [("reseal", 20)]


def test_the_incident_says_what_is_late_and_by_how_much():
    late = lateness.return_late(3, 9, T0, 4, T0 + timedelta(hours=10))
    assert late is not None
    text = lateness.late_description(late, T0 + timedelta(hours=10))
    assert "未归还" in text and "6.0 小时" in text


# ------------------------------------------------------------------ Art. 20: verification
def test_art20_a_verified_return_rests_on_a_read_back():
    V = Verification
    assert lateness.check_return_verification(V.MATCH, "match", "") == (V.MATCH, "")
    assert lateness.check_return_verification(V.MISMATCH, "unreadable", "") == (V.MISMATCH, "")
    for claimed, read, code in [
        (V.MATCH, None, "no_read_back"),
        (V.MISMATCH, None, "no_read_back"),
        (V.MATCH, "mismatch", "read_back_disagrees"),
        (V.MATCH, "unreadable", "read_back_disagrees"),
        (V.MISMATCH, "match", "read_back_disagrees"),
    ]:
        with pytest.raises(RuleViolation) as ei:
            lateness.check_return_verification(claimed, read, "")
        assert ei.value.code == code
        assert ei.value.article == "Art. 20"


def test_art20_not_checked_is_recorded_with_its_reason():
    V = Verification
    assert lateness.check_return_verification(V.NOT_CHECKED, None, " 光驱故障 ") == (
        V.NOT_CHECKED,
        "光驱故障",
    )
    with pytest.raises(RuleViolation) as ei:
        lateness.check_return_verification(V.NOT_CHECKED, "match", "  ")
    assert ei.value.code == "unchecked_reason"


# ------------------------------------------------------------------ findings (Art. 20)
def test_a_failing_fixity_read_back_of_a_disc_in_custody_is_a_finding():
    f = lateness.finding_for_read_back
    assert f("fixity", "mismatch", "in_custody") == FindingKind.FIXITY_FAILED
    assert f("fixity", "unreadable", "in_custody") == FindingKind.FIXITY_FAILED
    assert f("fixity", "match", "in_custody") is None
    assert f("return", "mismatch", "out") is None  # the return's inspection records it
    assert f("on_demand", "mismatch", "in_custody") is None


def test_findings_change_the_status_and_are_no_counter_button():
    D, ORIG, HD = CopyRole.DUPLICATE, CopyRole.ORIGINAL, CopyRole.HARD_DRIVE
    assert finding_status(D, S.IN_CUSTODY, "fixity_failed") == S.DAMAGED
    assert finding_status(HD, S.IN_CUSTODY, "fixity_failed") == S.DAMAGED
    assert finding_status(D, S.IN_CUSTODY, "missing") == S.LOST
    assert finding_status(ORIG, S.SEALED, "missing") == S.LOST
    assert finding_status(ORIG, S.UNSEALED, "missing") == S.LOST
    for copy, status, finding in [
        (D, S.OUT, "missing"),  # out with the retriever: the return records it
        (ORIG, S.SEALED, "fixity_failed"),  # a sealed original is not read (Art. 18)
        (D, S.LOST, "missing"),
        (D, S.BURNED, "missing"),  # not handed over: not on a shelf
        (D, S.IN_CUSTODY, "stolen"),
    ]:
        with pytest.raises(RuleViolation) as ei:
            finding_status(copy, status, finding)
        assert ei.value.code == "wrong_state"
    acts = available_actions(
        D,
        S.IN_CUSTODY,
        case_open=True,
        case_concluded=False,
        unseal_approved=False,
        unseal_pending=False,
        court_request_open=False,
    )
    assert Action.REPORT_MISSING not in acts


def test_the_replay_follows_a_finding():
    hand = Step(StepKind.HANDOVER, 1, "2026-03-01T09:00:00Z", location="B-01")
    bad = Step(StepKind.FINDING, 4, "2026-03-02T09:00:00Z", finding="fixity_failed")
    e = replay(CopyRole.DUPLICATE, [[hand], [bad]])
    assert (e.status, e.because, e.problems) == (S.DAMAGED, "finding #4: fixity_failed", [])
    gone = Step(StepKind.FINDING, 5, "2026-03-02T09:00:00Z", finding="missing")
    assert replay(CopyRole.ORIGINAL, [[hand], [gone]]).status == S.LOST
    # a finding on a disc not on the shelf is possible in no order: named
    e = replay(CopyRole.DUPLICATE, [[gone]])
    assert e.problems == ["finding #5 while the medium is burned"]


def test_art21_who_sweeps_and_who_records_findings():
    assert allowed({Role.KEEPER}, Action.SWEEP_LATE)
    assert allowed({Role.DEPT_HEAD}, Action.SWEEP_LATE)
    for r in (Role.CASE_HANDLER, Role.REVIEWER, Role.ADMIN, Role.OUTSIDE_RETRIEVER):
        assert not allowed({r}, Action.SWEEP_LATE)
    assert allowed({Role.KEEPER}, Action.REPORT_MISSING)
    assert not allowed({Role.DEPT_HEAD}, Action.REPORT_MISSING)
    # the signed events: a sweep by nobody with the role is not Keeper's
    assert event_problem("mark_late", frozenset({Role.KEEPER})) is None
    assert event_problem("mark_late", frozenset({Role.CASE_HANDLER})) is not None
    assert event_problem("report_missing", frozenset({Role.KEEPER})) is None
    assert event_problem("fixity_failed", frozenset({Role.REVIEWER})) is None  # who reads back
    assert event_problem("fixity_failed", frozenset({Role.ADMIN})) is not None
