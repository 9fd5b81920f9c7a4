"""Changes made behind Keeper's back, with the plain ``sqlite3`` module and the file in hand,
are each found by :func:`keeper_app.store.audit.verify`.

The attacker drops the append-only triggers first where they stand in the way — that is
what someone holding the file would do. A chain break names the first event that does not
verify; a row changed, added or deleted names its table and id; a signature that does not
verify names its signer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from behind import create_trigger, drop_trigger, foreign_keys_off, trigger_sql
from conftest import raw_connect
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from keeper_app import crypto, store
from keeper_app.services import admin, custody
from keeper_app.store import audit


@dataclass
class History:
    o: str
    d: str
    retrieval_id: int
    events: int
    head_hash: str


@pytest.fixture
def history(office) -> History:
    """A pair handed over, its duplicate retrieved and returned damaged, the incident
    acknowledged, the original unsealed and resealed, the duplicate retrieved again."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=2)
    custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "damaged", note="scratched"
    )
    inc = office.db.conn.execute("SELECT id FROM incidents").fetchone()[0]
    custody.acknowledge_incident(office.session("D001"), inc, office.cred("D001"))
    aid = custody.request_unseal(
        k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    custody.unseal(k, o, aid, office.cred("K001"), office.cred("K002"))
    custody.reseal(k, o, "S-NEW-1", office.cred("K001"), office.cred("K002"), inspection="intact")
    # the damaged duplicate stays damaged; a second pair's duplicate goes out
    o2, d2 = office.handed_over_pair(person="王某某")
    office.clock.advance(hours=1)
    rid = office.retrieve(
        k, d2, office.cred("H002"), office.cred("K001"), "D001", "case_handling", 4
    )
    v = verify(office)
    assert v.ok, v.problems
    return History(o, d2, rid, v.events, v.head_hash)


def verify(office) -> audit.VerifyResult:
    """Verify through a fresh connection, as `keeper audit verify` on the file would."""
    con = raw_connect(office.location)
    try:
        return audit.verify(con)
    finally:
        con.close()


@contextmanager
def behind_keepers_back(office, *drop: str) -> Iterator[sqlite3.Connection]:
    """A plain connection to the database (sqlite3 to the file; on a server, the owner's),
    all in one transaction; ``drop`` names triggers to drop first and put back after (as a
    careful insider would: a missing trigger is itself reported)."""
    con = raw_connect(office.location)
    try:
        con.execute("BEGIN")
        kept = []
        for t in drop:
            kept.append(trigger_sql(con, t))
            drop_trigger(con, t)
        yield con
        for sql in kept:
            create_trigger(con, sql)
        con.commit()
    finally:
        con.close()


def seq_of(office, action: str, nth: int = 0) -> int:
    rows = office.db.conn.execute(
        "SELECT seq FROM audit_events WHERE action=? ORDER BY seq", (action,)
    ).fetchall()
    return int(rows[nth][0])


def id_of(office, badge: str) -> int:
    return int(
        office.db.conn.execute("SELECT id FROM people WHERE badge=?", (badge,)).fetchone()[0]
    )


def medium(office, code: str) -> int:
    return office.medium_id(code)


def has(problems: list[str], *parts: str) -> bool:
    return any(all(p in x for p in parts) for x in problems)


# ------------------------------------------------------------------ untouched
def test_an_untouched_database_verifies_and_its_head_is_stable(office, history):
    a, b = verify(office), verify(office)
    assert a.ok and b.ok and a.problems == []
    assert (a.events, a.head_hash) == (b.events, b.head_hash) == (history.events, history.head_hash)
    assert a.first_bad_seq is None
    # 16 on the entries, the head's 2 retrieval approvals (Art. 20), the heads countersigning
    # 9 people; + the use of the unsealed original and the reseal's inspection, each signed by
    # two (schema 13)
    assert a.signatures == 16 + 2 + 9 + 4 and a.rows > 40
    assert audit.head(office.db.conn) == (a.events, a.head_hash)
    # reopening the file changes nothing
    office.db.close()
    db = store.open(office.location)
    try:
        c = admin.verify_audit(db)
    finally:
        db.close()
    office.db = store.open(office.location)
    assert (c.ok, c.events, c.head_hash) == (True, a.events, a.head_hash)


# ------------------------------------------------------------------ rows
def test_edit_a_field_of_a_retrieval(office, history):
    rid = history.retrieval_id
    with behind_keepers_back(office, "retrievals_no_update") as con:
        con.execute("UPDATE retrievals SET est_usage_hours = 72 WHERE id = ?", (rid,))
    v = verify(office)
    assert not v.ok
    assert v.first_bad_seq is None  # the chain itself is intact; the row is not
    assert f"retrievals #{rid}: changed outside Keeper" in v.problems
    assert has(v.problems, "by H002", f"retrievals #{rid}", "no longer matches")
    assert has(v.problems, "by K001", f"retrievals #{rid}", "no longer matches")
    assert v.events == history.events and v.head_hash == history.head_hash


def test_the_append_only_trigger_is_what_stops_keepers_own_connection(office, history):
    with pytest.raises(sqlite3.DatabaseError, match="append-only: retrievals"):
        office.db.conn.execute(
            "UPDATE retrievals SET est_usage_hours = 72 WHERE id = ?", (history.retrieval_id,)
        )
    assert verify(office).ok


def test_insert_a_retrieval_without_an_event(office, history):
    conn = office.db.conn
    mid = medium(office, history.o)
    with behind_keepers_back(office) as con:
        cur = con.execute(
            "INSERT INTO retrievals(medium_id, retriever_id, retriever_unit, out_at, reason, "
            "purpose, est_usage_hours, approver_id, keeper_id) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                mid,
                id_of(office, "H001"),
                "某市公安局",
                "2026-11-20T09:00:00Z",
                "case_handling",
                "",
                4,
                id_of(office, "D001"),
                id_of(office, "K001"),
            ),
        )
        new_id = cur.lastrowid
    assert conn.execute("SELECT count(*) FROM retrievals").fetchone()[0] == 3
    v = verify(office)
    assert not v.ok and v.first_bad_seq is None
    assert v.problems == [
        f"retrievals #{new_id}: written outside Keeper (no audit event)",
        # and the replay of the original's entries finds a retrieval it cannot place
        f"state: medium {history.o}: retrieval #{new_id} while the medium is sealed",
    ]


