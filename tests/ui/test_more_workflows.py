"""The other counter workflows, each through its dialog: handover of a new pair, the
original's unseal request, approval, unsealing and resealing, a court transfer, a move."""

from __future__ import annotations

from datetime import timedelta

from conftest import Office

from keeper_app.services import lookup
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.handover import HandoverDialog

from .test_workflows import open_record


def test_handover_of_a_new_pair_signed_by_handler_and_keeper(ui, office: Office, qtbot) -> None:
    o, d = office.new_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    assert set(m.counter.record.buttons) == {"handover"}
    m.counter.record.buttons["handover"].click()
    dlg = m.dialog
    assert isinstance(dlg, HandoverDialog)
    dlg.seal_no.setText("FC-2026-0001")
    dlg.original_location.setText("封存柜A-01")
    dlg.duplicate_location.setText("副本柜B-01")
    ui.sign(dlg, "handler", badge="H001")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "in_custody")
    rec = lookup.scan(office.session("K001"), o)
    assert (rec.status, rec.seal_no, rec.location) == ("sealed", "FC-2026-0001", "封存柜A-01")


def test_late_handover_needs_a_reason(ui, office: Office, qtbot) -> None:
    _o, d = office.new_pair(burned_at=office.clock() - timedelta(hours=30))
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["handover"].click()
    dlg = m.dialog
    dlg.seal_no.setText("FC-2026-0002")
    dlg.original_location.setText("A-02")
    dlg.duplicate_location.setText("B-02")
    ui.sign(dlg, "handler", badge="H001")
    ui.sign(dlg, "keeper")
    before = office.snapshot()
    assert ui.submit(dlg) is None
    assert "24" in dlg.banner.text()
    assert office.snapshot() == before
    dlg.late_reason.setText("刻录后办案人员外出抓捕，次日返回")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    # the late handover is reported to the head of the case's department
    assert [i["kind"] for i in lookup.inbox(office.session("D001"))["incidents"]] == [
        "late_handover"
    ]


def test_unseal_request_approval_unseal_and_reseal(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    o, _d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["request_unseal"].click()
    req = m.dialog
    req.reason.setCurrentIndex(req.reason.findData("check_duplicate"))
    req.doubted_by.setText("辩护律师王某（某律师事务所）")
    req.doubt.setPlainText("副本播放出现跳帧，怀疑经过剪辑")
    req.note.setPlainText("副本播放出现跳帧，需与正本核对")
    assert ui.submit(req) is not None, req.banner.text()
    qtbot.waitUntil(lambda: "request_unseal" not in m.counter.record.buttons)

    # the head approves in the inbox, signing
    m.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    head = ui.sign_in("D001")
    qtbot.waitUntil(lambda: head.inbox.approvals.rowCount() == 1)
    head.inbox.approve.click()
    dec = head.dialog
    ui.sign(dec, "head")
    assert ui.submit(dec) is not None, dec.banner.text()
    qtbot.waitUntil(lambda: head.inbox.approvals.rowCount() == 0)

    # the keeper opens the original with a witness, then reseals it with a new seal
    head.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["unseal"].click()
    uns = m.dialog
    assert uns.approval.count() == 1
    ui.sign(uns, "keeper")
    ui.sign(uns, "witness", badge="K002")
    assert ui.submit(uns) is not None, uns.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "unsealed")
    m.counter.record.buttons["reseal"].click()
    res = m.dialog
    res.seal_no.setText(f"S-{o[:14]}")  # the old seal number: refused
    ui.sign(res, "keeper")
    ui.sign(res, "witness", badge="K002")
    assert ui.submit(res) is None
    res.seal_no.setText("FC-2026-0100")
    assert ui.submit(res) is not None, res.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "sealed")
    assert m.counter.record.record.seal_no == "FC-2026-0100"


def test_court_request_and_transfer(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    m.tabs.setCurrentWidget(m.cases)
    qtbot.waitUntil(lambda: m.cases.model.rowCount() == 2)
    m.cases.select_case("A2026-001")
    m.cases.buttons["court_request"].click()
    req = m.dialog
    req.org_name.setText("某市中级人民法院")
    req.document_no.setText("(2026)某刑初字第12号")
    # issue 14: a request names what it asks for
    assert ui.submit(req) is None
    assert req.banner.text()
    assert office.db.conn.execute("SELECT count(*) FROM court_requests").fetchone()[0] == 0
    assert req.recordings.count() == 1 and req.discs.count() == 1
    req.whole_case.setChecked(True)
    assert ui.submit(req) is not None, req.banner.text()
    open_record(m, qtbot, d)
    m.counter.record.buttons["court_transfer"].click()
    tr = m.dialog
    assert tr.request.count() == 1
    assert "王某某" in tr.items.text() and tr.items.text().count("\n") == 0
    ui.sign(tr, "recipient", badge="C001")
    ui.sign(tr, "keeper")
    assert ui.submit(tr) is not None, tr.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "transferred")


def test_move_to_another_shelf(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["set_location"].click()
    mv = m.dialog
    mv.location.setText("副本柜C-07")
    assert ui.submit(mv) is not None, mv.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.location == "副本柜C-07")
    assert m.counter.record.history.rowCount() >= 2
