"""Two counters, one database file (issue 7, 4): two processes writing at once lose
nothing and never crash on "database is locked"; a lock held too long is refused with a
clear message; two keepers scanning the same disc out at the same moment: exactly one wins,
the other is told who has it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import counting_unlocks, raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, lockout, lookup
from keeper_app.services.session import Credential, Session
from keeper_app.store import open as store_open
from keeper_app.store import open_database
from keeper_app.store.connection import StoreBusy
from keeper_app.timeutil import now_utc

HERE = Path(__file__).parent


def python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=HERE.parent.parent,
    )


def location_of(office, code: str) -> str:
    return office.db.conn.execute("SELECT location FROM media WHERE code=?", (code,)).fetchone()[0]


# ------------------------------------------------------------------ the WAL stays safe
@pytest.mark.sqlite_only("the sqlite file's WAL and its POSIX locks")
def test_opening_again_in_this_process_does_not_expose_the_open_connection(office):
    """The application opens the database again for every background job while its main
    connection stays open. Opening must not drop the main connection's file locks (closing
    any descriptor of the file does, on Linux): another process closing its connection
    would take itself for the last user, checkpoint and delete the WAL the main connection
    still writes to, and what it writes next would be lost."""
    o, d = office.handed_over_pair()
    wal = Path(f"{office.path}-wal")
    assert wal.exists()
    open_database(office.path, create=False).close()  # a background job
    r = python(
        """
        import sys
        from datetime import UTC, datetime
        from keeper_app.services import custody
        from keeper_app.services.session import sign_in
        from keeper_app.store import open_database
        db = open_database(sys.argv[1], create=False)
        clock = lambda: datetime(2026, 11, 20, 1, 0, 0, tzinfo=UTC)  # the office's clock
        custody.set_location(sign_in(db, "K001", "correct-horse-1", clock), sys.argv[2], "柜X-01")
        db.close()
    """,
        str(office.path),
        d,
    )
    assert r.returncode == 0, r.stderr
    assert wal.exists(), "another process deleted the WAL this process is using"
    custody.set_location(office.session("K001"), d, "柜X-02")  # written by the main connection
    office.db.close()
    office.db = open_database(office.path, create=False)
    assert location_of(office, d) == "柜X-02"
    assert admin.verify_audit(office.db).ok


# ------------------------------------------------------------------ busy
def test_a_lock_held_too_long_is_refused_clearly_and_changes_nothing(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    before = office.snapshot()
    other = raw_connect(office.location)
    other.execute("BEGIN IMMEDIATE")  # another program (or desk) keeps writing
    try:
        office.db.set_busy(150, attempts=2)
        with pytest.raises(StoreBusy) as ei:
            custody.set_location(k, d, "柜X-01")
        msg = str(ei.value)
        assert "busy" in msg and "nothing was recorded" in msg and "0.3 s" in msg
        assert not office.db.conn.in_transaction
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert office.snapshot() == before
    custody.set_location(k, d, "柜X-01")  # the lock is gone: it goes through
    assert location_of(office, d) == "柜X-01"


def test_a_short_lock_is_waited_for(office):
    """Another process writes for half a second: the counter's change waits, then commits."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent("""
        import sqlite3, sys, time
        from keeper_app.store.pg import PgConnection, is_url
        if is_url(sys.argv[1]):  # another desk of the office server
            c = PgConnection(sys.argv[1])
        else:
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(0.6)
        c.execute("ROLLBACK")
    """),
            office.location,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=HERE.parent.parent,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        # the lock is held now: without waiting for it this change would be refused as busy
        custody.set_location(k, d, "柜X-02")
    finally:
        holder.wait(10)
    assert location_of(office, d) == "柜X-02"


# ------------------------------------------------------------------ the same disc, two counters
class TypedLate:
    """A signer whose password is typed only after the other counter has done ``meanwhile``:
    the service has read and checked the record by then, and the record has changed."""

    def __init__(self, badge: str, meanwhile, password: str = "correct-horse-1"):
        self.badge, self._password, self.drawn_png = badge, password, None
        self.checked = None  # no key from a signature dialog
        self.meanwhile = meanwhile

    @property
    def password(self) -> str:
        if self.meanwhile is not None:
            fn, self.meanwhile = self.meanwhile, None
            fn()
        return self._password


@pytest.fixture
def counter2(office):
    """A second counter: its own connection to the same file (or office server)."""
    db2 = store_open(office.location, create=False)
    yield db2
    db2.close()


def _s2(office, db2, badge):
    from keeper_app.services.session import sign_in

    return sign_in(db2, badge, "correct-horse-1", office.clock, office.cache)


def _out(office, d, retriever="H001"):
    return office.retrieve(
        office.session("K001"),
        d,
        office.cred(retriever),
        office.cred("K001"),
        "D001",
        "case_handling",
        4,
    )


def test_two_keepers_scan_out_the_same_disc_one_wins_the_other_is_told_who(office, counter2):
    o, d = office.handed_over_pair()
    won = []
    q1 = office.approved_request(d, "H001", "D001", "case_handling", 4)
    q2 = office.approved_request(d, "H002", "D001", "case_handling", 2)

    def counter_2_retrieves():
        won.append(
            custody.retrieve(
                _s2(office, counter2, "K002"), d, office.cred("H002"), office.cred("K002"), q2
            )
        )

    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(
            office.session("K001"),
            d,
            TypedLate("H001", counter_2_retrieves),
            office.cred("K001"),
            q1,
        )
    assert ei.value.code == "already_out"
    assert "刘办案 (H002)" in ei.value.message and f"#{won[0]}" in ei.value.message
    rows = office.db.conn.execute(
        "SELECT r.id, p.badge FROM retrievals r JOIN people p ON p.id=r.retriever_id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(won[0], "H002")]
    assert admin.verify_audit(office.db).ok


def _setup_and_race(office, db2, name):
    """(first counter's call, second counter's call, the refusal the first gets)."""
    s2 = lambda b: _s2(office, db2, b)  # noqa: E731
    k1 = lambda: office.session("K001")  # noqa: E731
    c = office.cred
    o, d = office.handed_over_pair()
    if name == "return":
        _out(office, d)
        return (
            lambda late: custody.return_medium(k1(), d, late("H001"), c("K001"), "intact"),
            lambda: custody.return_medium(
                s2("K002"), d, c("H001"), c("K002"), "damaged", note="cracked"
            ),
            "not_out",
        )
    if name == "decide_approval":
        aid = custody.request_unseal(
            k1(), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )
        return (
            lambda late: custody.decide_approval(office.session("D001"), aid, late("D001"), True),
            lambda: custody.decide_approval(s2("D001"), aid, c("D001"), False),
            "already_decided",
        )
    if name == "unseal":
        aid = custody.request_unseal(
            k1(), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )
        custody.decide_approval(office.session("D001"), aid, c("D001"), True)
        return (
            lambda late: custody.unseal(k1(), o, aid, late("K001"), c("K002")),
            lambda: custody.unseal(s2("K002"), o, aid, c("K002"), c("K001")),
            "approval_used",
        )
    if name == "reseal":
        aid = custody.request_unseal(
            k1(), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )
        custody.decide_approval(office.session("D001"), aid, c("D001"), True)
        custody.unseal(k1(), o, aid, c("K001"), c("K002"))
        return (
            lambda late: custody.reseal(
                k1(), o, "S-new-1", late("K001"), c("K002"), inspection="intact"
            ),
            lambda: custody.reseal(
                s2("K002"), o, "S-new-2", c("K002"), c("K001"), inspection="intact"
            ),
            "wrong_state",
        )
    if name == "ack_incident":
        _out(office, d)
        custody.return_medium(k1(), d, c("H001"), c("K001"), "damaged", note="cracked")
        iid = office.db.conn.execute("SELECT max(id) FROM incidents").fetchone()[0]
        return (
            lambda late: custody.acknowledge_incident(office.session("D001"), iid, late("D001")),
            lambda: custody.acknowledge_incident(s2("D001"), iid, c("D001")),
            "already_acknowledged",
        )
    if name == "court_transfer":
        from datetime import timedelta

        from keeper_app.services import transfers

        q2 = office.approved_request(d, "H002", "D001", "case_handling", 2)
        q = transfers.register_court_request(
            k1(),
            "A2026-001",
            "court",
            "某市中级人民法院",
            "1号",
            office.clock() - timedelta(hours=1),
            whole_case=True,
        )
        return (
            lambda late: transfers.court_transfer(k1(), q, d, late("C001"), c("K001")),
            lambda: custody.retrieve(s2("K002"), d, c("H002"), c("K002"), q2),
            "wrong_state",
        )
    if name == "correct":
        hid = office.db.conn.execute("SELECT max(id) FROM handovers").fetchone()[0]
        return (
            lambda late: admin.correct(
                k1(), "handovers", hid, "note", "补记", "漏记", late("K001")
            ),
            lambda: admin.correct(s2("K002"), "handovers", hid, "note", "补记", "漏记", c("K002")),
            "no_change",
        )
    raise AssertionError(name)


RACES = [
    "return",
    "decide_approval",
    "unseal",
    "reseal",
    "ack_incident",
    "court_transfer",
    "correct",
]


@pytest.mark.parametrize("name", RACES)
def test_the_check_that_decides_is_made_on_the_state_the_change_commits_on(office, counter2, name):
    """Counter 1 reads and checks, then its signer types; meanwhile counter 2 does the
    same thing (or a conflicting one) and commits. Counter 1's call runs again on the new
    state and is refused for what it now finds; exactly one of the two is recorded."""
    first, second, code = _setup_and_race(office, counter2, name)
    changes = len(office.changes())  # (sign-in bookkeeping apart: issue 10)
    with pytest.raises(RuleViolation) as ei:
        first(lambda badge: TypedLate(badge, second))
    assert ei.value.code == code, ei.value.message
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems
    assert len(office.changes()) == changes + 1  # only the second counter's change


def _salt(office, badge: str) -> bytes:
    from keeper_app.store import people as people_repo

    person = people_repo.by_badge(office.db.conn, badge)
    return people_repo.key_material(office.db.conn, person.id).kdf_salt


def test_a_call_run_again_checks_its_signers_again_without_deriving_their_keys_twice(
    office, counter2, monkeypatch
):
    """Counter 2 records something else while counter 1's signer types: counter 1's call
    runs again on the new state. Its signers are checked again (locked, active, their
    key), but the key each one's password unlocked is not derived twice (a derivation is
    the slow part: 8 desks reran each other's derivations), and a password checked once in
    the call is not a second attempt: no sign-in bookkeeping is written for it again."""
    from keeper_app.services import session as session_mod
    from keeper_app.services.session import sign_in

    o, d = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某某")
    q1 = office.approved_request(d, "H001", "D001", "case_handling", 4)
    q2 = office.approved_request(d2, "H002", "D001", "case_handling", 2)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)  # no KdfCache
    others = []

    def counter_2_retrieves_another_disc():
        others.append(
            custody.retrieve(
                _s2(office, counter2, "K002"), d2, office.cred("H002"), office.cred("K002"), q2
            )
        )

    reruns = []
    real_init = session_mod.ChangedMeanwhile.__init__

    def changed(self, *a):
        reruns.append(1)
        real_init(self, *a)

    monkeypatch.setattr(session_mod.ChangedMeanwhile, "__init__", changed)
    unlocks = counting_unlocks(monkeypatch)
    attempts_before = _attempts(office, "H001"), _attempts(office, "K001")
    rid = custody.retrieve(
        k, d, TypedLate("H001", counter_2_retrieves_another_disc), office.cred("K001"), q1
    )
    assert others and reruns == [1], "the other counter recorded meanwhile: a rerun"
    # each of the call's signers derived once although the call ran twice
    assert unlocks.count(_salt(office, "H001")) == 1
    assert unlocks.count(_salt(office, "K001")) == 1
    # and was recorded as one attempt (cleared), not two
    assert (_attempts(office, "H001"), _attempts(office, "K001")) == (
        attempts_before[0] + 1,
        attempts_before[1] + 1,
    )
    rows = office.db.conn.execute(
        "SELECT r.id, p.badge FROM retrievals r JOIN people p ON p.id=r.retriever_id ORDER BY r.id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(others[0], "H002"), (rid, "H001")]
    assert admin.verify_audit(office.db).ok


def test_the_signers_keys_are_derived_before_the_call_so_a_desk_writing_meanwhile_does_not_rerun_it(
    office, counter2, monkeypatch
):
    """The slow part of a signed call, deriving its signers' keys, comes before the call
    notes the register's head (session._derive_ahead): another desk recording while the
    passwords are being checked does not make the call run again. Each signer's key is
    derived once, and each signer's attempt is recorded (with its clearing) only when the
    call reaches the signer."""
    from keeper_app.services import session as session_mod
    from keeper_app.services.session import sign_in

    o, d = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某某")
    q1 = office.approved_request(d, "H001", "D001", "case_handling", 4)
    q2 = office.approved_request(d2, "H002", "D001", "case_handling", 2)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)  # no KdfCache
    s2 = _s2(office, counter2, "K002")
    h001 = _salt(office, "H001")
    others: list[int] = []
    reruns: list[int] = []
    real_init = session_mod.ChangedMeanwhile.__init__

    def changed(self, *a):
        reruns.append(1)
        real_init(self, *a)

    monkeypatch.setattr(session_mod.ChangedMeanwhile, "__init__", changed)
    salts: list[bytes] = []
    attempts_during: list[int] = []
    real_unlock = session_mod.crypto.unlock

    def unlock(km, password):
        salts.append(km.kdf_salt)
        if km.kdf_salt == h001 and not others:  # counter 2 records while H001's is derived
            attempts_during.append(_attempts(office, "H001"))
            others.append(custody.retrieve(s2, d2, office.cred("H002"), office.cred("K002"), q2))
        return real_unlock(km, password)

    monkeypatch.setattr(session_mod.crypto, "unlock", unlock)
    before = _attempts(office, "H001"), _attempts(office, "K001")
    rid = custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), q1)
    assert others, "counter 2 recorded while the call's passwords were being checked"
    assert reruns == [], "the call did not run again"
    assert attempts_during == [before[0]], "nothing recorded before the call used the key"
    assert salts.count(h001) == 1 and salts.count(_salt(office, "K001")) == 1
    assert (_attempts(office, "H001"), _attempts(office, "K001")) == (before[0] + 1, before[1] + 1)
    # the attempt and its clearing, one after the other in the chain (one transaction)
    kinds = office.db.conn.execute(
        "SELECT e.kind FROM sign_in_events e JOIN people p ON p.id=e.person_id "
        "WHERE p.badge='H001' ORDER BY e.id DESC LIMIT 2"
    ).fetchall()
    assert [r[0] for r in kinds] == ["cleared", "attempt"]
    rows = office.db.conn.execute(
        "SELECT r.id, p.badge FROM retrievals r JOIN people p ON p.id=r.retriever_id ORDER BY r.id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(others[0], "H002"), (rid, "H001")]
    assert admin.verify_audit(office.db).ok


def test_two_signers_keys_are_derived_at_once(office, monkeypatch):
    """On a computer of two cores or more, a retrieval's two signers' keys are derived at the
    same time (the pair waits for one derivation, not two): each derivation waits, inside
    it, for the other to have begun."""
    import os
    import threading

    from keeper_app.services import session as session_mod
    from keeper_app.services.session import sign_in

    assert (os.cpu_count() or 1) > 1, "this machine has one core: nothing to do at once"
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # an idle counter PC
    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    both = threading.Barrier(2, timeout=20)
    threads: set[int] = set()
    real_unlock = session_mod.crypto.unlock

    def unlock(km, password):
        threads.add(threading.get_ident())
        both.wait()  # BrokenBarrierError (the call fails) if the other is not derived at once
        return real_unlock(km, password)

    monkeypatch.setattr(session_mod.crypto, "unlock", unlock)
    rid = custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), q)
    assert len(threads) == 2 and threading.get_ident() not in threads
    assert office.db.conn.execute("SELECT COUNT(*) FROM retrievals WHERE id=?", (rid,)).fetchone()[
        0
    ]


@pytest.mark.parametrize(
    ("cores", "load", "at_once"),
    [(2, 0.0, 2), (2, 1.0, 2), (2, 1.6, 1), (2, 8.0, 1), (4, 2.0, 3), (1, 0.0, 1)],
)
def test_the_cores_a_call_s_derivations_may_use(monkeypatch, cores, load, at_once):
    """The core the call runs on, and those the load average leaves free (a desk deriving
    without pause counts itself in the load: one desk alone on two cores still uses both)."""
    import os

    from keeper_app.services import session as session_mod

    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    assert session_mod._spare_cores() == at_once


def test_on_a_busy_computer_two_signers_keys_are_derived_one_after_the_other(office, monkeypatch):
    """With no core to spare (the load average as high as the cores), two derivations at once
    would finish no sooner: they run one after the other, in the calling thread."""
    import os
    import threading

    from keeper_app.services import session as session_mod
    from keeper_app.services.session import sign_in

    monkeypatch.setattr(os, "getloadavg", lambda: (float(os.cpu_count() or 1), 0.0, 0.0))
    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    threads: list[int] = []
    real_unlock = session_mod.crypto.unlock

    def unlock(km, password):
        threads.append(threading.get_ident())
        return real_unlock(km, password)

    monkeypatch.setattr(session_mod.crypto, "unlock", unlock)
    custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), q)
    assert threads == [threading.get_ident()] * 2


def test_a_call_refused_before_its_signers_records_no_attempt(office, monkeypatch):
    """The passwords derived ahead are neither told nor recorded when the call is refused
    before it reaches its signers (the disc is out): the refusal is the disc's, not the
    password's, even for a wrong one, and no attempt is written."""
    from keeper_app.services.session import sign_in

    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H002", "D001", "case_handling", 2)
    _out(office, d)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    unlocks = counting_unlocks(monkeypatch)
    before = office.snapshot(sign_ins=True)
    for password in ("correct-horse-1", "wrong-password-1"):
        with pytest.raises(RuleViolation) as ei:
            custody.retrieve(k, d, office.cred("H002", password), office.cred("K001"), q)
        assert ei.value.code == "already_out", ei.value.message
    assert unlocks.count(_salt(office, "H002")) == 2  # derived ahead, each time
    assert office.snapshot(sign_ins=True) == before


