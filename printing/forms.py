"""A small page-flow helper for receipts, reports and lists: a title, label/value tables,
grid tables with their header repeated after a page break, signature lists, blank boxes for
hand signatures, and a footer with the page number and the audit chain head — the head also
as a QR code at the top right of every page, above the text area (printing.headqr)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .barcodes import MM
from .common import wrap
from .fonts import ensure_font, text_width
from .headqr import draw_head_qr
from .i18n import colon, t

LINE = 1.32  # line height, in font sizes


class Form:
    def __init__(
        self,
        c: Any,
        lang: str,
        *,
        width_mm: float = 210.0,
        height_mm: float = 297.0,
        margin_mm: float = 18.0,
        audit: Mapping[str, Any] | None = None,
        header: str = "",
    ):
        self.c = c
        self.lang = lang
        self.w, self.h, self.m = width_mm, height_mm, margin_mm
        self.font = ensure_font()
        self.audit = audit or {}
        self.header = header
        self.page = 1
        self.y = self.h - self.m
        self._start_page()

    # ------------------------------------------------------------------ page flow
    def _start_page(self) -> None:
        if self.audit.get("qr"):  # in the top margin, its right edge on the text's
            draw_head_qr(self.c, str(self.audit["qr"]), self.w - self.m, self.h - self.m + 1.5)
        if self.header and self.page > 1:
            self.text(self.header, 8, gap=2.0)

    def _footer(self) -> None:
        c = self.c
        c.setFont(self.font, 6.5)
        if self.audit:
            c.drawString(
                self.m * MM,
                8 * MM,
                f"{t('audit_head', self.lang, seq=self.audit.get('seq', 0))} "
                f"{self.audit.get('hash', '')}",
            )
        c.setFont(self.font, 8)
        c.drawRightString((self.w - self.m) * MM, 8 * MM, f"{self.page}")

    def need(self, mm: float) -> None:
        if self.y - mm < 14.0:
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = self.h - self.m
        self._start_page()

    def finish(self) -> int:
        self._footer()
        self.c.showPage()
        return self.page

    # ------------------------------------------------------------------ content
    def title(self, text: str, size: float = 15.0) -> None:
        self.need(size * 0.3528 * 2)
        self.c.setFont(self.font, size)
        self.y -= size * 0.3528
        self.c.drawCentredString(self.w / 2 * MM, self.y * MM, text)
        self.y -= size * 0.3528 * 1.0

    def text(self, text: str, size: float = 9.0, gap: float = 1.5) -> None:
        width = (self.w - 2 * self.m) * MM
        for line in wrap(text, width, size, 20):
            self.need(size * 0.3528 * LINE)
            self.y -= size * 0.3528 * LINE
            self.c.setFont(self.font, size)
            self.c.drawString(self.m * MM, self.y * MM, line)
        self.y -= gap

    def kv(
        self, rows: Sequence[tuple[str, str]], label_mm: float = 40.0, size: float = 9.5
    ) -> None:
        """A two-column bordered table: label | value (the value wraps)."""
        x0, x1, x2 = self.m, self.m + label_mm, self.w - self.m
        pad = 1.5
        for label, value in rows:
            lines = wrap(str(value), (x2 - x1 - 2 * pad) * MM, size, 8)
            lab = wrap(label, (x1 - x0 - 2 * pad) * MM, size, 3)
            n = max(len(lines), len(lab))
            h = n * size * 0.3528 * LINE + 2 * pad
            self.need(h)
            top = self.y
            c = self.c
            c.setLineWidth(0.5)
            c.rect(x0 * MM, (top - h) * MM, (x2 - x0) * MM, h * MM)
            c.line(x1 * MM, top * MM, x1 * MM, (top - h) * MM)
            c.setFont(self.font, size)
            for i, s in enumerate(lab):
                c.drawString(
                    (x0 + pad) * MM, (top - pad - (i + 0.8) * size * 0.3528 * LINE) * MM, s
                )
            for i, s in enumerate(lines):
                c.drawString(
                    (x1 + pad) * MM, (top - pad - (i + 0.8) * size * 0.3528 * LINE) * MM, s
                )
            self.y = top - h
        self.y -= 3.0

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths_mm: Sequence[float],
        size: float = 8.5,
    ) -> None:
        """A grid table; the header row is repeated after a page break."""
        pad = 1.2
        total = self.w - 2 * self.m
        scale = total / sum(widths_mm)
        widths = [w * scale for w in widths_mm]

        def draw_row(cells: Sequence[str], header: bool) -> None:
            wrapped = [
                wrap(str(v), (w - 2 * pad) * MM, size, 4)
                for v, w in zip(cells, widths, strict=True)
            ]
            h = max(len(x) for x in wrapped) * size * 0.3528 * LINE + 2 * pad
            if self.y - h < 14.0:
                self.new_page()
                if not header:
                    draw_row(headers, True)
            top = self.y
            x = self.m
            c = self.c
            c.setLineWidth(0.5)
            if header:
                c.setFillColorRGB(0.92, 0.92, 0.92)
                c.rect(x * MM, (top - h) * MM, total * MM, h * MM, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            c.setFont(self.font, size)
            for lines, w in zip(wrapped, widths, strict=True):
                c.rect(x * MM, (top - h) * MM, w * MM, h * MM)
                for i, s in enumerate(lines):
                    c.drawString(
                        (x + pad) * MM, (top - pad - (i + 0.8) * size * 0.3528 * LINE) * MM, s
                    )
                x += w
            self.y = top - h

        draw_row(headers, True)
        for r in rows:
            draw_row(r, False)
        self.y -= 3.0

    def signatures(self, sigs: Sequence[Mapping[str, Any]]) -> None:
        """The electronic signatures of an entry: who, in what capacity, when."""
        lang = self.lang
        rows = [
            (
                t(str(s.get("capacity", "")), lang),
                f"{s.get('name', '')} ({s.get('badge', '')})  {s.get('signed_at', '')}  "
                f"{t('signed_electronically', lang)}",
            )
            for s in sigs
        ]
        if rows:
            self.kv(rows, label_mm=30.0, size=9.0)

    def sign_boxes(self, labels: Sequence[str], height_mm: float = 16.0) -> None:
        """Blank boxes for signatures by hand, with a line for the date."""
        n = len(labels)
        self.need(height_mm + 2)
        gap = 4.0
        w = (self.w - 2 * self.m - gap * (n - 1)) / n
        c = self.c
        top = self.y
        for i, label in enumerate(labels):
            x = self.m + i * (w + gap)
            c.setLineWidth(0.5)
            c.rect(x * MM, (top - height_mm) * MM, w * MM, height_mm * MM)
            c.setFont(self.font, 8)
            c.drawString((x + 1.5) * MM, (top - 4) * MM, f"{label}{colon(self.lang)}")
            c.drawString(
                (x + 1.5) * MM,
                (top - height_mm + 2) * MM,
                f"{t('date_time', self.lang)}{colon(self.lang)}",
            )
        self.y = top - height_mm - 3.0


def text_fits(text: str, width_mm: float, size: float) -> bool:
    return text_width(text, size) <= width_mm * MM
