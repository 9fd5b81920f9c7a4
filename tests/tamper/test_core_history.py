"""The attacks of issue 10 on the history itself, each performed for real by an insider — a
keeper (K001, who knows their own password and so holds their own key) with the database
file, raw sqlite3 and Keeper's formulas — and each caught by `keeper audit verify`, naming
it. (Witnesses — discs, printouts, backups, the witness log, checkpoints — catch the
truncations and rollbacks: their own test files.)"""

from __future__ import annotations

import sqlite3

import insider
import pytest

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody
from keeper_app.services.session import Credential, sign_in
from keeper_app.store import audit


@pytest.fixture
def history(office):
    """Two pairs handed over; the first duplicate retrieved by H001 and returned intact;
    the second duplicate out with H002 (not returned)."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "intact")
    o2, d2 = office.handed_over_pair(person="王某某")
    office.clock.advance(hours=1)
    office.retrieve(k, d2, office.cred("H002"), office.cred("K001"), "D001", "case_handling", 4)
    assert verify(office).ok
    return {"d": d, "d2": d2, "keeper": k}


def verify(office):
    con = sqlite3.connect(office.path)
    try:
        return audit.verify(con)
    finally:
        con.close()


def has(problems: list[str], *parts: str) -> bool:
    return any(all(p in x for p in parts) for x in problems)


def test_deleting_an_old_retrieval_and_its_return_then_rechaining(office, history) -> None:
    """Delete the first retrieval and its return (rows, signatures and events), put the
    disc's row back as the insider likes, renumber and rehash the chain with the public
    formula, re-sign the keeper's own events: the events of everyone else were signed
    over the old hashes and fail."""
    k = history["keeper"]
    with insider.raw(office.path, "*") as con:
        ret = con.execute("SELECT min(id) FROM retrievals").fetchone()[0]
        rtn = con.execute("SELECT min(id) FROM returns").fetchone()[0]
        for table, rid in (("retrievals", ret), ("returns", rtn)):
            con.execute("DELETE FROM signatures WHERE entry_table=? AND entry_id=?", (table, rid))
            con.execute(f"DELETE FROM {table} WHERE id=?", (rid,))
        con.execute(
            "DELETE FROM audit_events WHERE action IN ('retrieve', 'return') AND seq < "
            "(SELECT max(seq) FROM audit_events WHERE action='retrieve')"
        )
        insider.rechain(con, {k.person.id: k.key})
    v = verify(office)
    assert not v.ok
    # the next events' actor (H001 registering the second pair) never signed these hashes
    assert has(v.problems, "(register_recording) by H001: its signature does not verify")
    assert has(v.problems, "(register_pair) by H001: its signature does not verify")
    assert not has(v.problems, "by K001: its signature does not verify")  # re-signed


def test_swapping_two_events_then_rechaining(office, history) -> None:
    k = history["keeper"]
    with insider.raw(office.path, "*") as con:
        a, b = con.execute(
            "SELECT seq FROM audit_events WHERE action IN ('create_case','register_recording') "
            "ORDER BY seq LIMIT 2"
        ).fetchall()
        con.execute("UPDATE audit_events SET seq=-1 WHERE seq=?", a)
        con.execute("UPDATE audit_events SET seq=? WHERE seq=?", (a[0], b[0]))
        con.execute("UPDATE audit_events SET seq=? WHERE seq=-1", b)
        insider.rechain(con, {k.person.id: k.key})
    v = verify(office)
    assert not v.ok
    assert has(v.problems, "(create_case) by H003: its signature does not verify")
    assert has(v.problems, "(create_case) by H001: its signature does not verify")


def test_backdating_an_event_by_editing_its_time(office, history) -> None:
    k = history["keeper"]
    with insider.raw(office.path, "*") as con:
        seq = con.execute("SELECT max(seq) FROM audit_events WHERE action='handover'").fetchone()[0]
        con.execute("UPDATE audit_events SET at='2026-11-19T00:00:00Z' WHERE seq=?", (seq,))
        insider.rechain(con, {k.person.id: k.key})
    v = verify(office)
    # the handover is the keeper's own event, re-signed (and nobody else signed after it);
    # but it is now dated before the events ahead of it
    assert not v.ok
    assert has(v.problems, f"event {seq} (handover) is dated 2026-11-19T00:00:00Z, before")


def test_appending_a_return_for_a_disc_that_is_out_without_signatures(office, history) -> None:
    """The second duplicate is out with H002. The keeper appends a 'returned intact' entry
    with no signature, or with the keeper's only, and a well-formed event signed with
    their own key — the entry lacks the returner's signature."""
    k = history["keeper"]
    mid = office.medium_id(history["d2"])
    with insider.raw(office.path, "*") as con:
        ret = con.execute("SELECT max(id) FROM retrievals").fetchone()[0]
        cols = [r[1] for r in con.execute("PRAGMA table_info(returns)")]
        src = insider.row(con, "returns", con.execute("SELECT min(id) FROM returns").fetchone()[0])
        src.update(id=None, retrieval_id=ret)
        cur = con.execute(
            f"INSERT INTO returns({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
            [src[c] for c in cols],
        )
        rtn = int(cur.lastrowid)
        con.execute("UPDATE media SET status='in_custody' WHERE id=?", (mid,))
        csha = audit.content_sha256(con, "returns", rtn)
        at = "2026-11-20T09:00:00Z"
        msg = crypto.signing_message("returns", rtn, csha, "keeper", "K001", at)
        sid = con.execute(
            "INSERT INTO signatures(entry_table, entry_id, signer_id, capacity, signed_at, "
            "content_sha256, method, signature) VALUES (?,?,?,?,?,?,?,?)",
            ("returns", rtn, k.person.id, "keeper", at, csha, "password", crypto.sign(k.key, msg)),
        ).lastrowid
        insider.append_event(
            con,
            at,
            k.person.id,
            "return",
            {"code": history["d2"], "condition": "intact"},
            [("returns", rtn), ("signatures", sid), ("media", mid)],
            k.key,
            insider.key_id(con, k.person.id),
        )
    v = verify(office)
    assert not v.ok
    assert (
        f"returns #{rtn}: signed as keeper, but such an entry must be signed as keeper, returner"
    ) in v.problems