def test_a_wrong_password_is_derived_once_and_counts_as_an_attempt(office, monkeypatch):
    """A wrong password found ahead is not derived again when the call reaches the signer:
    the attempt is recorded first, then refused as any wrong password is (the same code and
    message as an unknown badge); nothing else is written."""
    from keeper_app.services.session import sign_in

    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    unlocks = counting_unlocks(monkeypatch)
    changes = len(office.changes())
    before = _attempts(office, "H001")
    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(k, d, office.cred("H001", "wrong-password-1"), office.cred("K001"), q)
    assert ei.value.code == "bad_credentials", ei.value.message
    assert unlocks.count(_salt(office, "H001")) == 1
    assert _attempts(office, "H001") == before + 1
    last = office.db.conn.execute(
        "SELECT e.kind FROM sign_in_events e JOIN people p ON p.id=e.person_id "
        "WHERE p.badge='H001' ORDER BY e.id DESC LIMIT 1"
    ).fetchone()[0]
    assert last == "attempt"  # outstanding: it counts as wrong
    assert len(office.changes()) == changes
    assert office.db.conn.execute("SELECT COUNT(*) FROM retrievals").fetchone()[0] == 0


def test_a_locked_signers_password_is_not_tried_ahead(office, monkeypatch):
    """While a person is locked, their password is not tried at all, not even ahead of the
    call: the call is refused as locked when it reaches them."""
    from keeper_app.services.session import Credential, authenticate, sign_in

    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    for _ in range(lockout.MAX_FAILURES):
        with pytest.raises(RuleViolation):
            authenticate(office.db.conn, Credential("H001", "wrong-password-1"), None, office.clock)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    unlocks = counting_unlocks(monkeypatch)
    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), q)
    assert ei.value.code == "locked", ei.value.message
    assert unlocks.count(_salt(office, "H001")) == 0


