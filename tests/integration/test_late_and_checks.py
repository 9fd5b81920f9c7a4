"""Late means reported, claims are checks (issue 14), through the services on a real sqlite
file: each lateness is marked on its entry and reported to the head of the case's department
the moment it is late (the sweep), exactly once, and the late act finally done reports no
second incident; a verified return rests on a read-back; an inventory's missing disc is lost
and reported. ``keeper audit verify`` passes on a database that used them all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from conftest import raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, findings, intake, lateness, lookup
from keeper_app.store import entries
from keeper_app.timeutil import show

CASE_A = "A2026-001"  # 刑事侦查大队 (head D001), handlers H001, H002
CASE_B = "B2026-002"  # 禁毒大队 (head D002), handler H003


@contextmanager
def refused(office, code: str) -> Iterator[pytest.ExceptionInfo[RuleViolation]]:
    """The body must raise RuleViolation(code) and change nothing at all."""
    before = office.snapshot()
    changes = office.changes()
    with pytest.raises(RuleViolation) as ei:
        yield ei
    assert ei.value.code == code, f"{ei.value.code}: {ei.value.message}"
    assert office.snapshot() == before
    assert office.changes() == changes


def incidents(office, kind: str | None = None) -> list[dict]:
    return [i for i in entries.incidents(office.db.conn) if kind is None or i["kind"] == kind]


def marks(office) -> list[tuple[str, int, int]]:
    return [
        (str(r[0]), int(r[1]), int(r[2]))
        for r in office.db.conn.execute(
            "SELECT kind, entry_id, incident_id FROM late_marks ORDER BY id"
        )
    ]


def verified(office) -> None:
    res = admin.verify_audit(office.db)
    assert res.ok, res.problems


# ------------------------------------------------------------------ Art. 20: late return
def test_a_late_return_is_reported_when_it_becomes_late_and_only_once(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    rid = office.retrieve(
        k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    office.clock.advance(hours=3)
    assert lateness.sweep(office.session("K001")).marked == []  # not late yet
    office.clock.advance(hours=2)
    assert lookup.register(k, code=d)[0]["late_reported_at"] == ""
    res = lateness.sweep(office.session("K001"))
    [iid] = res.marked
    assert marks(office) == [("return", rid, iid)]
    swept_at = show(office.clock())
    assert lookup.register(k, code=d)[0]["late_reported_at"] == swept_at  # on the entry
    [inc] = incidents(office)
    assert (inc["kind"], inc["code"], inc["case_no"]) == ("late_return", d, CASE_A)
    assert "未归还" in inc["description"]
    # the head of the case's department has it in the inbox; the other head not
    assert [i["id"] for i in lookup.inbox(office.session("D001"))["incidents"]] == [iid]
    assert lookup.inbox(office.session("D002"))["incidents"] == []
    assert [a for _, a in office.changes()][-1] == "mark_late"
    # swept again (the next refresh, another counter): nothing new
    assert lateness.sweep(office.session("K002")).marked == []
    office.clock.advance(hours=5)
    # finally returned, late: no second incident for the same lateness
    custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "intact", unchecked_reason="未回读"
    )
    assert [i["id"] for i in incidents(office)] == [iid]
    assert marks(office) == [("return", rid, iid)]
    assert lookup.register(k, code=d)[0]["late_reported_at"] == swept_at  # for good
    custody.acknowledge_incident(office.session("D001"), iid, office.cred("D001"))
    assert lookup.inbox(office.session("D001"))["incidents"] == []
    verified(office)


def test_a_return_late_that_no_sweep_found_is_reported_by_the_return(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    rid = office.retrieve(
        k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2
    )
    office.clock.advance(hours=3)
    xid = custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "intact", unchecked_reason="未回读"
    )
    [inc] = incidents(office)
    assert inc["kind"] == "late_return"
    assert marks(office) == [("return", rid, inc["id"])]
    assert entries.incident(office.db.conn, inc["id"])["return_id"] == xid
    verified(office)


def test_a_return_in_time_marks_nothing(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    office.clock.advance(hours=1)
    custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "intact", unchecked_reason="未回读"
    )
    office.clock.advance(hours=5)
    assert lateness.sweep(k).marked == []
    assert incidents(office) == [] and marks(office) == []


# ------------------------------------------------------------------ Art. 16-17: handover
def test_a_pair_not_handed_over_is_reported_at_24_hours_and_the_late_handover_adds_none(office):
    o, d = office.new_pair()
    office.clock.advance(hours=23)
    assert lateness.sweep(office.session("K001")).marked == []
    office.clock.advance(hours=2)
    [iid] = lateness.sweep(office.session("K001")).marked
    [inc] = incidents(office)
    assert (inc["kind"], inc["code"]) == ("late_handover", o)
    assert marks(office) == [("handover", office.medium_id(o), iid)]
    office.clock.advance(hours=3)
    hid = intake.handover(
        office.session("K001"),
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-LATE-1",
        "柜A-01",
        "柜B-01",
        late_reason="外出抓捕，无法及时移交",
    )
    # the handover keeps its reason; the head was told once, when it became late
    assert entries.get(office.db.conn, "handovers", hid)["late_reason"] == "外出抓捕，无法及时移交"
    assert [i["id"] for i in incidents(office)] == [iid]
    verified(office)


def test_a_late_handover_no_sweep_found_is_marked_and_reported_by_the_handover(office):
    o, d = office.new_pair()
    office.clock.advance(hours=30)
    hid = intake.handover(
        office.session("K001"),
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-LATE-2",
        "柜A-01",
        "柜B-01",
        late_reason="外出抓捕",
    )
    [inc] = incidents(office)
    assert inc["kind"] == "late_handover" and "外出抓捕" in inc["description"]
    assert marks(office) == [("handover", office.medium_id(o), inc["id"])]
    assert entries.incident(office.db.conn, inc["id"])["handover_id"] == hid
    assert lateness.sweep(office.session("K001")).marked == []
    verified(office)


# ------------------------------------------------------------------ Art. 18: reseal
def unsealed(office) -> tuple[str, int]:
    o, d = office.handed_over_pair()
    aid = custody.request_unseal(
        office.session("K001"), o, "check_duplicate", doubted_by="辩护律师王某", doubt="复制件存疑"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    sid = custody.unseal(office.session("K001"), o, aid, office.cred("K001"), office.cred("K002"))
    return o, sid


def test_an_original_not_resealed_in_time_is_reported_and_the_late_reseal_adds_none(office):
    o, sid = unsealed(office)
    office.clock.advance(hours=9)
    [iid] = lateness.sweep(office.session("D001")).marked  # a head's sweep, signed by him
    [inc] = incidents(office)
    assert (inc["kind"], inc["code"]) == ("late_reseal", o)
    assert marks(office) == [("reseal", sid, iid)]
    custody.reseal(
        office.session("K001"),
        o,
        "S-NEW-1",
        office.cred("K001"),
        office.cred("K002"),
        inspection="intact",
    )
    assert [i["id"] for i in incidents(office)] == [iid]
    verified(office)


def test_a_late_reseal_no_sweep_found_is_reported_by_the_reseal(office):
    o, sid = unsealed(office)
    office.clock.advance(hours=10)
    custody.reseal(
        office.session("K001"),
        o,
        "S-NEW-2",
        office.cred("K001"),
        office.cred("K002"),
        inspection="intact",
    )
    [inc] = incidents(office)
    assert inc["kind"] == "late_reseal"
    assert marks(office) == [("reseal", sid, inc["id"])]
    verified(office)


def test_a_head_s_sweep_marks_only_the_cases_of_his_department(office):
    _, da = office.handed_over_pair(CASE_A, "H001")
    _, db_ = office.handed_over_pair(CASE_B, "H003", "李某")
    k = office.session("K001")
    office.retrieve(k, da, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 1)
    office.retrieve(k, db_, office.cred("H003"), office.cred("K001"), "D002", "case_handling", 1)
    office.clock.advance(hours=2)
    assert len(lateness.sweep(office.session("D002")).marked) == 1
    [inc] = incidents(office)
    assert (inc["code"], inc["reported_to"]) == (db_, "吴大队长")
    assert len(lateness.sweep(office.session("K001")).marked) == 1  # the keeper's: the rest
    assert {i["code"] for i in incidents(office)} == {da, db_}
    verified(office)


@pytest.mark.parametrize("badge", ["H001", "R001", "ADMIN", "C001"])
def test_a_sweep_by_nobody_who_keeps_or_heads_is_refused_and_changes_nothing(office, badge):
    o, d = office.new_pair()
    office.clock.advance(hours=30)
    s = office.session(badge)
    with refused(office, "role_refused"):
        lateness.sweep(s)
    assert lateness.sweep_if_allowed(s) is None
    assert incidents(office) == []


# ------------------------------------------------------------------ Art. 20: claims, checks
def test_a_return_claimed_verified_without_a_read_back_is_refused_and_changes_nothing(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8)
    office.clock.advance(hours=1)
    for claim in ("match", "mismatch"):
        with refused(office, "no_read_back") as ei:
            custody.return_medium(
                k, d, office.cred("H001"), office.cred("K001"), "damaged", claim, "划伤"
            )
        assert "read-back" in ei.value.message
    with refused(office, "unchecked_reason"):
        custody.return_medium(
            k, d, office.cred("H001"), office.cred("K001"), "intact", unchecked_reason=" "
        )


# ------------------------------------------------------------------ inventory
def test_a_disc_missing_at_the_inventory_is_lost_and_reported(office):
    o, d = office.handed_over_pair()
    fid = findings.report_missing(office.session("K001"), d, "柜B-01 及相邻柜均未找到")
    assert lookup.scan(office.session("K001"), d).status == "lost"
    [inc] = incidents(office)
    assert (inc["kind"], inc["code"]) == ("missing", d)
    assert "柜B-01" in inc["description"]
    row = entries.get(office.db.conn, "medium_findings", fid)
    assert (row["kind"], row["incident_id"]) == ("missing", inc["id"])
    assert [i["id"] for i in lookup.inbox(office.session("D001"))["incidents"]] == [inc["id"]]
    verified(office)  # the replay of the disc's entries implies 'lost'


def test_reporting_missing_is_refused_for_a_disc_not_on_the_shelf_and_changes_nothing(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 8)
    with refused(office, "wrong_state"):
        findings.report_missing(k, d, "没找到")
    with refused(office, "missing_field"):
        findings.report_missing(k, o, "  ")
    with refused(office, "role_refused"):
        findings.report_missing(office.session("D001"), o, "没找到")


def test_a_missing_disc_put_back_on_the_shelf_behind_keepers_back_is_named(office):
    o, d = office.handed_over_pair()
    findings.report_missing(office.session("K001"), d, "柜B-01 未找到")
    con = raw_connect(office.location)
    con.execute("UPDATE media SET status='in_custody' WHERE code=?", (d,))
    con.commit()
    con.close()
    res = admin.verify_audit(office.db)
    assert not res.ok
    assert any(
        "stored status 'in_custody' but its entries imply 'lost' (finding #1: missing)" in p
        for p in res.problems
    ), res.problems
