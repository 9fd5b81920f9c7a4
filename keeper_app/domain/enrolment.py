"""Enrolment codes (issue 10, point 2): the one-time code an administrator hands a new
person, who gives it at first sign-in and chooses their own password then.

A code is 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown in
three groups of four; typed with or without the dashes and spaces, in either case."""

from __future__ import annotations

from datetime import timedelta

from .errors import RuleViolation

#: 31 characters that cannot be mistaken for one another when read aloud or typed.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
#: How long a code may be used after it was issued.
VALIDITY = timedelta(days=7)


def shown(code: str) -> str:
    """A code as it is printed and read: ``ABCD-EFGH-JKMN``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize(text: object) -> str:
    """A typed code as it is checked, or RuleViolation saying what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise RuleViolation(
            "missing_field", "the enrolment code is required", field="enrolment code"
        )
    code = "".join(ch for ch in text.upper() if ch not in " -")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        raise RuleViolation(
            "bad_enrolment_code",
            f"an enrolment code is {LENGTH} letters and digits (as XXXX-XXXX-XXXX, without "
            "0, 1, I, L or O); check what was typed",
            field="enrolment code",
        )
    return code
