"""The package test leaves a keeper package it did not install alone (issue 12, 9): with one
on the machine (here a tiny package named keeper, built and installed by this test) the
package test fails at once, saying so, and the package is still installed afterwards.
Runs as root (CI does); it holds the package tests' lock, so no other run's dpkg meets it."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_deb import LOCK, ROOT, package_state, sh

pytestmark = [pytest.mark.slow, pytest.mark.realtool]

OTHER_VERSION = "0.0.1~other"


def other_keeper(folder: Path) -> Path:
    """A package named keeper that no Keeper build made: no files, a version of its own."""
    tree = folder / "other"
    (tree / "DEBIAN").mkdir(parents=True)
    (tree / "DEBIAN" / "control").write_text(
        f"Package: keeper\nVersion: {OTHER_VERSION}\nArchitecture: all\n"
        "Maintainer: Keeper tests <tests@invalid>\nDescription: not a Keeper build\n"
    )
    deb = folder / "keeper-other.deb"
    sh(["dpkg-deb", "--root-owner-group", "--build", str(tree), str(deb)])
    return deb


def test_the_package_test_leaves_a_keeper_it_did_not_install_alone(tmp_path: Path) -> None:
    assert os.geteuid() == 0, "installs a package: run it as root (CI does)"
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert package_state() is None, f"a keeper package is installed: {package_state()}"
        sh(["dpkg", "-i", str(other_keeper(tmp_path))], timeout=300)
        try:
            try:
                r = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "pytest",
                        "-q",
                        "-p",
                        "no:cacheprovider",
                        "tests/installer/test_deb.py::test_install_use_upgrade_remove",
                    ],
                    capture_output=True,
                    text=True,
                    timeout=300,
                    cwd=ROOT,
                )
            except subprocess.TimeoutExpired:
                pytest.fail(
                    "the package test went on past a keeper package it did not install "
                    "(it waited for the package tests' lock, which this test holds)"
                )
            assert r.returncode == 1, r.stdout[-3000:]
            assert "a keeper package this test did not install is on this machine" in r.stdout
            assert OTHER_VERSION in r.stdout, r.stdout[-3000:]
            state = package_state()
            assert state is not None and state == ("install ok installed", OTHER_VERSION), state
        finally:
            state = package_state()
            if state is not None and state[1] == OTHER_VERSION:  # ours: installed above
                sh(["dpkg", "--purge", "keeper"], timeout=300)
    assert package_state() is None
