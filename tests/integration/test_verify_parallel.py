"""verify on a long chain farms the events' hashes and signatures and the rows' hashes out
to worker processes (store.verify): forced on a short chain here, it must find what the
one-process verify finds."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import raw_connect
from insider_sql import drop_trigger

from keeper_app.services import custody
from keeper_app.store import audit


def _both(location: str) -> tuple[audit.VerifyResult, audit.VerifyResult]:
    server = location.startswith("postgresql://")
    con = raw_connect(location) if server else sqlite3.connect(f"file:{location}?mode=ro", uri=True)
    try:
        return audit.verify(con, parallel=False), audit.verify(con, parallel=True, workers=2)
    finally:
        con.close()


def _history(office) -> str:
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "intact")
    return d


def test_an_untouched_chain_verifies_alike(office) -> None:
    _history(office)
    one, many = _both(office.location)
    assert one.ok and many.ok, (one.problems, many.problems)
    assert (one.events, one.head_hash, one.rows, one.signatures, one.signed_events) == (
        many.events,
        many.head_hash,
        many.rows,
        many.signatures,
        many.signed_events,
    )


@pytest.mark.sqlite_only(
    "the workers read the sqlite file themselves; a server's chain is read through its one "
    "connection (not farmed), which stops at the first changed event as the one-process check"
)
def test_an_edited_event_a_changed_row_and_a_bad_signature_are_found_alike(office) -> None:
    d = _history(office)
    mid = office.medium_id(d)
    con = raw_connect(office.location)
    drop_trigger(con, "audit_events_no_update", "audit_events")
    n = con.execute("SELECT seq FROM audit_events WHERE action='retrieve'").fetchone()[0]
    con.execute(
        "UPDATE audit_events SET payload = replace(payload, 'case_handling', 'x') WHERE seq=?",
        (n,),
    )
    m = con.execute("SELECT seq FROM audit_events WHERE action='return'").fetchone()[0]
    con.execute("UPDATE audit_events SET actor_sig = ? WHERE seq=?", (bytes(64), m))
    con.execute("UPDATE media SET location = 'elsewhere' WHERE id=?", (mid,))
    con.commit()
    con.close()
    one, many = _both(office.location)
    assert f"event {n} (retrieve): its content was changed after it was written" in one.problems
    assert f"event {n} (retrieve): its content was changed after it was written" in many.problems
    assert f"event {m} (return) by K001: its signature does not verify" in many.problems
    assert one.first_bad_seq == many.first_bad_seq == n


def test_rows_are_compared_alike(office) -> None:
    d = _history(office)
    mid = office.medium_id(d)
    con = raw_connect(office.location)
    con.execute("UPDATE media SET location = 'elsewhere' WHERE id=?", (mid,))
    drop_trigger(con, "location_changes_no_delete", "location_changes")
    con.execute("DELETE FROM location_changes")
    con.commit()
    con.close()
    one, many = _both(office.location)
    assert f"media #{mid}: changed outside Keeper" in many.problems
    assert sorted(one.problems) == sorted(many.problems)
