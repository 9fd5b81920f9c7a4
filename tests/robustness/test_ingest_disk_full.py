"""The storage device full (issue 7, 3, for issue 5's hard-drive storage): an ingest onto a
small file system (a tmpfs mounted in a private mount namespace, as test_disk_full does for
the database) that is full before it starts, or fills up while the recording is being
copied, fails with a clear message, leaves no partial file in the storage or the backup root
and registers nothing; with room again the same ingest goes through."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import Office
from test_disk_full import small_fs_command

HERE = Path(__file__).parent
DRIVER = HERE / "ingest_full_driver.py"


def test_ingest_onto_a_full_storage_device_keeps_nothing(office: Office, tmp_path: Path) -> None:
    src = tmp_path / "usb"
    src.mkdir()
    (src / "part1.mp4").write_bytes(os.urandom(12_000_000))  # more than one 8 MB chunk
    (src / "part2.mp4").write_bytes(os.urandom(3_000_000))
    office.db.close()
    mnt = tmp_path / "device"
    mnt.mkdir()
    args = [sys.executable, str(DRIVER), office.location, str(mnt), str(src)]
    # 2 x 15 MB + the 64 MB reserve fit on 128 MB: the ingest starts, then the device fills
    cmd = small_fs_command(mnt, *args, size="128m")  # fails the test where none can be mounted
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=HERE.parent.parent)
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout.strip().splitlines()[-1])
    attempts = {a["name"]: a for a in report["attempts"]}
    a = attempts["full_before"]
    assert (a["result"], a["code"]) == ("refused", "no_space"), a
    assert "not enough space" in a["message"] and "Art. 14" in a["message"], a
    assert a["left"] == [] and a["registered"] == 0, a
    a = attempts["fills_during_copy"]
    assert (a["result"], a["code"]) == ("refused", "no_space"), a
    assert "became full while copying" in a["message"] and "nothing was kept" in a["message"]
    assert a["left"] == [] and a["registered"] == 0, a  # no partial file, nothing registered
    a = attempts["room_again"]
    assert (a["result"], a["files"], a["registered"]) == ("committed", 2, 1), a
    assert len(a["left"]) == 4  # both files, in the storage and the backup root
    assert report["verify"]["ok"], report["verify"]["problems"]
