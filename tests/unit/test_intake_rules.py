"""Issue 14 (intake): Art. 17(3) — uploaded "at once" (a late upload is flagged, after a
configurable number of hours); Art. 10, 13 — a recording shows its own interrogation (the
same footage registered twice is flagged); Art. 4, 22(2) — a major case goes to review with
all its recordings, and is due until it has."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import intake
from keeper_app.domain.errors import RuleViolation

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_art17_upload_late_only_past_the_limit() -> None:
    assert intake.late_upload(T0, T0 + 24 * H, 24 * H) is None
    assert intake.late_upload(T0, T0 + 24 * H + timedelta(seconds=1), 24 * H) == 24 * H + (
        timedelta(seconds=1)
    )
    assert intake.late_upload(T0, T0 + 3 * H, 2 * H) == 3 * H
    assert intake.DEFAULT_LATE_UPLOAD == 24 * H


@pytest.mark.parametrize("bad", ["0", "-3", "1.5", "x", "", "721"])
def test_art17_late_upload_setting_is_a_whole_number_of_hours(bad: str) -> None:
    with pytest.raises(RuleViolation) as ei:
        intake.check_late_upload_hours(bad)
    assert ei.value.code == "bad_late_upload_hours" and "Art. 17" in ei.value.article
    assert intake.check_late_upload_hours("6") == 6 * H
    assert intake.check_late_upload_hours(720) == 720 * H


def test_art10_13_same_footage_names_the_first_recording_holding_it() -> None:
    found = intake.same_footage(["a", "b", "a", "c"], {"a": 7, "c": 3})
    assert found == [("a", 7), ("c", 3)]
    # two files of one other recording: one flag naming it
    assert intake.same_footage(["x", "y", "z"], {"y": 4, "z": 4}) == [("y", 4)]
    assert intake.same_footage(["x"], {"a": 7}) == []


def test_art22_review_submission_of_a_major_case_carries_all_its_recordings() -> None:
    assert intake.check_review_submission(True, [1, 2], [2, 1], "法制大队") == [1, 2]
    with pytest.raises(RuleViolation) as ei:
        intake.check_review_submission(True, [1, 2, 3], [1], "法制大队")
    assert ei.value.code == "major_case_recordings_missing" and "#2, #3" in ei.value.message
    assert "Art. 4" in ei.value.article
    with pytest.raises(RuleViolation) as ei:
        intake.check_review_submission(True, [], [], "法制大队")
    assert ei.value.code == "major_case_recordings_missing"
    # not a major case: what the department chooses to send
    assert intake.check_review_submission(False, [1, 2, 3], [3], "法制大队") == [3]
    with pytest.raises(RuleViolation) as ei:
        intake.check_review_submission(False, [1, 2], [1, 9], "法制大队")
    assert ei.value.code == "not_case_recording" and "#9" in ei.value.message
    with pytest.raises(RuleViolation) as ei:
        intake.check_review_submission(False, [1], [1], "  ")
    assert ei.value.code == "missing_field"


def test_art4_22_major_case_due_until_submitted_late_once_concluded() -> None:
    now = T0 + 48 * H
    [open_case, concluded] = intake.major_review_items(
        now, [("B1", None, T0, 2), ("B2", T0 + H, T0, 1)]
    )
    assert open_case.kind == "major_review" and open_case.case_no == "B1"
    assert open_case.due_at == T0 and not open_case.late
    assert open_case.extra == {"recordings": "2"}
    assert "review submission" in open_case.what
    assert concluded.due_at == T0 + H and concluded.late
    assert intake.major_review_items(now, []) == []
