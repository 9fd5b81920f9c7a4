"""Keys certified outside the file (issue 10, point 2), attacked as an insider would: the
administrator or a keeper holding the database file (and Keeper's source), with python's
``sqlite3`` and ``cryptography``, but nobody else's password. Each attack is performed for
real on the file; ``keeper audit verify`` (admin.verify_audit, or audit.verify on a fresh
connection) must then fail, naming what was done."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import PASSWORD, TEST_KDF_N, Office
from insider import own_keeper

from keeper_app import canonical, crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, enrolment
from keeper_app.services import people as people_svc
from keeper_app.services.session import Credential, sign_in
from keeper_app.store import audit
from keeper_app.store import people as people_repo
from keeper_app.timeutil import to_db


@pytest.fixture(autouse=True)
def _insiders_keeper() -> Iterator[None]:
    """The attacks here go on through Keeper after the file was tampered with: the insider
    runs his own copy, without the running application's self-check (which would refuse
    to sign at once: tests/tamper/test_self_check.py). Verify must still name them."""
    with own_keeper():
        yield


def verify(office: Office) -> audit.VerifyResult:
    """As `keeper audit verify` on the file: a fresh connection, every problem listed."""
    con = sqlite3.connect(office.path)
    try:
        return audit.verify(con, max_problems=1000)
    finally:
        con.close()


@contextmanager
def insider(office: Office, *drop: str) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to the file; ``drop`` names triggers to drop first."""
    con = sqlite3.connect(office.path, isolation_level=None)
    try:
        for t in drop:
            con.execute(f"DROP TRIGGER {t}")
        yield con
    finally:
        con.close()


def pid(office: Office, badge: str) -> int:
    p = people_repo.by_badge(office.db.conn, badge)
    assert p is not None
    return p.id


def has(problems: list[str], *parts: str) -> bool:
    return any(all(p in x for p in parts) for x in problems)


def seq_of(office: Office, action: str, **detail: str) -> int:
    for seq, payload in office.db.conn.execute(
        "SELECT seq, payload FROM audit_events WHERE action=? ORDER BY seq", (action,)
    ):
        d = json.loads(payload)["details"]
        if all(d.get(k) == v for k, v in detail.items()):
            return int(seq)
    raise LookupError(action)


# ------------------------------------------------------------------ (1) first passwords
def test_the_administrator_no_longer_knows_anyones_first_password(office: Office) -> None:
    """Before: the administrator chose everyone's first password, so he could sign as
    anyone who had not changed it. Now he hands over a one-time code; the person's key is
    made from the password they choose, and the code is spent."""
    issued = enrolment.add_person(
        office.session("ADMIN"),
        "K009",
        "钱新人",
        ["keeper"],
        office.dept["legal"],
        kdf_n=TEST_KDF_N,
        head=office.cred("D001"),
    )
    code = issued.code  # all the administrator ever knew
    enrolment.enrol(office.db, "K009", code, "only-i-know-it-1", office.clock, kdf_n=TEST_KDF_N)
    km = people_repo.key_material(office.db.conn, issued.person_id)
    with pytest.raises(crypto.BadPassword):
        crypto.unlock(km, code)  # the code opens nothing
    with pytest.raises(RuleViolation) as e:
        sign_in(office.db, "K009", code, office.clock)
    assert e.value.code == "bad_credentials"
    with pytest.raises(RuleViolation) as e:
        enrolment.enrol(office.db, "K009", code, "admin-chosen-pw-2", office.clock)
    assert e.value.code == "already_enrolled"
    assert verify(office).ok

    first, second = _reenrol(office, issued.person_id, code)
    eid = int(office.db.conn.execute("SELECT id FROM enrolments").fetchone()[0])
    first_enrol, again = (
        int(r[0])
        for r in office.db.conn.execute("SELECT seq FROM audit_events WHERE action='enrol'")
    )
    v = verify(office)
    assert not v.ok
    # sqlite gave the new key row the deleted one's id: the person's first enrolment no
    # longer verifies with "its" key, and the second names the spent code
    assert second == first
    assert f"event {first_enrol} (enrol) by K009: its signature does not verify" in v.problems
    assert (
        f"event {again} (enrol): enrolment #{eid} brought no new key — an enrolment replayed "
        "outside Keeper (a code is used once)"
    ) in v.problems, v.problems


