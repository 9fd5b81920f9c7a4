"""Counter workflows driven through their dialogs, signed by two people, landing in the
register and the department head's inbox."""

from __future__ import annotations

from conftest import PASSWORD, Office, counting_unlocks

from keeper_app.services import lookup, retrieval_requests, transfers
from keeper_app.timeutil import show
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.retrieval import RetrievalDialog
from keeper_app.ui.dialogs.retrieval_decision import RetrievalDecisionDialog
from keeper_app.ui.dialogs.retrieval_request import RetrievalRequestDialog
from keeper_app.ui.dialogs.return_ import ReturnDialog

from .test_scan import scan


def open_record(m, qtbot, code: str) -> None:
    seen = m.counter.log.count()
    scan(qtbot, m.counter.manual, code)
    qtbot.waitUntil(lambda: m.counter.log.count() == seen + 1)
    assert m.counter.record.record.code == code, m.counter.banner.text()


def test_retrieval_asked_at_the_counter_approved_in_the_heads_inbox_lands_in_the_register(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    """Art. 20: the keeper asks for the retriever; the head of the case's department finds
    the request in his inbox and approves it with his own password; the keeper then gives
    the disc out under that approval, and the register shows who approved and when."""
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    assert isinstance(dlg, RetrievalDialog) and dlg.isVisible()
    # no approval yet: the dialog says so, and nothing can go out
    assert dlg.request.count() == 0 and dlg.banner.kind == "warn"
    before = office.snapshot()
    ui.sign(dlg, "retriever", badge="H001")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is None
    assert office.snapshot() == before
    # the keeper asks the head, on the retriever's behalf
    dlg.ask.click()
    req = dlg.request_dialog
    assert isinstance(req, RetrievalRequestDialog)
    qtbot.waitUntil(req.isVisible)
    req.retriever.setCurrentIndex(req.retriever.findData("H001"))
    req.reason.setCurrentIndex(req.reason.findData("case_handling"))
    req.hours.setValue(8)
    req.purpose.setText("补充侦查")
    assert ui.submit(req) is not None, req.banner.text()
    dlg.reject()

    # the head of the case's department signs in, finds it in his inbox, approves it
    m.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    head = ui.sign_in("D001")
    assert head.inbox is not None
    head.tabs.setCurrentWidget(head.inbox)
    qtbot.waitUntil(lambda: head.inbox.retrievals.rowCount() == 1)
    asked = head.inbox.retrievals.row(0)
    assert (asked["code"], asked["retriever"], asked["est_usage_hours"]) == (d, "张办案", 8)
    head.inbox.approve_retrieval.click()
    dec = head.dialog
    assert isinstance(dec, RetrievalDecisionDialog)
    ui.sign(dec, "head")
    assert ui.submit(dec) is not None, dec.banner.text()
    qtbot.waitUntil(lambda: head.inbox.retrievals.rowCount() == 0)
    [q] = office.db.conn.execute("SELECT at FROM retrieval_decisions").fetchall()
    approved_at = show(q[0])

    # the keeper gives the disc out under the approval
    head.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    assert isinstance(dlg, RetrievalDialog)
    assert dlg.request.count() == 1 and "周大队长" in dlg.request.currentText()
    ui.sign(dlg, "retriever", badge="H001")  # the retriever's badge is scanned
    ui.sign(dlg, "keeper")  # the keeper signed in: only the password
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "out")
    assert m.counter.banner.kind == "ok"
    # the register view shows who approved, and when
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
    assert row["approved_at"] == approved_at
    assert row["reason"] == "case_handling" and row["est_usage_hours"] == 8
    assert row["returned_at"] == ""


