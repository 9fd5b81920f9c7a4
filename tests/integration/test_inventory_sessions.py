"""Inventory sessions (issue 16, part 5): the expected population fixed at the start, one
observation per medium, unexpected media recorded, closing refused while something has no
observation, the signed record (keeper and witness), each discrepancy reported to the head
of the case's department with a deadline (on the due board and in the head's inbox), the
report; every refusal changes nothing and the history verifies after."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import Office

from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, catalogue, custody, findings, intake, inventory, lookup
from keeper_app.services.burning import PairBurn, verify_medium
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.store import media as media_repo


def shelves(office: Office) -> dict[str, str]:
    """Three handed-over pairs: originals at 柜A-01, duplicates at 柜B-01 (conftest); the
    third duplicate moved to 柜B-02, the second one retrieved (out)."""
    o1, d1 = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某")
    o3, d3 = office.handed_over_pair("B2026-002", "H003", "赵某")
    k = office.session("K001")
    custody.set_location(k, d3, "柜B-02")
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    return {"o1": o1, "d1": d1, "o2": o2, "d2": d2, "o3": o3, "d3": d3}


def refused(office: Office, fn, code: str) -> RuleViolation:
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        fn()
    assert ei.value.code == code, str(ei.value)
    assert office.snapshot() == before
    return ei.value


def test_a_missing_and_an_unexpected_disc_end_as_two_reported_discrepancies(
    office: Office,
) -> None:
    x = shelves(office)
    k = office.session("K001")
    sid = inventory.start(k, "柜B")
    rec = inventory.record(k, sid)
    # the population: the two duplicates at 柜B and the one out on a retrieval
    assert [r["code"] for r in rec["expected"]] == [x["d1"], x["d2"], x["d3"]]
    assert [r["status"] for r in rec["expected"]] == ["in_custody", "out", "in_custody"]
    assert "张办案" in rec["expected"][1]["out_on"]
    assert rec["unobserved"] == [x["d1"], x["d2"], x["d3"]]

    assert inventory.scan(k, sid, x["d3"])["kind"] == "shelf"
    got = inventory.scan(k, sid, x["o1"])  # an original, expected at 柜A
    assert got["kind"] == "unexpected" and got["location"] == "柜A-01"
    inventory.observe(k, sid, x["d2"], "out")
    # closing refused while d1 has no observation; nothing changes
    err = refused(
        office,
        lambda: inventory.close(k, sid, office.cred("K001"), office.cred("R001")),
        "inventory_incomplete",
    )
    assert codes.parse(x["d1"]).pretty in str(err)
    inventory.observe(k, sid, x["d1"], "missing", "柜B 各层及相邻柜均已查找")
    cid = inventory.close(k, sid, office.cred("K001"), office.cred("R001"), "季度清点")
    assert cid > 0

    rec = inventory.record(k, sid)
    assert rec["closed"] and rec["witness_badge"] == "R001"
    assert sorted(g["capacity"] for g in rec["signatures"]) == ["keeper", "witness"]
    ds = rec["discrepancies"]
    assert [(d["kind"], d["code"]) for d in ds] == [
        ("not_located", x["d1"]),
        ("unexpected", x["o1"]),
    ]
    assert {d["head_badge"] for d in ds} == {"D001"}  # both of case A2026-001 (刑侦)
    assert all(d["open"] and not d["late"] for d in ds)
    # the disc not located is lost at closing, with the 'missing' incident of report_missing
    assert media_repo.by_code(office.db.conn, x["d1"]).status.value == "lost"
    assert ds[0]["incident_id"] is not None
    # the head's inbox and the due board: both discrepancies, due in 3 days
    box = lookup.inbox(office.session("D001"))
    assert [(i["kind"], i["code"]) for i in box["incidents"]] == [("missing", x["d1"])]
    assert [d["code"] for d in box["inventory"]] == [x["o1"]]
    due = [d for d in lookup.due(k) if d["kind"] == "inventory"]
    assert sorted(d["code"] for d in due) == sorted([x["d1"], x["o1"]])
    assert all(not d["late"] for d in due)
    office.clock.advance(days=3, hours=1)
    assert all(d["late"] for d in lookup.due(k) if d["kind"] == "inventory")
    # the head resolves the unexpected one; acknowledging the loss's incident resolves it
    d1 = office.session("D001")
    inventory.resolve(d1, ds[1]["id"], office.cred("D001"), "原件已归位柜A-01")
    custody.acknowledge_incident(d1, ds[0]["incident_id"], office.cred("D001"), "已立案调查")
    assert [d for d in lookup.due(k) if d["kind"] == "inventory"] == []
    assert lookup.inbox(d1)["inventory"] == []
    assert admin.verify_audit(office.db).ok


def test_refusals_change_nothing(office: Office) -> None:
    x = shelves(office)
    k = office.session("K001")
    refused(office, lambda: inventory.start(office.session("D001"), "柜B"), "role_refused")
    sid = inventory.start(k, "柜B")
    refused(office, lambda: inventory.start(k, "柜B-0"), "inventory_open")  # overlaps
    refused(office, lambda: inventory.start(office.session("K002"), ""), "inventory_open")
    other = inventory.start(k, "柜A")  # another location: fine
    assert other != sid
    refused(office, lambda: inventory.observe(k, sid, x["d1"], "sealed"), "wrong_observation")
    refused(office, lambda: inventory.observe(k, sid, x["d2"], "missing"), "wrong_observation")
    refused(office, lambda: inventory.observe(k, sid, x["o1"], "out"), "not_expected")
    refused(office, lambda: inventory.observe(k, sid, x["d1"], "lost"), "bad_observation")
    refused(office, lambda: inventory.observe(k, 999, x["d1"], "shelf"), "unknown_inventory")
    refused(office, lambda: inventory.scan(k, sid, "3101-2026-XYZ"), "code_bad_length")
    inventory.observe(k, sid, x["d1"], "shelf")
    refused(office, lambda: inventory.scan(k, sid, x["d1"]), "already_observed")
    inventory.observe(k, sid, x["d2"], "out")
    inventory.observe(k, sid, x["d3"], "shelf")
    # the witness: a second person, staff
    refused(
        office,
        lambda: inventory.close(k, sid, office.cred("K001"), office.cred("K001")),
        "same_signer",
    )
    refused(
        office,
        lambda: inventory.close(k, sid, office.cred("K001"), office.cred("C001")),
        "second_signer_not_staff",
    )
    refused(
        office,
        lambda: inventory.close(k, sid, office.cred("K002"), office.cred("R001")),
        "keeper_not_signed_in",
    )
    inventory.close(k, sid, office.cred("K001"), office.cred("D001"))
    refused(office, lambda: inventory.observe(k, sid, x["o1"], "shelf"), "inventory_closed")
    refused(
        office,
        lambda: inventory.close(k, sid, office.cred("K001"), office.cred("D001")),
        "inventory_closed",
    )
    # nothing found wrong: no discrepancy; the room may be counted again
    assert inventory.record(k, sid)["discrepancies"] == []
    assert admin.verify_audit(office.db).ok


def test_seals_unknown_codes_and_the_whole_room(office: Office) -> None:
    x = shelves(office)
    k = office.session("K001")
    sid = inventory.start(k, "")
    assert inventory.scan(k, sid, x["o1"])["kind"] == "sealed"
    assert inventory.scan(k, sid, x["o3"], seal_broken=True)["kind"] == "seal_broken"
    assert inventory.scan(k, sid, x["d2"])["kind"] == "unexpected"  # recorded out, on the shelf
    mc = codes.parse(x["d1"])
    ghost = codes.make(mc.unit, mc.year, mc.serial + 90, "D").text
    got = inventory.scan(k, sid, ghost)
    assert got["kind"] == "unexpected" and not got["registered"]
    for code in (x["o2"],):
        inventory.observe(k, sid, code, "sealed")
    for code in (x["d1"], x["d3"]):
        inventory.observe(k, sid, code, "shelf")
    inventory.close(k, sid, office.cred("K001"), office.cred("K002"))
    ds = inventory.record(k, sid)["discrepancies"]
    assert {(d["kind"], d["code"], d["head_badge"]) for d in ds} == {
        ("seal_broken", x["o3"], "D002"),  # case B2026-002 of 禁毒大队
        ("unexpected", x["d2"], "D001"),
        ("unexpected", ghost, None),  # of no case: on the signed record only
    }
    # nothing lost: the statuses stay
    assert media_repo.by_code(office.db.conn, x["o3"]).status.value == "sealed"
    assert [d["code"] for d in lookup.inbox(office.session("D002"))["inventory"]] == [x["o3"]]
    assert admin.verify_audit(office.db).ok


def test_the_population_is_fixed_at_the_start(office: Office) -> None:
    x = shelves(office)
    k = office.session("K001")
    sid = inventory.start(k, "柜B-02")
    custody.set_location(k, x["d1"], "柜B-02")  # moved there after the start
    office.clock.advance(minutes=5)
    assert [r["code"] for r in inventory.record(k, sid)["expected"]] == [x["d3"]]
    assert inventory.scan(k, sid, x["d1"])["kind"] == "unexpected"


def test_a_disc_reported_missing_during_the_session_is_not_made_lost_twice(
    office: Office,
) -> None:
    x = shelves(office)
    k = office.session("K001")
    sid = inventory.start(k, "柜B-02")
    inventory.observe(k, sid, x["d3"], "missing", "柜B-02 未找到")
    findings.report_missing(k, x["d3"], "柜B-02 未找到")  # the old way, meanwhile
    inventory.close(k, sid, office.cred("K001"), office.cred("K002"))
    [d] = inventory.record(k, sid)["discrepancies"]
    assert (d["kind"], d["incident_id"], d["head_badge"]) == ("not_located", None, "D002")
    incidents = lookup.inbox(office.session("D002"))["incidents"]
    assert [(i["kind"], i["code"]) for i in incidents] == [("missing", x["d3"])]  # one
    assert admin.verify_audit(office.db).ok


@pytest.mark.realtool
def test_a_disc_read_back_during_the_session_says_so_on_the_record(
    office: Office, tmp_path: Path
) -> None:
    """ "On the shelf and verified": a disc read back (xorriso, `keeper verify`) after the
    session started carries the read-back's result on the record and its printed report."""
    st = StorageSettings(tmp_path / "storage", tmp_path / "backup")
    h = office.session("H001")
    start = office.clock() - timedelta(hours=8)
    rids = add_sample_recordings(h, st, "A2026-001", "王某某", start, count=1, seconds=1.0)
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(h, rids, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    k = office.session("K001")
    intake.handover(
        k, r.original, office.cred("H001"), office.cred("K001"), "S-0001", "柜A-01", "柜B-01"
    )
    office.clock.advance(minutes=5)
    sid = inventory.start(k, "柜B")
    office.clock.advance(minutes=1)
    assert verify_medium(k, f"stdio:{d_iso}").ok
    inventory.scan(k, sid, r.duplicate)
    [row] = inventory.record(k, sid)["expected"]
    assert (row["kind"], row["read_back"]) == ("shelf", "match") and row["read_back_at"]
    out = tmp_path / "record.pdf"
    catalogue.inventory_report(sid).make(k, catalogue.Options(), out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "回读一致" in text
    assert admin.verify_audit(office.db).ok
