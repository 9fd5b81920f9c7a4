"""Issue 14, point 1, at the counter: once a label field of a pair was corrected, the record of
either disc offers the correction sticker for the seal bag; it shows the new and the old value
and both discs. A disc whose label was never corrected does not offer it."""

from __future__ import annotations

from pathlib import Path

from conftest import Office
from integration.printing_tools import pdf_text, squash

from keeper_app.services import admin

from .test_printing_ui import made, print_dialog, private_printing, save  # noqa: F401
from .test_workflows import open_record


def test_the_record_offers_the_sticker_of_a_label_correction(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair(person="李某")
    office.clock.advance(minutes=10)
    admin.correct(
        office.session("H001"),
        "media",
        office.medium_id(o),
        "label.person_interrogated",
        "王某甲",
        "name misspelt on the label",
        office.cred("H001"),
    )
    m = ui.sign_in("K001")
    open_record(m, qtbot, d2)  # never corrected: no sticker
    assert not m.counter.record.print_actions["correction_sticker"].isVisible()
    open_record(m, qtbot, d)  # the partner of the disc named: corrected with it
    action = m.counter.record.print_actions["correction_sticker"]
    assert action.isVisible() and action.text()
    action.trigger()
    dlg = print_dialog(m, qtbot)
    made(qtbot, dlg)
    text = squash(pdf_text(save(qtbot, dlg, tmp_path / "sticker.pdf")))
    assert "光盘标签更正贴" in text and "王某甲" in text and "王某某" in text
    assert o in text and d in text
