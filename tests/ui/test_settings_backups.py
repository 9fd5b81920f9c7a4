"""The settings dialog (saved, reloaded and applied), scheduled backups from the running
application (at sign-in and from the timer), and the headlines for a busy or full database
and a locked sign-in."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from conftest import PASSWORD, Office
from integration.printing_tools import pdf_text, squash
from PIL import Image
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QDialogButtonBox

from keeper_app.domain.errors import RuleViolation
from keeper_app.services.session import Credential, authenticate
from keeper_app.store import backup_records
from keeper_app.store.connection import StoreBusy, StoreFull
from keeper_app.store.health import inspect
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.backup_schedule import BackupStatus
from keeper_app.ui.errors import HEADLINES, refusal
from keeper_app.ui.settings import (
    BACKUP_FOLDER,
    BACKUP_INTERVAL_HOURS,
    BACKUP_KEEP,
    IDLE_LOCK_SECONDS,
    LABEL_SHEET,
    LANGUAGE,
    PRINTER,
    Settings,
)
from printing import layouts
from printing.images import png_passthrough

from .test_printing_ui import made, save
from .test_workflows import open_record


@pytest.fixture(autouse=True)
def private_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))


def save_button(d) -> object:
    return d.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_settings_are_saved_reloaded_and_applied(
    ui, keeper_app: KeeperApp, settings: Settings, qtbot, tmp_path: Path
) -> None:
    settings.set(PRINTER, "LabelPrinter")
    m = ui.sign_in("K001")
    m.settings_button.click()
    d = m.extras.settings_dialog
    assert d is not None and d.isVisible()
    assert d.backups.isEnabled()  # a keeper looks after the backups
    assert d.cal_printer.name() == "LabelPrinter" and d.dx.isEnabled()
    d.idle_minutes.setValue(7)
    d.sheet.setCurrentIndex(d.sheet.findData("disc-printer-120"))
    d.printer.select("")  # no default printer: ask each time
    d.dx.setValue(1.5)
    d.dy.setValue(-0.7)
    d.backup_folder.setText(str(tmp_path / "bk"))
    d.keep.setValue(3)
    d.interval.setValue(6)
    d.language.setCurrentIndex(d.language.findData("en"))
    save_button(d).click()
    qtbot.waitUntil(lambda: keeper_app.translations.language == "en")
    qtbot.waitUntil(lambda: m.settings_button.text() == "Settings…")  # English now
    again = Settings.in_file(str(tmp_path / "keeper.ini"))  # read back from the file
    assert again.get(IDLE_LOCK_SECONDS) == 420 and again.get(LANGUAGE) == "en"
    assert again.get(LABEL_SHEET) == "disc-printer-120" and again.get(PRINTER) == ""
    assert again.get(BACKUP_FOLDER) == str(tmp_path / "bk")
    assert (again.get(BACKUP_KEEP), again.get(BACKUP_INTERVAL_HOURS)) == (3, 6)
    assert layouts.calibration_for("LabelPrinter") == layouts.Calibration(1.5, -0.7, 300)
    assert keeper_app.idle._timer.interval() == 420_000  # the idle lock took the new time
    # opened again, it shows what was saved
    m.settings_button.click()
    d2 = m.extras.settings_dialog
    assert d2 is not d
    assert d2.idle_minutes.value() == 7 and d2.sheet.currentData() == "disc-printer-120"
    assert d2.printer.name() == "" and d2.backup_folder.text() == str(tmp_path / "bk")
    d2.cal_printer.select("LabelPrinter")
    assert (d2.dx.value(), d2.dy.value()) == (1.5, -0.7)
    d2.reject()


def test_a_relative_backup_folder_is_refused_and_nothing_saved(
    ui, settings: Settings, qtbot
) -> None:
    m = ui.sign_in("K001")
    m.settings_button.click()
    d = m.extras.settings_dialog
    d.idle_minutes.setValue(9)
    d.backup_folder.setText("backups")
    save_button(d).click()
    assert d.isVisible() and d.banner.kind == "error"
    assert "/" in d.banner.text()
    assert settings.get(IDLE_LOCK_SECONDS) == 600 and settings.get(BACKUP_FOLDER) == ""


def test_a_case_handler_cannot_change_the_backups(ui, qtbot) -> None:
    m = ui.sign_in("H001")
    m.settings_button.click()
    assert not m.extras.settings_dialog.backups.isEnabled()


def test_calibration_sheet_from_the_settings(ui, qtbot, tmp_path: Path) -> None:
    m = ui.sign_in("K001")
    m.settings_button.click()
    d = m.extras.settings_dialog
    d.sheet.setCurrentIndex(d.sheet.findData("avery-l6015"))
    d.test_sheet.click()
    pd = d.print_dialog
    assert pd is not None and pd.isVisible() and pd.doc.key == "calibration"
    result = made(qtbot, pd)
    assert result.pages == 1 and pd.sheet.currentData() == "avery-l6015"
    text = squash(pdf_text(save(qtbot, pd, tmp_path / "calibration.pdf")))
    assert "标签对位测试页" in text and squash(layouts.sheet("avery-l6015").title("zh")) in text


def test_backups_at_sign_in_and_from_the_timer(
    ui, keeper_app: KeeperApp, office: Office, settings: Settings, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "bk"
    settings.set(BACKUP_FOLDER, str(folder))
    settings.set(BACKUP_INTERVAL_HOURS, 24)
    m = ui.sign_in("K001")
    status = m.findChild(BackupStatus)
    assert status is not None
    qtbot.waitUntil(lambda: status.kind == "ok", timeout=20_000)
    copies = backup_records.listing(folder)
    assert len(copies) == 1 and copies[0].verified
    assert "已备份并校验通过" in status.text()
    sched = keeper_app.backups
    assert sched.timer.isActive() and sched.timer.interval() == 10 * 60 * 1000
    # a day later the timer finds one due and takes it
    office.clock.advance(hours=25)
    sched.timer.setInterval(50)
    qtbot.waitUntil(lambda: len(backup_records.listing(folder)) == 2, timeout=20_000)
    sched.timer.setInterval(sched.EVERY_MS)
    qtbot.waitUntil(lambda: not sched.running)
    newest = backup_records.listing(folder)[0]
    assert newest.verified and newest.path != copies[0].path
    assert inspect(newest.path).ok  # opened and checked again: integrity and audit chain
    # nothing more is due: the next run takes none and says when the last one was
    sched.run()
    qtbot.waitUntil(lambda: not sched.running)
    assert len(backup_records.listing(folder)) == 2
    assert "最近一次校验通过的备份" in status.text()


def test_a_failing_backup_is_shown(ui, keeper_app: KeeperApp, settings, qtbot, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.set(BACKUP_FOLDER, str(blocker / "bk"))
    m = ui.sign_in("K001")
    status = m.findChild(BackupStatus)
    qtbot.waitUntil(lambda: status.kind == "error", timeout=20_000)
    assert status.text().startswith("备份失败")
    assert keeper_app.backups.last_error is not None


def test_busy_full_and_locked_have_their_own_headlines(keeper_app: KeeperApp) -> None:
    busy, full = refusal(StoreBusy("locked for 5 s")), refusal(StoreFull("disk full"))
    generic = QCoreApplication.translate("Refusal", "The database cannot be used.")
    assert busy.headline != generic and full.headline != generic
    assert "稍后重试" in busy.headline and "磁盘已满" in full.headline
    assert busy.detail == ""  # in Chinese: no English second line (the message has no facts)
    full_detail = refusal(StoreFull("disk full: /data/keeper.sqlite")).detail
    assert full_detail == "涉及：/data/keeper.sqlite"


def test_a_locked_person_is_told_so_at_sign_in(ui, office: Office, qtbot) -> None:
    for _ in range(5):
        with pytest.raises(RuleViolation):
            authenticate(office.db.conn, Credential("H001", "wrong-password"), clock=office.clock)
    w = ui.app.sign_in_window
    qtbot.keyClicks(w.badge, "H001", delay=40)
    qtbot.keyClicks(w.password, PASSWORD, delay=40)
    w.button.click()
    qtbot.waitUntil(lambda: w.banner.kind == "error", timeout=10_000)
    locked = QCoreApplication.translate("Refusal", HEADLINES["locked"])
    assert locked != HEADLINES["locked"] and locked in w.banner.text()


def test_a_drawn_signature_is_stored_small_and_grey(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    office.approved_request(d, "H001", "D001", "case_handling", 4)  # Art. 20
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    m.counter.record.buttons["retrieve"].click()
    dlg = m.dialog
    sd = dlg.signers.open_dialog("retriever")
    sd.handle_scan("H001")
    sd.password.setText(PASSWORD)
    sd.draw.setChecked(True)
    sd.pad.begin(QPoint(20, 30).toPointF())
    sd.pad.line_to(QPoint(300, 120).toPointF(), 0.8)
    sd.pad.end()
    raw = sd.pad.to_png()
    assert raw is not None and png_passthrough(raw) is None  # the pad's ARGB: the slow path
    sd.sign_button.click()
    qtbot.waitUntil(lambda: dlg.signers.credential("retriever") is not None)
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    con = sqlite3.connect(office.path)
    try:
        (png,) = con.execute(
            "SELECT drawn_png FROM signatures WHERE drawn_png IS NOT NULL"
        ).fetchone()
    finally:
        con.close()
    assert png_passthrough(png) is not None  # embedded in register pages as it is
    im = Image.open(io.BytesIO(png))
    assert im.mode == "L" and im.width <= 480 and im.height <= 160


def test_backups_can_be_left_to_another_computer(
    ui, keeper_app: KeeperApp, settings: Settings, qtbot, tmp_path: Path
) -> None:
    settings.set(BACKUP_FOLDER, str(tmp_path / "bk"))
    settings.set(BACKUP_INTERVAL_HOURS, 0)
    m = ui.sign_in("K001")
    status = m.findChild(BackupStatus)
    qtbot.waitUntil(lambda: status.kind == "warn")
    assert "关闭" in status.text() and not keeper_app.backups.running
    assert not (tmp_path / "bk").exists()
