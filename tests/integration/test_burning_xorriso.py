"""The burn job and the read-back with the real xorriso on file-backed drives: an ISO 9660 +
Joliet + Rock Ridge image with MD5s, read back mount-free and through xorriso; damage of
every kind is reported; a too-small disc is refused before anything is written."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

import pytest
from burning_helpers import file_extent, flip_bytes, has_joliet, on_small_fs, run

from keeper_app.burning import BurnError
from keeper_app.burning.discread import ImageSource, XorrisoSource
from keeper_app.burning.jobs import JobState
from keeper_app.burning.layout import DiscFile, DiscLayout, volume_id
from keeper_app.burning.verify import check_md5, identify, verify_disc
from keeper_app.burning.xorriso import BurnJob, Drive
from keeper_app.domain.model import ManifestEntry

pytestmark = pytest.mark.realtool

CODE = "31012026000001O7"


def _files(tmp_path: Path) -> list[DiscFile]:
    src = tmp_path / "src"
    src.mkdir()
    out = []
    for rel, size in (
        ("A2026-001/20261120T0100Z_王某某/讯问室1 part 1.mp4", 3_000_000),
        ("A2026-001/20261120T0100Z_王某某/讯问室1 part 2.mp4", 700_001),
        ("A2026-001/20261120T0500Z_王某某/it's [1].mp4", 10),
    ):
        p = src / Path(rel).name
        p.write_bytes(os.urandom(size))
        out.append(DiscFile(rel, p, size, hashlib.sha256(p.read_bytes()).hexdigest()))
    return out


@pytest.fixture
def burned(tmp_path: Path) -> tuple[Path, DiscLayout]:
    layout = DiscLayout.build(CODE, _files(tmp_path), {"medium_code": CODE, "case_name": "某案"})
    iso = tmp_path / "disc.iso"
    job = BurnJob(Drive.parse(f"stdio:{iso}"), layout)
    seen: list[float] = []
    result = job.run(lambda p: seen.append(p.fraction))
    assert result.state == JobState.DONE, result
    assert result.returncode == 0 and result.argv[0] == "xorriso"
    argv = list(result.argv)
    # xorriso's habits: thresholds first, MD5 before the drive is named
    assert argv[1:3] == ["-abort_on", "FAILURE"]
    assert argv.index("-md5") < argv.index("-outdev")
    assert all(0 <= f <= 1 for f in seen)  # a small image may finish before any pacifier
    assert not job.staging.exists()  # the staged manifest and label are cleaned up
    return iso, layout


@pytest.mark.parametrize("via_xorriso", [False, True], ids=["direct", "through-xorriso"])
def test_a_burned_image_reads_back_identical(
    burned: tuple[Path, DiscLayout], via_xorriso: bool
) -> None:
    iso, layout = burned
    rep = verify_disc(
        Drive.parse(f"stdio:{iso}"), layout.manifest, expected_code=CODE, via_xorriso=via_xorriso
    )
    assert rep.ok, rep.summary()
    assert rep.files_checked == 3 and rep.bytes_read == layout.payload_bytes
    assert rep.volume_id == volume_id(CODE) and rep.code == CODE
    assert rep.label == {"medium_code": CODE, "case_name": "某案"}
    assert has_joliet(iso)
    ident = identify(Drive.parse(f"stdio:{iso}"), via_xorriso)
    assert ident.manifest_text == layout.manifest_text and not ident.problems


def test_the_image_carries_md5s_that_xorriso_checks(burned: tuple[Path, DiscLayout]) -> None:
    iso, layout = burned
    ok, msg = check_md5(Drive.parse(f"stdio:{iso}"))
    assert ok, msg
    offset, _ = file_extent(iso, layout.files[0].path)
    flip_bytes(iso, offset + 5000)
    ok, msg = check_md5(Drive.parse(f"stdio:{iso}"))
    assert not ok and msg


@pytest.mark.parametrize("via_xorriso", [False, True], ids=["direct", "through-xorriso"])
def test_flipped_bytes_are_caught(burned: tuple[Path, DiscLayout], via_xorriso: bool) -> None:
    iso, layout = burned
    victim = layout.files[1].path
    offset, size = file_extent(iso, victim)
    flip_bytes(iso, offset + size // 2, 4)
    rep = verify_disc(
        Drive.parse(f"stdio:{iso}"), layout.manifest, via_xorriso=via_xorriso, with_md5=True
    )
    assert not rep.ok and rep.result == "mismatch"
    assert rep.changed == [victim]
    assert rep.missing == rep.extra == rep.unreadable == []
    assert rep.md5 == "mismatch"


def test_a_truncated_image_is_unreadable_not_changed(burned: tuple[Path, DiscLayout]) -> None:
    iso, layout = burned
    last = max(layout.files, key=lambda f: file_extent(iso, f.path)[0])
    offset, _ = file_extent(iso, last.path)
    os.truncate(iso, offset - offset % 2048)  # the disc ends before its last file
    rep = verify_disc(Drive.parse(f"stdio:{iso}"), layout.manifest)
    assert rep.unreadable == [last.path] and not rep.ok
    assert any("ends at byte" in p for p in rep.problems)


def test_read_in_disc_order_as_from_a_device(burned: tuple[Path, DiscLayout]) -> None:
    """The reader used for block devices (one file after the other, in disc order, read and
    hashed overlapped) gives what the mapped, parallel reader of image files gives."""
    iso, layout = burned
    want = {f.path: f.sha256 for f in layout.files}
    for in_order in (True, False):
        with ImageSource(iso, chunk=1 << 20, in_order=in_order) as src:
            files = [f for f in src.files() if f.path in want]
            got = src.hash_files(files)
        assert {h.path: h.sha256 for h in got} == want
        assert [h.path for h in got] == [f.path for f in sorted(files, key=lambda f: f.first_lba)]
    where = {p: file_extent(iso, p) for p in want}
    big = max(layout.files, key=lambda f: f.size)
    cut = where[big.path][0] + big.size // 2
    os.truncate(iso, cut)  # the image ends in the middle of the biggest recording
    for in_order in (True, False):
        with ImageSource(iso, chunk=1 << 20, in_order=in_order) as src:
            got = {h.path: h for h in src.hash_files([f for f in src.files() if f.path in want])}
        for p, (offset, size) in where.items():
            if offset + size <= cut:
                assert got[p].sha256 == want[p]
            else:
                assert got[p].sha256 is None and "ends at byte" in got[p].error


def test_missing_extra_and_forged_manifest(burned: tuple[Path, DiscLayout], tmp_path: Path) -> None:
    iso, layout = burned
    expected = layout.manifest
    gone = ManifestEntry("A2026-001/elsewhere.mp4", 5, "0" * 64)
    rep = verify_disc(Drive.parse(f"stdio:{iso}"), [*expected[1:], gone])
    assert rep.missing == [gone.path]
    assert rep.extra == [expected[0].path]
    # the disc's own manifest no longer equals the register's: reported as changed
    assert "MANIFEST.sha256" in rep.changed
    # a disc checked against its own manifest (not registered) still checks every file
    assert verify_disc(Drive.parse(f"stdio:{iso}")).ok


def test_a_disc_with_no_iso_is_refused_clearly(tmp_path: Path) -> None:
    blank = tmp_path / "blank.iso"
    blank.write_bytes(b"\0" * 100_000)
    with pytest.raises(BurnError) as ei:
        verify_disc(Drive.parse(f"stdio:{blank}"))
    assert ei.value.code == "not_iso"
    with pytest.raises(BurnError) as ei:
        XorrisoSource(Drive.parse(f"stdio:{blank}"))
    assert ei.value.code in ("not_iso", "unreadable_disc")
    with pytest.raises(BurnError) as ei:
        ImageSource(tmp_path / "nothing.iso")
    assert ei.value.code == "no_disc"


def test_cancel_stops_xorriso_and_removes_the_partial_image(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with open(big, "wb") as f:
        f.truncate(3 << 30)  # sparse: costs no disk to read
    layout = DiscLayout.build(CODE, [DiscFile("big.bin", big, 3 << 30, "0" * 64)], {})
    iso = tmp_path / "disc.iso"
    job = BurnJob(Drive.parse(f"stdio:{iso}"), layout)
    started: list[float] = []

    def progress(p: object) -> None:
        started.append(p.fraction)  # type: ignore[attr-defined]
        if (p.fraction or 0) > 0.01:  # type: ignore[attr-defined]
            job.cancel()

    result = job.run(progress)
    assert result.state == JobState.CANCELLED and result.code == "cancelled"
    assert result.returncode == 1  # xorriso's exit value after a signal
    assert max(started) < 0.9
    assert not iso.exists()
    assert job.run() is result  # a job finishes once


def test_a_job_that_cannot_start_finishes_once_with_a_message(tmp_path: Path) -> None:
    layout = DiscLayout.build(CODE, [DiscFile("x", tmp_path / "x", 1, "0" * 64)], {})
    job = BurnJob(Drive.parse(f"stdio:{tmp_path}/disc.iso"), layout)
    r = job.run()
    assert r.state == JobState.NOT_STARTED and r.code == "source_missing"
    assert job.run() is r


_TOO_SMALL = r"""
import hashlib, json, os, sys
from pathlib import Path
from keeper_app.burning.layout import DiscFile, DiscLayout
from keeper_app.burning.xorriso import BurnJob, Drive
src, disc = Path(sys.argv[1]), sys.argv[2]
f = DiscFile("rec.mp4", src, src.stat().st_size, hashlib.sha256(src.read_bytes()).hexdigest())
job = BurnJob(Drive.parse("stdio:" + disc), DiscLayout.build("31012026000001O7", [f], {}))
prep = job.prepare()
job.discard()
print(json.dumps({"ok": prep.ok, "code": prep.code, "message": prep.message,
                  "exists": os.path.exists(disc)}))
