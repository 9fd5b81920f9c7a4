"""Sign-in hardening (issue 7, 5; issue 10, 8): five wrong passwords in a row lock a person
for a time that grows with each lockout; every attempt (recorded before its password is
checked) and every lockout is in the audit chain; while locked the password is not even
tried; the right password, or an administrator with a head's countersignature, clears the
count; passwords have a minimum length."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import PASSWORD, raw_connect

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, lockout
from keeper_app.services import people as people_svc
from keeper_app.services.session import sign_in

WRONG = "not-the-password"


def attempt(office, badge: str, password: str) -> RuleViolation | None:
    try:
        sign_in(office.db, badge, password, office.clock, office.cache)
    except RuleViolation as exc:
        return exc
    return None


def actions(office, since: int) -> list[str]:
    return [
        r[0]
        for r in office.db.conn.execute(
            "SELECT action FROM audit_events WHERE seq > ? ORDER BY seq", (since,)
        )
    ]


def events(office) -> int:
    return admin.verify_audit(office.db).events


def test_five_wrong_passwords_lock_and_the_chain_records_each(office):
    start = events(office)
    for _ in range(4):
        exc = attempt(office, "K001", WRONG)
        assert exc is not None and exc.code == "bad_credentials"
        assert exc.message == "the badge number or the password is wrong"
    exc = attempt(office, "K001", WRONG)
    assert exc.code == "bad_credentials" and "is locked until" in exc.message
    assert actions(office, start) == ["sign_in_attempt"] * 5 + ["locked_out"]
    # locked: even the right password is refused, and that refusal writes nothing
    before = office.snapshot(sign_ins=True)
    exc = attempt(office, "K001", PASSWORD)
    assert exc.code == "locked" and "李保管 (K001)" in exc.message and "until" in exc.message
    assert office.snapshot(sign_ins=True) == before
    v = admin.verify_audit(office.db)
    assert v.ok and v.events == start + 6
    row = office.db.conn.execute(
        "SELECT kind, level, until FROM sign_in_events WHERE kind='lockout'"
    ).fetchone()
    assert (row[0], row[1]) == ("lockout", 1)
    # the lock ends; the right password clears the count (one more event)
    office.clock.advance(seconds=lockout.FIRST_LOCK.total_seconds() + 1)
    assert attempt(office, "K001", PASSWORD) is None
    # the attempt, the count cleared, and the sign-in itself, signed (issue 14)
    assert actions(office, start)[-3:] == ["sign_in_attempt", "sign_in_cleared", "sign_in"]
    assert attempt(office, "K001", PASSWORD) is None  # each sign-in: its attempt, cleared
    assert events(office) == start + 12


def test_each_lockout_lasts_longer(office):
    durations = []
    for level in (1, 2, 3):
        for _ in range(5):
            assert attempt(office, "H001", WRONG).code == "bad_credentials"
        lock = lockout.lock_duration(level)
        durations.append(lock)
        office.clock.advance(seconds=lock.total_seconds() - 1)
        assert attempt(office, "H001", PASSWORD).code == "locked"
        office.clock.advance(seconds=2)
        # the lock is over: five more wrong passwords lock again, for longer
    assert (
        durations[0] == lockout.FIRST_LOCK
        and durations[1] == 2 * durations[0]
        and durations[2] == 4 * durations[0]
    )
    assert lockout.lock_duration(40) == lockout.LONGEST_LOCK
    assert attempt(office, "H001", PASSWORD) is None  # clears all three


def test_a_signer_is_locked_too_and_an_administrator_unlocks(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    for _ in range(5):
        with pytest.raises(RuleViolation) as ei:
            custody.retrieve(k, d, office.cred("H001", WRONG), office.cred("K001"), qid)
        assert ei.value.code == "bad_credentials"
    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), qid)
    assert ei.value.code == "locked"
    with pytest.raises(RuleViolation) as ei:
        lockout.unlock(office.session("K002"), "H001", office.cred("D001"))
    assert ei.value.code == "role_refused"
    lockout.unlock(office.session("ADMIN"), "H001", office.cred("D001"))
    assert actions(office, events(office) - 1) == ["sign_in_unlocked"]
    custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), qid)
    with pytest.raises(RuleViolation) as ei:
        lockout.unlock(office.session("ADMIN"), "H001", office.cred("D001"))
    assert ei.value.code == "not_locked"
    assert admin.verify_audit(office.db).ok


def test_unknown_badges_and_missing_passwords_are_not_counted(office):
    before = office.snapshot(sign_ins=True)
    assert attempt(office, "Z999", WRONG).code == "bad_credentials"
    assert attempt(office, "K001", "").code == "missing_password"
    assert office.snapshot(sign_ins=True) == before


def test_removing_a_lockout_behind_keepers_back_is_caught(office):
    for _ in range(5):
        attempt(office, "K002", WRONG)
    con = raw_connect(office.location)  # an insider with the owner's rights
    on = " ON sign_in_events" if office.location.startswith("postgresql://") else ""
    con.execute(f"DROP TRIGGER sign_in_events_no_delete{on}")
    con.execute("DELETE FROM sign_in_events WHERE kind='lockout'")
    if hasattr(con, "commit"):  # sqlite3 (the server's connection commits each statement)
        con.commit()
    con.close()
    v = admin.verify_audit(office.db)
    assert not v.ok and any(
        "sign_in_events" in p and "deleted outside Keeper" in p for p in v.problems
    )


def test_passwords_have_a_minimum_length(office):
    short = "x" * (crypto.MIN_PASSWORD - 1)
    with pytest.raises(RuleViolation) as ei:
        people_svc.add_person(office.session("ADMIN"), "K009", "新保管", ["keeper"], short)
    assert ei.value.code == "weak_password" and str(crypto.MIN_PASSWORD) in ei.value.message
    with pytest.raises(RuleViolation) as ei:
        people_svc.change_password(office.session("K001"), office.cred("K001"), short)
    assert ei.value.code == "weak_password"


def test_migration_6_keeps_the_earlier_sign_in_rows_as_they_were():
    """Schema 6 rebuilds sign_in_events only to allow 'attempt' rows: the columns and the rows
    of schema 4 (their audit anchors hash them) stay the same, and the table stays
    append-only."""
    from keeper_app.store.connection import _migrations, _statements

    con = sqlite3.connect(":memory:", isolation_level=None)
    migrations = _migrations()
    assert [m[0] for m in migrations[3:6]] == [4, 5, 6]

    def apply(ms) -> None:
        con.execute("BEGIN")
        for _num, _name, sql in ms:
            for statement in _statements(sql):
                con.execute(statement)
        con.execute("COMMIT")

    apply(migrations[:4])
    con.execute("INSERT INTO sign_in_events(person_id, kind, at) VALUES (1, 'failure', 't1')")
    con.execute(
        "INSERT INTO sign_in_events(person_id, kind, at, until, level) "
        "VALUES (1, 'lockout', 't1', 't2', 1)"
    )
    with pytest.raises(sqlite3.IntegrityError):  # schema 4 knows no attempts
        con.execute("INSERT INTO sign_in_events(person_id, kind, at) VALUES (1, 'attempt', 't')")
    rows = con.execute("SELECT * FROM sign_in_events ORDER BY id").fetchall()
    columns = con.execute("PRAGMA table_info(sign_in_events)").fetchall()
    apply(migrations[4:6])
    assert con.execute("SELECT * FROM sign_in_events ORDER BY id").fetchall() == rows
    assert con.execute("PRAGMA table_info(sign_in_events)").fetchall() == columns
    con.execute("INSERT INTO sign_in_events(person_id, kind, at) VALUES (1, 'attempt', 't3')")
    for sql in ("DELETE FROM sign_in_events", "UPDATE sign_in_events SET at='x'"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(sql)
    con.close()