def test_delete_a_media_row(office, history):
    mid = medium(office, history.d)
    with behind_keepers_back(office, "media_no_delete") as con:
        foreign_keys_off(con)  # its disc's recordings still name it
        con.execute("DELETE FROM media WHERE id = ?", (mid,))
    v = verify(office)
    assert not v.ok and v.first_bad_seq is None
    assert f"media #{mid}: deleted outside Keeper" in v.problems


def test_change_a_media_status_directly(office, history):
    # status is one of the columns Keeper itself moves, so no trigger stands in the way
    mid = medium(office, history.d)
    with behind_keepers_back(office) as con:
        con.execute("UPDATE media SET status = 'in_custody' WHERE id = ?", (mid,))
    v = verify(office)
    assert not v.ok
    assert v.problems == [
        f"media #{mid}: changed outside Keeper",
        f"state: medium {history.d}: stored status 'in_custody' but its entries imply 'out' "
        f"(retrieval #{history.retrieval_id} not returned)",
    ]


def test_change_a_media_location_or_seal_number_directly(office, history):
    mid = medium(office, history.o)
    with behind_keepers_back(office) as con:
        con.execute("UPDATE media SET seal_no = 'S-FAKE' WHERE id = ?", (mid,))
    assert verify(office).problems == [
        f"media #{mid}: changed outside Keeper",
        f"state: medium {history.o}: stored seal 'S-FAKE' but its entries imply 'S-NEW-1'",
    ]


def test_replace_a_persons_public_key(office, history):
    pid = id_of(office, "H001")
    fresh = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with behind_keepers_back(office) as con:
        con.execute("UPDATE people SET public_key = ? WHERE id = ?", (fresh, pid))
    v = verify(office)
    assert not v.ok
    assert f"people #{pid}: changed outside Keeper" in v.problems
    # the key history, not the people row, says which key H001 signed with: the stored key
    # is named as one the history never gave
    assert (
        "H001: the stored key is not the one the history gave them — a key change not made "
        "through Keeper"
    ) in v.problems


# ------------------------------------------------------------------ signatures
def _forge(
    con: sqlite3.Connection, table: str, entry_id: int, signer_id: int, badge: str, at: str
) -> int:
    """A signature row in ``badge``'s name, made with a fresh key — the keeper has the
    file and their own key, but not the other person's password."""
    csha = audit.content_sha256(con, table, entry_id)
    msg = crypto.signing_message(table, entry_id, csha, "retriever", badge, at)
    sig = Ed25519PrivateKey.generate().sign(msg)
    cur = con.execute(
        "INSERT INTO signatures(entry_table, entry_id, signer_id, capacity, signed_at, "
        "content_sha256, method, signature) VALUES (?,?,?,?,?,?,?,?)",
        (table, entry_id, signer_id, "retriever", at, csha, "password", sig),
    )
    return int(cur.lastrowid or 0)


def test_a_forged_signature_in_another_persons_name(office, history):
    rid = history.retrieval_id
    with behind_keepers_back(office) as con:
        con.row_factory = sqlite3.Row
        sid = _forge(con, "retrievals", rid, id_of(office, "H001"), "H001", "2026-11-20T06:00:00Z")
    v = verify(office)
    assert not v.ok
    assert f"signatures #{sid}: written outside Keeper (no audit event)" in v.problems
    assert f"signature #{sid} by H001 on retrievals #{rid}: does not verify" in v.problems


