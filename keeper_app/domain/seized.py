"""Seized storage media (issue 15): the supervision draft's rules for sealed and seized
tapes, storage media and extracted electronic data, as plain checks and deadlines.

- Art. 123, 128(4): the inventory of each item — cause of action, persons concerned, content,
  the record it belongs to, time, place, specification, type, length or capacity, file
  formats, number and length of copies; where the original medium could not be seized, the
  extracted data with the reason, the original's location and the data's source.
- Art. 126-129: two or more investigators seal on site and sign with the time; the possessor
  signs the inventory, or the refusal (or absence) is noted; unsealing and resealing are done
  by two or more investigators together.
- Art. 130: registered within 20 days, handed to safekeeping within 30 days of the measure.
- Art. 131: temporary transfers on approval, the inventory checked item by item both ways.
- Art. 133: a sealing period of at most one year for movable property, extended only by an
  approval given before it expires.
- Art. 124, 134: items found unrelated are released within three days of the finding.
- Art. 261: the heads inspect the register periodically.

"Now" is always passed in; deadlines are computed from the record, never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .errors import RuleViolation
from .model import Case, Due, Person, Role
from .rules import require_text

#: Art. 130 para 1: the inventory registered within 20 days of the measure
REGISTRATION_DAYS = 20
#: Art. 130 para 2: items handed to the safekeeping department within 30 days
SAFEKEEPING_DAYS = 30
#: Art. 133: the sealing period of movable property, at most one year
PERIOD_DAYS = 365
#: Art. 124, 134: released within three days of the finding that they are unrelated
RELEASE_DAYS = 3
#: Art. 126, 128, 129: not fewer than two investigators
MIN_INVESTIGATORS = 2
#: the due board warns this long before a sealing period ends (Art. 133: extend before)
PERIOD_WARN_BEFORE = timedelta(days=14)

#: Art. 128(4): the kinds of medium (the inventory's "type")
MEDIA_TYPES = (
    "audio_tape",
    "video_tape",
    "usb_stick",
    "hard_drive",
    "memory_card",
    "optical_disc",
    "phone",
    "computer",
    "other",
)

#: Art. 126-127: the possessor signed the inventory, refused to, or was not at the scene
POSSESSOR_SIGNATURES = ("signed", "refused", "absent")


class ItemStatus(StrEnum):
    SEIZED = "seized"  # entered from the record, not yet sealed and registered
    SEALED = "sealed"  # sealed and registered, still with the investigators
    IN_SAFEKEEPING = "in_safekeeping"  # received by the keeper (Art. 130)
    UNSEALED = "unsealed"  # opened under approval by two investigators (Art. 129)
    OUT = "out"  # temporarily transferred for the case's work (Art. 131)
    MISSING = "missing"  # not found when it came back from a transfer (reported)
    RELEASED = "released"  # returned to the possessor (Art. 124, 134)


class RequestKind(StrEnum):
    UNSEAL = "unseal"  # Art. 129
    TRANSFER = "transfer"  # Art. 131
    EXTENSION = "extension"  # Art. 133
    RELEASE = "release"  # Art. 124, 134 (the finding that items are unrelated)


class SeizedAct(StrEnum):
    SEAL = "seal"
    RECEIVE = "receive"
    UNSEAL = "unseal"
    RESEAL = "reseal"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    RELEASE = "release"


_S = ItemStatus
_NEXT: dict[tuple[ItemStatus, SeizedAct], ItemStatus] = {
    (_S.SEIZED, SeizedAct.SEAL): _S.SEALED,
    (_S.SEALED, SeizedAct.RECEIVE): _S.IN_SAFEKEEPING,
    (_S.IN_SAFEKEEPING, SeizedAct.UNSEAL): _S.UNSEALED,
    (_S.UNSEALED, SeizedAct.RESEAL): _S.IN_SAFEKEEPING,
    (_S.IN_SAFEKEEPING, SeizedAct.TRANSFER_OUT): _S.OUT,
    (_S.OUT, SeizedAct.TRANSFER_IN): _S.IN_SAFEKEEPING,
    (_S.IN_SAFEKEEPING, SeizedAct.RELEASE): _S.RELEASED,
    (_S.SEALED, SeizedAct.RELEASE): _S.RELEASED,
}

_ARTICLE = {
    SeizedAct.SEAL: "Art. 126, 128 (supervision)",
    SeizedAct.RECEIVE: "Art. 130 (supervision)",
    SeizedAct.UNSEAL: "Art. 129 (supervision)",
    SeizedAct.RESEAL: "Art. 129 (supervision)",
    SeizedAct.TRANSFER_OUT: "Art. 131 (supervision)",
    SeizedAct.TRANSFER_IN: "Art. 131 (supervision)",
    SeizedAct.RELEASE: "Art. 124, 134 (supervision)",
}


def next_item_status(status: str, act: SeizedAct, code: str = "") -> ItemStatus:
    """The seized item's status after ``act``, or a refusal saying what is allowed now."""
    try:
        st = ItemStatus(status)
    except ValueError:
        raise RuleViolation("wrong_state", f"unknown item status {status!r}") from None
    nxt = _NEXT.get((st, act))
    if nxt is None:
        now = ", ".join(a.value for (s, a) in _NEXT if s == st) or "nothing"
        raise RuleViolation(
            "wrong_state",
            f"{code or 'the item'} is {st.value}: cannot {act.value.replace('_', ' ')}; "
            f"allowed now: {now}",
            _ARTICLE[act],
        )
    return nxt