def test_an_event_appended_in_someone_elses_name(office, history) -> None:
    """An event credited to the department head: the insider cannot sign with his key, so
    signs with their own or not at all."""
    k = history["keeper"]
    head = office.session("D001").person.id
    with insider.raw(office.path) as con:
        n1 = insider.append_event(
            con,
            "2026-11-21T00:00:00Z",
            head,
            "ack_incident",
            {},
            [],
            k.key,
            insider.key_id(con, k.person.id),
        )
        n2 = insider.append_event(con, "2026-11-21T00:00:01Z", head, "ack_incident", {}, [])
    v = verify(office)
    assert not v.ok
    assert f"event {n1} (ack_incident) by D001: signed with the key of K001" in v.problems
    assert f"event {n2} (ack_incident) by D001: signed with an unknown key" in v.problems


def test_inserting_a_keeper_credited_to_the_administrator(office, history) -> None:
    """A person with the keeper role and a key the insider made, plus an add_person event
    credited to the administrator; that person then makes a real retrieval through Keeper."""
    k = history["keeper"]
    admin_id = office.session("ADMIN").person.id
    km = crypto.new_key_material("fake-keeper-pw-1", 2**10)
    with insider.raw(office.path) as con:
        pid = con.execute(
            "INSERT INTO people(badge, name, unit_id, department_id, org_name, roles, active, "
            "kdf_salt, kdf_n, pw_verifier, public_key, sk_nonce, sk_enc) "
            "VALUES ('K999','假保管',1,NULL,'','keeper',1,?,?,?,?,?,?)",
            (km.kdf_salt, km.kdf_n, km.pw_verifier, km.public_key, km.sk_nonce, km.sk_enc),
        ).lastrowid
        kid = con.execute(
            "INSERT INTO person_keys(person_id, public_key, made_at, reason) "
            "VALUES (?,?,?,'added')",
            (pid, km.public_key, "2026-11-21T00:00:00Z"),
        ).lastrowid
        n = insider.append_event(
            con,
            "2026-11-21T00:00:00Z",
            admin_id,
            "add_person",
            {"badge": "K999", "name": "假保管", "roles": ["keeper"]},
            [("people", pid), ("person_keys", kid)],
            k.key,
            insider.key_id(con, k.person.id),
        )
    office.clock.t = office.clock.t.replace(day=22)
    s = sign_in(office.db, "K999", "fake-keeper-pw-1", office.clock, office.cache)
    # the running Keeper checks its history before signing: it refuses at once
    with pytest.raises(RuleViolation) as e:
        office.handed_over_pair(case_no="B2026-002", handler="H003", person="李某")
    assert e.value.code == "history_unverified"
    assert "signed with the key of K001" in e.value.message
    # the insider's own copy of Keeper (without that check) goes on; verify names it
    with insider.own_keeper():
        _the_fake_keeper_retrieves(office, s)
    v = admin.verify_audit(office.db)
    assert not v.ok
    assert f"event {n} (add_person) by ADMIN: signed with the key of K001" in v.problems


def _the_fake_keeper_retrieves(office, s) -> None:
    o3, d3 = office.handed_over_pair(case_no="B2026-002", handler="H003", person="李某")
    qid = office.approved_request(d3, "H003", "D002", "case_handling", 4)  # asked by K001
    custody.retrieve(s, d3, office.cred("H003"), Credential("K999", "fake-keeper-pw-1"), qid)