def test_a_spent_code_used_again_under_a_new_key_row_is_named(office: Office) -> None:
    """The same, when other keys were made after the enrolment (the new key row gets a new
    id): the second enrolment names the spent code."""
    issued = enrolment.add_person(
        office.session("ADMIN"),
        "K009",
        "钱新人",
        ["keeper"],
        None,
        kdf_n=TEST_KDF_N,
        head=office.cred("D001"),
    )
    enrolment.enrol(office.db, "K009", issued.code, "mine-only-7", office.clock, kdf_n=TEST_KDF_N)
    people_svc.change_password(office.session("K001"), office.cred("K001"), "fresh-secret-pw-8")
    first, second = _reenrol(office, issued.person_id, issued.code)
    assert second != first
    eid = int(office.db.conn.execute("SELECT id FROM enrolments").fetchone()[0])
    v = verify(office)
    assert not v.ok
    assert has(
        v.problems,
        f"key #{second} of K009 (enrolment, event ",
        f"enrolment #{eid} was used already — an enrolment code is used once",
    ), v.problems
    assert f"person_keys #{first}: deleted outside Keeper" in v.problems, v.problems


def _reenrol(office: Office, person_id: int, code: str) -> tuple[int, int]:
    """The administrator, holding the file, makes a spent code usable again: blanks the
    person's key, deletes their key row and the code's use; Keeper (trusting the file)
    then enrols them with a password the administrator chooses. The old and new key ids."""
    first = people_repo.current_key(office.db.conn, person_id)
    assert first is not None
    with insider(office, "enrolment_uses_no_delete", "person_keys_no_delete") as con:
        con.execute(
            "UPDATE people SET kdf_salt=x'', kdf_n=0, pw_verifier=x'', public_key=x'', "
            "sk_nonce=x'', sk_enc=x'' WHERE id=?",
            (person_id,),
        )
        con.execute("DELETE FROM person_keys WHERE person_id=?", (person_id,))
        con.execute("DELETE FROM enrolment_uses")
    s = enrolment.enrol(
        office.db, "K009", code, "admin-chosen-pw-2", office.clock, kdf_n=TEST_KDF_N
    )
    second = people_repo.current_key(office.db.conn, person_id)
    assert second is not None and second[1] == crypto.public_bytes(s.key)
    return first[0], second[0]


def test_an_enrolment_code_planted_in_the_file_is_named(office: Office) -> None:
    """The insider writes an enrolment row of his own (his code's hash) for a person who
    has not enrolled, and enrols through Keeper with it: the code was issued by no
    administrator's event."""
    issued = enrolment.add_person(
        office.session("ADMIN"),
        "K009",
        "钱新人",
        ["keeper"],
        office.dept["legal"],
        kdf_n=TEST_KDF_N,
        head=office.cred("D001"),
    )
    mine = "ABCDEFGHJKMN" if issued.code != "ABCDEFGHJKMN" else "NMKJHGFEDCBA"
    salt, verifier = crypto.code_verifier(mine, TEST_KDF_N)
    with insider(office) as con:
        cur = con.execute(
            "INSERT INTO enrolments(person_id, kdf_salt, kdf_n, code_verifier, issued_by, "
            "issued_at, expires_at) VALUES (?,?,?,?,?,?,?)",
            (issued.person_id, salt, TEST_KDF_N, verifier, pid(office, "ADMIN"), "", "9999"),
        )
        planted = int(cur.lastrowid or 0)
    enrolment.enrol(office.db, "K009", mine, "insider-pw-3", office.clock, kdf_n=TEST_KDF_N)
    v = verify(office)
    assert not v.ok
    assert has(v.problems, f"enrolment #{planted} was not issued before it was used"), v.problems
    assert has(v.problems, f"enrolments #{planted}: written outside Keeper"), v.problems