def _text(fields: Mapping[str, object], key: str, what: str, limit: int, article: str) -> str:
    return require_text(fields.get(key), what, article, limit)


def _opt(fields: Mapping[str, object], key: str, what: str, limit: int, article: str) -> str:
    v = fields.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        return ""
    return require_text(v, what, article, limit)


def check_seizure(fields: Mapping[str, object], now: datetime) -> dict[str, object]:
    """Art. 126, 128(4): the inventory's head — cause of action, persons concerned, the record
    it belongs to, the time and place of the measure (not in the future); the possessor,
    witnesses and the notice's number when known; the sealing period the decision set
    (``period_days``, Art. 133: at most one year, the default). Returns the cleaned fields."""
    a = "Art. 128(4) (supervision)"
    seized_at = fields.get("seized_at")
    if not isinstance(seized_at, datetime):
        raise RuleViolation(
            "missing_field", "the time of the seizure is required", a, field="time of seizure"
        )
    if seized_at > now:
        raise RuleViolation(
            "seized_in_future",
            "the time of the seizure is later than now: the measure has not happened yet",
            a,
            field="time of seizure",
        )
    return {
        "cause": _text(fields, "cause", "cause of action", 200, a),
        "persons": _text(fields, "persons", "persons concerned", 300, a),
        "record_ref": _text(fields, "record_ref", "record the seizure belongs to", 200, a),
        "seized_at": seized_at,
        "place": _text(fields, "place", "place of seizure", 200, a),
        "possessor": _opt(fields, "possessor", "person in possession", 200, a),
        "witnesses": _opt(fields, "witnesses", "authenticating witnesses", 300, a),
        "notice_no": _opt(fields, "notice_no", "notice number", 100, "Art. 126 (supervision)"),
        "note": _opt(fields, "note", "note", 500, a),
        "period_days": check_period_days(
            PERIOD_DAYS if fields.get("period_days") in (None, "") else fields["period_days"]
        ),
    }


