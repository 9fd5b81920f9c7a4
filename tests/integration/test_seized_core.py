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
