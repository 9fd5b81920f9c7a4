"""Code 128 barcodes drawn as vectors, every bar a whole number of printer dots wide.

The encoding comes from python-barcode (as DESIGN.md names it). For our medium ids — 14
digits, the copy letter and the check character — it starts in code set C (two digits per
symbol) and switches to set B for the last two characters: start, 7 pairs, CODE B, 2
characters, check, stop = 13 symbols, 145 modules, the shortest Code 128 can do
(:func:`symbol_count` is tested against it). An all-set-B encoding would take 19 symbols.

The module (narrowest bar) is snapped to whole printer dots: at 300 dpi 3 dots = 0.254 mm,
at 600 dpi 5 dots = 0.212 mm, never under 0.2 mm; the symbol's left edge is put on the dot
grid of the page too, so with ``print-scaling=none`` every bar edge falls between two dots.
Quiet zones are 10 modules on each side. Drawn so, the code decodes at any sub-pixel offset
of the page (tests/integration/test_printing_labels.py); a raster barcode does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from barcode.codex import Code128

from .errors import PrintError

MM = 72.0 / 25.4  # points per millimetre
QUIET_MODULES = 10
MIN_MODULE_MM = 0.2
DEFAULT_DPI = 300


def dot_mm(dpi: int) -> float:
    return 25.4 / dpi


def module_mm(dpi: int = DEFAULT_DPI, min_mm: float = MIN_MODULE_MM) -> float:
    """The narrowest bar: the fewest whole printer dots that are at least ``min_mm`` wide."""
    if dpi <= 0:
        raise PrintError("bad_dpi", f"printer resolution must be positive, not {dpi}")
    dots = max(1, math.ceil(min_mm / dot_mm(dpi) - 1e-9))
    return dots * dot_mm(dpi)


def _check_text(text: str) -> None:
    if not text or not text.isascii() or not text.isprintable():
        raise PrintError(
            "bad_barcode_text",
            f"{text!r} cannot be put in a Code 128 barcode (printable ASCII only)",
        )


def code128_symbols(text: str) -> list[int]:
    """The symbol values python-barcode chooses (start code first; check and stop not
    included)."""
    _check_text(text)
    return list(Code128(text).encoded)


def symbol_count(text: str) -> int:
    """Symbols in the printed code, start, check character and stop included."""
    return len(code128_symbols(text)) + 2


def code128_modules(text: str) -> str:
    """The bars and spaces as a string of ``1`` (bar) and ``0`` (space), one per module,
    without quiet zones."""
    _check_text(text)
    return str(Code128(text).build()[0])


@dataclass(frozen=True)
class BarcodeBox:
    """Where a barcode went on the page, in millimetres from the page's lower-left corner."""

    x_mm: float  # left edge of the left quiet zone
    y_mm: float  # bottom of the bars
    width_mm: float  # quiet zones included
    height_mm: float
    module_mm: float
    modules: int  # bars and spaces, quiet zones excluded

    @property
    def bars_x_mm(self) -> float:
        return self.x_mm + QUIET_MODULES * self.module_mm

    @property
    def center_mm(self) -> tuple[float, float]:
        return (self.x_mm + self.width_mm / 2, self.y_mm + self.height_mm / 2)


def barcode_width_mm(text: str, dpi: int = DEFAULT_DPI) -> float:
    """The full width of the printed code, quiet zones included."""
    return (len(code128_modules(text)) + 2 * QUIET_MODULES) * module_mm(dpi)


def draw_code128(
    canv: Any,
    text: str,
    center_x_mm: float,
    bottom_mm: float,
    *,
    height_mm: float = 10.0,
    dpi: int = DEFAULT_DPI,
) -> BarcodeBox:
    """Draw ``text`` as Code 128 centred on ``center_x_mm`` with its bars starting at
    ``bottom_mm`` (page coordinates, mm, from the lower-left corner; no transformation
    may be active on the canvas but the page's own)."""
    bits = code128_modules(text)
    mod = module_mm(dpi)
    dot = dot_mm(dpi)
    width = (len(bits) + 2 * QUIET_MODULES) * mod
    x0 = center_x_mm - width / 2
    bars_x = round((x0 + QUIET_MODULES * mod) / dot) * dot  # on the printer's dot grid
    x0 = bars_x - QUIET_MODULES * mod
    y0 = round(bottom_mm / dot) * dot
    path = canv.beginPath()
    i = 0
    n = len(bits)
    while i < n:
        if bits[i] == "1":
            j = i
            while j < n and bits[j] == "1":
                j += 1
            path.rect((bars_x + i * mod) * MM, y0 * MM, (j - i) * mod * MM, height_mm * MM)
            i = j
        else:
            i += 1
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
    return BarcodeBox(x0, y0, width, height_mm, mod, n)
