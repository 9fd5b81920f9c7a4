"""The main window watches the computer's clock (issue 10, point 5): a jump is shown in the
status bar and recorded, signed, for the department heads."""

from __future__ import annotations

import time

from keeper_app.services import lookup
from keeper_app.services.clockwatch import ClockWatch


class _Wall:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def test_a_clock_jump_is_shown_to_the_keeper_and_reported(ui, office, qtbot) -> None:
    m = ui.sign_in("K001")
    wall = _Wall()
    m.ctx.session.watch = ClockWatch(wall=wall)
    assert m.check_clock() is None and not m.clock_alarm.isVisible()
    wall.offset = -2 * 3600  # set back two hours
    jump = m.check_clock()
    assert jump is not None and jump.seconds < -7000
    assert m.clock_alarm.isVisible()
    assert "时钟" in m.clock_alarm.text() or "clock" in m.clock_alarm.text()
    qtbot.waitUntil(lambda: lookup.inbox(office.session("D001"))["clock_jumps"] != [])
    (j,) = lookup.inbox(office.session("D001"))["clock_jumps"]
    assert "jumped back by 2 h" in j["what"] and "K001" in j["by"]
