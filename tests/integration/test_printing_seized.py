"""The documents of seized storage media (issue 15), drawn from plain data and read back as a
person and a scanner would: the tag (Code 128 id where the sheet's label is, moved by the
printer's calibration), the 查封/扣押 inventory (Art. 126-128(4), 123), the release notice and
the release inventory (Art. 124, 134) — Chinese and English, the text with pdftotext, every
item's barcode and every page's head QR code with zbarimg, long lists over several pages
with the header repeated and "page n of N"."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from printing_tools import decode, page_count, pdf_text, rasterise, squash, tool, words

from printing import PrintError
from printing.layouts import Calibration
from printing.seized import (
    TAG_SHEET,
    Audit,
    Extraction,
    Release,
    SeizedItem,
    Seizure,
    Signer,
    Tag,
    inventory_pdf,
    release_inventory_pdf,
    release_notice_pdf,
    release_pdf,
    tags_pdf,
)

pytestmark = pytest.mark.realtool

HASH = "7a6b5c4d3e2f1a0b" * 4
AUDIT = Audit(812, HASH, f"KH1-812-{HASH.upper()}")
DPI = 300
FOOTER_TOP = 210.0 - 15.0  # mm from the top of a landscape page: the initials and the footer


def qr_codes(image: Path) -> list[str]:
    r = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 4), r.stderr  # 4: nothing found
    return [line.strip() for line in r.stdout.splitlines() if line.strip()]


def code(i: int) -> str:
    return f"9201202600{i:04d}S{i % 10}"


def item(i: int, **kw: object) -> SeizedItem:
    base = SeizedItem(
        code=code(i),
        pretty=f"9201-2026-00{i:04d}-S-{i % 10}",
        name="U盘" if i % 2 else "移动硬盘",
        item_type="电子数据存储介质",
        specification=f"金士顿 DataTraveler 64GB 序列号 KX{i:05d}",
        capacity="64GB",
        file_formats="XLSX、DOCX、EML",
        copies="1份",
        content=f"涉案公司账目第{i}册",
        features=f"黑色外壳，贴有封条F-{i:03d}",
        remarks=f"备注{i}号",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def seizure(n: int = 3, **kw: object) -> Seizure:
    base = Seizure(
        measure="seize",
        case_no="JC-2026-0042",
        case_name="张某某涉嫌受贿案",
        cause="受贿",
        persons=("张某某", "李某"),
        at="2026-03-04 10:15:00",
        place="某某市某某区某某路12号某某公司财务室",
        record="扣押笔录（2026）第12号",
        notice_no="监扣通〔2026〕12号",
        inventory_no="QD-2026-12",
        unit="某某市监察委员会第三监督检查室",
        possessor=Signer("王持有", "身份证310101198001011234"),
        investigators=(
            Signer("赵调查", "J0001", signed_at="2026-03-04 11:00:00"),
            Signer("钱调查", "J0002"),
        ),
        witnesses=(Signer("孙见证"),),
        keeper=Signer("李保管", "K001"),
        items=tuple(item(i) for i in range(1, n + 1)),
        audit=AUDIT,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def release(s: Seizure, n: int = 2, **kw: object) -> Release:
    base = Release(
        seizure=s,
        items=s.items[:n],
        notice_no="监解扣〔2026〕3号",
        to="王持有",
        reason="上述财物、文件与本案无关",
        found_at="2026-03-10 09:00:00",
        due_at="2026-03-13 09:00:00",
        approved_by="周主任",
        approved_at="2026-03-10 15:00:00",
        issued_at="2026-03-11",
        released_at="2026-03-11 10:00:00",
        returned_to=Signer("王持有"),
        investigators=s.investigators,
        keeper=s.keeper,
        audit=AUDIT,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def column(pdf: Path, page: int, header: str, next_header: str | None) -> str:
    """The text of one column of the item table on ``page`` (below its header, between the
    left edges of its header and the next, or the page's edge), top to bottom: a wrapped
    cell reads whole."""
    ws = words(pdf, page)
    head = next(x for x in ws if x.text == header)
    right = next((x.x0 for x in ws if x.text == next_header and abs(x.y0 - head.y0) < 3), 1000.0)
    inside = [
        x
        for x in ws
        if head.x0 - 1 <= x.x0 < right - 0.5 and head.y1 + 1 < x.y0 and x.y1 < FOOTER_TOP
    ]
    inside.sort(key=lambda x: (round(x.y0, 1), x.x0))
    return "".join(x.text for x in inside)


def every_page(pdf: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The Code 128 symbols read on all pages, and the pages' text; checks on each page the
    head's QR code, the head in the footer and "page n of N"."""
    pages = page_count(pdf)
    codes: list[str] = []
    texts: list[str] = []
    for p in range(1, pages + 1):
        image = rasterise(pdf, tmp_path / f"{pdf.stem}-{p}", dpi=DPI, page=p)
        assert qr_codes(image) == [AUDIT.qr], p
        codes += decode(image)
        text = squash(pdf_text(pdf, p))
        assert HASH in text, p
        assert f"第{p}页/共{pages}页" in text or f"Page{p}of{pages}" in text, (p, text[-200:])
        texts.append(text)
    return codes, texts


# ------------------------------------------------------------------ the inventory
def test_the_inventory_lists_every_field_of_art_128_and_every_barcode(tmp_path):
    s = seizure(3)
    s = replace(
        s,
        items=(
            *s.items[:2],
            item(
                3,
                extraction=Extraction(
                    "服务器位于境外机房，无法扣押原始存储介质",
                    "某云服务商杭州机房12号机柜",
                    "远程提取自邮箱 zhang@example.com",
                ),
            ),
        ),
    )
    pdf = tmp_path / "inventory.pdf"
    r = inventory_pdf(s, pdf)
    assert r.pages == 1 and r.warnings == []
    codes, (flat,) = every_page(pdf, tmp_path)
    assert sorted(codes) == [code(1), code(2), code(3)]
    for word in (
        "扣押财物、文件清单",
        "QD-2026-12",
        "JC-2026-0042",
        "张某某涉嫌受贿案",
        "案由受贿",
        "张某某、李某",
        "扣押时间2026-03-0410:15:00",
        "扣押地点某某市某某区某某路12号某某公司财务室",
        "所属笔录扣押笔录（2026）第12号",
        "监扣通〔2026〕12号",
        "王持有",
        "某某市监察委员会第三监督检查室",
        # the columns of Art. 128(4)
        "序号",
        "名称/类型",
        "规格",
        "长度/容量",
        "文件格式",
        "份数/长度",
        "内容",
        "特征",
        "备注",
        # Art. 123: the data extracted, why, where the medium is, where the data came from
        "提取电子数据",
        "服务器位于境外机房，无法扣押原始存储介质",
        "某云服务商杭州机房12号机柜",
        "远程提取自邮箱zhang@example.com",
        "共3件",
        "持有人拒绝签名的，注明情况",
        "赵调查(J0001)",
        "已电子签名2026-03-0411:00:00",
        "钱调查(J0002)",
        "孙见证",
        "李保管(K001)",
    ):
        assert word in flat, word
    # each column holds its items' values, in order, a wrapped value whole
    cols = {
        "名称/类型": [f"{x.name}/{x.item_type}" for x in s.items],
        "规格": [x.specification for x in s.items],
        "内容": [x.content for x in s.items],
        "特征": [x.features for x in s.items],
        "备注": [x.remarks for x in s.items],
    }
    order = ["序号", "编号", "名称/类型", "规格", "长度/容量", "文件格式", "份数/长"]
    order += ["内容", "特征", "备注"]
    for name, values in cols.items():
        after = order[order.index(name) + 1] if name != "备注" else None
        text = column(pdf, 1, name, after)
        for v in values:
            assert squash(v) in text, (name, v)
        if len(set(values)) == len(values):
            assert text.index(squash(values[0])) < text.index(squash(values[2])), name
    for it in s.items:
        assert it.pretty in flat
    # the signature boxes: two investigators, the witness, the possessor, the keeper
    assert flat.count("调查人员：") == 2
    assert "见证人：孙见证" in flat and "保管人员：李保管" in flat
    assert flat.count("签名（盖章）：") == 5
    # one page: no line for initials
    assert "本页签名" not in flat


def test_the_inventory_in_english(tmp_path):
    # six signature boxes to a line: the time of an electronic signature still whole
    s = seizure(2, measure="seal", witnesses=(Signer("孙见证"), Signer("周见证")))
    pdf = tmp_path / "inventory-en.pdf"
    assert inventory_pdf(s, pdf, lang="en").pages == 1
    codes, (flat,) = every_page(pdf, tmp_path)
    assert sorted(codes) == [code(1), code(2)]
    for word in (
        "Inventoryofsealedpropertyanddocuments",
        "Causeofaction",
        "Personsconcerned",
        "Timeofsealing",
        "Placeofsealing",
        "Record",
        "Specification",
        "Length/capacity",
        "Fileformats",
        "Copies/length",
        "Content",
        "Features",
        "Remarks",
        "2item(s)inall",
        "Ifthepossessorrefusestosign,notethecircumstances",
        "Investigator:",
        "Witness:",
        "Possessor:",
        "Keeper:",
        "signedelectronically2026-03-0411:00:00",
    ):
        assert word in flat, word


def test_a_long_inventory_repeats_its_header_and_numbers_its_pages(tmp_path):
    s = seizure(40)
    pdf = tmp_path / "long.pdf"
    r = inventory_pdf(s, pdf)
    assert r.pages >= 4 and page_count(pdf) == r.pages
    codes, texts = every_page(pdf, tmp_path)
    # every item's barcode, each once
    assert sorted(codes) == sorted(code(i) for i in range(1, 41))
    for p, text in enumerate(texts, start=1):
        # the column header on every page the table is on, the document's on the others
        if p < len(texts) or "序号" in text:
            assert "序号" in text and "文件格式" in text and "份数/长度" in text, p
        if p > 1:
            assert "扣押财物、文件清单案件编号：JC-2026-0042清单编号：QD-2026-12（续）" in text
        # initials on every page of a document of several pages
        assert "本页签名：调查人员" in text and "持有人" in text, p
    flat = "".join(texts)
    for i in range(1, 41):
        assert f"涉案公司账目第{i}册" in flat, i
    assert "共40件" in texts[-1]
    assert flat.count("签名（盖章）：") == 5


def test_long_text_wraps_in_its_cell_and_a_tall_row_continues_on_the_next_page(tmp_path):
    content = "".join(
        f"第{k}段：涉案公司二〇一九年至二〇二三年往来账目及电子邮件。" for k in range(60)
    )
    spec = "希捷 Expansion 4TB USB3.0 " * 6
    s = seizure(3)
    s = replace(s, items=(s.items[0], item(2, content=content, specification=spec), s.items[2]))
    pdf = tmp_path / "tall.pdf"
    r = inventory_pdf(s, pdf)
    assert r.pages >= 2 and r.warnings == []
    codes, texts = every_page(pdf, tmp_path)
    assert sorted(codes) == [code(1), code(2), code(3)]
    assert "2（续）" in texts[1]  # the row's continuation is marked
    # nothing of the long content is lost: it reads whole down the content column
    content_col = "".join(column(pdf, p, "内容", "特征") for p in range(1, r.pages + 1))
    assert squash(content) in content_col
    assert squash(spec) in column(pdf, 1, "规格", "长度/容量")


def test_a_possessor_who_refuses_to_sign_is_noted_and_too_few_signers_leave_boxes(tmp_path):
    note = "持有人王持有拒绝签名，由见证人孙见证在场证明"
    s = seizure(1, possessor_note=note, investigators=(Signer("赵调查", "J0001"),), witnesses=())
    pdf = tmp_path / "refused.pdf"
    inventory_pdf(s, pdf)
    flat = squash(pdf_text(pdf))
    assert "持有人拒绝签名的，注明情况：" + note in flat
    # Art. 126: not fewer than two investigators; a witness's box even if none was recorded
    assert flat.count("调查人员：") == 2
    assert flat.count("见证人：") == 1


def test_items_of_both_measures_in_one_record_say_which_each_is(tmp_path):
    s = seizure(2, measure="")
    s = replace(
        s, items=(replace(s.items[0], measure="seal"), replace(s.items[1], measure="seize"))
    )
    pdf = tmp_path / "mixed.pdf"
    inventory_pdf(s, pdf)
    flat = squash(pdf_text(pdf))
    assert "查封/扣押财物、文件清单" in flat
    assert "[查封]U盘" in flat and "[扣押]移动硬盘" in flat
    assert "查封/扣押时间" in flat


def test_a_character_the_font_lacks_is_named_before_printing(tmp_path):
    s = seizure(1, possessor=Signer("王\U00030000"))
    r = inventory_pdf(s, tmp_path / "rare.pdf")
    assert len(r.warnings) == 1 and "U+30000" in r.warnings[0]


@pytest.mark.parametrize(
    ("make", "code_"),
    [
        (lambda p: inventory_pdf(seizure(0), p), "nothing_to_print"),
        (lambda p: inventory_pdf(seizure(1, measure="confiscate"), p), "bad_measure"),
        (lambda p: inventory_pdf(seizure(1), p, lang="fr"), "bad_language"),
        (lambda p: inventory_pdf(seizure(1, items=(item(1, code="刻录"),)), p), "bad_barcode_text"),
        (lambda p: release_notice_pdf(release(seizure(2), 0), p), "nothing_to_print"),
        (lambda p: release_inventory_pdf(release(seizure(2), 0), p), "nothing_to_print"),
        (lambda p: tags_pdf([], p), "nothing_to_print"),
        (lambda p: tags_pdf([Tag(code(1), "keep", "JC-1")], p), "bad_measure"),
        (lambda p: tags_pdf([Tag(code(1), "seal", "JC-1")], p, start=9), "bad_start_position"),
        (lambda p: tags_pdf([Tag("X" * 60, "seal", "JC-1")], p), "label_too_small"),
    ],
)
def test_what_cannot_be_printed_is_refused_and_no_file_is_left(tmp_path, make, code_):
    pdf = tmp_path / "refused.pdf"
    with pytest.raises(PrintError) as e:
        make(pdf)
    assert e.value.code == code_
    assert not pdf.exists()


# ------------------------------------------------------------------ the release
def test_the_release_notice_says_why_who_approved_and_the_three_days(tmp_path):
    s = seizure(3)
    rel = release(s, 2)
    pdf = tmp_path / "notice.pdf"
    r = release_notice_pdf(rel, pdf)
    assert r.pages == 1 and r.warnings == []
    codes, (flat,) = every_page(pdf, tmp_path)
    assert codes == []  # the ids as text: the barcodes are on the attached inventory
    for word in (
        "解除扣押通知书",
        "文号：监解扣〔2026〕3号",
        "王持有：",
        "本机关于2026-03-0410:15:00在某某市某某区某某路12号某某公司财务室对王持有的财物、文件予以扣押",
        "扣押笔录（2026）第12号",
        "经查，上述财物、文件与本案无关。",
        "经周主任于2026-03-1015:00:00批准",
        "共2件解除扣押",
        "2026-03-1309:00:00前",
        "附：解除扣押财物、文件清单（共2件）",
        item(1).pretty,
        item(2).pretty,
        "某某市监察委员会第三监督检查室（盖章）",
        "签发日期：2026-03-11",
        "回执",
        "本通知书及所附清单已收到",
        "领取人拒绝签名的，注明情况",
        "被通知人：王持有",
    ):
        assert word in flat, word
    assert item(3).pretty not in flat  # not released
    assert "身份证" not in flat.split("回执")[0]  # the body names the possessor by name


def test_a_late_release_says_so(tmp_path):
    rel = release(seizure(1), 1, late=True)
    for lang, word in (("zh", "（已逾期）"), ("en", "(LATE)")):
        pdf = tmp_path / f"late-{lang}.pdf"
        release_notice_pdf(rel, pdf, lang=lang)
        assert word in squash(pdf_text(pdf)), lang
        pdf = tmp_path / f"late-inv-{lang}.pdf"
        release_inventory_pdf(rel, pdf, lang=lang)
        assert squash(word.strip("（）()")) in squash(pdf_text(pdf)), lang


def test_the_release_notice_in_english(tmp_path):
    rel = release(seizure(2, measure="seal"), 2)
    pdf = tmp_path / "notice-en.pdf"
    release_notice_pdf(rel, pdf, lang="en")
    _, (flat,) = every_page(pdf, tmp_path)
    for word in (
        "Noticeofreleasefromsealing",
        "To:王持有",
        "thisofficesealedpropertyanddocumentsof王持有",
        "Onexamination:上述财物、文件与本案无关.",
        "UnderArticles124and134,withtheapprovalof周主任on2026-03-1015:00:00",
        "withinthreedaysof2026-03-1009:00:00",
        "Attached:Inventoryofpropertyanddocumentsreleasedfromsealing(2item(s))",
        "Ihavereceivedthisnoticeandtheattachedinventory",
        "Notifiedperson:王持有",
    ):
        assert word in flat, word


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_release_inventory_lists_the_released_items_for_the_possessor_to_sign(tmp_path, lang):
    s = seizure(3)
    rel = release(s, 2, recipient_note="" if lang == "en" else "王持有拒绝签名，已录像")
    pdf = tmp_path / f"release-{lang}.pdf"
    r = release_inventory_pdf(rel, pdf, lang=lang)
    codes, texts = every_page(pdf, tmp_path)
    assert r.pages == len(texts)
    assert sorted(codes) == [code(1), code(2)]  # the third stays seized
    flat = "".join(texts)
    words = {
        "zh": (
            "解除扣押财物、文件清单",
            "原扣押2026-03-0410:15:00",
            "解除通知书文号监解扣〔2026〕3号",
            "解除原因上述财物、文件与本案无关",
            "批准周主任2026-03-1015:00:00",
            "查明时间2026-03-1009:00:00",
            "应退还期限2026-03-1309:00:00",
            "退还对象王持有",
            "退还时间2026-03-1110:00:00",
            "共2件",
            "领取人拒绝签名的，注明情况：王持有拒绝签名，已录像",
            "领取人（持有人）：王持有",
            "保管人员：李保管",
        ),
        "en": (
            "Inventoryofpropertyanddocumentsreleasedfromseizure",
            "Originalseizure",
            "Releasenoticeno.",
            "Reasonfortherelease",
            "Returndueby2026-03-1309:00:00",
            "Returnedto王持有",
            "2item(s)inall",
            "Iftherecipientrefusestosign,notethecircumstances",
            "Receivedby(possessor):王持有",
        ),
    }[lang]
    for word in words:
        assert word in flat, word
    assert item(3).content not in flat


# ------------------------------------------------------------------ the tag
def tag(i: int, measure: str = "seal", **kw: object) -> Tag:
    it = item(i)
    base = Tag(
        code=it.code,
        measure=measure,
        case_no="JC-2026-0042",
        case_name="张某某涉嫌受贿案",
        name=it.name,
        item_type=it.item_type,
        description=it.specification,
        seized_at="2026-03-04",
        pretty=it.pretty,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def tag_crop(left_top: tuple[float, float], cal: Calibration | None = None) -> tuple[float, ...]:
    cal = cal or Calibration()
    x, y = left_top
    return (x - cal.dx_mm, y - cal.dy_mm, TAG_SHEET.width_mm, TAG_SHEET.height_mm)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tags_fill_the_sheet_from_the_first_free_position(tmp_path, lang):
    tags = [tag(i, "seal" if i % 2 else "seize") for i in range(1, 8)]
    pdf = tmp_path / f"tags-{lang}.pdf"
    r = tags_pdf(tags, pdf, start=5, lang=lang)
    assert r.pages == 2 and r.warnings == [] and r.media == "A4"
    assert [(p.page, p.position, p.code) for p in r.placements] == [
        (1, 5, code(1)),
        (1, 6, code(2)),
        (1, 7, code(3)),
        (1, 8, code(4)),
        (2, 1, code(5)),
        (2, 2, code(6)),
        (2, 3, code(7)),
    ]
    for p in r.placements:
        corner = TAG_SHEET.corners[p.position - 1]
        img = rasterise(
            pdf, tmp_path / f"t{p.page}-{p.position}", page=p.page, crop_mm=tag_crop(corner)
        )
        assert decode(img) == [p.code], p
        words = squash(pdf_text(pdf, p.page))
        i = int(p.code[10:14])
        measure = {"zh": ("查封", "扣押"), "en": ("SEALED", "SEIZED")}[lang][0 if i % 2 else 1]
        assert measure in words
    page1 = squash(pdf_text(pdf, 1))
    for word in {
        "zh": (
            "查封/扣押物品标签",
            "案件编号：JC-2026-0042",
            "案件名称：张某某涉嫌受贿案",
            "物品：U盘/电子数据存储介质",
            "查封日期：2026-03-04",
            "扣押日期：2026-03-04",
            item(1).pretty,
        ),
        "en": (
            "Seizeditemtag",
            "Casenumber:JC-2026-0042",
            "Item:U盘/电子数据存储介质",
            "Dateofsealing:2026-03-04",
            "Dateofseizure:2026-03-04",
            item(1).pretty,
        ),
    }[lang]:
        assert word in page1, word
    # the first four positions of the partly used sheet stay blank
    blank = rasterise(pdf, tmp_path / "blank", crop_mm=(0, 0, 210, 13.1 + 2 * 67.7 - 1))
    assert decode(blank) == []


def test_a_tag_follows_the_printers_calibration(tmp_path):
    cal = Calibration(2.0, -1.5, 300)
    pdf = tmp_path / "cal.pdf"
    r = tags_pdf([tag(1)], pdf, calibration=cal)
    (p,) = r.placements
    # the drawing moved by minus the offset: the barcode's box moved by (-2, -1.5) mm
    plain = tags_pdf([tag(1)], tmp_path / "plain.pdf").placements[0]
    assert p.barcode is not None and plain.barcode is not None
    assert abs(p.barcode.x_mm - plain.barcode.x_mm + 2.0) < 0.1
    assert abs(p.barcode.y_mm - plain.barcode.y_mm + 1.5) < 0.1
    img = rasterise(pdf, tmp_path / "cal", crop_mm=tag_crop(TAG_SHEET.corners[0], cal))
    assert decode(img) == [code(1)]


def test_a_tags_barcode_decodes_wherever_the_printers_dots_fall(tmp_path):
    px = 25.4 / DPI
    for i in range(12):
        pdf = tmp_path / f"s{i}.pdf"
        tags_pdf([tag(3)], pdf, page_shift_mm=(i / 12 * px, ((i * 5) % 12) / 12 * px))
        img = rasterise(pdf, tmp_path / f"s{i}", crop_mm=tag_crop(TAG_SHEET.corners[0]))
        assert decode(img) == [code(3)], i


def test_a_long_description_shrinks_the_text_and_only_then_is_cut(tmp_path):
    medium = "希捷 Expansion 4TB 移动硬盘，序列号 NAB12345，外壳银色，右下角有磕痕，附USB数据线一根"
    pdf = tmp_path / "medium.pdf"
    r = tags_pdf([tag(1, description=medium)], pdf)
    assert r.warnings == []
    assert squash(medium) in squash(pdf_text(pdf))
    huge = medium * 12
    pdf = tmp_path / "huge.pdf"
    r = tags_pdf([tag(1, description=huge)], pdf)
    assert len(r.warnings) == 1 and code(1) in r.warnings[0]
    flat = squash(pdf_text(pdf))
    # the fields after the description still print, and the barcode still reads
    assert "查封日期：2026-03-04" in flat and "…" in flat
    img = rasterise(pdf, tmp_path / "huge", crop_mm=tag_crop(TAG_SHEET.corners[0]))
    assert decode(img) == [code(1)]


# ------------------------------------------------------------------ from the services' dicts
def test_the_documents_are_drawn_from_plain_dicts_with_stored_values_in_words(tmp_path):
    data = {
        "measure": "seize",
        "case_no": "JC-2026-0043",
        "case_name": "某某涉嫌贪污案",
        "persons": ["周某"],
        "at": "2026-04-01 09:00:00",
        "possessor": {"name": "吴持有"},
        "possessor_signature": "refused",
        "possessor_note": "经见证人见证",
        "investigators": [{"name": "赵调查", "badge": "J0001", "signed_at": "2026-04-01 10:00:00"}],
        "keeper": {"name": "李保管"},
        "audit": AUDIT.as_dict(),
        "items": [
            {
                "code": code(1),
                "pretty": item(1).pretty,
                "name": "usb_stick",
                "item_type": "original",
                "copies": "2",
                "copy_length": "各64GB",
                "content": "账目",
                "seal_no": "F-0101",
                "location": "柜C-01",
            },
            {
                "code": code(2),
                "name": "phone",
                "item_type": "extracted",
                "copies": "1",
                "content": "聊天记录",
                "extraction": {"reason": "手机由持有人继续使用", "data_source": "微信聊天记录"},
            },
        ],
    }
    for lang, words_ in (
        (
            "zh",
            (
                "U盘/原始存储介质",
                "手机/提取的电子数据",
                "2份/各64GB",
                "1份",
                "封条编号：F-0101；存放位置：柜C-01",
                "持有人拒绝签名的，注明情况：持有人拒绝签名；经见证人见证",
                "原因：手机由持有人继续使用；电子数据来源：微信聊天记录",
            ),
        ),
        (
            "en",
            (
                "USBstick/originalmedium",
                "phone/extracteddata",
                "2copies/各64GB",
                "1copy",
                "sealno.:F-0101;keptat:柜C-01",
                "Thepossessorrefusedtosign;经见证人见证",
            ),
        ),
    ):
        pdf = tmp_path / f"dict-{lang}.pdf"
        inventory_pdf(data, pdf, lang=lang)
        codes, texts = every_page(pdf, tmp_path)
        assert sorted(codes) == [code(1), code(2)]
        cells = "".join(
            column(pdf, p, h, n)
            for p in range(1, len(texts) + 1)
            for h, n in (
                {"zh": ("名称/类型", "规格"), "en": ("Name", "Specification")}[lang],
                {"zh": ("份数/长", "内容"), "en": ("Copies", "Content")}[lang],
                {"zh": ("备注", None), "en": ("Remarks", None)}[lang],
            )
        )
        flat = "".join(texts) + cells
        for word in words_:
            assert word in flat, (lang, word)
    rel = {
        "seizure": data,
        "items": data["items"][:1],
        "to": "吴持有",
        "returned_to": {"name": "吴持有"},
        "recipient_signature": "absent",
        "recipient_note": "由其家属周某代领",
        "audit": AUDIT.as_dict(),
    }
    pdf = tmp_path / "rel-dict.pdf"
    release_inventory_pdf(rel, pdf)
    flat = squash(pdf_text(pdf))
    assert "领取人拒绝签名的，注明情况：领取人不在场；由其家属周某代领" in flat
    pdf = tmp_path / "notice-dict.pdf"
    release_notice_pdf(rel, pdf)
    assert "吴持有：" in squash(pdf_text(pdf))
    pdf = tmp_path / "tag-dict.pdf"
    tag_data = {
        "code": code(1),
        "measure": "seize",
        "case_no": "JC-2026-0043",
        "name": "usb_stick",
        "item_type": "original",
        "seal_no": "F-0101",
    }
    tags_pdf([tag_data], pdf)
    flat = squash(pdf_text(pdf))
    assert "物品：U盘/原始存储介质" in flat and "封条编号：F-0101" in flat
    pdf = tmp_path / "tag-dict-en.pdf"
    tags_pdf([tag_data], pdf, lang="en")
    flat = squash(pdf_text(pdf))
    assert "Item:USBstick/originalmedium" in flat and "Sealno.:F-0101" in flat


@pytest.mark.parametrize(
    ("make", "code_"),
    [
        (
            lambda p: inventory_pdf({"measure": "seize", "case_no": "X", "colour": 1}, p),
            "bad_document_data",
        ),
        (
            lambda p: inventory_pdf(seizure(1, possessor_signature="maybe"), p),
            "bad_signature_state",
        ),
        (
            lambda p: tags_pdf([{"code": code(1), "measure": "seal", "case": "X"}], p),
            "bad_document_data",
        ),
        (lambda p: tags_pdf([{"code": code(1), "measure": "seal"}], p), "bad_document_data"),
    ],
)
def test_data_that_is_not_a_documents_is_refused(tmp_path, make, code_):
    pdf = tmp_path / "refused.pdf"
    with pytest.raises(PrintError) as e:
        make(pdf)
    assert e.value.code == code_
    assert not pdf.exists()


def test_the_notice_and_its_inventory_in_one_pdf_each_numbered_on_its_own(tmp_path):
    rel = release(seizure(30), 25)
    pdf = tmp_path / "release.pdf"
    r = release_pdf(rel, pdf)
    assert r.pages == page_count(pdf) >= 3
    first = squash(pdf_text(pdf, 1))
    assert first.startswith("解除扣押通知书")
    notice_pages = int(re.search(r"第1页/共(\d+)页", first).group(1))
    inventory_pages = r.pages - notice_pages
    assert notice_pages >= 1 and inventory_pages >= 2
    codes: list[str] = []
    for p in range(1, r.pages + 1):
        image = rasterise(pdf, tmp_path / f"rel-{p}", dpi=DPI, page=p)
        assert qr_codes(image) == [AUDIT.qr], p
        codes += decode(image)
        text = squash(pdf_text(pdf, p))
        if p <= notice_pages:
            assert f"第{p}页/共{notice_pages}页" in text, p
        else:
            assert f"第{p - notice_pages}页/共{inventory_pages}页" in text, p
            assert text.startswith("解除扣押财物、文件清单"), p
    # the notice names the items; the inventory carries their barcodes
    assert sorted(codes) == sorted(code(i) for i in range(1, 26))
    # the notice is portrait, the inventory landscape
    out = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", str(r.pages), str(pdf)], capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    assert sizes[0] == ("595.276", "841.89")  # A4 portrait
    assert sizes[notice_pages] == ("841.89", "595.276")  # A4 landscape


def test_the_signature_boxes_stay_together_with_their_heading(tmp_path):
    """Whatever the length of the list, the heading and all seven boxes (two investigators,
    three witnesses, the possessor, the keeper) are on one page."""
    witnesses = (Signer("孙见证"), Signer("周见证"), Signer("吴见证"))
    pages_seen = set()
    for n in range(1, 13):
        pdf = tmp_path / f"n{n}.pdf"
        r = inventory_pdf(seizure(n, witnesses=witnesses), pdf)
        pages_seen.add(r.pages)
        heading = [p for p in range(1, r.pages + 1) if any(x.text == "签名" for x in words(pdf, p))]
        assert len(heading) == 1, n
        text = squash(pdf_text(pdf, heading[0]))
        assert text.count("签名（盖章）：") == 7, n
        assert text.count("见证人：") == 3 and "保管人员：李保管" in text, n
    assert len(pages_seen) >= 2  # the lists ran over a page break somewhere
