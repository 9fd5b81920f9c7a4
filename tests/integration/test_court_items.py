"""Issue 14, points 3 and 4, through the services on a real sqlite file: a court's or
procuratorate's request lists its items and stays open until each is transferred or closed
with a reason; past 3 days it is marked late for good and reported to the head once;
conclusion is refused while a pair awaits its handover. Every refusal changes nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta

from conftest import Office, raw_connect
from test_refusals import CASE_A, refused

from keeper_app.domain import codes
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, intake, lookup, transfers
from keeper_app.store import court as court_repo

COURT = "某市中级人民法院"


def witness_pair(office: Office, person: str = "赵证人") -> tuple[str, str, int]:
    """A witness's questioning (not an interrogation) of case A, burned and handed over."""
    s = office.session("H001")
    start = office.clock() - timedelta(hours=3)
    f = ManifestEntry("rec/q-1.mp4", 999, hashlib.sha256(person.encode()).hexdigest())
    rid = intake.register_recording(
        s,
        CASE_A,
        person,
        "witness",
        start,
        start + timedelta(hours=1),
        "询问室",
        [f],
        kind="questioning",
    )
    o, d = intake.register_pair(s, [rid], [f], office.clock())
    intake.handover(
        office.session("K001"),
        o,
        office.cred("H001"),
        office.cred("K001"),
        f"S-{o[:14]}",
        "柜A-09",
        "柜B-09",
    )
    return o, d, rid


def recording_of(office: Office, code: str) -> int:
    return int(
        office.db.conn.execute(
            "SELECT mr.recording_id FROM medium_recordings mr JOIN media m ON m.id=mr.medium_id "
            "WHERE m.code=?",
            (code,),
        ).fetchone()[0]
    )


def transfer(office: Office, qid: int, code: str) -> int:
    return transfers.court_transfer(
        office.session("K001"), qid, code, office.cred("C001"), office.cred("K001")
    )


def request(office: Office, **items) -> int:
    return transfers.register_court_request(
        office.session("K001"),
        CASE_A,
        "court",
        COURT,
        "(2026)刑调字第1号",
        office.clock() - timedelta(hours=1),
        **items,
    )


def the_request(office: Office, qid: int) -> dict:
    [q] = [q for q in lookup.court_requests(office.session("K001"), CASE_A) if q["id"] == qid]
    return q


def verified(office: Office) -> None:
    r = admin.verify_audit_file(office.location)
    assert r.ok, r.problems


def test_a_witness_disc_no_longer_closes_the_request(office: Office) -> None:
    """Issue 14: one witness disc closed a court request while the suspect's interrogation
    discs stayed on the shelf."""
    _, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    _, dw, wid = witness_pair(office)
    qid = request(office, whole_case=True, recordings=[wid])
    q = the_request(office, qid)
    # "all interrogation recordings" expanded at registration, plus the witness asked by name
    assert sorted(i["recording_id"] for i in q["items"]) == sorted(
        [recording_of(office, d1), recording_of(office, d2), wid]
    )
    assert [i["whole_case"] for i in q["items"] if i["recording_id"] == wid] == [False]
    k = office.session("K001")

    transfer(office, qid, dw)
    q = the_request(office, qid)
    assert not q["served"] and sum(not i["closed"] for i in q["items"]) == 2
    assert [x["ref"] for x in lookup.due(k) if x["kind"] == "court_transfer"] == [qid]
    assert "court_transfer" in lookup.scan(k, d1).actions

    transfer(office, qid, d1)
    assert not the_request(office, qid)["served"]
    assert "court_transfer" in lookup.scan(k, d2).actions  # its own item is still open
    transfer(office, qid, d2)
    q = the_request(office, qid)
    assert q["served"] and all(i["closed"] and not i["late"] for i in q["items"])
    assert [x for x in lookup.due(k) if x["kind"] == "court_transfer"] == []
    assert not q["late"]
    verified(office)


def test_the_counter_reads_only_the_items_naming_the_scanned_disc(office: Office) -> None:
    """A whole case's request lists every recording of the case: a scan reads only the
    items that name its pair or its recordings (the 1,000,000-media scan's tail)."""
    o1, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    qid = request(office, whole_case=True)
    conn = office.db.conn
    r1 = recording_of(office, d1)
    pair1 = [office.medium_id(o1), office.medium_id(d1)]
    listed, rows = court_repo.items_naming(conn, qid, pair1, [r1])
    assert listed and [r["recording_id"] for r in rows] == [r1]
    assert not rows[0]["closed"]
    assert court_repo.items_naming(conn, qid, [], []) == (True, [])
    assert court_repo.items_naming(conn, qid, pair1, []) == (True, [])  # items name recordings
    assert court_repo.items_naming(conn, 10_000, pair1, [r1]) == (False, [])
    transfer(office, qid, d1)
    _, rows = court_repo.items_naming(conn, qid, pair1, [r1])
    assert [bool(r["closed"]) for r in rows] == [True]
    k = office.session("K001")
    assert "court_transfer" in lookup.scan(k, d2).actions


def test_a_disc_the_request_does_not_ask_for_is_refused(office: Office) -> None:
    _, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    qid = request(office, recordings=[recording_of(office, d1)])
    assert "court_transfer" not in lookup.scan(office.session("K001"), d2).actions
    with refused(office, "not_requested") as ei:
        transfer(office, qid, d2)
    assert d2 in ei.value.message
    transfer(office, qid, d1)
    # served: the same disc's item cannot be closed twice, nor another disc given
    with refused(office, "wrong_state"):
        transfer(office, qid, d1)


def test_a_disc_item_is_served_by_the_duplicate_of_the_named_original(office: Office) -> None:
    o, d = office.handed_over_pair()
    qid = request(office, discs=[o])
    assert [i["medium_code"] for i in the_request(office, qid)["items"]] == [o]
    transfer(office, qid, d)
    q = the_request(office, qid)
    assert q["served"] and q["items"][0]["transferred_code"] == d


def test_request_items_refused(office: Office) -> None:
    _, dB = office.handed_over_pair("B2026-002", "H003", "李某")
    k = office.session("K001")
    with refused(office, "no_court_items"):
        transfers.register_court_request(k, CASE_A, "court", COURT, "1号", office.clock())
    with refused(office, "no_court_items"):  # no recordings registered yet
        transfers.register_court_request(
            k, CASE_A, "court", COURT, "1号", office.clock(), whole_case=True
        )
    with refused(office, "item_not_of_case"):
        transfers.register_court_request(
            k, CASE_A, "court", COURT, "1号", office.clock(), discs=[dB]
        )
    with refused(office, "item_not_of_case"):
        transfers.register_court_request(
            k, CASE_A, "court", COURT, "1号", office.clock(), recordings=[recording_of(office, dB)]
        )


def test_an_item_closed_with_a_reason(office: Office) -> None:
    _, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    qid = request(office, whole_case=True)
    items = {i["recording_id"]: i["id"] for i in the_request(office, qid)["items"]}
    k = office.session("K001")
    item = items[recording_of(office, d2)]
    with refused(office, "missing_field"):
        transfers.close_court_item(k, item, "  ")
    with refused(office, "unknown_item"):
        transfers.close_court_item(k, 9999, "撤回")
    with refused(office, "role_refused"):
        transfers.close_court_item(office.session("H001"), item, "撤回")
    transfers.close_court_item(k, item, "法院来函撤回该项调取")
    with refused(office, "item_closed"):
        transfers.close_court_item(k, item, "again")
    assert not the_request(office, qid)["served"]
    transfer(office, qid, d1)
    q = the_request(office, qid)
    assert q["served"]
    [closed] = [i for i in q["items"] if i["id"] == item]
    assert closed["reason"] == "法院来函撤回该项调取" and closed["transferred_code"] is None
    verified(office)


def late_marks(office: Office) -> list[tuple]:
    return office.db.conn.execute(
        "SELECT request_id, reported_to, open_items FROM court_late_marks ORDER BY id"
    ).fetchall()


