"""Medium barcode ids: format, check character and parsing with clear errors.

A medium id names one disc (or hard-drive volume) of the custody register::

    3101 2026 000123 D 7
    unit year serial copy check

* ``unit``   -- the production unit's 4-digit code (Art. 17: the production unit is on the label)
* ``year``   -- the year the pair was made
* ``serial`` -- 6 digits, one serial per pair: the original and the duplicate share it
* ``copy``   -- ``O`` original, ``D`` duplicate, ``H`` hard-drive volume (Art. 17), ``S`` a
  seized storage medium (issue 15, supervision draft Art. 128(4)): its own serial series,
  one serial per seized item
* ``check``  -- a Damm check digit over everything before it, so that a mistyped or
  misread code (one wrong character, two neighbours swapped) is rejected instead of
  matching another disc.

The printed/scanned form has no separators (``31012026000123D7``): fourteen digits
encode in Code 128 set C at half the width. People may type it with spaces or hyphens
and in lower case; :func:`parse` accepts that and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
COPY_LETTERS = {"O": "original", "D": "duplicate", "H": "hard_drive", "S": "seized"}
#: the copy letter of a seized storage medium (issue 15)
SEIZED = "S"
LENGTH = 16
_SEPARATORS = re.compile(r"[\s\-_.]")


class CodeError(ValueError):
    """A scanned or typed medium id that is not valid; ``str()`` says exactly why."""

    def __init__(self, reason: str, message: str, text: str):
        super().__init__(message)
        self.reason = reason
        self.text = text


#: Damm's totally anti-symmetric quasigroup of order 10: a Damm check digit detects every
#: single wrong digit and every swap of two neighbouring digits.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
_COPY_DIGIT = {"O": 1, "D": 2, "H": 3, "S": 4}


def check_char(body: str) -> str:
    """The Damm check digit over the 14 digits and the copy letter (O=1, D=2, H=3, S=4).

    Damm detects every single substitution and every adjacent transposition of digits;
    a swap that moves the copy letter or the check digit out of place breaks the format
    (a letter where digits belong), so every single error and neighbour swap of a whole
    id is refused. (ISO 7064 MOD 37,36 was tried first: it let 0.05 % of digit swaps
    through, e.g. ...000889O and ...000898O both passed.)
    """
    interim = 0
    for ch in body:
        # only digits and O/D/H occur in a valid body; any other character is mapped too,
        # so that a check can be computed (and refused later) for any text
        d = _COPY_DIGIT.get(ch, ALPHABET.index(ch) % 10 if ch in ALPHABET else 0)
        interim = _DAMM[interim][d]
    return str(interim)


@dataclass(frozen=True, slots=True)
class MediumCode:
    unit: str
    year: int
    serial: int
    copy: str  # "O", "D", "H" or "S"

    @property
    def body(self) -> str:
        return f"{self.unit}{self.year:04d}{self.serial:06d}{self.copy}"

    @property
    def text(self) -> str:
        """The canonical form, as printed in the barcode and stored."""
        body = self.body
        return body + check_char(body)

    @property
    def pretty(self) -> str:
        """The form printed under the barcode for people to read and type."""
        t = self.text
        return f"{t[0:4]}-{t[4:8]}-{t[8:14]}-{t[14]}-{t[15]}"

    @property
    def seized(self) -> bool:
        """Whether this id names a seized storage medium (copy letter S), not a disc."""
        return self.copy == SEIZED

    @property
    def copy_role(self) -> str:
        return COPY_LETTERS[self.copy]

    def partner(self) -> MediumCode:
        """The other disc of the pair (same serial), for originals and duplicates."""
        if self.copy == "H":
            raise ValueError("a hard-drive volume has no partner disc")
        if self.copy == SEIZED:
            raise ValueError("a seized storage medium has no partner disc")
        return MediumCode(self.unit, self.year, self.serial, "D" if self.copy == "O" else "O")

    def __str__(self) -> str:
        return self.text


def make(unit: str, year: int, serial: int, copy: str) -> MediumCode:
    if not (len(unit) == 4 and unit.isdigit() and unit.isascii()):
        raise ValueError(f"unit code must be 4 digits, not {unit!r}")
    if not 2000 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    if not 1 <= serial <= 999_999:
        raise ValueError(f"serial out of range: {serial}")
    if copy not in COPY_LETTERS:
        raise ValueError(f"copy letter must be O, D, H or S, not {copy!r}")
    return MediumCode(unit, year, serial, copy)


def parse(text: str) -> MediumCode:
    """Parse a scanned or typed id; raise :class:`CodeError` naming the problem."""
    raw = text if isinstance(text, str) else str(text)
    # upper-case ASCII only: "ı".upper() is "I" and "ſ".upper() is "S", look-alikes to refuse
    cleaned = "".join(ch.upper() if ch.isascii() else ch for ch in _SEPARATORS.sub("", raw))
    if not cleaned:
        raise CodeError("empty", "empty code: nothing was scanned or typed", raw)
    bad = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if bad:
        shown = "".join(bad)
        raise CodeError(
            "bad_character",
            f"code {raw!r} contains characters that are not in a medium id: {shown!r}",
            raw,
        )
    if len(cleaned) != LENGTH:
        raise CodeError(
            "bad_length",
            f"code {raw!r} has {len(cleaned)} characters; a medium id has {LENGTH} "
            "(unit 4, year 4, serial 6, copy letter, check character)",
            raw,
        )
    unit, year, serial, copy, check = (
        cleaned[0:4],
        cleaned[4:8],
        cleaned[8:14],
        cleaned[14],
        cleaned[15],
    )
    if not (unit.isdigit() and year.isdigit() and serial.isdigit()):
        raise CodeError(
            "bad_format",
            f"code {raw!r} is not a medium id: unit, year and serial must be digits",
            raw,
        )
    if copy not in COPY_LETTERS:
        raise CodeError(
            "bad_copy_letter",
            f"code {raw!r}: copy letter {copy!r} must be O (original), D (duplicate), "
            "H (hard drive) or S (seized medium)",
            raw,
        )
    expected = check_char(cleaned[:15])
    if check != expected:
        raise CodeError(
            "bad_check",
            f"code {raw!r} fails its check character: mistyped or misread, scan again "
            "or type it from the label",
            raw,
        )
    if int(serial) == 0 or int(year) < 2000:
        raise CodeError("bad_format", f"code {raw!r}: serial or year out of range", raw)
    return MediumCode(unit, int(year), int(serial), copy)