def _checked_at_the_counter(office) -> tuple[Session, str, int, Credential, Credential]:
    """A duplicate with an approved request, the keeper signed in, and the case handler's
    and the keeper's passwords checked by the signature dialog (``checked_credential``):
    ``(keeper's session, code, request, handler, keeper)``."""
    from keeper_app.services.session import checked_credential, sign_in

    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    handler, _ = checked_credential(office.db.conn, office.cred("H001"), office.clock)
    keeper, _ = checked_credential(office.db.conn, office.cred("K001"), office.clock)
    return k, d, q, handler, keeper


def test_a_password_checked_as_its_signer_signed_is_not_derived_again_by_the_call(
    office, monkeypatch
):
    """The signature dialog checks each signer's password as they sign (the attempt
    recorded, a wrong one refused at once) and hands the call the key it unlocked
    (``checked_credential``): the call derives nothing again, and still records each
    signer's attempt before it uses the key."""
    from keeper_app.services.session import checked_credential, sign_in

    o, d = office.handed_over_pair()
    q = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = sign_in(office.db, "K001", "correct-horse-1", office.clock)
    unlocks = counting_unlocks(monkeypatch)
    handler, _ = checked_credential(office.db.conn, office.cred("H001"), office.clock)
    keeper, _ = checked_credential(office.db.conn, office.cred("K001"), office.clock)
    assert sorted(unlocks) == sorted([_salt(office, "H001"), _salt(office, "K001")])
    before = (_attempts(office, "H001"), _attempts(office, "K001"))
    custody.retrieve(k, d, handler, keeper, q)
    assert len(unlocks) == 2  # none in the call
    assert (_attempts(office, "H001"), _attempts(office, "K001")) == (before[0] + 1, before[1] + 1)
    assert lookup.scan(k, d).status == "out"


