"""What a medium's entries imply: its status, shelf location and seal number, replayed from
the register (issue 10, point 11). ``keeper audit verify`` compares the stored row with it,
so a status put back behind Keeper's back — even with the chain recomputed — is named.

The entries of each kind come in the order they were written (their ids); entries of
different kinds are merged by time. Entries made in the same second (one change writes the
handover and its seal; a quick retrieval and return) are taken in the order the picture of
a medium's life allows (:mod:`.lifecycle`): of the entries due at that time, the first that
is possible from the medium's state goes first. An entry that is possible in no order is
itself reported ("return #7 while the medium is in_custody").

Plain Python: the store reads the entries (``store/state.py``), this replays them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import RuleViolation
from .lifecycle import Action, finding_status, next_status
from .model import CopyRole, Inspection, MediumStatus


class StepKind(StrEnum):
    HANDOVER = "handover"
    RETRIEVAL = "retrieval"
    RETURN = "return"
    UNSEAL = "unseal"
    RESEAL = "reseal"
    COURT_TRANSFER = "court_transfer"
    ARCHIVE = "archive_handover"
    LOCATION = "location_change"
    #: schema 13 (Art. 18): a duplicate reproduced from the unsealed original enters custody
    #: on its shelf (as a handover does); the unusable duplicate it replaces is retired
    REPRODUCED = "reproduction"
    RETIRED = "retirement"
    FINDING = "finding"  # a failing read-back or a disc missing at an inventory (issue 14)


_ACTION = {
    StepKind.HANDOVER: Action.HANDOVER,
    StepKind.RETRIEVAL: Action.RETRIEVE,
    StepKind.RETURN: Action.RETURN,
    StepKind.UNSEAL: Action.UNSEAL,
    StepKind.RESEAL: Action.RESEAL,
    StepKind.COURT_TRANSFER: Action.COURT_TRANSFER,
    StepKind.ARCHIVE: Action.ARCHIVE_HANDOVER,
    StepKind.REPRODUCED: Action.HANDOVER,
    StepKind.RETIRED: Action.REPRODUCE_DUPLICATE,
}

#: where a medium may be moved on its shelf (services.custody.set_location)
_ON_SHELF = (MediumStatus.SEALED, MediumStatus.IN_CUSTODY, MediumStatus.UNSEALED)

#: which kind goes first when several are due at the same time and all are possible: a
#: move on the shelf first (it changes no status, and is possible only on the shelf), then
#: the picture's order
_RANK = {k: 0 if k == StepKind.LOCATION else i + 1 for i, k in enumerate(StepKind)}


@dataclass(frozen=True)
class Step:
    """One register entry of a medium. ``location``: the shelf it puts the medium on (a
    handover, a location change); ``seal_no``: the seal it puts on (a handover of the
    original, a reseal); ``inspection``: a return's inspection result."""

    kind: StepKind
    entry_id: int
    at: str
    location: str | None = None
    seal_no: str | None = None
    inspection: str | None = None
    finding: str | None = None

    @property
    def name(self) -> str:
        return f"{self.kind.value.replace('_', ' ')} #{self.entry_id}"


@dataclass
class Expected:
    """What the entries imply, and why (``because``: the entry that set the status)."""

    status: MediumStatus = MediumStatus.BURNED
    location: str = ""
    seal_no: str = ""
    because: str = "registered, not handed over"
    problems: list[str] = field(default_factory=list)


def _after(copy_role: CopyRole, status: MediumStatus, step: Step) -> MediumStatus:
    """The status after ``step``; RuleViolation when it is not possible from ``status``."""
    if step.kind == StepKind.LOCATION:
        if status not in _ON_SHELF:
            raise RuleViolation("wrong_state", "not on a shelf")
        return status
    if step.kind == StepKind.FINDING:
        return finding_status(copy_role, status, str(step.finding))
    inspection = None
    if step.kind == StepKind.RETURN:
        try:
            inspection = Inspection(step.inspection or "")
        except ValueError:
            raise RuleViolation("bad_inspection", str(step.inspection)) from None
    return next_status(copy_role, status, _ACTION[step.kind], inspection)


def _because(step: Step, status: MediumStatus) -> str:
    if step.kind == StepKind.RETRIEVAL and status == MediumStatus.OUT:
        return f"{step.name} not returned"
    if step.kind == StepKind.RETURN:
        return f"{step.name}: {step.inspection}"
    if step.kind == StepKind.FINDING:
        return f"{step.name}: {step.finding}"
    return step.name


def replay(copy_role: CopyRole, streams: Sequence[Sequence[Step]]) -> Expected:
    """Replay a medium's entries. ``streams``: its entries of each kind, each in the order
    written (by id); a medium starts as registered (burned), on no shelf, with no seal."""
    heads = [list(s) for s in streams if s]
    pos = [0] * len(heads)
    e = Expected()
    while True:
        due = [(heads[i][pos[i]], i) for i in range(len(heads)) if pos[i] < len(heads[i])]
        if not due:
            return e
        first_at = min(step.at for step, _ in due)
        now = sorted(((s, i) for s, i in due if s.at == first_at), key=lambda si: _RANK[si[0].kind])
        chosen = None
        for step, i in now:
            try:
                nxt = _after(copy_role, e.status, step)
            except RuleViolation:
                continue
            chosen = (step, i, nxt)
            break
        if chosen is None:  # possible in no order: say so, and take it as written
            step, i = now[0]
            e.problems.append(f"{step.name} while the medium is {e.status.value}")
            pos[i] += 1
            continue
        step, i, nxt = chosen
        pos[i] += 1
        if step.kind != StepKind.LOCATION and nxt != e.status:
            e.because = _because(step, nxt)
        elif step.kind == StepKind.HANDOVER:
            e.because = step.name
        e.status = nxt
        if step.location is not None:
            e.location = step.location
        if step.seal_no is not None:
            e.seal_no = step.seal_no


def differences(code: str, stored: tuple[str, str, str], expected: Expected) -> list[str]:
    """What differs between the stored (status, location, seal number) and the replay."""
    status, location, seal_no = stored
    out = []
    if status != expected.status.value:
        out.append(
            f"medium {code}: stored status '{status}' but its entries imply "
            f"'{expected.status.value}' ({expected.because})"
        )
    if location != expected.location:
        out.append(
            f"medium {code}: stored location '{location}' but its entries imply "
            f"'{expected.location}'"
        )
    if seal_no != expected.seal_no:
        out.append(
            f"medium {code}: stored seal '{seal_no}' but its entries imply '{expected.seal_no}'"
        )
    out += [f"medium {code}: {p}" for p in expected.problems]
    return out