"""


def test_a_disc_too_small_is_refused_before_writing(tmp_path: Path) -> None:
    src = tmp_path / "rec.mp4"
    src.write_bytes(os.urandom(12 << 20))
    tray = tmp_path / "tray"
    # 8 MB of "media space": xorriso reports a stdio drive's free file-system space
    r = run(
        on_small_fs(tray, 8, [sys.executable, "-c", _TOO_SMALL, str(src), str(tray / "disc.iso")])
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert not out["ok"] and out["code"] == "too_small", out
    assert re.search(
        r"the recordings need 1\d\.\d MB but the disc in \S+ holds 8\.\d MB", out["message"]
    ), out["message"]
    assert out["exists"] is False
    # the same recording fits a bigger "disc"
    r = run(
        on_small_fs(tray, 32, [sys.executable, "-c", _TOO_SMALL, str(src), str(tray / "disc.iso")])
    )
    assert json.loads(r.stdout)["ok"] is True, r.stdout + r.stderr


def test_one_burner_does_one_job_at_a_time(tmp_path: Path) -> None:
    layout = DiscLayout.build(CODE, _files(tmp_path), {})
    drive = Drive.parse(f"stdio:{tmp_path}/disc.iso")
    first, second = BurnJob(drive, layout), BurnJob(drive, layout)
    assert first.prepare().ok
    busy = second.prepare()
    assert not busy.ok and busy.code == "drive_busy"
    assert BurnJob(Drive.parse(f"stdio:{tmp_path}/other.iso"), layout).run().ok
    first.discard()
    assert second.run().ok
