"""What the desktop tests see of the running app (``KEEPER_PROBE=DIR`` in its environment;
otherwise nothing of this runs).

The tests drive the real app on an X server from outside, with xdotool, as a keeper and a
scanner would; this is how they read back what the app did — never how they act on it:

* ``DIR/events.jsonl``: one line per scan recognised (with the window that took it), one
  per code the counter handled (accepted or refused, with the record's status and shelf) and
  one when the record was next painted — each with the system's monotonic time ``t`` (the
  same clock in every process: the benchmark compares it with when it sent the keys);
* ``DIR/state.json``, written when ``DIR/request`` appears: the top-level windows (title,
  X window id, geometry), whether the main window is locked, the focused widget, the text of
  every visible line edit, and the screen centre of every visible named widget (to click).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

ENV = "KEEPER_PROBE"


class Probe(QObject):
    def __init__(self, folder: str, parent: QObject | None = None):
        super().__init__(parent)
        self.dir = Path(folder)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._events = (self.dir / "events.jsonl").open("a", encoding="utf-8", buffering=1)
        self.main: Any = None
        self._paint_due = False
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    @classmethod
    def from_env(cls, parent: QObject | None = None) -> Probe | None:
        folder = os.environ.get(ENV)
        return cls(folder, parent) if folder else None

    def record(self, kind: str, **data: Any) -> None:
        line = {"event": kind, "t": time.monotonic(), **data}
        self._events.write(json.dumps(line, ensure_ascii=False) + "\n")

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._paint_due and ev.type() == QEvent.Type.Paint:
            self._paint_due = False
            # the paint itself runs after this filter: count it in
            QTimer.singleShot(0, lambda: self.record("painted"))
        return False

    def watch_detector(self, detector: Any) -> None:
        detector.scanned.connect(lambda text: self.record("scan", text=text, window=_window()))

    def watch_main(self, window: Any) -> None:
        self.main = window
        if window.counter is not None:
            window.counter.processed.connect(self._processed)
            window.counter.record.installEventFilter(self)

    def _processed(self, text: str, ok: bool, status: str, location: str) -> None:
        self.record("counter", text=text, ok=ok, status=status, location=location)
        self._paint_due = ok

    def _poll(self) -> None:
        req = self.dir / "request"
        if not req.exists():
            return
        req.unlink()
        tmp = self.dir / "state.tmp"
        tmp.write_text(json.dumps(self.state(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.dir / "state.json")

    def state(self) -> dict[str, Any]:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        focus = app.focusWidget()
        windows: list[dict[str, Any]] = []
        fields: list[dict[str, str]] = []
        named: dict[str, Any] = {}
        labels: dict[str, str] = {}
        tabs: list[dict[str, Any]] = []
        for top in app.topLevelWidgets():
            if not top.isVisible():
                continue
            g = top.frameGeometry()
            windows.append(
                {
                    "name": top.objectName(),
                    "class": type(top).__name__,
                    "title": top.windowTitle(),
                    "wid": int(top.winId()),
                    "rect": [g.x(), g.y(), g.width(), g.height()],
                    "active": top.isActiveWindow(),
                }
            )
            for w in [top, *top.findChildren(QWidget)]:
                if not w.isVisible():
                    continue
                path = _path(w)
                if isinstance(w, QLineEdit):
                    fields.append({"path": path, "text": w.text()})
                if isinstance(w, QTabBar):
                    for i in range(w.count()):
                        c = w.mapToGlobal(w.tabRect(i).center())
                        tabs.append({"text": w.tabText(i), "x": c.x(), "y": c.y()})
                if isinstance(w, QLabel) and w.objectName():
                    labels[w.objectName()] = w.text()
                if w.objectName():
                    c = w.mapToGlobal(w.rect().center())
                    named[w.objectName()] = {
                        "x": c.x(),
                        "y": c.y(),
                        "enabled": w.isEnabled(),
                        "text": w.text() if isinstance(w, QAbstractButton) else "",
                    }
        m = self.main
        return {
            "windows": windows,
            "active": _window(),
            "focus": {
                "class": type(focus).__name__ if focus else None,
                "name": focus.objectName() if focus else None,
                "path": _path(focus) if focus else None,
            },
            "locked": bool(getattr(m, "locked", False)) if m is not None else None,
            "tab": (m.tabs.currentWidget().objectName() or type(m.tabs.currentWidget()).__name__)
            if m is not None
            else None,
            "fields": fields,
            "tabs": tabs,
            "labels": labels,
            "named": named,
        }


def _window() -> str:
    w = QApplication.activeWindow()
    return (w.objectName() or type(w).__name__) if w is not None else ""


def _path(w: QWidget) -> str:
    parts = []
    cur: QWidget | None = w
    while cur is not None:
        parts.append(cur.objectName() or type(cur).__name__)
        cur = cur.parentWidget()
    return "/".join(reversed(parts))
