"""How the `keeper` command gets passwords: asked without echo at the terminal, or read
from a credentials file that is private to its owner (for scripts)."""

from __future__ import annotations

import getpass
import json
import os
import stat
import sys
from pathlib import Path

from ..domain.errors import RuleViolation
from ..services.session import Credential


class CredentialSource:
    def __init__(self, path: str | None = None):
        self._file: dict[str, str] | None = None
        if path:
            self._file = load_credentials_file(Path(path))

    def password(self, badge: str, purpose: str, prompt: str | None = None) -> str:
        """``badge``'s password (or another secret kept under that key in the credentials
        file, such as ``"BADGE:code"``); at the terminal asked with ``prompt``, if given."""
        b = badge.strip().upper()
        if self._file is not None:
            if b not in self._file:
                raise RuleViolation(
                    "missing_password", f"the credentials file has no password for {b} ({purpose})"
                )
            return self._file[b]
        if not sys.stdin.isatty():
            raise RuleViolation(
                "no_terminal",
                f"no terminal to ask the password of {b} ({purpose}); use --credentials FILE",
            )
        return getpass.getpass(prompt or f"Password of {b} — {purpose}: ")

    def credential(self, badge: str, purpose: str) -> Credential:
        return Credential(badge.strip().upper(), self.password(badge, purpose))


def check_private(path: Path) -> None:
    """Refused unless ``path`` is a regular file owned by the user running Keeper and
    readable by nobody else (mode 0600 or stricter): it holds passwords."""
    try:
        st = path.stat()
    except OSError as exc:
        raise RuleViolation(
            "credentials_unreadable", f"cannot read {path}: {exc.strerror}"
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise RuleViolation("credentials_not_file", f"{path} is not a regular file")
    if st.st_uid != os.getuid():
        raise RuleViolation(
            "credentials_not_private", f"{path} belongs to another user; it must be your own file"
        )
    if st.st_mode & 0o077:
        raise RuleViolation(
            "credentials_not_private",
            f"{path} is readable by others (mode {stat.S_IMODE(st.st_mode):o}); "
            f"run: chmod 600 {path}",
        )


def load_credentials_file(path: Path) -> dict[str, str]:
    """A JSON object {badge: password}. Refused unless it is a regular file owned by the
    user running Keeper and readable by nobody else (mode 0600 or stricter)."""
    check_private(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleViolation("credentials_bad", f"{path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise RuleViolation(
            "credentials_bad", f"{path} must be a JSON object of badge number to password"
        )
    return {k.strip().upper(): v for k, v in data.items()}
