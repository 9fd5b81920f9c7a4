"""The Qt binding itself must not lose references: PySide6-Essentials 6.12.0 on Python 3.11
dropped one to ``None`` on every call returning nothing, and the app aborted ("deallocating
None") after a few thousand scans. pyproject pins below 6.12; this test keeps it honest.

From Python 3.12 on, ``None`` is immortal (PEP 683): its reference count no longer moves, so
counting it proves nothing there. The guard that means something on every Python counts the
references of ordinary (mortal) objects the binding takes and hands back — a Python object
kept as a Qt property, the parent widget's wrapper, a slot — over thousands of calls; and it
first proves, with a call that really drops a reference each time, that the count sees it."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

CALLS = 2000
NONE_IS_IMMORTAL = sys.version_info >= (3, 12)


class Sentinel:
    """An ordinary object: its reference count moves with every reference taken or lost."""


def drift(obj: object, call: Callable[[], object], n: int = CALLS) -> int:
    """How far ``obj``'s reference count moved over ``n`` calls (after a warm-up, for the
    binding's one-time caches)."""
    for _ in range(10):
        call()
    before = sys.getrefcount(obj)
    for _ in range(n):
        call()
    return sys.getrefcount(obj) - before


def test_the_count_sees_a_call_that_loses_a_reference() -> None:
    obj = Sentinel()
    keep = [obj] * (2 * CALLS)  # so that losing CALLS + 10 references frees nothing

    def losing() -> None:  # what a broken binding does to what it returns
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(obj))

    try:
        assert drift(obj, losing) <= -CALLS
    finally:
        for _ in range(CALLS + 10):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    assert len(keep) == 2 * CALLS


def test_objects_handed_back_by_qt_keep_their_references(qapp: object) -> None:
    parent = QWidget()
    label = QLabel(parent)
    held = Sentinel()
    label.setProperty("keeper", held)
    assert label.property("keeper") is held and label.parentWidget() is parent
    timer = QTimer()

    def slot() -> None:
        pass

    assert drift(held, lambda: label.property("keeper")) == 0
    assert drift(parent, label.parentWidget) == 0
    assert drift(slot, lambda: (timer.timeout.connect(slot), timer.timeout.disconnect(slot))) == 0
    assert drift(held, lambda: label.setProperty("keeper", held)) == 0


def test_void_calls_keep_none_alive(qapp: object) -> None:
    label = QLabel()
    timer = QTimer()

    def void_calls() -> None:
        label.setText("扫描")
        timer.start(1000)

    lost = drift(None, void_calls)
    timer.stop()
    if NONE_IS_IMMORTAL:
        assert lost == 0  # immortal: the mortal objects above are the guard here
    else:
        assert lost > -50