def test_past_three_days_marked_late_once_and_reported(office: Office) -> None:
    """Issue 14: a transfer two days late was accepted with no late mark and no report."""
    _, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    qid = request(office, whole_case=True)
    k = office.session("K001")
    assert transfers.sweep_late_requests(k) == []
    office.clock.advance(days=3)
    # a case handler sees no due board (Art. 21): he makes no sweep
    with refused(office, "role_refused"):
        transfers.sweep_late_requests(office.session("H001"))
    assert late_marks(office) == []
    assert transfers.sweep_late_requests(k) == [qid]
    d001 = office.db.conn.execute("SELECT id FROM people WHERE badge='D001'").fetchone()[0]
    assert [tuple(r) for r in late_marks(office)] == [(qid, d001, 2)]
    inbox = lookup.inbox(office.session("D001"))
    assert [(x["request_id"], x["case_no"], x["open_items"]) for x in inbox["court_late"]] == [
        (qid, CASE_A, 2)
    ]
    assert lookup.inbox(office.session("D002"))["court_late"] == []
    # exactly once
    assert transfers.sweep_late_requests(k) == []
    assert transfers.sweep_late_requests(office.session("D001")) == []
    assert len(late_marks(office)) == 1
    # the head acknowledges the report, signing; only the head it is addressed to, once
    [mark] = inbox["court_late"]
    with refused(office, "not_addressed"):
        transfers.acknowledge_court_late(office.session("D002"), mark["id"], office.cred("D002"))
    with refused(office, "role_refused"):
        transfers.acknowledge_court_late(k, mark["id"], office.cred("K001"))
    with refused(office, "unknown_incident"):
        transfers.acknowledge_court_late(office.session("D001"), 999, office.cred("D001"))
    aid = transfers.acknowledge_court_late(
        office.session("D001"), mark["id"], office.cred("D001"), "已督促移送"
    )
    signed = office.db.conn.execute(
        "SELECT p.badge, s.capacity FROM signatures s JOIN people p ON p.id=s.signer_id "
        "WHERE s.entry_table='court_late_acks' AND s.entry_id=?",
        (aid,),
    ).fetchall()
    assert [tuple(r) for r in signed] == [("D001", "dept_head")]
    assert lookup.inbox(office.session("D001"))["court_late"] == []
    with refused(office, "already_acknowledged"):
        transfers.acknowledge_court_late(office.session("D001"), mark["id"], office.cred("D001"))

    office.clock.advance(hours=2)
    transfer(office, qid, d1)
    q = the_request(office, qid)
    assert q["late"] and not q["served"]
    assert [i["late"] for i in q["items"] if i["closed"]] == [True]
    transfer(office, qid, d2)
    q = the_request(office, qid)
    assert q["served"] and q["late"]  # late for good, also once served
    assert len(late_marks(office)) == 1
    verified(office)


def test_a_late_transfer_marks_the_request_without_a_sweep(office: Office) -> None:
    _, d = office.handed_over_pair()
    qid = request(office, whole_case=True)
    office.clock.advance(days=2, hours=23)
    assert transfers.sweep_late_requests(office.session("K001")) == []
    office.clock.advance(hours=2)
    transfer(office, qid, d)
    q = the_request(office, qid)
    assert q["served"] and q["late"] and q["items"][0]["late"]
    assert [r[0] for r in late_marks(office)] == [qid]
    events = [
        json.loads(p)["details"]
        for (p,) in office.db.conn.execute(
            "SELECT payload FROM audit_events WHERE action='court_transfer'"
        )
    ]
    assert events[-1]["late"] is True
    verified(office)


def test_a_late_mark_stays_when_the_rows_are_edited_the_chain_says_so(office: Office) -> None:
    """The mark is append-only: deleting it is refused by the schema."""
    office.handed_over_pair()
    request(office, whole_case=True)
    office.clock.advance(days=4)
    transfers.sweep_late_requests(office.session("K001"))
    con = raw_connect(office.location)
    try:
        for sql in ("DELETE FROM court_late_marks", "UPDATE court_late_marks SET open_items=0"):
            try:
                con.execute(sql)
            except sqlite3.DatabaseError as e:
                assert "append-only: court_late_marks" in str(e)
            else:
                raise AssertionError(sql)
    finally:
        con.close()


