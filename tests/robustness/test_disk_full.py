"""Full disk (issue 7, 3), on a small filesystem made for the test: a tmpfs of 4 MiB
mounted in a private mount namespace (``unshare -m`` as root, else ``unshare -rm`` in a
user namespace). Where neither is allowed the test fails, saying why: a full disk is
played on a real filesystem or not at all (CI runs as root and can mount one)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from keeper_app.timeutil import now_utc

HERE = Path(__file__).parent
DRIVER = HERE / "disk_full_driver.py"


def small_fs_command(mnt: Path, *cmd: str, size: str = "4m") -> list[str]:
    """The command run on a fresh tmpfs of ``size`` (4 MiB) at ``mnt``; fails the test,
    saying what was tried, when no small filesystem can be mounted here."""
    assert shutil.which("unshare"), (
        "unshare (util-linux) is not installed: the full-disk "
        "tests mount a small tmpfs in a private mount namespace"
    )
    script = f'mount -t tmpfs -o size={size},mode=0700 keeper-test "$0" && exec "$@"'
    tried = []
    for unshare in (["unshare", "-m"], ["unshare", "-rm"]):
        probe = subprocess.run(
            [*unshare, "sh", "-c", script, str(mnt), "true"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if probe.returncode == 0:
            return [*unshare, "sh", "-c", script, str(mnt), *cmd]
        tried.append(f"{' '.join(unshare)}: {probe.stderr.strip() or probe.returncode}")
    raise AssertionError(
        "no small filesystem can be mounted here, so a full disk cannot be played: "
        + "; ".join(tried)
        + ". Run the tests as root (CI does), or where user namespaces "
        "may mount a tmpfs"
    )


def run_driver(office, tmp_path: Path) -> dict:
    _o, d = office.handed_over_pair()
    office.clock.t = now_utc() - timedelta(minutes=1)  # the driver runs on the real clock
    for _ in range(30):  # the head's approval of each retrieval the driver tries (Art. 20)
        office.approved_request(d, "H001", "D001", "case_handling", 2)
    office_changes = len(office.changes())
    office.db.close()  # the WAL is checkpointed into the file, which is copied
    mnt = tmp_path / "small"
    mnt.mkdir()
    cmd = small_fs_command(mnt, sys.executable, str(DRIVER), str(office.path), str(mnt))
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=HERE.parent.parent)
    assert r.returncode == 0, r.stderr[-3000:]
    return {**json.loads(r.stdout.strip().splitlines()[-1]), "office_changes": office_changes}


@pytest.mark.sqlite_only(
    "the disk holding the sqlite file fills up (a server's disk is the server's)"
)
def test_a_full_disk_fails_the_operation_clearly_and_leaves_nothing_half_written(office, tmp_path):
    report = run_driver(office, tmp_path)
    attempts = report["attempts"]
    failed = [a for a in attempts if a["result"] not in ("committed", "refused")]
    committed = [a for a in attempts if a["result"] == "committed"]
    assert [a for a in attempts if a["result"] == "refused"] == []
    assert failed and committed, attempts  # the disk was full, then room enough for some
    assert attempts[0]["result"] != "committed"  # no room at all
    for a in failed:
        assert a["result"] == "StoreFull", a
        assert "disk" in a["message"] and "is full" in a["message"], a
        assert "nothing of this change was recorded" in a["message"]
        assert a["unchanged"] is True and a["in_transaction"] is False, a
    assert report["backup"]["code"] == "backup_failed"
    assert "is full" in report["backup"]["message"]
    assert "backup.sqlite" not in report["backup"]["left"]  # no partial copy
    assert report["after"] == "committed"
    assert report["integrity"] == "ok"
    assert report["verify"]["ok"], report["verify"]["problems"]
    # every committed attempt and nothing else is in the chain: the office's changes with the
    # pair's 3, the committed attempts and the final change (the signers' sign-in bookkeeping,
    # issue 10, is counted apart)
    assert report["verify"]["changes"] == report["office_changes"] + len(committed) + 1


def test_without_a_small_filesystem_the_test_fails_saying_why(tmp_path):
    """No silent stand-in: with no way to mount one (here: no ``unshare`` on PATH), the
    full-disk test fails and says what it needs."""
    empty = tmp_path / "bin"
    empty.mkdir()
    full_disk = test_a_full_disk_fails_the_operation_clearly_and_leaves_nothing_half_written
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{__file__}::{full_disk.__name__}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=HERE.parent.parent,
        env={**os.environ, "PATH": str(empty)},
    )
    assert r.returncode == 1, r.stdout[-3000:]
    assert "1 failed" in r.stdout and "unshare (util-linux) is not installed" in r.stdout, r.stdout[
        -3000:
    ]
