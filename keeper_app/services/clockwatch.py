"""The computer's clock, watched (issue 10, point 5): a jump of the wall clock — forward or
back — against the monotonic clock, which nobody can set, is noticed by the running
Keeper, shown to the person at the desk and recorded in the register as a signed
'clock_jump' event, which department heads see in their inbox. (A clock set back before
the register's last entry is refused outright: Session.change.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

#: A difference between the wall clock's and the monotonic clock's progress larger than this
#: is a jump (NTP's slewing of a few seconds is not).
THRESHOLD_S = 120.0


@dataclass(frozen=True)
class ClockJump:
    seconds: float  # > 0: the clock jumped forward; < 0: back
    before: str  # what the wall clock would say now without the jump (UTC, stored form)
    after: str  # what it says now

    def details(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds), "expected": self.before, "clock": self.after}

    def describe(self) -> str:
        from ..timeutil import show

        way = "forward" if self.seconds > 0 else "back"
        return (
            f"the computer's clock jumped {way} by {_span(abs(self.seconds))}: it says "
            f"{show(self.after)} where {show(self.before)} was expected"
        )


def _span(s: float) -> str:
    s = int(round(s))
    d, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    parts = [f"{d} d"] * bool(d) + [f"{h} h"] * bool(h) + [f"{m} min"] * bool(m)
    return " ".join(parts) or f"{s} s"


def _stored(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ClockWatch:
    """Compares the wall clock's progress with the monotonic clock's since the last look."""

    def __init__(
        self,
        wall: Callable[[], float] = time.time,
        mono: Callable[[], float] = time.monotonic,
        threshold_s: float = THRESHOLD_S,
    ):
        self._wall, self._mono, self.threshold_s = wall, mono, threshold_s
        self._lock = threading.Lock()
        self._w0, self._m0 = wall(), mono()

    def check(self) -> ClockJump | None:
        """A jump since the last look (each jump is returned once), or None."""
        with self._lock:
            w, m = self._wall(), self._mono()
            expected = self._w0 + (m - self._m0)
            drift = w - expected
            self._w0, self._m0 = w, m
        if abs(drift) <= self.threshold_s:
            return None
        return ClockJump(drift, _stored(expected), _stored(w))


#: This process's watch (Session.change and the main window look at it).
WATCH = ClockWatch()


def report(s: Any, jump: ClockJump) -> None:
    """Record a jump the main window noticed (a signed 'clock_jump' event): the
    department heads see it in their inbox."""
    with s.change("clock_jump", **jump.details()):
        pass


def recent_jumps(conn: Any, since: str) -> list[dict[str, Any]]:
    """The clock jumps recorded since ``since`` (stored UTC text), newest first."""
    from ..store import audit
    from ..timeutil import show

    out = []
    for r in audit.events_of(conn, "clock_jump", since):
        d = r["details"]
        seconds = int(d.get("seconds") or 0)
        out.append(
            {
                "at": show(r["at"]),
                "by": f"{r['name']} ({r['badge']})" if r["badge"] else "",
                "seconds": seconds,
                "what": ClockJump(
                    float(seconds), str(d.get("expected") or ""), str(d.get("clock") or "")
                ).describe(),
            }
        )
    return out