def test_a_checked_password_changed_before_the_call_is_derived_afresh_and_refused(
    office, monkeypatch
):
    """The key a signature dialog unlocked is found only under the key material it came
    from: the signer's password changed since, the call derives the old password against
    the new key and refuses it; nothing is given out."""
    from keeper_app.services import people as people_svc

    k, d, q, handler, keeper = _checked_at_the_counter(office)
    old_salt = _salt(office, "H001")
    people_svc.change_password(office.session("H001"), office.cred("H001"), "another-horse-2")
    assert _salt(office, "H001") != old_salt
    unlocks = counting_unlocks(monkeypatch)
    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(k, d, handler, keeper, q)
    assert ei.value.code == "bad_credentials", ei.value.message
    assert unlocks == [_salt(office, "H001")]  # the old password, against the new key
    assert office.db.conn.execute("SELECT COUNT(*) FROM retrievals").fetchone()[0] == 0


@pytest.mark.parametrize("since", ["locked", "deactivated"])
def test_a_signer_locked_or_deactivated_after_the_dialog_checked_them_is_refused_at_submit(
    office, monkeypatch, since
):
    """The key the signature dialog unlocked does not outlive what the register says of its
    person: locked (five wrong passwords at another desk) or deactivated between the
    signature and the submit, the call refuses them, and nothing is given out."""
    from keeper_app.services import people as people_svc
    from keeper_app.services.session import authenticate

    k, d, q, handler, keeper = _checked_at_the_counter(office)
    if since == "locked":
        for _ in range(lockout.MAX_FAILURES):
            with pytest.raises(RuleViolation):
                authenticate(
                    office.db.conn, Credential("H001", "wrong-password-1"), None, office.clock
                )
    else:
        people_svc.set_active(office.session("ADMIN"), "H001", False)
    unlocks = counting_unlocks(monkeypatch)
    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(k, d, handler, keeper, q)
    assert ei.value.code == {"locked": "locked", "deactivated": "inactive"}[since]
    assert unlocks == []
    assert office.db.conn.execute("SELECT COUNT(*) FROM retrievals").fetchone()[0] == 0


