"""The identify dialog (issue 14, point 6; Art. 21): a disc of another department's case,
put in a drive by its head, shows nothing of what the register holds of it — no status, no
shelf, no read-backs — and the refusal writes nothing; the head of the case's department
sees it, and that reading is a signed audit event. Signing in at the window is logged too.
Real xorriso images on file-backed drives, the real dialog offscreen."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import intake
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.store import audit
from keeper_app.ui.dialogs.identify_disc import IdentifyDialog

pytestmark = pytest.mark.realtool


def _events(office: Office, after: int) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (str(b), str(a), json.loads(p)["details"])
        for b, a, p in office.db.conn.execute(
            "SELECT p.badge, e.action, e.payload FROM audit_events e JOIN people p "
            "ON p.id = e.actor_id WHERE e.seq > ? ORDER BY e.seq",
            (after,),
        )
    ]


def _identify(qtbot: Any, m: Any, iso: Path) -> IdentifyDialog:
    d = m.discs.hub.identify(f"stdio:{iso}", "image")
    qtbot.waitUntil(lambda: d.identity is not None or d.error is not None, timeout=20_000)
    return d


def test_a_head_identifies_only_their_departments_discs_and_the_reading_is_logged(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    st = StorageSettings.for_database(office.path)
    s = office.session("H001")
    rids = add_sample_recordings(
        s, st, "A2026-001", "王某某", office.clock() - timedelta(hours=6), count=1, seconds=2.0
    )
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    pair = PairBurn(s, rids, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    intake.handover(
        office.session("K001"),
        pair.original,
        office.cred("H001"),
        office.cred("K001"),
        "S-0001",
        "柜A-07",
        "柜B-07",
    )

    start = audit.head(office.db.conn)[0]
    m = ui.sign_in("D002")  # the drug squad's head
    # the sign-in first; then the views of the main window, each a logged reading
    got = _events(office, start)
    assert got[0] == ("D002", "sign_in", {"badge": "D002"})
    assert {(b, a) for b, a, _ in got[1:]} <= {("D002", "read")}

    before, mark = office.snapshot(), audit.head(office.db.conn)[0]
    d = _identify(qtbot, m, d_iso)
    assert isinstance(d.error, RuleViolation) and d.error.code == "not_your_department"
    assert d.banner.kind == "error" and "A2026-001" in d.banner.text()
    shown = d.info.text() + d.banner.text()
    assert "柜B-07" not in shown and "in_custody" not in shown
    assert not d.counter_button.isVisible()
    assert office.snapshot() == before  # no row; and no reading of the disc was logged
    assert [det for _b, a, det in _events(office, mark) if det.get("what") == "identify"] == []
    d.close()
    m.close()

    ui.app.sign_out()
    m = ui.sign_in("D001")  # the criminal squad's head: his department's disc
    mark = audit.head(office.db.conn)[0]
    d = _identify(qtbot, m, d_iso)
    assert d.error is None and d.identity is not None
    assert d.identity["location"] == "柜B-07" and "柜B-07" in d.info.text()
    reads = [(b, det) for b, _a, det in _events(office, mark) if det.get("what") == "identify"]
    case_id = office.db.conn.execute("SELECT id FROM cases WHERE case_no='A2026-001'").fetchone()
    assert reads == [("D001", {"what": "identify", "cases": [case_id[0]], "code": pair.duplicate})]
    d.close()
