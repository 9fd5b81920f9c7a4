"""Issue 14, point 4, with the real xorriso on file-backed drives: recordings kept only on
the storage device are burned to a pair for a court after the case is concluded (and only
those the court's open request asks for), handed over and transferred."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import settings
from conftest import Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, intake, lookup, transfers
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import add_sample_recordings

pytestmark = pytest.mark.realtool

CASE = "A2026-001"


def test_storage_recordings_burned_for_a_court_after_conclusion(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    h = office.session("H001")
    recs = add_sample_recordings(
        h,
        st,
        CASE,
        "王某某",
        office.clock() - timedelta(hours=8),
        count=1,
        seconds=2.0,
        gap=timedelta(hours=2),
    )
    transfers.conclude_case(h, CASE)
    drives = []
    for n in (1, 2):
        (tmp_path / f"drive{n}").mkdir()
        drives.append(f"stdio:{tmp_path / f'drive{n}' / 'disc.iso'}")
    # no request asks for them yet: no burning after conclusion
    with pytest.raises(RuleViolation) as ei:
        PairBurn(office.session("H001"), recs, drives, st).prepare()
    assert ei.value.code == "case_not_open"
    assert office.db.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0

    k = office.session("K001")
    qid = transfers.register_court_request(
        k, CASE, "court", "某市中级人民法院", "(2026)刑调字第5号", office.clock(), whole_case=True
    )
    burn = PairBurn(office.session("H001"), recs, drives, st)
    burn.prepare()
    result = burn.run()
    o, d = result.original, result.duplicate
    assert lookup.scan(k, o).actions == ["handover"]
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-C1", "柜A-01", "柜B-01")
    transfers.court_transfer(k, qid, d, office.cred("C001"), office.cred("K001"))
    [q] = lookup.court_requests(k, CASE)
    assert q["served"] and not q["late"]
    r = admin.verify_audit_file(office.location)
    assert r.ok, r.problems