def _attempts(office, badge: str) -> int:
    return int(
        office.db.conn.execute(
            "SELECT COUNT(*) FROM sign_in_events e JOIN people p ON p.id=e.person_id "
            "WHERE p.badge=? AND e.kind='attempt'",
            (badge,),
        ).fetchone()[0]
    )


def test_a_signer_locked_while_the_call_ran_is_refused_when_it_runs_again(office, counter2):
    """A password checked once in the call is not checked (nor recorded) again on the
    rerun, but a lock put on the signer meanwhile (wrong passwords at another counter)
    still refuses them, and nothing is recorded."""
    from keeper_app.services import lockout
    from keeper_app.services.session import Credential, authenticate

    o, d = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某某")
    q1 = office.approved_request(d, "H001", "D001", "case_handling", 4)
    q2 = office.approved_request(d2, "H002", "D001", "case_handling", 2)

    def counter_2_locks_h001_and_retrieves_another_disc():
        for _ in range(lockout.MAX_FAILURES):
            with pytest.raises(RuleViolation):
                authenticate(
                    counter2.conn, Credential("H001", "wrong-password-1"), None, office.clock
                )
        custody.retrieve(
            _s2(office, counter2, "K002"), d2, office.cred("H002"), office.cred("K002"), q2
        )

    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(
            office.session("K001"),
            d,
            office.cred("H001"),
            TypedLate("K001", counter_2_locks_h001_and_retrieves_another_disc),
            q1,
        )
    assert ei.value.code == "locked", ei.value.message
    rows = office.db.conn.execute("SELECT medium_id FROM retrievals").fetchall()
    assert [r[0] for r in rows] == [office.medium_id(d2)]


