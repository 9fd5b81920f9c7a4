"""Issue 16: the record view's "Custody report…" button opens the print dialog with the
disc's chain-of-custody report, made off the GUI thread and saved as PDF through the file
dialog; the print menu offers the pair's report too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Office
from integration.printing_tools import pdf_text, squash

from keeper_app.ui.labels import pretty

from .test_printing_ui import made, print_dialog, save
from .test_workflows import open_record


@pytest.fixture(autouse=True)
def private_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No print system: a socket where no cupsd listens (saving works without one)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))


def test_the_record_view_button_makes_the_disc_s_custody_report(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    office.clock.advance(hours=1)
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    view = m.counter.record
    assert view.custody_button.isVisible()
    view.custody_button.click()
    dlg = print_dialog(m, qtbot)
    assert pretty(d) in dlg.windowTitle() and dlg.doc.key == "custody"
    result = made(qtbot, dlg)
    assert result.pages >= 1
    pdf = save(qtbot, dlg, tmp_path / "custody.pdf")
    text = squash(pdf_text(pdf))
    assert "讯问录音录像光盘保管链报告" in text and pretty(d) in text
    for word in ("刻录登记", "移交保管", "调取", "张办案", "调取人", "保管员"):
        assert word in text, word
    dlg.close_button.click()
    # the pair's report from the print menu: both discs
    assert view.print_actions["custody_pair"].isVisible()
    view.print_actions["custody_pair"].trigger()
    qtbot.waitUntil(lambda: m.extras.print_dialog is not dlg, timeout=5_000)
    dlg2 = print_dialog(m, qtbot)
    made(qtbot, dlg2)
    pdf2 = save(qtbot, dlg2, tmp_path / "custody-pair.pdf")
    text2 = squash(pdf_text(pdf2))
    assert pretty(o) in text2 and pretty(d) in text2 and "一对光盘" in text2
