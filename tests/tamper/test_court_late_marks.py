"""Issue 14, point 3, attacked as an insider holding the file: a late mark erased, a late
item rewritten as on time, or an item struck off a court's request (the triggers dropped and
put back as they were) — each named by ``keeper audit verify``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import Office
from insider import raw

from keeper_app.services import admin, transfers


@pytest.fixture
def late_request(office: Office) -> int:
    _, d1 = office.handed_over_pair(person="王某某")
    office.handed_over_pair(person="李某")
    k = office.session("K001")
    qid = transfers.register_court_request(
        k, "A2026-001", "court", "某市中级人民法院", "1号", office.clock(), whole_case=True
    )
    office.clock.advance(days=3, hours=1)
    transfers.court_transfer(k, qid, d1, office.cred("C001"), office.cred("K001"))
    ok = admin.verify_audit_file(str(office.path))
    assert ok.ok, ok.problems
    return qid


@pytest.mark.parametrize(
    "trigger,sql,table",
    [
        ("court_late_marks_no_delete", "DELETE FROM court_late_marks", "court_late_marks"),
        (
            "court_item_closures_no_update",
            "UPDATE court_item_closures SET late=0",
            "court_item_closures",
        ),
        (
            "court_request_items_no_delete",
            "DELETE FROM court_request_items WHERE id=(SELECT max(id) FROM court_request_items)",
            "court_request_items",
        ),
    ],
)
def test_the_insider_is_named(
    office: Office, late_request: int, trigger: str, sql: str, table: str
) -> None:
    with raw(office.path, trigger) as con:
        assert con.execute(sql).rowcount == 1
    r = admin.verify_audit_file(str(office.path))
    assert not r.ok
    assert any(table in p for p in r.problems), r.problems


def test_a_late_mark_written_behind_keepers_back_is_named(office: Office) -> None:
    office.handed_over_pair()
    qid = transfers.register_court_request(
        office.session("K001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "1号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    with raw(office.path) as con:
        con.execute(
            "INSERT INTO court_late_marks(request_id, at, by_id, reported_to, open_items) "
            "VALUES (?, '2026-11-20T02:00:00Z', 1, NULL, 1)",
            (qid,),
        )
    r = admin.verify_audit_file(str(office.path))
    assert not r.ok and any("court_late_marks" in p for p in r.problems), r.problems


def test_an_acknowledgement_planted_for_the_head_is_named(
    office: Office, late_request: int
) -> None:
    """The insider makes the late report look acknowledged (out of the head's inbox)."""
    [(mark, head)] = office.db.conn.execute("SELECT id, reported_to FROM court_late_marks")
    with raw(office.path) as con:
        con.execute(
            "INSERT INTO court_late_acks(mark_id, by_id, at, note) "
            "VALUES (?, ?, '2026-11-23T03:00:00Z', '')",
            (mark, head),
        )
    r = admin.verify_audit_file(str(office.path))
    assert not r.ok and any("court_late_acks" in p for p in r.problems), r.problems
