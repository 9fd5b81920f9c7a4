"""The disc label (Art. 17): a circular label for a 120 mm disc, on an A4 label sheet or
printed straight on the disc, carrying the six label fields, the copy role and the medium id
as a Code 128 barcode and as text. Also the alignment test sheet for calibrating a printer.

Everything is placed inside the printable ring: outside the hub's clamping area (Ø 41 mm,
whatever the label's own hole) and 2 mm inside the label's edge. The six fields sit above the
hub, each on one line or wrapped onto two, at the largest size that fits the ring's chords;
the barcode and the id sit below the hub; the copy role is large on the left of the hub.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .barcodes import MM, BarcodeBox, barcode_width_mm, draw_code128
from .common import (
    Placement,
    Rendered,
    Target,
    binary_streams,
    clip_to_width,
    coverage_warnings,
    fit_size,
    new_canvas,
    save,
    split_to_width,
    wrap,
)
from .errors import PrintError
from .fonts import ensure_font, text_width
from .i18n import check_lang, colon, t
from .layouts import (
    DEFAULT_SHEET,
    HUB_CLEAR_DIAMETER_MM,
    Calibration,
    SheetTemplate,
)
from .layouts import (
    sheet as load_sheet,
)

PT_MM = 25.4 / 72.0
EDGE_MARGIN_MM = 2.0
HUB_MARGIN_MM = 1.5
BARCODE_HEIGHT_MM = 9.0
ASCENT, DESCENT = 0.86, 0.22  # of the font size, for WenQuanYi Micro Hei
#: Bottom-to-top order: the longest texts on the widest chords, just above the hub.
FIELD_ORDER = (
    "case_name",
    "production_unit",
    "case_number",
    "person_interrogated",
    "production_time",
    "producer",
)
MAX_FIELD_SIZE, MIN_FIELD_SIZE = 9.0, 5.0


def _resolve_sheet(sheet: SheetTemplate | str) -> SheetTemplate:
    return load_sheet(sheet) if isinstance(sheet, str) else sheet


def ring(sheet: SheetTemplate) -> tuple[float, float]:
    """(inner, outer) radius in mm of the ring that may carry print."""
    outer = sheet.outer_diameter_mm / 2 - EDGE_MARGIN_MM
    inner = max(sheet.hole_diameter_mm, HUB_CLEAR_DIAMETER_MM) / 2 + HUB_MARGIN_MM
    return inner, outer


def _chord(r: float, h: float) -> float:
    return 2 * math.sqrt(max(0.0, r * r - h * h))


def _layout_fields(
    fields: list[tuple[str, str]], r_in: float, r_out: float
) -> tuple[float, list[tuple[float, str]], bool]:
    """Lines (baseline height above the centre in mm, text) for the fields above the hub at
    the largest size that fits; ``clipped`` is True only if even the smallest does not."""
    size = MAX_FIELD_SIZE
    while True:
        placed = _try_layout(fields, r_in, r_out, size, clip=False)
        if placed is not None:
            return size, placed, False
        if size <= MIN_FIELD_SIZE:
            placed = _try_layout(fields, r_in, r_out, MIN_FIELD_SIZE, clip=True)
            assert placed is not None
            return MIN_FIELD_SIZE, placed, True
        size = max(MIN_FIELD_SIZE, size - 0.25)


def _try_layout(
    fields: list[tuple[str, str]], r_in: float, r_out: float, size: float, clip: bool
) -> list[tuple[float, str]] | None:
    """Place the fields bottom-up from just above the hub; None if they do not fit at
    ``size`` (with ``clip``, cut what does not fit instead)."""
    s_mm = size * PT_MM
    lh = s_mm * 1.18
    asc, desc = s_mm * ASCENT, s_mm * DESCENT
    y = r_in + desc + 0.3  # baseline of the lowest line
    lines: list[tuple[float, str]] = []

    def width_pt(baseline: float) -> float:
        return _chord(r_out, baseline + asc) * 0.96 / PT_MM

    for label, value in fields:
        head = label + value
        if y + asc > r_out:
            return lines if clip else None
        if text_width(head, size) <= width_pt(y):
            lines.append((y, head))
            y += lh
            continue
        # two lines: the label and the start of the value above, the rest below it
        top_y = y + lh
        if top_y + asc > r_out:
            return lines + [(y, clip_to_width(head, width_pt(y), size))] if clip else None
        first, rest = split_to_width(head, width_pt(top_y), size)
        if len(first) <= len(label):
            return lines + [(y, clip_to_width(head, width_pt(y), size))] if clip else None
        if text_width(rest, size) > width_pt(y):
            if not clip:
                return None
            rest = clip_to_width(rest, width_pt(y), size)
        lines.append((y, rest))
        lines.append((top_y, first))
        y = top_y + lh
    return lines


def draw_disc_label(
    c: Any,
    data: Mapping[str, Any],
    cx: float,
    cy: float,
    sheet: SheetTemplate,
    lang: str = "zh",
    dpi: int = 300,
    guides: bool = False,
) -> tuple[BarcodeBox, list[str]]:
    """Draw one disc label centred on (cx, cy) mm from the page's lower-left corner.
    Returns the barcode's box and any warnings (a field clipped)."""
    font = ensure_font()
    r_in, r_out = ring(sheet)
    warnings: list[str] = []
    if guides:
        c.saveState()
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.3)
        c.circle(cx * MM, cy * MM, sheet.outer_diameter_mm / 2 * MM, stroke=1, fill=0)
        c.circle(cx * MM, cy * MM, sheet.hole_diameter_mm / 2 * MM, stroke=1, fill=0)
        c.setDash(1, 2)
        c.circle(cx * MM, cy * MM, HUB_CLEAR_DIAMETER_MM / 2 * MM, stroke=1, fill=0)
        c.restoreState()
    label = data["label"]
    sep = colon(lang)
    fields = [(t(k, lang) + sep, str(label.get(k) or "")) for k in FIELD_ORDER]
    size, lines, clipped = _layout_fields(fields, r_in, r_out)
    if clipped:
        warnings.append(
            "标签上的文字过长，已截断，请核对"
            if lang == "zh"
            else "a label field is too long for the disc label and was cut short"
        )
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, size)
    for y, text in lines:
        c.drawCentredString(cx * MM, (cy + y) * MM, text)
    # the copy role, large, left of the hub; the title right of it
    role = t(str(data.get("copy_role", "")), lang)
    band_w = (r_out - r_in) * 0.9
    half_h = r_in * 0.9
    role_size = fit_size(role, band_w / PT_MM * 0.95, 20.0, 6.0)
    role_size = min(role_size, half_h * 2 / PT_MM * 0.8)
    mid_left = cx - (r_in + r_out) / 2
    c.setFont(font, role_size)
    c.drawCentredString(mid_left * MM, (cy - role_size * PT_MM * 0.35) * MM, role)
    title = t("disc_title", lang)
    mid_right = cx + (r_in + r_out) / 2
    t_size = fit_size(title, band_w / PT_MM * 0.95, 8.0, 5.0)
    c.setFont(font, t_size)
    c.drawCentredString(mid_right * MM, (cy - t_size * PT_MM * 0.35) * MM, title)
    # barcode and id below the hub
    code = str(data["code"])
    bar_top = cy - r_in - 1.0
    box = draw_code128(
        c, code, cx, bar_top - BARCODE_HEIGHT_MM, height_mm=BARCODE_HEIGHT_MM, dpi=dpi
    )
    c.setFont(font, 8.5)
    c.drawCentredString(cx * MM, (box.y_mm - 3.6) * MM, str(data.get("pretty") or code))
    return box, warnings


