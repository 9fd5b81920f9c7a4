"""The documents of seized storage media made from the register (issue 15): a seizure entered
and sealed through the services, its tags and its 查封/扣押 inventory printed from the
catalogue — read back with pdftotext and zbarimg, on the PDF and on what a real CUPS queue
printed —, by whoever may see the case (Art. 21) and no one else; `keeper seized print` on
the command line; the audit chain verifies after it all."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from cups_helpers import PRINTER
from cups_helpers import printed as _printed
from printing_tools import decode, page_count, pdf_text, rasterise, squash, tool

from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import catalogue, heads, intake, seized
from keeper_app.store.verify import verify
from keeper_app.timeutil import now_utc
from printing import cups
from printing.seized import TAG_SHEET

pytestmark = pytest.mark.realtool

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
        "copies": 2,
        "copy_length": "各2GB",
        "not_seized_reason": "服务器为在用业务系统，无法扣押",
        "original_location": "某公司机房2号机柜",
        "data_source": "某公司业务服务器",
    },
]


def qr_codes(image: Path) -> list[str]:
    r = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 4), r.stderr  # 4: nothing found
    return [line.strip() for line in r.stdout.splitlines() if line.strip()]


def sealed_seizure(office) -> dict:
    """A seizure of case A2026-001 entered by H001, sealed by H001 and H002 with the
    sealing's recording; the possessor refused to sign."""
    h = office.session("H001")
    at = office.clock() - timedelta(days=1)
    z = seized.intake(
        h,
        "A2026-001",
        {
            "cause": "涉嫌故意伤害",
            "persons": "王某某、李某",
            "record_ref": "搜查笔录 2026 第1号",
            "seized_at": at,
            "place": "某市某区某路1号",
            "possessor": "王某某",
            "witnesses": "赵见证、钱见证",
            "notice_no": "扣押通知书 2026-017",
        },
        ITEMS,
    )
    start = office.clock() - timedelta(hours=3)
    f = ManifestEntry("rec/sealing.mp4", 4321, hashlib.sha256(b"sealing").hexdigest())
    rec = intake.register_recording(
        h,
        "A2026-001",
        "王某某",
        "suspect",
        start,
        start + timedelta(minutes=40),
        "现场",
        [f],
        kind="sealing",
    )
    seized.seal(
        h,
        z["seizure_id"],
        {c: f"F-{c[-6:]}" for c in z["codes"]},
        [office.cred("H001"), office.cred("H002")],
        at + timedelta(hours=1),
        rec,
        "refused",
        "当事人拒绝签名，见证人在场",
    )
    return z


def test_the_inventory_of_a_sealed_seizure_from_the_register(office, tmp_path):
    z = sealed_seizure(office)
    k = office.session("K001")
    doc = catalogue.seized_inventory_of(z["seizure_id"])
    assert doc.filename == f"seized-inventory-{z['seizure_id']}.pdf"
    assert doc.shown == f"#{z['seizure_id']}" and not doc.on_sheet
    pdf = tmp_path / doc.filename
    r = doc.make(k, catalogue.Options(), pdf)
    assert r.pages == page_count(pdf) and r.warnings == []
    flat = squash("".join(pdf_text(pdf, p) for p in range(1, r.pages + 1)))
    for word in (
        "扣押财物、文件清单",
        f"清单编号#{z['seizure_id']}",
        "A2026-001",
        "案由涉嫌故意伤害",
        "王某某、李某",
        "扣押地点某市某区某路1号",
        "所属笔录搜查笔录2026第1号",
        "扣押通知书文号扣押通知书2026-017",
        "U盘/原始存储介质",
        "硬盘/提取的电子数据",
        "金士顿DT50序列号K123",
        "财务账目电子表格",
        "2份/各2GB",
        f"封条编号：F-{z['codes'][0][-6:]}",
        # Art. 123: the data extracted instead of the medium
        "服务器为在用业务系统，无法扣押",
        "某公司机房2号机柜",
        "某公司业务服务器",
        "持有人拒绝签名的，注明情况：持有人拒绝签名；当事人拒绝签名，见证人在场",
        "见证人：赵见证",
        "见证人：钱见证",
        "持有人：王某某",
        "已电子签名",
    ):
        assert word in flat, word
    # the two investigators who signed the sealing, by name and badge
    for badge in ("H001", "H002"):
        assert f"({badge})" in flat, badge
    assert flat.count("调查人员：") == 2
    codes_read: list[str] = []
    for p in range(1, r.pages + 1):
        img = rasterise(pdf, tmp_path / f"inv{p}", page=p)
        codes_read += decode(img)
        (head,) = qr_codes(img)
        seq, hash_ = head.split("-")[1:]
        assert f"审计链第{seq}号事件哈希{hash_.lower()}" in squash(pdf_text(pdf, p))
        # the printout witnesses the chain: the head it carries is on the chain
        assert heads.check_head(office.db.conn, int(seq), hash_, "printout").ok
    assert sorted(codes_read) == sorted(z["codes"])
    # by an item's code, the same seizure's inventory
    by_code = catalogue.seized_inventory_of(z["codes"][1])
    assert by_code.make(k, catalogue.Options(lang="en"), tmp_path / "en.pdf").pages >= 1
    en = squash(pdf_text(tmp_path / "en.pdf"))
    assert "Inventoryofseizedpropertyanddocuments" in en and "USBstick/originalmedium" in en
    assert verify(office.db.conn).ok


