"""`keeper inventory …` (issue 16, part 5) run as real processes against a real database
file: a session with a disc not located and one not expected ends in two discrepancies
reported to the head; refusals change nothing; the report's PDF, read back with pdftotext,
holds the population, the observations and the discrepancies; the history verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from conftest import PASSWORD, Office

from keeper_app.domain import codes
from keeper_app.services import admin, custody, lookup
from keeper_app.timeutil import now_utc


def keeper(office: Office, creds: Path, badge: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    cmd += ["--credentials", str(creds), "--as", badge, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def creds_file(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "K002", "R001", "D001", "C001")}))
    p.chmod(0o600)
    return p


def test_an_inventory_with_a_missing_and_an_unexpected_disc(office: Office, tmp_path: Path):
    office.clock.t = now_utc() - timedelta(minutes=10)
    o1, d1 = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair(person="李某")
    k = office.session("K001")
    custody.set_location(k, d2, "柜B-02")
    creds = creds_file(tmp_path)

    r = keeper(office, creds, "K001", "inventory", "start", "--location", "柜B")
    assert r.returncode == 0, r.stderr
    assert "inventory #1 started at 柜B: 2 media expected" in r.stdout
    before = office.snapshot()
    # refusals: nothing changes
    bad = keeper(office, creds, "K001", "inventory", "start", "--location", "柜B-02")
    assert bad.returncode == 1 and "still open" in bad.stderr
    bad = keeper(office, creds, "D001", "inventory", "start", "--location", "柜A")
    assert bad.returncode == 1 and "refused" in bad.stderr
    bad = keeper(office, creds, "K001", "inventory", "close", "1", "--witness", "R001")
    assert bad.returncode == 1 and "no observation yet" in bad.stderr
    bad = keeper(office, creds, "K001", "inventory", "observe", "1", "3101-XYZ", "--as", "shelf")
    assert bad.returncode == 2
    bad = keeper(office, creds, "K001", "inventory", "observe", "1", d2, "--as", "sealed")
    assert bad.returncode == 1 and "does not fit" in bad.stderr
    assert office.snapshot() == before

    pretty = codes.parse(d2).pretty  # typed as printed under the barcode
    r = keeper(office, creds, "K001", "inventory", "observe", "1", pretty, "--as", "shelf")
    assert r.returncode == 0, r.stderr
    r = keeper(office, creds, "K001", "inventory", "observe", "1", o1, "--as", "sealed")
    assert r.returncode == 0 and "unexpected" in r.stdout, r.stderr
    r = keeper(
        office, creds, "K001", "inventory", "observe", "1", d1, "--as", "missing",
        "--note", "柜B 全部查找",
    )  # fmt: skip
    assert r.returncode == 0 and "0 expected media still without" in r.stdout, r.stderr
    bad = keeper(office, creds, "K001", "inventory", "close", "1", "--witness", "C001")
    assert bad.returncode == 1 and "not staff" in bad.stderr
    r = keeper(office, creds, "K001", "inventory", "close", "1", "--witness", "R001")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("reported to D001") == 2

    box = json.loads(keeper(office, creds, "D001", "--json", "inbox").stdout)
    assert [(i["kind"], i["code"]) for i in box["incidents"]] == [("missing", d1)]
    assert [(d["kind"], d["code"]) for d in box["inventory"]] == [("unexpected", o1)]
    assert lookup.scan(office.session("K001"), d1).status == "lost"

    shown = json.loads(keeper(office, creds, "K001", "--json", "inventory", "show", "1").stdout)
    assert shown["closed"] and [d["kind"] for d in shown["discrepancies"]] == [
        "not_located",
        "unexpected",
    ]
    pdf = tmp_path / "inventory-1.pdf"
    r = keeper(office, creds, "K001", "inventory", "report", "1", "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "光盘保管盘点记录" in text and "柜B" in text
    for c in (d1, d2, o1):
        assert codes.parse(c).pretty in text
    assert "在架核对" in text and "未找到" in text and "不应在此" in text
    assert "周大队长" in text and "孙法制" in text and "李保管" in text
    r = keeper(office, creds, "D001", "inventory", "resolve", "2", "--note", "原件已归位")
    assert r.returncode == 0, r.stderr
    assert admin.verify_audit(office.db).ok
    v = subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", office.location, "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert v.returncode == 0, v.stdout + v.stderr
