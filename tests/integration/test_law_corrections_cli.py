"""Issue 14, point 1, through the `keeper` command as a real process: `keeper correct` of a
label corrects both discs and names the sticker, `keeper print correction` prints it,
`keeper supplement` adds to an incident, and a retriever's own usage time is refused with the
reason (a new approval), changing nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD, Office
from printing_tools import pdf_text, squash
from test_cli import keeper

from keeper_app.services import admin, custody, lookup
from keeper_app.store import entries
from keeper_app.timeutil import now_utc


@pytest.fixture(autouse=True)
def real_time(office: Office) -> None:
    """The command runs on the real clock: set the office's clock to it."""
    office.clock.t = now_utc() - timedelta(minutes=5)


@pytest.fixture
def creds(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "H001", "D001")}))
    p.chmod(0o600)
    return p


def test_keeper_correct_a_label_and_print_its_sticker(
    office: Office, creds: Path, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    mid = str(office.medium_id(o))
    r = keeper(
        office,
        "correct",
        "media",
        mid,
        "label.person_interrogated",
        "王某甲",
        "--reason",
        "name misspelt",
        creds=creds,
        as_badge="H001",
    )
    assert r.returncode == 0, r.stderr
    assert "both discs of the pair" in r.stdout
    cid = r.stdout.split("#", 1)[1].split()[0]
    assert f"keeper print correction {cid}" in r.stdout
    k = office.session("K001")
    assert lookup.scan(k, o).label["person_interrogated"] == "王某甲"
    assert lookup.scan(k, d).label["person_interrogated"] == "王某甲"
    out = tmp_path / "sticker.pdf"
    r = keeper(office, "print", "correction", cid, "--pdf", str(out), creds=creds)
    assert r.returncode == 0, r.stderr
    text = squash(pdf_text(out))
    assert o in text and d in text and "王某甲" in text and "王某某" in text
    assert admin.verify_audit_file(office.location).ok


def test_keeper_correct_refuses_the_retriever_s_own_usage_time(office: Office, creds: Path) -> None:
    _o, d = office.handed_over_pair()
    rid = office.retrieve(
        office.session("K001"),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "D001",
        "case_handling",
        4,
    )
    before, changes = office.snapshot(), office.changes()
    r = keeper(
        office,
        "correct",
        "retrievals",
        str(rid),
        "est_usage_hours",
        "48",
        "--reason",
        "more time",
        creds=creds,
        as_badge="H001",
    )
    assert r.returncode == 1, r.stdout  # refused by the law
    assert "new approval" in r.stderr
    assert office.snapshot() == before and office.changes() == changes


def test_keeper_supplement_adds_to_an_incident(office: Office, creds: Path) -> None:
    _o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="划伤")
    [inc] = entries.incidents(office.db.conn)
    r = keeper(office, "supplement", str(inc["id"]), "复查：数据可读", creds=creds)
    assert r.returncode == 0, r.stderr
    assert "description is unchanged" in r.stdout
    [after] = entries.incidents(office.db.conn)
    assert after["description"] == "划伤"
    assert admin.verify_audit_file(office.location).ok
