"""Issue 14, points 3 and 4, in the real widgets (offscreen): the keeper's due board marks a
court request past its 3 days late (once) and the head sees it in the inbox; the conclusion
dialog names the discs awaiting their handover and the conclusion is refused."""

from __future__ import annotations

import re
from datetime import timedelta

from conftest import Office

from keeper_app.services import transfers


def marks(office: Office) -> int:
    return int(office.db.conn.execute("SELECT count(*) FROM court_late_marks").fetchone()[0])


def test_due_board_marks_a_late_request_and_the_head_sees_it(ui, office: Office, qtbot) -> None:
    office.handed_over_pair()
    qid = transfers.register_court_request(
        office.session("K001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)刑调字第3号",
        office.clock() - timedelta(days=3, hours=2),
        whole_case=True,
    )
    m = ui.sign_in("K001")
    assert m.due is not None
    qtbot.waitUntil(lambda: marks(office) == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: any(r["kind"] == "court_transfer" and r["late"] for r in m.due.model.rows),
        timeout=10_000,
    )
    m.due.refresh()  # a second look marks nothing more
    qtbot.waitUntil(lambda: len(m.due.model.rows) > 0)
    qtbot.wait(300)
    assert marks(office) == 1
    ui.app.sign_out()
    h = ui.sign_in("D001")
    assert h.inbox is not None
    inbox = h.inbox
    qtbot.waitUntil(lambda: len(inbox.court_late.rows) == 1, timeout=10_000)
    row = inbox.court_late.rows[0]
    assert (row["request_id"], row["case_no"], row["open_items"]) == (qid, "A2026-001", 1)
    assert re.search(r"[(（]1[)）]", inbox.court_late_title.text())  # either language
    # the head acknowledges it, signing
    inbox.court_late_table.selectRow(0)
    inbox.ack_late.click()
    dlg = h.dialog
    dlg.note.setPlainText("已督促移送")
    ui.sign(dlg, "head")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    acks = "SELECT count(*) FROM court_late_acks"
    assert office.db.conn.execute(acks).fetchone()[0] == 1
    inbox.refresh()
    qtbot.waitUntil(lambda: len(inbox.court_late.rows) == 0, timeout=10_000)


def test_conclusion_names_the_discs_awaiting_handover(ui, office: Office, qtbot) -> None:
    office.handed_over_pair()
    o, d = office.new_pair(person="李某")
    m = ui.sign_in("H001")
    m.tabs.setCurrentWidget(m.cases)
    qtbot.waitUntil(lambda: m.cases.model.rowCount() >= 1)
    m.cases.select_case("A2026-001")
    m.cases.buttons["conclude"].click()
    dlg = m.dialog
    assert dlg.waiting == sorted([o, d])
    assert o in dlg.banner.text() and d in dlg.banner.text()
    assert ui.submit(dlg) is None
    assert o in dlg.banner.text() or d in dlg.banner.text()
    status = office.db.conn.execute("SELECT status FROM cases WHERE case_no='A2026-001'")
    assert status.fetchone()[0] == "open"


def test_keeper_closes_a_requested_item_with_a_reason(ui, office: Office, qtbot) -> None:
    _o, d1 = office.handed_over_pair(person="王某某")
    office.handed_over_pair(person="李某")
    qid = transfers.register_court_request(
        office.session("K001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)刑调字第4号",
        office.clock() - timedelta(hours=2),
        whole_case=True,
    )
    m = ui.sign_in("K001")
    m.tabs.setCurrentWidget(m.cases)
    qtbot.waitUntil(lambda: m.cases.model.rowCount() >= 1)
    m.cases.select_case("A2026-001")
    m.cases.buttons["court_item"].click()
    dlg = m.dialog
    assert dlg.item.count() == 2
    dlg.item.setCurrentIndex(1)
    assert "李某" in dlg.item.currentText()
    assert ui.submit(dlg) is None  # no reason: refused, nothing written
    closures = "SELECT count(*) FROM court_item_closures"
    assert office.db.conn.execute(closures).fetchone()[0] == 0
    dlg.reason.setText("法院来函撤回")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    row = office.db.conn.execute("SELECT reason, transfer_id FROM court_item_closures").fetchone()
    assert tuple(row) == ("法院来函撤回", None)
    # the request is still open for the other item
    transfers.court_transfer(
        office.session("K001"), qid, d1, office.cred("C001"), office.cred("K001")
    )
    m.cases.buttons["court_item"].click()
    assert m.dialog.item.count() == 0
