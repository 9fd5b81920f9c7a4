"""Scan anywhere: an application-wide event filter that tells a USB barcode scanner from a
person by typing speed.

A scanner "types" a code with a few milliseconds between characters and ends it with Enter.
Printable keystrokes are held back while they come faster than ``max_gap_ms``; if Enter
follows such a burst, the held characters are one scan and go to the active window's scan
sink (an object with ``handle_scan(text)``: the window the keystrokes are sent to, or one of
its parents) instead of the focused widget. If the burst stops
without Enter, or a slower key comes, the held keystrokes are replayed, in order, to the
widget that was to receive them — so a person typing notices nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class ScanSink(Protocol):
    def handle_scan(self, text: str) -> None: ...


@dataclass
class _Held:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def _is_secret(target: QObject) -> bool:
    return isinstance(target, QLineEdit) and target.echoMode() != QLineEdit.EchoMode.Normal


def sink_for(target: QObject) -> ScanSink | None:
    """The scan sink for keystrokes sent to ``target``: its window (the active window, or
    the modal dialog in front) or the first of that window's parents with handle_scan."""
    w: QWidget | None = target.window() if isinstance(target, QWidget) else None
    while w is not None:
        if hasattr(w, "handle_scan"):
            return w  # type: ignore[return-value]
        w = w.parentWidget()
    return None


class ScanDetector(QObject):
    """Install on the QApplication. ``scanned(text)`` is emitted for every scan recognised
    (for logging and benchmarks), just before the sink gets it."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = 30,
        min_length: int = 4,
        route: Callable[[QObject], ScanSink | None] = sink_for,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._route = route
        self._clock = clock
        self._held: list[_Held] = []
        self._last = 0.0
        self._replaying = False
        self._flush_timer = QTimer(self, singleShot=True)
        self._flush_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flush_timer.timeout.connect(self.flush)

    # ------------------------------------------------------------------ filter
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self._replaying
            or not isinstance(ev, QKeyEvent)  # cheap: this filter sees every event
            or ev.type() != QEvent.Type.KeyPress
            or not obj.isWidgetType()
        ):
            return False
        if _is_secret(obj):
            # keys for a password field are never a scan: a fast typist's password must not
            # be taken for a badge and shown in clear in the badge field
            self.flush()
            return False
        now = self._clock()
        fast = bool(self._held) and (now - self._last) * 1000 <= self.max_gap_ms
        chord = bool(ev.modifiers() & _CHORD)
        if ev.key() in _ENTER and not chord:
            if fast and len(self._held) >= self.min_length:
                sink = self._route(obj)
                if sink is not None:
                    text = "".join(h.text for h in self._held)
                    self._held.clear()
                    self._flush_timer.stop()
                    self.scanned.emit(text)
                    sink.handle_scan(text)
                    return True
            self.flush()
            return False
        text = ev.text()
        if chord or not text or not text.isprintable() or ev.isAutoRepeat():
            self.flush()
            return False
        if self._held and not fast:
            self.flush()
        if not self._held and self._route(obj) is None:
            return False  # no window takes scans: nothing to hold back
        self._held.append(_Held(obj, ev.key(), ev.modifiers(), text))
        self._last = now
        self._flush_timer.start(self.max_gap_ms + 1)
        return True

    # ------------------------------------------------------------------ replay
    def flush(self) -> None:
        """Give the held keystrokes to the widgets they were meant for (a person typed)."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.target):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(h.target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
