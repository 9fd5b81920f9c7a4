"""Disc labels, sleeve inserts and seal-bag labels, made from the register and checked as a
person or a scanner sees them: the text on the page (Chinese included), every barcode read
back from the page rasterised at 300 dpi at 30 sub-pixel offsets, and the geometry measured
on the raster against the sheet template."""

from __future__ import annotations

from pathlib import Path

import pytest
from printing_tools import dark_box, decode, page_count, pdf_text, rasterise, squash, words

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import documents
from printing import PrintError
from printing.barcodes import code128_modules, module_mm
from printing.inserts import SEAL_BAG_LAYOUT, SLEEVE_LAYOUT, inserts_pdf
from printing.labels import disc_label_pdf
from printing.layouts import HUB_CLEAR_DIAMETER_MM, Calibration, sheet, sheets

pytestmark = pytest.mark.realtool

DPI = 300
PX_MM = 25.4 / DPI
FIELDS = (
    "production_unit",
    "producer",
    "production_time",
    "person_interrogated",
    "case_name",
    "case_number",
)


@pytest.fixture
def pair(office):
    o, d = office.handed_over_pair(person="王某某")
    return documents.pair_label_data(office.session("K001"), o)


def _expected_bars(sh, position: int, cal: Calibration | None = None):
    """Where the bars must be, from the template alone: (centre x, top y) in mm from the
    page's top-left corner, and their width."""
    p = sh.position(position)
    r_in = max(sh.hole_diameter_mm, HUB_CLEAR_DIAMETER_MM) / 2 + 1.5
    width = len(code128_modules("31012026000001O0")) * module_mm(DPI)
    dx, dy = (cal.dx_mm, cal.dy_mm) if cal else (0.0, 0.0)
    return p.cx_mm - dx, p.cy_mm + r_in + 1.0 - dy, width


def _barcode_crop(sh, position: int):
    p = sh.position(position)
    r_in = max(sh.hole_diameter_mm, HUB_CLEAR_DIAMETER_MM) / 2 + 1.5
    return (p.cx_mm - 26.0, p.cy_mm + r_in - 1.0, 52.0, 14.0)


def _measure_bars(pdf: Path, tmp: Path, sh, position: int, page: int = 1):
    crop = _barcode_crop(sh, position)
    img = rasterise(pdf, tmp / f"m{position}-{page}", page=page, crop_mm=crop)
    box = dark_box(img)
    assert box is not None, "no barcode where the template puts it"
    left = int(crop[0] / PX_MM) * PX_MM + box[0] * PX_MM
    right = int(crop[0] / PX_MM) * PX_MM + box[2] * PX_MM
    top = int(crop[1] / PX_MM) * PX_MM + box[1] * PX_MM
    return (left + right) / 2, top, right - left


def test_pair_labels_carry_the_art17_fields_the_role_and_the_id(pair, tmp_path):
    pdf = tmp_path / "labels.pdf"
    r = disc_label_pdf(pair, pdf)
    assert r.pages == 1 and r.warnings == []
    text = squash(pdf_text(pdf))
    assert [d["copy_role"] for d in pair] == ["original", "duplicate"]
    for d in pair:
        for k in FIELDS:
            assert squash(d["label"][k]) in text, (k, d["label"][k])
        assert d["pretty"] in text
    for word in (
        "制作单位",
        "制作人",
        "制作时间",
        "被讯问人",
        "案件名称",
        "案件编号",
        "正本",
        "副本",
        "王某某故意伤害案",
        "A2026-001",
        "某市公安局",
        "张办案",
    ):
        assert word in text, word


def test_every_barcode_decodes_at_30_subpixel_offsets(pair, tmp_path):
    sh = sheet("avery-l7676")
    for i in range(30):
        shift = (i / 30 * PX_MM, ((i * 13) % 30) / 30 * PX_MM)
        pdf = tmp_path / f"shift{i}.pdf"
        disc_label_pdf(pair, pdf, sheet=sh, page_shift_mm=shift)
        for pos, d in enumerate(pair, start=1):
            img = rasterise(pdf, tmp_path / f"s{i}-{pos}", crop_mm=_barcode_crop(sh, pos))
            assert decode(img) == [d["code"]], (i, shift, d["code"])


