"""Medium ids (``keeper_app.domain.codes``): the barcode id of one disc.

Art. 17: two copies are made, one sealed as the original and one kept as the duplicate, and
the production unit is on the label. The id carries the unit, the year, the pair's serial,
the copy letter (O original, D duplicate, H hard-drive volume) and a Damm
check character, so that a mistyped or misread id is rejected instead of matching another
disc (issue 2, item 7).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from keeper_app.domain import codes
from keeper_app.domain.codes import ALPHABET, CodeError, MediumCode

DIGITS = "0123456789"

valid_codes = st.builds(
    codes.make,
    unit=st.text(DIGITS, min_size=4, max_size=4),
    year=st.integers(2000, 9999),
    serial=st.integers(1, 999_999),
    copy=st.sampled_from("ODHS"),
)


def _with_body(body: str) -> str:
    """A 16-character text whose check character is right for ``body`` (15 characters)."""
    return body + codes.check_char(body)


# ---------------------------------------------------------------- make / parse round trip
def test_make_gives_the_documented_layout() -> None:
    c = codes.make("3101", 2026, 123, "D")
    assert c.body == "31012026000123D"
    assert c.text == "31012026000123D" + codes.check_char("31012026000123D")
    assert len(c.text) == codes.LENGTH == 16
    assert str(c) == c.text
    assert c.pretty == f"3101-2026-000123-D-{c.text[-1]}"
    assert c.copy_role == "duplicate"
    assert codes.make("3101", 2026, 1, "O").copy_role == "original"
    assert codes.make("3101", 2026, 1, "H").copy_role == "hard_drive"


@pytest.mark.parametrize(
    "unit, year, serial, copy",
    [
        ("310", 2026, 1, "O"),  # unit too short
        ("31012", 2026, 1, "O"),  # unit too long
        ("31A1", 2026, 1, "O"),  # unit not digits
        ("３１０１", 2026, 1, "O"),  # full-width digits are digits, but not ASCII
        ("3101", 1999, 1, "O"),
        ("3101", 10000, 1, "O"),
        ("3101", 2026, 0, "O"),
        ("3101", 2026, 1_000_000, "O"),
        ("3101", 2026, 1, "X"),
        ("3101", 2026, 1, "o"),
    ],
)
def test_make_refuses_out_of_range_parts(unit: str, year: int, serial: int, copy: str) -> None:
    with pytest.raises(ValueError):
        codes.make(unit, year, serial, copy)


@given(valid_codes)
def test_parse_round_trips_the_canonical_form(code: MediumCode) -> None:
    assert codes.parse(code.text) == code
    assert codes.parse(code.text).text == code.text


@given(valid_codes)
def test_parse_accepts_the_pretty_form_lower_case_and_spaces(code: MediumCode) -> None:
    t = code.text
    assert codes.parse(code.pretty) == code
    assert codes.parse(code.pretty.lower()) == code
    assert codes.parse(t.lower()) == code
    assert codes.parse(f"{t[0:4]} {t[4:8]} {t[8:14]} {t[14]} {t[15]}") == code
    assert codes.parse(f"  {t}\n") == code  # a scanner's trailing newline
    assert codes.parse(f"{t[0:4]} - {t[4:8]}-{t[8:]}".lower()) == code


def test_parse_known_code() -> None:
    c = codes.make("3101", 2026, 123, "O")
    parsed = codes.parse(c.pretty.lower())
    assert (parsed.unit, parsed.year, parsed.serial, parsed.copy) == ("3101", 2026, 123, "O")


# ---------------------------------------------------------------- every error reason
def _reason(text: str) -> CodeError:
    with pytest.raises(CodeError) as ei:
        codes.parse(text)
    assert isinstance(ei.value, ValueError)  # callers may catch ValueError
    assert ei.value.text == text
    return ei.value


@pytest.mark.parametrize("text", ["", "   ", "-", " - - ", "\n", "\t_.-"])
def test_empty(text: str) -> None:
    e = _reason(text)
    assert e.reason == "empty"
    assert "empty code" in str(e)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("3101-2026-000123-D-7!", "!"),
        ("3101/2026/000123/D/7", "/"),
        ("3101#2026", "#"),
        ("３１０１2026000123D7", "０１３"),  # full-width digits typed by an IME
        ("31012026000123Dé", "é"),
        ("3101+2026*000123", "*+"),
    ],
)
def test_bad_character_names_the_characters(text: str, shown: str) -> None:
    e = _reason(text)
    assert e.reason == "bad_character"
    assert "not in a medium id" in str(e)
    assert repr(shown) in str(e)


def test_non_ascii_letters_that_upper_case_to_ascii_are_refused() -> None:
    """Only spaces, hyphens and lower case are forgiven: a dotless ı or a long ſ is not an
    I or an S, even though ``str.upper`` maps them there — it is named as a bad character."""
    c = codes.make("3101", 2026, 123, "O")
    for look_alike in ("ı", "ſ"):
        e = _reason(c.text[:-1] + look_alike)
        assert e.reason == "bad_character"
        assert look_alike in str(e)


@pytest.mark.parametrize(
    "text, count",
    [
        ("3101202600012", 13),
        ("31012026000123D", 15),  # the check character forgotten
        ("31012026000123D77", 17),
        ("3", 1),
    ],
)
def test_bad_length_says_how_many(text: str, count: int) -> None:
    e = _reason(text)
    assert e.reason == "bad_length"
    assert f"has {count} characters" in str(e)
    assert "has 16" in str(e)


@pytest.mark.parametrize(
    "body",
    [
        "A1012026000123D",  # letter in the unit
        "31012O26000123D",  # letter O for zero in the year
        "3101202600O123D",  # letter O for zero in the serial
    ],
)
def test_bad_format_letters_where_digits_belong(body: str) -> None:
    e = _reason(_with_body(body))
    assert e.reason == "bad_format"
    assert "must be digits" in str(e)


@pytest.mark.parametrize("body", ["31012026000000D", "31011999000123D", "31010000000001O"])
def test_bad_format_serial_zero_or_year_before_2000(body: str) -> None:
    # the check character is right: the code is refused for its range, not as a misread
    e = _reason(_with_body(body))
    assert e.reason == "bad_format"
    assert "out of range" in str(e)


@pytest.mark.parametrize("letter", ["X", "A", "0", "Q", "C"])
def test_bad_copy_letter_names_the_letter(letter: str) -> None:
    e = _reason(_with_body("31012026000123" + letter))
    assert e.reason == "bad_copy_letter"
    assert repr(letter) in str(e)
    assert "O (original)" in str(e) and "D (duplicate)" in str(e) and "H (hard drive)" in str(e)


def test_bad_check() -> None:
    c = codes.make("3101", 2026, 123, "D")
    wrong = next(ch for ch in ALPHABET if ch != c.text[-1])
    e = _reason(c.text[:-1] + wrong)
    assert e.reason == "bad_check"
    assert "check character" in str(e)
    assert "mistyped or misread" in str(e)


def test_original_and_duplicate_ids_differ_in_check_as_well() -> None:
    """Retyping only the copy letter of a valid id does not give the partner's id."""
    o = codes.make("3101", 2026, 123, "O")
    assert _reason(o.text[:14] + "D" + o.text[15]).reason == "bad_check"


