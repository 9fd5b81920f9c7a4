"""Printing from the application, on the real widgets and a real database: the print dialog
makes the PDF off the GUI thread, previews it, saves it, and sends it to CUPS through the
print queue. PDFs are checked the way a person or a scanner would check paper: barcodes
decoded from the rasterised page, text extracted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from conftest import Office
from cups_helpers import PRINTER, printed
from integration.printing_tools import decode, pdf_text, rasterise, squash

from keeper_app.services import custody, transfers
from keeper_app.ui.dialogs.print_dialog import PrintDialog
from keeper_app.ui.labels import pretty
from keeper_app.ui.print_errors import print_headline
from keeper_app.ui.settings import LABEL_SHEET
from keeper_app.ui.settings import PRINTER as PRINTER_SETTING

from .test_scan import scan
from .test_workflows import open_record


@pytest.fixture(autouse=True)
def private_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Printer calibrations in the test's own folder; no print system unless a test starts
    its own (a socket where no cupsd listens)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))


def made(qtbot: Any, dlg: PrintDialog, gen: int | None = None) -> Any:
    """Wait until the dialog's PDF is made (generation ``gen``, if given); its result."""

    def ready() -> bool:
        if dlg.banner.kind == "error":
            return True
        return (
            dlg.pdf is not None and dlg.save_button.isEnabled() and (gen is None or dlg._gen >= gen)
        )

    qtbot.waitUntil(ready, timeout=30_000)
    assert dlg.banner.kind != "error", dlg.banner.text()
    return dlg.result


def save(qtbot: Any, dlg: PrintDialog, target: Path) -> Path:
    """Save as PDF through the file dialog, as a person does."""
    dlg.save_button.click()
    fd = dlg.file_dialog
    assert fd is not None and fd.isVisible()
    fd.selectFile(str(target))
    fd.accept()
    qtbot.waitUntil(lambda: target.exists() and dlg.banner.kind == "ok", timeout=10_000)
    assert str(target) in dlg.banner.text()
    return target


def print_dialog(m: Any, qtbot: Any) -> PrintDialog:
    qtbot.waitUntil(lambda: m.extras.print_dialog is not None, timeout=5_000)
    dlg = m.extras.print_dialog
    assert isinstance(dlg, PrintDialog) and dlg.isVisible()
    return dlg


def test_keeper_prints_both_labels_of_a_new_pair_from_the_record(
    ui, office: Office, settings, qtbot, tmp_path: Path
) -> None:
    o, d = office.new_pair()
    settings.set(LABEL_SHEET, "avery-l6015")
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    rec_view = m.counter.record
    assert rec_view.print_button.isVisible()
    assert not rec_view.print_actions["receipt"].isVisible()  # not handed over yet
    rec_view.print_button.click()
    dlg = print_dialog(m, qtbot)
    result = made(qtbot, dlg)
    assert dlg.sheet.currentData() == "avery-l6015"  # the sheet from the settings
    assert [(p.page, p.position, p.code) for p in result.placements] == [(1, 1, o), (1, 2, d)]
    qtbot.waitUntil(lambda: dlg.preview.has_page(1), timeout=10_000)
    assert dlg.preview.where.text() == "第 1 页，共 1 页"
    # a partly used sheet: start at its second label; the second disc goes on a new sheet
    gen = dlg._gen
    dlg.start.setValue(2)
    result = made(qtbot, dlg, gen + 1)
    assert [(p.page, p.position) for p in result.placements] == [(1, 2), (2, 1)]
    pdf = save(qtbot, dlg, tmp_path / "labels.pdf")
    codes = decode(rasterise(pdf, tmp_path / "p1", page=1)) + decode(
        rasterise(pdf, tmp_path / "p2", page=2)
    )
    assert sorted(codes) == sorted([o, d])
    assert pretty(o) in squash(pdf_text(pdf))
    dlg.close_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg) or not dlg.isVisible())