@pytest.mark.parametrize("sheet_id", [s.id for s in sheets()])
def test_label_geometry_matches_the_sheet_template(pair, tmp_path, sheet_id):
    sh = sheet(sheet_id)
    pdf = tmp_path / "geo.pdf"
    r = disc_label_pdf(pair[: len(sh.positions)], pdf, sheet=sh)
    for pos in range(1, min(len(pair), len(sh.positions)) + 1):
        cx, top, width = _measure_bars(pdf, tmp_path, sh, pos)
        ex, etop, ewidth = _expected_bars(sh, pos)
        assert abs(cx - ex) <= 0.5 and abs(top - etop) <= 0.5, (sheet_id, pos, cx, top)
        assert abs(width - ewidth) <= 0.5
        img = rasterise(pdf, tmp_path / f"d{pos}", crop_mm=_barcode_crop(sh, pos))
        assert decode(img) == [pair[pos - 1]["code"]]
    # every word lies on its label's printable ring: off the hub's clamping area, on the label
    centres = [(p.cx_mm, p.cy_mm) for p in sh.positions[: len(r.placements)]]
    found = words(pdf)
    assert len(found) >= 9 * len(r.placements)
    for w in found:
        cx, cy = min(
            centres, key=lambda c: (c[0] - (w.x0 + w.x1) / 2) ** 2 + (c[1] - (w.y0 + w.y1) / 2) ** 2
        )
        for x, y in ((w.x0, w.y0), (w.x1, w.y0), (w.x0, w.y1), (w.x1, w.y1)):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
            assert HUB_CLEAR_DIAMETER_MM / 2 <= d <= sh.outer_diameter_mm / 2 - 1.0, (
                sheet_id,
                w.text,
                round(d, 2),
            )


def test_outline_guides_match_the_template_within_half_a_millimetre(pair, tmp_path):
    sh = sheet("avery-l6015")
    pdf = tmp_path / "guides.pdf"
    disc_label_pdf(pair, pdf, sheet=sh, guides=True)
    for p in sh.positions:
        r = sh.outer_diameter_mm / 2
        # a thin strip through the centre, across the whole label and a little beyond
        img = rasterise(
            pdf, tmp_path / f"h{p.number}", crop_mm=(p.cx_mm - r - 3, p.cy_mm - 0.3, 2 * r + 6, 0.6)
        )
        box = dark_box(img, threshold=235)
        assert box is not None
        x0 = int((p.cx_mm - r - 3) / PX_MM) * PX_MM
        left, right = x0 + box[0] * PX_MM, x0 + box[2] * PX_MM
        assert abs((left + right) / 2 - p.cx_mm) <= 0.5
        assert abs((right - left) - sh.outer_diameter_mm) <= 0.5


def test_printing_starts_at_a_free_position_of_a_used_sheet(pair, tmp_path):
    sh = sheet("avery-l7676")
    pdf = tmp_path / "start2.pdf"
    r = disc_label_pdf(pair, pdf, sheet=sh, start=2)
    assert r.pages == 2 == page_count(pdf)
    assert [(p.page, p.position) for p in r.placements] == [(1, 2), (2, 1)]
    assert pair[0]["pretty"] in pdf_text(pdf, 1) and pair[1]["pretty"] not in pdf_text(pdf, 1)
    assert pair[1]["pretty"] in pdf_text(pdf, 2)
    # position 1 of page 1 stays blank: the label already used is not printed over
    blank = rasterise(pdf, tmp_path / "blank", crop_mm=(50, 25, 110, 110))
    assert dark_box(blank) is None
    assert decode(rasterise(pdf, tmp_path / "p1", crop_mm=_barcode_crop(sh, 2))) == [
        pair[0]["code"]
    ]
    assert decode(rasterise(pdf, tmp_path / "p2", page=2, crop_mm=_barcode_crop(sh, 1))) == [
        pair[1]["code"]
    ]
    with pytest.raises(PrintError) as e:
        disc_label_pdf(pair, tmp_path / "x.pdf", sheet=sh, start=3)
    assert e.value.code == "bad_start_position"


def test_calibration_moves_the_label_against_the_printer_offset(pair, tmp_path):
    sh = sheet("avery-l7676")
    cal = Calibration(dx_mm=1.5, dy_mm=-1.0)
    pdf = tmp_path / "cal.pdf"
    disc_label_pdf(pair, pdf, sheet=sh, calibration=cal)
    for pos in (1, 2):
        cx, top, _ = _measure_bars(pdf, tmp_path, sh, pos)
        ex, etop, _ = _expected_bars(sh, pos, cal)
        assert abs(cx - ex) <= 0.5 and abs(top - etop) <= 0.5
        assert abs(cx - sh.position(pos).cx_mm - (-1.5)) <= 0.5
    with pytest.raises(PrintError) as e:
        Calibration(dx_mm=40).check()
    assert e.value.code == "bad_calibration"