def test_a_signer_deactivated_while_the_call_ran_is_refused_when_it_runs_again(office, counter2):
    """The key unlocked on the first run is reused, the state is not: a signer made
    inactive meanwhile is refused on the rerun, and nothing is recorded."""
    from keeper_app.services import people as people_svc

    o, d = office.handed_over_pair()
    q1 = office.approved_request(d, "H001", "D001", "case_handling", 4)
    changes = len(office.changes())

    def admin_deactivates_h001():
        people_svc.set_active(_s2(office, counter2, "ADMIN"), "H001", False)

    with pytest.raises(RuleViolation) as ei:
        custody.retrieve(
            office.session("K001"),
            d,
            TypedLate("H001", admin_deactivates_h001),
            office.cred("K001"),
            q1,
        )
    assert ei.value.code == "inactive", ei.value.message
    assert len(office.changes()) == changes + 1  # the deactivation only
    assert office.db.conn.execute("SELECT COUNT(*) FROM retrievals").fetchone()[0] == 0


# ------------------------------------------------------------------ two real processes
def workers(office, start: float, *specs: tuple[str, str, str, list[str]]) -> list[list[dict]]:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(HERE / "counter_worker.py"),
                office.location,
                keeper,
                retriever,
                str(start),
                mode,
                *codes,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for keeper, retriever, mode, codes in specs
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err  # no "database is locked", no crash
        results.append([json.loads(line) for line in out.splitlines()])
    return results


