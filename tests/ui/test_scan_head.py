"""A printout's head scanned at the counter (issue 10, 1b): the QR code on every printed page
holds ``KH1-<event>-<hash>``; scanned, the counter says whether that event is on the register's
chain, and a disagreeing printout is refused as prominently as a bad scan. A password field
still takes nothing but medium codes from the scanner."""

from __future__ import annotations

from conftest import Office
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from keeper_app.services import heads
from keeper_app.store import audit
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.scanner import ScanDetector
from keeper_app.ui.witness import agreed, disagreed

from .test_scanner import Keys


def scan(qtbot, widget, text: str) -> None:
    """What a USB scanner does: the characters with no pause, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_printout_on_the_chain_is_confirmed_and_one_off_it_is_refused(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    counter = m.counter
    assert counter is not None and m.media is not None
    played: list[str] = []
    keeper_app.feedback.played.connect(played.append)
    seq, hash_ = audit.head(office.db.conn)
    printed = heads.head_text(seq, hash_)
    before = office.snapshot()

    m.tabs.setCurrentWidget(m.media)  # scanned wherever the focus is
    scan(qtbot, m.media.case, printed)
    qtbot.waitUntil(lambda: counter.log.count() == 1)
    assert m.media.case.text() == "" and m.tabs.currentWidget() is counter
    ok = heads.check_printout(office.db, printed)
    assert counter.banner.kind == "ok"
    assert agreed("printout", ok) in counter.banner.text()
    assert str(seq) in counter.banner.text()
    assert played == ["accepted"] and "✔" in counter.log.item(0).text()

    # a scanner with Caps Lock on types it in lowercase: the same printout
    scan(qtbot, counter.manual, printed.lower())
    qtbot.waitUntil(lambda: counter.log.count() == 2)
    assert counter.banner.kind == "ok" and played[-1] == "accepted"

    # a printout of an event the register does not reach: truncated or rolled back
    ahead = heads.head_text(seq + 5, hash_)
    scan(qtbot, counter.manual, ahead)
    qtbot.waitUntil(lambda: counter.log.count() == 3)
    bad = heads.check_printout(office.db, ahead)
    assert counter.banner.kind == "error" and played[-1] == "refused"
    assert disagreed("printout", bad) in counter.banner.text()
    assert heads.printout_name(seq + 5, hash_) in counter.banner.text()  # the detail
    assert "truncated or rolled back" in counter.banner.text()
    assert "✖" in counter.log.item(0).text()

    # a printout whose event has another hash here: rewritten
    other = ("0" if hash_[0] != "0" else "1") + hash_[1:]
    scan(qtbot, counter.manual, heads.head_text(seq, other))
    qtbot.waitUntil(lambda: counter.log.count() == 4)
    assert counter.banner.kind == "error" and "rewritten" in counter.banner.text()
    assert counter.record.record is None
    assert played == ["accepted", "accepted", "refused", "refused"]

    # a disc scanned after it opens as always
    scan(qtbot, counter.manual, d)
    qtbot.waitUntil(lambda: counter.log.count() == 5)
    assert counter.record.record is not None and counter.record.record.code == d
    assert office.snapshot() == before  # checking a printout writes nothing


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.scans: list[str] = []
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.plain = QLineEdit()
        lay = QVBoxLayout(self)
        lay.addWidget(self.plain)
        lay.addWidget(self.secret)

    def handle_scan(self, text: str) -> None:
        self.scans.append(text)


def test_the_scanner_takes_a_head_but_never_from_a_password_field(
    qapp: QApplication, qtbot
) -> None:
    w = Window()
    qtbot.addWidget(w)
    w.show()
    det = ScanDetector(max_gap_ms=30, min_length=4)
    qapp.installEventFilter(det)
    try:
        text = heads.head_text(57, "ab" * 32)
        scan(qtbot, w.plain, text)
        assert w.scans == [text] and w.plain.text() == ""
        w.secret.setFocus()
        scan(qtbot, w.secret, text)  # secret fields divert only valid medium codes
        assert w.scans == [text]
        assert w.secret.text() == text
    finally:
        qapp.removeEventFilter(det)


def test_a_head_split_by_a_stall_is_joined_back_but_never_from_a_password_field(
    qapp: QApplication, qtbot
) -> None:
    """A 400 ms stall after eight characters of a printout's head: they were given back as
    typing, but with the rest they make one head — taken back from the field, one scan. In a
    password field the same keys stay typed."""
    w = Window()
    qtbot.addWidget(w)
    w.show()
    det = ScanDetector(max_gap_ms=30, min_length=4)
    qapp.installEventFilter(det)
    try:
        text = heads.head_text(1234, "c0ffee" * 10 + "abcd")
        keys = Keys(qapp)
        keys.type(w.plain, text[:8], enter=False)
        qtbot.waitUntil(lambda: w.plain.text() == text[:8])
        keys.t += 400
        keys.type(w.plain, text[8:])
        assert w.scans == [text] and w.plain.text() == ""
        keys.type(w.secret, text[:8], enter=False)
        qtbot.waitUntil(lambda: w.secret.text() == text[:8])
        keys.t += 400
        keys.type(w.secret, text[8:])
        assert w.scans == [text]
        qtbot.waitUntil(lambda: w.secret.text() == text)
    finally:
        qapp.removeEventFilter(det)