def test_tags_of_a_seizure_and_of_one_item(office, tmp_path):
    z = sealed_seizure(office)
    k = office.session("K001")
    pdf = tmp_path / "tags.pdf"
    r = catalogue.seized_tags_of(z["seizure_id"]).make(k, catalogue.Options(start=2), pdf)
    assert [(p.page, p.position, p.code) for p in r.placements] == [
        (1, 2, z["codes"][0]),
        (1, 3, z["codes"][1]),
    ]
    for p in r.placements:
        left, top = TAG_SHEET.corners[p.position - 1]
        crop = (left, top, TAG_SHEET.width_mm, TAG_SHEET.height_mm)
        assert decode(rasterise(pdf, tmp_path / f"t{p.position}", crop_mm=crop)) == [p.code]
    flat = squash(pdf_text(pdf))
    for word in ("扣押", "案件编号：A2026-001", "物品：U盘/原始存储介质", "封条编号：F-"):
        assert word in flat, word
    one = catalogue.seized_tags_of(z["codes"][1])
    assert one.filename.startswith("seized-tags-") and one.on_sheet
    r = one.make(k, catalogue.Options(), tmp_path / "one.pdf")
    assert [p.code for p in r.placements] == [z["codes"][1]]


def test_only_those_who_may_see_the_case_print_its_documents(office, tmp_path):
    z = sealed_seizure(office)
    for doc in (
        catalogue.seized_inventory_of(z["seizure_id"]),
        catalogue.seized_tags_of(z["codes"][0]),
    ):
        with pytest.raises(RuleViolation) as e:
            doc.make(office.session("ADMIN"), catalogue.Options(), tmp_path / "admin.pdf")
        assert e.value.code == "role_refused"
        assert not (tmp_path / "admin.pdf").exists()
        # a handler of another department's case may not see this one (Art. 21)
        with pytest.raises(RuleViolation) as e:
            doc.make(office.session("H003"), catalogue.Options(), tmp_path / "h3.pdf")
        assert e.value.code == "not_your_case"
        assert not (tmp_path / "h3.pdf").exists()
    with pytest.raises(RuleViolation) as e:
        catalogue.seized_inventory_of(999).make(
            office.session("K001"), catalogue.Options(), tmp_path / "none.pdf"
        )
    assert e.value.code == "unknown_seizure"


def test_the_inventory_printed_through_cups_reads_back(office, cups_server, tmp_path):
    z = sealed_seizure(office)
    k = office.session("K001")
    pdf = tmp_path / "inventory.pdf"
    r = catalogue.seized_inventory_of(z["seizure_id"]).make(k, catalogue.Options(), pdf)
    job = cups.print_pdf(
        pdf, PRINTER, media=r.media, title="seized inventory", server=cups_server.socket
    )
    out = _printed(cups_server, job)
    assert page_count(out) == r.pages
    (head,) = qr_codes(rasterise(pdf, tmp_path / "made"))  # the head when it was made
    assert head.startswith("KH1-")
    codes_read: list[str] = []
    for p in range(1, r.pages + 1):
        # cups-pdf re-renders the page: its CJK text no longer reads back, its ASCII does
        assert head.split("-")[2].lower() in squash(pdf_text(out, p)), p
        img = rasterise(out, tmp_path / f"printed{p}", page=p)
        codes_read += decode(img)
        assert qr_codes(img) == [head], p
    assert sorted(codes_read) == sorted(z["codes"])


