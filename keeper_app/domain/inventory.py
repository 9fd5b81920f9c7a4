"""Inventory sessions (issue 16, part 5): a keeper's stocktaking of the custody room as a
recorded session that ends in a signed record (Art. 20: loss recorded truthfully and
reported; Art. 261 of the supervision seed: periodic inspection by those responsible).

At the start the expected population is fixed: every medium the register puts in the chosen
location (a prefix such as "柜B", or the whole room) — sealed, in custody, unsealed — and
those out on a recorded retrieval or court transfer, so that they are accounted for. Each
expected medium then gets exactly one observation; a scanned medium that was not expected
(or one the register says is out, found on the shelf) is recorded as unexpected. Closing is
refused while an expected medium has no observation; at closing every discrepancy (not
located, unexpected, seal not intact) is reported to the head of the case's department, who
resolves it within :data:`RESOLVE_DAYS` days. Plain rules: no Qt, no SQL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import RuleViolation
from .model import MediumStatus, Person, Role
from .rules import check_second_signer

S = MediumStatus


class Observation(StrEnum):
    """What the keeper found of one medium."""

    SHELF = "shelf"  # on the shelf where expected, scanned
    SEALED = "sealed"  # a sealed original on the shelf, scanned, the keeper confirms its seal
    SEAL_BROKEN = "seal_broken"  # a sealed original found, but its seal is not intact
    OUT = "out"  # out on a recorded retrieval or court transfer (from the register, confirmed)
    MISSING = "missing"  # not located
    UNEXPECTED = "unexpected"  # scanned, but the register does not put it here


class Discrepancy(StrEnum):
    """What a closed session reports to the head of the case's department."""

    NOT_LOCATED = "not_located"
    UNEXPECTED = "unexpected"
    SEAL_BROKEN = "seal_broken"


#: the statuses a session expects: on the shelves, and out on a recorded act
ON_SHELF = frozenset({S.SEALED, S.IN_CUSTODY, S.UNSEALED})
OUT_ON_RECORD = frozenset({S.OUT, S.TRANSFERRED})
EXPECTED_STATUSES = ON_SHELF | OUT_ON_RECORD

#: Art. 20: a discrepancy found at an inventory is resolved by the head within 3 days
RESOLVE_DAYS = 3

#: which observation each recorded status allows (an unexpected one: a disc the register
#: says is out, found on the shelf)
_ALLOWED: dict[MediumStatus, frozenset[Observation]] = {
    S.SEALED: frozenset({Observation.SEALED, Observation.SEAL_BROKEN, Observation.MISSING}),
    S.IN_CUSTODY: frozenset({Observation.SHELF, Observation.MISSING}),
    S.UNSEALED: frozenset({Observation.SHELF, Observation.MISSING}),
    S.OUT: frozenset({Observation.OUT, Observation.UNEXPECTED}),
    S.TRANSFERRED: frozenset({Observation.OUT, Observation.UNEXPECTED}),
}

_DISCREPANCY: dict[Observation, Discrepancy] = {
    Observation.MISSING: Discrepancy.NOT_LOCATED,
    Observation.UNEXPECTED: Discrepancy.UNEXPECTED,
    Observation.SEAL_BROKEN: Discrepancy.SEAL_BROKEN,
}

LOCATION_MAX = 60


def parse_observation(value: object) -> Observation:
    try:
        return Observation(str(value).strip().lower())
    except ValueError:
        raise RuleViolation(
            "bad_observation",
            f"'{value}' is not an observation; one of: "
            + ", ".join(o.value for o in Observation if o != Observation.UNEXPECTED),
            "Art. 20",
        ) from None


def check_runner(person: Person) -> None:
    """Art. 16, Art. 261 (supervision): a session is run by a keeper, the person
    responsible for the custody room."""
    if not person.has(Role.KEEPER):
        raise RuleViolation(
            "not_keeper",
            f"{person.name} ({person.badge}) is not a keeper: an inventory session is run by a "
            "keeper",
            "Art. 16; Art. 261 (supervision)",
        )


