"""The audit chain's head as a QR code on every printed page (issue 10): a printout is a
witness of the head that an insider holding the database cannot rewrite, and the code lets a
scanner at the counter (or ``keeper audit check-head``) hold it against the chain.

The text is given (``services.heads.head_text``: ``KH1-<seq>-<HASH>``, uppercase hex, so the
QR code uses its compact alphanumeric mode); error correction M. Like the Code 128 barcodes,
the modules are whole printer dots (3 at 300 dpi, 0.254 mm) and the symbol sits on the dot
grid; a quiet zone of 4 modules around it is kept free by the layouts. A 72-character head is
version 4 (33 modules): 8.4 mm square.
"""

from __future__ import annotations

import functools
from typing import Any

from .barcodes import DEFAULT_DPI, MM, dot_mm, module_mm
from .errors import PrintError

QUIET_MODULES = 4
QR_MIN_MODULE_MM = 0.25
#: the quiet zone at the usual 300 dpi (the modules are no narrower at 600)
QR_QUIET_MM = QUIET_MODULES * module_mm(DEFAULT_DPI, QR_MIN_MODULE_MM)


def qr_matrix(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``text``'s QR code, row by row from the top."""
    return [list(row) for row in _modules(text)]


@functools.lru_cache(maxsize=8)
def _modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """:func:`qr_matrix`, computed once per text: every page of a document carries the same
    head, and encoding it (choosing the mask) costs about 15 ms."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    if not text or not text.isascii() or not text.isprintable():
        raise PrintError("bad_qr_text", f"{text!r} cannot be put in the head's QR code")
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def qr_side_mm(text: str, dpi: int = DEFAULT_DPI) -> float:
    """The symbol's side, quiet zone not included."""
    return len(_modules(text)) * module_mm(dpi, QR_MIN_MODULE_MM)


def draw_head_qr(
    c: Any, text: str, right_mm: float, bottom_mm: float, dpi: int = DEFAULT_DPI
) -> tuple[float, float, float]:
    """Draw the QR code of ``text`` with its right edge at ``right_mm`` and its bottom at
    ``bottom_mm`` (page mm, symbol without its quiet zone), snapped to the dot grid.
    Returns (left, bottom, side) in mm."""
    rows = _modules(text)
    mod = module_mm(dpi, QR_MIN_MODULE_MM)
    side = len(rows) * mod
    dot = dot_mm(dpi)
    left = round((right_mm - side) / dot) * dot
    bottom = round(bottom_mm / dot) * dot
    path = c.beginPath()
    for r, row in enumerate(rows):
        y = bottom + (len(rows) - 1 - r) * mod
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            path.rect((left + start * mod) * MM, y * MM, (col - start) * mod * MM, mod * MM)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
    return left, bottom, side
