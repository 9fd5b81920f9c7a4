"""The daily checkpoint (issue 10, 1e): the audit chain's head, signed on paper and with
personal keys, so that a chain cut back, rolled back to an older copy or rewritten no
longer holds the head that two people certified.

- a keeper takes it (the keeper on duty, signed in), a department head countersigns;
- they are two different people;
- what they certify is the head at the moment of signing: a head read before (shown on the
  screen, say) that is no longer the head is refused — they sign again on the new one.

The text printed as a QR code on the slip (and on every page, by the printing part of
issue 10) is ``KH1-<seq>-<hash, lower-case hex>``: :func:`head_text` and :func:`parse_head`.
"""

from __future__ import annotations

import re

from .errors import RuleViolation
from .model import Person, Role

ARTICLE = "issue 10 (witnessed heads)"

_HEAD = re.compile(r"^KH1-(\d{1,18})-([0-9a-f]{64})$")


def check_checkpoint(
    keeper: Person,
    head: Person,
    current: tuple[int, str],
    expected: tuple[int, str] | None = None,
) -> None:
    """Refuse a checkpoint the rule does not allow; ``current`` is the head (seq, hash) at
    the moment of signing, ``expected`` the head the signers were shown, if any."""
    if Role.KEEPER not in keeper.roles:
        raise RuleViolation(
            "checkpoint_not_keeper",
            f"{keeper.name} ({keeper.badge}) is not a keeper: the keeper on duty takes the "
            "daily checkpoint",
            ARTICLE,
        )
    if keeper.id == head.id:
        raise RuleViolation(
            "same_person",
            f"{keeper.name} cannot sign twice: the keeper and the department head who "
            "countersigns must be two different people",
            ARTICLE,
        )
    if Role.DEPT_HEAD not in head.roles:
        raise RuleViolation(
            "checkpoint_not_head",
            f"{head.name} ({head.badge}) is not a department head: a department head "
            "countersigns the daily checkpoint",
            ARTICLE,
        )
    if not head.active:
        raise RuleViolation("inactive", f"{head.name} ({head.badge}) is deactivated", ARTICLE)
    if expected is not None and tuple(expected) != tuple(current):
        raise RuleViolation(
            "checkpoint_head_moved",
            f"the register moved on while signing: the head is now event {current[0]}, not "
            f"event {expected[0]} as shown; nothing was recorded — sign the new head",
            ARTICLE,
        )


def head_text(seq: int, hash_hex: str) -> str:
    """The head as a QR code carries it: ``KH1-<seq>-<hash>``."""
    return f"KH1-{int(seq)}-{hash_hex.lower()}"


def parse_head(text: str) -> tuple[int, str]:
    """(seq, hash) of a ``KH1-`` text, or RuleViolation."""
    m = _HEAD.match((text or "").strip().lower().replace("kh1-", "KH1-", 1))
    if not m:
        raise RuleViolation(
            "bad_head_text",
            f"'{text}' is not a chain head: expected KH1-<sequence number>-<64 hex digits>",
        )
    return int(m.group(1)), m.group(2)


def grouped(hash_hex: str, size: int = 8) -> str:
    """A hash grouped for reading aloud and comparing by eye: 8 groups of 8."""
    h = hash_hex.lower()
    return " ".join(h[i : i + size] for i in range(0, len(h), size))
