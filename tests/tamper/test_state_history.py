"""State matches history (issue 10, point 11). The insider puts a disc's status back — a
duplicate that is out shown on the shelf, a lost disc shown in custody — with raw sqlite,
then recomputes that row's anchor and every event hash after it the way Keeper's own code
does (``canonical.row_hash``, ``audit.event_hash``): the chain and the rows verify again,
but the medium's own signed entries still say where it is, and verify names it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import insider
import pytest
from conftest import Office

from keeper_app.services import custody, transfers
from keeper_app.store import audit, entries, state


def verify(path: Path) -> audit.VerifyResult:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return audit.verify(con)
    finally:
        con.close()


def a_year_at_the_counter(office: Office) -> dict[str, str]:
    """Every kind of custody entry, several in the same second (the test clock stands
    still between advances), as an office makes them."""
    k = office.session("K001")
    o1, d1 = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某某")
    o3, d3 = office.handed_over_pair(person="赵某某")
    # d1: out and back intact twice in the same second, moved, then out again
    for _ in range(2):
        office.retrieve(k, d1, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
        custody.return_medium(k, d1, office.cred("H001"), office.cred("K001"), "intact")
    custody.set_location(k, d1, "柜C-03")
    office.clock.advance(hours=1)
    office.retrieve(k, d1, office.cred("H002"), office.cred("K001"), "D001", "case_handling", 8)
    # d2: lost by its retriever, the loss acknowledged
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    office.clock.advance(hours=2)
    custody.return_medium(k, d2, office.cred("H001"), office.cred("K001"), "lost", note="丢失")
    inc = entries.incidents(office.db.conn)[0]["id"]
    custody.acknowledge_incident(office.session("D001"), inc, office.cred("D001"))
    # o1: unsealed with approval and resealed under a new seal, then moved
    aid = custody.request_unseal(
        k, o1, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    custody.unseal(k, o1, aid, office.cred("K001"), office.cred("K002"))
    custody.reseal(k, o1, "S-NEW-1", office.cred("K001"), office.cred("K002"), inspection="intact")
    custody.set_location(k, o1, "柜A-09")
    # d3 goes to the court
    qid = transfers.register_court_request(
        k, "A2026-001", "court", "某市中级人民法院", "(2026)1号", office.clock(), whole_case=True
    )
    transfers.court_transfer(k, qid, d3, office.cred("C001"), office.cred("K001"))
    # the other case concluded and archived
    bo, bd = office.handed_over_pair(case_no="B2026-002", handler="H003", person="孙某某")
    office.clock.advance(days=1)
    transfers.conclude_case(office.session("H003"), "B2026-002", "侦查终结")
    transfers.archive_handover(k, "B2026-002", [bo, bd], office.cred("K001"), office.cred("A001"))
    return {"o1": o1, "d1": d1, "d2": d2, "o3": o3, "d3": d3, "bo": bo, "bd": bd, "o2": o2}


def everyones_keys(office: Office) -> dict[int, object]:
    """Every person's private key: the insider here holds them all (the strongest case — an
    insider holding only their own key is caught by the other actors' signatures)."""
    badges = [r[0] for r in office.db.conn.execute("SELECT badge FROM people")]
    keys: dict[int, object] = {}
    for b in badges:
        s = office.session(b)
        keys[s.person.id] = s.key
    return keys


def put_back_and_rehash(path: Path, code: str, status: str, keys: dict[int, object]) -> None:
    """The insider: set the status, then re-anchor the row and recompute and re-sign the
    chain, as Keeper's code would (the triggers put back after)."""
    with insider.raw(path, "*") as con:
        mid = con.execute("SELECT id FROM media WHERE code=?", (code,)).fetchone()[0]
        con.execute("UPDATE media SET status=? WHERE id=?", (status, mid))
        insider.rechain(con, keys)


def test_a_real_history_replays_to_the_stored_state(office: Office):
    x = a_year_at_the_counter(office)
    con = sqlite3.connect(office.path)
    try:
        assert state.problems(con) == []
        stored = dict(con.execute("SELECT code, status FROM media").fetchall())
    finally:
        con.close()
    assert {k: stored[c] for k, c in x.items()} == {
        "o1": "sealed",
        "d1": "out",
        "d2": "lost",
        "o3": "sealed",
        "d3": "transferred",
        "bo": "archived",
        "bd": "archived",
        "o2": "sealed",
    }
    assert verify(office.path).ok


@pytest.mark.parametrize(
    ("which", "put_back", "because"),
    [
        ("d1", "in_custody", "'out' (retrieval #3 not returned)"),
        ("d2", "in_custody", "'lost' (return #3: lost)"),
        ("o1", "unsealed", "'sealed' (reseal #"),
        ("d3", "in_custody", "'transferred' (court transfer #1)"),
    ],
)
def test_a_status_put_back_with_the_chain_recomputed_is_named(
    office: Office, which: str, put_back: str, because: str
):
    x = a_year_at_the_counter(office)
    code = x[which]
    keys = everyones_keys(office)
    office.db.close()
    put_back_and_rehash(office.path, code, put_back, keys)
    v = verify(office.path)
    assert not v.ok
    # the chain, every row's anchor and every signature verify (the insider held every
    # key): only the replay of the entries sees it
    assert [p for p in v.problems if not p.startswith("state:")] == []
    [p] = v.problems
    assert p.startswith(
        f"state: medium {code}: stored status '{put_back}' but its entries imply {because}"
    ), p


def test_a_returned_disc_shown_out_again_is_named(office: Office):
    """The other way round: a disc returned intact shown as out (so that it seems the
    retriever still has it)."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=1)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "intact")
    keys = everyones_keys(office)
    office.db.close()
    put_back_and_rehash(office.path, d, "out", keys)
    [p] = verify(office.path).problems
    assert p == (
        f"state: medium {d}: stored status 'out' but its entries imply 'in_custody' "
        "(return #1: intact)"
    )
