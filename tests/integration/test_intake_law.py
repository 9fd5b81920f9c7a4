"""Issue 14 (intake), through the services on a real sqlite file, real files, ffmpeg,
ffprobe and xorriso: the same footage registered twice is flagged naming the other
recording (Art. 10, 13); an upload later than the configured hours after the interrogation
is flagged (Art. 17(3)); the duration check runs at ingest and before burning (Art. 10,
22(4)); a major case is due on the board until its recordings went with a review submission
(Art. 4, 22(2)). ``keeper audit verify`` passes on a register that used them."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import settings
from conftest import Office

from keeper_app.burning.samples import make_recording
from keeper_app.services import admin, intake, lookup, reviews
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings, add_sample_recordings, ingest

pytestmark = pytest.mark.realtool

CASE_A = "A2026-001"  # handlers H001, H002; 刑事侦查大队 (head D001)
CASE_B = "B2026-002"  # major; handler H003; 禁毒大队 (head D002)


def _folder(tmp: Path, name: str, data: bytes) -> Path:
    d = tmp / "src" / name
    d.mkdir(parents=True)
    (d / "cam1.mp4").write_bytes(data)
    return d


def _ingest(
    office: Office,
    st: StorageSettings,
    src: Path,
    case: str,
    handler: str,
    person: str,
    ended_hours_ago: float,
) -> int:
    end = office.clock() - timedelta(hours=ended_hours_ago)
    rid, _ = ingest(
        office.session(handler),
        st,
        src,
        case_no=case,
        person_name=person,
        person_role="suspect",
        started_at=end - timedelta(hours=1),
        ended_at=end,
        place="讯问室1",
    )
    return rid


def test_the_same_footage_twice_is_flagged_naming_the_other_recording(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    data = os.urandom(50_000)
    first = _ingest(office, st, _folder(tmp_path, "a", data), CASE_A, "H001", "王某某", 2)
    office.clock.advance(minutes=5)
    again = _ingest(office, st, _folder(tmp_path, "b", data), CASE_A, "H002", "赵某某", 1)
    other = _ingest(
        office, st, _folder(tmp_path, "c", os.urandom(900)), CASE_A, "H001", "王某某", 1
    )
    assert intake.flags(office.session("H001"), first) == []
    assert intake.flags(office.session("H001"), other) == []
    [f] = intake.flags(office.session("H002"), again)
    assert f["kind"] == "same_footage" and f["other_recording_id"] == first
    assert f"recording #{first} (case {CASE_A}, 王某某," in f["message"]
    # the same footage in another department's case: flagged, that case not named to him
    office.clock.advance(minutes=5)
    cross = _ingest(office, st, _folder(tmp_path, "d", data), CASE_B, "H003", "李某", 1)
    [g] = intake.flags(office.session("H003"), cross)
    assert g["other_recording_id"] == first and g["other_case_no"] is None
    assert f"recording #{first}" in g["message"] and CASE_A not in g["message"]
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


def test_a_late_upload_is_flagged_after_the_configured_hours(
    office: Office, tmp_path: Path
) -> None:
    st = StorageSettings.for_database(
        office.path,
        {
            "KEEPER_STORAGE_ROOT": str(tmp_path / "s"),
            "KEEPER_BACKUP_ROOT": str(tmp_path / "b"),
            "KEEPER_LATE_UPLOAD_HOURS": "6",
        },
    )
    assert st.late_upload_after == timedelta(hours=6)
    on_time = _ingest(
        office, st, _folder(tmp_path, "a", os.urandom(100)), CASE_A, "H001", "王某某", 5.5
    )
    late = _ingest(
        office, st, _folder(tmp_path, "b", os.urandom(100)), CASE_A, "H001", "王某某", 30.25
    )
    assert intake.flags(office.session("H001"), on_time) == []
    [f] = intake.flags(office.session("D001"), late)
    assert f["kind"] == "late_upload" and f["limit_hours"] == 6 and f["late_minutes"] == 1815
    assert "30 h 15 min after the interrogation ended (the limit is 6 h" in f["message"]
    # the default is 24 hours
    dflt = settings(tmp_path / "d")
    assert dflt.late_upload_after == timedelta(hours=24)
    r = _ingest(office, dflt, _folder(tmp_path, "c", os.urandom(100)), CASE_A, "H001", "王某某", 23)
    assert intake.flags(office.session("H001"), r) == []
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


def test_duration_checked_at_ingest_and_before_burning(office: Office, tmp_path: Path) -> None:
    if shutil.which("xorriso") is None or shutil.which("ffprobe") is None:
        pytest.fail("xorriso and ffprobe are needed")
    st = settings(tmp_path)
    h = office.session("H001")
    [good] = add_sample_recordings(
        h, st, CASE_A, "王某某", office.clock() - timedelta(hours=3), count=1, seconds=2.0
    )
    # the ingest checked it at once: a match, recorded
    [chk] = [c for c in _checks(office, good)]
    assert chk["result"] == "match"
    # a 2-second file whose record says 10 minutes: flagged at ingest
    src = tmp_path / "src"
    start = office.clock() - timedelta(hours=2)
    make_recording(src / "r.mp4", 2.0, start)
    bad, _ = ingest(
        h,
        st,
        src,
        case_no=CASE_A,
        person_name="王某某",
        person_role="suspect",
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        place="讯问室2",
    )
    assert [c["result"] for c in _checks(office, bad)] == ["mismatch"]
    # before burning, both are checked again, and the mismatch is named in what prepare says
    burn = PairBurn(
        h, [good, bad], [f"stdio:{tmp_path / 'o.iso'}", f"stdio:{tmp_path / 'd.iso'}"], st
    )
    said = burn.prepare()
    assert f"recording #{bad}: mismatch" in said and f"recording #{good}:" not in said
    assert [c["result"] for c in burn.duration_checks] == ["match", "mismatch"]
    # recorded with the pair's code reservation, when the burn goes ahead
    assert len(_checks(office, good)) == 1 and len(_checks(office, bad)) == 1
    burn.run()
    assert [c["result"] for c in _checks(office, good)] == ["match", "match"]
    assert [c["result"] for c in _checks(office, bad)] == ["mismatch", "mismatch"]
    [ev] = office.db.conn.execute(
        "SELECT payload FROM audit_events WHERE action='reserve_pair_code'"
    ).fetchall()
    assert '"durations":["match","mismatch"]' in ev["payload"].replace(" ", "")
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


def _checks(office: Office, rid: int) -> list[dict[str, object]]:
    return [
        dict(r)
        for r in office.db.conn.execute(
            "SELECT * FROM recording_checks WHERE recording_id=? ORDER BY id", (rid,)
        )
    ]


def test_major_case_due_until_its_recordings_went_with_the_review_submission(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    k = office.session("K001")
    assert [x for x in lookup.due(k) if x["kind"] == "major_review"] == []
    r1 = _ingest(office, st, _folder(tmp_path, "a", os.urandom(100)), CASE_B, "H003", "李某", 2)
    r2 = _ingest(office, st, _folder(tmp_path, "b", os.urandom(100)), CASE_B, "H003", "李某", 1)
    # not a major case: nothing due for A's recordings
    _ingest(office, st, _folder(tmp_path, "c", os.urandom(100)), CASE_A, "H001", "王某某", 1)
    [due] = [x for x in lookup.due(k) if x["kind"] == "major_review"]
    assert due["case_no"] == CASE_B and due["recordings"] == 2 and not due["late"]
    assert "recordings to accompany the review submission" in due["what"]
    # the head of another department does not see it; the case's head does
    assert [x for x in lookup.due(office.session("D001")) if x["kind"] == "major_review"] == []
    assert [
        x["case_no"] for x in lookup.due(office.session("D002")) if x["kind"] == "major_review"
    ] == [CASE_B]
    sid = reviews.submit_for_review(office.session("H003"), CASE_B, [r1, r2], "法制大队", "报审")
    assert [x for x in lookup.due(k) if x["kind"] == "major_review"] == []
    st_ = reviews.review_status(office.session("D002"), CASE_B)
    assert st_["major"] and st_["pending"] == [] and not st_["due"]
    assert st_["submissions"][0]["id"] == sid and st_["submissions"][0]["recordings"] == [r1, r2]
    # a recording added later is due again
    office.clock.advance(hours=1)
    r3 = _ingest(office, st, _folder(tmp_path, "d", os.urandom(100)), CASE_B, "H003", "李某", 0.5)
    [due] = [x for x in lookup.due(k) if x["kind"] == "major_review"]
    assert due["recordings"] == 1
    assert reviews.review_status(office.session("H003"), CASE_B)["pending"] == [r3]
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


@pytest.mark.parametrize(
    ("badge", "recs", "to", "code"),
    [
        ("H003", "first", "法制大队", "major_case_recordings_missing"),  # one of two only
        ("H003", "both+A", "法制大队", "not_case_recording"),  # another case's recording
        ("H003", "both", "  ", "missing_field"),
        ("H001", "both", "法制大队", "not_own_case"),  # handles another case
        ("D001", "both", "法制大队", "not_own_case"),  # heads another department
        ("K001", "both", "法制大队", "role_refused"),
    ],
)
def test_a_refused_review_submission_changes_nothing(
    office: Office, tmp_path: Path, badge: str, recs: str, to: str, code: str
) -> None:
    from test_refusals import refused

    st = settings(tmp_path)
    r1 = _ingest(office, st, _folder(tmp_path, "a", os.urandom(100)), CASE_B, "H003", "李某", 2)
    r2 = _ingest(office, st, _folder(tmp_path, "b", os.urandom(100)), CASE_B, "H003", "李某", 1)
    ra = _ingest(office, st, _folder(tmp_path, "c", os.urandom(100)), CASE_A, "H001", "王某", 1)
    ids = {"first": [r1], "both": [r1, r2], "both+A": [r1, r2, ra]}[recs]
    s = office.session(badge)
    with refused(office, code) as ei:
        reviews.submit_for_review(s, CASE_B, ids, to)
    assert ei.value.message


def test_the_cli_shows_flags_and_records_a_review_submission(
    office: Office, tmp_path: Path
) -> None:
    import json
    import subprocess
    import sys

    from conftest import PASSWORD

    from keeper_app.timeutil import now_utc

    office.clock.t = now_utc() - timedelta(minutes=5)
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({"H003": PASSWORD, "D002": PASSWORD}))
    creds.chmod(0o600)
    data = os.urandom(2000)
    env = {
        **os.environ,
        "KEEPER_STORAGE_ROOT": str(tmp_path / "st"),
        "KEEPER_BACKUP_ROOT": str(tmp_path / "bk"),
        "KEEPER_LATE_UPLOAD_HOURS": "2",
    }

    def keeper(badge: str, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
        cmd += ["--credentials", str(creds), "--as", badge, *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)

    def ingest_cli(name: str, hours_ago: int) -> subprocess.CompletedProcess[str]:
        end = now_utc() - timedelta(hours=hours_ago)
        start = end - timedelta(minutes=30)
        return keeper(
            "H003",
            "ingest",
            str(_folder(tmp_path, name, data)),
            "--case",
            CASE_B,
            "--person",
            "李某",
            "--role",
            "suspect",
            "--place",
            "讯问室1",
            "--start",
            start.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            "--end",
            end.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        )

    r = ingest_cli("a", 1)
    assert r.returncode == 0, r.stderr
    assert "FLAG" not in r.stdout and "duration check: unreadable" in r.stdout
    r = ingest_cli("b", 5)
    assert r.returncode == 0, r.stderr
    assert "FLAG same_footage: the same footage twice" in r.stdout
    assert "FLAG late_upload: uploaded late: 5 h" in r.stdout
    r = keeper("D002", "review-status", CASE_B)
    assert "(major case)" in r.stdout and "DUE (Art. 4, 22)" in r.stdout, r.stdout + r.stderr
    r = keeper("H003", "submit-for-review", CASE_B, "--recording", "1", "--to", "法制大队")
    assert r.returncode != 0 and "a major case goes to review with all its recordings" in (
        r.stderr + r.stdout
    )
    r = keeper(
        "H003",
        "submit-for-review",
        CASE_B,
        "--recording",
        "1",
        "--recording",
        "2",
        "--to",
        "法制大队",
    )
    assert r.returncode == 0, r.stderr
    r = keeper("D002", "review-status", CASE_B)
    assert "to 法制大队 by 陈办案: recordings #1, #2" in r.stdout and "DUE" not in r.stdout
    r = keeper("D002", "recording-flags", "2")
    assert "FLAG same_footage" in r.stdout and "recording #1 (case B2026-002" in r.stdout
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems
