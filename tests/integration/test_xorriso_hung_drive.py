"""A drive that stops answering in the middle of a read: the real xorriso reading a real image
(a file-backed drive) is frozen (SIGSTOP, as a process stuck on a dead drive); the read gives
up after its timeout, xorriso is gone, and the file is reported unreadable instead of the check
hanging for ever."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

import pytest

from keeper_app.burning.discread import XorrisoSource
from keeper_app.burning.jobs import Progress
from keeper_app.burning.layout import DiscFile, DiscLayout
from keeper_app.burning.xorriso import BurnJob, Drive

pytestmark = pytest.mark.realtool

CODE = "31012026000001O7"


def readers_of(image: Path) -> list[int]:
    """The live xorriso processes reading a file out of ``image`` (-concat)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{name}/cmdline").read_bytes().split(b"\0")
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if b"-concat" in cmd and f"stdio:{image}".encode() in cmd and state not in "ZX":
            found.append(int(name))
    return found


def test_a_read_from_a_drive_that_stops_answering_gives_up_after_its_timeout(
    tmp_path: Path,
) -> None:
    src = tmp_path / "rec.mp4"
    src.write_bytes(os.urandom(24 << 20))
    f = DiscFile("rec.mp4", src, src.stat().st_size, hashlib.sha256(src.read_bytes()).hexdigest())
    iso = tmp_path / "disc.iso"
    assert BurnJob(Drive.parse(f"stdio:{iso}"), DiscLayout.build(CODE, [f], {})).run().ok

    source = XorrisoSource(Drive.parse(f"stdio:{iso}"), timeout=3)
    rec = next(x for x in source.files() if x.path == "rec.mp4")
    frozen: list[int] = []

    def progress(_p: Progress) -> None:
        if not frozen:  # the first bytes have come: now the drive "hangs"
            frozen.extend(readers_of(iso))
            for pid in frozen:
                os.kill(pid, signal.SIGSTOP)

    [result] = source.hash_files([rec], progress)
    assert frozen, "no xorriso was reading the image"
    assert result.sha256 is None and 0 < result.bytes_read < rec.size
    assert result.error == "the drive did not answer within 3 s"
    assert readers_of(iso) == []  # the frozen xorriso is gone


def test_a_burn_run_without_prepare_holds_its_drive_while_it_burns(tmp_path: Path) -> None:
    src = tmp_path / "rec.mp4"
    src.write_bytes(os.urandom(1 << 20))
    f = DiscFile("rec.mp4", src, src.stat().st_size, hashlib.sha256(src.read_bytes()).hexdigest())
    layout = DiscLayout.build(CODE, [f], {})
    drive = Drive.parse(f"stdio:{tmp_path}/disc.iso")
    other: list[str] = []

    class Watched(BurnJob):
        def started(self, proc) -> None:  # type: ignore[no-untyped-def]
            super().started(proc)
            second = BurnJob(drive, layout)  # while xorriso burns: the drive is busy
            other.append(second.prepare().code)
            second.discard()

    assert Watched(drive, layout).run().ok
    assert other == ["drive_busy"]
    again = BurnJob(drive, layout)
    assert again.prepare().code != "drive_busy"  # and free again after
    again.discard()
