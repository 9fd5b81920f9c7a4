"""`keeper spot-check` run as real processes, on discs burned with the real xorriso to
file-backed drives: draw, check each disc, close, show; the report PDF read back with
pdftotext; refusals exit 1 and record nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import shelf_of_discs
from conftest import PASSWORD, Office
from printing_tools import pdf_text, squash

from keeper_app.services import admin
from keeper_app.timeutil import now_utc

pytestmark = pytest.mark.realtool


def keeper(office: Office, creds: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location, "--credentials"]
    return subprocess.run(cmd + [str(creds), *args], capture_output=True, text=True, timeout=180)


def test_draw_check_close_and_the_report_for_the_head(office: Office, tmp_path: Path) -> None:
    office.clock.t = now_utc() - timedelta(minutes=10)  # the commands run on the real clock
    images = shelf_of_discs(office, tmp_path, pairs=3)
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({b: PASSWORD for b in ("K001", "R001", "D001")}))
    creds.chmod(0o600)

    r = keeper(office, creds, "--as", "R001", "spot-check", "draw")
    assert r.returncode == 1 and "may not draw spot check" in r.stderr
    r = keeper(office, creds, "--as", "K001", "--json", "spot-check", "draw", "--size", "2")
    assert r.returncode == 0, r.stderr
    drawn = json.loads(r.stdout)
    sid, codes = drawn["id"], [i["code"] for i in drawn["items"]]
    assert (drawn["population"], drawn["sample_size"], len(codes)) == (3, 2, 2)

    # a keeper does not check; the reviewer does, disc by disc
    r = keeper(
        office, creds, "--as", "K001", "spot-check", "check", str(sid), codes[0],
        "--drive", f"stdio:{images[codes[0]]}",
    )  # fmt: skip
    assert r.returncode == 1 and "may not spot check" in r.stderr
    for code in codes:
        r = keeper(
            office, creds, "--as", "R001", "spot-check", "check", str(sid), code,
            "--drive", f"stdio:{images[code]}",
        )  # fmt: skip
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith(f"{code}: match")
    r = keeper(office, creds, "--as", "R001", "spot-check", "close", str(sid))
    assert r.returncode == 0 and f"spot check #{sid} closed: all_match" in r.stdout, r.stderr
    r = keeper(office, creds, "--as", "D001", "spot-check", "show", str(sid))
    assert r.returncode == 0, r.stderr
    assert f"chain head event {drawn['head_seq']} {drawn['head_hash']}" in r.stdout
    assert "closed" in r.stdout and "all_match" in r.stdout

    r = keeper(office, creds, "--as", "D001", "spot-check", "report", str(sid))  # as text
    assert r.returncode == 0 and f"spot check #{sid} drawn" in r.stdout, r.stderr
    r = keeper(office, creds, "--as", "K001", "spot-check", "current")
    assert r.returncode == 0 and "no spot check is open" in r.stdout, r.stderr

    pdf = tmp_path / "spot.pdf"
    r = keeper(office, creds, "--as", "D001", "spot-check", "report", str(sid), "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    text = squash(pdf_text(pdf))
    assert "光盘抽查报告" in text and f"#{sid}" in text
    assert drawn["head_hash"] in text and drawn["population_sha256"] in text
    for code in codes:
        assert f"{code[0:4]}-{code[4:8]}-{code[8:14]}-{code[14]}-{code[15]}" in text
    assert "全部一致" in text and "校验一致" in text and "R001" in text
    en = tmp_path / "spot-en.pdf"
    r = keeper(
        office, creds, "--as", "R001", "spot-check", "report", str(sid), "--pdf", str(en),
        "--lang", "en",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Spotcheckreport" in squash(pdf_text(en)) and "alldiscsmatch" in squash(pdf_text(en))
    assert admin.verify_audit(office.db).ok
    r = keeper(office, creds, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
