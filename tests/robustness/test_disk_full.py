"""Full disk (issue 7, 3), on a small filesystem made for the test: a tmpfs of 4 MiB
mounted in a private mount namespace (``unshare -m`` as root, else ``unshare -rm`` in a
user namespace); where neither is allowed, the file size limit (RLIMIT_FSIZE) stands in."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
DRIVER = HERE / "disk_full_driver.py"


def small_fs_command(mnt: Path, *cmd: str, size: str = "4m") -> list[str] | None:
    """The command run on a fresh tmpfs of ``size`` (4 MiB) at ``mnt``, or None if none can
    be mounted."""
    script = f'mount -t tmpfs -o size={size},mode=0700 keeper-test "$0" && exec "$@"'
    for unshare in (["unshare", "-m"], ["unshare", "-rm"]):
        if shutil.which(unshare[0]) is None:
            return None
        probe = subprocess.run([*unshare, "sh", "-c", script, str(mnt), "true"],
                               capture_output=True)
        if probe.returncode == 0:
            return [*unshare, "sh", "-c", script, str(mnt), *cmd]
    return None


def run_driver(office, tmp_path: Path) -> dict:
    office.handed_over_pair()
    office.db.close()  # the WAL is checkpointed into the file, which is copied
    mnt = tmp_path / "small"
    mnt.mkdir()
    cmd = None if os.environ.get("KEEPER_TEST_NO_MOUNT") else small_fs_command(
        mnt, sys.executable, str(DRIVER), str(office.path), str(mnt), "tmpfs")
    if cmd is None:  # no mount allowed here: a file size limit instead
        cmd = [sys.executable, str(DRIVER), str(office.path), str(mnt), "fsize"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=HERE.parent.parent)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_a_full_disk_fails_the_operation_clearly_and_leaves_nothing_half_written(office,
                                                                                 tmp_path):
    report = run_driver(office, tmp_path)
    attempts = report["attempts"]
    failed = [a for a in attempts if a["result"] not in ("committed", "refused")]
    committed = [a for a in attempts if a["result"] == "committed"]
    assert [a for a in attempts if a["result"] == "refused"] == []
    assert failed and committed, attempts  # the disk was full, then room enough for some
    assert attempts[0]["result"] != "committed"  # no room at all
    for a in failed:
        if report["mode"] == "tmpfs":
            assert a["result"] == "StoreFull", a
            assert "disk" in a["message"] and "is full" in a["message"], a
        else:  # past the file size limit sqlite sees EFBIG: an I/O error, not ENOSPC
            assert a["result"] in ("StoreFull", "StoreError"), a
            assert "is full" in a["message"] or "could not be written" in a["message"], a
        assert "nothing of this change was recorded" in a["message"]
        assert a["unchanged"] is True and a["in_transaction"] is False, a
    assert report["backup"]["code"] == "backup_failed"
    if report["mode"] == "tmpfs":
        assert "is full" in report["backup"]["message"]
    assert "backup.sqlite" not in report["backup"]["left"]  # no partial copy
    assert report["after"] == "committed"
    assert report["integrity"] == "ok"
    assert report["verify"]["ok"], report["verify"]["problems"]
    # every committed attempt and nothing else is in the chain: the office's events, the
    # pair's 3, the committed attempts and the final change
    assert report["verify"]["events"] == EVENTS_OFFICE + 3 + len(committed) + 1


EVENTS_OFFICE = 19  # bootstrap, departments, people, heads, cases (tests/conftest.py)
