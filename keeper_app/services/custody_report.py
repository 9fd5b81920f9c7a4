"""The chain-of-custody report (issue 16): every event of a disc's life — its burning and
read-backs, the handover, seals and unseals with their inspections, retrievals and returns,
court transfers, corrections and supplements, findings, reproduction, the archive handover,
late marks — each with the audit event that recorded it (its number and hash), the register
entries it wrote with their content hashes, and who signed them in which capacity and when;
for one disc, its pair, or every disc of a case. The witnessed head of the chain at the time
of the report goes with it (printed as text and QR code on every page), so that a court can
hold the paper against the chain, and each hash against the entries, without Keeper.

A read of case data: scoped by Art. 21 (``visibility``) and logged (``reads``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import canonical
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..store import cases as cases_repo
from ..store import custody_history as history
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import show
from . import reads, visibility
from .documents import audit_head
from .session import Session, parse_code


@dataclass(frozen=True)
class Signature:
    """One signature on an entry: who, in what capacity, when, over which content."""

    name: str
    badge: str
    capacity: str
    signed_at: str
    content_sha256: str
    drawn: bool = False


@dataclass(frozen=True)
class Fact:
    """One thing an entry says: a label (a printing key), the value; ``enum``: the value is
    a word to translate (a reason, an inspection result), not free text."""

    label: str
    value: str
    enum: bool = False


@dataclass(frozen=True)
class Entry:
    """One register row written by an event: its table and number, the discs it is of, what
    it says, the SHA-256 of its canonical content (what its signatures cover; empty for the
    disc's own row, whose status and shelf change) and its signatures."""

    table: str
    id: int
    codes: tuple[str, ...]
    facts: tuple[Fact, ...]
    content_sha256: str
    signatures: tuple[Signature, ...] = ()


@dataclass(frozen=True)
class Event:
    """One audit event of the disc's life: its number and hash on the chain, its action,
    when (24-hour local time) and who made it, the discs concerned, its entries."""

    seq: int
    hash: str
    action: str
    at: str
    actor_name: str
    actor_badge: str
    codes: tuple[str, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Disc:
    code: str
    pretty: str
    copy_role: str
    status: str
    disc_type: str
    seal_no: str
    location: str
    burned_at: str


@dataclass(frozen=True)
class CustodyReport:
    """The report: what it covers (``scope`` disc, pair or case; ``ref`` as asked), the
    case, the discs, the events oldest first, the chain's head when it was made
    (``head``: seq, hash, qr — as every printed page carries it), who made it and when."""

    scope: str
    ref: str
    case_no: str
    case_name: str
    department: str
    discs: tuple[Disc, ...]
    events: tuple[Event, ...]
    head: dict[str, Any] = field(default_factory=dict)
    unit: str = ""
    printed_by: str = ""
    printed_at: str = ""


# ------------------------------------------------------------------ what each entry says
#: per table: (label, column, kind) — kind: text, enum, person, time, code
_SPEC: dict[str, tuple[tuple[str, str, str], ...]] = {
    "media": (
        ("copy_role", "copy_role", "enum"),
        ("disc_type", "disc_type", "text"),
        ("volume_id", "volume_id", "text"),
        ("burned_at", "burned_at", "time"),
        ("producer", "producer_id", "person"),
    ),
    "verifications": (
        ("purpose", "purpose", "enum"),
        ("result", "result", "enum"),
        ("files_checked", "files_checked", "text"),
        ("read_errors", "read_errors", "text"),
        ("drive", "drive", "text"),
    ),
    "handovers": (
        ("case_handler", "handler_id", "person"),
        ("keeper", "keeper_id", "person"),
        ("seal_no", "seal_no", "text"),
        ("original_location", "original_location", "text"),
        ("duplicate_location", "duplicate_location", "text"),
        ("late_reason", "late_reason", "text"),
        ("note", "note", "text"),
    ),
    "seal_events": (
        ("seal_kind", "kind", "enum"),
        ("seal_no", "seal_no", "text"),
        ("keeper", "keeper_id", "person"),
        ("note", "note", "text"),
    ),
    "approvals": (
        ("reason", "reason", "enum"),
        ("requested_by", "requested_by", "person"),
        ("approver", "approver_id", "person"),
        ("note", "note", "text"),
    ),
    "approval_decisions": (
        ("decision", "decision", "enum"),
        ("approver", "decided_by", "person"),
        ("note", "note", "text"),
    ),
    "unseal_grounds": (
        ("duplicate", "duplicate_id", "code"),
        ("status", "duplicate_status", "enum"),
        ("doubted_by", "doubted_by", "text"),
        ("doubt", "doubt", "text"),
    ),
    "retrieval_requests": (
        ("retriever", "retriever_id", "person"),
        ("reason", "reason", "enum"),
        ("purpose", "purpose", "text"),
        ("est_usage_hours", "est_usage_hours", "text"),
        ("requested_by", "requested_by", "person"),
        ("approver", "approver_id", "person"),
    ),
    "retrieval_decisions": (
        ("decision", "decision", "enum"),
        ("approver", "decided_by", "person"),
        ("note", "note", "text"),
    ),
    "retrieval_request_uses": (("request_no", "request_id", "text"),),
    "retrievals": (
        ("retriever", "retriever_id", "person"),
        ("col_unit", "retriever_unit", "text"),
        ("reason", "reason", "enum"),
        ("purpose", "purpose", "text"),
        ("est_usage_hours", "est_usage_hours", "text"),
        ("approver", "approver_id", "person"),
        ("keeper", "keeper_id", "person"),
    ),
    "returns": (
        ("returner", "returned_by", "person"),
        ("keeper", "keeper_id", "person"),
        ("col_inspection", "inspection", "enum"),
        ("verification", "verification", "enum"),
        ("note", "note", "text"),
    ),
    "return_checks": (
        ("verification_no", "verification_id", "text"),
        ("unchecked_reason", "reason", "text"),
    ),
    "incidents": (
        ("incident_kind", "kind", "enum"),
        ("incident_desc", "description", "text"),
        ("reported_by", "reported_by", "person"),
        ("incident_to", "reported_to", "person"),
    ),
    "incident_acks": (("dept_head", "by_id", "person"), ("note", "note", "text")),
    "corrections": (
        ("corrected_entry", "target_table", "enum"),
        ("entry_ref", "target_id", "text"),
        ("field", "field", "text"),
        ("old_value", "old_value", "text"),
        ("new_value", "new_value", "text"),
        ("reason_text", "reason", "text"),
        ("corrector", "by_id", "person"),
    ),
    "court_requests": (
        ("requesting_org", "org_name", "text"),
        ("org_kind", "org_kind", "enum"),
        ("document_no", "document_no", "text"),
        ("requested_at", "requested_at", "time"),
    ),
    "court_request_items": (("asked_item", "medium_id", "code"),),
    "court_transfers": (
        ("request_no", "request_id", "text"),
        ("recipient", "recipient_id", "person"),
        ("keeper", "keeper_id", "person"),
    ),
    "court_item_closures": (
        ("transfer_no", "transfer_id", "text"),
        ("reason_text", "reason", "text"),
    ),
    "court_late_marks": (
        ("request_no", "request_id", "text"),
        ("open_items", "open_items", "text"),
        ("incident_to", "reported_to", "person"),
    ),
    "archive_handovers": (
        ("keeper", "keeper_id", "person"),
        ("receiver", "receiver_id", "person"),
    ),
    "location_changes": (("location", "location", "text"),),
    "original_uses": (
        ("user", "user_id", "person"),
        ("purpose", "purpose", "enum"),
        ("est_usage_hours", "est_usage_hours", "text"),
        ("approver", "approver_id", "person"),
        ("keeper", "keeper_id", "person"),
    ),
    "reseal_inspections": (
        ("col_inspection", "inspection", "enum"),
        ("note", "note", "text"),
        ("keeper", "keeper_id", "person"),
    ),
    "reproductions": (
        ("original", "original_id", "code"),
        ("replaced", "replaced_id", "code"),
        ("new_duplicate", "new_id", "code"),
        ("location", "location", "text"),
    ),
    "late_marks": (
        ("late_kind", "kind", "enum"),
        ("due_by", "due_at", "time"),
    ),
    "medium_findings": (
        ("finding", "kind", "enum"),
        ("note", "note", "text"),
    ),
}
#: the order of a change's entries: the order the disc's life is read in
_ORDER = {t: i for i, t in enumerate(_SPEC)}


class _Names:
    """People and discs named by id, read once per report."""

    def __init__(self, s: Session):
        self.people = history.people_names(s.conn)
        self.codes: dict[int, str] = {}

    def person(self, pid: Any) -> str:
        if pid is None:
            return ""
        name, badge = self.people.get(int(pid), ("?", str(pid)))
        return f"{name} ({badge})"

    def code(self, mid: Any) -> str:
        code = "" if mid is None else self.codes.get(int(mid), "")
        return parse_code(code).pretty if code else str(mid or "")


def _facts(
    table: str, row: dict[str, Any], names: _Names, extra: tuple[Fact, ...]
) -> tuple[Fact, ...]:
    out: list[Fact] = []
    for label, col, kind in _SPEC.get(table, ()):
        v = row.get(col)
        if v is None or v == "":
            continue
        if kind == "person":
            out.append(Fact(label, names.person(v)))
        elif kind == "code":
            out.append(Fact(label, names.code(v)))
        elif kind == "time":
            out.append(Fact(label, show(str(v))))
        else:
            out.append(Fact(label, str(v), kind == "enum"))
    return tuple(out) + extra


def _content_sha256(table: str, row: dict[str, Any]) -> str:
    """What a signature of the entry covers (store.audit.content_sha256): its stored row."""
    if table == "media":
        return ""  # status, shelf and seal change: the disc's row is anchored, not signed
    return canonical.sha256_hex({"table": table, "row": row})


# ------------------------------------------------------------------ gathering
def _gather(s: Session, media: list[Any], names: _Names) -> tuple[Event, ...]:
    """The events of the media's lives, oldest first (an event of several of them once)."""
    rows: dict[tuple[str, int], tuple[dict[str, Any], str, set[str]]] = {}
    for m in media:
        for table, row, at in history.medium_rows(s.conn, int(m["id"])):
            key = (table, int(row["id"]))
            if key not in rows:
                rows[key] = (row, at, set())
            rows[key][2].add(str(m["code"]))
    mids: set[int] = {int(m["id"]) for m in media}
    for (table, _), (row, _, _) in rows.items():
        for _label, col, kind in _SPEC.get(table, ()):
            if kind == "code" and row.get(col) is not None:
                mids.add(int(row[col]))
    names.codes = history.codes_of(s.conn, mids)
    found = history.events_writing(s.conn, ((t, r, at) for (t, _), (r, at, _) in rows.items()))
    sigs = history.signatures_of(s.conn, rows.keys())
    manifests: dict[int, str] = {}
    grouped: dict[int, list[tuple[tuple[str, int], Entry]]] = {}
    events: dict[int, dict[str, Any]] = {}
    for key, (row, at, codes) in rows.items():
        table = key[0]
        extra: tuple[Fact, ...] = ()
        if table == "media":
            mid = int(row["manifest_id"])
            if mid not in manifests:
                manifests[mid] = history.manifest_sha256(s.conn, mid)
            extra = (Fact("manifest_sha256", manifests[mid]),)
        entry = Entry(
            table,
            key[1],
            tuple(sorted(codes)),
            _facts(table, row, names, extra),
            _content_sha256(table, row),
            tuple(
                Signature(
                    g["name"],
                    g["badge"],
                    g["capacity"],
                    show(g["signed_at"]),
                    g["content_sha256"],
                    bool(g["drawn"]),
                )
                for g in sigs.get(key, ())
            ),
        )
        ev = found.get(key)
        if ev is None:  # no event anchors it (`keeper audit verify` says so): listed first
            ev = {"seq": 0, "at": at, "action": "", "hash": "", "actor_name": "", "actor_badge": ""}
        seq = int(ev["seq"])
        events.setdefault(seq, ev)
        grouped.setdefault(seq, []).append((key, entry))
    out = []
    for seq in sorted(events):  # the chain's order is the order things happened
        ev = events[seq]
        ents = [
            e for _, e in sorted(grouped[seq], key=lambda x: (_ORDER.get(x[0][0], 99), x[0][1]))
        ]
        out.append(
            Event(
                seq,
                str(ev["hash"]),
                str(ev["action"]),
                show(str(ev["at"])),
                str(ev["actor_name"]),
                str(ev["actor_badge"]),
                tuple(sorted({c for e in ents for c in e.codes})),
                tuple(ents),
            )
        )
    return tuple(out)


def _disc(m: Any) -> Disc:
    return Disc(
        str(m["code"]),
        parse_code(str(m["code"])).pretty,
        str(m["copy_role"]),
        str(m["status"]),
        str(m["disc_type"]),
        str(m["seal_no"]),
        str(m["location"]),
        show(str(m["burned_at"])),
    )


def custody_report(
    s: Session, code: str | None = None, *, pair: bool = False, case_no: str | None = None
) -> CustodyReport:
    """The chain-of-custody report of the disc ``code`` (``pair``: of both discs of its
    pair, a reproduced duplicate included), or of every disc of the case ``case_no``.
    Refused, writing nothing, for a disc or case the person may not see (Art. 21); logged
    as a reading when made."""
    me = s.require(Action.VIEW_MEDIA)
    if (code is None) == (case_no is None or not case_no.strip()):
        raise RuleViolation("bad_scope", "give one of the two: a disc's code, or a case number")
    with s.db.reading():
        if case_no is not None and case_no.strip():
            case = cases_repo.by_no(s.conn, case_no.strip())
            if case is None:
                raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
            visibility.check_case(s, case, "see its custody report")
            media = [dict(r) for r in media_repo.of_case(s.conn, case.id)]
            scope, ref = "case", case.case_no
        else:
            mc = parse_code(str(code))
            row = media_repo.row_by_code(s.conn, mc.text)
            if row is None:
                raise RuleViolation(
                    "unknown_medium",
                    f"{mc.pretty} is a valid code but no such medium is registered",
                )
            case = visibility.check_case_id(s, int(row["case_id"]), "see its custody report")
            media = (
                [dict(r) for r in media_repo.pair(s.conn, str(row["pair_no"]))]
                if pair
                else [dict(row)]
            )
            scope, ref = ("pair" if pair else "disc"), mc.text
        media.sort(key=lambda m: (str(m["pair_no"]), m["copy_role"] != "original", int(m["id"])))
        names = _Names(s)
        events = _gather(s, media, names)
        head = audit_head(s)
        unit = people_repo.unit(s.conn, me.unit_id)["name"]
        dept = people_repo.department(s.conn, case.department_id)
    report = CustodyReport(
        scope=scope,
        ref=ref,
        case_no=case.case_no,
        case_name=case.name,
        department=dept.name if dept is not None else "",
        discs=tuple(_disc(m) for m in media),
        events=events,
        head=head,
        unit=str(unit),
        printed_by=f"{me.name} ({me.badge})",
        printed_at=show(s.now()),
    )
    reads.record(
        s,
        "document",
        [case.id],
        doc="custody_report",
        scope=scope,
        code=ref if scope != "case" else None,
        case_no=case.case_no if scope == "case" else None,
    )
    return report
