"""The printing package's parts on their own: the Code 128 encoding python-barcode picks for
our ids, module snapping, words for every value a document prints, the font coverage check,
sheet templates and calibrations, which PNGs are embedded without decoding."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from keeper_app.domain import codes
from keeper_app.domain.model import (
    Capacity,
    CopyRole,
    Inspection,
    RequestingOrg,
    RetrievalReason,
    Verification,
)
from printing import PrintError
from printing.barcodes import (
    barcode_width_mm,
    code128_modules,
    code128_symbols,
    module_mm,
    symbol_count,
)
from printing.fonts import check_coverage, missing_chars
from printing.i18n import t
from printing.images import png_passthrough
from printing.layouts import (
    Calibration,
    load_calibrations,
    parse_sheet,
    save_calibration,
    sheet,
    sheets,
)
from printing.register import page_count, rows_on_page

START_C, CODE_B = 105, 100


@pytest.mark.parametrize("serial, copy", [(1, "O"), (123, "D"), (999_999, "H"), (40_000, "D")])
def test_python_barcode_encodes_our_ids_in_set_c_then_b(serial, copy):
    text = codes.make("3101", 2026, serial, copy).text
    sym = code128_symbols(text)
    # start C, the 14 digits as 7 pairs, CODE B, copy letter and check character
    assert sym[0] == START_C and sym[8] == CODE_B and len(sym) == 11
    assert [int(text[i : i + 2]) for i in range(0, 14, 2)] == sym[1:8]
    assert symbol_count(text) == 13
    assert len(code128_modules(text)) == 13 * 11 + 2 == 145
    # in set B alone it would take 16 data symbols: 19 in all, 211 modules
    assert len(code128_modules(text)) < 19 * 11 + 2


def test_module_width_is_whole_printer_dots_of_at_least_0_2_mm():
    assert module_mm(300) == pytest.approx(3 * 25.4 / 300)  # 0.254 mm
    assert module_mm(600) == pytest.approx(5 * 25.4 / 600)  # 0.212 mm
    assert module_mm(203) == pytest.approx(2 * 25.4 / 203)  # 0.250 mm
    assert module_mm(1200) == pytest.approx(10 * 25.4 / 1200)
    for dpi in (150, 203, 300, 360, 600, 1200):
        assert module_mm(dpi) >= 0.2
    assert barcode_width_mm("31012026000123D7", 300) == pytest.approx(165 * 0.254)
    with pytest.raises(PrintError) as e:
        code128_modules("王")
    assert e.value.code == "bad_barcode_text"


@pytest.mark.parametrize(
    "enum", [Capacity, CopyRole, Inspection, RequestingOrg, RetrievalReason, Verification]
)
def test_every_value_printed_has_words_in_both_languages(enum):
    for v in enum:
        assert t(v.value, "zh") != v.value and "_" not in t(v.value, "en"), v
    assert t("late_handover", "zh") == "超时移交"


def test_coverage_check_names_the_missing_character():
    assert missing_chars("王某某") == []
    assert missing_chars("欧阳𠀀堃 \n𠀀") == ["𠀀"]
    [p] = check_coverage({"被讯问人": "欧阳𠀀", "案件名称": "故意伤害案"})
    assert p.chars == ("𠀀",)
    assert "U+20000" in p.message("zh") and "被讯问人" in p.message("zh")
    assert "'𠀀' (U+20000)" in p.message("en")


def test_the_shipped_sheet_templates():
    found = {s.id: s for s in sheets()}
    assert {"avery-l7676", "avery-l6015", "disc-printer-120"} <= set(found)
    two_up = [s for s in found.values() if len(s.positions) == 2 and s.cups_media == "A4"]
    assert len(two_up) >= 2
    assert found["disc-printer-120"].cups_media == "Custom.120x120mm"
    with pytest.raises(PrintError) as e:
        sheet("nope")
    assert e.value.code == "unknown_sheet"


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: d["label"].update(hole_diameter_mm=130), "hole"),
        (lambda d: d["positions"].append({"cx_mm": 200, "cy_mm": 80}), "runs off the page"),
        (lambda d: d.update(positions=[]), "positions"),
        (lambda d: d["page"].update(width_mm="wide"), "width_mm"),
    ],
)
def test_a_bad_sheet_template_is_refused_saying_why(change, words):
    data = json.loads(sheet("avery-l7676").path.read_text(encoding="utf-8"))  # type: ignore
    change(data)
    with pytest.raises(PrintError) as e:
        parse_sheet(data)
    assert e.value.code == "bad_sheet_template" and words in str(e.value)


def test_calibrations_are_saved_per_printer(tmp_path):
    f = tmp_path / "printers.json"
    assert load_calibrations(f) == {}
    save_calibration("Office-Laser", Calibration(0.8, -0.4), f)
    save_calibration("DiscPrinter", Calibration(-1.0, 0.0, 600), f)
    cals = load_calibrations(f)
    assert cals["Office-Laser"] == Calibration(0.8, -0.4, 300)
    assert cals["DiscPrinter"].dpi == 600
    with pytest.raises(PrintError) as e:
        save_calibration("X", Calibration(0, 0, 301), f)
    assert e.value.code == "bad_calibration"


def _png(mode: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (40, 20), 255 if mode in ("L", "P") else (255,) * len(mode)).save(
        buf, "PNG", **kw
    )
    return buf.getvalue()


def test_grey_and_rgb_pngs_are_embedded_as_they_are():
    w, h, colours, data = png_passthrough(_png("L")) or (0, 0, 0, b"")
    assert (w, h, colours) == (40, 20, 1) and data[:1] == b"x"  # a zlib stream
    assert png_passthrough(_png("RGB"))[2] == 3  # type: ignore[index]
    assert png_passthrough(_png("RGBA")) is None
    assert png_passthrough(_png("LA")) is None
    assert png_passthrough(_png("P")) is None
    interlaced = bytearray(_png("L"))
    interlaced[28] = 1  # IHDR's interlace method (Pillow writes no interlaced PNG)
    assert png_passthrough(bytes(interlaced)) is None
    assert png_passthrough(b"GIF89a") is None


def test_register_page_count():
    first, other = rows_on_page(True), rows_on_page(False)
    assert first < other
    assert page_count(0) == 1 and page_count(first) == 1 and page_count(first + 1) == 2
    assert page_count(first + 3 * other) == 4


def test_a_drawn_signature_is_normalised_to_grey_png():
    from printing.images import normalize_signature_png

    im = Image.new("RGBA", (900, 300), (255, 255, 255, 0))
    im.paste((0, 0, 0, 255), (100, 100, 800, 120))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    out = normalize_signature_png(buf.getvalue())
    w, h, colours, _ = png_passthrough(out) or (0, 0, 0, b"")
    assert colours == 1 and w <= 480 and h <= 160
    grey = Image.open(io.BytesIO(out))
    assert grey.getpixel((0, 0)) == 255 and grey.getpixel((w // 2, int(110 * w / 900))) < 64