def check_item(fields: Mapping[str, object]) -> dict[str, object]:
    """Art. 123, 128(4): one item of the inventory. An original medium (``kind`` 'original')
    has its type, content, specification, capacity or length, file formats, number and
    length of copies; extracted data (``kind`` 'extracted') also says why the original could
    not be seized, where it is and where the data came from (Art. 123)."""
    a = "Art. 128(4) (supervision)"
    kind = str(fields.get("kind") or "original")
    if kind not in ("original", "extracted"):
        raise RuleViolation(
            "bad_item_kind",
            f"{kind!r} is not an item kind: 'original' (the medium seized) or 'extracted' "
            "(the data extracted where the original could not be seized)",
            "Art. 123 (supervision)",
            field="kind",
        )
    media_type = str(fields.get("media_type") or "").strip()
    if media_type not in MEDIA_TYPES:
        raise RuleViolation(
            "bad_media_type",
            f"{media_type or 'nothing'!r} is not a type of medium: one of "
            + ", ".join(MEDIA_TYPES),
            a,
            field="type",
        )
    copies = fields.get("copies", 1)
    if isinstance(copies, bool) or not isinstance(copies, int) or not 0 <= copies <= 999:
        raise RuleViolation(
            "bad_copies", f"number of copies must be 0 to 999, not {copies!r}", a, "copies"
        )
    out: dict[str, object] = {
        "kind": kind,
        "media_type": media_type,
        "content": _text(fields, "content", "content", 500, a),
        "specification": _opt(fields, "specification", "specification", 200, a),
        "capacity": _opt(fields, "capacity", "length or capacity", 100, a),
        "file_formats": _opt(fields, "file_formats", "file formats", 200, a),
        "copies": copies,
        "copy_length": _opt(fields, "copy_length", "length of the copies", 100, a),
        "not_seized_reason": "",
        "original_location": "",
        "data_source": "",
    }
    if kind == "extracted":
        b = "Art. 123 (supervision)"
        out["not_seized_reason"] = _text(
            fields, "not_seized_reason", "reason the original medium could not be seized", 500, b
        )
        out["original_location"] = _opt(
            fields, "original_location", "location of the original medium", 300, b
        )
        out["data_source"] = _opt(fields, "data_source", "source of the data", 300, b)
        if not out["original_location"] and not out["data_source"]:
            raise RuleViolation(
                "missing_field",
                "extracted data needs the original medium's location or the data's source",
                b,
                field="location of the original medium",
            )
    elif any(fields.get(k) for k in ("not_seized_reason", "original_location", "data_source")):
        raise RuleViolation(
            "not_extracted",
            "an original medium that was seized has no reason for not being seized: give "
            "kind 'extracted' for data extracted without the original",
            "Art. 123 (supervision)",
            field="kind",
        )
    return out


