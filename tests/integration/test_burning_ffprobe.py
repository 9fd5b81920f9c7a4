"""A recording's real duration (ffprobe, on files made with ffmpeg in the test) against its
record's start, end and interruptions (Art. 10, 13-15, 22(4)): a mismatch is flagged on the
recording and in the review list, never silently accepted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from burning_helpers import settings, sha256_file
from conftest import Office

from keeper_app.burning.probe import FfprobeJob, check_durations, record_duration
from keeper_app.burning.samples import make_recording
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, intake
from keeper_app.services.storage import add_sample_recordings, check_recording, review_list
from keeper_app.store import burning as burning_repo
from keeper_app.timeutil import from_db, to_db

pytestmark = pytest.mark.realtool

T0 = datetime(2026, 11, 19, 9, 0, 0, tzinfo=UTC)


def test_ffprobe_reads_the_duration_and_start_of_an_ffmpeg_recording(tmp_path: Path) -> None:
    f = make_recording(tmp_path / "r.mp4", 3.0, T0)
    d = FfprobeJob(f).duration()
    assert d.error == "" and d.seconds == pytest.approx(3.0, abs=0.1)
    assert d.creation_time is not None and d.creation_time.startswith("2026-11-19T09:00:00")


def test_durations_compared_with_the_record(tmp_path: Path) -> None:
    a = make_recording(tmp_path / "a.mp4", 3.0, T0)
    b = make_recording(tmp_path / "b.mp4", 2.0, T0 + timedelta(minutes=20))
    # two files of one recording: 5 s in all
    ok = check_durations([a, b], T0, T0 + timedelta(seconds=5), [])
    assert ok.result == "match", ok.message
    # the record says it ended a minute later than the recording shows
    late = check_durations([a, b], T0, T0 + timedelta(seconds=65), [])
    assert late.result == "mismatch"
    assert "0:01:00.0" in late.message and "Art. 10" in late.message
    assert late.difference is not None and late.difference.total_seconds() == pytest.approx(
        -60, abs=0.2
    )
    # ... unless the record states a one-minute interruption (Art. 14-15)
    gap = [
        {
            "start": to_db(T0 + timedelta(seconds=3)),
            "end": to_db(T0 + timedelta(seconds=63)),
            "reason": "设备故障",
        }
    ]
    assert check_durations([a, b], T0, T0 + timedelta(seconds=65), gap, from_db).result == "match"


def test_a_file_ffprobe_cannot_read_is_unreadable_not_a_match(tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video" * 100)
    chk = check_durations([junk], T0, T0 + timedelta(seconds=1), [])
    assert chk.result == "unreadable" and "junk.mp4" in chk.message
    chk = check_durations([tmp_path / "missing.mp4"], T0, T0 + timedelta(seconds=1), [])
    assert chk.result == "unreadable" and "does not exist" in chk.message


def test_interruptions_outside_or_overlapping_count_once() -> None:
    end = T0 + timedelta(hours=2)
    its = [
        {
            "start": to_db(T0 - timedelta(minutes=30)),
            "end": to_db(T0 + timedelta(minutes=10)),
            "reason": "x",
        },
        {
            "start": to_db(T0 + timedelta(minutes=5)),
            "end": to_db(T0 + timedelta(minutes=20)),
            "reason": "y",
        },
        {
            "start": to_db(end - timedelta(minutes=5)),
            "end": to_db(end + timedelta(hours=1)),
            "reason": "z",
        },
    ]
    assert record_duration(T0, end, its, from_db) == timedelta(minutes=120 - 20 - 5)


def test_the_check_is_recorded_and_a_mismatch_stays_on_the_review_list(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    h = office.session("H001")
    [good] = add_sample_recordings(
        h, st, "A2026-001", "王某某", office.clock() - timedelta(hours=5), count=1, seconds=2.0
    )
    # a recording whose record claims 10 minutes, for a 2-second file
    f = make_recording(st.storage_root / "A2026-001/x/r.mp4", 2.0, T0)
    bad = intake.register_recording(
        h,
        "A2026-001",
        "王某某",
        "suspect",
        T0,
        T0 + timedelta(minutes=10),
        "讯问室2",
        [ManifestEntry("A2026-001/x/r.mp4", f.stat().st_size, sha256_file(f))],
    )
    r1 = check_recording(h, st, good)
    r2 = check_recording(office.session("R001"), st, bad)  # a reviewer may check too
    assert (r1["result"], r2["result"]) == ("match", "mismatch")
    assert r2["record_ms"] == 600_000 and abs(r2["media_ms"] - 2000) < 100
    flagged = review_list(office.session("R001"))
    assert [x["recording_id"] for x in flagged] == [bad]
    assert "the record says 0:10:00.0" in flagged[0]["details"]["message"]
    # a case handler of another case does not see it; one of this case does
    assert review_list(office.session("H003")) == []
    assert [x["recording_id"] for x in review_list(h)] == [bad]
    with pytest.raises(RuleViolation) as ei:
        check_recording(office.session("H003"), st, bad)
    assert ei.value.code == "not_your_case"
    with pytest.raises(RuleViolation) as ei:
        check_recording(office.session("ADMIN"), st, bad)
    assert ei.value.code == "role_refused"
    rows = burning_repo.recording_checks(office.db.conn, bad)
    assert [r["result"] for r in rows] == ["mismatch"]
    assert admin.verify_audit(office.db).ok
