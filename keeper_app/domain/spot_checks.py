"""Spot checks (issue 16, part 4), as procuratorates practise them: someone other than the
keeper reads back a random sample of the shelf (supervision Art. 261: those responsible
"periodically inspect the recordings ... and promptly correct and report any issues").

- The population is the shelf whose discs can be read back: the duplicates in custody
  (:func:`in_population`). A sealed original is not in it: Art. 18 forbids opening it but to
  reproduce the duplicate or check its authenticity, which a random draw is not (the fixity
  check leaves it sealed too). Discs out, damaged, transferred or archived are not on the
  shelf.
- Nobody picks the sample: it is drawn from the audit chain's head at the moment of the draw
  (:func:`draw`): the ``k``-th pick is ``sha256(head || k)`` modulo the discs left, over the
  population sorted by code. Anyone holding the head and the population redoes it; the
  population's size and digest (:func:`population_digest`) are kept with it.
- Its size: :func:`sample_size` (by default ``max(3, ceil(sqrt(n)))``, at most
  :data:`MAX_DEFAULT`, never more than the shelf).
- The checker is a reviewer or a department head, never a keeper nor the keeper who drew the
  sample (:func:`check_checker`); each drawn disc is read back once (:func:`check_item`);
  the spot check is closed once, with every disc checked or the reason why not
  (:func:`closing_outcome`).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence

from .errors import RuleViolation
from .model import CopyRole, MediumStatus, Person, Role

ARTICLE = "supervision Art. 261 (periodic inspection)"

#: the default sample is never larger than this (a chosen size may be)
MAX_DEFAULT = 20
#: the least a default sample holds (all of a smaller shelf)
MIN_DEFAULT = 3
#: who may check (Art. 261: those responsible for oversight, not the custodian)
CHECKER_ROLES = frozenset({Role.REVIEWER, Role.DEPT_HEAD})
OUTCOMES = ("match", "mismatch", "unreadable")


def in_population(copy_role: str, status: str) -> bool:
    """A disc on the shelf that may be read back: a duplicate in custody."""
    return copy_role == CopyRole.DUPLICATE.value and status == MediumStatus.IN_CUSTODY.value


def population_digest(codes: Iterable[str]) -> str:
    """sha256 (hex) of the population's codes, sorted, one per line."""
    return hashlib.sha256("\n".join(sorted(set(codes))).encode("utf-8")).hexdigest()


def sample_size(n: int, chosen: int | None = None) -> int:
    """How many discs to draw from a shelf of ``n``: ``chosen`` (1..n), or by default
    ``max(3, ceil(sqrt(n)))`` capped at :data:`MAX_DEFAULT` and at ``n``."""
    if n <= 0:
        raise RuleViolation(
            "empty_shelf",
            "no duplicate is in custody on the shelf: there is nothing to draw",
            ARTICLE,
        )
    if chosen is None:
        return min(n, MAX_DEFAULT, max(MIN_DEFAULT, math.ceil(math.sqrt(n))))
    if not 1 <= int(chosen) <= n:
        raise RuleViolation(
            "bad_sample_size",
            f"a sample of {chosen} discs cannot be drawn from a shelf of {n}: give 1 to {n}",
            ARTICLE,
        )
    return int(chosen)


def draw(head_hash: str, population: Sequence[str], size: int) -> list[str]:
    """``size`` codes drawn without replacement from ``population`` (sorted first), seeded
    by the chain head ``head_hash`` (64 hex digits): pick ``k`` (k = 0, 1, ...) takes the
    disc at ``int(sha256(head || k as 8 bytes, big-endian)) mod (discs left)``."""
    try:
        seed = bytes.fromhex(head_hash)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise RuleViolation("bad_head", f"'{head_hash}' is not a chain head (64 hex digits)")
    pool = sorted(set(population))
    n = sample_size(len(pool), size)
    chosen = []
    for k in range(n):
        h = hashlib.sha256(seed + k.to_bytes(8, "big")).digest()
        chosen.append(pool.pop(int.from_bytes(h, "big") % len(pool)))
    return chosen


def check_checker(checker: Person, drawn_by_id: int) -> None:
    """The checker is a reviewer or a department head, not a keeper and not the keeper who
    drew the sample: the custodian does not check their own shelf."""
    who = f"{checker.name} ({checker.badge})"
    if Role.KEEPER in checker.roles or checker.id == drawn_by_id:
        raise RuleViolation(
            "checker_is_keeper",
            f"{who} is a keeper: a spot check is made by someone other than the keeper — a "
            "reviewer or a department head",
            ARTICLE,
        )
    if not checker.roles & CHECKER_ROLES:
        raise RuleViolation(
            "not_a_checker",
            f"{who} is neither a reviewer nor a department head and may not make a spot check",
            ARTICLE,
        )


def check_item(
    spot_check_id: int, code: str, sample: Sequence[str], checked: Iterable[str], closed: bool
) -> None:
    """A disc may be checked once, while the spot check is open, and only if it was drawn."""
    if closed:
        raise RuleViolation(
            "spot_check_closed", f"spot check #{spot_check_id} is closed: nothing more is checked"
        )
    if code not in sample:
        raise RuleViolation(
            "not_in_sample",
            f"{code} was not drawn in spot check #{spot_check_id} (drawn: {', '.join(sample)}): "
            "only the drawn discs are checked, so that nobody picks them",
            ARTICLE,
        )
    if code in set(checked):
        raise RuleViolation(
            "already_checked",
            f"{code} was already checked in spot check #{spot_check_id}; its outcome stands",
        )


def closing_outcome(
    spot_check_id: int, outcomes: Mapping[str, str | None], reason: str = ""
) -> str:
    """The outcome a spot check is closed with: ``findings`` when a disc failed,
    ``incomplete`` when a disc was left unchecked (only with a ``reason``), else
    ``all_match``. ``outcomes``: code -> outcome, None when unchecked."""
    unchecked = sorted(c for c, o in outcomes.items() if o is None)
    if unchecked and not reason.strip():
        raise RuleViolation(
            "unchecked_items",
            f"spot check #{spot_check_id} has {len(unchecked)} disc(s) not checked yet "
            f"({', '.join(unchecked)}): check them, or close with the reason why not",
            ARTICLE,
        )
    if any(o not in (None, "match") for o in outcomes.values()):
        return "findings"
    return "incomplete" if unchecked else "all_match"
