"""The scanner's event filter on its own: a burst ending in Enter is a scan; anything slower,
or without Enter, reaches the focused widget unchanged and in order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from keeper_app.ui.scan_queue import ScanQueue
from keeper_app.ui.scanner import ScanDetector


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.scans: list[str] = []
        self.field = QLineEdit()
        self.entered: list[str] = []
        self.field.returnPressed.connect(lambda: self.entered.append(self.field.text()))
        QVBoxLayout(self).addWidget(self.field)

    def handle_scan(self, text: str) -> None:
        self.scans.append(text)


@pytest.fixture
def window(qapp: QApplication, qtbot) -> Iterator[Window]:
    w = Window()
    qtbot.addWidget(w)
    w.show()
    det = ScanDetector(max_gap_ms=30, min_length=4)
    qapp.installEventFilter(det)
    yield w
    qapp.removeEventFilter(det)


def test_a_burst_ending_in_enter_is_a_scan(window: Window, qtbot) -> None:
    qtbot.keyClicks(window.field, "31012026000001D8")
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert window.scans == ["31012026000001D8"]
    assert window.field.text() == "" and window.entered == []


def test_typing_at_a_persons_speed_reaches_the_field(window: Window, qtbot) -> None:
    qtbot.keyClicks(window.field, "A2026-001", delay=45)
    qtbot.keyClick(window.field, Qt.Key.Key_Return, delay=45)
    assert window.scans == []
    assert window.entered == ["A2026-001"]


def test_a_burst_without_enter_is_given_back_in_order(window: Window, qtbot) -> None:
    qtbot.keyClicks(window.field, "hello world")
    assert window.field.text() == ""  # held back for a moment...
    qtbot.waitUntil(lambda: window.field.text() == "hello world")  # ...then typed
    assert window.scans == []


def test_a_short_burst_is_not_a_scan(window: Window, qtbot) -> None:
    qtbot.keyClicks(window.field, "ab")
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert window.scans == [] and window.entered == ["ab"]


def test_a_shortcut_key_flushes_what_was_held(window: Window, qtbot) -> None:
    qtbot.keyClicks(window.field, "abcdef")
    qtbot.keyClick(window.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert window.scans == [] and window.entered == ["abcdef"]


def test_the_queue_hands_out_scans_one_per_turn_in_order(qapp: QApplication, qtbot) -> None:
    seen: list[tuple[str, str]] = []
    q = ScanQueue(lambda text, source: seen.append((text, source)))
    for i in range(5):
        q.push(f"code{i}")
    assert seen == [] and len(q) == 5  # nothing runs until the event loop turns
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [(f"code{i}", "scanner") for i in range(5)]


def test_a_fast_password_is_never_taken_for_a_scan(window: Window, qtbot) -> None:
    """A fast typist's password followed by Enter stays in the password field: it must not be
    routed as a badge scan and shown in clear (found at the sign-in window under Xvfb)."""
    secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    window.layout().addWidget(secret)
    entered: list[str] = []
    secret.returnPressed.connect(lambda: entered.append(secret.text()))
    secret.setFocus()
    qtbot.keyClicks(secret, "keeper-demo-1")  # as fast as a scanner
    qtbot.keyClick(secret, Qt.Key.Key_Return)
    assert window.scans == []
    assert entered == ["keeper-demo-1"]


# --------------------------------------------------------------------------------------------
# Key events as a real HID scanner sends them through X11: Shift pressed around every capital,
# and the window system's own time stamps (ms), which tell the scanner's pace even when the GUI
# thread was busy and the events arrive all at once.

CODE = "31012026000098D0"


class Keys:
    """Sends key events with window-system time stamps, as the X server delivers them."""

    def __init__(self, qapp: QApplication, start: int = 1_000_000) -> None:
        self.t = start
        self.qapp = qapp

    def _send(self, target: QWidget, kind, key, mods, text: str) -> None:
        from PySide6.QtGui import QKeyEvent

        ev = QKeyEvent(kind, key, mods, text)
        ev.setTimestamp(self.t)
        QApplication.sendEvent(target, ev)

    def type(
        self,
        target: QWidget,
        text: str,
        gap_ms: int = 6,
        stall: dict | None = None,
        enter: bool = True,
    ) -> None:
        from PySide6.QtCore import QEvent

        press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
        none, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
        for i, ch in enumerate(text):
            self.t += (stall or {}).get(i, gap_ms)
            key = Qt.Key(ord(ch.upper()))
            if ch.isupper():
                self._send(target, press, Qt.Key.Key_Shift, shift, "")
                self._send(target, press, key, shift, ch)
                self._send(target, release, key, shift, ch)
                self._send(target, release, Qt.Key.Key_Shift, none, "")
            else:
                self._send(target, press, key, none, ch)
                self._send(target, release, key, none, ch)
        if enter:
            self.t += gap_ms
            self._send(target, press, Qt.Key.Key_Return, none, "\r")
            self._send(target, release, Qt.Key.Key_Return, none, "\r")


def test_shift_inside_a_code_does_not_break_the_scan(qapp, window: Window, qtbot) -> None:
    keys = Keys(qapp)
    for _ in range(3):
        keys.type(window.field, CODE)
    assert window.scans == [CODE] * 3
    assert window.field.text() == "" and window.entered == []


def test_a_stall_inside_a_code_does_not_split_it(qapp, window: Window, qtbot) -> None:
    keys = Keys(qapp)
    keys.type(window.field, CODE, stall={9: 140})  # the scanner (or the machine) hesitated
    assert window.scans == [CODE]
    assert window.field.text() == "" and window.entered == []


def test_a_stall_after_the_first_character_is_joined_back(qapp, window: Window, qtbot) -> None:
    """The first character was given back as typing before the stall ended; when the rest
    arrives with Enter, the two make one valid code: it is taken back from the field."""
    window.field.setText("note: ")
    keys = Keys(qapp)
    keys.type(window.field, CODE[:1], enter=False)
    qtbot.waitUntil(lambda: window.field.text() == "note: 3")  # given back after ~30 ms
    keys.t += 120
    keys.type(window.field, CODE[1:])
    assert window.scans == [CODE]
    assert window.field.text() == "note: " and window.entered == []


def test_a_code_split_by_a_long_stall_is_joined_back(qapp, window: Window, qtbot) -> None:
    """A 400 ms stall after six characters: they were given back as typing, but with the rest
    they make one valid code — taken back from the field, one scan."""
    keys = Keys(qapp)
    keys.type(window.field, CODE[:6], enter=False)
    qtbot.waitUntil(lambda: window.field.text() == CODE[:6])
    keys.t += 400
    keys.type(window.field, CODE[6:])
    assert window.scans == [CODE]
    assert window.field.text() == ""


def test_a_fragment_is_never_looked_up_as_another_code(qapp, window: Window, qtbot) -> None:
    """Parts too far apart to be one scan: the fragment fails the check digit and is handed
    over as what it is (the counter refuses it) — it never matches another disc."""
    keys = Keys(qapp)
    keys.type(window.field, CODE[:6], enter=False)
    qtbot.waitUntil(lambda: window.field.text() == CODE[:6])
    keys.t += 3000
    keys.type(window.field, CODE[6:])
    assert window.scans == [CODE[6:]]


def test_a_persons_keys_delivered_late_are_not_a_scan(qapp, window: Window, qtbot) -> None:
    """Typed at a person's pace while the GUI thread was busy: the events arrive together,
    but their time stamps are a person's — they are typed, not scanned."""
    keys = Keys(qapp)
    keys.type(window.field, "A2026-001", gap_ms=90)
    assert window.scans == []
    assert window.entered == ["A2026-001"]