def test_two_processes_retrieve_the_same_discs_at_the_same_moment(office):
    discs = [office.handed_over_pair(person=f"王某{i}")[1] for i in range(8)]
    office.clock.t = now_utc() - timedelta(minutes=1)  # the workers run on the real clock
    for d in discs:  # each retriever has the head's approval for each disc (Art. 20)
        for retriever in ("H001", "H002"):
            office.approved_request(d, retriever, "D001", "case_handling", 2)
    office.db.close()
    a, b = workers(
        office, time.time() + 2.0, ("K001", "H001", "race", discs), ("K002", "H002", "race", discs)
    )
    office.db = store_open(office.location, create=False)
    names = {"H001": "张办案 (H001)", "H002": "刘办案 (H002)"}
    for ra, rb in zip(a, b, strict=True):
        assert ra["code"] == rb["code"]
        assert ra["ok"] != rb["ok"], (ra, rb)  # exactly one wins
        win, lose = (ra, rb) if ra["ok"] else (rb, ra)
        winner = "H001" if win is ra else "H002"
        assert lose["refused"] == "already_out"
        assert names[winner] in lose["message"] and f"#{win['id']}" in lose["message"]
        n = office.db.conn.execute(
            "SELECT COUNT(*) FROM retrievals r JOIN media m ON m.id=r.medium_id WHERE m.code=?",
            (ra["code"],),
        ).fetchone()[0]
        assert n == 1
    assert admin.verify_audit(office.db).ok