def test_a_character_the_font_lacks_is_named_before_printing(ui, office: Office, qtbot) -> None:
    o, _d = office.new_pair(person="王𠮷")
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.print_actions["sleeve"].trigger()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    assert dlg.coverage.kind == "warn" and dlg.coverage.isVisible()
    text = dlg.coverage.text()
    assert "“𠮷” (U+20BB7)" in text and "王𠮷" in text
    assert text.count("U+20BB7") == 1  # one warning, though the name is on both inserts
    assert "手写" in text  # in Chinese: write it in by hand


def test_register_pages_of_a_month_from_the_register_view(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    _o1, d1 = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair(person="李某某")
    k = office.session("K001")
    office.retrieve(
        k, d1, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8, "补充侦查"
    )
    office.clock.advance(days=15)  # December
    office.retrieve(
        office.session("K001"),
        d2,
        office.cred("H002"),
        office.cred("K001"),
        "D001",
        "case_handling",
        4,
        "庭前准备",
    )
    m = ui.sign_in("K001")
    reg = m.register
    m.tabs.setCurrentWidget(reg)
    reg.date_from.setText("2026-11-01")
    reg.date_to.setText("2026-11-30")
    reg.print_button.click()
    dlg = print_dialog(m, qtbot)
    result = made(qtbot, dlg)
    assert result.pages == 1
    text = squash(pdf_text(save(qtbot, dlg, tmp_path / "november.pdf")))
    assert pretty(d1) in text and "张办案" in text and "周大队长" in text
    assert pretty(d2) not in text and "刘办案" not in text  # December is not in November
    assert "2026-11-01" in text  # the filter is on the first page


def test_handover_offers_its_receipt(ui, office: Office, qtbot, tmp_path: Path) -> None:
    o, d = office.new_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["handover"].click()
    hd = m.dialog
    hd.seal_no.setText("S-2026-0099")
    hd.original_location.setText("柜A-01")
    hd.duplicate_location.setText("柜B-01")
    ui.sign(hd, "handler", badge="H001")
    ui.sign(hd, "keeper")
    assert ui.submit(hd) is not None, hd.banner.text()
    qtbot.waitUntil(lambda: m.extras.offer is not None and m.extras.offer.isVisible())
    m.extras.offer_print.click()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    text = squash(pdf_text(save(qtbot, dlg, tmp_path / "receipt.pdf")))
    assert "S-2026-0099" in text and pretty(o) in text and pretty(d) in text
    # and the record now offers the receipt too
    qtbot.waitUntil(lambda: m.counter.record.record.status != "burned")
    assert m.counter.record.print_actions["receipt"].isVisible()


def test_incident_report_from_the_heads_inbox(ui, office: Office, qtbot, tmp_path: Path) -> None:
    _o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8)
    custody.return_medium(
        office.session("K001"),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "damaged",
        note="盘面划伤，无法读取",
    )
    m = ui.sign_in("D001")
    inbox = m.inbox
    m.tabs.setCurrentWidget(inbox)
    qtbot.waitUntil(lambda: len(inbox.incidents.rows) == 1)
    inbox.report.click()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    text = squash(pdf_text(save(qtbot, dlg, tmp_path / "incident.pdf")))
    assert pretty(d) in text and "A2026-001" in text


def test_without_a_print_system_saving_still_works(
    ui, office: Office, settings, qtbot, tmp_path: Path
) -> None:
    o, _d = office.new_pair()
    settings.set(PRINTER_SETTING, "LabelPrinter")
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.print_actions["labels"].trigger()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    unreachable = print_headline("cups_unreachable")
    assert "CUPS" in unreachable and unreachable != "The print system (CUPS) cannot be reached"
    qtbot.waitUntil(lambda: unreachable in dlg.printer.state.text(), timeout=10_000)
    assert dlg.printer.name() == "LabelPrinter"  # remembered, marked as not found
    assert "LabelPrinter" in dlg.printer.combo.currentText()
    dlg.print_button.click()
    qtbot.waitUntil(lambda: dlg.banner.kind == "error", timeout=10_000)
    assert unreachable in dlg.banner.text()
    assert dlg.isVisible()
    save(qtbot, dlg, tmp_path / "saved.pdf")


