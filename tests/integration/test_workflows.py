"""Whole custody workflows end to end through the services, on the real sqlite file.

Each test ends with the audit chain verified (the autouse fixture below), so every workflow
also proves that it anchored every row it wrote and that every signature it made verifies.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, intake, lookup, transfers
from keeper_app.store import audit, entries
from keeper_app.timeutil import show, to_db

CASE_A = "A2026-001"  # 刑事侦查大队 (head D001), handlers H001, H002
CASE_B = "B2026-002"  # 禁毒大队 (head D002), handler H003


@pytest.fixture(autouse=True)
def _audit_verifies_after_each_workflow(office):
    yield
    result = admin.verify_audit(office.db)
    assert result.ok, result.problems
    assert result.first_bad_seq is None


def sigs(office, table: str, entry_id: int) -> list[tuple[str, str]]:
    return [
        (r["badge"], r["capacity"]) for r in entries.signatures(office.db.conn, table, entry_id)
    ]


def row(office, table: str, entry_id: int) -> dict:
    return audit.read_row(office.db.conn, table, entry_id)


def pair_of_case_b(office, **kw):
    return office.handed_over_pair(CASE_B, "H003", "李某", **kw)


# ------------------------------------------------------------------ intake
def test_register_recording_and_pair_gives_two_burned_discs_of_one_serial(office):
    h = office.session("H001")
    o, d = office.new_pair()
    oc, dc = codes.parse(o), codes.parse(d)
    assert (oc.copy, dc.copy) == ("O", "D")
    assert (oc.unit, oc.year, oc.serial) == (dc.unit, dc.year, dc.serial) == ("3101", 2026, 1)
    assert oc.partner() == dc

    rec = lookup.scan(h, o)
    assert rec.status == "burned" and rec.copy_role == "original"
    assert rec.partner == {"code": d, "copy_role": "duplicate", "status": "burned"}
    assert rec.label == {
        "production_unit": "某市公安局",
        "producer": "张办案",
        "production_time": show(office.clock()),
        "person_interrogated": "王某某",
        "case_name": "王某某故意伤害案",
        "case_number": CASE_A,
    }
    assert [r["person_name"] for r in rec.recordings] == ["王某某"]
    assert rec.seal_no == "" and rec.location == ""
    assert [(x["kind"], x["late"]) for x in rec.due] == [("handover", False)]
    assert lookup.scan(h, d).status == "burned"

    # both discs carry the one manifest
    conn = office.db.conn
    mids = {r[0] for r in conn.execute("SELECT manifest_id FROM media WHERE code IN (?,?)", (o, d))}
    assert len(mids) == 1

    # the next pair takes the next serial
    o2, d2 = office.new_pair(person="王某某")
    assert codes.parse(o2).serial == codes.parse(d2).serial == 2


def test_handover_seals_the_original_and_shelves_the_duplicate(office):
    o, d = office.new_pair()
    office.clock.advance(hours=3)
    k = office.session("K001")
    hid = intake.handover(
        k,
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-0001",
        "柜A-01",
        "柜B-01",
        note="two discs in good order",
    )
    assert sigs(office, "handovers", hid) == [("H001", "case_handler"), ("K001", "keeper")]
    h = row(office, "handovers", hid)
    assert (h["seal_no"], h["original_location"], h["duplicate_location"]) == (
        "S-0001",
        "柜A-01",
        "柜B-01",
    )
    assert h["late_reason"] is None and h["at"] == to_db(office.clock())

    ro, rd = lookup.scan(k, o), lookup.scan(k, d)
    assert (ro.status, ro.seal_no, ro.location) == ("sealed", "S-0001", "柜A-01")
    assert (rd.status, rd.seal_no, rd.location) == ("in_custody", "", "柜B-01")
    assert ro.due == [] and rd.due == []
    seal = entries.last_seal_event(office.db.conn, office.medium_id(o))
    assert seal is not None and (seal["kind"], seal["seal_no"]) == ("seal", "S-0001")
    # the seal and the handover are one change, written at one time
    assert sorted(x["kind"] for x in ro.history) == ["handover", "seal"]
    assert {x["at"] for x in ro.history} == {show(office.clock())}
    assert not lookup.inbox(office.session("D001"))["incidents"]  # on time: nothing to report


def test_handover_by_scanning_the_duplicate_hands_over_the_pair(office):
    o, d = office.new_pair()
    k = office.session("K001")
    intake.handover(k, d, office.cred("H002"), office.cred("K001"), "S-0002", "柜A-02", "柜B-02")
    assert lookup.scan(k, o).status == "sealed"
    assert lookup.scan(k, d).status == "in_custody"


# ------------------------------------------------------------------ the register
def test_retrieve_and_return_intact(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    out_at = office.clock()
    rid = office.retrieve(
        k,
        d,
        office.cred("H001"),
        office.cred("K001"),
        "D001",
        "case_handling",
        4,
        purpose="补充侦查",
    )
    assert sigs(office, "retrievals", rid) == [("H001", "retriever"), ("K001", "keeper")]
    [e] = lookup.register(k, code=d)
    assert e["id"] == rid
    assert (e["retriever"], e["retriever_badge"], e["retriever_unit"]) == (
        "张办案",
        "H001",
        "某市公安局",
    )
    assert (e["out_at"], e["reason"], e["est_usage_hours"], e["approver"], e["keeper"]) == (
        show(out_at),
        "case_handling",
        4,
        "周大队长",
        "李保管",
    )
    assert e["purpose"] == "补充侦查" and e["return_id"] is None

    rec = lookup.scan(k, d)
    assert rec.status == "out"
    assert rec.open_entry is not None
    assert rec.open_entry["id"] == rid and rec.open_entry["retriever_badge"] == "H001"
    assert rec.open_entry["out_at"] == show(out_at)
    assert rec.open_entry["due_at"] == show(out_at + timedelta(hours=4))
    assert rec.actions == ["return"]
    assert [(x["kind"], x["late"], x["ref"]) for x in rec.due] == [("return", False, rid)]
    assert lookup.scan(k, o).partner == {"code": d, "copy_role": "duplicate", "status": "out"}
    assert lookup.register(k, open_only=True)[0]["id"] == rid

    office.clock.advance(hours=3)
    # no read-back of the disc was made: the return says so, with the reason (issue 14)
    xid = custody.return_medium(
        k,
        d,
        office.cred("H001"),
        office.cred("K001"),
        "intact",
        "not_checked",
        unchecked_reason="光驱故障，目视检查完好",
    )
    assert sigs(office, "returns", xid) == [("H001", "returner"), ("K001", "keeper")]
    [e] = lookup.register(k, code=d)
    assert (e["return_id"], e["returned_at"], e["inspection"], e["verification"]) == (
        xid,
        show(office.clock()),
        "intact",
        "not_checked",
    )
    check = entries.return_check(office.db.conn, xid)
    assert check is not None
    assert (check["verification_id"], check["reason"]) == (None, "光驱故障，目视检查完好")
    assert lookup.register(k, open_only=True) == []
    rec = lookup.scan(k, d)
    assert rec.status == "in_custody" and rec.open_entry is None and rec.due == []
    assert [h["kind"] for h in rec.history][:2] == ["return", "retrieval"]
    assert entries.incidents(office.db.conn) == []


def test_a_reviewer_retrieves_for_case_review(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    rid = office.retrieve(k, d, office.cred("R001"), office.cred("K001"), "D001", "case_review", 8)
    [e] = lookup.register(k, badge="R001")
    assert e["id"] == rid and e["retriever"] == "孙法制" and e["reason"] == "case_review"


@pytest.mark.parametrize("inspection", ["damaged", "replaced", "lost"])
@pytest.mark.parametrize(
    "case_no, handler, person, head, other_head",
    [
        (CASE_A, "H001", "王某某", "D001", "D002"),
        (CASE_B, "H003", "李某", "D002", "D001"),
    ],
)
def test_return_not_intact_reports_to_the_head_of_the_case_department(
    office, inspection, case_no, handler, person, head, other_head
):
    o, d = office.handed_over_pair(case_no, handler, person)
    k = office.session("K001")
    office.retrieve(k, d, office.cred(handler), office.cred("K001"), head, "case_handling", 6)
    office.clock.advance(hours=5)  # within the estimated usage time: not late
    what = {
        "damaged": "disc scratched, fails to read at 60%",
        "replaced": "a different disc came back: volume id does not match",
        "lost": "the retriever reports the disc lost in transit",
    }[inspection]
    xid = custody.return_medium(
        k,
        d,
        office.cred(handler),
        office.cred("K001"),
        inspection,
        "not_checked",  # no read-back was recorded (a read-back's mismatch: test_burning_pair)
        note=what,
        unchecked_reason="未回读",
    )
    assert lookup.scan(k, d).status == inspection
    assert row(office, "returns", xid)["inspection"] == inspection

    [inc] = entries.incidents(office.db.conn)
    assert (inc["kind"], inc["code"], inc["case_no"], inc["description"]) == (
        inspection,
        d,
        case_no,
        what,
    )
    assert inc["acknowledged_at"] is None
    head_s = office.session(head)
    box = lookup.inbox(head_s)
    assert [i["id"] for i in box["incidents"]] == [inc["id"]]
    assert lookup.inbox(office.session(other_head))["incidents"] == []
    raw = entries.incident(office.db.conn, inc["id"])
    assert raw is not None and raw["return_id"] == xid
    assert (
        raw["reported_by"]
        == office.db.conn.execute("SELECT id FROM people WHERE badge='K001'").fetchone()[0]
    )

    office.clock.advance(hours=1)
    aid = custody.acknowledge_incident(head_s, inc["id"], office.cred(head), "已知悉")
    assert sigs(office, "incident_acks", aid) == [(head, "dept_head")]
    assert lookup.inbox(head_s)["incidents"] == []
    [inc] = entries.incidents(office.db.conn)
    assert inc["acknowledged_at"] == to_db(office.clock())
    # a disc that is not back in custody offers nothing more at the counter
    assert lookup.scan(k, d).actions == []


# ------------------------------------------------------------------ the original
def test_unseal_with_the_heads_approval_then_reseal_with_a_new_seal(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    first_seal = lookup.scan(k, o).seal_no
    aid = custody.request_unseal(
        k,
        o,
        "check_duplicate",
        "doubt about the duplicate",
        doubted_by="辩护律师王某",
        doubt="副本时间码不连续",
    )
    head = office.session("D001")
    [pending] = lookup.inbox(head)["approvals"]
    assert (pending["id"], pending["code"], pending["reason"], pending["requested_by"]) == (
        aid,
        o,
        "check_duplicate",
        "李保管",
    )
    assert lookup.inbox(office.session("D002"))["approvals"] == []

    office.clock.advance(minutes=30)
    did = custody.decide_approval(head, aid, office.cred("D001"), True, "同意")
    assert sigs(office, "approval_decisions", did) == [("D001", "approver")]
    assert lookup.inbox(head)["approvals"] == []

    office.clock.advance(minutes=10)
    sid = custody.unseal(k, o, aid, office.cred("K001"), office.cred("K002"))
    assert sigs(office, "seal_events", sid) == [("K001", "keeper"), ("K002", "witness")]
    ev = row(office, "seal_events", sid)
    assert (ev["kind"], ev["seal_no"], ev["approval_id"]) == ("unseal", first_seal, aid)
    rec = lookup.scan(k, o)
    assert rec.status == "unsealed"
    assert [(x["kind"], x["late"]) for x in rec.due] == [("reseal", False)]
    assert rec.actions == ["reseal", "set_location"]

    office.clock.advance(hours=2)
    sid2 = custody.reseal(
        k,
        o,
        "S-NEW-0001",
        office.cred("K001"),
        office.cred("K002"),
        "resealed after the check",
        inspection="intact",
    )
    assert sigs(office, "seal_events", sid2) == [("K001", "sealer"), ("K002", "sealer")]
    ev2 = row(office, "seal_events", sid2)
    assert (ev2["kind"], ev2["seal_no"], ev2["at"]) == (
        "reseal",
        "S-NEW-0001",
        to_db(office.clock()),
    )
    rec = lookup.scan(k, o)
    assert (rec.status, rec.seal_no, rec.due) == ("sealed", "S-NEW-0001", [])
    # the reseal with its inspection, the unsealing with the use of the original (Art. 18)
    hist = [(h["kind"], h["detail"]) for h in rec.history]
    assert set(hist[:2]) == {("reseal", "S-NEW-0001"), ("inspection", "intact")}
    assert set(hist[2:4]) == {("unseal", first_seal), ("original_use", "check_duplicate, 8 h")}


def test_a_case_handler_may_ask_to_unseal_and_a_refusal_is_recorded(office):
    o, d = office.handed_over_pair()
    aid = custody.request_unseal(
        office.session("H002"),
        o,
        "check_duplicate",
        doubted_by="辩护律师王某",
        doubt="副本时间码不连续",
    )
    head = office.session("D001")
    did = custody.decide_approval(head, aid, office.cred("D001"), False, "不同意")
    assert row(office, "approval_decisions", did)["decision"] == "refused"
    assert lookup.scan(office.session("K001"), o).status == "sealed"
    # a refused request no longer blocks a new one
    aid2 = custody.request_unseal(
        office.session("K001"),
        o,
        "check_duplicate",
        doubted_by="辩护律师王某",
        doubt="副本时间码不连续",
    )
    assert aid2 != aid


# ------------------------------------------------------------------ courts and archives
def test_court_request_then_transfer_of_the_duplicate(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    requested = office.clock() - timedelta(hours=6)
    qid = transfers.register_court_request(
        office.session("H001"),
        CASE_A,
        "court",
        "某市中级人民法院",
        "(2026)刑调字第1号",
        requested,
        whole_case=True,
    )
    due = lookup.due(k)
    assert [(x["kind"], x["ref"], x["late"]) for x in due] == [("court_transfer", qid, False)]
    assert due[0]["due_at"] == show(requested + timedelta(days=3))
    assert [x["kind"] for x in lookup.scan(k, d).due] == ["court_transfer"]

    office.clock.advance(hours=20)
    tid = transfers.court_transfer(k, qid, d, office.cred("C001"), office.cred("K001"))
    assert sigs(office, "court_transfers", tid) == [("C001", "recipient"), ("K001", "keeper")]
    rec = lookup.scan(k, d)
    assert rec.status == "transferred" and rec.due == []
    assert rec.actions == ["transfer_package"]  # its package, written (again) later (issue 16)
    assert rec.history[0]["kind"] == "court_transfer"
    assert rec.history[0]["detail"] == "某市中级人民法院"
    assert lookup.due(k) == []
    assert lookup.scan(k, o).status == "sealed"


def test_conclude_and_hand_everything_to_the_archives(office):
    o1, d1 = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="王某某")
    k = office.session("K001")
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(
        k, d2, office.cred("H001"), office.cred("K001"), "lost", note="lost by the retriever"
    )
    custody.acknowledge_incident(
        office.session("D001"), entries.incidents(office.db.conn)[0]["id"], office.cred("D001")
    )

    cid = transfers.conclude_case(office.session("H002"), CASE_A, "侦查终结")
    assert row(office, "case_conclusions", cid)["note"] == "侦查终结"
    assert intake.case_by_no(k, CASE_A).status.value == "concluded"

    expected = transfers.archive_expected(k, CASE_A)
    assert {(x["code"], x["status"]) for x in expected} == {
        (o1, "sealed"),
        (d1, "in_custody"),
        (o2, "sealed"),
        (d2, "lost"),
    }

    # the scanned list must match what is held: one missing is refused
    with pytest.raises(RuleViolation) as ei:
        transfers.archive_handover(k, CASE_A, [o1, d1], office.cred("K001"), office.cred("A001"))
    assert ei.value.code == "archive_missing" and o2 in ei.value.message

    scanned = [codes.parse(o1).pretty, d1.lower(), o2]  # typed forms are accepted too
    aid = transfers.archive_handover(k, CASE_A, scanned, office.cred("K001"), office.cred("A001"))
    assert sigs(office, "archive_handovers", aid) == [("K001", "keeper"), ("A001", "recipient")]
    assert json.loads(row(office, "archive_handovers", aid)["media_codes"]) == sorted([o1, d1, o2])
    assert {c: lookup.scan(k, c).status for c in (o1, d1, o2, d2)} == {
        o1: "archived",
        d1: "archived",
        o2: "archived",
        d2: "lost",
    }
    assert intake.case_by_no(k, CASE_A).status.value == "archived"
    assert lookup.scan(k, o1).case_status == "archived"
    assert lookup.scan(k, o1).actions == []
    # the other case is untouched
    assert intake.case_by_no(k, CASE_B).status.value == "open"


# ------------------------------------------------------------------ shelf and corrections
def test_set_location_moves_a_disc_and_is_in_its_history(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    lid = custody.set_location(k, d, "  柜C-03  ")
    assert row(office, "location_changes", lid)["location"] == "柜C-03"
    rec = lookup.scan(k, d)
    assert rec.location == "柜C-03"
    assert (rec.history[0]["kind"], rec.history[0]["detail"]) == ("location", "柜C-03")
    assert lookup.media(k, location="柜C")[0]["code"] == d


def test_a_correction_points_to_the_old_entry_and_leaves_it_unchanged(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    h = office.session("H001")  # the label is the case handler's (Art. 17, issue 14)
    mid = office.medium_id(o)
    office.clock.advance(hours=1)
    before = office.db.conn.execute("SELECT * FROM media WHERE id=?", (mid,)).fetchone()
    cid = admin.correct(
        h,
        "media",
        mid,
        "label.person_interrogated",
        "王某甲",
        "name misspelt on the label",
        office.cred("H001"),
    )
    c = row(office, "corrections", cid)
    assert (c["target_table"], c["target_id"], c["field"], c["old_value"], c["new_value"]) == (
        "media",
        mid,
        "label.person_interrogated",
        "王某某",
        "王某甲",
    )
    assert c["reason"] == "name misspelt on the label"
    assert sigs(office, "corrections", cid) == [("H001", "corrector")]
    after = office.db.conn.execute("SELECT * FROM media WHERE id=?", (mid,)).fetchone()
    assert tuple(after) == tuple(before)
    assert json.loads(after["label"])["person_interrogated"] == "王某某"

    rec = lookup.scan(k, o)
    assert rec.label["person_interrogated"] == "王某甲"
    assert [x["id"] for x in rec.corrections] == [cid]
    assert rec.history[0]["kind"] == "correction"
    # the partner disc carries the same label: corrected with it, by its own entry (issue 14)
    partner = lookup.scan(k, d)
    assert partner.label["person_interrogated"] == "王某甲"
    assert [x["id"] for x in partner.corrections] == [cid + 1]

    # a second correction starts from the corrected value
    office.clock.advance(minutes=5)
    cid2 = admin.correct(
        h,
        "media",
        mid,
        "label.person_interrogated",
        "王某乙",
        "second look at the record",
        office.cred("H001"),
    )
    assert row(office, "corrections", cid2)["old_value"] == "王某甲"
    assert lookup.scan(k, o).label["person_interrogated"] == "王某乙"
    assert lookup.scan(k, d).label["person_interrogated"] == "王某乙"


def test_correct_a_register_entry(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    rid = office.retrieve(
        k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    cid = admin.correct(
        k,
        "retrievals",
        rid,
        "est_usage_hours",
        "6",
        "6 hours were approved; 4 was typed at the counter",
        office.cred("K001"),
    )
    c = row(office, "corrections", cid)
    assert (c["old_value"], c["new_value"]) == ("4", "6")
    assert row(office, "retrievals", rid)["est_usage_hours"] == 4  # never edited in place


# ------------------------------------------------------------------ late and due
def test_late_handover_with_a_reason_creates_an_incident_for_the_head(office):
    burned = office.clock() - timedelta(hours=30)
    o, d = office.new_pair(burned_at=burned)
    k = office.session("K001")
    due = lookup.due(k)
    assert [(x["kind"], x["late"]) for x in due] == [("handover", True)]
    hid = intake.handover(
        k,
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-LATE-1",
        "柜A-09",
        "柜B-09",
        late_reason="suspect transferred overnight",
    )
    assert row(office, "handovers", hid)["late_reason"] == "suspect transferred overnight"
    [inc] = entries.incidents(office.db.conn)
    assert (inc["kind"], inc["code"], inc["reported_to"]) == ("late_handover", o, "周大队长")
    assert "30.0 小时" in inc["description"]
    assert "suspect transferred overnight" in inc["description"]
    assert entries.incident(office.db.conn, inc["id"])["handover_id"] == hid
    assert [i["kind"] for i in lookup.inbox(office.session("D001"))["incidents"]] == [
        "late_handover"
    ]
    assert lookup.inbox(office.session("D002"))["incidents"] == []
    assert lookup.due(k) == []
    assert ("handover", "suspect transferred overnight") in {
        (h["kind"], h["detail"]) for h in lookup.scan(k, o).history
    }


def test_due_shows_what_is_late_as_the_clock_advances(office):
    k = office.session("K001")
    assert lookup.due(k) == []

    def state() -> list[tuple[str, bool]]:
        return [(x["kind"], x["late"]) for x in lookup.due(k)]

    # a handover is due 24 h after burning
    o1, d1 = office.new_pair()
    assert state() == [("handover", False)]
    assert lookup.due(k)[0]["code"][:14] == o1[:14]
    office.clock.advance(hours=23, minutes=59)
    assert state() == [("handover", False)]
    office.clock.advance(minutes=2)
    assert state() == [("handover", True)]
    intake.handover(
        k, o1, office.cred("H001"), office.cred("K001"), "S-1", "A", "B", late_reason="weekend"
    )

    # a return is due at the end of the estimated usage time
    rid = office.retrieve(
        k, d1, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    assert state() == [("return", False)]
    assert lookup.due(k)[0]["ref"] == rid and "张办案" in lookup.due(k)[0]["what"]
    office.clock.advance(hours=5)
    assert state() == [("return", True)]
    assert lookup.scan(k, d1).due[0]["late"] is True
    custody.return_medium(k, d1, office.cred("H001"), office.cred("K001"), "intact")
    assert state() == []

    # a court or procuratorate is served within 3 days, flagged a day before
    qid = transfers.register_court_request(
        k,
        CASE_A,
        "procuratorate",
        "某市人民检察院",
        "检调[2026]7号",
        office.clock(),
        whole_case=True,
    )
    [x] = lookup.due(k)
    assert (x["kind"], x["ref"], x["late"], x["soon"]) == ("court_transfer", qid, False, False)
    office.clock.advance(days=2, hours=1)
    [x] = lookup.due(k)
    assert (x["late"], x["soon"]) == (False, True)
    office.clock.advance(days=1)
    [x] = lookup.due(k)
    assert (x["late"], x["soon"]) == (True, False)

    # an unsealed original is resealed the same day (8 h)
    aid = custody.request_unseal(
        k, o1, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    custody.unseal(k, o1, aid, office.cred("K001"), office.cred("K002"))
    assert sorted(state()) == [("court_transfer", True), ("reseal", False)]
    assert state()[0] == ("court_transfer", True)  # late first
    office.clock.advance(hours=9)
    assert state() == [("court_transfer", True), ("reseal", True)]
    custody.reseal(k, o1, "S-2", office.cred("K001"), office.cred("K002"), inspection="intact")
    transfers.court_transfer(k, qid, d1, office.cred("C001"), office.cred("K001"))
    assert state() == []

    # several at once: late ones first, each sorted by due time
    o2, d2 = office.new_pair(person="王某某")
    office.clock.advance(hours=1)
    o3, d3 = office.new_pair(case_no=CASE_B, handler="H003", person="李某")
    office.clock.advance(hours=24)
    due = lookup.due(k)
    assert [(x["kind"], x["case_no"], x["late"]) for x in due] == [
        ("handover", CASE_A, True),
        # B is a major case: its recording is due to go with the review submission (Art. 22)
        ("major_review", CASE_B, False),
        ("handover", CASE_B, False),
    ]


# ------------------------------------------------------------------ the counter
def test_scan_shows_partner_open_entry_due_actions_by_role_and_history(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    # the counter offers what the record allows: no court transfer without a request, no
    # archive handover before the case is concluded, no unseal without an approval
    assert lookup.scan(k, d).actions == ["retrieve", "set_location"]
    assert lookup.scan(k, o).actions == ["request_unseal", "set_location"]
    assert lookup.scan(office.session("H001"), o).actions == ["request_unseal"]
    assert lookup.scan(office.session("H001"), d).actions == []
    assert lookup.scan(office.session("D001"), o).actions == []
    assert lookup.scan(office.session("R001"), d).actions == []
    # reviewers may look, and so may the case's other handler; the head of another
    # department may not (Art. 21: departmental responsibilities)
    with pytest.raises(RuleViolation) as ei:
        lookup.scan(office.session("D002"), d)
    assert ei.value.code == "not_your_department"
    assert lookup.scan(office.session("H002"), d).code == d

    aid = custody.request_unseal(
        k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    assert lookup.scan(k, o).actions == ["set_location"]  # waiting for the head
    assert lookup.scan(office.session("H001"), o).actions == []
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    assert lookup.scan(k, o).actions == ["unseal", "set_location"]
    qid = transfers.register_court_request(
        k, CASE_A, "court", "某市中级人民法院", "1号", office.clock(), whole_case=True
    )
    assert lookup.scan(k, d).actions == ["retrieve", "court_transfer", "set_location"]

    office.clock.advance(hours=1)
    office.retrieve(
        k, d, office.cred("H002"), office.cred("K001"), "D001", "case_handling", 3, purpose="辨认"
    )
    office.clock.advance(hours=1)
    custody.set_location(k, o, "柜A-77")
    rec = lookup.scan(k, codes.parse(d).pretty.lower())
    assert rec.code == d and rec.pretty == codes.parse(d).pretty
    assert rec.partner == {"code": o, "copy_role": "original", "status": "sealed"}
    assert rec.open_entry is not None
    assert {
        k_: rec.open_entry[k_]
        for k_ in ("retriever_name", "retriever_badge", "reason", "est_usage_hours", "purpose")
    } == {
        "retriever_name": "刘办案",
        "retriever_badge": "H002",
        "reason": "case_handling",
        "est_usage_hours": 3,
        "purpose": "辨认",
    }
    assert [(x["kind"], x["late"]) for x in rec.due] == [("return", False)]
    assert [h["kind"] for h in rec.history] == ["retrieval", "handover"]
    assert rec.case_no == CASE_A and rec.case_name == "王某某故意伤害案"
    assert rec.department == "刑事侦查大队" and rec.case_status == "open"
    assert rec.to_dict()["open_entry"]["retriever_badge"] == "H002"
    assert qid in [x["ref"] for x in lookup.due(k) if x["kind"] == "court_transfer"]
    ro = lookup.scan(k, o)
    assert ro.location == "柜A-77"
    assert [h["kind"] for h in ro.history][0] == "location"
    assert sorted(h["kind"] for h in ro.history[1:]) == ["handover", "seal"]


def test_every_change_appends_exactly_one_event_and_the_chain_verifies(office):
    """One event per change; the sign-in bookkeeping (every password check records its
    attempt first, issue 10) is counted apart (office.changes())."""

    def events() -> int:
        return len(office.changes())

    n = events()
    o, d = office.new_pair()  # register_recording + register_pair
    assert events() == n + 2
    k = office.session("K001")
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-9", "A", "B")
    assert events() == n + 3
    # the request, the head's decision, the retrieval: one event each (Art. 20)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    assert events() == n + 6
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="cracked")
    assert events() == n + 7
    total = admin.verify_audit(office.db).events
    lookup.scan(k, d)
    lookup.due(k)
    lookup.register(k)
    # reading changes nothing, and each reading is logged: one signed event, no row (issue 14)
    assert admin.verify_audit(office.db).events == total + 3
    last = office.db.conn.execute(
        "SELECT action, payload FROM audit_events ORDER BY seq DESC LIMIT 3"
    ).fetchall()
    assert [a for a, _ in last] == ["read"] * 3
    assert all(json.loads(p)["rows"] == [] for _, p in last)
    result = admin.verify_audit(office.db)
    # handover 2, retrieval approval 1, retrieval 2, return 2; and the heads'
    # countersignatures of the office's people
    assert result.ok and result.signatures == 7 + 9
    assert result.rows > 0 and len(result.head_hash) == 64