def test_two_processes_writing_at_once_lose_nothing(office):
    shared = [office.handed_over_pair(person=f"赵某{i}")[1] for i in range(2)]
    own1 = office.handed_over_pair(person="钱某")[1]
    own2 = office.handed_over_pair(person="孙某")[1]
    office.clock.t = now_utc() - timedelta(minutes=1)  # the workers run on the real clock
    for own, retriever in ((own1, "H001"), (own2, "H002")):  # ten approved retrievals each
        for _ in range(10):
            office.approved_request(own, retriever, "D001", "case_handling", 2)
    before = len(office.changes())  # (sign-in bookkeeping apart: issue 10)
    office.db.close()
    a, b = workers(
        office,
        time.time() + 1.5,
        ("K001", "H001", "busy", [*shared, own1]),
        ("K002", "H002", "busy", [*shared, own2]),
    )
    office.db = store_open(office.location, create=False)
    assert all(r["ok"] for r in a + b), [r for r in a + b if not r["ok"]]
    after = admin.verify_audit(office.db)
    assert after.ok, after.problems
    assert len(office.changes()) == before + len(a) + len(b) == before + 80
    moves = office.db.conn.execute("SELECT COUNT(*) FROM location_changes").fetchone()[0]
    assert moves == 40
    for code in shared:  # the shelf is the last move recorded, whoever made it
        last = office.db.conn.execute(
            "SELECT l.location FROM location_changes l JOIN media m ON m.id=l.medium_id "
            "WHERE m.code=? ORDER BY l.id DESC LIMIT 1",
            (code,),
        ).fetchone()[0]
        assert location_of(office, code) == last
    rows = lookup.media(office.session("K001"), status="in_custody")
    assert {own1, own2} <= {r["code"] for r in rows}


#: Methods that write without rerun_if_changed, and why that is safe.
UNWRAPPED_WRITERS = {
    "burning.PairBurn._reserve": "decides nothing: reads the next serial inside its own "
    "write transaction",
    "burning.PairBurn._failed": "decides nothing: records that a burn failed",
    "clockwatch.report": "decides nothing: records that the computer's clock jumped",
    "reproduction._reserve": "decides nothing: reads the next serial inside its own write "
    "transaction",
    "reproduction._failed": "decides nothing: records that a reproduction failed",
}


def test_every_service_that_writes_checks_on_the_state_it_commits_on():
    """Each function of every module of keeper_app/services (found with pkgutil, not
    listed) that writes (calls ``s.change``) is wrapped in rerun_if_changed, so the reads
    that decide are re-done when another counter wrote in between; so is each method of
    their classes, but for the few listed above with their reason."""
    import importlib
    import inspect
    import pkgutil

    import keeper_app.services as services

    writers, unwrapped, modules = [], set(), set()
    for info in pkgutil.iter_modules(services.__path__):
        mod = importlib.import_module(f"{services.__name__}.{info.name}")
        modules.add(info.name)
        members = [(name, fn) for name, fn in inspect.getmembers(mod, inspect.isfunction)]
        for cname, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ == mod.__name__:
                members += [
                    (f"{cname}.{name}", fn)
                    for name, fn in inspect.getmembers(cls, inspect.isfunction)
                ]
        for name, fn in members:
            code = inspect.unwrap(fn).__code__
            if fn.__module__ != mod.__name__ or code.co_filename != mod.__file__:
                continue  # imported, or made by @dataclass
            src = inspect.getsource(inspect.unwrap(fn))
            if "s.change(" in src and "def change(" not in src:
                writers.append(f"{info.name}.{name}")
                if not hasattr(fn, "__wrapped__"):
                    unwrapped.add(f"{info.name}.{name}")
    assert unwrapped == set(UNWRAPPED_WRITERS), unwrapped - set(UNWRAPPED_WRITERS)
    assert {"burning", "storage", "documents", "fixity", "backups"} <= modules
    assert {"burning._record_check", "storage._record_check"} <= set(writers)
    assert len(writers) >= 24
