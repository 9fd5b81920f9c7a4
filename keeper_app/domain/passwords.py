"""The password policy (issue 10, point 8): a password a person chooses is at least
:data:`MIN_LENGTH` characters, is not their badge number and does not contain it (in any
case), and is not one of the commonest passwords (compared in lowercase). Plain Python: the
list of common passwords is given by the caller (``services.passwords`` reads the shipped
one)."""

from __future__ import annotations

from collections.abc import Container

from .errors import RuleViolation

MIN_LENGTH = 10


def check_password(password: object, badge: str, common: Container[str]) -> str:
    """The password if the policy allows it, else RuleViolation('weak_password', why)."""
    if not isinstance(password, str) or not password:
        raise RuleViolation("weak_password", "a password is required", field="password")
    if len(password) < MIN_LENGTH:
        raise RuleViolation(
            "weak_password",
            f"a password needs at least {MIN_LENGTH} characters (this one has {len(password)})",
            field="password",
        )
    b = (badge or "").strip().lower()
    if b and b in password.lower():
        raise RuleViolation(
            "weak_password",
            "a password may not be the badge number nor contain it",
            field="password",
        )
    if password.lower() in common:
        raise RuleViolation(
            "weak_password",
            "this password is one of the commonest passwords; choose another",
            field="password",
        )
    return password