def test_a_forged_signature_is_caught_even_with_a_well_formed_audit_event(office, history):
    """The chain holds no secret: the keeper can append a perfect event for the forged row.
    Only the other person's private key, locked by their password, is out of reach."""
    rid = history.retrieval_id
    k = office.session("K001")  # the keeper knows their own password: they hold their key
    with behind_keepers_back(office) as con:
        sid = _forge(con, "retrievals", rid, id_of(office, "H001"), "H001", "2026-11-20T06:00:00Z")
        assert con.in_transaction
        # the keeper signs the event with their own key, as an insider can
        kid = con.execute(
            "SELECT max(id) FROM person_keys WHERE person_id=?", (k.person.id,)
        ).fetchone()[0]
        audit.append(
            con,
            "2026-11-20T06:00:00Z",
            k.person.id,
            "retrieve",
            {},
            [("signatures", sid)],
            audit.EventKey(kid, k.key),
        )
    v = verify(office)
    assert not v.ok
    # (the keeper's own sign-in is recorded too: two bookkeeping events and the signed
    # sign-in (issue 14) before the forged one)
    assert v.first_bad_seq is None and v.events == history.events + 4
    assert f"signature #{sid} by H001 on retrievals #{rid}: does not verify" in v.problems
    # and it came after the entry, which now carries one signature too many
    assert has(v.problems, f"signature #{sid} by H001", "added after the entry was made")
    assert (
        f"retrievals #{rid}: signed as keeper, retriever, retriever, but such an entry must "
        "be signed as keeper, retriever"
    ) in v.problems


def test_the_signed_content_hash_follows_the_row(office, history):
    rid = history.retrieval_id
    conn = office.db.conn
    signed = {
        r[0]
        for r in conn.execute(
            "SELECT content_sha256 FROM signatures WHERE entry_table='retrievals' AND entry_id=?",
            (rid,),
        )
    }
    before = audit.content_sha256(conn, "retrievals", rid)
    assert signed == {before}
    with behind_keepers_back(office, "retrievals_no_update") as con:
        con.execute("UPDATE retrievals SET purpose = 'altered' WHERE id = ?", (rid,))
    after = audit.content_sha256(conn, "retrievals", rid)
    assert after != before and len(after) == 64
    with behind_keepers_back(office, "retrievals_no_update") as con:
        con.execute("UPDATE retrievals SET purpose = '' WHERE id = ?", (rid,))
    assert audit.content_sha256(conn, "retrievals", rid) == before
    assert verify(office).ok  # put back exactly as it was, everything verifies again


# ------------------------------------------------------------------ the chain
def test_edit_an_audit_events_payload(office, history):
    n = seq_of(office, "retrieve")
    with behind_keepers_back(office, "audit_events_no_update") as con:
        (payload,) = con.execute("SELECT payload FROM audit_events WHERE seq=?", (n,)).fetchone()
        assert "case_handling" in payload
        con.execute(
            "UPDATE audit_events SET payload=? WHERE seq=?",
            (payload.replace("case_handling", "case_review"), n),
        )
    v = verify(office)
    assert not v.ok and v.first_bad_seq == n
    assert v.problems == [f"event {n} (retrieve): its content was changed after it was written"]
    assert v.events == n  # verification stops at the first break


def test_edit_an_event_and_rehash_it_breaks_the_next_link(office, history):
    n = seq_of(office, "retrieve")
    with behind_keepers_back(office, "audit_events_no_update") as con:
        at, actor, action, payload, prev, key_id = con.execute(
            "SELECT at, actor_id, action, payload, prev_hash, key_id FROM audit_events WHERE seq=?",
            (n,),
        ).fetchone()
        payload = payload.replace("case_handling", "case_review")
        con.execute(
            "UPDATE audit_events SET payload=?, hash=? WHERE seq=?",
            (
                payload,
                audit.event_hash(prev, n, at, actor, action, payload, audit.SCHEME, key_id),
                n,
            ),
        )
    v = verify(office)
    assert not v.ok and v.first_bad_seq == n + 1
    assert f"event {n + 1}: its previous-hash does not match event {n}" in v.problems
    # rehashed, the event no longer matches the signature its actor made over it
    assert f"event {n} (retrieve) by K001: its signature does not verify" in v.problems


