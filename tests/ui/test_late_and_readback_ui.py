"""Issue 14 through the GUI: the return dialog records a verification only on a read-back
(otherwise "not checked", with the reason typed), refusals change nothing; the due board's
refresh marks what became late and the head finds it in the inbox."""

from __future__ import annotations

from conftest import Office
from PySide6.QtCore import QCoreApplication

from keeper_app.services import lookup
from keeper_app.timeutil import show
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.return_ import ReturnDialog
from keeper_app.ui.errors import HEADLINES

from .test_workflows import open_record


def return_dialog(ui, qtbot, d: str):
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReturnDialog)
    return m, dlg


def test_without_a_read_back_the_return_is_not_checked_and_needs_the_reason(
    ui, office: Office, qtbot
) -> None:
    d = office.duplicate_out(hours=8)
    m, dlg = return_dialog(ui, qtbot, d)
    assert dlg.verification.currentData() == "not_checked"
    assert "check every file" in dlg.read_back.text() or "逐个校验" in dlg.read_back.text()
    assert dlg.unchecked.isEnabled()
    before = office.snapshot()
    ui.sign(dlg, "returner")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is None  # no reason typed
    want = QCoreApplication.translate("Refusal", HEADLINES["unchecked_reason"])
    assert want in dlg.banner.text()
    assert office.snapshot() == before
    # claiming a match with no read-back is refused too, and changes nothing
    dlg.verification.setCurrentIndex(dlg.verification.findData("match"))
    assert not dlg.unchecked.isEnabled()
    assert ui.submit(dlg) is None
    assert QCoreApplication.translate("Refusal", HEADLINES["no_read_back"]) in dlg.banner.text()
    assert office.snapshot() == before
    dlg.verification.setCurrentIndex(dlg.verification.findData("not_checked"))
    dlg.unchecked.setText("光驱故障，目视检查完好")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "in_custody")
    row = office.db.conn.execute("SELECT verification_id, reason FROM return_checks").fetchone()
    assert tuple(row) == (None, "光驱故障，目视检查完好")


def test_the_due_board_reports_what_became_late_and_the_head_sees_it(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    d = office.duplicate_out(hours=2)
    office.clock.advance(hours=3)
    m = ui.sign_in("K001")
    assert m.due is not None
    # signing in opened the due board: its first refresh swept
    qtbot.waitUntil(lambda: m.due.banner.kind == "warn", timeout=10_000)
    assert "1" in m.due.banner.text()
    [inc] = lookup.inbox(office.session("D001"))["incidents"]
    assert (inc["kind"], inc["code"]) == ("late_return", d)
    # the register shows the entry reported late
    reg = m.register
    assert reg is not None
    m.tabs.setCurrentWidget(reg)
    reg.code.setText(d)
    reg.search.click()
    qtbot.waitUntil(lambda: reg.model.rowCount() == 1)
    assert reg.model.row(0)["late_reported_at"] == show(office.clock())
    # the next refresh marks nothing twice
    m.due.refresh()
    qtbot.wait(300)
    assert len(lookup.inbox(office.session("D001"))["incidents"]) == 1
    m.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    head = ui.sign_in("D001")
    assert head.inbox is not None
    qtbot.waitUntil(lambda: head.inbox.incidents.rowCount() == 1)
    assert head.inbox.incidents.row(0)["kind"] == "late_return"


def test_a_keeper_records_a_disc_missing_at_the_inventory(ui, office: Office, qtbot) -> None:
    """Issue 16: a disc not found is recorded not located in the inventory session, saying
    where it was looked for; at the signed closing it is recorded lost and the head told."""
    from keeper_app.ui.dialogs.inventory import InventoryDialog

    _o1, d1 = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair(person="李某")
    m = ui.sign_in("K001")
    m.extras.inventory_button.click()
    dlg = m.extras.inventory_dialog
    assert isinstance(dlg, InventoryDialog)
    assert dlg.missing_button.isVisibleTo(dlg)
    dlg.location.setText("柜B")
    dlg.show_button.click()
    qtbot.waitUntil(lambda: dlg.rows is not None and not dlg.loading, timeout=10_000)
    dlg.handle_scan(d1)  # found on the shelf
    qtbot.waitUntil(lambda: dlg.missing() == [d2] and not dlg.busy, timeout=10_000)
    dlg.table.selectRow(dlg.index[d1])
    assert not dlg.missing_button.isEnabled()  # found: nothing to record
    dlg.table.selectRow(dlg.index[d2])
    assert dlg.missing_button.isEnabled()
    # without saying where it was looked for: refused, nothing changed
    before = office.snapshot()
    dlg.missing_button.click()
    qtbot.waitUntil(lambda: dlg.banner.kind == "error", timeout=10_000)
    assert office.snapshot() == before
    dlg.missing_note.setText("柜B-01 及相邻柜均未找到")
    dlg.missing_button.click()
    qtbot.waitUntil(lambda: dlg.missing() == [] and not dlg.busy, timeout=10_000)
    assert "0" in dlg.count.text()
    assert lookup.scan(office.session("K001"), d2).status == "in_custody"  # until closing
    close = dlg.ask_close()
    assert close is not None
    ui.sign(close, "keeper")
    ui.sign(close, "witness", "K002")
    assert ui.submit(close) is not None
    assert lookup.scan(office.session("K001"), d2).status == "lost"
    [inc] = lookup.inbox(office.session("D001"))["incidents"]
    assert (inc["kind"], inc["code"]) == ("missing", d2)


def test_a_head_does_not_run_an_inventory(ui, office: Office, qtbot) -> None:
    """Issue 16: an inventory session is run by a keeper; a head reads its record
    (`keeper inventory show`, the printed record) and resolves its discrepancies."""
    office.handed_over_pair()
    m = ui.sign_in("D001")
    assert m.extras.inventory_button.isHidden()
