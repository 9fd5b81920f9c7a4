"""The test run's own rules (pyproject's [tool.pytest.ini_options]), checked on tiny test
files run by a real pytest with this project's configuration: a marker nobody registered is
an error (not a test silently outside ``-m`` selections), and a hung test fails with the
per-test timeout instead of holding the whole run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_pytest(test_file: Path, *opts: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(test_file.parent),
            "-p",
            "no:cacheprovider",
            "-q",
            *opts,
            str(test_file),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=test_file.parent,
    )


def test_an_unregistered_marker_is_an_error(tmp_path: Path) -> None:
    t = tmp_path / "test_marker.py"
    t.write_text("import pytest\n\n@pytest.mark.slwo\ndef test_x():\n    pass\n")
    r = run_pytest(t)
    assert r.returncode != 0, r.stdout
    assert "'slwo' not found in `markers` configuration option" in r.stdout + r.stderr


def test_the_registered_markers_are_accepted(tmp_path: Path) -> None:
    t = tmp_path / "test_marker.py"
    t.write_text(
        "import pytest\n\n@pytest.mark.slow\n@pytest.mark.realtool\ndef test_x():\n    pass\n"
    )
    r = run_pytest(t)
    assert r.returncode == 0 and "1 passed" in r.stdout, r.stdout + r.stderr


def test_a_hung_test_fails_with_the_timeout(tmp_path: Path) -> None:
    t = tmp_path / "test_hang.py"
    t.write_text("import threading\n\ndef test_hangs():\n    threading.Event().wait()\n")
    r = run_pytest(t, "-o", "timeout=2")  # the project's is far longer: here a hang is sure
    assert r.returncode == 1, r.stdout
    assert "Timeout" in r.stdout and "1 failed" in r.stdout, r.stdout


def test_every_test_runs_under_a_generous_timeout(pytestconfig: pytest.Config) -> None:
    timeout = float(pytestconfig.getini("timeout"))
    assert 300 <= timeout <= 1800, timeout  # minutes: the longest tests take a few
    assert "--strict-markers" in pytestconfig.getini("addopts")
