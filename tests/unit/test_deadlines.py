"""What is due and what is late, computed from the record (DESIGN: never stored as flags).

Art. 17: hand the new pair to the keeper within 24 h of burning. Art. 20: return the disc at
the end of the estimated usage time. Art. 19: serve a court or procuratorate within three
days, flagged a day before. Art. 18: reseal the original promptly after use (default 8 h).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import deadlines
from keeper_app.domain.model import Due

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)
SEC = timedelta(seconds=1)


def one(items: list[Due]) -> Due:
    assert len(items) == 1
    return items[0]


def test_nothing_due() -> None:
    assert deadlines.due_items(T0) == []


# ---------------------------------------------------------------- handover (Art. 17)
@pytest.mark.parametrize(
    "now, late", [(T0, False), (T0 + 24 * H, False), (T0 + 24 * H + SEC, True)]
)
def test_handover_late_after_24_hours(now: datetime, late: bool) -> None:
    d = one(deadlines.due_items(now, burned=[("31012026000001OX", "A2026-001", T0)]))
    assert d.kind == "handover"
    assert d.due_at == T0 + 24 * H
    assert d.late is late
    assert d.medium_code == "31012026000001OX" and d.case_no == "A2026-001"


# ---------------------------------------------------------------- return (Art. 20)
@pytest.mark.parametrize(
    "now, late", [(T0 + 7 * H, False), (T0 + 8 * H, False), (T0 + 8 * H + SEC, True)]
)
def test_return_late_after_the_estimated_usage_time(now: datetime, late: bool) -> None:
    d = one(
        deadlines.due_items(
            now, open_retrievals=[(7, "31012026000001DX", "A2026-001", T0, 8, "张办案")]
        )
    )
    assert d.kind == "return"
    assert d.due_at == T0 + 8 * H
    assert d.late is late
    assert d.ref == 7
    assert "张办案" in d.what


# ---------------------------------------------------------------- court (Art. 19)
@pytest.mark.parametrize(
    "after, late, soon",
    [
        (timedelta(0), False, False),
        (timedelta(days=2) - SEC, False, False),  # more than a day left
        (timedelta(days=2), False, True),  # exactly a day before
        (timedelta(days=2, hours=12), False, True),
        (timedelta(days=3), False, True),  # the deadline itself: still on time
        (timedelta(days=3) + SEC, True, False),  # late, no longer "soon"
        (timedelta(days=10), True, False),
    ],
)
def test_court_request_soon_a_day_before_then_late(
    after: timedelta, late: bool, soon: bool
) -> None:
    d = one(
        deadlines.due_items(T0 + after, court_requests=[(3, "A2026-001", "某市中级人民法院", T0)])
    )
    assert d.kind == "court_transfer"
    assert d.due_at == T0 + timedelta(days=3)
    assert d.late is late
    assert (d.extra.get("soon") == "1") is soon
    assert d.medium_code is None and d.ref == 3
    assert "某市中级人民法院" in d.what


# ---------------------------------------------------------------- reseal (Art. 18)
def test_reseal_late_after_the_default_limit() -> None:
    unsealed = [("31012026000001OX", "A2026-001", T0)]
    assert one(deadlines.due_items(T0 + 8 * H, unsealed=unsealed)).late is False
    d = one(deadlines.due_items(T0 + 8 * H + SEC, unsealed=unsealed))
    assert d.kind == "reseal" and d.late is True and d.due_at == T0 + 8 * H


def test_reseal_limit_is_configurable() -> None:
    unsealed = [("31012026000001OX", "A2026-001", T0)]
    d = one(deadlines.due_items(T0 + 3 * H, unsealed=unsealed, reseal_limit=2 * H))
    assert d.late is True and d.due_at == T0 + 2 * H


def test_only_court_items_carry_the_soon_flag() -> None:
    now = T0 + 23 * H  # every deadline below is within a day
    items = deadlines.due_items(
        now,
        burned=[("O1", "A", T0)],
        open_retrievals=[(1, "D1", "A", T0, 24, "x")],
        unsealed=[("O2", "A", T0 + 20 * H)],
    )
    assert len(items) == 3
    assert all(i.extra == {} for i in items)


# ---------------------------------------------------------------- ordering
def test_late_first_then_by_due_time() -> None:
    now = T0 + timedelta(days=5)
    items = deadlines.due_items(
        now,
        burned=[
            ("HANDOVER-LATE", "A", T0 + timedelta(days=2)),  # due day 3: late
            ("HANDOVER-ON-TIME", "A", now - H),  # due day 5 + 23 h
        ],
        open_retrievals=[
            (1, "RETURN-LATE", "A", T0, 1, "x"),  # due T0 + 1 h: the oldest late item
            (2, "RETURN-ON-TIME", "A", now, 2, "x"),  # due now + 2 h: the soonest on time
        ],
        court_requests=[
            (3, "A", "COURT-LATE", T0 + timedelta(days=1)),  # due day 4: late
            (4, "A", "COURT-ON-TIME", now),  # due day 8
        ],
        unsealed=[
            ("RESEAL-LATE", "A", now - 9 * H),  # due now - 1 h: late, the newest late item
            ("RESEAL-ON-TIME", "A", now),  # due now + 8 h
        ],
    )
    names = [i.medium_code or i.what.rsplit(" ", 1)[1] for i in items]
    assert names == [
        "RETURN-LATE",
        "HANDOVER-LATE",
        "COURT-LATE",
        "RESEAL-LATE",
        "RETURN-ON-TIME",
        "RESEAL-ON-TIME",
        "HANDOVER-ON-TIME",
        "COURT-ON-TIME",
    ]
    assert [i.late for i in items] == [True] * 4 + [False] * 4
    due = [i.due_at for i in items]
    assert due[:4] == sorted(due[:4]) and due[4:] == sorted(due[4:])
