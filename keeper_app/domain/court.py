"""Court and procuratorate requests item by item (issue 14, point 3), and the conclusion of a
case with nothing left half-way (point 4), as plain rules.

A request names what it asks for: recordings or discs of the case, or all the case's
interrogation recordings (expanded to the list when it is registered). It stays open until
each item is transferred (a duplicate carrying it is handed over) or a reason is recorded for
it. Past the three days of Art. 19-20 it is late for good.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .errors import RuleViolation
from .model import Case, CaseStatus, CopyRole
from .rules import court_deadline, require_text

REASON_MAX = 500


@dataclass(frozen=True)
class Item:
    """One thing a request asks for: a recording (``recording_id``) or a disc (``medium_id``)."""

    id: int
    recording_id: int | None = None
    medium_id: int | None = None
    closed: bool = False


def expand_request(
    recordings: Iterable[int],
    discs: Iterable[int],
    whole_case: bool,
    case_recordings: Sequence[int],
    case_media: Iterable[int],
    interrogations: Sequence[int] | None = None,
) -> tuple[list[int], list[int]]:
    """Art. 19 para 2: a court or procuratorate asks for specific recordings and/or discs of
    the case, or for all the case's interrogation recordings — expanded here to the list of
    case's interrogation recordings (``interrogations``; all ``case_recordings`` when not
    given) at registration. Returns (recording ids, medium ids), deduplicated
    and sorted. Refuses an empty request and anything not of the case."""
    recs = set(int(r) for r in recordings)
    media = set(int(m) for m in discs)
    known_recs, known_media = set(case_recordings), set(case_media)
    if whole_case:
        whole = set(case_recordings if interrogations is None else interrogations)
        if not whole and not recs and not media:
            raise RuleViolation(
                "no_court_items",
                "the case has no registered interrogation recordings to list for the request",
                "Art. 19",
            )
        recs |= whole
    if not recs and not media:
        raise RuleViolation(
            "no_court_items",
            "name what the court or procuratorate asks for: recordings or discs of the case, "
            "or all the case's recordings",
            "Art. 19",
        )
    stray_recs = sorted(recs - known_recs)
    stray_media = sorted(media - known_media)
    if stray_recs or stray_media:
        what = [f"recording #{r}" for r in stray_recs] + [f"medium #{m}" for m in stray_media]
        raise RuleViolation(
            "item_not_of_case", "not of the requested case: " + ", ".join(what), "Art. 19"
        )
    return sorted(recs), sorted(media)


def items_closed_by(
    items: Iterable[Item], medium_ids: Iterable[int], recording_ids: Iterable[int], code: str
) -> list[int]:
    """Art. 19 para 2: which open items a transferred duplicate serves — an item naming this
    disc or its pair's original (``medium_ids``), or a recording the disc carries. A disc
    that serves no open item is refused: the request did not ask for it (or it was served)."""
    mids, rids = set(medium_ids), set(recording_ids)
    out = [
        i.id
        for i in items
        if not i.closed
        and (
            (i.medium_id is not None and i.medium_id in mids)
            or (i.recording_id is not None and i.recording_id in rids)
        )
    ]
    if not out:
        raise RuleViolation(
            "not_requested",
            f"{code} carries nothing this request still asks for",
            "Art. 19",
        )
    return sorted(out)


def check_item_reason(item: Item | None, item_id: int, reason: str) -> str:
    """Art. 19-20: an item the keepers cannot transfer ends only with a recorded reason (the
    recording was never burned, the court withdrew it...); once."""
    if item is None:
        raise RuleViolation("unknown_item", f"no item #{item_id} of a court request", "Art. 19")
    if item.closed:
        raise RuleViolation(
            "item_closed", f"item #{item_id} was already transferred or closed", "Art. 19"
        )
    return require_text(reason, "reason the item is not transferred", "Art. 19", REASON_MAX)


def is_open(items: Sequence[Item], transfers: int) -> bool:
    """A request stays open while one of its items is open. A request registered before
    requests listed items (no items) is served by its first transfer, as it was then."""
    if not items:
        return transfers == 0
    return any(not i.closed for i in items)


def is_late(requested_at: datetime, at: datetime) -> bool:
    """Art. 19-20: the duplicate is due within three days of the request; at or after ``at``
    past that the request is late."""
    return at > court_deadline(requested_at)


def needs_late_mark(requested_at: datetime, now: datetime, open_: bool, marked: bool) -> bool:
    """Art. 20 and issue 14: a request still open past its three days is marked late once,
    at the moment Keeper first finds it late (and the head is told); the mark stays."""
    return open_ and not marked and is_late(requested_at, now)


def check_conclusion(case_no: str, awaiting_handover: Iterable[str]) -> None:
    """Art. 16-17: a pair burned for a case goes into custody before the case is concluded;
    concluding with a pair still awaiting handover would leave it where it could never be
    handed over nor archived. Refused, naming the discs."""
    waiting = sorted(set(awaiting_handover))
    if waiting:
        raise RuleViolation(
            "pairs_await_handover",
            f"case {case_no} cannot be concluded: these discs await their handover to the "
            "keeper: " + ", ".join(waiting),
            "Art. 16-17",
        )


def check_burn_for_case(
    case_no: str, status: str, recording_ids: Iterable[int], asked_open: Iterable[int]
) -> bool:
    """Art. 16, 19 (issue 14, point 4): a pair is burned while its case is open. Once the
    case is concluded, recordings kept only on the storage device are still transcribed to
    disc for a court or procuratorate — those an open request still asks for, and only
    those. Returns True for such a transcription after conclusion."""
    if status == "open":
        return False
    if status == "concluded":
        missing = sorted(set(recording_ids) - set(asked_open))
        if not missing:
            return True
        raise RuleViolation(
            "case_not_open",
            f"case {case_no} is concluded: a pair is burned now only to transcribe recordings "
            "an open court or procuratorate request asks for; not asked: "
            + ", ".join(f"recording #{r}" for r in missing),
            "Art. 16, 19",
        )
    raise RuleViolation("case_not_open", f"case {case_no} is {status}", "Art. 16")


def item_rows(rows: Iterable[Mapping[str, object]]) -> list[Item]:
    """Items from plain mappings (id, recording_id, medium_id, closed)."""
    return [
        Item(
            int(str(r["id"])),
            None if r.get("recording_id") is None else int(str(r["recording_id"])),
            None if r.get("medium_id") is None else int(str(r["medium_id"])),
            bool(r.get("closed")),
        )
        for r in rows
    ]


def burned_after_conclusion(case: Case, burned_at: datetime) -> bool:
    """Art. 16, 19: a pair burned after its case was concluded (only a transcription for a
    court or procuratorate is, :func:`check_burn_for_case`) is still handed to the keeper."""
    return (
        case.status == CaseStatus.CONCLUDED
        and case.concluded_at is not None
        and burned_at >= case.concluded_at
    )


def check_transfer_package(code: str, copy_role: CopyRole, transfers: int) -> None:
    """Art. 19, 21: a transfer package is written for a duplicate that went to a court or
    procuratorate (``transfers``: its court transfers), and for nothing else: what it shows
    of the register is that disc's history, for the court that received it."""
    if copy_role != CopyRole.DUPLICATE:
        raise RuleViolation(
            "package_not_duplicate",
            f"{code} is an original: only the duplicate goes to a court or procuratorate, "
            "and the transfer package goes with it",
            "Art. 19",
        )
    if transfers < 1:
        raise RuleViolation(
            "package_not_transferred",
            f"{code} has not been transferred to a court or procuratorate: record the court "
            "transfer first, then write its package",
            "Art. 19",
        )
