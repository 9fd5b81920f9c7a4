"""The running app checks itself (issue 10, point 7): before every change (every change
is signed by its actor) the events since the last verified head are verified; while that
fails nothing is signed, and department heads' inboxes show the integrity alarm."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import Office
from witness_attacks import drop_triggers, restore_triggers, truncate

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import lookup, self_check
from keeper_app.store import audit, open_database, witness_log

REFUSED = "nothing can be signed until it is checked — tell the department head"


def tamper(office: Office, sql: str, *args: object) -> None:
    con = sqlite3.connect(office.path)
    try:
        saved = drop_triggers(con)
        con.execute(sql, args)
        restore_triggers(con, saved)
        con.commit()
    finally:
        con.close()


def test_untampered_the_check_passes_and_records_how_far_it_verified(office: Office) -> None:
    office.handed_over_pair()
    r = self_check.run(office.db)
    seq, h = audit.head(office.db.conn)
    assert r.ok and (r.seq, r.hash) == (seq, h), r.problems
    log = witness_log.logs_for(office.path)[0]
    v = witness_log.last(log, "verified")
    assert v is not None and (v.seq, v.hash) == (seq, h)
    # a fresh process starts from there: nothing new to check
    again = open_database(office.path)
    try:
        self_check.forget(again)
        r2 = self_check.run(again)
        assert r2.ok and r2.checked == 0 and r2.seq == seq
    finally:
        again.close()
    assert lookup.inbox(office.session("D001"))["alarms"] == []


def test_a_tampered_event_stops_every_signature_and_alarms_the_head(office: Office) -> None:
    o, _d = office.handed_over_pair()
    seq = audit.head(office.db.conn)[0]  # the handover: not checked yet by any change
    tamper(
        office,
        "UPDATE audit_events SET at = replace(at, 'T', 'T0') WHERE seq = ?",
        seq,
    )
    before = office.snapshot()
    with pytest.raises(RuleViolation) as exc:
        office.new_pair("A2026-001", person="赵某某")
    assert exc.value.code == "history_unverified"
    assert REFUSED in str(exc.value)
    assert f"event {seq} (handover): its content was changed" in str(exc.value)
    assert office.snapshot() == before  # nothing was written
    box = lookup.inbox(office.session("D001"))
    assert [a["kind"] for a in box["alarms"]] == ["integrity"]
    assert f"event {seq}" in box["alarms"][0]["problem"]
    assert self_check.last_result(office.db) is not None
    assert not self_check.last_result(office.db).ok  # type: ignore[union-attr]


def test_a_rewritten_verified_head_is_caught_in_a_new_process(office: Office) -> None:
    office.handed_over_pair()
    r = self_check.run(office.db)
    assert r.ok
    office.db.close()
    tamper(office, "UPDATE audit_events SET hash = ? WHERE seq = ?", "a" * 64, r.seq)
    db = open_database(office.path)
    try:
        self_check.forget(db)
        again = self_check.run(db)
        assert not again.ok
        assert f"event {r.seq} was verified as" in again.problem_text
        assert "rewritten" in again.problem_text
        assert self_check.alarm(db) is not None
    finally:
        db.close()


def test_a_truncation_below_the_verified_head_stops_signatures(office: Office) -> None:
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0] - 2
    assert self_check.run(office.db).ok
    truncate(office.path, keep)
    with pytest.raises(RuleViolation) as exc:
        office.new_pair("A2026-001", person="赵某某")
    assert exc.value.code == "history_unverified"
    # (the new pair's sign-in, recorded first, may have grown the chain back past the cut:
    # the verified event is then there with another hash)
    assert "truncated, or an older copy was put back" in str(exc.value) or (
        "rewritten" in str(exc.value)
    )


def forge_keepers_event(office: Office, own_key: bool = False) -> int:
    """The insider appends an event as the keeper K001, hashed by the public formula. He
    cannot sign it with the keeper's key: it carries a blank signature, or (``own_key``) one
    made with a key of his own that he has put in place of the keeper's public key. Returns
    the forged event's seq."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from keeper_app import crypto

    conn = office.db.conn
    seq, prev, at = audit.head_at(conn)
    kid, pid = conn.execute(
        "SELECT k.id, p.id FROM person_keys k JOIN people p ON p.id = k.person_id "
        "WHERE p.badge = 'K001' ORDER BY k.id DESC LIMIT 1"
    ).fetchone()
    payload = '{"details":{"location":"柜Z-99"},"rows":[]}'
    h = audit.event_hash(prev, seq + 1, at or "", pid, "set_location", payload, 2, kid)
    mine = Ed25519PrivateKey.generate()
    con = sqlite3.connect(office.path)
    try:
        saved = drop_triggers(con)
        if own_key:
            con.execute(
                "UPDATE person_keys SET public_key = ? WHERE id = ?",
                (crypto.public_bytes(mine), kid),
            )
        sig = crypto.sign(mine, crypto.event_message(h)) if own_key else b"\0" * 64
        con.execute(
            "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, hash, "
            "scheme, key_id, actor_sig) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (seq + 1, at, pid, "set_location", payload, prev, h, 2, kid, sig),
        )
        restore_triggers(con, saved)
        con.commit()
    finally:
        con.close()
    return int(seq) + 1