def test_conclusion_refused_while_a_pair_awaits_handover(office: Office) -> None:
    """Issue 14 point 4: a case concluded while a burned pair awaited handover could never
    bring it into custody nor be archived."""
    office.handed_over_pair()
    o, d = office.new_pair(person="李某")
    with refused(office, "pairs_await_handover") as ei:
        transfers.conclude_case(office.session("H001"), CASE_A)
    assert o in ei.value.message and d in ei.value.message
    k = office.session("K001")
    assert "handover" in lookup.scan(k, o).actions
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-X1", "柜A-02", "柜B-02")
    transfers.conclude_case(office.session("H001"), CASE_A)
    verified(office)


def test_transfer_after_conclusion(office: Office) -> None:
    """A concluded case's duplicate still goes to the court that asks for it."""
    _, d = office.handed_over_pair()
    transfers.conclude_case(office.session("H001"), CASE_A)
    qid = request(office, whole_case=True)
    assert "court_transfer" in lookup.scan(office.session("K001"), d).actions
    transfer(office, qid, d)
    assert the_request(office, qid)["served"]
    verified(office)


def test_the_printed_transfer_list_shows_the_items_and_the_late_mark(office: Office, tmp_path):
    from printing_tools import pdf_text, squash

    from keeper_app.services import documents
    from printing.reports import court_transfer_list_pdf

    _, d1 = office.handed_over_pair(person="王某某")
    _, d2 = office.handed_over_pair(person="李某")
    qid = request(office, whole_case=True)
    office.clock.advance(days=3, hours=1)
    transfer(office, qid, d1)
    k = office.session("K001")
    data = documents.court_transfer_list(k, qid)
    assert data["late"] and data["open"]
    assert [i["late"] for i in data["items"]] == [True]
    assert [(a["transferred_code"], a["late"]) for a in data["asked"]] == [
        (d1, True),
        (None, False),
    ]
    pdf = tmp_path / "court.pdf"
    court_transfer_list_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    for word in (
        "调取内容",
        "王某某",
        "李某",
        "犯罪嫌疑人",
        f"已移送{codes.parse(d1).pretty}",
        "尚未移送",
        "已逾期（超过3日）",
        "逾期",
    ):
        assert squash(word) in flat, word
    transfers.close_court_item(k, data["asked"][1]["id"], "法院撤回")
    data = documents.court_transfer_list(k, qid)
    assert data["late"] and not data["open"]  # done, and late for good
    pdf2 = tmp_path / "court2.pdf"
    court_transfer_list_pdf(data, pdf2)
    flat = squash(pdf_text(pdf2))
    assert squash("未移送：法院撤回") in flat and squash("已办结") in flat


def stored_recording(office: Office, person: str) -> tuple[int, ManifestEntry]:
    """An interrogation registered (its files on the storage device), never burned."""
    s = office.session("H001")
    start = office.clock() - timedelta(hours=5)
    f = ManifestEntry("rec/i-9.mp4", 4321, hashlib.sha256(person.encode()).hexdigest())
    rid = intake.register_recording(
        s, CASE_A, person, "suspect", start, start + timedelta(hours=1), "讯问室2", [f]
    )
    return rid, f


def test_transcription_for_a_court_after_conclusion(office: Office) -> None:
    """Issue 14 point 4: recordings only on the storage device could not be burned for a
    court after conclusion."""
    _, d1 = office.handed_over_pair(person="王某某")
    rid, f = stored_recording(office, "钱某")
    other, f2 = stored_recording(office, "孙某")
    transfers.conclude_case(office.session("H001"), CASE_A)
    qid = request(office, recordings=[recording_of(office, d1), rid])
    h = office.session("H001")
    with refused(office, "case_not_open") as ei:  # not asked for: no burning after conclusion
        intake.register_pair(h, [other], [f2], office.clock())
    assert f"recording #{other}" in ei.value.message
    o, d = intake.register_pair(h, [rid], [f], office.clock())
    k = office.session("K001")
    assert lookup.scan(k, o).actions == ["handover"]
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-T1", "柜A-05", "柜B-05")
    assert lookup.scan(k, d).status == "in_custody"
    transfer(office, qid, d1)
    transfer(office, qid, d)
    assert the_request(office, qid)["served"]
    # nothing left half-way: the case goes to the archives
    transfers.archive_handover(
        k, CASE_A, [lookup.scan(k, d1).partner["code"], o], office.cred("K001"), office.cred("A001")
    )
    verified(office)