# ------------------------------------------------------------------ (2) old backup
def test_an_old_backup_and_the_old_password_give_only_a_retired_key(
    office: Office, tmp_path: Path
) -> None:
    """Before: a password change kept the key pair, so an old backup + the first password
    gave today's private key. Now the change makes a new pair: the old one opens only the
    old key, and an event signed with it after the change is named."""
    k001 = pid(office, "K001")
    backup = tmp_path / "before.sqlite"
    src, dst = sqlite3.connect(office.path), sqlite3.connect(backup)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    people_svc.change_password(office.session("K001"), office.cred("K001"), "a-new-secret-4")
    # the insider: the old backup, the old password (known, guessed, or the first one)
    old = sqlite3.connect(backup)
    try:
        old_km = people_repo.key_material(old, k001)
    finally:
        old.close()
    old_sk = crypto.unlock(old_km, PASSWORD)
    live = people_repo.key_history(office.db.conn, k001)
    assert [k["reason"] for k in live][-1] == "password_change"
    assert bytes(live[0]["public_key"]) == crypto.public_bytes(old_sk)
    assert bytes(live[-1]["public_key"]) != crypto.public_bytes(old_sk)
    with pytest.raises(crypto.BadPassword):
        crypto.unlock(people_repo.key_material(office.db.conn, k001), PASSWORD)
    assert verify(office).ok
    # an event in K001's name, signed with the old key, appended as Keeper appends
    with insider(office) as con:
        con.execute("BEGIN IMMEDIATE")
        at = str(con.execute("SELECT max(at) FROM audit_events").fetchone()[0])
        seq = audit.append(
            con,
            at,
            k001,
            "set_location",
            {"code": "3101202611200001", "location": "柜Z-99"},
            [],
            audit.EventKey(int(live[0]["id"]), old_sk),
        )
        con.execute("COMMIT")
    v = verify(office)
    assert not v.ok
    assert (
        f"event {seq} (set_location) by K001: signed with a key that was not theirs at that moment"
    ) in v.problems


