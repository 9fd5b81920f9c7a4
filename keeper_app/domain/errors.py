"""The one error type the law raises."""

from __future__ import annotations


class RuleViolation(Exception):
    """An action the regulations (or the register's integrity) do not allow.

    ``code`` is a stable machine-readable reason (tests and translations key on it),
    ``message`` says specifically what is wrong and what is allowed, ``article`` cites
    the provision, ``field`` names the field at fault (a stable English name the user
    interface translates), when one is.
    """

    def __init__(self, code: str, message: str, article: str = "", field: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.article = article
        self.field = field

    def __str__(self) -> str:
        return f"{self.message} [{self.article}]" if self.article else self.message
