"""`keeper audit checkpoint` and `keeper audit check-checkpoint`, run as real processes."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD, Office
from printing_tools import pdf_text, squash

from keeper_app.services import admin
from keeper_app.store import audit
from keeper_app.timeutil import now_utc


def keeper(office: Office, creds: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    return subprocess.run(
        cmd + ["--credentials", str(creds), *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def creds(office: Office, tmp_path: Path) -> Path:
    office.clock.t = now_utc() - timedelta(minutes=5)  # the command runs on the real clock
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "K002", "D001", "H001")}))
    p.chmod(0o600)
    return p


def test_a_keeper_takes_it_saves_the_slip_and_exports_the_file(office, creds, tmp_path):
    office.handed_over_pair()
    head = office.db.conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC").fetchone()
    out = tmp_path / "out"
    out.mkdir()
    pdf = tmp_path / "slip.pdf"
    r = keeper(
        office,
        creds,
        "--as",
        "K001",
        "audit",
        "checkpoint",
        "--head",
        "D001",
        "--export",
        str(out),
        "--pdf",
        str(pdf),
    )
    assert r.returncode == 0, r.stderr
    # the head certified: the one before, with the two sign-ins the command recorded
    got = office.db.conn.execute("SELECT seq, hash FROM checkpoints").fetchone()
    assert got[0] >= head["seq"] and audit.only_system_since(office.db.conn, head["seq"]) is False
    assert f"event {got[0]}, hash {got[1]}" in r.stdout
    assert "signed by K001 李保管 (keeper)" in r.stdout
    assert "signed by D001 周大队长 (dept_head)" in r.stdout
    [f] = list(out.iterdir())
    assert f.name == f"keeper-checkpoint-3101-{got[0]}.json"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert got[1] in squash(pdf_text(pdf))
    assert admin.verify_audit(office.db).ok
    r = keeper(office, creds, "audit", "check-checkpoint", str(f))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "signatures verify: K001 (keeper), D001 (dept_head)" in r.stdout
    assert "not checked against a database" in r.stdout
    r = keeper(office, creds, "--json", "audit", "check-checkpoint", str(f), "--db")
    assert r.returncode == 0, r.stdout + r.stderr
    checked = json.loads(r.stdout)
    assert checked["ok"] is True and checked["on_chain"] is True and checked["seq"] == got[0]
    # --db PATH: another database (an empty office's) does not hold this head
    other = tmp_path / "other.sqlite"
    subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(other), "init"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    r = keeper(office, creds, "audit", "check-checkpoint", str(f), "--db", str(other))
    assert r.returncode == 1 and f.name in r.stdout, r.stdout


def test_refusals_on_the_command_line(office, creds, tmp_path):
    r = keeper(office, creds, "--as", "K001", "audit", "checkpoint")
    assert r.returncode == 1 and "--head BADGE" in r.stderr
    r = keeper(office, creds, "--as", "K001", "audit", "checkpoint", "--head", "K002")
    assert r.returncode == 1 and "is not a department head" in r.stderr
    r = keeper(office, creds, "--as", "H001", "audit", "checkpoint", "--head", "D001")
    assert r.returncode == 1 and "refused" in r.stderr
    r = keeper(office, creds, "audit", "check-checkpoint")
    assert r.returncode == 1 and "FILE" in r.stderr
    # a mistyped export folder is refused before anything is signed
    missing = tmp_path / "no-such-folder"
    r = keeper(
        office,
        creds,
        "--as",
        "K001",
        "audit",
        "checkpoint",
        "--head",
        "D001",
        "--export",
        str(missing),
    )
    assert r.returncode == 1 and f"the folder {missing} does not exist" in r.stderr
    assert not missing.exists()
    assert office.db.conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0] == 0
