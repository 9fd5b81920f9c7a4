"""The one error the printing package raises: it says what went wrong and what to do."""

from __future__ import annotations


class PrintError(Exception):
    """A document cannot be made or printed. ``code`` is stable (for tests and the UI),
    ``str()`` is the message for the keeper."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
