"""Issue 14, points 1, 7 and 9, through the services on a real sqlite file: corrections only by
the people of the case and the duty whose entry it is, a label corrected on both discs with its
sticker for the seal bag, an incident's description only supplemented; second signers at
unseal and reseal are staff of the organ, outside retrievers hold no other role; a court
request is registered only by the people of the case; the pair's two manifests are compared.
Every refusal changes nothing (``refused``), and ``keeper audit verify`` passes after the new
entries."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from printing_tools import pdf_text, squash
from test_refusals import approved, k_, refused

from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, catalogue, custody, documents, intake, lookup, transfers
from keeper_app.services import people as people_svc
from keeper_app.store import audit, entries

CASE_A = "A2026-001"  # 刑事侦查大队 (head D001), handlers H001, H002


def sigs(office, table: str, entry_id: int) -> list[tuple[str, str]]:
    return [
        (r["badge"], r["capacity"]) for r in entries.signatures(office.db.conn, table, entry_id)
    ]


def verified(office) -> None:
    result = admin.verify_audit_file(office.location)
    assert result.ok, result.problems


@pytest.fixture
def pair(office) -> tuple[str, str]:
    return office.handed_over_pair()


@pytest.fixture
def reviewing_handler(office) -> str:
    """A case handler of the drug squad who is a reviewer as well: he sees every case (as a
    reviewer), and handles none of case A."""
    office.add_person("HR01", "冯兼审", ["case_handler", "reviewer"], "drug")
    return "HR01"


def damaged_incident(office, d: str) -> int:
    office.retrieve(
        k_(office), d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    office.clock.advance(hours=1)
    custody.return_medium(
        k_(office),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "damaged",
        note="划伤",
        unchecked_reason="盘面划伤，未回读",
    )
    [inc] = entries.incidents(office.db.conn)
    return int(inc["id"])


# ------------------------------------------------------------------ 1. corrections
def test_a_label_correction_applies_to_both_discs_of_the_pair(office, pair):
    o, d = pair
    h = office.session("H001")
    office.clock.advance(hours=1)
    events = len(office.changes())
    cid = admin.correct(
        h,
        "media",
        office.medium_id(d),
        "label.person_interrogated",
        "王某甲",
        "name misspelt on the label",
        office.cred("H001"),
    )
    assert len(office.changes()) == events + 1  # one transaction, one event
    rows = office.db.conn.execute(
        "SELECT id, target_id, old_value, new_value FROM corrections ORDER BY id"
    ).fetchall()
    assert {r["target_id"] for r in rows} == {office.medium_id(o), office.medium_id(d)}
    assert {(r["old_value"], r["new_value"]) for r in rows} == {("王某某", "王某甲")}
    for r in rows:
        assert sigs(office, "corrections", r["id"]) == [("H001", "corrector")]
    k = k_(office)
    for code in (o, d):  # both records show the corrected value; the history keeps the old
        rec = lookup.scan(k, code)
        assert rec.label["person_interrogated"] == "王某甲"
        assert [(c["old_value"], c["new_value"]) for c in rec.corrections] == [("王某某", "王某甲")]
        assert rec.history[0]["kind"] == "correction"
    assert cid == next(r["id"] for r in rows if r["target_id"] == office.medium_id(d))
    verified(office)


def test_the_correction_sticker_for_the_seal_bag_is_printed(office, pair, tmp_path: Path):
    o, d = pair
    office.clock.advance(hours=1)
    cid = admin.correct(
        office.session("H002"),
        "media",
        office.medium_id(o),
        "label.case_name",
        "王某甲故意伤害案",
        "case name as in the filing decision",
        office.cred("H002"),
    )
    doc = catalogue.correction_sticker_of(cid)
    assert doc.filename == f"correction-{cid}.pdf"
    out = tmp_path / "sticker.pdf"
    made = doc.make(k_(office), catalogue.Options(lang="zh"), out)
    assert made.pages == 1
    text = squash(pdf_text(out))
    for expected in ("光盘标签更正贴", o, d, f"S-{o[:14]}", "王某某故意伤害案", "王某甲故意伤害案"):
        assert expected in text, expected
    assert "刘办案" in text and "casenameasinthefilingdecision" in text
    en = tmp_path / "sticker-en.pdf"
    doc.make(k_(office), catalogue.Options(lang="en"), en)
    assert "Labelcorrection" in squash(pdf_text(en))
    # the sticker shows the case's data: as the label itself, only to those who see the case
    with pytest.raises(Exception) as e:
        doc.make(office.session("H003"), catalogue.Options(), tmp_path / "h3.pdf")
    assert getattr(e.value, "code", "") == "not_your_case"
    # only a label correction has a sticker
    hid = office.db.conn.execute("SELECT max(id) FROM handovers").fetchone()[0]
    nid = admin.correct(k_(office), "handovers", hid, "note", "补记", "漏记", office.cred("K001"))
    with pytest.raises(Exception) as e:
        documents.correction_sticker(k_(office), nid)
    assert getattr(e.value, "code", "") == "not_label_correction"


def test_a_keeper_does_not_rewrite_the_label(office, pair):
    o, _ = pair
    with refused(office, "not_your_duty") as ei:
        admin.correct(
            k_(office),
            "media",
            office.medium_id(o),
            "label.person_interrogated",
            "王某甲",
            "typo",
            office.cred("K001"),
        )
    assert "case handler" in ei.value.message


def test_a_handler_of_another_case_corrects_nothing_of_this_one(office, pair, reviewing_handler):
    o, _ = pair
    hid = office.db.conn.execute("SELECT max(id) FROM handovers").fetchone()[0]
    s = office.session(reviewing_handler)
    with refused(office, "not_of_the_case") as ei:
        admin.correct(s, "handovers", hid, "note", "改写", "x", office.cred(reviewing_handler))
    assert CASE_A in ei.value.message
    with refused(office, "not_of_the_case"):
        admin.correct(
            s,
            "media",
            office.medium_id(o),
            "label.person_interrogated",
            "王某甲",
            "x",
            office.cred(reviewing_handler),
        )


def test_the_head_of_another_department_corrects_nothing(office, pair):
    o, _ = pair
    with refused(office, "not_your_department"):
        admin.correct(
            office.session("D002"),
            "media",
            office.medium_id(o),
            "label.person_interrogated",
            "王某甲",
            "x",
            office.cred("D002"),
        )


def test_the_head_of_the_case_corrects_the_label_not_the_register(office, pair):
    o, d = pair
    rid = office.retrieve(
        k_(office), d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    with refused(office, "not_your_duty"):
        admin.correct(
            office.session("D001"), "retrievals", rid, "purpose", "x", "y", office.cred("D001")
        )
    admin.correct(
        office.session("D001"),
        "media",
        office.medium_id(o),
        "label.producer",
        "张办案（代）",
        "producer as signed on the record",
        office.cred("D001"),
    )
    assert lookup.scan(k_(office), d).label["producer"] == "张办案（代）"


def test_a_retriever_never_changes_his_own_usage_time(office, pair):
    _, d = pair
    rid = office.retrieve(
        k_(office), d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4
    )
    office.clock.advance(hours=5)  # overdue
    with refused(office, "own_usage_time") as ei:
        admin.correct(
            office.session("H001"),
            "retrievals",
            rid,
            "est_usage_hours",
            "48",
            "need more time",
            office.cred("H001"),
        )
    assert "new approval" in ei.value.message
    assert row_hours(office, rid) == 4


def row_hours(office, rid: int) -> int:
    return int(audit.read_row(office.db.conn, "retrievals", rid)["est_usage_hours"])


def test_an_incident_description_is_never_rewritten_only_supplemented(office, pair, tmp_path: Path):
    _, d = pair
    iid = damaged_incident(office, d)
    with refused(office, "incident_supplement_only") as ei:
        admin.correct(
            k_(office), "incidents", iid, "description", "完好", "rewritten", office.cred("K001")
        )
    assert "supplement" in ei.value.message
    with refused(office, "not_your_case"):
        admin.supplement_incident(office.session("H003"), iid, "补充", office.cred("H003"))
    with refused(office, "missing_field"):
        admin.supplement_incident(k_(office), iid, "  ", office.cred("K001"))
    office.clock.advance(hours=1)
    before = dict(audit.read_row(office.db.conn, "incidents", iid))
    sid = admin.supplement_incident(
        office.session("H001"), iid, "经复查，划伤位于盘面外圈，数据可读", office.cred("H001")
    )
    sup = audit.read_row(office.db.conn, "corrections", sid)
    assert (sup["target_table"], sup["target_id"], sup["field"], sup["old_value"]) == (
        "incidents",
        iid,
        "supplement",
        None,
    )
    assert sup["new_value"] == "经复查，划伤位于盘面外圈，数据可读"
    assert sigs(office, "corrections", sid) == [("H001", "corrector")]
    assert dict(audit.read_row(office.db.conn, "incidents", iid)) == before
    assert office.changes()[-1][1] == "supplement_incident"
    # the report to the head shows the description as written, and the supplement
    report = documents.incident_report(office.session("D001"), iid)
    assert report["description"] == "划伤"
    assert [(x["text"], x["by"]) for x in report["supplements"]] == [
        ("经复查，划伤位于盘面外圈，数据可读", "张办案")
    ]
    out = tmp_path / "incident.pdf"
    catalogue.incident(iid).make(office.session("D001"), catalogue.Options(), out)
    assert "补充说明" in squash(pdf_text(out))
    assert "经复查，划伤位于盘面外圈，数据可读" in squash(pdf_text(out))
    verified(office)


# ------------------------------------------------------------------ 7. second signers, roles
def test_a_court_clerk_does_not_sign_the_unsealing(office, pair):
    o, _ = pair
    aid = approved(office, o)
    with refused(office, "second_signer_not_staff") as ei:
        custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("C001"))
    assert "郑书记员" in ei.value.message
    custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("R001"))  # a reviewer
    with refused(office, "second_signer_not_staff"):
        custody.reseal(
            k_(office), o, "S-NEW-1", office.cred("K001"), office.cred("C001"), inspection="intact"
        )
    custody.reseal(
        k_(office), o, "S-NEW-1", office.cred("K001"), office.cred("H001"), inspection="intact"
    )
    verified(office)


def test_an_outside_retriever_never_holds_another_role(office):
    admin_s = office.session("ADMIN")
    with refused(office, "outside_retriever_other_role"):
        people_svc.set_roles(admin_s, "C001", ["keeper"], office.cred("D001"))
    with refused(office, "outside_retriever_other_role"):
        people_svc.set_roles(admin_s, "C001", ["outside_retriever", "keeper"], office.cred("D001"))
    with refused(office, "outside_retriever_other_role"):
        people_svc.set_roles(admin_s, "K002", ["outside_retriever"], office.cred("D001"))
    with refused(office, "outside_retriever_other_role") as ei:
        office.add_person("C002", "冯书记员", ["outside_retriever", "case_handler"], None, "某法院")
    assert "holds no other role" in ei.value.message


# ------------------------------------------------------------------ 9. requests, the pair
def test_a_court_request_only_by_the_people_of_the_case(office, reviewing_handler):
    office.handed_over_pair()  # a request lists recordings of the case (issue 14, point 3)
    at = office.clock() - timedelta(hours=1)
    with refused(office, "not_of_the_case"):
        transfers.register_court_request(
            office.session(reviewing_handler),
            CASE_A,
            "court",
            "某市中级人民法院",
            "1号",
            at,
            whole_case=True,
        )
    # the head of the case's department registers it (Art. 19, 21)
    qid = transfers.register_court_request(
        office.session("D001"), CASE_A, "court", "某市中级人民法院", "2号", at, whole_case=True
    )
    assert audit.read_row(office.db.conn, "court_requests", qid)["document_no"] == "2号"
    verified(office)


def test_the_pair_s_two_manifests_are_compared(office):
    h = office.session("H001")
    start = office.clock() - timedelta(hours=2)
    f = ManifestEntry("rec/interrogation-1.mp4", 1234, hashlib.sha256(b"one").hexdigest())
    other = ManifestEntry("rec/interrogation-1.mp4", 1234, hashlib.sha256(b"two").hexdigest())
    rid = intake.register_recording(
        h, CASE_A, "王某某", "suspect", start, start + timedelta(hours=1), "讯问室1", [f]
    )
    with refused(office, "pair_mismatch"):
        intake.register_pair(h, [rid], [f], office.clock(), duplicate_manifest=[other])
    o, d = intake.register_pair(h, [rid], [f], office.clock(), duplicate_manifest=[f])
    assert o[:14] == d[:14]