def check_items(items: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """The inventory's items: at least one, each checked (the refusal names which)."""
    if not items:
        raise RuleViolation(
            "no_items", "the inventory lists no item", "Art. 128(4) (supervision)", "items"
        )
    if len(items) > 200:
        raise RuleViolation(
            "too_many_items", f"{len(items)} items: at most 200 on one inventory", "", "items"
        )
    out = []
    for n, it in enumerate(items, 1):
        try:
            out.append(check_item(it))
        except RuleViolation as e:
            raise RuleViolation(e.code, f"item {n}: {e.message}", e.article, e.field) from None
    return out


#: Art. 56, 131, 138: the recording kinds that film a sealing or a handover of seized property
RECORDING_KINDS = ("sealing", "search")


def check_recording_kind(kind: str, what: str) -> None:
    """Art. 56, 138: the sealing (and a transfer's handover) is filmed: the recording linked
    is one of a sealing or search, never an interrogation's or questioning's."""
    if kind not in RECORDING_KINDS:
        raise RuleViolation(
            "wrong_recording_kind",
            f"the recording linked to the {what} is of an {kind}: link the recording of the "
            f"{what} itself (a sealing or search recording)",
            "Art. 56, 131 (supervision)",
            field="recording",
        )


def check_investigators(signers: Sequence[Person], case: Case, what: str) -> None:
    """Art. 126, 128, 129: two or more investigators, each a different person, an active case
    handler of the department handling the case — not a keeper, not outside staff."""
    a = "Art. 126, 129 (supervision)"
    if len({p.id for p in signers}) != len(signers):
        raise RuleViolation(
            "same_person",
            f"the {what} is signed by different investigators; one signed twice",
            a,
        )
    if len(signers) < MIN_INVESTIGATORS:
        raise RuleViolation(
            "two_investigators",
            f"the {what} needs at least {MIN_INVESTIGATORS} investigators; {len(signers)} signed",
            a,
        )
    for p in signers:
        check_investigator(p, case, what)


def check_investigator(p: Person, case: Case, what: str) -> None:
    """Art. 126, 129-131: an investigator who signs for seized media is an active case
    handler of the department handling the case — not a keeper (the keeper receives and
    keeps), not outside staff."""
    a = "Art. 126, 129-131 (supervision)"
    who = f"{p.name} ({p.badge})"
    if not p.active:
        raise RuleViolation("inactive", f"{who} is deactivated and cannot sign the {what}", a)
    if p.has(Role.OUTSIDE_RETRIEVER) or not p.has(Role.CASE_HANDLER):
        raise RuleViolation(
            "not_investigator",
            f"{who} is not an investigator (a case handler) and cannot sign the {what}",
            a,
        )
    if p.has(Role.KEEPER):
        raise RuleViolation(
            "keeper_not_investigator",
            f"{who} is a keeper: the {what} is signed by investigators, the keeper receives "
            "and keeps",
            a,
        )
    if p.department_id != case.department_id:
        raise RuleViolation(
            "not_case_department",
            f"{who} is not of the department handling case {case.case_no} and cannot sign "
            f"the {what}",
            a,
        )


def check_possessor(signature: str, note: str) -> tuple[str, str]:
    """Art. 126-127: the possessor signed the inventory, or the refusal or absence is noted
    (``note`` then says what happened). Returns (signature, note)."""
    if signature not in POSSESSOR_SIGNATURES:
        raise RuleViolation(
            "bad_possessor_signature",
            f"{signature!r}: the possessor 'signed', 'refused' or was 'absent'",
            "Art. 126 (supervision)",
            field="possessor",
        )
    text = (note or "").strip()
    if signature != "signed":
        text = require_text(
            note,
            "what happened when the possessor did not sign",
            "Art. 126-127 (supervision)",
            300,
        )
    return signature, text[:300]


def registration_deadline(seized_at: datetime) -> datetime:
    """Art. 130 para 1: the inventory registered within 20 days of the measure."""
    return seized_at + timedelta(days=REGISTRATION_DAYS)


def safekeeping_deadline(seized_at: datetime) -> datetime:
    """Art. 130 para 2: handed to the safekeeping department within 30 days."""
    return seized_at + timedelta(days=SAFEKEEPING_DAYS)


def release_deadline(found_at: datetime) -> datetime:
    """Art. 124, 134: released within three days of the finding that it is unrelated."""
    return found_at + timedelta(days=RELEASE_DAYS)


def period_end(
    seized_at: datetime, period_days: int, extensions: Iterable[datetime] = ()
) -> datetime:
    """Art. 133: the end of the sealing period — the latest approved extension's new end, else
    the measure's time plus the period (at most one year)."""
    ends = list(extensions)
    return max(ends) if ends else seized_at + timedelta(days=period_days)


def check_period_days(days: object) -> int:
    """Art. 133: a sealing period (or an extension) of 1 to 365 days."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= PERIOD_DAYS:
        raise RuleViolation(
            "bad_period",
            f"a sealing period of movable property is 1 to {PERIOD_DAYS} days, not {days!r}",
            "Art. 133 (supervision)",
            field="days",
        )
    return days


def check_late(
    what: str, deadline: datetime, now: datetime, reason: str | None, article: str
) -> str:
    """Past ``deadline`` the act is still recorded, with the reason it is late (Art. 130
    para 2: reported, the situation recorded); returns the reason ('' when on time)."""
    if now <= deadline:
        return ""
    return require_text(reason, f"reason the {what} is late", article, 300)


def check_extension(now: datetime, current_end: datetime, days: int) -> datetime:
    """Art. 133: an extension is approved before the period expires; the new end."""
    check_period_days(days)
    if now >= current_end:
        raise RuleViolation(
            "period_expired",
            "the sealing period ended at "
            f"{current_end:%Y-%m-%d %H:%M:%S}: an extension is approved only before it "
            "expires",
            "Art. 133 (supervision)",
        )
    return current_end + timedelta(days=days)


@dataclass(frozen=True)
class ScanCheck:
    """The inventory checked item by item: what was expected and not scanned, what was
    scanned and not expected, what was scanned twice."""

    missing: tuple[str, ...]
    unexpected: tuple[str, ...]
    repeated: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unexpected or self.repeated)

    def text(self) -> str:
        parts = []
        if self.missing:
            parts.append("not scanned: " + ", ".join(self.missing))
        if self.unexpected:
            parts.append("not on the list: " + ", ".join(self.unexpected))
        if self.repeated:
            parts.append("scanned twice: " + ", ".join(self.repeated))
        return "; ".join(parts)


def compare_scans(expected: Iterable[str], scanned: Sequence[str]) -> ScanCheck:
    """Art. 131: the codes scanned against the list expected (both canonical codes)."""
    want = list(dict.fromkeys(expected))
    seen: list[str] = []
    rep: list[str] = []
    for c in scanned:
        (rep if c in seen else seen).append(c)
    return ScanCheck(
        tuple(c for c in want if c not in seen),
        tuple(c for c in seen if c not in want),
        tuple(dict.fromkeys(rep)),
    )


def check_scans_exact(expected: Iterable[str], scanned: Sequence[str], what: str) -> None:
    """Art. 131 (and Art. 130 at receipt): every item on the list scanned once, nothing else."""
    chk = compare_scans(expected, scanned)
    if not chk.ok:
        raise RuleViolation(
            "inventory_mismatch",
            f"the {what} does not match the inventory: {chk.text()}",
            "Art. 131 (supervision)",
            field="scanned codes",
        )


def check_inspection(findings: str, items_checked: int) -> str:
    """Art. 261: a head's periodic inspection records what was inspected and found."""
    if isinstance(items_checked, bool) or not isinstance(items_checked, int) or items_checked < 0:
        raise RuleViolation(
            "bad_count", f"items checked must be a count, not {items_checked!r}", "Art. 261"
        )
    return require_text(findings, "findings of the inspection", "Art. 261 (supervision)", 1000)


@dataclass(frozen=True)
class SeizureClock:
    """What the deadlines of one seizure are computed from (one row of the register)."""

    seizure_id: int
    case_no: str
    seized_at: datetime
    period_days: int
    registered: bool  # sealed and registered (the sealing entry)
    received: bool  # handed to safekeeping
    held: bool  # some item still seized, sealed, kept, unsealed or out (not released)
    extensions: tuple[tuple[int, datetime], ...] = ()  # (decision id, new end)
    releases: tuple[tuple[int, datetime], ...] = ()  # open release requests (id, found at)

    def end(self) -> tuple[int, datetime]:
        """The period's end and the decision that set it (0: the original period)."""
        if self.extensions:
            ref, end = max(self.extensions, key=lambda x: x[1])
            return ref, end
        return 0, self.seized_at + timedelta(days=self.period_days)


def due_items(now: datetime, clocks: Iterable[SeizureClock]) -> list[Due]:
    """The due board's items of seized media: registration (20 days), safekeeping (30 days),
    the sealing period's end (flagged two weeks before, Art. 133), releases (3 days)."""
    out: list[Due] = []
    for c in clocks:
        label = f"seizure #{c.seizure_id}"
        if not c.registered:
            d = registration_deadline(c.seized_at)
            out.append(
                Due(
                    "seized_registration",
                    d,
                    None,
                    c.case_no,
                    f"seal and register the inventory of {label}",
                    c.seizure_id,
                    now > d,
                )
            )
        if not c.received and c.held:
            d = safekeeping_deadline(c.seized_at)
            out.append(
                Due(
                    "seized_safekeeping",
                    d,
                    None,
                    c.case_no,
                    f"hand {label} to safekeeping",
                    c.seizure_id,
                    now > d,
                )
            )
        if c.held:
            _, end = c.end()
            if now > end or end - now <= PERIOD_WARN_BEFORE:
                out.append(
                    Due(
                        "seized_period",
                        end,
                        None,
                        c.case_no,
                        f"the sealing period of {label} ends: extend it or release",
                        c.seizure_id,
                        now > end,
                        {"soon": "1"} if now <= end else {},
                    )
                )
        for rid, found in c.releases:
            d = release_deadline(found)
            out.append(
                Due(
                    "seized_release",
                    d,
                    None,
                    c.case_no,
                    f"release the unrelated items of {label} (request #{rid})",
                    rid,
                    now > d,
                )
            )
    out.sort(key=lambda x: (not x.late, x.due_at))
    return out


class SeizedLateKind(StrEnum):
    REGISTRATION = "registration"
    SAFEKEEPING = "safekeeping"
    PERIOD = "period"
    RELEASE = "release"


#: the incident each lateness raises to the head
LATE_INCIDENT = {
    SeizedLateKind.REGISTRATION: "late_registration",
    SeizedLateKind.SAFEKEEPING: "late_safekeeping",
    SeizedLateKind.PERIOD: "period_expired",
    SeizedLateKind.RELEASE: "late_release",
}


@dataclass(frozen=True)
class SeizedLate:
    kind: SeizedLateKind
    seizure_id: int
    ref: int
    due_at: datetime

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.kind.value, self.seizure_id, self.ref)

    def description(self) -> str:
        what = {
            SeizedLateKind.REGISTRATION: "inventory not sealed and registered within 20 days",
            SeizedLateKind.SAFEKEEPING: "not handed to safekeeping within 30 days",
            SeizedLateKind.PERIOD: "sealing period expired without an approved extension",
            SeizedLateKind.RELEASE: "unrelated items not released within 3 days of the finding",
        }[self.kind]
        return f"seizure #{self.seizure_id}: {what} (due {self.due_at:%Y-%m-%d %H:%M:%S})"