def received(office) -> dict:
    z = sealed_seizure(office)
    seized.receive(
        office.session("K001"),
        z["seizure_id"],
        z["codes"],
        office.cred("H001"),
        office.cred("K001"),
        "涉案财物室 柜S-01",
    )
    return z


def found_unrelated(office, z: dict) -> int:
    """The second item found unrelated to the case and the finding approved by the head."""
    r = seized.find_unrelated(office.session("H001"), [z["codes"][1]], "经审查与本案无关")
    seized.decide(office.session("D001"), r, office.cred("D001"), True)
    return r


def test_the_release_notice_and_inventory_before_and_after_the_items_are_given_back(
    office, tmp_path
):
    z = received(office)
    k = office.session("K001")
    # the inventory now names the keeper who received the seizure
    inv = tmp_path / "inventory.pdf"
    catalogue.seized_inventory_of(z["seizure_id"]).make(k, catalogue.Options(), inv)
    assert "保管人员：李保管" in squash(pdf_text(inv))
    r = found_unrelated(office, z)
    doc = catalogue.seized_release_of(r)
    assert doc.filename == f"seized-release-{r}.pdf" and doc.job_title == f"seized release {r}"
    before = tmp_path / "before.pdf"
    doc.make(k, catalogue.Options(), before)
    flat = squash("".join(pdf_text(before, p) for p in range(1, page_count(before) + 1)))
    for word in (
        "解除扣押通知书",
        f"文号：#{r}",
        "王某某：",
        "经审查与本案无关。",
        "经周大队长于",  # the head who approved, and when
        "查明之日起三日内",
        "附：解除扣押财物、文件清单（共1件）",
        "解除扣押财物、文件清单",
        "硬盘/提取的电子数据",
        "领取人（持有人）：王某某",
    ):
        assert word in flat, word
    assert "已逾期" not in flat
    codes_read: list[str] = []
    for p in range(1, page_count(before) + 1):
        codes_read += decode(rasterise(before, tmp_path / f"b{p}", page=p))
    assert codes_read == [z["codes"][1]]  # only the released item, on the inventory
    # given back: the recipient refused to sign; the investigator and the keeper signed
    office.clock.advance(days=1)
    seized.release(
        k,
        r,
        [z["codes"][1]],
        office.cred("H001"),
        office.cred("K001"),
        "王某某",
        "refused",
        "拒绝签收，见证人在场",
    )
    after = tmp_path / "after.pdf"
    doc.make(k, catalogue.Options(), after)
    flat = squash("".join(pdf_text(after, p) for p in range(1, page_count(after) + 1)))
    for word in (
        "领取人拒绝签名的，注明情况：领取人拒绝签名；拒绝签收，见证人在场",
        "退还对象王某某",
        "已电子签名",
        "(H001)",
        "(K001)",
    ):
        assert word in flat, word
    assert "已逾期" not in flat
    en = tmp_path / "en.pdf"
    doc.make(k, catalogue.Options(lang="en"), en)
    assert "Notice of release from seizure" in pdf_text(en)
    assert verify(office.db.conn).ok


def test_no_release_notice_before_the_heads_approval(office, tmp_path):
    z = received(office)
    r = seized.find_unrelated(office.session("H001"), [z["codes"][1]], "与本案无关")
    with pytest.raises(RuleViolation) as e:
        catalogue.seized_release_of(r).make(
            office.session("K001"), catalogue.Options(), tmp_path / "n.pdf"
        )
    assert e.value.code == "release_not_approved"
    assert not (tmp_path / "n.pdf").exists()
    with pytest.raises(RuleViolation) as e:
        catalogue.seized_release_of(r + 100).make(
            office.session("K001"), catalogue.Options(), tmp_path / "n.pdf"
        )
    assert e.value.code == "unknown_request"


