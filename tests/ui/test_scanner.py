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
