"""The lists: media fetched lazily, the due and late board, the register's filters, the
archive handover in list mode."""

from __future__ import annotations

from datetime import timedelta

from conftest import Office
from PySide6.QtCore import Qt

from keeper_app.services import custody, transfers
from keeper_app.ui.dialogs.archive import ArchiveDialog
from keeper_app.ui.views.media_model import MediaModel

from .test_scan import scan


def test_media_rows_are_fetched_a_page_at_a_time(ui, office: Office, qtbot) -> None:
    for i in range(3):
        office.new_pair(person=f"王某{i}")
    m = ui.sign_in("K001")
    # the model on its own (a view fetches until its viewport is full)
    model = MediaModel(m.ctx, m.media.model.columns)
    model.page = 2
    model.set_filters()
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.fetching)
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.fetching)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 6 and not model.fetching)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.exhausted)
    assert model.rowCount() == 6 and not model.canFetchMore()
    codes = [model.row(i)["code"] for i in range(6)]
    assert codes == sorted(codes)
    # new filters start again from the first page: only the duplicates
    model.set_filters(copy_role="duplicate")
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.fetching)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.exhausted)
    assert [model.row(i)["copy_role"] for i in range(model.rowCount())] == ["duplicate"] * 3
    # sorting by a column asks the service for that order
    model.sort(model.columns.index(next(c for c in model.columns if c.key == "status")))
    assert model.order == "status"


def test_media_view_filters_by_case(ui, office: Office, qtbot) -> None:
    office.handed_over_pair()
    office.handed_over_pair("B2026-002", "H003", "李某")
    m = ui.sign_in("K001")
    view = m.media
    qtbot.waitUntil(lambda: view.model.rowCount() == 4 and view.model.exhausted)
    view.show_case("B2026-002")
    qtbot.waitUntil(lambda: view.model.exhausted and view.model.rowCount() == 2)
    assert {view.model.row(i)["case_no"] for i in range(2)} == {"B2026-002"}


def test_due_board_shows_a_late_handover(ui, office: Office, qtbot) -> None:
    office.new_pair(burned_at=office.clock() - timedelta(hours=30))
    m = ui.sign_in("K001")
    qtbot.waitUntil(lambda: m.due.model.rowCount() == 1)
    row = m.due.model.row(0)
    assert row["kind"] == "handover" and row["late"]
    i = m.tabs.indexOf(m.due)
    assert m.tabs.tabText(i).endswith("(1)")


def test_register_filters_open_and_closed(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair("B2026-002", "H003", "李某")
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.retrieve(k, d2, office.cred("H003"), office.cred("K001"), "D002", "case_handling", 4)
    custody.return_medium(k, d2, office.cred("H003"), office.cred("K001"), "intact")
    m = ui.sign_in("K001")
    reg = m.register

    def search() -> list[str]:
        reg.search.click()
        qtbot.waitUntil(lambda: reg.search.isEnabled())
        return [reg.model.row(i)["code"] for i in range(reg.model.rowCount())]

    reg.state.setCurrentIndex(reg.state.findData(True))
    assert search() == [d]
    reg.state.setCurrentIndex(reg.state.findData(False))
    assert search() == [d2]
    reg.state.setCurrentIndex(0)
    assert sorted(search()) == sorted([d, d2])
    reg.person.setText("H003")
    assert search() == [d2]
    reg.date_from.setText("not a date")
    search()
    assert reg.banner.kind == "error"


def test_archive_handover_in_list_mode(ui, office: Office, qtbot) -> None:
    o, d = office.handed_over_pair()
    transfers.conclude_case(office.session("H001"), "A2026-001")
    m = ui.sign_in("K001")
    scan(qtbot, m.counter.manual, o)
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    m.counter.record.buttons["archive_handover"].click()
    dlg = m.dialog
    assert isinstance(dlg, ArchiveDialog)
    assert dlg.missing() == sorted([o, d])
    # in list mode the scans go to the dialog, one after the other
    scan(qtbot, dlg.entry, o)
    assert dlg.scanned == [o] and dlg.missing() == [d]
    scan(qtbot, dlg.entry, o)
    assert dlg.banner.kind == "warn" and dlg.scanned == [o]
    ui.sign(dlg, "keeper")
    ui.sign(dlg, "receiver", badge="A001")
    assert ui.submit(dlg) is None  # one disc still missing: refused, nothing changed
    assert "未扫描" in dlg.banner.text() or d in dlg.banner.text()
    scan(qtbot, dlg.entry, d)
    assert dlg.missing() == []
    assert ui.submit(dlg) is not None
    qtbot.waitUntil(lambda: m.counter.record.record.status == "archived")


def test_a_scan_in_the_registers_code_field_searches_the_register(
    ui, office: Office, qtbot
) -> None:
    d = office.duplicate_out()
    m = ui.sign_in("K001")
    reg = m.register
    m.tabs.setCurrentWidget(reg)
    reg.code.setFocus()
    qtbot.waitUntil(lambda: reg.code.hasFocus())
    scan(qtbot, reg.code, d)
    assert reg.code.text() == d and m.tabs.currentWidget() is reg
    qtbot.waitUntil(lambda: reg.model.rowCount() == 1)
    assert m.counter.log.count() == 0


def test_due_board_says_who_holds_each_item_and_the_register_opens_filled(
    ui, office: Office, qtbot
) -> None:
    office.new_pair(burned_at=office.clock() - timedelta(hours=30))  # H001 still has it
    _o, d = office.handed_over_pair("B2026-002", "H003", "李某")
    k = office.session("K001")
    entry = office.retrieve(
        k, d, office.cred("H003"), office.cred("K001"), "D002", "case_handling", 1
    )
    office.clock.advance(hours=2)  # the return is late now
    m = ui.sign_in("K001")
    # (case B is a major case: its review submission is due too, issue 14)
    kinds = {"handover", "return", "major_review"}

    def shown() -> set[str]:
        return {m.due.model.row(i)["kind"] for i in range(m.due.model.rowCount())}

    qtbot.waitUntil(lambda: shown() == kinds)
    rows = {m.due.model.row(i)["kind"]: m.due.model.row(i) for i in range(3)}
    assert rows["return"]["holder"] == "陈办案 (H003)"
    assert rows["return"]["ref"] == entry  # the register entry's number
    assert rows["handover"]["holder"] == "张办案 (H001)"
    headers = [
        m.due.model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(m.due.model.columnCount())
    ]
    assert "现由谁持有" in headers
    # the register tab shows the newest entries as soon as it is opened
    m.tabs.setCurrentWidget(m.register)
    qtbot.waitUntil(lambda: m.register.model.rowCount() == 1)
    assert m.register.model.row(0)["id"] == entry
