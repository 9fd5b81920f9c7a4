"""The Qt binding itself must not lose references to ``None``: PySide6-Essentials 6.12.0 on
Python 3.11 dropped one on every call returning nothing, and the app aborted ("deallocating
None") after a few thousand scans. pyproject pins below 6.12; this test keeps it honest."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp: object) -> None:
    label = QLabel()
    timer = QTimer()
    for _ in range(10):  # warm up one-time caches
        label.setText("x")
        timer.start(1000)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("扫描")
        timer.start(1000)
    timer.stop()
    assert sys.getrefcount(None) - before > -50
