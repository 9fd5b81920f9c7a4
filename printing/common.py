"""What every document shares: the canvas, the font, fitting text into a width, the output
target, and the result handed back (pages and warnings for the keeper)."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .barcodes import MM, BarcodeBox
from .errors import PrintError
from .fonts import CoverageProblem, check_coverage, ensure_font, text_width

Target = str | Path | IO[bytes]

_a85_lock = threading.RLock()


@contextmanager
def binary_streams() -> Iterator[None]:
    """Write page and image streams zlib-compressed without the ASCII85 layer reportlab adds
    by default: a quarter smaller and, without reportlab's C accelerator, much faster."""
    from reportlab import rl_config

    with _a85_lock:
        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = old


@dataclass
class Placement:
    """One label as placed: page (1-based), position on the sheet, the medium id, the label
    centre (mm from the page's top-left, as in the sheet template) and its barcode."""

    page: int
    position: int
    code: str
    center_mm: tuple[float, float]
    barcode: BarcodeBox | None = None


@dataclass
class Rendered:
    """What was made: the page count and what the keeper must be told before printing."""

    pages: int
    warnings: list[str] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    coverage: list[CoverageProblem] = field(default_factory=list)
    media: str = "A4"


def _shifted_canvas_class() -> Any:
    from reportlab.pdfgen import canvas

    class ShiftedCanvas(canvas.Canvas):  # type: ignore[misc]
        """Moves everything on every page by a fixed offset (mm), as a printer whose dot
        grid is not where the page says would: used to test barcodes at sub-pixel offsets."""

        def __init__(self, *a: Any, shift_mm: tuple[float, float], **kw: Any):
            super().__init__(*a, **kw)
            self._shift = shift_mm
            self.translate(shift_mm[0] * MM, shift_mm[1] * MM)

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            super().showPage()
            self.translate(self._shift[0] * MM, self._shift[1] * MM)

    return ShiftedCanvas


def new_canvas(
    out: Target,
    pagesize: tuple[float, float],
    title: str,
    author: str = "Keeper",
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Any:
    """A canvas writing to a file name or a binary stream. ``page_shift_mm`` moves every
    page's content (right, up) without snapping — for tests of print registration."""
    from reportlab.pdfgen import canvas

    ensure_font()
    path: Path | None = None
    target: Any
    if isinstance(out, str | Path):
        p = Path(out)
        if p.parent and not p.parent.exists():
            raise PrintError("bad_output", f"cannot save {p}: the folder {p.parent} does not exist")
        _refuse_existing(p)  # before drawing: checked again when the file is written
        # drawn in memory, then written private (0600), never over a file or through a link
        path, target = p, io.BytesIO()
    else:
        target = out
    if page_shift_mm != (0.0, 0.0):
        c = _shifted_canvas_class()(
            target, pagesize=pagesize, pageCompression=1, shift_mm=page_shift_mm
        )
    else:
        c = canvas.Canvas(target, pagesize=pagesize, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Keeper")
    c._keeper_file = (path, target) if path is not None else None
    return c


def _refuse_existing(p: Path) -> None:
    if p.is_symlink() or p.exists():
        from keeper_app.files import refusal_for_existing

        exc = refusal_for_existing(p)
        raise PrintError(exc.code, exc.message)


def save(c: Any) -> None:
    from keeper_app.domain.errors import RuleViolation
    from keeper_app.files import write_private

    try:
        c.save()
        file = getattr(c, "_keeper_file", None)
        if file is not None:
            path, buf = file
            write_private(path, buf.getvalue())
    except RuleViolation as exc:
        raise PrintError(exc.code, exc.message) from None
    except OSError as exc:
        raise PrintError("bad_output", f"cannot save the PDF: {exc}") from None


def coverage_warnings(
    fields: list[tuple[str, str]], lang: str
) -> tuple[list[CoverageProblem], list[str]]:
    problems = check_coverage(fields)
    return problems, [p.message(lang) for p in problems]


def fit_size(text: str, width_pt: float, size: float, min_size: float) -> float:
    """The largest size from ``size`` down to ``min_size`` at which ``text`` fits."""
    w = text_width(text, size)
    if w <= width_pt:
        return size
    s = size * width_pt / w
    return max(min_size, s)


def clip_to_width(text: str, width_pt: float, size: float) -> str:
    """``text`` cut to ``width_pt`` with an ellipsis (only where nothing else fits)."""
    if text_width(text, size) <= width_pt:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + "…", size) <= width_pt:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def split_to_width(text: str, width_pt: float, size: float) -> tuple[str, str]:
    """The longest head of ``text`` that fits ``width_pt``, and the rest (an English line
    breaks at a space where one is near)."""
    if text_width(text, size) <= width_pt:
        return text, ""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid], size) <= width_pt:
            lo = mid
        else:
            hi = mid - 1
    k = lo
    sp = text.rfind(" ", 0, k + 1)
    if sp > k * 0.6:
        k = sp + 1
    return text[:k].rstrip(), text[k:].lstrip()


def wrap(text: str, width_pt: float, size: float, max_lines: int) -> list[str]:
    """Lines of at most ``width_pt``; the last is clipped if more than ``max_lines`` needed."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines - 1:
        head, rest = split_to_width(rest, width_pt, size)
        if not head:
            break
        lines.append(head)
    if rest:
        lines.append(clip_to_width(rest, width_pt, size))
    return lines or [""]


def draw_text(
    c: Any, x_mm: float, y_mm: float, text: str, size: float, align: str = "left"
) -> None:
    c.setFont(ensure_font(), size)
    if align == "center":
        c.drawCentredString(x_mm * MM, y_mm * MM, text)
    elif align == "right":
        c.drawRightString(x_mm * MM, y_mm * MM, text)
    else:
        c.drawString(x_mm * MM, y_mm * MM, text)


def to_bytes(render: Any, *args: Any, **kw: Any) -> tuple[bytes, Rendered]:
    """Run a ``*_pdf`` function into memory: (pdf bytes, result), for previews."""
    buf = io.BytesIO()
    r = render(*args, out=buf, **kw)
    return buf.getvalue(), r
