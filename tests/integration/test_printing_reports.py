"""Receipts and reports made from real entries: the handover receipt (24-hour rule, both ids
as barcodes), the incident report to the department head, the court transfer list, the
archive handover list; and `keeper label` / `keeper print` on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from printing_tools import decode, pdf_text, rasterise, squash

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import custody, documents, intake, lookup, transfers
from printing.reports import (
    archive_handover_list_pdf,
    court_transfer_list_pdf,
    handover_receipt_pdf,
    incident_report_pdf,
)

pytestmark = pytest.mark.realtool

PASSWORD = "correct-horse-1"
PX_MM = 25.4 / 300


def test_handover_receipt_shows_the_24_hour_rule_and_both_discs(office, tmp_path):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    data = documents.handover_receipt(k, documents.handover_of(k, d))
    assert data["late"] is False and data["original"] == o and data["duplicate"] == d
    pdf = tmp_path / "receipt.pdf"
    r = handover_receipt_pdf(data, pdf)
    assert r.pages == 1 and r.warnings == []
    flat = squash(pdf_text(pdf))
    for word in (
        "讯问录音录像光盘移交登记回执",
        "24小时内",
        "在24小时内",
        "王某某故意伤害案",
        "王某某",
        "张办案",
        "李保管",
        "已电子签名",
        f"S-{o[:14]}",
        "柜A-01",
        "柜B-01",
        squash(data["burned_at"]),
        squash(data["at"]),
    ):
        assert word in flat, word
    assert f"{o[:4]}-{o[4:8]}-{o[8:14]}-{o[14]}-{o[15]}" in flat
    # both ids decode as barcodes, at 30 sub-pixel offsets
    for i in range(30):
        shifted = tmp_path / f"r{i}.pdf"
        handover_receipt_pdf(
            data, shifted, page_shift_mm=(i / 30 * PX_MM, ((i * 17) % 30) / 30 * PX_MM)
        )
        img = rasterise(shifted, tmp_path / f"r{i}", crop_mm=(0, 150, 210, 147))
        assert sorted(decode(img)) == sorted([o, d]), i


def test_a_late_handover_receipt_says_so_with_the_reason(office, tmp_path):
    o, d = office.new_pair()
    office.clock.advance(hours=30)
    k = office.session("K001")
    hid = intake.handover(
        k,
        o,
        office.cred("H001"),
        office.cred("K001"),
        "S-LATE-1",
        "柜A-02",
        "柜B-02",
        late_reason="嫌疑人转押，办案人外出",
    )
    data = documents.handover_receipt(k, hid)
    assert data["late"] is True and data["elapsed_hours"] == 30.0
    pdf = tmp_path / "late.pdf"
    handover_receipt_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    assert "30.0小时—超过24小时" in flat and "超时原因" in flat
    assert "嫌疑人转押，办案人外出" in flat
    handover_receipt_pdf(data, tmp_path / "late-en.pdf", lang="en")
    text = pdf_text(tmp_path / "late-en.pdf")
    assert "LATE: more than 24 hours" in text and "Reason for the delay" in text


def test_incident_report_to_the_department_head(office, tmp_path):
    _o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=3)
    custody.return_medium(
        k,
        d,
        office.cred("H001"),
        office.cred("K001"),
        "damaged",
        "not_checked",
        "盘面有划痕，读取校验不一致",
        unchecked_reason="盘面划伤，无法上机回读",
    )
    head = office.session("D001")
    [inc] = lookup.inbox(head)["incidents"]
    data = documents.incident_report(k, inc["id"])
    pdf = tmp_path / "incident.pdf"
    incident_report_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    for word in (
        "讯问录音录像光盘损毁、调换、丢失情况报告",
        "损毁",
        "盘面有划痕，读取校验不一致",
        "周大队长",
        "李保管",
        "张办案",
        "未校验",
        "尚未签收",
        "A2026-001",
    ):
        assert word in flat, word
    assert f"{d[:4]}-{d[4:8]}-{d[8:14]}-{d[14]}-{d[15]}" in flat
    custody.acknowledge_incident(head, inc["id"], office.cred("D001"), "已安排重新制作副本")
    data = documents.incident_report(k, inc["id"])
    pdf = tmp_path / "incident-acknowledged.pdf"  # a new file: Keeper never writes over one
    incident_report_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    assert "已安排重新制作副本" in flat and "尚未签收" not in flat


def test_court_transfer_list(office, tmp_path):
    _o, d = office.handed_over_pair()
    k = office.session("K001")
    rid = transfers.register_court_request(
        k,
        "A2026-001",
        "court",
        "某市中级人民法院",
        "（2026）刑调字第12号",
        office.clock() - timedelta(hours=5),
        whole_case=True,
    )
    transfers.court_transfer(k, rid, d, office.cred("C001"), office.cred("K001"))
    data = documents.court_transfer_list(k, rid)
    assert [i["code"] for i in data["items"]] == [d]
    pdf = tmp_path / "court.pdf"
    court_transfer_list_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    for word in (
        "向人民法院/人民检察院移送讯问录音录像光盘清单",
        "某市中级人民法院",
        "人民法院",
        "（2026）刑调字第12号",
        "应移送期限（3日内）",
        squash(data["due_at"]),
        "郑书记员",
        "李保管",
        "副本",
        "王某某",
        "合计：1",
    ):
        assert word in flat, word


def test_archive_handover_list(office, tmp_path):
    o, d = office.handed_over_pair()
    transfers.conclude_case(office.session("H001"), "A2026-001")
    k = office.session("K001")
    with pytest.raises(RuleViolation) as e:
        documents.archive_handover_list(k, "A2026-001")
    assert e.value.code == "not_archived"
    transfers.archive_handover(k, "A2026-001", [o, d], office.cred("K001"), office.cred("A001"))
    data = documents.archive_handover_list(k, "A2026-001")
    pdf = tmp_path / "archive.pdf"
    archive_handover_list_pdf(data, pdf)
    flat = squash(pdf_text(pdf))
    for word in (
        "讯问录音录像光盘移交档案部门清单",
        "王某某故意伤害案",
        "钱档案",
        "档案室",
        "李保管",
        "正本",
        "副本",
        f"S-{o[:14]}",
        "合计：2",
        "已电子签名",
    ):
        assert word in flat, word
    archive_handover_list_pdf(data, tmp_path / "archive-en.pdf", lang="en")
    assert "Archive handover list" in pdf_text(tmp_path / "archive-en.pdf")


def _keeper(office, tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    creds = tmp_path / "creds.json"
    if not creds.exists():
        creds.write_text(json.dumps({"K001": PASSWORD}))
        creds.chmod(0o600)
    env = dict(os.environ, TZ="UTC")
    env.pop("CUPS_SERVER", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "keeper_app.cli",
            "--db",
            office.location,
            "--as",
            "K001",
            "--credentials",
            str(creds),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_keeper_label_and_print_on_the_command_line(office, tmp_path):
    o, d = office.handed_over_pair()
    pdf = tmp_path / "labels.pdf"
    r = _keeper(office, tmp_path, "label", d, "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    img = rasterise(pdf, tmp_path / "labels")
    assert sorted(decode(img)) == sorted([o, d])  # both discs of the pair
    assert "正本" in pdf_text(pdf) and "副本" in pdf_text(pdf)
    r = _keeper(
        office,
        tmp_path,
        "label",
        d,
        "--single",
        "--sheet",
        "disc-printer-120",
        "--lang",
        "en",
        "--pdf",
        str(tmp_path / "one.pdf"),
    )
    assert r.returncode == 0, r.stderr
    assert decode(rasterise(tmp_path / "one.pdf", tmp_path / "one")) == [d]
    r = _keeper(
        office, tmp_path, "label", o, "--kind", "seal-bag", "--pdf", str(tmp_path / "bag.pdf")
    )
    assert r.returncode == 0, r.stderr
    assert f"S-{o[:14]}" in pdf_text(tmp_path / "bag.pdf")
    r = _keeper(
        office, tmp_path, "label", o, "--kind", "sleeve", "--pdf", str(tmp_path / "sleeve.pdf")
    )
    assert r.returncode == 0 and "封套" in pdf_text(tmp_path / "sleeve.pdf")
    r = _keeper(office, tmp_path, "print", "receipt", o, "--pdf", str(tmp_path / "rc.pdf"))
    assert r.returncode == 0, r.stderr
    assert "移交登记回执" in pdf_text(tmp_path / "rc.pdf")
    r = _keeper(
        office,
        tmp_path,
        "print",
        "calibration",
        "--sheet",
        "avery-l6015",
        "--pdf",
        str(tmp_path / "cal.pdf"),
    )
    assert r.returncode == 0 and "标签对位测试页" in pdf_text(tmp_path / "cal.pdf")
    # refusals say what is wrong
    r = _keeper(office, tmp_path, "label", d, "--start", "5", "--pdf", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and "label position 5 does not exist" in r.stderr
    r = _keeper(office, tmp_path, "label", d)
    assert r.returncode == 1 and "--pdf FILE" in r.stderr
    r = _keeper(office, tmp_path, "label", d, "--sheet", "nope", "--pdf", str(tmp_path / "y"))
    assert r.returncode == 2 and "no label sheet 'nope'" in r.stderr
    r = _keeper(office, tmp_path, "label", "31012026000001D0", "--pdf", str(tmp_path / "z"))
    assert r.returncode == 2 and "check character" in r.stderr