def location_prefix(value: object) -> str:
    """The location a session covers: a prefix ("" = the whole room)."""
    text = str(value or "").strip()
    if len(text) > LOCATION_MAX or any(ord(ch) < 32 for ch in text):
        raise RuleViolation(
            "bad_location", f"a location prefix is at most {LOCATION_MAX} plain characters"
        )
    return text


def overlaps(a: str, b: str) -> bool:
    """Two location prefixes cover some of the same shelves ("" covers all)."""
    return a.startswith(b) or b.startswith(a)


def check_one_open(prefix: str, open_sessions: Iterable[tuple[int, str]]) -> None:
    """One open session per location: a new one may not cover a shelf an open session
    covers (two counts of one shelf would contradict each other)."""
    for sid, other in open_sessions:
        if overlaps(prefix, other):
            raise RuleViolation(
                "inventory_open",
                f"inventory session #{sid} ({other or 'the whole room'}) is still open and "
                f"covers {prefix or 'the whole room'}: close it first",
                "Art. 261 (supervision)",
            )


def check_open(session_id: int, closed: bool) -> None:
    if closed:
        raise RuleViolation(
            "inventory_closed",
            f"inventory session #{session_id} is closed: its record is signed and final",
        )


#: what a medium found on the shelf is recorded as when the register does not put it
#: there (not expected, or recorded out)
_FOUND = frozenset(
    {Observation.SHELF, Observation.SEALED, Observation.SEAL_BROKEN, Observation.UNEXPECTED}
)


def resolve_observation(
    code: str, status: MediumStatus | None, kind: Observation, observed: bool
) -> Observation:
    """The one observation a medium gets in a session. ``status``: its status when the
    session started, None when it is not in the expected population. A medium found on
    the shelf that the register does not put there (not expected; or recorded out on a
    retrieval or transfer) is recorded as unexpected; an expected one gets an observation
    its status allows."""
    if observed:
        raise RuleViolation(
            "already_observed",
            f"{code} already has its observation in this session (one per medium)",
        )
    if status is None or status in OUT_ON_RECORD:
        if kind in _FOUND:
            return Observation.UNEXPECTED
        if status is None:
            raise RuleViolation(
                "not_expected",
                f"{code} is not in this session's expected population: a disc not expected "
                f"is recorded only when it is found (as unexpected), not as '{kind.value}'",
            )
    if status is not None and kind not in _ALLOWED.get(status, frozenset()):
        allowed = ", ".join(sorted(o.value for o in _ALLOWED.get(status, frozenset())))
        raise RuleViolation(
            "wrong_observation",
            f"{code} was {status.value} when the session started: '{kind.value}' does not fit; "
            f"allowed: {allowed}",
        )
    return kind


def check_closable(session_id: int, unobserved: list[str]) -> None:
    """Closing is refused while an expected medium has no observation."""
    if unobserved:
        shown = ", ".join(unobserved[:5]) + (" …" if len(unobserved) > 5 else "")
        raise RuleViolation(
            "inventory_incomplete",
            f"inventory session #{session_id}: {len(unobserved)} expected media have no "
            f"observation yet ({shown}); record each one (not located, if it was not found)",
            "Art. 20",
        )


def check_witness(keeper: Person, witness: Person) -> None:
    """The record is signed by the keeper and a witness: a second person, staff of the
    organ (keeper, case handler, department head, reviewer; never an outside retriever),
    as for the opening and resealing of an original (Art. 129 supervision: two people)."""
    if keeper.id == witness.id:
        raise RuleViolation(
            "same_signer",
            f"the witness must be a second person, not the keeper {keeper.name}",
            "Art. 129 (supervision)",
        )
    check_second_signer(witness, "inventory record as witness")


def discrepancy_of(kind: Observation) -> Discrepancy | None:
    """The discrepancy an observation makes, or None when it agrees with the register."""
    return _DISCREPANCY.get(kind)


@dataclass(frozen=True)
class Due:
    due_at: datetime
    late: bool


def resolve_due(closed_at: datetime, now: datetime) -> Due:
    """Art. 20: a discrepancy reported at closing is due to be resolved by the head within
    :data:`RESOLVE_DAYS` days; late after that, until resolved."""
    due_at = closed_at + timedelta(days=RESOLVE_DAYS)
    return Due(due_at, now > due_at)
