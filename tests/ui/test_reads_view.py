"""Who read what, on screen (issue 14; Art. 21): a department head's tab lists the logged
readings of their departments' cases — who, when, what, which case — and nothing of another
department's; asking for another department's case is refused in the banner."""

from __future__ import annotations

from typing import Any

from conftest import Office
from PySide6.QtCore import Qt

from keeper_app.services import lookup
from keeper_app.ui.views.reads_view import ReadsView


def _show(qtbot: Any, v: ReadsView, case_no: str = "") -> None:
    v.loaded = False
    v.case_no.setText(case_no)
    qtbot.mouseClick(v.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: v.loaded, timeout=10_000)


def test_a_head_sees_who_read_their_cases_and_nothing_of_another_department(
    ui: Any, office: Office, qtbot: Any
) -> None:
    _o, d_crim = office.handed_over_pair("A2026-001", "H001", "王某某")
    _o, d_drug = office.handed_over_pair("B2026-002", "H003", "李某")
    lookup.scan(office.session("K001"), d_crim)
    lookup.scan(office.session("H003"), d_drug)

    m = ui.sign_in("D001")
    v = m.reads
    assert v is not None and m.tabs.indexOf(v) >= 0
    m.tabs.setCurrentWidget(v)
    _show(qtbot, v, "A2026-001")
    rows = [(r["badge"], r["what"], r["cases"]) for r in v.model.rows]
    assert ("K001", "scan", ["A2026-001"]) in rows
    assert all(r["cases"] == ["A2026-001"] for r in v.model.rows)
    assert "H003" not in {r["badge"] for r in v.model.rows}
    texts = [v.model.data(v.model.index(i, c)) for i in range(v.model.rowCount()) for c in range(5)]
    assert "李保管 (K001)" in texts and any("A2026-001" in str(t) for t in texts)

    _show(qtbot, v, "B2026-002")  # the drug squad's case
    assert v.model.rows == [] and v.banner.kind == "error"
    assert "B2026-002" in v.banner.text()

    # a keeper or a case handler has no such tab
    m.close()
    ui.app.sign_out()
    k = ui.sign_in("K001")
    assert k.reads is None
