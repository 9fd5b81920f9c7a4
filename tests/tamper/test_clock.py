"""Time moves forward (issue 10, point 5), tried as an insider and as a wrong clock would.

- Keeper run under a clock set back before the register's last entry refuses the change,
  saying it is about the clock (before: a late handover was accepted as on time).
- An event written into the chain with an earlier date than the one ahead of it — by a
  keeper with their own key, who can sign — is named by verify.
- A jump of the computer's clock while Keeper runs is recorded (signed) and shown to the
  department heads."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, intake, lookup
from keeper_app.services.clockwatch import ClockWatch
from keeper_app.store import audit


def test_a_clock_set_back_before_the_last_entry_is_refused(office) -> None:
    o, d = office.new_pair()
    office.clock.advance(hours=30)  # 30 hours after burning: the handover is late now
    # another desk records something at the true time
    intake.create_case(office.session("H001"), "A2026-077", "某案", office.dept["crim"], ["H001"])
    custody_keeper = office.session("K001")
    # the keeper's computer is set back 10 hours, so the handover would look on time
    office.clock.t -= timedelta(hours=10)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        intake.handover(
            custody_keeper,
            o,
            office.cred("H001"),
            office.cred("K001"),
            "S-1",
            "柜A-01",
            "柜B-01",
        )
    assert e.value.code == "clock_behind"
    assert "the computer's clock says" in str(e.value) and "the clock is wrong" in str(e.value)
    assert office.snapshot() == before


def _raw_event(con: sqlite3.Connection, office, badge: str, at: str, action: str, s=None) -> int:
    """An event appended by hand, signed with the insider's own key (they know their
    password), dated as they like. ``s``: the insider signed in already (a sign-in is an
    event of its own, issue 14)."""
    s = s or office.session(badge)
    kid = con.execute(
        "SELECT max(id) FROM person_keys WHERE person_id=?", (s.person.id,)
    ).fetchone()[0]
    seq, prev = audit.head(con)
    seq += 1
    payload = '{"details":{},"rows":[]}'
    h = audit.event_hash(prev, seq, at, s.person.id, action, payload, 2, kid)
    from keeper_app import crypto

    sig = crypto.sign(s.key, crypto.event_message(h))
    con.execute(
        "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, hash, scheme, "
        "key_id, actor_sig) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, s.person.id, action, payload, prev, h, 2, kid, sig),
    )
    return seq


def test_an_event_dated_before_the_one_ahead_of_it_is_named(office) -> None:
    office.handed_over_pair()
    s = office.session("K001")  # the sign-in is the last event before the insider's
    last_seq, last_at = audit.last_signed_at(office.db.conn)
    con = sqlite3.connect(office.path)
    try:
        n = _raw_event(con, office, "K001", "2026-01-01T00:00:00Z", "set_location", s)
        con.commit()
    finally:
        con.close()
    v = admin.verify_audit(office.db)
    assert not v.ok
    assert (
        f"event {n} (set_location) is dated 2026-01-01T00:00:00Z, before event {last_seq} "
        f"({last_at}): times edited, or Keeper was run under a wrong clock"
    ) in v.problems


def test_the_keeper_cannot_append_through_keepers_code_with_an_earlier_date(office) -> None:
    office.handed_over_pair()
    s = office.session("K001")
    con = office.db.conn
    kid = con.execute(
        "SELECT max(id) FROM person_keys WHERE person_id=?", (s.person.id,)
    ).fetchone()[0]
    with office.db.transaction():
        with pytest.raises(audit.ClockBehind, match="the clock is wrong"):
            audit.append(
                con,
                "2026-01-01T00:00:00Z",
                s.person.id,
                "set_location",
                {},
                (),
                audit.EventKey(kid, s.key),
            )


class _Wall:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        import time

        return time.time() + self.offset


def test_a_jump_of_the_clock_is_recorded_signed_and_shown_to_the_heads(office) -> None:
    o, d = office.handed_over_pair()
    s = office.session("K001")
    wall = _Wall()
    s.watch = ClockWatch(wall=wall)
    custody.set_location(s, d, "柜C-01")  # no jump: nothing extra
    assert lookup.inbox(office.session("D001"))["clock_jumps"] == []
    wall.offset = 3 * 3600 + 60  # the computer's clock jumps 3 hours forward
    custody.set_location(s, d, "柜C-02")
    actions = [
        r[0]
        for r in office.db.conn.execute("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 2")
    ]
    assert actions == ["set_location", "clock_jump"]
    jumps = lookup.inbox(office.session("D001"))["clock_jumps"]
    assert len(jumps) == 1 and jumps[0]["seconds"] > 3 * 3600
    assert "jumped forward by 3 h 1 min" in jumps[0]["what"] and "K001" in jumps[0]["by"]
    wall.offset = 3 * 3600 + 60 - 7200  # and two hours back
    custody.set_location(s, d, "柜C-03")
    jumps = lookup.inbox(office.session("D001"))["clock_jumps"]
    assert "jumped back by 2 h" in jumps[0]["what"]
    assert admin.verify_audit(office.db).ok