# ------------------------------------------------------------------ (3) a head's key
@pytest.fixture
def head_signed(office: Office) -> dict[str, int]:
    """D001 has acknowledged an incident and approved an unsealing, signing both."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "lost", note="gone")
    inc = int(office.db.conn.execute("SELECT id FROM incidents").fetchone()[0])
    custody.acknowledge_incident(office.session("D001"), inc, office.cred("D001"))
    aid = custody.request_unseal(
        k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    office.clock.advance(minutes=5)
    assert verify(office).ok
    return {"incident": inc, "approval": aid}


def _rebuild_chain(con: sqlite3.Connection, touched: set[tuple[str, int]], signer: dict) -> None:
    """Recompute every anchor of the rows ``touched``, every hash with the public formula,
    and re-sign the events of the actors in ``signer`` (actor id -> private key)."""
    prev = audit.GENESIS
    for rowid, seq, at, actor, action, payload, scheme, key_id, sig in con.execute(
        "SELECT rowid, seq, at, actor_id, action, payload, scheme, key_id, actor_sig "
        "FROM audit_events ORDER BY rowid"
    ).fetchall():
        body = json.loads(payload)
        body["rows"] = [
            [t, i, canonical.row_hash(t, audit.read_row(con, t, i)) if (t, i) in touched else rh]
            for t, i, rh in body["rows"]
        ]
        payload = canonical.dumps(body)
        h = audit.event_hash(prev, seq, at, actor, action, payload, scheme, key_id)
        if actor in signer:
            sig = crypto.sign(signer[actor], crypto.event_message(h))
        con.execute(
            "UPDATE audit_events SET payload=?, prev_hash=?, hash=?, actor_sig=? WHERE rowid=?",
            (payload, prev, h, sig, rowid),
        )
        prev = h


def test_a_heads_key_replaced_and_his_signatures_and_events_resigned(
    office: Office, head_signed: dict[str, int]
) -> None:
    """The insider gives D001 a key pair of his own (in people and person_keys), re-signs
    D001's signatures and events with it and rebuilds the chain: D001's own signatures now
    verify, but every later event of everyone else was signed over a hash that is gone."""
    d001 = pid(office, "D001")
    km = crypto.new_key_material("insider-knows-5", TEST_KDF_N)
    sk = crypto.unlock(km, "insider-knows-5")
    with insider(
        office,
        "person_keys_no_update",
        "signatures_no_update",
        "audit_events_no_update",
    ) as con:
        con.execute("BEGIN")
        con.execute(
            "UPDATE people SET kdf_salt=?, kdf_n=?, pw_verifier=?, public_key=?, sk_nonce=?, "
            "sk_enc=? WHERE id=?",
            (km.kdf_salt, km.kdf_n, km.pw_verifier, km.public_key, km.sk_nonce, km.sk_enc, d001),
        )
        con.execute("UPDATE person_keys SET public_key=? WHERE person_id=?", (km.public_key, d001))
        touched = {("people", d001)}
        touched |= {
            ("person_keys", int(r[0]))
            for r in con.execute("SELECT id FROM person_keys WHERE person_id=?", (d001,))
        }
        for sid, table, eid, csha, cap, at in con.execute(
            "SELECT id, entry_table, entry_id, content_sha256, capacity, signed_at "
            "FROM signatures WHERE signer_id=?",
            (d001,),
        ).fetchall():
            msg = crypto.signing_message(table, eid, csha, cap, "D001", at)
            con.execute("UPDATE signatures SET signature=? WHERE id=?", (sk.sign(msg), sid))
            touched.add(("signatures", int(sid)))
        _rebuild_chain(con, touched, {d001: sk})
        con.execute("COMMIT")
    # Keeper itself now signs him in with the insider's password
    assert sign_in(office.db, "D001", "insider-knows-5", office.clock).person.id == d001
    v = verify(office)
    assert not v.ok
    # D001 is the first department head: his key came with the bootstrap, signed by ADMIN
    added = seq_of(office, "bootstrap")
    assert f"event {added} (bootstrap) by ADMIN: its signature does not verify" in v.problems
    later = seq_of(office, "retrieve")
    assert f"event {later} (retrieve) by K001: its signature does not verify" in v.problems
    # D001's own, re-signed with the new key, are not what fails
    assert not has(v.problems, "by D001")
    assert v.first_bad_seq is None  # the chain itself is whole: only the signatures tell


def test_a_new_key_for_a_head_added_as_an_enrolment_then_a_loss_acknowledged_as_him(
    office: Office, head_signed: dict[str, int]
) -> None:
    """Rather than rewriting, the insider appends: a key row of his own for D001 (as an
    enrolment) in an event signed with it, then acknowledges another loss as D001."""
    d001 = pid(office, "D001")
    # a disc out, approved by D001 before the insider's edit (Art. 20)
    o2, d2 = office.handed_over_pair(person="李某某")
    k = office.session("K001")
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    km = crypto.new_key_material("insider-knows-6", TEST_KDF_N)
    sk = crypto.unlock(km, "insider-knows-6")
    with insider(office) as con:
        con.execute("BEGIN IMMEDIATE")
        at = str(con.execute("SELECT max(at) FROM audit_events").fetchone()[0])
        con.execute(
            "UPDATE people SET kdf_salt=?, kdf_n=?, pw_verifier=?, public_key=?, sk_nonce=?, "
            "sk_enc=? WHERE id=?",
            (km.kdf_salt, km.kdf_n, km.pw_verifier, km.public_key, km.sk_nonce, km.sk_enc, d001),
        )
        kid = people_repo.insert_key(con, d001, km.public_key, at, "enrolment")
        seq = audit.append(
            con,
            at,
            d001,
            "enrol",
            {"badge": "D001", "enrolment": 1},
            [("people", d001), ("person_keys", kid)],
            audit.EventKey(kid, sk),
        )
        con.execute("COMMIT")
    # Keeper signs him in with the insider's password, and he acknowledges as D001
    custody.return_medium(k, d2, office.cred("H001"), office.cred("K001"), "lost", note="gone")
    inc = int(office.db.conn.execute("SELECT max(id) FROM incidents").fetchone()[0])
    head = sign_in(office.db, "D001", "insider-knows-6", office.clock)
    custody.acknowledge_incident(head, inc, Credential("D001", "insider-knows-6"))
    v = verify(office)
    assert not v.ok
    assert f"event {seq} (enrol) by D001: signed with a key that was not theirs at that moment" in (
        v.problems
    )
    assert (
        f"key #{kid} of D001 (enrolment, event {seq}): the person had a key already — an "
        "enrolment code is for a first key only"
    ) in v.problems


# ------------------------------------------------------------------ (4) a copied key
def test_one_persons_key_copied_onto_another(office: Office) -> None:
    """K001 copies his encrypted key material and public key onto K002 (the people row and
    a key row; person_keys refuses a second copy of a key, so he rebuilds it without that
    rule): his own password now signs in, and signs, as K002."""
    k001, k002 = pid(office, "K001"), pid(office, "K002")
    km = people_repo.key_material(office.db.conn, k001)
    with insider(office, "person_keys_no_update", "person_keys_no_delete") as con:
        con.executescript(
            """
            BEGIN;
            ALTER TABLE person_keys RENAME TO person_keys_old;
            CREATE TABLE person_keys (
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES people(id),
                public_key BLOB NOT NULL,
                made_at TEXT NOT NULL,
                reason TEXT NOT NULL,
                endorsement BLOB
            );
            INSERT INTO person_keys SELECT * FROM person_keys_old;
            DROP TABLE person_keys_old;
            COMMIT;
            """
        )
        con.execute(
            "UPDATE people SET kdf_salt=?, kdf_n=?, pw_verifier=?, public_key=?, sk_nonce=?, "
            "sk_enc=? WHERE id=?",
            (km.kdf_salt, km.kdf_n, km.pw_verifier, km.public_key, km.sk_nonce, km.sk_enc, k002),
        )
        con.execute(
            "INSERT INTO person_keys(person_id, public_key, made_at, reason) VALUES (?,?,?,?)",
            (k002, km.public_key, "", "added"),
        )
    signer = office.session("K001").signer(Credential("K002", PASSWORD))
    assert signer.person.id == k002
    assert crypto.public_bytes(signer.key) == km.public_key
    v = admin.verify_audit(office.db)
    assert not v.ok
    assert "K002 and K001 share one key — a key copied outside Keeper" in v.problems, v.problems


def test_an_expired_code_used_by_writing_the_enrolment_by_hand(office: Office) -> None:
    """Keeper refuses an expired code; the administrator, who knew it, writes the enrolment
    himself as Keeper would (a key of his own, the key row, the code's use, an 'enrol'
    event signed with that key in the person's name): verify names the expired code."""
    issued = enrolment.add_person(
        office.session("ADMIN"),
        "K009",
        "钱新人",
        ["keeper"],
        None,
        kdf_n=TEST_KDF_N,
        head=office.cred("D001"),
    )
    office.clock.advance(days=8)
    with pytest.raises(RuleViolation) as e:
        enrolment.enrol(office.db, "K009", issued.code, "late-pw-10", office.clock)
    assert e.value.code == "enrolment_expired"
    km = crypto.new_key_material("admin-knows-11", TEST_KDF_N)
    sk = crypto.unlock(km, "admin-knows-11")
    at = to_db(office.clock())
    with insider(office) as con:
        con.execute("BEGIN IMMEDIATE")
        eid = int(con.execute("SELECT id FROM enrolments").fetchone()[0])
        people_repo.set_key_material(con, issued.person_id, km)
        kid = people_repo.insert_key(con, issued.person_id, km.public_key, at, "enrolment")
        use = con.execute(
            "INSERT INTO enrolment_uses(enrolment_id, at, key_id) VALUES (?,?,?)", (eid, at, kid)
        ).lastrowid
        audit.append(
            con,
            at,
            issued.person_id,
            "enrol",
            {"badge": "K009", "enrolment": eid},
            [("people", issued.person_id), ("person_keys", kid), ("enrolment_uses", int(use))],
            audit.EventKey(kid, sk),
        )
        con.execute("COMMIT")
    assert sign_in(office.db, "K009", "admin-knows-11", office.clock).person.badge == "K009"
    v = verify(office)
    assert not v.ok
    assert has(
        v.problems, f"key #{kid} of K009 (enrolment, event ", f"enrolment #{eid} had expired"
    )
    assert len(v.problems) == 1, v.problems  # everything else was written as Keeper writes