# ---------------------------------------------------------------- partner
def test_partner_is_the_other_disc_of_the_pair() -> None:
    o = codes.make("3101", 2026, 123, "O")
    d = o.partner()
    assert (d.unit, d.year, d.serial, d.copy) == ("3101", 2026, 123, "D")
    assert d.partner() == o
    assert codes.parse(d.text) == d
    assert d.text != o.text


def test_a_hard_drive_volume_has_no_partner() -> None:
    with pytest.raises(ValueError, match="no partner"):
        codes.make("3101", 2026, 123, "H").partner()


def test_a_seized_medium_has_no_partner() -> None:
    with pytest.raises(ValueError, match="no partner"):
        codes.make("3101", 2026, 123, "S").partner()


@given(valid_codes)
def test_partner_round_trip(code: MediumCode) -> None:
    if code.copy in ("H", "S"):
        return
    assert code.partner().partner() == code
    assert code.partner().serial == code.serial
    assert {code.copy, code.partner().copy} == {"O", "D"}


# ---------------------------------------------------------------- error detection
@given(valid_codes)
def test_every_single_substitution_is_rejected(code: MediumCode) -> None:
    t = code.text
    for i in range(len(t)):
        for ch in ALPHABET:
            if ch == t[i]:
                continue
            typo = t[:i] + ch + t[i + 1 :]
            with pytest.raises(CodeError):
                codes.parse(typo)


# ...000889O and ...000898O were both valid under ISO 7064 MOD 37,36, the check first used;
# the Damm digit refuses that swap and every other one.
@example(codes.make("3101", 2026, 889, "O"))
@given(valid_codes)
def test_every_adjacent_transposition_is_rejected(code: MediumCode) -> None:
    t = code.text
    for i in range(len(t) - 1):
        swapped = t[:i] + t[i + 1] + t[i] + t[i + 2 :]
        if swapped == t:
            continue
        with pytest.raises(CodeError):
            codes.parse(swapped)


@given(st.text())
def test_arbitrary_text_raises_only_code_error(text: str) -> None:
    try:
        c = codes.parse(text)
    except CodeError as e:
        assert e.reason in {
            "empty",
            "bad_character",
            "bad_length",
            "bad_format",
            "bad_copy_letter",
            "bad_check",
        }
        assert str(e)
    else:
        assert codes.parse(c.text) == c


@given(st.text(alphabet=ALPHABET + ALPHABET.lower() + " -", max_size=24))
def test_near_codes_raise_only_code_error(text: str) -> None:
    """Text made of the id's own characters reaches the later checks, not just the first."""
    try:
        c = codes.parse(text)
    except CodeError:
        pass
    else:
        assert c.text == text.replace(" ", "").replace("-", "").upper()