def test_delete_the_last_event(office, history):
    last = history.events
    with behind_keepers_back(office, "audit_events_no_delete") as con:
        (action,) = con.execute("SELECT action FROM audit_events WHERE seq=?", (last,)).fetchone()
        con.execute("DELETE FROM audit_events WHERE seq=?", (last,))
    assert action == "retrieve"
    v = verify(office)
    assert not v.ok
    assert v.events == last - 1 and v.head_hash != history.head_hash
    # the rows that event wrote are now anchored by nothing, or by an older state
    rid = history.retrieval_id
    assert f"retrievals #{rid}: written outside Keeper (no audit event)" in v.problems
    assert f"media #{medium(office, history.d)}: changed outside Keeper" in v.problems
    assert has(v.problems, "signatures #", "written outside Keeper")


def test_delete_a_middle_event(office, history):
    n = seq_of(office, "unseal")
    with behind_keepers_back(office, "audit_events_no_delete") as con:
        con.execute("DELETE FROM audit_events WHERE seq=?", (n,))
    v = verify(office)
    assert not v.ok
    # event n is gone: the first event that does not verify is n + 1, which says n is missing
    assert v.first_bad_seq == n + 1
    assert v.problems == [f"event {n + 1}: out of order or missing — expected event {n}"]


def test_reorder_two_events(office, history):
    n = seq_of(office, "decide_approval")
    cols = "at, actor_id, action, payload, prev_hash, hash"
    with behind_keepers_back(office, "audit_events_no_update") as con:
        a = con.execute(f"SELECT {cols} FROM audit_events WHERE seq=?", (n,)).fetchone()
        b = con.execute(f"SELECT {cols} FROM audit_events WHERE seq=?", (n + 1,)).fetchone()
        sets = "at=?, actor_id=?, action=?, payload=?, prev_hash=?, hash=?"
        con.execute(f"UPDATE audit_events SET {sets} WHERE seq=?", (*b, n))
        con.execute(f"UPDATE audit_events SET {sets} WHERE seq=?", (*a, n + 1))
    v = verify(office)
    assert not v.ok and v.first_bad_seq == n
    assert v.problems == [f"event {n}: its previous-hash does not match event {n - 1}"]


def test_insert_a_forged_event_in_the_middle(office, history):
    n = seq_of(office, "reseal")
    with behind_keepers_back(office, "audit_events_no_update") as con:
        # shift everything from n up by one (from the top down), then write an event at n
        for seq in range(history.events, n - 1, -1):
            con.execute("UPDATE audit_events SET seq=? WHERE seq=?", (seq + 1, seq))
        prev = con.execute("SELECT hash FROM audit_events WHERE seq=?", (n - 1,)).fetchone()[0]
        payload = '{"details":{},"rows":[]}'
        h = audit.event_hash(prev, n, "2026-11-20T05:00:00Z", None, "set_head", payload)
        con.execute(
            "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, "
            "hash) VALUES (?,?,?,?,?,?,?)",
            (n, "2026-11-20T05:00:00Z", None, "set_head", payload, prev, h),
        )
    v = verify(office)
    assert not v.ok and v.first_bad_seq == n + 1
    assert (
        f"event {n} (set_head): written in the earlier, unsigned scheme after signed events — "
        "appended outside Keeper"
    ) in v.problems
    assert has(v.problems, f"event {n + 1}", "previous-hash")


def test_a_fully_rewritten_chain_shows_in_the_head_hash(office, history):
    """Someone who rewrites every event from a point on makes a chain that is consistent
    in itself: the head hash (which `keeper audit verify` prints, to be written down or
    sent elsewhere) is what tells it from the original."""
    n = seq_of(office, "retrieve")
    with behind_keepers_back(office, "audit_events_no_update", "retrievals_no_update") as con:
        rid = con.execute("SELECT max(id) FROM retrievals").fetchone()[0]
        con.execute("UPDATE retrievals SET purpose='x' WHERE id=?", (rid,))
        prev = con.execute("SELECT hash FROM audit_events WHERE seq=?", (n - 1,)).fetchone()[0]
        rows = con.execute(
            "SELECT seq, at, actor_id, action, payload, key_id FROM audit_events "
            "WHERE seq >= ? ORDER BY seq",
            (n,),
        ).fetchall()
        for seq, at, actor, action, payload, key_id in rows:
            h = audit.event_hash(prev, seq, at, actor, action, payload + " ", audit.SCHEME, key_id)
            con.execute(
                "UPDATE audit_events SET payload=?, prev_hash=?, hash=? WHERE seq=?",
                (payload + " ", prev, h, seq),
            )
            prev = h
    v = verify(office)
    assert v.events == history.events and v.first_bad_seq is None
    assert v.head_hash != history.head_hash
    # and the edited row still shows, and so do the signatures on it
    assert not v.ok
    assert f"retrievals #{rid}: changed outside Keeper" in v.problems
    assert has(v.problems, f"retrievals #{rid}", "no longer matches what was signed")
    # and every rewritten event's signature, made by its actor over the old hash, fails
    assert has(v.problems, f"event {n} (retrieve)", "its signature does not verify")
