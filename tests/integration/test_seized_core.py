"""Seized storage media through the services (issue 15): intake with the Art. 128(4)
inventory, sealing by two or more investigators with the sealing's recording (Art. 56, 126-130),
the counter's lookup; each refusal changes nothing."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import pytest

from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake, seized
from keeper_app.store.verify import verify

ITEMS = [
    {
        "kind": "original",
        "media_type": "usb_stick",
        "content": "财务账目电子表格",
        "specification": "金士顿 DT50 序列号 K123",
        "capacity": "64GB",
        "file_formats": "xlsx, docx",
        "copies": 1,
        "copy_length": "",
    },
    {
        "kind": "extracted",
        "media_type": "hard_drive",
        "content": "服务器日志提取",
        "capacity": "2GB",
        "file_formats": "log",
        "copies": 1,
        "not_seized_reason": "服务器为在用业务系统，无法扣押",
        "original_location": "某公司机房2号机柜",
        "data_source": "某公司业务服务器",
    },
]


def seizure_fields(at: datetime) -> dict[str, object]:
    return {
        "cause": "涉嫌故意伤害",
        "persons": "王某某",
        "record_ref": "搜查笔录 2026-11-19 第1号",
        "seized_at": at,
        "place": "某市某区某路1号",
        "possessor": "王某某",
        "witnesses": "赵见证、钱见证",
        "notice_no": "查封扣押通知书 2026-017",
    }


def sealing_recording(office, case_no: str = "A2026-001", handler: str = "H001") -> int:
    s = office.session(handler)
    start = office.clock() - timedelta(hours=3)
    f = ManifestEntry(
        "rec/sealing.mp4", 4321, hashlib.sha256(f"seal{case_no}{start}".encode()).hexdigest()
    )
    return intake.register_recording(
        s,
        case_no,
        "王某某",
        "suspect",
        start,
        start + timedelta(minutes=40),
        "现场",
        [f],
        kind="sealing",
    )


def new_seizure(office, days_ago: float = 1) -> dict[str, object]:
    s = office.session("H001")
    return seized.intake(
        s, "A2026-001", seizure_fields(office.clock() - timedelta(days=days_ago)), ITEMS
    )


def sealed_seizure(office, days_ago: float = 1) -> dict[str, object]:
    z = new_seizure(office, days_ago)
    rec = sealing_recording(office)
    seals = {c: f"F-{c[-6:]}" for c in z["codes"]}
    seized.seal(
        office.session("H001"),
        z["seizure_id"],
        seals,
        [office.cred("H001"), office.cred("H002")],
        office.clock() - timedelta(days=days_ago) + timedelta(hours=1),
        rec,
        "refused",
        "当事人拒绝签名，已在清单中注明",
    )
    return z


def test_intake_gives_each_item_a_seized_code(office) -> None:
    z = new_seizure(office)
    assert len(z["codes"]) == 2
    for c in z["codes"]:
        mc = codes.parse(c)
        assert mc.copy == "S" and mc.seized
    assert codes.parse(z["codes"][1]).serial == codes.parse(z["codes"][0]).serial + 1
    rec = seized.lookup(office.session("K001"), z["codes"][1])
    assert rec["status"] == "seized"
    assert rec["kind"] == "extracted" and rec["data_source"] == "某公司业务服务器"
    assert rec["seizure"]["cause"] == "涉嫌故意伤害"
    assert [i["code"] for i in rec["seizure"]["items"]] == z["codes"]
    assert any(d["kind"] == "seized_registration" for d in rec["due"])


def test_seal_by_two_investigators_with_recording(office) -> None:
    z = sealed_seizure(office)
    rec = seized.lookup(office.session("H001"), z["codes"][0])
    assert rec["status"] == "sealed"
    assert rec["seal_no"] == f"F-{z['codes'][0][-6:]}"
    assert rec["sealing"]["possessor_signature"] == "refused"
    assert sorted(x["badge"] for x in rec["sealing"]["signatures"]) == ["H001", "H002"]
    assert {x["capacity"] for x in rec["sealing"]["signatures"]} == {"investigator"}
    assert not any(d["kind"] == "seized_registration" for d in rec["due"])
    assert verify(office.db.conn).ok


@pytest.mark.parametrize(
    ("signers", "why"),
    [
        (["H001"], "two_investigators"),
        (["H001", "H001"], "same_person"),
        (["H001", "K001"], "not_investigator"),
        (["H001", "H003"], "not_case_department"),
        (["H001", "C001"], "not_investigator"),
    ],
)
def test_seal_refused_without_two_investigators_of_the_department(office, signers, why) -> None:
    z = new_seizure(office)
    rec = sealing_recording(office)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.seal(
            office.session("H001"),
            z["seizure_id"],
            {c: f"F{c[-6:]}" for c in z["codes"]},
            [office.cred(b) for b in signers],
            office.clock(),
            rec,
            "signed",
        )
    assert e.value.code == why
    assert office.snapshot() == before


# ------------------------------------------------------------------ the whole life
def handover_recording(office, what: str) -> int:
    s = office.session("H001")
    start = office.clock() - timedelta(minutes=30)
    f = ManifestEntry(f"rec/{what}.mp4", 999, hashlib.sha256(f"{what}{start}".encode()).hexdigest())
    return intake.register_recording(
        s,
        "A2026-001",
        "王某某",
        "suspect",
        start,
        start + timedelta(minutes=10),
        "保管室",
        [f],
        kind="sealing",
    )


def received(office, days_ago: float = 1) -> dict[str, object]:
    z = sealed_seizure(office, days_ago)
    seized.receive(
        office.session("K001"),
        z["seizure_id"],
        z["codes"],
        office.cred("H001"),
        office.cred("K001"),
        "涉案财物室 柜S-01",
    )
    return z


def test_a_full_life_verifies(office) -> None:
    c = office.cred
    z = received(office)
    a, b = z["codes"]
    k, h, head = office.session("K001"), office.session("H001"), office.session("D001")
    assert seized.lookup(k, a)["status"] == "in_safekeeping"
    # unseal under approval, by two investigators; reseal with a new seal
    q = seized.request_unseal(h, a, "核对介质内容")
    seized.decide(head, q, c("D001"), True)
    assert "unseal" in seized.lookup(k, a)["actions"]
    seized.unseal(k, a, q, [c("H001"), c("H002")], "当面启封")
    seized.reseal(k, a, "F-NEW-1", [c("H001"), c("H002")])
    rec = seized.lookup(k, a)
    assert rec["status"] == "in_safekeeping" and rec["seal_no"] == "F-NEW-1"
    assert [e["kind"] for e in rec["seals"]] == ["seal", "unseal", "reseal"]
    # a temporary transfer out and back, item by item, with the handover's recording
    office.clock.advance(hours=1)
    t = seized.request_transfer(h, [a, b], "鉴定")
    seized.decide(head, t, c("D001"), True)
    tid = seized.transfer_out(k, t, [b, a], c("H002"), c("K001"), handover_recording(office, "o"))
    assert seized.lookup(k, a)["status"] == "out"
    office.clock.advance(days=2)
    back = seized.transfer_in(k, tid, [a, b], c("H002"), c("K001"), handover_recording(office, "i"))
    assert back["missing"] == [] and back["incidents"] == []
    # the period extended before it expires
    x = seized.request_extension(h, z["seizure_id"], 180, "案情复杂需继续查封")
    seized.decide(head, x, c("D001"), True)
    shown = seized.show_seizure(k, z["seizure_id"])
    assert shown["extended"] is True
    assert [t_["direction"] for t_ in shown["transfers"]] == ["out", "in"]
    assert [i["condition"] for i in shown["transfers"][1]["items"]] == ["intact", "intact"]
    # b found unrelated, approved and released within three days
    r = seized.find_unrelated(h, [b], "经审查与案件无关")
    seized.decide(head, r, c("D001"), True)
    office.clock.advance(days=2)
    seized.release(k, r, [b], c("H001"), c("K001"), "王某某", "signed")
    assert seized.lookup(k, b)["status"] == "released"
    assert seized.show_seizure(k, z["seizure_id"])["releases"][0]["recipient"] == "王某某"
    rel = seized.release_record(k, r)
    assert rel["release"]["recipient"] == "王某某" and [i["code"] for i in rel["items"]] == [b]
    seized.inspect(head, c("D001"), "账物相符，封条完好")
    assert seized.inspections(head)[0]["findings"] == "账物相符，封条完好"
    hist = [h_["kind"] for h_ in seized.lookup(k, a)["history"]]
    assert {"intake", "seal", "unseal", "reseal", "transfer_out", "transfer_in"} <= set(hist)
    assert {"request_unseal", "decision_unseal", "decision_transfer"} <= set(hist)
    assert verify(office.db.conn).ok


def test_unsealing_needs_the_head_s_approval_and_two_investigators(office) -> None:
    c = office.cred
    z = received(office)
    a = z["codes"][0]
    k, h = office.session("K001"), office.session("H001")
    q = seized.request_unseal(h, a, "核对")
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.unseal(k, a, q, [c("H001"), c("H002")])
    assert e.value.code == "not_approved"
    assert office.snapshot() == before
    with pytest.raises(RuleViolation) as e:
        seized.decide(office.session("D002"), q, c("D002"), True)
    assert e.value.code == "not_head_of_case_dept"
    seized.decide(office.session("D001"), q, c("D001"), True)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.unseal(k, a, q, [c("H001")])
    assert e.value.code == "two_investigators"
    assert office.snapshot() == before
    seized.unseal(k, a, q, [c("H001"), c("H002")])
    with pytest.raises(RuleViolation) as e:
        seized.reseal(k, a, f"F-{a[-6:]}", [c("H001"), c("H002")])
    assert e.value.code == "seal_reused"


def test_a_transfer_out_refuses_a_scan_that_does_not_match(office) -> None:
    c = office.cred
    z = received(office)
    a, b = z["codes"]
    k, h = office.session("K001"), office.session("H001")
    t = seized.request_transfer(h, [a], "鉴定")
    seized.decide(office.session("D001"), t, c("D001"), True)
    rec = handover_recording(office, "o")
    before = office.snapshot()
    for scans in ([a, b], [], [a, a]):
        with pytest.raises(RuleViolation) as e:
            seized.transfer_out(k, t, scans, c("H001"), c("K001"), rec)
        assert e.value.code == "inventory_mismatch"
    with pytest.raises(RuleViolation) as e:
        seized.transfer_out(k, t, [a], c("H001"), c("K001"), None)
    assert e.value.code == "missing_recording"
    assert office.snapshot() == before


def test_a_return_with_an_item_missing_or_damaged_is_reported_to_the_head(office) -> None:
    c = office.cred
    z = received(office)
    a, b = z["codes"]
    k, h, head = office.session("K001"), office.session("H001"), office.session("D001")
    t = seized.request_transfer(h, [a, b], "鉴定")
    seized.decide(head, t, c("D001"), True)
    tid = seized.transfer_out(k, t, [a, b], c("H001"), c("K001"), handover_recording(office, "o"))
    rec = handover_recording(office, "i")
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:  # a missing item needs a word on what happened
        seized.transfer_in(k, tid, [a], c("H001"), c("K001"), rec)
    assert e.value.field == "note"
    with pytest.raises(RuleViolation) as e:  # a code of no item of the transfer
        seized.transfer_in(k, tid, [a, b, a], c("H001"), c("K001"), rec)
    assert e.value.code == "inventory_mismatch"
    assert office.snapshot() == before
    back = seized.transfer_in(
        k, tid, [a], c("H001"), c("K001"), rec, damaged={a: "外壳破裂"}, note="鉴定机构称遗失"
    )
    assert back["missing"] == [b] and back["damaged"] == [a] and len(back["incidents"]) == 2
    assert seized.lookup(k, b)["status"] == "missing"
    box = seized.inbox(head)
    assert {n["kind"] for n in box["incidents"]} == {"missing", "damaged"}
    seized.acknowledge(head, back["incidents"][0], c("D001"), "已责成查找")
    assert len(seized.inbox(head)["incidents"]) == 1
    assert verify(office.db.conn).ok


# ------------------------------------------------------------------ deadlines through the services
def test_registration_after_day_20_needs_a_reason_and_is_reported(office) -> None:
    z = new_seizure(office, days_ago=20.5)
    rec = sealing_recording(office)
    seals = {cd: f"L-{cd[-6:]}" for cd in z["codes"]}
    args = (
        z["seizure_id"],
        seals,
        [office.cred("H001"), office.cred("H002")],
        office.clock() - timedelta(days=20),
        rec,
        "absent",
        "持有人不在场",
    )
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.seal(office.session("H001"), *args)
    assert e.value.field == "reason the registration is late"
    assert office.snapshot() == before
    seized.seal(office.session("H001"), *args, late_reason="现场封存后鉴定耗时")
    box = seized.inbox(office.session("D001"))
    assert [n["kind"] for n in box["incidents"]] == ["late_registration"]
    assert seized.sweep(office.session("K001")) == []  # marked once


def test_the_sweep_reports_safekeeping_late_and_period_expired_once(office) -> None:
    z = sealed_seizure(office, days_ago=1)
    k = office.session("K001")
    office.clock.advance(days=29)
    assert seized.sweep(k) == []
    assert [d["kind"] for d in seized.due(k)] == ["seized_safekeeping"]
    office.clock.advance(days=1, seconds=1)
    assert len(seized.sweep(k)) == 1
    assert seized.sweep(k) == []
    seized.receive(
        office.session("K001"),
        z["seizure_id"],
        z["codes"],
        office.cred("H001"),
        office.cred("K001"),
        "柜S-02",
        late_reason="移交手续延误",
    )
    # the period: a day before its end the extension is still possible, not a day after
    office.clock.t = datetime.fromisoformat("2027-11-19T02:00:00+00:00")
    h = office.session("H001")
    with pytest.raises(RuleViolation) as e:
        seized.request_extension(h, z["seizure_id"], 90, "继续侦查")
    assert e.value.code == "period_expired"
    ids = seized.sweep(office.session("K001"))
    assert len(ids) == 1
    kinds = [n["kind"] for n in seized.inbox(office.session("D001"))["incidents"]]
    assert kinds == ["late_safekeeping", "period_expired"]
    assert verify(office.db.conn).ok


def test_an_extension_the_day_before_expiry_is_approved(office) -> None:
    z = received(office, days_ago=1)
    office.clock.advance(days=363)  # the period ends at day 365 from the seizure
    h, head = office.session("H001"), office.session("D001")
    q = seized.request_extension(h, z["seizure_id"], 365, "案情重大")
    seized.decide(head, q, office.cred("D001"), True)
    office.clock.advance(days=3)
    assert seized.sweep(office.session("K001")) == []
    assert seized.show_seizure(head, z["seizure_id"])["extended"]


def test_a_decision_after_expiry_cannot_extend(office) -> None:
    z = received(office, days_ago=1)
    office.clock.advance(days=363)
    q = seized.request_extension(office.session("H001"), z["seizure_id"], 30, "案情重大")
    office.clock.advance(days=2)
    head = office.session("D001")
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.decide(head, q, office.cred("D001"), True)
    assert e.value.code == "period_expired"
    assert office.snapshot() == before


def test_release_after_three_days_needs_a_reason_and_is_reported(office) -> None:
    c = office.cred
    z = received(office)
    b = z["codes"][1]
    r = seized.find_unrelated(office.session("H001"), [b], "与案件无关")
    seized.decide(office.session("D001"), r, c("D001"), True)
    office.clock.advance(days=3, seconds=1)
    k = office.session("K001")
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        seized.release(k, r, [b], c("H001"), c("K001"), "王某某", "refused", "拒绝签收")
    assert e.value.field == "reason the release is late"
    assert office.snapshot() == before
    seized.release(
        k, r, [b], c("H001"), c("K001"), "王某某", "refused", "拒绝签收", late_reason="联系不上"
    )
    kinds = [n["kind"] for n in seized.inbox(office.session("D001"))["incidents"]]
    assert kinds == ["late_release"]


# ------------------------------------------------------------------ Art. 21, 267
def test_reading_is_scoped_and_logged(office) -> None:
    z = new_seizure(office)
    with pytest.raises(RuleViolation) as e:
        seized.lookup(office.session("H003"), z["codes"][0])
    assert e.value.code == "not_your_case"
    with pytest.raises(RuleViolation) as e:
        seized.lookup(office.session("D002"), z["codes"][0])
    assert e.value.code == "not_your_department"
    assert seized.listing(office.session("H003")) == []
    n = office.db.conn.execute("SELECT count(*) FROM audit_events WHERE action='read'").fetchone()
    seized.lookup(office.session("D001"), z["codes"][0])
    m = office.db.conn.execute("SELECT count(*) FROM audit_events WHERE action='read'").fetchone()
    assert m[0] == n[0] + 1
    with pytest.raises(RuleViolation) as e:
        seized.lookup(office.session("K001"), "3101-2026-000001-D-0")
    assert e.value.code.startswith("code_") or e.value.code == "not_seized_item"


def test_a_scan_at_the_counter_names_a_seized_item_as_such(office) -> None:
    from keeper_app.services import lookup

    z = new_seizure(office)
    with pytest.raises(RuleViolation) as e:
        lookup.scan(office.session("K001"), z["codes"][0])
    assert e.value.code == "seized_item" and "keeper seized show" in e.value.message


def test_an_edit_behind_keeper_s_back_is_found(office) -> None:
    import sqlite3

    from conftest import raw_connect

    z = sealed_seizure(office)
    assert verify(office.db.conn).ok
    con = raw_connect(office.location)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("DELETE FROM seized_items")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE seized_items SET content='别的东西'")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE seized_sealings SET possessor_signature='signed'")
        con.execute("UPDATE seized_items SET seal_no='F-FAKE' WHERE code=?", (z["codes"][0],))
        con.commit()
    finally:
        con.close()
    r = verify(office.db.conn)
    assert not r.ok and any("seized_items" in p for p in r.problems)


# ------------------------------------------------------------------ each refusal changes nothing
def refused(office, code: str, fn, *args, **kw) -> RuleViolation:
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        fn(*args, **kw)
    assert e.value.code == code, e.value
    assert office.snapshot() == before
    return e.value


def test_intake_refusals(office) -> None:
    at = office.clock() - timedelta(days=1)
    refused(
        office,
        "not_case_handler",
        seized.intake,
        office.session("H003"),
        "A2026-001",
        seizure_fields(at),
        ITEMS,
    )
    refused(
        office,
        "role_refused",
        seized.intake,
        office.session("K001"),
        "A2026-001",
        seizure_fields(at),
        ITEMS,
    )
    no_reason = [dict(ITEMS[1], not_seized_reason="")]
    e = refused(
        office,
        "missing_field",
        seized.intake,
        office.session("H001"),
        "A2026-001",
        seizure_fields(at),
        no_reason,
    )
    assert e.message.startswith("item 1:")
    refused(
        office,
        "unknown_case",
        seized.intake,
        office.session("H001"),
        "X-1",
        seizure_fields(at),
        ITEMS,
    )
    bad = seizure_fields(office.clock() + timedelta(hours=1))
    refused(
        office,
        "seized_in_future",
        seized.intake,
        office.session("H001"),
        "A2026-001",
        bad,
        ITEMS,
    )


def test_sealing_refusals(office) -> None:
    c = office.cred
    z = new_seizure(office)
    h = office.session("H001")
    rec = sealing_recording(office)
    seals = {code: f"N-{code[-6:]}" for code in z["codes"]}
    two = [c("H001"), c("H002")]
    now = office.clock()
    one = {z["codes"][0]: "N-1"}
    refused(
        office, "inventory_mismatch", seized.seal, h, z["seizure_id"], one, two, now, rec, "signed"
    )
    same = dict.fromkeys(z["codes"], "N-SAME")
    refused(office, "seal_reused", seized.seal, h, z["seizure_id"], same, two, now, rec, "signed")
    refused(
        office,
        "missing_recording",
        seized.seal,
        h,
        z["seizure_id"],
        seals,
        two,
        now,
        None,
        "signed",
    )
    other = sealing_recording(office, "B2026-002", "H003")
    refused(
        office,
        "recording_other_case",
        seized.seal,
        h,
        z["seizure_id"],
        seals,
        two,
        now,
        other,
        "signed",
    )
    start = now - timedelta(hours=5)
    f = ManifestEntry("rec/interrogation.mp4", 77, "ef" * 32)
    talk = intake.register_recording(
        h, "A2026-001", "王某某", "suspect", start, start + timedelta(hours=1), "讯问室1", [f]
    )
    refused(
        office,
        "wrong_recording_kind",
        seized.seal,
        h,
        z["seizure_id"],
        seals,
        two,
        now,
        talk,
        "signed",
    )
    early = now - timedelta(days=3)
    refused(
        office,
        "bad_sealing_time",
        seized.seal,
        h,
        z["seizure_id"],
        seals,
        two,
        early,
        rec,
        "signed",
    )
    refused(
        office, "missing_field", seized.seal, h, z["seizure_id"], seals, two, now, rec, "refused"
    )
    seized.seal(h, z["seizure_id"], seals, two, now, rec, "signed")
    refused(
        office, "already_sealed", seized.seal, h, z["seizure_id"], seals, two, now, rec, "signed"
    )


def test_request_and_decision_refusals(office) -> None:
    c = office.cred
    z = received(office)
    a, b = z["codes"]
    h, head, k = office.session("H001"), office.session("D001"), office.session("K001")
    q = seized.request_unseal(h, a, "核对")
    refused(office, "request_open", seized.request_unseal, h, a, "再次核对")
    refused(office, "not_signed_in", seized.decide, head, q, c("D002"), True)
    seized.decide(head, q, c("D001"), True)
    refused(office, "already_decided", seized.decide, head, q, c("D001"), False)
    refused(office, "no_approval", seized.unseal, k, b, q, [c("H001"), c("H002")])
    seized.unseal(k, a, q, [c("H001"), c("H002")])
    seized.reseal(k, a, "N-9", [c("H001"), c("H002")])
    refused(office, "approval_used", seized.unseal, k, a, q, [c("H001"), c("H002")])
    x = seized.request_extension(h, z["seizure_id"], 30, "继续")
    refused(office, "request_open", seized.request_extension, h, z["seizure_id"], 30, "再次")
    seized.decide(head, x, c("D001"), False, "理由不足")
    t = seized.request_transfer(h, [b], "鉴定")
    seized.decide(head, t, c("D001"), True)
    tid = seized.transfer_out(k, t, [b], c("H001"), c("K001"), handover_recording(office, "o"))
    refused(office, "wrong_state", seized.find_unrelated, h, [b], "无关")
    refused(
        office,
        "items_of_several_seizures",
        seized.request_transfer,
        h,
        [a, received(office)["codes"][0]],
        "鉴定",
    )
    rec = handover_recording(office, "i")
    seized.transfer_in(k, tid, [b], c("H001"), c("K001"), rec)
    refused(office, "already_returned", seized.transfer_in, k, tid, [b], c("H001"), c("K001"), rec)
    z2 = sealed_seizure(office)
    args = (z2["seizure_id"], z2["codes"], c("K002"), c("K001"), "柜S-09")
    refused(office, "not_investigator", seized.receive, k, *args)


def test_the_heads_own_work(office) -> None:
    c = office.cred
    z = received(office)
    h, k = office.session("H001"), office.session("K001")
    t = seized.request_transfer(h, list(z["codes"]), "鉴定")
    seized.decide(office.session("D001"), t, c("D001"), True)
    tid = seized.transfer_out(
        k, t, z["codes"], c("H001"), c("K001"), handover_recording(office, "o")
    )
    back = seized.transfer_in(
        k,
        tid,
        z["codes"],
        c("H001"),
        c("K001"),
        handover_recording(office, "i"),
        damaged={z["codes"][0]: "划痕"},
    )
    [iid] = back["incidents"]
    refused(office, "not_addressed", seized.acknowledge, office.session("D002"), iid, c("D002"))
    refused(office, "role_refused", seized.acknowledge, k, iid, c("K001"))
    refused(office, "not_signed_in", seized.inspect, office.session("D001"), c("D002"), "x")
    refused(office, "missing_field", seized.inspect, office.session("D001"), c("D001"), " ")
    seized.inspect(office.session("D002"), c("D002"), "本部门无扣押物品")
    assert [i["findings"] for i in seized.inspections(office.session("D001"))] == []
    assert len(seized.inspections(office.session("R001"))) == 1