def assert_no_signature_for_forged(office: Office, seq: int) -> None:
    with pytest.raises(RuleViolation) as exc:
        office.new_pair("A2026-001", person="赵某某")
    assert exc.value.code == "history_unverified"
    assert f"event {seq} (set_location) by K001: its signature does not verify" in str(exc.value)


def test_an_event_appended_in_someones_name_stops_signatures(office: Office) -> None:
    """The insider appends an event as the keeper, hashing it by the public formula, but
    cannot sign it with the keeper's key: the next change is refused."""
    office.handed_over_pair()
    assert_no_signature_for_forged(office, forge_keepers_event(office))


def test_a_row_the_newest_event_wrote_changed_behind_keepers_back(office: Office) -> None:
    o, _d = office.handed_over_pair()
    mid = office.medium_id(o)
    tamper(office, "UPDATE media SET location = '柜Z-99' WHERE id = ?", mid)
    with pytest.raises(RuleViolation) as exc:
        office.new_pair("A2026-001", person="赵某某")
    assert exc.value.code == "history_unverified"
    assert f"media #{mid}: changed outside Keeper" in str(exc.value)


def test_a_key_rewritten_after_the_check_read_it_signs_nothing(office: Office) -> None:
    """The check keeps the keys it has read (keys are append-only): an insider who swaps a
    keeper's public key for his own and appends an event signed with it is caught by the
    running desk, although the signature verifies against the key now in the file."""
    office.handed_over_pair()
    assert self_check.run(office.db).ok  # the desk has read K001's key
    assert_no_signature_for_forged(office, forge_keepers_event(office, own_key=True))


def test_with_nothing_new_the_check_reads_one_statement(office: Office) -> None:
    """A check that finds no event after the head it verified reads the chain from that head
    in one statement and nothing else (no keys, no people): it runs before every change."""
    office.handed_over_pair()
    assert self_check.run(office.db).checked > 0
    seen: list[str] = []
    office.db.conn.set_trace_callback(seen.append)
    try:
        r = self_check.run(office.db)
    finally:
        office.db.conn.set_trace_callback(None)
    assert r.ok and r.checked == 0
    reads = [q for q in seen if q.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 1 and "FROM audit_events WHERE seq >=" in reads[0], seen
    # a new event: read with it are only what it needs (its rows), not every key again
    office.new_pair("A2026-001", person="赵某某")
    seen.clear()
    office.db.conn.set_trace_callback(seen.append)
    try:
        r = self_check.run(office.db)
    finally:
        office.db.conn.set_trace_callback(None)
    assert r.ok
    assert not any("FROM person_keys" in q or "FROM people" in q for q in seen), seen
