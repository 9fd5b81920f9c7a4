"""A handwritten signature drawn on the pad is kept with the signature."""

from __future__ import annotations

import sqlite3

from conftest import PASSWORD, Office
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from keeper_app.ui.widgets.signature_pad import SignaturePad

from .test_workflows import open_record


def test_pad_draws_with_the_mouse_and_gives_a_png(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    assert pad.to_png() is None
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 40))
    for x in range(40, 200, 20):
        qtbot.mouseMove(pad, QPoint(x, 40 + x // 4))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 90))
    png = pad.to_png()
    assert png is not None and png.startswith(b"\x89PNG")
    img = QImage.fromData(png)
    assert 0 < img.width() < pad.width()  # cropped to the drawing
    pad.clear()
    assert pad.to_png() is None


def test_drawn_signature_is_stored_with_the_retrieval(ui, office: Office, qtbot) -> None:
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
    sd.pad.line_to(QPoint(160, 80).toPointF(), 0.8)
    sd.pad.end()
    sd.sign_button.click()
    qtbot.waitUntil(lambda: dlg.signers.credential("retriever") is not None)
    assert "手写" in dlg.signers.slots["retriever"].status.text()
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    con = sqlite3.connect(office.path)
    try:
        rows = con.execute(
            "SELECT p.badge, s.drawn_png IS NOT NULL FROM signatures s "
            "JOIN people p ON p.id = s.signer_id WHERE s.entry_table = 'retrievals'"
        ).fetchall()
    finally:
        con.close()
    assert sorted(rows) == [("H001", 1), ("K001", 0)]
