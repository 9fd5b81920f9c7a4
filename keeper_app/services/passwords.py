"""The password policy applied with the shipped list of common passwords."""

from __future__ import annotations

import functools
from importlib import resources

from ..domain import passwords


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list (keeper_app/resources/common_passwords.txt), lowercase."""
    text = (
        resources.files("keeper_app.resources")
        .joinpath("common_passwords.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def check_password(password: object, badge: str) -> str:
    """Refuse (RuleViolation 'weak_password') a password the policy does not allow."""
    return passwords.check_password(password, badge, common_passwords())
