"""The special retrieval register (Art. 20) as printed pages: A4 landscape, one fixed-width
table per page with fixed row heights, the header repeated on every page, page numbers, the
filter on the first page and the audit chain head in every footer (and as a QR code at the
top right of every page), so that a printed page anchors the electronic record.

Built for 10,000 rows: the text of a page goes out as one text object whose operators are
written here (each distinct string is encoded for the font once and reused), the grid is one
path per page, and a drawn signature image is read, shrunk to a small grey image and
embedded only when the row that shows it is drawn (``load_signature``), so memory holds the
compressed page streams and never the source images.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .barcodes import MM
from .common import (
    Rendered,
    Target,
    binary_streams,
    clip_to_width,
    coverage_warnings,
    new_canvas,
    save,
)
from .fonts import ensure_font
from .headqr import QR_QUIET_MM, draw_head_qr, qr_side_mm
from .i18n import check_lang, colon, t
from .images import SignatureImages, SignatureLoader

PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 10.0
ROW_H = 9.0
HEADER_H = 8.0
FOOTER_Y = 5.5
SIZE = 6.5  # cell text, points
PAD = 1.0

# key, width in mm, header
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("no", 10.0, "col_no"),
    ("medium", 27.0, "col_medium"),
    ("case", 23.0, "col_case"),
    ("retriever", 16.0, "col_retriever"),
    ("unit", 21.0, "col_unit"),
    ("out", 18.0, "col_out"),
    ("reason", 16.0, "col_reason"),
    ("usage", 13.0, "col_usage"),
    ("approver", 17.0, "col_approver"),  # the head who approved, and when (Art. 20)
    ("sig_retriever", 21.0, "col_sig_retriever"),
    ("sig_keeper", 21.0, "col_sig_keeper"),
    ("returned", 17.0, "col_returned"),
    ("inspection", 15.0, "col_inspection"),
    # the return is signed too (issue 10): by the person returning it and the keeper
    ("sig_returner", 21.0, "col_sig_returner"),
    ("sig_return_keeper", 21.0, "col_sig_return_keeper"),
)
#: the columns that show a signature (a drawn image, or the signer's name and time)
SIGNATURE_COLUMNS = ("sig_retriever", "sig_keeper", "sig_returner", "sig_return_keeper")
TABLE_W = sum(w for _, w, _ in COLUMNS)
assert abs(TABLE_W - (PAGE_W - 2 * MARGIN)) < 0.01, TABLE_W


class _Code(str):
    """Raw page operators handed to ``Canvas.drawText``."""

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        return str(self)


class _FastText:
    """PDF text operators for many short strings in the embedded font: each distinct string
    is split into font subsets and escaped once, then reused."""

    def __init__(self, canv: Any):
        from reportlab.pdfbase import pdfmetrics

        self.canv = canv
        self.doc = canv._doc
        self.font = pdfmetrics.getFont(ensure_font())
        self.widths = self.font.face.charWidths
        self.default_w = self.font.face.defaultWidth
        self.max_w = max(self.widths.values())
        self._frag: dict[tuple[str, float], str] = {}
        self._width: dict[str, float] = {}
        self.ops: list[str] = []

    def width(self, text: str, size: float) -> float:
        w = self._width.get(text)
        if w is None:
            get, dw = self.widths.get, self.default_w
            w = sum(get(ord(ch), dw) for ch in text) / 1000.0
            self._width[text] = w
        return w * size

    def fits(self, text: str, width_pt: float, size: float) -> bool:
        if len(text) * self.max_w / 1000.0 * size <= width_pt:
            return True
        return self.width(text, size) <= width_pt

    def _fragment(self, text: str, size: float) -> str:
        key = (text, size)
        f = self._frag.get(key)
        if f is None:
            parts = []
            esc = self.canv._escape
            for subset, chunk in self.font.splitString(text, self.doc):
                name = self.font.getSubsetInternalName(subset, self.doc)
                parts.append(f"{name} {size} Tf ({esc(chunk)}) Tj")
            f = " ".join(parts)
            self._frag[key] = f
        return f

    def put(self, x_pt: float, y_pt: float, text: str, size: float = SIZE) -> None:
        if text:
            self.ops.append(f"1 0 0 1 {x_pt:.2f} {y_pt:.2f} Tm {self._fragment(text, size)}")

    def put_centred(self, x_pt: float, y_pt: float, text: str, size: float = SIZE) -> None:
        if text:
            self.put(x_pt - self.width(text, size) / 2, y_pt, text, size)

    def flush(self) -> None:
        if self.ops:
            self.canv.drawText(_Code("BT 0 g\n" + "\n".join(self.ops) + "\nET"))
            self.ops = []

    def fit_lines(self, text: str, width_pt: float, size: float, max_lines: int = 2) -> list[str]:
        """``text`` on at most ``max_lines`` lines of ``width_pt``; the last is cut with an
        ellipsis only if it does not fit."""
        if self.fits(text, width_pt, size):
            return [text]
        lines: list[str] = []
        rest = text
        while rest and len(lines) < max_lines:
            if self.fits(rest, width_pt, size):
                lines.append(rest)
                rest = ""
                break
            k = self._head(rest, width_pt, size)
            if len(lines) == max_lines - 1:
                k = self._head(rest, width_pt - self.width("…", size), size)
                lines.append(rest[:k] + "…")
                rest = ""
                break
            sp = rest.rfind(" ", 0, k + 1)
            if sp > k * 0.6:
                k = sp + 1
            lines.append(rest[:k].rstrip())
            rest = rest[k:].lstrip()
        return lines

    def _head(self, text: str, width_pt: float, size: float) -> int:
        total = 0.0
        get, dw = self.widths.get, self.default_w
        for i, ch in enumerate(text):
            total += get(ord(ch), dw) / 1000.0 * size
            if total > width_pt:
                return max(1, i)
        return len(text)


def _pretty(code: str) -> str:
    if len(code) == 16:
        return f"{code[0:4]}-{code[4:8]}-{code[8:14]}-{code[14]}-{code[15]}"
    return code


def _two(ts: str | None) -> list[str]:
    """'2026-11-20 09:30:00' as two lines: the date and the time (no seconds)."""
    if not ts:
        return []
    d, _, tm = ts.partition(" ")
    return [d, tm[:5]] if tm else [d]


def _cells(r: Mapping[str, Any], n: int, lang: str) -> dict[str, list[str]]:
    hours = t("hours", lang)
    returned = _two(r.get("returned_at"))
    if returned and r.get("returned_by"):
        returned = (
            [returned[0], f"{returned[1]} {r['returned_by']}"] if len(returned) > 1 else returned
        )
    return {
        "no": [str(n)],
        "medium": [_pretty(str(r.get("code") or ""))],
        "case": [str(r.get("case_no") or ""), str(r.get("case_name") or "")],
        "retriever": [str(r.get("retriever") or ""), str(r.get("retriever_badge") or "")],
        "unit": [str(r.get("retriever_unit") or "")],
        "out": _two(r.get("out_at")),
        "reason": [t(str(r.get("reason") or ""), lang)],
        "usage": [f"{r.get('est_usage_hours')} {hours}"],
        # Art. 20: who approved, and when (the head's signed decision; MM-DD HH:MM)
        "approver": [str(r.get("approver") or ""), str(r.get("approved_at") or "")[5:16]]
        if r.get("approved_at")
        else [str(r.get("approver") or "")],
        "returned": returned or [t("not_returned", lang)],
        "inspection": [t(str(r["inspection"]), lang), t(str(r.get("verification") or ""), lang)]
        if r.get("inspection")
        else [],
    }


def rows_on_page(first: bool) -> int:
    top = PAGE_H - MARGIN - 9.0 - (9.0 if first else 0.0)
    return int((top - HEADER_H - (FOOTER_Y + 5.0)) // ROW_H)


def page_count(n_rows: int) -> int:
    first = rows_on_page(True)
    if n_rows <= first:
        return 1
    return 1 + math.ceil((n_rows - first) / rows_on_page(False))


def _filter_text(f: Mapping[str, str], n: int, lang: str) -> str:
    c = colon(lang)
    parts = []
    if f.get("from") or f.get("to"):
        parts.append(
            f"{t('from', lang)} {f.get('from') or '…'} {t('to', lang)} {f.get('to') or '…'}"
        )
    for key, name in (
        ("case_no", "case_number"),
        ("code", "medium_id"),
        ("person", "col_retriever"),
    ):
        if f.get(key):
            value = _pretty(f[key]) if key == "code" else f[key]
            parts.append(f"{t(name, lang)}{c}{value}")
    what = "；".join(parts) if lang == "zh" else "; ".join(parts)
    return (
        f"{t('filter', lang)}{c}{what or t('all_entries', lang)}"
        f"{'  共 ' + str(n) + ' 条' if lang == 'zh' else f'  ({n} entries)'}"
    )


def register_pdf(
    doc: Mapping[str, Any],
    out: Target,
    *,
    load_signature: SignatureLoader | None = None,
    lang: str = "zh",
) -> Rendered:
    """Register pages for ``doc`` (``services.documents.register_document``). Drawn
    signature images are read through ``load_signature(signature_id)`` as their rows are
    drawn; without it the signer's name and time stand in the signature column."""
    check_lang(lang)
    rows: Sequence[Mapping[str, Any]] = doc["rows"]
    n = len(rows)
    total = page_count(n)
    names = {
        str(r.get(k) or "")
        for r in rows
        for k in (
            "retriever",
            "approver",
            "keeper",
            "retriever_unit",
            "case_name",
            "sig_retriever_name",
            "sig_keeper_name",
            "sig_returner_name",
            "sig_return_keeper_name",
            "returned_by",
        )
    }
    problems, warnings = coverage_warnings(
        [(t("register_title", lang), x) for x in sorted(names)], lang
    )
    c = new_canvas(out, (PAGE_W * MM, PAGE_H * MM), t("register_title", lang))
    ft = _FastText(c)
    images = SignatureImages(c, load_signature)
    audit = doc.get("audit") or {}
    footer_left = f"{t('audit_head', lang, seq=audit.get('seq', 0))} {audit.get('hash', '')}"
    footer_mid = (
        f"{t('printed_by', lang)}{colon(lang)}{doc.get('printed_by', '')}  "
        f"{t('printed_at', lang)}{colon(lang)}{doc.get('printed_at', '')}"
    )
    title = t("register_title", lang)
    # the unit's name ends before the head's QR code (and its quiet zone), cut only when it
    # would reach the title
    qr = str(audit.get("qr") or "")
    unit_end = PAGE_W - MARGIN - ((qr_side_mm(qr) + 2 * QR_QUIET_MM) if qr else 0.0)
    unit_room = unit_end - (MARGIN + ft.width(title, 12) / MM + 8.0)
    unit = clip_to_width(str(doc.get("unit", "")), unit_room * MM, 9)
    unit_x = min(PAGE_W - MARGIN - 82, unit_end - ft.width(unit, 9) / MM)
    xs = [MARGIN]
    for _, w, _ in COLUMNS:
        xs.append(xs[-1] + w)
    headers = [ft.fit_lines(t(h, lang), (w - 2 * PAD) * MM, SIZE) for _, w, h in COLUMNS]
    body = _Rows(ft, images, xs, lang)
    i = 0
    with binary_streams():
        for page in range(1, total + 1):
            first = page == 1
            top = PAGE_H - MARGIN
            ft.put(MARGIN * MM, (top - 5.0) * MM, title, 12)
            ft.put(unit_x * MM, (top - 5.0) * MM, unit, 9)
            if qr:  # right of the unit's name, above the header row
                draw_head_qr(c, qr, PAGE_W - MARGIN, top - 9.0 + 1.5)
            top -= 9.0
            if first:
                ft.put(
                    MARGIN * MM, (top - 4.5) * MM, _filter_text(doc.get("filter") or {}, n, lang), 8
                )
                top -= 9.0
            # header row
            for k, lines in enumerate(headers):
                cx = (xs[k] + xs[k + 1]) / 2 * MM
                y0 = top - HEADER_H / 2 + (len(lines) - 1) * 1.4 - 1.0
                for j, line in enumerate(lines):
                    ft.put_centred(cx, (y0 - j * 2.8) * MM, line, SIZE)
            body_top = top - HEADER_H
            count = rows_on_page(first)
            page_rows = rows[i : i + count]
            for j, r in enumerate(page_rows):
                body.draw(r, i + j + 1, body_top - j * ROW_H)
            bottom = body_top - len(page_rows) * ROW_H
            i += len(page_rows)
            ft.put(MARGIN * MM, FOOTER_Y * MM, footer_left, 6)
            ft.put((PAGE_W / 2 - 20) * MM, FOOTER_Y * MM, footer_mid, 6)
            pg = t("page_of", lang, n=page, total=total)
            ft.put((PAGE_W - MARGIN) * MM - ft.width(pg, 8), FOOTER_Y * MM, pg, 8)
            ft.flush()
            _grid(c, xs, top, body_top, bottom)
            c.showPage()
        save(c)
    if images.failed:
        warnings.append(
            f"{images.failed} 个手写签名图像无法读取，已以签名人姓名代替"
            if lang == "zh"
            else f"{images.failed} drawn signature images could not be read; "
            "the signer's name stands in their place"
        )
    if n == 0:
        warnings.append("没有符合条件的登记" if lang == "zh" else "no entries match the filter")
    return Rendered(pages=total, warnings=warnings, coverage=problems, media="A4")


