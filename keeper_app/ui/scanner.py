"""Scan anywhere: an application-wide event filter that tells a USB barcode scanner from a
person.

A scanner is a keyboard. It "types" a code a few milliseconds a character — pressing and
releasing Shift around every capital, as a keyboard would — and ends with Enter. Two ways of
telling it from a person:

* **Exact** (a prefix and/or suffix is configured in the scanner and in Settings): keys that
  start with the prefix are held until Enter; the text between prefix and suffix is the scan.
  Every other key goes straight to the focused widget, with no delay at all.
* **Timing and format** (no prefix): printable keys are held back while they come at a
  scanner's pace. The first gap must be short (``max_gap_ms``); once a burst is under way a
  stall of up to ``stall_ms`` (a busy machine, a scanner's own hiccup) does not break it. If
  Enter ends a burst of at least ``min_length`` characters most of whose gaps were short, the
  held characters are one scan and go to the window's scan sink instead of the focused
  widget. Otherwise they are replayed, in order, to the widget that was to receive them — so a
  person typing notices nothing.

Gaps are measured on the window system's own time stamps of the key events where it gives
them (X11 does), so a GUI thread busy with the previous scan does not make a person's keys look
fast, nor split a scanner's code. Modifier keys (Shift, Caps Lock, …) never break a burst.

Keys meant for a password field are held too, but only a burst that is a valid medium code
(format and check digit) is taken from it: a fast typist's password is never taken for a scan,
and a disc scanned at the lock screen is never taken for a password.

A printout's head (the QR code on every printed page, ``KH1-<event>-<hash>``, 72 characters)
is a scan anywhere else, and, like a medium code, is joined back when a stall split it.
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

from ..domain import codes
from ..services.heads import parse_head_text

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: keys that only change what the next key means: pressed inside every scanned capital
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Mode_switch,
    }
)
#: in exact mode, the most time a prefixed scan may take before it is given back as typing
PREFIXED_TIMEOUT_MS = 1500
#: at least this share of a timed burst's gaps must be short (the rest are stalls)
FAST_SHARE = 0.75
#: a code split by a longer stall is joined back when its two parts came within this time and
#: make one valid code (the check digit makes a chance match of typing and scanning negligible)
REJOIN_MS = 1000


class ScanSink(Protocol):
    def handle_scan(self, text: str) -> None: ...


@dataclass
class _Held:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    stamp: int  # the window system's time stamp (ms), 0 when the event has none
    clock: float  # our monotonic clock (s) when the key arrived


#: turns of the event loop a burst's timer waits for keys queued behind it before it ends
EXTRA_TURNS = 2
#: how many bursts given back as typing are remembered for joining a split code
FLUSHED_KEPT = 16


@dataclass
class _Flushed:
    """A burst given back as typing, kept for a moment in case stalls split a code: the last
    part, ending in Enter, can then take the first parts back."""

    keys: list[_Held]
    before: str | None  # the line edit's text before the keys were replayed into it
    after: str | None


def is_medium_code(text: str) -> bool:
    try:
        codes.parse(text)
    except codes.CodeError:
        return False
    return True


def is_head_text(text: str) -> bool:
    """A printout's head (its QR code's text): a scan, never taken from a password field."""
    return parse_head_text(text) is not None


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
        stall_ms: int = 150,
        min_length: int = 4,
        prefix: str = "",
        suffix: str = "",
        route: Callable[[QObject], ScanSink | None] = sink_for,
        is_code: Callable[[str], bool] = is_medium_code,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.stall_ms = max(stall_ms, max_gap_ms)
        self.min_length = min_length
        self.prefix, self.suffix = prefix, suffix
        self._route = route
        self._is_code = is_code
        self._clock = clock
        self._held: list[_Held] = []
        self._flushed: list[_Flushed] = []
        self._replaying = False
        self._turns = 0  # event-loop turns given to waiting keys since the last key
        self._flush_timer = QTimer(self, singleShot=True)
        self._flush_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flush_timer.timeout.connect(self._timeout)

    def configure(self, *, max_gap_ms: int, min_length: int, prefix: str, suffix: str) -> None:
        self.flush()
        self.max_gap_ms, self.min_length = max_gap_ms, min_length
        self.stall_ms = max(self.stall_ms, max_gap_ms)
        self.prefix, self.suffix = prefix, suffix

    # ------------------------------------------------------------------ timing
    @staticmethod
    def _gap_ms(a: _Held, b_stamp: int, b_clock: float) -> float:
        if a.stamp and b_stamp and b_stamp >= a.stamp:
            return float(b_stamp - a.stamp)
        return (b_clock - a.clock) * 1000

    def _gaps(self, until_stamp: int, until_clock: float) -> list[float]:
        h = self._held
        gaps = [self._gap_ms(h[i], h[i + 1].stamp, h[i + 1].clock) for i in range(len(h) - 1)]
        if h:
            gaps.append(self._gap_ms(h[-1], until_stamp, until_clock))
        return gaps

    def _allowed_gap_ms(self) -> float:
        """How long the next key may take and still belong to the held burst."""
        if self.prefix and self._held:
            return PREFIXED_TIMEOUT_MS
        return self.max_gap_ms if len(self._held) < 2 else self.stall_ms

    def _timed_like_a_scanner(self, gaps: list[float]) -> bool:
        fast = sum(1 for g in gaps if g <= self.max_gap_ms)
        return fast >= FAST_SHARE * len(gaps)

    # ------------------------------------------------------------------ filter
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self._replaying
            or not isinstance(ev, QKeyEvent)  # cheap: this filter sees every event
            or ev.type() != QEvent.Type.KeyPress
            or not obj.isWidgetType()
        ):
            return False
        key = ev.key()
        if key in _MODIFIER_KEYS:
            return False  # Shift inside a capital: not the end of anything
        stamp, now = int(ev.timestamp()), self._clock()
        chord = bool(ev.modifiers() & _CHORD)
        if key in _ENTER and not chord:
            return self._enter(obj, stamp, now)
        text = ev.text()
        if chord or not text or not text.isprintable() or ev.isAutoRepeat():
            self.flush()
            return False
        if self._held and self._gap_ms(self._held[-1], stamp, now) > self._allowed_gap_ms():
            self.flush()
        if not self._held:
            if self._route(obj) is None:
                return False  # no window takes scans: nothing to hold back
            if self.prefix and text != self.prefix[0]:
                return False  # exact mode: only the prefix starts a scan
        elif self.prefix and len(self._held) < len(self.prefix):
            if text != self.prefix[len(self._held)]:
                self.flush()
                return False
        self._held.append(_Held(obj, key, ev.modifiers(), text, stamp, now))
        self._turns = 0
        self._flush_timer.start(int(self._allowed_gap_ms()) + 1)
        return True

    def _enter(self, obj: QObject, stamp: int, now: float) -> bool:
        if not self._held:
            return False
        raw = "".join(h.text for h in self._held)
        text = self._scan_text(raw, self._gaps(stamp, now), obj)
        if text is None:
            self.flush()
            return False
        sink = self._route(obj)
        if sink is None:
            self.flush()
            return False
        self._held.clear()
        self._flush_timer.stop()
        self.scanned.emit(text)
        sink.handle_scan(text)
        return True

    def _scan_text(self, raw: str, gaps: list[float], target: QObject) -> str | None:
        """The scanned text if the held burst is a scan, else None."""
        if self.prefix or self.suffix:
            if not (raw.startswith(self.prefix) and raw.endswith(self.suffix)):
                return None
            body = raw[len(self.prefix) : len(raw) - len(self.suffix)]
            return body if body else None
        if len(raw) < self.min_length or not self._timed_like_a_scanner(gaps):
            return None
        if gaps and gaps[-1] > self.stall_ms:
            return None
        secret = _is_secret(target)
        if self._is_code(raw) or (not secret and is_head_text(raw)):
            self._flushed.clear()
            return raw
        whole = self._rejoin(raw, None if secret else is_head_text)
        if whole is not None:
            return whole
        if secret:
            return None  # a password typed fast: never a scan unless it is a code
        return raw  # a scanner's burst that is no code: the sink says what is wrong with it

    def _rejoin(self, raw: str, also: Callable[[str], bool] | None = None) -> str | None:
        """Stalls near a code's start gave its first character(s) back as typing, perhaps in
        several bursts: if the last of them and this burst make one valid code (or, with
        ``also``, one text it accepts: a printout's head), take them back from the widget and
        join them."""
        history, self._flushed = self._flushed, []
        if not self._held:
            return None
        chain: list[_Flushed] = []  # the bursts just before this one, each soon after the last
        nxt = self._held[0]
        for f in reversed(history):
            if self._gap_ms(f.keys[-1], nxt.stamp, nxt.clock) > REJOIN_MS:
                break
            chain.insert(0, f)
            nxt = f.keys[0]
        for i in range(len(chain) - 1, -1, -1):  # the fewest parts first
            parts = chain[i:]
            whole = "".join(k.text for f in parts for k in f.keys) + raw
            if self._is_code(whole) or (also is not None and also(whole)):
                self._take_back(parts)
                return whole
        return None

    @staticmethod
    def _take_back(parts: list[_Flushed]) -> None:
        """Undo the typing of ``parts`` in the line edit they went to (when nothing else has
        changed it since)."""
        target = parts[0].keys[0].target
        if not (isinstance(target, QLineEdit) and shiboken6.isValid(target)):
            return
        if any(k.target is not target for f in parts for k in f.keys):
            return
        if parts[0].before is not None and target.text() == parts[-1].after:
            target.setText(parts[0].before)

    # ------------------------------------------------------------------ replay
    def _timeout(self) -> None:
        """No key came in time — or the GUI thread was busy (with the previous scan, say) and
        key events wait behind this timer. The event loop gets a few more turns first (never
        a nested processEvents, which could delete objects whose code is on the stack): only
        if no key came in them is the burst over."""
        if not self._held:
            return
        if self._turns < EXTRA_TURNS:
            self._turns += 1
            self._flush_timer.start(1)
            return
        self.flush()

    def flush(self) -> None:
        """Give the held keystrokes to the widgets they were meant for (a person typed)."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        first = held[0].target
        edit = first if isinstance(first, QLineEdit) and shiboken6.isValid(first) else None
        before = edit.text() if edit is not None else None
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.target):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(h.target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
        after = edit.text() if edit is not None and shiboken6.isValid(edit) else None
        self._flushed = [*self._flushed[-(FLUSHED_KEPT - 1) :], _Flushed(held, before, after)]