def test_direct_to_disc_layout_and_english(pair, tmp_path):
    sh = sheet("disc-printer-120")
    pdf = tmp_path / "disc.pdf"
    r = disc_label_pdf(pair, pdf, sheet=sh, lang="en")
    assert r.pages == 2 and r.media == "Custom.120x120mm"
    text = pdf_text(pdf)
    for word in (
        "Production unit",
        "Producer",
        "Production time",
        "Person interrogated",
        "Case name",
        "Case number",
        "ORIGINAL",
        "DUPLICATE",
    ):
        assert word in text, word
    for page, d in enumerate(pair, start=1):
        assert decode(rasterise(pdf, tmp_path / f"e{page}", page=page)) == [d["code"]]
        cx, top, _ = _measure_bars(pdf, tmp_path, sh, 1, page=page)
        ex, etop, _ = _expected_bars(sh, 1)
        assert abs(cx - ex) <= 0.5 and abs(top - etop) <= 0.5


def test_a_character_missing_from_the_font_is_named(office, tmp_path):
    o, _d = office.handed_over_pair(case_no="B2026-002", handler="H003", person="欧阳𠀀")
    data = documents.pair_label_data(office.session("K001"), o)
    r = disc_label_pdf(data, tmp_path / "rare.pdf")
    assert len(r.coverage) == 2 and r.coverage[0].chars == ("𠀀",)
    assert any("U+20000" in w and "被讯问人" in w for w in r.warnings)
    assert "欧阳" in pdf_text(tmp_path / "rare.pdf")


def test_a_long_case_name_wraps_and_stays_whole(office, tmp_path):
    from keeper_app.services import intake

    long_name = "王某某、李某某、赵某某等人涉嫌组织、领导、参加黑社会性质组织及故意伤害案"
    intake.create_case(
        office.session("H001"), "A2026-777", long_name, office.dept["crim"], ["H001"]
    )
    o, _ = office.handed_over_pair(case_no="A2026-777")
    data = documents.pair_label_data(office.session("K001"), o)
    pdf = tmp_path / "long.pdf"
    r = disc_label_pdf(data, pdf)
    assert r.warnings == []
    assert squash(long_name) in squash(pdf_text(pdf))


def test_sleeve_inserts_and_seal_bag_label(pair, tmp_path):
    sleeve = tmp_path / "sleeve.pdf"
    r = inserts_pdf(SLEEVE_LAYOUT, pair, sleeve)
    text = squash(pdf_text(sleeve))
    for d in pair:
        for k in FIELDS:
            assert squash(d["label"][k]) in text
        assert d["pretty"] in text
    assert "讯问录音录像光盘封套" in text and "讯问室1" in text
    original = pair[0]
    assert original["seal"]["seal_no"] == f"S-{original['code'][:14]}"
    bag = tmp_path / "bag.pdf"
    inserts_pdf(SEAL_BAG_LAYOUT, [original], bag)
    text = squash(pdf_text(bag))
    assert squash(original["seal"]["seal_no"]) in text
    assert "张办案" in text and "李保管" in text and "已电子签名" in text  # who sealed it
    assert "封存时间：" + squash(original["seal"]["at"]) in text
    for k in FIELDS:
        assert squash(original["label"][k]) in text
    with pytest.raises(PrintError) as e:
        inserts_pdf(SEAL_BAG_LAYOUT, [pair[1]], tmp_path / "dup.pdf")
    assert e.value.code == "not_original"
    # every barcode on both documents, at 30 sub-pixel offsets
    for i in range(30):
        shift = (((i * 7) % 30) / 30 * PX_MM, i / 30 * PX_MM)
        s_pdf, b_pdf = tmp_path / f"sl{i}.pdf", tmp_path / f"bg{i}.pdf"
        rs = inserts_pdf(SLEEVE_LAYOUT, pair, s_pdf, page_shift_mm=shift)
        rb = inserts_pdf(SEAL_BAG_LAYOUT, [original], b_pdf, page_shift_mm=shift)
        for pdf, res in ((s_pdf, rs), (b_pdf, rb)):
            for p in res.placements:
                box = p.barcode
                crop = (
                    box.x_mm - 2,
                    297.0 - box.y_mm - box.height_mm - 2,
                    box.width_mm + 4,
                    box.height_mm + 4,
                )
                img = rasterise(pdf, tmp_path / f"c{i}{p.position}", crop_mm=crop)
                assert decode(img) == [p.code], (i, pdf.name)
    assert r.pages == 1


def test_a_case_handler_prints_only_the_labels_of_their_cases(office):
    o, _ = office.handed_over_pair()
    assert documents.label_data(office.session("H001"), o)["code"] == o
    with pytest.raises(RuleViolation) as e:
        documents.label_data(office.session("H003"), o)
    assert e.value.code == "not_your_case"
