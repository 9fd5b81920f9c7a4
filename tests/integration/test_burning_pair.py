"""Making a pair through the service with the real xorriso on file-backed drives: both discs
burned, read back and verified before the pair is registered; a cancelled or failed disc is
never registered; several interrogations of one person in one case share a disc, others not."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import (
    file_extent,
    flip_bytes,
    has_joliet,
    register_file_recording,
    settings,
    sha256_file,
)
from conftest import Office

from keeper_app.burning.discread import ImageSource
from keeper_app.burning.layout import LABEL_NAME, MANIFEST_NAME, volume_id
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, intake
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import add_sample_recordings
from keeper_app.store import burning as burning_repo

pytestmark = pytest.mark.realtool


def _count(office: Office, table: str) -> int:
    return int(office.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def samples(office: Office, tmp_path: Path) -> list[int]:
    """Two short real interrogations of 王某某 in case A2026-001 (ffmpeg), stored."""
    s = office.session("H001")
    return add_sample_recordings(
        s,
        settings(tmp_path),
        "A2026-001",
        "王某某",
        office.clock() - timedelta(hours=8),
        count=2,
        seconds=2.0,
        gap=timedelta(hours=2),
    )


def test_a_pair_on_two_drives_is_burned_verified_then_registered(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    st = settings(tmp_path)
    o_iso, d_iso = tmp_path / "drive1" / "o.iso", tmp_path / "drive2" / "d.iso"
    o_iso.parent.mkdir()
    d_iso.parent.mkdir()
    stages: list[str] = []
    fractions: list[float] = []

    def progress(p: object) -> None:
        stages.append(p.stage)  # type: ignore[attr-defined]
        fractions.append(p.fraction)  # type: ignore[attr-defined]

    burn = PairBurn(
        office.session("H001"), samples, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st, progress=progress
    )
    assert "MB onto stdio:" in burn.prepare()
    assert _count(office, "media") == 0 and _count(office, "pair_reservations") == 0
    result = burn.run()

    o, d = result.original, result.duplicate
    assert o.endswith(o[-1]) and o[14] == "O" and d[14] == "D" and o[:14] == d[:14]
    assert {s for s in stages} >= {
        "burn_original",
        "verify_original",
        "burn_duplicate",
        "verify_duplicate",
    }
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # the register: two discs, burned, one manifest, both read-backs recorded as matches
    rows = office.db.conn.execute(
        "SELECT id, code, status, volume_id, label FROM media ORDER BY code DESC"
    ).fetchall()
    assert [(r["code"], r["status"], r["volume_id"]) for r in rows] == [
        (o, "burned", volume_id(o)),
        (d, "burned", volume_id(d)),
    ]
    for r in rows:
        [v] = burning_repo.verifications_of(office.db.conn, r["id"])
        assert (v["purpose"], v["result"], v["files_checked"], v["disc_code"]) == (
            "burn",
            "match",
            2,
            r["code"],
        )
    # on each disc: the recordings at their registered paths, the manifest, the label
    recs = [
        office.db.conn.execute(
            "SELECT path, sha256 FROM recording_files WHERE recording_id=?", (rid,)
        ).fetchone()
        for rid in samples
    ]
    for iso, code, role in ((o_iso, o, "original"), (d_iso, d, "duplicate")):
        assert has_joliet(iso)
        with ImageSource(iso) as src:
            assert src.volume_id == volume_id(code)
            files = {f.path: f for f in src.files()}
            assert set(files) == {r["path"] for r in recs} | {MANIFEST_NAME, LABEL_NAME}
            label = json.loads(src.read_small(files[LABEL_NAME]))
            manifest = src.read_small(files[MANIFEST_NAME]).decode()
        stored = json.loads(rows[0]["label"])
        assert {k: label[k] for k in stored} == stored  # the register's label, to the letter
        assert (label["medium_code"], label["copy_role"]) == (code, role)
        assert [r["id"] for r in label["recordings"]] == samples
        assert manifest == burning_repo.manifest_of_medium(office.db.conn, rows[0]["id"])
        for r in recs:
            assert f"{r['sha256']}  {r['path']}" in manifest
    assert admin.verify_audit(office.db).ok
    # the pair goes on as any other: handed over within 24 h
    intake.handover(
        office.session("K001"),
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-0001",
        "柜A-01",
        "柜B-01",
    )


def test_one_drive_asks_for_the_next_disc(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    disc = tmp_path / "tray" / "disc.iso"
    disc.parent.mkdir()
    asked: list[tuple[str, str, str]] = []

    def next_disc(role: str, drive: str, problem: str) -> bool:
        asked.append((role, drive, problem))
        if len(asked) == 2:  # the original was left in the drive: now it is taken out
            disc.rename(tmp_path / "original.iso")
        return True

    result = PairBurn(
        office.session("H001"),
        samples[:1],
        [f"stdio:{disc}"],
        settings(tmp_path),
        ask_next_disc=next_disc,
    ).run()
    assert [a[:2] for a in asked] == [("duplicate", f"stdio:{disc}")] * 2
    assert asked[0][2] == "" and "is not blank" in asked[1][2]
    with ImageSource(tmp_path / "original.iso") as a, ImageSource(disc) as b:
        assert (a.volume_id, b.volume_id) == (
            volume_id(result.original),
            volume_id(result.duplicate),
        )


def test_declining_the_next_disc_registers_nothing(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    disc = tmp_path / "disc.iso"
    with pytest.raises(RuleViolation) as ei:
        PairBurn(
            office.session("H001"),
            samples,
            [f"stdio:{disc}"],
            settings(tmp_path),
            ask_next_disc=lambda role, drive, problem: False,
        ).run()
    assert ei.value.code == "cancelled"
    assert _count(office, "media") == 0
    assert _count(office, "pair_reservations") == 1  # the serial is spent, never reused


def test_a_cancel_mid_burn_stops_xorriso_and_registers_no_disc(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    s = office.session("H001")
    # a long recording (sparse: cheap to make and to hash) so that the burn lasts
    rid = register_file_recording(
        s, st, "A2026-001", "王某某", "A2026-001/long/rec.mp4", size=3 << 30
    )
    o_iso = tmp_path / "o.iso"
    burn: PairBurn

    def progress(p: object) -> None:
        if p.stage == "burn_original" and (p.fraction or 0) > 0.02:  # type: ignore[attr-defined]
            burn.cancel()

    burn = PairBurn(
        s, [rid], [f"stdio:{o_iso}", f"stdio:{tmp_path / 'd.iso'}"], st, progress=progress
    )
    before = office.snapshot()
    done = threading.Event()
    box: dict[str, BaseException] = {}

    def work() -> None:
        try:
            burn.run()
        except BaseException as exc:
            box["exc"] = exc
        finally:
            done.set()

    t = threading.Thread(target=work)
    t.start()
    assert done.wait(120), "the cancelled burn did not stop"
    t.join()
    exc = box["exc"]
    assert isinstance(exc, RuleViolation) and exc.code == "cancelled"
    assert "nothing was registered" in exc.message
    assert not o_iso.exists()  # the partial image is removed
    assert _count(office, "media") == 0 and _count(office, "verifications") == 0
    after = dict(office.snapshot())
    assert len(after["pair_reservations"]) == 1
    events = [
        r[0]
        for r in office.db.conn.execute("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 2")
    ]
    assert events == ["burn_failed", "reserve_pair_code"]
    assert dict(before)["media"] == after["media"]
    assert admin.verify_audit(office.db).ok


def test_a_source_changed_after_registration_fails_verification(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    s = office.session("H001")
    rid = register_file_recording(
        s, st, "A2026-001", "王某某", "A2026-001/r/rec.mp4", data=bytes(range(256)) * 4096
    )
    src = st.storage_root / "A2026-001/r/rec.mp4"
    flip_bytes(src, 1000)  # same size, other content: not the registered recording
    with pytest.raises(RuleViolation) as ei:
        PairBurn(s, [rid], [f"stdio:{tmp_path / 'o.iso'}", f"stdio:{tmp_path / 'd.iso'}"], st).run()
    assert ei.value.code == "verification_mismatch"
    assert "changed: A2026-001/r/rec.mp4" in ei.value.message
    assert _count(office, "media") == 0
    [v] = office.db.conn.execute("SELECT medium_id, result, details FROM verifications")
    assert v["medium_id"] is None and v["result"] == "mismatch"
    assert json.loads(v["details"])["changed"] == ["A2026-001/r/rec.mp4"]
    assert admin.verify_audit(office.db).ok


def test_recordings_of_two_persons_or_cases_never_share_a_disc(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    h = office.session("H001")
    a = register_file_recording(h, st, "A2026-001", "王某某", "A/1.mp4", data=b"a" * 100)
    b = register_file_recording(h, st, "A2026-001", "李某", "A/2.mp4", data=b"b" * 100)
    c = register_file_recording(
        office.session("H003"), st, "B2026-002", "王某某", "B/3.mp4", data=b"c" * 100
    )
    drives = [f"stdio:{tmp_path / 'o.iso'}", f"stdio:{tmp_path / 'd.iso'}"]
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        PairBurn(h, [a, b], drives, st).run()
    assert ei.value.code == "mixed_persons"
    with pytest.raises(RuleViolation) as ei:
        PairBurn(h, [a, c], drives, st).run()
    assert ei.value.code == "mixed_cases"
    assert office.snapshot() == before
    assert not (tmp_path / "o.iso").exists()


def test_a_missing_recording_file_is_refused_before_burning(office: Office, tmp_path: Path) -> None:
    st = settings(tmp_path)
    h = office.session("H001")
    rid = register_file_recording(h, st, "A2026-001", "王某某", "A/1.mp4", data=b"a" * 100)
    (st.storage_root / "A/1.mp4").unlink()
    with pytest.raises(RuleViolation) as ei:
        PairBurn(h, [rid], [f"stdio:{tmp_path / 'o.iso'}"], st).prepare()
    assert ei.value.code == "source_missing"
    assert _count(office, "pair_reservations") == 0


def test_a_disc_that_is_not_blank_is_refused(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    used = tmp_path / "used.iso"
    PairBurn(
        office.session("H001"),
        samples[:1],
        [f"stdio:{used}", f"stdio:{tmp_path}/d.iso"],
        settings(tmp_path),
    ).run()
    digest = sha256_file(used)
    with pytest.raises(RuleViolation) as ei:
        PairBurn(
            office.session("H001"),
            samples[1:],
            [f"stdio:{used}", f"stdio:{tmp_path}/d2.iso"],
            settings(tmp_path),
        ).prepare()
    assert ei.value.code == "not_blank"
    assert "not blank" in ei.value.message
    assert sha256_file(used) == digest  # never added to nor overwritten


def test_a_drive_that_is_not_there_is_refused(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    with pytest.raises(RuleViolation) as ei:
        PairBurn(
            office.session("H001"), samples, [f"stdio:{tmp_path}/nowhere/o.iso"], settings(tmp_path)
        ).prepare()
    assert ei.value.code == "no_drive"
    with pytest.raises(RuleViolation) as ei:
        PairBurn(office.session("H001"), samples, ["sr0"], settings(tmp_path))
    assert ei.value.code == "no_drive"


def test_the_damaged_duplicate_is_found_on_return(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    from keeper_app.services import custody
    from keeper_app.services.burning import verify_medium

    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(
        office.session("H001"), samples, [f"stdio:{o_iso}", f"stdio:{d_iso}"], settings(tmp_path)
    ).run()
    k = office.session("K001")
    intake.handover(
        k, r.original, office.cred("H001"), office.cred("K001"), "S-0002", "柜A-01", "柜B-01"
    )
    office.retrieve(
        k, r.duplicate, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8
    )
    ok = verify_medium(k, f"stdio:{d_iso}", "return", expect_code=r.duplicate)
    assert ok.result == "match" and ok.registered
    with pytest.raises(RuleViolation) as ei:  # a handler of another case may not
        verify_medium(office.session("H003"), f"stdio:{d_iso}")
    assert ei.value.code == "not_your_case"
    # the original in the duplicate's place is not the disc that went out
    wrong = verify_medium(k, f"stdio:{o_iso}", "return", expect_code=r.duplicate)
    assert wrong.result == "mismatch"
    assert any(f"this is not disc {r.duplicate}" in p for p in wrong.report.problems)
    # bytes flipped in a recording: changed
    path = office.db.conn.execute(
        "SELECT path FROM recording_files WHERE recording_id=?", (samples[0],)
    ).fetchone()[0]
    offset, _ = file_extent(d_iso, path)
    flip_bytes(d_iso, offset + 100)
    bad = verify_medium(k, f"stdio:{d_iso}", "return", expect_code=r.duplicate)
    assert bad.result == "mismatch" and bad.report.changed == [path]
    xid = custody.return_medium(
        k,
        r.duplicate,
        office.cred("H001"),
        office.cred("K001"),
        "damaged",
        bad.result,
        "recording changed on the disc",
    )
    assert xid > 0
    rows = burning_repo.verifications_of(office.db.conn, office.medium_id(r.duplicate))
    assert [(v["purpose"], v["result"]) for v in rows] == [
        ("burn", "match"),
        ("return", "match"),
        ("return", "mismatch"),
    ]
    assert admin.verify_audit(office.db).ok


def test_a_return_is_verified_only_on_a_read_back_made_since_the_disc_went_out(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    """Issue 14, claims are checks: the read-back after burning does not verify a return;
    the read-back of the returned disc does, and the return records which one it was."""
    from keeper_app.services import custody
    from keeper_app.services.burning import verify_medium
    from keeper_app.store import entries

    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(
        office.session("H001"), samples, [f"stdio:{o_iso}", f"stdio:{d_iso}"], settings(tmp_path)
    ).run()
    k = office.session("K001")
    intake.handover(
        k, r.original, office.cred("H001"), office.cred("K001"), "S-0009", "柜A-01", "柜B-01"
    )
    office.clock.advance(minutes=5)
    office.retrieve(
        k, r.duplicate, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8
    )
    office.clock.advance(hours=2)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:  # only the burn's read-back, before it went out
        custody.return_medium(
            k, r.duplicate, office.cred("H001"), office.cred("K001"), "intact", "match"
        )
    assert ei.value.code == "no_read_back"
    assert office.snapshot() == before
    check = verify_medium(k, f"stdio:{d_iso}", "return", expect_code=r.duplicate)
    assert check.result == "match"
    with pytest.raises(RuleViolation) as ei:  # the read-back found a match: not a mismatch
        custody.return_medium(
            k, r.duplicate, office.cred("H001"), office.cred("K001"), "damaged", "mismatch", "划伤"
        )
    assert ei.value.code == "read_back_disagrees"
    xid = custody.return_medium(
        k, r.duplicate, office.cred("H001"), office.cred("K001"), "intact", "match"
    )
    got = entries.return_check(office.db.conn, xid)
    assert got is not None
    assert (got["verification_id"], got["reason"]) == (check.verification_id, "")
    assert admin.verify_audit(office.db).ok


def test_the_fixity_report_finds_discs_due_and_failing(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    from dataclasses import replace

    from keeper_app.services.burning import verify_medium
    from keeper_app.services.fixity import fixity_report

    st = replace(settings(tmp_path), fixity_interval=timedelta(days=730))
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(office.session("H001"), samples, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    intake.handover(
        office.session("K001"),
        r.original,
        office.cred("H001"),
        office.cred("K001"),
        "S-0003",
        "柜A-01",
        "柜B-01",
    )
    rep = fixity_report(office.session("K001"), st)
    assert (rep.up_to_date, rep.due, rep.failing, rep.sealed_not_checked) == (1, [], [], 1)
    office.clock.advance(days=731)  # two years on the shelf
    rep = fixity_report(office.session("K001"), st)
    [due] = rep.due
    assert (due.code, due.overdue, due.location) == (r.duplicate, True, "柜B-01")
    assert "keeper verify" in due.action
    check = verify_medium(office.session("K001"), f"stdio:{d_iso}", "fixity")
    assert check.result == "match"
    assert fixity_report(office.session("K001"), st).up_to_date == 1
    # the disc degrades: the next check fails and the report says what to do (Art. 18)
    path = office.db.conn.execute(
        "SELECT path FROM recording_files WHERE recording_id=?", (samples[1],)
    ).fetchone()[0]
    offset, _ = file_extent(d_iso, path)
    flip_bytes(d_iso, offset)
    assert verify_medium(office.session("K001"), f"stdio:{d_iso}", "fixity").result == "mismatch"
    # issue 14: the failing read-back damaged the disc and told the head, in its one change
    from keeper_app.services import lookup
    from keeper_app.store import entries

    assert lookup.scan(office.session("K001"), r.duplicate).status == "damaged"
    [inc] = lookup.inbox(office.session("D001"))["incidents"]
    assert (inc["kind"], inc["code"]) == ("fixity_failed", r.duplicate)
    assert [a for _, a in office.changes()][-1] == "fixity_failed"
    assert entries.incidents(office.db.conn)[0]["id"] == inc["id"]
    assert admin.verify_audit(office.db).ok
    rep = fixity_report(office.session("K001"), st)
    [bad] = rep.failing
    assert bad.code == r.duplicate and bad.last_result == "mismatch"
    assert "reproduce_duplicate" in bad.action and "Art. 18" in bad.action
    assert "Failing" in rep.text() and r.duplicate in rep.text()
    with pytest.raises(RuleViolation) as ei:
        fixity_report(office.session("ADMIN"), st)
    assert ei.value.code == "role_refused"


def test_an_inserted_disc_is_identified_from_what_it_carries(
    office: Office, tmp_path: Path, samples: list[int]
) -> None:
    from keeper_app.services.burning import identify_disc

    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(
        office.session("H001"), samples, [f"stdio:{o_iso}", f"stdio:{d_iso}"], settings(tmp_path)
    ).run()
    k = office.session("K001")
    got = identify_disc(k, f"stdio:{d_iso}")
    assert (got["code"], got["registered"], got["copy_role"], got["status"]) == (
        r.duplicate,
        True,
        "duplicate",
        "burned",
    )
    assert got["manifest_matches"] is True and got["problems"] == []
    assert got["label"]["case_number"] == "A2026-001"
    assert [v["purpose"] for v in got["verifications"]] == ["burn"]
    # a Keeper-made disc the register does not know
    other = tmp_path / "other.iso"
    other.write_bytes(o_iso.read_bytes())
    flip_bytes(other, 16 * 2048 + 41)  # the volume id's first character: K... -> another
    unknown = identify_disc(k, f"stdio:{other}")
    assert unknown["registered"] is False
