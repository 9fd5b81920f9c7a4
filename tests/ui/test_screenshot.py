"""Screenshots of the real windows, rendered offscreen into screenshots/ (git-ignored), so a
person can look at them; the README shows the main one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from conftest import Office
from PySide6.QtGui import QImage

from .test_scan import scan

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _save(widget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path)), path
    img = QImage(str(path))
    assert img.width() >= widget.width() > 300 and img.height() > 200
    return path


def test_screenshots_of_the_main_window(ui, keeper_app, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    office.handed_over_pair("B2026-002", "H003", "李某")
    office.new_pair(person="赵某", burned_at=office.clock() - timedelta(hours=30))
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=6)
    _save(keeper_app.sign_in_window, "sign-in.png")
    m = ui.sign_in("K001")
    m.resize(1366, 800)
    scan(qtbot, m.counter.manual, d)
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    qtbot.waitUntil(lambda: m.due.model.rowCount() == 3)  # + case B's review (issue 14)
    qtbot.wait(50)
    path = _save(m, "main.png")
    assert path.stat().st_size > 20_000
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    dlg.resize(640, dlg.sizeHint().height())
    qtbot.wait(50)
    _save(dlg, "return-dialog.png")
    sd = dlg.signers.open_dialog("returner")
    sd.draw.setChecked(True)
    qtbot.wait(50)
    _save(sd, "signature-dialog.png")
    sd.reject()
    dlg.reject()
    m.tabs.setCurrentWidget(m.due)
    qtbot.wait(50)
    _save(m, "due.png")
