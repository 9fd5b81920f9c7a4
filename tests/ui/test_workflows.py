"""Counter workflows driven through their dialogs, signed by two people, landing in the
register and the department head's inbox."""

from __future__ import annotations

from conftest import PASSWORD, Office

from keeper_app.services import custody, lookup, transfers
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.retrieval import RetrievalDialog
from keeper_app.ui.dialogs.return_ import ReturnDialog

from .test_scan import scan


def open_record(m, qtbot, code: str) -> None:
    seen = m.counter.log.count()
    scan(qtbot, m.counter.manual, code)
    qtbot.waitUntil(lambda: m.counter.log.count() == seen + 1)
    assert m.counter.record.record.code == code, m.counter.banner.text()


def test_retrieval_with_two_signatures_lands_in_the_register(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    assert isinstance(dlg, RetrievalDialog) and dlg.isVisible()
    dlg.reason.setCurrentIndex(dlg.reason.findData("case_handling"))
    dlg.hours.setValue(8)
    dlg.approver.setCurrentIndex(dlg.approver.findData("D001"))
    dlg.purpose.setText("补充侦查")
    ui.sign(dlg, "retriever", badge="H001")  # the retriever's badge is scanned
    ui.sign(dlg, "keeper")  # the keeper signed in: only the password
    assert ui.submit(dlg) is not None, dlg.banner.text()
    # the counter shows the disc out, with a confirmation
    qtbot.waitUntil(lambda: m.counter.record.record.status == "out")
    assert m.counter.banner.kind == "ok"
    # the register view finds the entry
    reg = m.register
    assert reg is not None
    m.tabs.setCurrentWidget(reg)
    reg.code.setText(d)
    reg.search.click()
    qtbot.waitUntil(lambda: reg.model.rowCount() == 1)
    row = reg.model.row(0)
    assert (row["code"], row["retriever"], row["approver"], row["keeper"]) == (
        d,
        "张办案",
        "周大队长",
        "李保管",
    )
    assert row["reason"] == "case_handling" and row["est_usage_hours"] == 8
    assert row["returned_at"] == ""


def test_the_same_person_cannot_sign_twice(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    before = office.snapshot()
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    dlg.approver.setCurrentIndex(dlg.approver.findData("D001"))
    dlg.reason.setCurrentIndex(dlg.reason.findData("case_review"))
    ui.sign(dlg, "retriever", badge="K001")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is None
    assert dlg.banner.kind == "error" and dlg.isVisible()
    assert office.snapshot() == before


def test_return_marked_damaged_reaches_the_heads_inbox(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    _o, d = office.handed_over_pair()
    custody.retrieve(
        office.session("K001"),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "D001",
        "case_handling",
        4,
    )
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReturnDialog)
    dlg.findChild(type(dlg.inspection.buttons()[0]), "inspection_damaged").setChecked(True)
    assert dlg.banner.kind == "warn"  # damage is reported to the head
    dlg.note.setPlainText("盘面有划痕，无法读取第二段")
    ui.sign(dlg, "returner")  # preset to the retriever: only the password
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "damaged")

    # the head of the case's department signs in and finds it in the inbox
    m.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    head = ui.sign_in("D001")
    assert head.inbox is not None and head.register is not None
    qtbot.waitUntil(lambda: head.inbox.incidents.rowCount() == 1)
    inc = head.inbox.incidents.row(0)
    assert (inc["kind"], inc["code"]) == ("damaged", d)
    assert "划痕" in inc["description"]
    # ... and acknowledges it, signing
    head.tabs.setCurrentWidget(head.inbox)
    head.inbox.ack.click()
    ack = head.dialog
    ui.sign(ack, "head")
    assert ui.submit(ack) is not None, ack.banner.text()
    qtbot.waitUntil(lambda: head.inbox.incidents.rowCount() == 0)
    assert lookup.inbox(office.session("D001"))["incidents"] == []


def test_case_handler_cannot_see_keeper_only_actions(ui, office: Office, qtbot) -> None:
    o, d = office.handed_over_pair()
    m = ui.sign_in("H001")
    assert m.register is None and m.due is None and m.people is None and m.inbox is None
    open_record(m, qtbot, d)
    keeper_only = {"retrieve", "return", "court_transfer", "set_location", "archive_handover"}
    assert not keeper_only & set(m.counter.record.buttons)
    open_record(m, qtbot, o)
    assert set(m.counter.record.buttons) == {"request_unseal"}
    assert "archive" not in m.cases.buttons and "court_request" in m.cases.buttons


def test_keeper_sees_the_actions_the_record_allows(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K002")
    open_record(m, qtbot, d)
    assert set(m.counter.record.buttons) == {"retrieve", "set_location"}
    # a court's request opens the transfer; concluding the case opens the archive handover
    transfers.register_court_request(
        office.session("H001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)某刑初1号",
        office.clock(),
        whole_case=True,
    )
    open_record(m, qtbot, d)
    assert "court_transfer" in m.counter.record.buttons
    transfers.conclude_case(office.session("H001"), "A2026-001")
    open_record(m, qtbot, d)
    assert "archive_handover" in m.counter.record.buttons


def test_wrong_password_in_the_signature_dialog_is_refused_there(ui, office: Office, qtbot):
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    sd = dlg.signers.open_dialog("retriever")
    sd.handle_scan("H001")
    sd.password.setText(PASSWORD + "x")
    sd.sign_button.click()
    qtbot.waitUntil(lambda: sd.banner.kind == "error")
    assert sd.isVisible() and dlg.signers.credential("retriever") is None
    sd.reject()