def test_a_release_past_the_three_days_says_it_is_late(office, tmp_path):
    z = received(office)
    r = found_unrelated(office, z)
    office.clock.advance(days=3, seconds=1)
    pdf = tmp_path / "late.pdf"
    catalogue.seized_release_of(r).make(office.session("K001"), catalogue.Options(), pdf)
    assert "（已逾期）" in squash(pdf_text(pdf, 1))


# ------------------------------------------------------------------ the command
@pytest.fixture
def creds(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "H001", "ADMIN")}))
    p.chmod(0o600)
    return p


def keeper(office, creds: Path, *args: str, badge: str = "K001", **env: str):
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    cmd += ["--credentials", str(creds), "--as", badge]
    return subprocess.run(
        cmd + list(args),
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, **env),
    )


def test_keeper_seized_print_tag_inventory_and_release(office, creds, cups_server, tmp_path):
    office.clock.t = now_utc() - timedelta(days=1, minutes=5)
    z = received(office)
    office.clock.t = now_utc() - timedelta(minutes=5)
    rq = found_unrelated(office, z)
    office.db.conn.commit()
    pdf = tmp_path / "inv.pdf"
    r = keeper(
        office, creds, "seized", "print", "inventory", str(z["seizure_id"]), "--pdf", str(pdf)
    )
    assert r.returncode == 0, r.stderr
    assert f"saved {pdf}" in r.stdout
    assert "扣押财物、文件清单" in squash(pdf_text(pdf))
    pdf_en = tmp_path / "inv-en.pdf"
    r = keeper(
        office,
        creds,
        "seized",
        "print",
        "inventory",
        z["codes"][0],
        "--pdf",
        str(pdf_en),
        "--lang",
        "en",
    )
    assert r.returncode == 0, r.stderr
    assert "Inventory of seized property" in pdf_text(pdf_en)
    # a tag to a printer (the real CUPS queue), from the second free position
    r = keeper(
        office,
        creds,
        "seized",
        "print",
        "tag",
        z["codes"][1],
        "--printer",
        PRINTER,
        "--start",
        "2",
        CUPS_SERVER=cups_server.socket,
        XDG_CONFIG_HOME=str(tmp_path),
    )
    assert r.returncode == 0, r.stderr
    out = _printed(cups_server, r.stdout.split("job ")[-1].strip())
    left, top = TAG_SHEET.corners[1]
    crop = (left, top, TAG_SHEET.width_mm, TAG_SHEET.height_mm)
    assert decode(rasterise(out, tmp_path / "cli-tag", crop_mm=crop)) == [z["codes"][1]]
    # refusals: a file that exists is not replaced; an unknown item; the administrator
    r = keeper(
        office, creds, "seized", "print", "inventory", str(z["seizure_id"]), "--pdf", str(pdf)
    )
    assert r.returncode == 2 and "exists" in r.stderr
    r = keeper(office, creds, "seized", "print", "tag", "999", "--pdf", str(tmp_path / "x.pdf"))
    assert r.returncode != 0 and "no seizure #999" in r.stderr
    r = keeper(
        office,
        creds,
        "seized",
        "print",
        "inventory",
        "1",
        "--pdf",
        str(tmp_path / "a.pdf"),
        badge="ADMIN",
    )
    assert r.returncode == 1 and "refused" in r.stderr
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "a.pdf").exists()
    # the release: its notice with the release inventory, in English
    rel = tmp_path / "release.pdf"
    r = keeper(
        office, creds, "seized", "print", "release", str(rq), "--pdf", str(rel), "--lang", "en"
    )
    assert r.returncode == 0, r.stderr
    text = pdf_text(rel)
    assert "Notice of release from seizure" in text and "Inventory of property" in text
    assert decode(rasterise(rel, tmp_path / "rel2", page=2)) == [z["codes"][1]]
    r = keeper(office, creds, "seized", "print", "release", "abc", "--pdf", str(tmp_path / "y.pdf"))
    assert r.returncode != 0 and "'abc' is not a release request's number" in r.stderr
    r = keeper(office, creds, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