def test_a_head_of_another_department_is_refused_in_his_inbox(ui, office: Office, qtbot) -> None:
    """The request reaches only the head of the case's department; another head deciding it
    is refused with a clear message and nothing changes."""
    _o, d = office.handed_over_pair()
    qid = retrieval_requests.request_retrieval(
        office.session("K001"), d, "H001", "case_handling", 4
    )
    other = ui.sign_in("D002")
    assert other.inbox is not None
    qtbot.waitUntil(lambda: other.inbox.retrievals.rowCount() == 0)
    row = retrieval_requests.shown(_request(office, qid))
    before = office.snapshot()
    dec = RetrievalDecisionDialog(other.ctx, row, True, other)
    dec.show()
    ui.sign(dec, "head")
    assert ui.submit(dec) is None
    assert dec.banner.kind == "error"
    assert "吴大队长" in dec.banner.text() and "A2026-001" in dec.banner.text()
    assert office.snapshot() == before


def test_the_head_signs_the_approval_at_the_counter(ui, office: Office, qtbot) -> None:
    """Art. 20, the other way: the head of the case's department types his own password in
    the retrieval dialog; another department's head is refused there, nothing changed."""
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    assert isinstance(dlg, RetrievalDialog)
    assert not dlg.signers.slots["approver"].button.isVisibleTo(dlg)
    dlg.at_counter.setChecked(True)
    assert dlg.signers.slots["approver"].button.isVisibleTo(dlg)
    assert dlg.counter_fields.isVisibleTo(dlg) and not dlg.request.isEnabled()
    dlg.reason.setCurrentIndex(dlg.reason.findData("case_handling"))
    dlg.hours.setValue(6)
    dlg.purpose.setText("补充侦查")
    ui.sign(dlg, "retriever", badge="H001")
    ui.sign(dlg, "keeper")
    before = office.snapshot()
    ui.sign(dlg, "approver", badge="D002")
    assert ui.submit(dlg) is None
    assert "吴大队长" in dlg.banner.text()
    assert office.snapshot() == before
    ui.sign(dlg, "approver", badge="D001")
    qtbot.waitUntil(lambda: dlg.signers.credential("approver").badge == "D001")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "out")
    [e] = lookup.register(office.session("K001"), code=d)
    assert (e["approver"], e["approved_at"], e["est_usage_hours"]) == ("周大队长", e["out_at"], 6)


def _request(office: Office, qid: int) -> dict:
    from keeper_app.store import entries

    q = entries.retrieval_request(office.db.conn, qid)
    assert q is not None
    return q


def test_the_same_person_cannot_sign_twice(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    office.add_person("KR01", "何兼审", ["keeper", "reviewer"], "legal")
    office.approved_request(d, "KR01", "D001", "case_review", 4, asker="KR01")
    m = ui.sign_in("KR01")
    open_record(m, qtbot, d)
    before = office.snapshot()
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    assert dlg.request.count() == 1
    ui.sign(dlg, "retriever", badge="KR01")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is None
    assert dlg.banner.kind == "error" and dlg.isVisible()
    assert office.snapshot() == before


def test_return_marked_damaged_reaches_the_heads_inbox(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    d = office.duplicate_out()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReturnDialog)
    dlg.findChild(type(dlg.inspection.buttons()[0]), "inspection_damaged").setChecked(True)
    assert dlg.banner.kind == "warn"  # damage is reported to the head
    dlg.note.setPlainText("盘面有划痕，无法读取第二段")
    assert dlg.verification.currentData() == "not_checked"  # no read-back (issue 14)
    dlg.unchecked.setText("盘面划伤，无法上机回读")
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


def test_each_signer_s_password_is_derived_once_at_the_counter(
    ui, office: Office, qtbot, monkeypatch
) -> None:
    """A return signed by the returner and the keeper: each password is checked as they
    sign, and the return signs with the keys that check unlocked -- one derivation a signer
    (the slow, ~0.1 s part of a signature), not one in the dialog and another at submit."""
    d = office.duplicate_out()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    derived = counting_unlocks(monkeypatch)
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReturnDialog)
    dlg.unchecked.setText("盘面完好，未上机回读")
    ui.sign(dlg, "returner")
    ui.sign(dlg, "keeper")
    assert len(derived) == 2 and len(set(derived)) == 2  # one a signer, as each signed
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "in_custody")
    assert len(derived) == 2, "the return derived the signers' keys again"
