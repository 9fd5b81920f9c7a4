"""Issue 10, point 8 — the attack: 24 sign-in attempts at once for one badge (23 wrong
passwords, 1 right), each from its own connection to the same file, as an insider with a
script would. Before, every password was tried and the right one got in. Now each attempt
is recorded, in a locked transaction that reads the person's lock state, before its
password is checked: at most five passwords are checked, and the person ends locked."""

from __future__ import annotations

import threading

from conftest import PASSWORD

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, lockout
from keeper_app.services import people as people_svc
from keeper_app.services.session import sign_in
from keeper_app.store import open_database, signins

WRONG = "not-the-password"
N = 24


def test_24_parallel_attempts_check_at_most_five_passwords_and_lock(office):
    # a person at the application's real scrypt cost: each check takes a while, as it would
    people_svc.add_person(
        office.session("ADMIN"),
        "K009",
        "新保管",
        ["keeper"],
        PASSWORD,
        office.dept["legal"],
        kdf_n=crypto.DEFAULT_KDF_N,
        head=office.cred("D001"),
    )
    pid = office.session("K009").person.id  # its attempt is cleared: a clean start
    before = office.db.conn.execute(
        "SELECT count(*) FROM sign_in_events WHERE person_id=? AND kind='attempt'", (pid,)
    ).fetchone()[0]
    passwords = [WRONG + str(i) for i in range(N - 1)]
    passwords.insert(N // 2, PASSWORD)
    results: list[object] = [None] * N
    start = threading.Barrier(N)

    def attempt(i: int) -> None:
        db = open_database(office.path, create=False, check=False)
        try:
            start.wait()
            try:
                results[i] = sign_in(db, "K009", passwords[i], office.clock)
            except RuleViolation as exc:
                results[i] = exc
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            results[i] = exc
        finally:
            db.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(r is not None for r in results), results
    codes = [r.code if isinstance(r, RuleViolation) else type(r).__name__ for r in results]
    assert set(codes) <= {"bad_credentials", "locked", "Session"}, codes
    # a password is checked only for an admitted attempt, and every admitted attempt is a row
    checked = [c for c in codes if c != "locked"]
    rows = (
        office.db.conn.execute(
            "SELECT count(*) FROM sign_in_events WHERE person_id=? AND kind='attempt'", (pid,)
        ).fetchone()[0]
        - before
    )
    assert rows == len(checked) <= lockout.MAX_FAILURES, codes
    assert codes.count("locked") >= N - lockout.MAX_FAILURES
    # the person ends locked: even the right password is refused now, without being checked
    st = signins.state(office.db.conn, pid)
    assert lockout.is_locked(st, office.clock())
    try:
        sign_in(office.db, "K009", PASSWORD, office.clock)
        raise AssertionError("signed in while locked")
    except RuleViolation as exc:
        assert exc.code == "locked"
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems
