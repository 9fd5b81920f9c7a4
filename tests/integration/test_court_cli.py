"""`keeper court-request`, `court-requests`, `court-transfer`, `court-item-reason` and
`keeper due` as the real command (issue 14, point 3): items listed, open until each ends,
late marked once by `keeper due`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import Office
from test_cli import creds as creds  # noqa: F401  (the fixture)
from test_cli import keeper

from keeper_app.timeutil import now_utc, show


@pytest.fixture(autouse=True)
def real_time(office: Office) -> None:
    office.clock.t = now_utc() - timedelta(days=4)


def test_court_request_items_reason_and_late_mark(office: Office, creds: Path) -> None:  # noqa: F811
    _, d1 = office.handed_over_pair(person="王某某")
    office.handed_over_pair(person="李某")
    asked = show(now_utc() - timedelta(days=3, hours=5))[:16]
    r = keeper(
        office,
        "court-request",
        "--case",
        "A2026-001",
        "--org-kind",
        "court",
        "--org-name",
        "某市中级人民法院",
        "--document-no",
        "(2026)刑调字第8号",
        "--requested-at",
        asked,
        creds=creds,
    )
    assert r.returncode != 0 and "name what the court or procuratorate asks for" in r.stderr
    r = keeper(
        office,
        "court-request",
        "--case",
        "A2026-001",
        "--org-kind",
        "court",
        "--org-name",
        "某市中级人民法院",
        "--document-no",
        "(2026)刑调字第8号",
        "--requested-at",
        asked,
        "--all",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("  item #") == 2 and "王某某" in r.stdout and "李某" in r.stdout
    items = [int(x.split("#")[1].split(":")[0]) for x in r.stdout.splitlines() if "item #" in x]

    r = keeper(office, "due", creds=creds)
    assert r.returncode == 0, r.stderr
    # what the sweep marked is told on stderr (stdout stays the list, as --json needs)
    assert "marked LATE, head told" in r.stderr and "marked LATE" not in r.stdout
    r = keeper(office, "due", creds=creds)
    assert "marked LATE" not in r.stderr  # once
    r = keeper(office, "inbox", creds=creds, as_badge="D001")
    assert r.returncode == 0, r.stderr
    assert "(2026)刑调字第8号" in r.stdout
    r = keeper(office, "ack-court-late", "1", "--note", "已督促", creds=creds, as_badge="D001")
    assert r.returncode == 0, r.stderr
    assert "acknowledged" in r.stdout
    r = keeper(office, "inbox", creds=creds, as_badge="D001")
    assert "(2026)刑调字第8号" not in r.stdout

    r = keeper(
        office,
        "court-transfer",
        "1",
        d1,
        "--recipient",
        "C001",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    assert "LATE" in r.stdout and "1 item(s) still open" in r.stdout
    r = keeper(office, "court-item-reason", str(items[1]), "--reason", " ", creds=creds)
    assert r.returncode != 0
    r = keeper(office, "court-item-reason", str(items[1]), "--reason", "法院撤回", creds=creds)
    assert r.returncode == 0, r.stderr
    r = keeper(office, "court-requests", "A2026-001", creds=creds)
    assert r.returncode == 0, r.stderr
    assert "served — LATE" in r.stdout and "closed" in r.stdout and "法院撤回" in r.stdout
    assert "transferred" in r.stdout
    r = keeper(office, "audit", "verify", creds=creds)
    assert r.returncode == 0, r.stdout + r.stderr