def test_a_code_scanned_into_a_password_box_is_a_scan(qapp, qtbot) -> None:
    w = Window()
    w.field.setEchoMode(QLineEdit.EchoMode.Password)
    qtbot.addWidget(w)
    w.show()
    det = ScanDetector(max_gap_ms=30, min_length=4)
    qapp.installEventFilter(det)
    try:
        keys = Keys(qapp)
        keys.type(w.field, CODE)
        assert w.scans == [CODE] and w.field.text() == "" and w.entered == []
        keys.type(w.field, "Fast-typed-Secret-1")  # a password, however fast: never a scan
        assert w.scans == [CODE] and w.entered == ["Fast-typed-Secret-1"]
    finally:
        qapp.removeEventFilter(det)


def test_with_a_prefix_only_prefixed_input_is_held(qapp, qtbot) -> None:
    w = Window()
    qtbot.addWidget(w)
    w.show()
    det = ScanDetector(max_gap_ms=30, min_length=4, prefix="~", suffix="")
    qapp.installEventFilter(det)
    try:
        keys = Keys(qapp)
        keys.type(w.field, "abc", enter=False)
        assert w.field.text() == "abc"  # no delay at all: typed at once, however fast
        w.field.clear()
        keys.type(w.field, "~" + CODE, gap_ms=60)  # a slow scanner: the prefix decides
        assert w.scans == [CODE] and w.field.text() == ""
    finally:
        qapp.removeEventFilter(det)


def test_a_code_whose_first_characters_came_one_by_one_is_joined_back(
    qapp, window: Window, qtbot
) -> None:
    """A loaded machine sent the first two characters 40 ms apart (each given back as typing
    on its own), then the rest at a scanner's pace: one scan, the field as it was."""
    window.field.setText("A2026")
    keys = Keys(qapp)
    keys.type(window.field, CODE[:1], enter=False)
    qtbot.waitUntil(lambda: window.field.text() == "A20263")
    keys.t += 40
    keys.type(window.field, CODE[1:2], enter=False)
    qtbot.waitUntil(lambda: window.field.text() == "A202631")
    keys.t += 40
    keys.type(window.field, CODE[2:])
    assert window.scans == [CODE]
    assert window.field.text() == "A2026" and window.entered == []
