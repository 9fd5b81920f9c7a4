"""The sleeve (case) insert — the law lets the Art. 17 fields go on the disc's label or its
cover — and the seal-bag label of the original: seal number, the fields, who sealed it and
when, and room for the signatures by hand. Both on A4 with cut marks, two to a page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .barcodes import MM, BarcodeBox, draw_code128
from .common import (
    Placement,
    Rendered,
    Target,
    binary_streams,
    coverage_warnings,
    fit_size,
    new_canvas,
    save,
    wrap,
)
from .errors import PrintError
from .fonts import ensure_font
from .i18n import check_lang, colon, t

FIELDS = (
    "production_unit",
    "producer",
    "production_time",
    "person_interrogated",
    "case_name",
    "case_number",
)
PAGE_W, PAGE_H = 210.0, 297.0
SLEEVE = 120.0
#: top-left corners (mm from the page's top-left) of the two inserts on a page
SLEEVE_SLOTS = ((45.0, 20.0), (45.0, 157.0))
BAG_W, BAG_H = 148.0, 105.0
BAG_SLOTS = ((31.0, 15.0), (31.0, 140.0))


def _cut_marks(c: Any, x: float, y: float, w: float, h: float) -> None:
    """Cut marks outside the corners of the box (x, y = lower-left, mm)."""
    c.saveState()
    c.setLineWidth(0.3)
    for cx, cy, dx, dy in (
        (x, y, -1, -1),
        (x + w, y, 1, -1),
        (x, y + h, -1, 1),
        (x + w, y + h, 1, 1),
    ):
        c.line((cx + dx * 2) * MM, cy * MM, (cx + dx * 7) * MM, cy * MM)
        c.line(cx * MM, (cy + dy * 2) * MM, cx * MM, (cy + dy * 7) * MM)
    c.restoreState()


def _fields_block(
    c: Any,
    data: Mapping[str, Any],
    x: float,
    top: float,
    width: float,
    lang: str,
    size: float,
    max_lines: int = 2,
) -> float:
    """The six fields as label: value lines from ``top`` down; returns the new top."""
    font = ensure_font()
    label = data["label"]
    lh = size * 0.3528 * 1.3
    c.setFont(font, size)
    for k in FIELDS:
        text = f"{t(k, lang)}{colon(lang)}{label.get(k, '')}"
        for line in wrap(text, width * MM, size, max_lines):
            top -= lh
            c.drawString(x * MM, top * MM, line)
    return top


def _check(labels: Sequence[Mapping[str, Any]]) -> None:
    if not labels:
        raise PrintError("nothing_to_print", "no labels to print")


def _coverage(labels: Sequence[Mapping[str, Any]], lang: str) -> tuple[list[Any], list[str]]:
    return coverage_warnings(
        [
            (f"{d['code']} {t(k, lang)}", str(d["label"].get(k) or ""))
            for d in labels
            for k in FIELDS
        ],
        lang,
    )


def draw_sleeve(
    c: Any, data: Mapping[str, Any], x: float, y: float, lang: str, dpi: int
) -> BarcodeBox:
    """One 120 x 120 mm insert with its lower-left corner at (x, y) mm."""
    font = ensure_font()
    m = 6.0
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(0.7, 0.7, 0.7)
    c.rect(x * MM, y * MM, SLEEVE * MM, SLEEVE * MM)
    c.setStrokeColorRGB(0, 0, 0)
    _cut_marks(c, x, y, SLEEVE, SLEEVE)
    top = y + SLEEVE - m
    c.setFont(font, 9)
    c.drawString((x + m) * MM, (top - 3.5) * MM, t("sleeve_title", lang))
    role = t(str(data.get("copy_role", "")), lang)
    size = fit_size(role, 40 * MM, 18, 8)
    c.setFont(font, size)
    c.drawRightString((x + SLEEVE - m) * MM, (top - 6) * MM, role)
    c.setLineWidth(0.5)
    c.line((x + m) * MM, (top - 9) * MM, (x + SLEEVE - m) * MM, (top - 9) * MM)
    after = _fields_block(c, data, x + m, top - 10, SLEEVE - 2 * m, lang, 9.0)
    recs = data.get("recordings") or []
    if recs:
        c.setFont(font, 7.5)
        after -= 4.5
        c.drawString((x + m) * MM, after * MM, f"{t('recordings', lang)}{colon(lang)}")
        for r in recs[:4]:
            line = (
                f"{r.get('person_name', '')}  {r.get('started_at', '')} – "
                f"{str(r.get('ended_at', ''))[11:]}  {r.get('place', '')}"
            )
            for s in wrap(line, (SLEEVE - 2 * m - 3) * MM, 7.5, 1):
                after -= 3.3
                c.drawString((x + m + 3) * MM, after * MM, s)
        if len(recs) > 4:
            after -= 3.3
            c.drawString((x + m + 3) * MM, after * MM, f"… (+{len(recs) - 4})")
    box = draw_code128(c, str(data["code"]), x + SLEEVE / 2, y + 11.0, height_mm=10.0, dpi=dpi)
    c.setFont(font, 9)
    c.drawCentredString(
        (x + SLEEVE / 2) * MM, (y + 6.5) * MM, str(data.get("pretty") or data["code"])
    )
    return box


def draw_seal_bag(
    c: Any, data: Mapping[str, Any], x: float, y: float, lang: str, dpi: int
) -> BarcodeBox:
    """One 148 x 105 mm seal-bag label with its lower-left corner at (x, y) mm."""
    font = ensure_font()
    m = 5.0
    c.setLineWidth(0.8)
    c.rect(x * MM, y * MM, BAG_W * MM, BAG_H * MM)
    _cut_marks(c, x, y, BAG_W, BAG_H)
    top = y + BAG_H - m
    c.setFont(font, 12)
    c.drawCentredString((x + BAG_W / 2) * MM, (top - 4.5) * MM, t("seal_title", lang))
    seal = data.get("seal") or {}
    c.setFont(font, 13)
    seal_no = seal.get("seal_no") or "________________"
    c.drawString((x + m) * MM, (top - 12) * MM, f"{t('seal_no', lang)}{colon(lang)}{seal_no}")
    role = t(str(data.get("copy_role", "")), lang)
    c.setFont(font, 13)
    c.drawRightString((x + BAG_W - m) * MM, (top - 12) * MM, role)
    left_w = 84.0
    after = _fields_block(c, data, x + m, top - 14, left_w, lang, 8.0)
    # right column: barcode and id
    bx = x + m + left_w + (BAG_W - 2 * m - left_w) / 2
    box = draw_code128(c, str(data["code"]), bx, top - 32, height_mm=10.0, dpi=dpi)
    c.setFont(font, 7.5)
    c.drawCentredString(bx * MM, (box.y_mm - 3.2) * MM, str(data.get("pretty") or data["code"]))
    # sealing: time and electronic signatures
    c.setFont(font, 8)
    y_s = min(after, box.y_mm - 6) - 4
    at = seal.get("at") or "____-__-__ __:__"
    c.drawString((x + m) * MM, y_s * MM, f"{t('sealed_at', lang)}{colon(lang)}{at}")
    for s in (seal.get("signatures") or [])[:3]:
        y_s -= 3.6
        c.drawString(
            (x + m) * MM,
            y_s * MM,
            f"{t(str(s.get('capacity', '')), lang)}{colon(lang)}{s.get('name', '')}  "
            f"{s.get('signed_at', '')}  {t('signed_electronically', lang)}",
        )
    # boxes for signatures by hand
    labels = [t("case_handler", lang), t("keeper", lang), t("witness", lang)]
    gap = 3.0
    w = (BAG_W - 2 * m - gap * 2) / 3
    h = min(18.0, y_s - y - m - 2)
    c.setLineWidth(0.5)
    for i, lab in enumerate(labels):
        bx0 = x + m + i * (w + gap)
        c.rect(bx0 * MM, (y + m) * MM, w * MM, h * MM)
        c.setFont(font, 7.5)
        c.drawString((bx0 + 1.2) * MM, (y + m + h - 3.5) * MM, f"{lab}{colon(lang)}")
        c.drawString((bx0 + 1.2) * MM, (y + m + 1.5) * MM, f"{t('date_time', lang)}{colon(lang)}")
    return box


@dataclass(frozen=True)
class InsertLayout:
    """One kind of insert: its size (mm), the top-left corners of its places on an A4 page
    (mm from the page's top-left), how one is drawn, its title, and whether only an
    original may have one."""

    title_key: str
    width: float
    height: float
    slots: tuple[tuple[float, float], ...]
    draw: Callable[[Any, Mapping[str, Any], float, float, str, int], BarcodeBox]
    originals_only: bool = False


SLEEVE_LAYOUT = InsertLayout("sleeve_title", SLEEVE, SLEEVE, SLEEVE_SLOTS, draw_sleeve)
SEAL_BAG_LAYOUT = InsertLayout(
    "seal_title", BAG_W, BAG_H, BAG_SLOTS, draw_seal_bag, originals_only=True
)
#: the inserts by the catalogue's key: sleeve inserts (120 x 120 mm) of every medium given,
#: seal-bag labels (148 x 105 mm) of originals only (a duplicate is not sealed)
LAYOUTS = {"sleeve": SLEEVE_LAYOUT, "seal_bag": SEAL_BAG_LAYOUT}


def inserts_pdf(
    layout: InsertLayout,
    labels: Sequence[Mapping[str, Any]],
    out: Target,
    *,
    lang: str = "zh",
    dpi: int = 300,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """One insert per medium of ``labels``, with cut marks, as many to an A4 page as the
    layout has places."""
    check_lang(lang)
    _check(labels)
    if layout.originals_only:
        for d in labels:
            if d.get("copy_role") != "original":
                raise PrintError(
                    "not_original",
                    f"{d.get('pretty') or d['code']} is not an "
                    "original: only the original is sealed in a bag (Art. 17)",
                )
    problems, warnings = _coverage(labels, lang)
    c = new_canvas(
        out, (PAGE_W * MM, PAGE_H * MM), t(layout.title_key, lang), page_shift_mm=page_shift_mm
    )
    result = Rendered(pages=0, warnings=warnings, coverage=problems)
    per_page = len(layout.slots)
    with binary_streams():
        for i, d in enumerate(labels):
            slot = i % per_page
            if i and slot == 0:
                c.showPage()
            sx, sy = layout.slots[slot]
            box = layout.draw(c, d, sx, PAGE_H - sy - layout.height, lang, dpi)
            result.placements.append(
                Placement(
                    i // per_page + 1,
                    slot + 1,
                    str(d["code"]),
                    (sx + layout.width / 2, sy + layout.height / 2),
                    box,
                )
            )
        c.showPage()
        save(c)
    result.pages = (len(labels) + per_page - 1) // per_page
    return result