def _grid(c: Any, xs: list[float], top: float, body_top: float, bottom: float) -> None:
    ops = ["q 0.4 w 0 G"]
    ops.append(f"{xs[0] * MM:.2f} {top * MM:.2f} m {xs[-1] * MM:.2f} {top * MM:.2f} l")
    y = body_top
    while y >= bottom - 0.01:
        ops.append(f"{xs[0] * MM:.2f} {y * MM:.2f} m {xs[-1] * MM:.2f} {y * MM:.2f} l")
        y -= ROW_H
    for x in xs:
        ops.append(f"{x * MM:.2f} {top * MM:.2f} m {x * MM:.2f} {bottom * MM:.2f} l")
    ops.append("S Q")
    c.drawText(_Code("\n".join(ops)))


class _Rows:
    """Draws body rows: column x positions and the fitted lines of repeated texts are
    computed once."""

    LINE_H = 2.75

    def __init__(self, ft: _FastText, images: SignatureImages, xs: list[float], lang: str):
        self.ft = ft
        self.images = images
        self.lang = lang
        self.keys = [k for k, _, _ in COLUMNS]
        self.x = [f"{(xs[k] + PAD) * MM:.2f}" for k in range(len(COLUMNS))]
        self.xs = xs
        self.avail = [(w - 2 * PAD) * MM for _, w, _ in COLUMNS]
        self._fit1: dict[tuple[int, str], str] = {}
        self._fit2: dict[tuple[int, str], list[str]] = {}

    def _one(self, k: int, text: str) -> str:
        key = (k, text)
        v = self._fit1.get(key)
        if v is None:
            v = self.ft.fit_lines(text, self.avail[k], SIZE, 1)[0]
            self._fit1[key] = v
        return v

    def _wrap(self, k: int, text: str) -> list[str]:
        key = (k, text)
        v = self._fit2.get(key)
        if v is None:
            v = self.ft.fit_lines(text, self.avail[k], SIZE, 2)
            self._fit2[key] = v
        return v

    def draw(self, r: Mapping[str, Any], n: int, y_top: float) -> None:
        cells = _cells(r, n, self.lang)
        mid = y_top - ROW_H / 2 - 0.8
        y1 = f"{mid * MM:.2f}"
        y2 = (f"{(mid + self.LINE_H / 2) * MM:.2f}", f"{(mid - self.LINE_H / 2) * MM:.2f}")
        ops = self.ft.ops
        frag = self.ft._fragment
        for k, key in enumerate(self.keys):
            if key in SIGNATURE_COLUMNS:
                self._signature(r, key, k, y_top)
                continue
            lines = cells[key]
            if not lines:
                continue
            if len(lines) == 1:
                lines = self._wrap(k, lines[0])
            else:
                lines = [self._one(k, lines[0]), self._one(k, lines[1])]
            if len(lines) == 1:
                if lines[0]:
                    ops.append(f"1 0 0 1 {self.x[k]} {y1} Tm {frag(lines[0], SIZE)}")
            else:
                for j in (0, 1):
                    if lines[j]:
                        ops.append(f"1 0 0 1 {self.x[k]} {y2[j]} Tm {frag(lines[j], SIZE)}")

    def _signature(self, r: Mapping[str, Any], key: str, k: int, y_top: float) -> None:
        sig_id = r.get(f"{key}_id")
        if sig_id is None:
            return
        name = str(r.get(f"{key}_name") or "")
        at = str(r.get(f"{key}_at") or "")
        short_at = at[5:16] if len(at) >= 16 else at
        x = self.xs[k]
        w = COLUMNS[k][1]
        ft = self.ft
        if r.get(f"{key}_drawn") and self.images.draw(
            int(sig_id),
            (x + PAD) * MM,
            (y_top - ROW_H + 2.3) * MM,
            (w - 2 * PAD) * MM,
            (ROW_H - 2.8) * MM,
        ):
            ft.put((x + PAD) * MM, (y_top - ROW_H + 0.8) * MM, f"{name} {short_at}", 4.5)
            return
        ft.put((x + PAD) * MM, (y_top - ROW_H / 2 + 0.6) * MM, self._one(k, name), SIZE)
        ft.put((x + PAD) * MM, (y_top - ROW_H / 2 - 2.2) * MM, f"✓ {short_at}", 5.5)
