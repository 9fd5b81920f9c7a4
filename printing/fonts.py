"""The embedded CJK font and the coverage check.

reportlab's built-in ``STSong-Light`` is not embedded (empty boxes on a PC without Chinese
fonts) and Debian's Noto CJK is CFF, which reportlab refuses; so every document embeds
WenQuanYi Micro Hei (``fonts-wqy-microhei``, TrueType, subfont 0 of the .ttc), subsetted.

A character the font lacks is dropped silently by reportlab, and rare characters in names are
common, so :func:`check_coverage` names every such character before anything is printed and
the documents pass the warning on to the keeper.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import PrintError

FONT_NAME = "KeeperCJK"
#: Where Debian puts the font; ``KEEPER_CJK_FONT`` overrides (a .ttf or a .ttc, subfont 0).
DEFAULT_FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)
SUBFONT_INDEX = 0

_lock = threading.Lock()
_registered: dict[str, object] = {}


def font_file() -> Path:
    candidates = [os.environ.get("KEEPER_CJK_FONT", "")] + list(DEFAULT_FONT_FILES)
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    raise PrintError(
        "font_missing",
        "the Chinese font for printing is not installed: install the Debian package "
        "fonts-wqy-microhei (file /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)",
    )


def ensure_font() -> str:
    """Register the embedded CJK font with reportlab once; return its name."""
    with _lock:
        if FONT_NAME in _registered:
            return FONT_NAME
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        path = font_file()
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX)
        except (TTFError, OSError) as exc:
            raise PrintError(
                "font_unusable", f"the font {path} cannot be embedded: {exc}"
            ) from None
        pdfmetrics.registerFont(font)
        _registered[FONT_NAME] = font
        return FONT_NAME


def _font() -> object:
    ensure_font()
    return _registered[FONT_NAME]


def has_char(ch: str) -> bool:
    return ord(ch) in _font().face.charToGlyph  # type: ignore[attr-defined]


def missing_chars(text: str) -> list[str]:
    """The distinct characters of ``text`` the font cannot print, in order of appearance
    (whitespace and control characters are not printed and never count)."""
    cmap = _font().face.charToGlyph  # type: ignore[attr-defined]
    out: list[str] = []
    for ch in text or "":
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            continue
        if ord(ch) not in cmap and ch not in out:
            out.append(ch)
    return out


@dataclass(frozen=True)
class CoverageProblem:
    field: str
    text: str
    chars: tuple[str, ...]

    def message(self, lang: str = "zh") -> str:
        shown = "、".join(f"“{c}”(U+{ord(c):04X})" for c in self.chars)
        if lang == "zh":
            return (
                f"{self.field}“{self.text}”中的字符 {shown} 字体中没有，打印出来会是空白；"
                "请手写补上或改用其他写法"
            )
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in self.chars)
        return (
            f"{self.field} '{self.text}': the font has no {shown}; it would print blank "
            "— write it in by hand"
        )


def check_coverage(fields: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[CoverageProblem]:
    """Every field whose text has characters the font lacks, naming them."""
    items = fields.items() if isinstance(fields, Mapping) else fields
    problems = []
    for name, text in items:
        if not text:
            continue
        miss = missing_chars(str(text))
        if miss:
            problems.append(CoverageProblem(str(name), str(text), tuple(miss)))
    return problems


def text_width(text: str, size: float) -> float:
    """Width in points of ``text`` set in the embedded font at ``size``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, ensure_font(), size))
