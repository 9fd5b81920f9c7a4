"""``keeper audit reads`` (issue 14): a department head asks who read what of their
departments' cases — the real command, as a process, on a real database file. The command's
own sign-in and every command that showed a case are in it; another department's head sees
none of it, and asking for a case of another department is refused, changing nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from conftest import PASSWORD, Office

from keeper_app.store import audit
from keeper_app.store import open as store_open
from keeper_app.timeutil import now_utc


def keeper(office: Office, creds: Path, badge: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    cmd += ["--credentials", str(creds), "--as", badge, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_a_head_lists_who_read_their_cases_and_nothing_of_another_department(
    office: Office, tmp_path: Path
) -> None:
    office.clock.t = now_utc() - timedelta(minutes=5)  # the command runs on the real clock
    _o, d = office.handed_over_pair("A2026-001", "H001")
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({b: PASSWORD for b in ("K001", "H003", "D001", "D002")}))
    creds.chmod(0o600)
    office.db.close()

    assert keeper(office, creds, "K001", "scan", d).returncode == 0
    assert keeper(office, creds, "H003", "cases").returncode == 0  # the drug case only

    r = keeper(office, creds, "D001", "--json", "audit", "reads", "--case", "A2026-001")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["badge"], x["what"], x["cases"]) for x in rows] == [("K001", "scan", ["A2026-001"])]
    assert rows[0]["refs"] == {"code": d}

    r = keeper(office, creds, "D001", "audit", "reads", "--since", "2026-01-01")
    assert r.returncode == 0, r.stderr
    assert "(K001)  scan" in r.stdout and f"code={d}" in r.stdout and "H003" not in r.stdout

    r = keeper(office, creds, "D002", "--json", "audit", "reads")
    assert r.returncode == 0, r.stderr
    drug = json.loads(r.stdout)
    assert [(x["badge"], x["what"]) for x in drug] == [("H003", "cases")]
    assert d not in r.stdout and "A2026-001" not in r.stdout

    db = store_open(office.location)
    try:
        head = audit.head(db.conn)
    finally:
        db.close()
    r = keeper(office, creds, "D002", "audit", "reads", "--case", "A2026-001")
    assert r.returncode != 0 and "A2026-001" in r.stderr
    db = store_open(office.location)
    try:
        # the refused command wrote only its own sign-in (and the password check before it)
        after = [
            str(a)
            for (a,) in db.conn.execute(
                "SELECT action FROM audit_events WHERE seq > ? ORDER BY seq", (head[0],)
            )
        ]
    finally:
        db.close()
    assert "read" not in after and after[-1] == "sign_in"