def check_fits(sheet: SheetTemplate, code: str, dpi: int = 300) -> None:
    """Refuse a sheet whose ring cannot hold the barcode with its quiet zones."""
    r_in, r_out = ring(sheet)
    w = barcode_width_mm(code, dpi)
    bottom = r_in + 1.0 + BARCODE_HEIGHT_MM + 4.5
    if _chord(r_out, bottom) < w or _chord(r_out, r_in + 1.0) < w:
        raise PrintError(
            "label_too_small",
            f"the barcode ({w:.1f} mm with its quiet zones) does not fit on {sheet.name}",
        )


def disc_label_pdf(
    labels: Sequence[Mapping[str, Any]],
    out: Target,
    *,
    sheet: SheetTemplate | str = DEFAULT_SHEET,
    start: int = 1,
    calibration: Calibration | None = None,
    lang: str = "zh",
    guides: bool = False,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """Disc labels for ``labels`` (from ``services.documents.label_data``), filled into the
    sheet from position ``start`` (1-based: the first free label of a partly used sheet),
    continuing on fresh sheets. ``calibration`` moves the drawing to undo the printer's
    offset; ``page_shift_mm`` moves everything on the page without snapping (used by the
    tests to simulate where a printer's dot grid falls). ``guides`` draws the label outlines
    (for the preview; leave off for label stock)."""
    check_lang(lang)
    sh = _resolve_sheet(sheet)
    cal = (calibration or Calibration()).check()
    if not labels:
        raise PrintError("nothing_to_print", "no labels to print")
    sh.position(start)
    for d in labels:
        check_fits(sh, str(d["code"]), cal.dpi)
    fields = [
        (f"{d['code']} {t(k, lang)}", str(d["label"].get(k) or ""))
        for d in labels
        for k in FIELD_ORDER
    ]
    problems, warnings = coverage_warnings(fields, lang)
    page_w, page_h = sh.page_width_mm * MM, sh.page_height_mm * MM
    c = new_canvas(out, (page_w, page_h), t("disc_title", lang), page_shift_mm=page_shift_mm)
    result = Rendered(pages=0, warnings=warnings, coverage=problems, media=sh.cups_media)
    pos = start
    page = 1
    with binary_streams():
        for d in labels:
            if pos > len(sh.positions):
                c.showPage()
                page += 1
                pos = 1
            p = sh.position(pos)
            cx = p.cx_mm - cal.dx_mm
            cy = sh.page_height_mm - p.cy_mm + cal.dy_mm
            box, warn = draw_disc_label(c, d, cx, cy, sh, lang, cal.dpi, guides)
            result.warnings.extend(f"{d['code']}: {w}" for w in warn)
            result.placements.append(Placement(page, pos, str(d["code"]), (p.cx_mm, p.cy_mm), box))
            pos += 1
        c.showPage()
        save(c)
    result.pages = page
    return result


def calibration_sheet_pdf(
    out: Target,
    *,
    sheet: SheetTemplate | str = DEFAULT_SHEET,
    calibration: Calibration | None = None,
    lang: str = "zh",
) -> Rendered:
    """A test sheet: at each label centre a cross and rings every millimetre up to 5 mm,
    the outlines of the labels, and how to read the offset off it."""
    check_lang(lang)
    sh = _resolve_sheet(sheet)
    cal = (calibration or Calibration()).check()
    c = new_canvas(
        out, (sh.page_width_mm * MM, sh.page_height_mm * MM), t("calibration_title", lang)
    )
    font = ensure_font()
    with binary_streams():
        for p in sh.positions:
            cx = p.cx_mm - cal.dx_mm
            cy = sh.page_height_mm - p.cy_mm + cal.dy_mm
            c.setLineWidth(0.25)
            c.setStrokeColorRGB(0.5, 0.5, 0.5)
            c.circle(cx * MM, cy * MM, sh.outer_diameter_mm / 2 * MM)
            c.circle(cx * MM, cy * MM, sh.hole_diameter_mm / 2 * MM)
            c.setStrokeColorRGB(0, 0, 0)
            for r in range(1, 6):
                c.circle(cx * MM, cy * MM, r * MM)
            c.line((cx - 30) * MM, cy * MM, (cx + 30) * MM, cy * MM)
            c.line(cx * MM, (cy - 30) * MM, cx * MM, (cy + 30) * MM)
            for k in range(-30, 31, 1):
                tick = 2.0 if k % 5 == 0 else 1.0
                c.line((cx + k) * MM, (cy - tick) * MM, (cx + k) * MM, (cy + tick) * MM)
                c.line((cx - tick) * MM, (cy + k) * MM, (cx + tick) * MM, (cy + k) * MM)
            c.setFont(font, 9)
            c.drawCentredString(cx * MM, (cy + 34) * MM, f"{p.number}")
        c.setFont(font, 8)
        y = sh.page_height_mm - 8
        c.drawString(8 * MM, y * MM, f"{t('calibration_title', lang)} — {sh.title(lang)}")
        c.setFont(font, 7)
        lines = wrap(t("calibration_help", lang), (sh.page_width_mm - 16) * MM, 7, 3)
        for i, line in enumerate(lines):
            c.drawString(8 * MM, (4 + 3 * (len(lines) - 1 - i)) * MM, line)
        c.showPage()
        save(c)
    return Rendered(pages=1, media=sh.cups_media)