@pytest.mark.realtool
def test_printing_for_real_and_to_a_missing_printer(
    ui, office: Office, settings, qtbot, tmp_path: Path, cups_server, monkeypatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    o, d = office.new_pair()
    settings.set(PRINTER_SETTING, "NoSuchPrinter")  # was removed since it was chosen
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.print_button.click()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    qtbot.waitUntil(lambda: dlg.printer.combo.findData(PRINTER) >= 0, timeout=10_000)
    assert dlg.printer.name() == "NoSuchPrinter"
    dlg.print_button.click()
    qtbot.waitUntil(lambda: dlg.banner.kind == "error", timeout=20_000)
    headline = print_headline("no_such_printer")
    assert headline.startswith("没有这台打印机")
    assert headline in dlg.banner.text() and "NoSuchPrinter" in dlg.banner.text()
    # the real one prints, one job at a time
    dlg.printer.select(PRINTER)
    dlg.print_button.click()
    qtbot.waitUntil(lambda: dlg.banner.kind == "ok", timeout=60_000)
    job = next(j for j in dlg._jobs if j.state == "done")
    assert job.job_id in dlg.banner.text() and not job.pdf.exists()
    out = printed(cups_server, job.job_id)
    assert sorted(decode(rasterise(out, tmp_path / "printed"))) == sorted([o, d])
    # two sheets at once: the second waits until the first has left the printer's queue
    events: list[str] = []
    dlg.queue.sent.connect(lambda j: events.append("sent"))
    dlg.queue.printed.connect(lambda j: events.append("printed"))
    dlg.print_button.click()
    dlg.print_button.click()
    assert "前面还有 1 个打印任务" in dlg.banner.text()
    qtbot.waitUntil(lambda: events.count("printed") == 2, timeout=90_000)
    assert events == ["sent", "printed", "sent", "printed"]


def test_court_transfer_and_archive_handover_offer_their_lists(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    transfers.register_court_request(
        office.session("K001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)某刑初字第12号",
        office.clock(),
        whole_case=True,
    )
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["court_transfer"].click()
    tr = m.dialog
    ui.sign(tr, "recipient", badge="C001")
    ui.sign(tr, "keeper")
    assert ui.submit(tr) is not None, tr.banner.text()
    qtbot.waitUntil(lambda: m.extras.offer is not None and m.extras.offer.isVisible())
    m.extras.offer_print.click()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    text = squash(pdf_text(save(qtbot, dlg, tmp_path / "transfer.pdf")))
    assert pretty(d) in text and "郑书记员" in text and "(2026)某刑初字第12号" in text
    dlg.reject()
    # the case is concluded and its original goes to the archives (the duplicate is with
    # the court): the keeper may decline the list now
    transfers.conclude_case(office.session("H001"), "A2026-001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["archive_handover"].click()
    ar = m.dialog
    scan(qtbot, ar.entry, o)
    ui.sign(ar, "keeper")
    ui.sign(ar, "receiver", badge="A001")
    assert ui.submit(ar) is not None, ar.banner.text()
    qtbot.waitUntil(lambda: m.extras.offer is not None and m.extras.offer.isVisible())
    offer = m.extras.offer
    assert "归档" in offer.text()
    m.extras.print_dialog = None
    offer.reject()  # not now
    qtbot.wait(100)
    assert m.extras.print_dialog is None


def test_the_seal_bag_label_is_the_originals_from_either_disc(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)  # the duplicate's record
    assert m.counter.record.print_actions["receipt"].isVisible()
    m.counter.record.print_actions["seal_bag"].trigger()
    dlg = print_dialog(m, qtbot)
    result = made(qtbot, dlg)
    assert [p.code for p in result.placements] == [o]
    pdf = save(qtbot, dlg, tmp_path / "seal.pdf")
    assert f"S-{o[:14]}" in squash(pdf_text(pdf))
    assert decode(rasterise(pdf, tmp_path / "seal")) == [o]