def new_lateness(
    now: datetime, clocks: Iterable[SeizureClock], marked: Iterable[tuple[str, int, int]]
) -> list[SeizedLate]:
    """Each lateness of seized media found at ``now`` and not marked yet (Art. 130, 133, 134):
    the sweep marks each once and reports it to the head."""
    done = set(marked)
    out = []
    for c in clocks:
        found: list[SeizedLate] = []
        if not c.registered and now > registration_deadline(c.seized_at):
            found.append(
                SeizedLate(
                    SeizedLateKind.REGISTRATION, c.seizure_id, 0, registration_deadline(c.seized_at)
                )
            )
        if not c.received and c.held and now > safekeeping_deadline(c.seized_at):
            found.append(
                SeizedLate(
                    SeizedLateKind.SAFEKEEPING, c.seizure_id, 0, safekeeping_deadline(c.seized_at)
                )
            )
        ref, end = c.end()
        if c.held and now > end:
            found.append(SeizedLate(SeizedLateKind.PERIOD, c.seizure_id, ref, end))
        for rid, at in c.releases:
            if now > release_deadline(at):
                found.append(
                    SeizedLate(SeizedLateKind.RELEASE, c.seizure_id, rid, release_deadline(at))
                )
        out += [x for x in found if x.key not in done]
    return out
