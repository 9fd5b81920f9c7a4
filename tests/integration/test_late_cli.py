"""`keeper due`, `keeper sweep` and `keeper missing` (issue 14), run as real processes against
a real database file: what became late is marked and reported by the person running the
command, once; a sweep by someone who neither keeps nor heads is refused."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from conftest import PASSWORD, Office

from keeper_app.services import admin, lookup
from keeper_app.timeutil import now_utc


def keeper(office: Office, creds: Path, badge: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    cmd += ["--credentials", str(creds), "--as", badge, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def creds_file(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "H001", "D001")}))
    p.chmod(0o600)
    return p


def test_due_marks_what_became_late_once_and_the_head_sees_it(office: Office, tmp_path: Path):
    now = now_utc()
    office.clock.t = now - timedelta(hours=29)
    o, _d = office.new_pair(burned_at=now - timedelta(hours=30))
    office.clock.t = now - timedelta(minutes=5)
    creds = creds_file(tmp_path)
    refused = keeper(office, creds, "H001", "sweep")
    assert refused.returncode == 1 and "sweep late" in refused.stderr
    r = keeper(office, creds, "K001", "due")
    assert r.returncode == 0, r.stderr
    assert "1 lateness(es) marked" in r.stderr
    assert "LATE" in r.stdout or "late" in r.stdout
    again = keeper(office, creds, "K001", "--json", "sweep")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == {"marked": [], "no_head": [], "seized": []}
    box = keeper(office, creds, "D001", "--json", "inbox")
    [inc] = json.loads(box.stdout)["incidents"]
    assert (inc["kind"], inc["code"]) == ("late_handover", o)
    assert admin.verify_audit(office.db).ok


def test_missing_records_the_disc_lost(office: Office, tmp_path: Path):
    office.clock.t = now_utc() - timedelta(minutes=5)
    _o, d = office.handed_over_pair()
    creds = creds_file(tmp_path)
    r = keeper(office, creds, "K001", "missing", d, "--note", "柜B-01 未找到")
    assert r.returncode == 0, r.stderr
    assert lookup.scan(office.session("K001"), d).status == "lost"
    assert admin.verify_audit(office.db).ok
