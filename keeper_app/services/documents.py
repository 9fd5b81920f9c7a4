"""What printed documents show, read from the register: label fields, register pages with
their signatures, receipts, reports and transfer lists — the data queries of the catalogue
of printable documents (:mod:`.catalogue`), and :func:`period`, the one rule for a period
typed by a person. Read-only; access follows Art. 21 (the same rules as looking the records
up on screen).

Times come back shown as 24-hour local time (``timeutil.show``); enum values (reasons,
inspection results, copy roles) stay as values for the printing package to translate.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..domain import court, rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Case
from ..store import audit, entries
from ..store import cases as cases_repo
from ..store import court as court_repo
from ..store import documents as docs_repo
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, parse_user, show, to_db
from . import heads, reads, seized, visibility
from .lookup import court_items
from .session import Session, check_badge_text, parse_code


def _check_case(s: Session, case: Case, action: Action = Action.VIEW_MEDIA) -> None:
    s.require(action)
    visibility.check_case(s, case, "print its documents")


def _label(s: Session, medium_id: int, label_json: str) -> dict[str, str]:
    label = json.loads(label_json)
    for c in entries.corrections_of(s.conn, "media", medium_id):
        if c["field"].startswith("label."):
            label[c["field"][6:]] = c["new_value"]
    label["production_time"] = show(label["production_time"])
    return {k: str(v) for k, v in label.items()}


def _sigs(s: Session, table: str, entry_id: int) -> list[dict[str, Any]]:
    out = docs_repo.signatures_of(s.conn, table, entry_id)
    for g in out:
        g["signed_at"] = show(g["signed_at"])
        g["drawn"] = bool(g["drawn"])
    return out


def audit_head(s: Session) -> dict[str, Any]:
    """The newest audit event: printed in footers so that paper anchors the record, and as
    a QR code (``qr``: its text, services.heads.head_text) that a scanner can read back."""
    seq, h = audit.head(s.conn)
    return {"seq": seq, "hash": h, "qr": heads.head_text(seq, h)}


# ------------------------------------------------------------------ labels
def label_data(s: Session, code: str) -> dict[str, Any]:
    """Everything a disc label, sleeve insert or seal-bag label carries for one medium: the
    six Art. 17 fields (corrections applied), the id, the copy role, and for a sealed
    original its seal number, sealing time and who signed the sealing. A logged reading."""
    data = _label_data(s, code)
    reads.record(s, "document", [data["case_id"]], doc="label", code=data["code"])
    return data


def _label_data(s: Session, code: str) -> dict[str, Any]:
    mc = parse_code(code)
    row = media_repo.row_by_code(s.conn, mc.text)
    if row is None:
        raise RuleViolation(
            "unknown_medium", f"{mc.pretty} is a valid code but no such medium is registered"
        )
    with s.db.reading():
        m = media_repo.to_medium(row)
        case = cases_repo.get(s.conn, m.case_id)
        _check_case(s, case)
        seal = None
        if m.copy_role.value == "original":
            ev = docs_repo.last_seal(s.conn, m.id)
            if ev is not None:
                table, eid = (
                    ("handovers", ev["handover_id"])
                    if ev["kind"] == "seal" and ev["handover_id"]
                    else ("seal_events", ev["id"])
                )
                seal = {
                    "seal_no": ev["seal_no"],
                    "kind": ev["kind"],
                    "at": show(ev["at"]),
                    "keeper": ev["keeper"],
                    "signatures": _sigs(s, table, int(eid)),
                }
        recs = media_repo.recordings_of(s.conn, m.id)
        return {
            "code": m.code,
            "case_id": m.case_id,
            "pretty": mc.pretty,
            "copy_role": m.copy_role.value,
            "status": m.status.value,
            "label": _label(s, m.id, row["label"]),
            "disc_type": row["disc_type"],
            "volume_id": row["volume_id"],
            "location": m.location,
            "seal": seal,
            "recordings": [
                {
                    "kind": r["kind"],
                    "person_name": r["person_name"],
                    "started_at": show(r["started_at"]),
                    "ended_at": show(r["ended_at"]),
                    "place": r["place"],
                }
                for r in recs
            ],
        }


def pair_label_data(s: Session, code: str) -> list[dict[str, Any]]:
    """Both discs of a pair, original first (for printing the two labels together)."""
    mc = parse_code(code)
    if mc.copy == "H":
        return [label_data(s, mc.text)]
    out = [
        _label_data(s, c.text)
        for c in (mc, mc.partner())
        if media_repo.row_by_code(s.conn, c.text) is not None
    ]
    out.sort(key=lambda d: d["copy_role"] != "original")
    reads.record(
        s,
        "document",
        {d["case_id"] for d in out},
        doc="labels",
        code=",".join(d["code"] for d in out),
    )
    return out


# ------------------------------------------------------------------ register
@dataclass(frozen=True)
class Period:
    """A span of the register: ``since`` included, ``until`` excluded (None: open-ended);
    ``shown_from`` / ``shown_to``: the ends as the person wrote them, for the printed filter."""

    since: datetime | None = None
    until: datetime | None = None
    shown_from: str = ""
    shown_to: str = ""

    def __post_init__(self) -> None:
        if self.since and self.until and self.until <= self.since:
            raise RuleViolation("bad_time", "the end of the period is not after its start")

    def shown(self) -> tuple[str, str]:
        return (
            self.shown_from or (show(self.since) if self.since else ""),
            self.shown_to or (show(self.until) if self.until else ""),
        )


def period(date_from: str | None = None, date_to: str | None = None) -> Period:
    """The one rule for a period typed by a person (the register view, its printed pages,
    ``keeper register --from --to``): ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM[:SS]``, local
    time; a date alone as the end includes that whole day ("to 2026-11-20": up to the
    start of 2026-11-21)."""
    start, end = (date_from or "").strip(), (date_to or "").strip()
    since = parse_user(start) if start else None
    until = parse_user(end) if end else None
    if until is not None and len(end) <= 10:  # a date alone: the next day's start
        until = parse_user((date.fromisoformat(end) + timedelta(days=1)).isoformat())
    return Period(since, until, start, end)


def register_document(
    s: Session,
    *,
    period: Period | None = None,
    case_no: str | None = None,
    code: str | None = None,
    badge: str | None = None,
) -> dict[str, Any]:
    """The register pages' content for ``period``: the filter, the rows (oldest first, each
    with its return and the two signatures; drawn images are not loaded — see
    :func:`signature_loader`), the audit chain head, who prints and when."""
    me = s.require(Action.VIEW_REGISTER)
    person = None
    if badge:
        person = people_repo.by_badge(s.conn, check_badge_text(badge))
        if person is None:
            raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    medium_code = parse_code(code).text if code else None
    p = period or Period()
    since, until = p.since, p.until
    with s.db.reading():
        rows = list(
            docs_repo.register_rows(
                s.conn,
                since=to_db(since) if since else None,
                until=to_db(until) if until else None,
                case_no=case_no or None,
                medium_code=medium_code,
                person_id=person.id if person else None,
                **visibility.case_filter(s),
            )
        )
        head = audit_head(s)
        unit = people_repo.unit(s.conn, me.unit_id)["name"]
    reads.record_case_nos(
        s,
        "document",
        (r["case_no"] for r in rows),
        doc="register",
        since=to_db(since) if since else None,
        until=to_db(until) if until else None,
        case_no=case_no or None,
        code=medium_code,
        badge=person.badge if person else None,
    )
    sigs = ("sig_retriever", "sig_keeper", "sig_returner", "sig_return_keeper")
    for r in rows:
        for k in ("out_at", "returned_at", "approved_at", *(f"{x}_at" for x in sigs)):
            r[k] = show(r[k])
        for x in sigs:
            r[f"{x}_drawn"] = bool(r[f"{x}_drawn"])
    return {
        "filter": {
            "from": p.shown()[0],
            "to": p.shown()[1],
            "case_no": case_no or "",
            "code": medium_code or "",
            "person": f"{person.name} ({person.badge})" if person else "",
        },
        "rows": rows,
        "audit": head,
        "unit": unit,
        "printed_by": f"{me.name} ({me.badge})",
        "printed_at": show(s.now()),
    }


def signature_png(s: Session, signature_id: int) -> bytes | None:
    s.require(Action.VIEW_REGISTER)
    return docs_repo.signature_png(s.conn, int(signature_id))


def signature_loader(s: Session) -> Callable[[int], bytes | None]:
    """A function that reads one drawn signature image when the page that shows it is
    drawn (the permission is checked once, here)."""
    s.require(Action.VIEW_REGISTER)
    conn = s.conn
    return lambda sig_id: docs_repo.signature_png(conn, int(sig_id))


# ------------------------------------------------------------------ receipts and reports
def handover_receipt(s: Session, handover_id: int) -> dict[str, Any]:
    """The handover of a pair (Art. 17): both discs, burning and handover times and whether
    the 24-hour rule was kept, the seal, the shelves, the two signatures."""
    h = docs_repo.handover(s.conn, int(handover_id))
    if h is None:
        raise RuleViolation("unknown_entry", f"no handover #{handover_id}")
    _check_case(s, cases_repo.get(s.conn, int(h["case_id"])))
    burned, at = from_db(h["burned_at"]), from_db(h["at"])
    elapsed = at - burned
    doc = {
        "id": h["id"],
        "case_no": h["case_no"],
        "case_name": h["case_name"],
        "department": h["department"],
        "original": h["original_code"],
        "duplicate": h["duplicate_code"],
        "disc_type": h["disc_type"],
        "label": _label(s, int(h["original_id"]), h["label"]),
        "burned_at": show(burned),
        "at": show(at),
        "elapsed_hours": round(elapsed.total_seconds() / 3600, 1),
        "late": elapsed > rules.HANDOVER_LIMIT,
        "limit_hours": int(rules.HANDOVER_LIMIT.total_seconds() // 3600),
        "late_reason": h["late_reason"] or "",
        "seal_no": h["seal_no"],
        "original_location": h["original_location"],
        "duplicate_location": h["duplicate_location"],
        "note": h["note"],
        "handler": h["handler"],
        "keeper": h["keeper"],
        "signatures": _sigs(s, "handovers", int(h["id"])),
        "audit": audit_head(s),
    }
    reads.record(s, "document", [int(h["case_id"])], doc="handover_receipt", id=int(h["id"]))
    return doc


def handover_of(s: Session, code: str) -> int:
    """The handover entry of a disc (either disc of the pair)."""
    mc = parse_code(code)
    row = media_repo.row_by_code(s.conn, mc.text)
    if row is None:
        raise RuleViolation("unknown_medium", f"{mc.pretty} is not registered")
    _check_case(s, cases_repo.get(s.conn, int(row["case_id"])))
    hid = docs_repo.handover_of_medium(s.conn, int(row["id"]))
    if hid is None:
        raise RuleViolation("not_handed_over", f"{mc.pretty} has not been handed over yet")
    return hid


def incident_report(s: Session, incident_id: int) -> dict[str, Any]:
    """The report to the head of the case-handling department (Art. 20): what, when, which
    disc, the inspection, who reported it, and whether the head has acknowledged it."""
    i = docs_repo.incident(s.conn, int(incident_id))
    if i is None:
        raise RuleViolation("unknown_incident", f"no incident #{incident_id}")
    _check_case(s, cases_repo.get(s.conn, int(i["case_id"])))
    doc = {
        "id": i["id"],
        "kind": i["kind"],
        "description": i["description"],
        "at": show(i["at"]),
        "code": i["code"],
        "copy_role": i["copy_role"],
        "case_no": i["case_no"],
        "case_name": i["case_name"],
        "reported_by": i["reported_by_name"],
        "reported_to": i["reported_to_name"],
        "retrieval": None
        if i["retrieval_id"] is None
        else {
            "id": i["retrieval_id"],
            "retriever": i["retriever"],
            "unit": i["retriever_unit"],
            "out_at": show(i["out_at"]),
            "reason": i["reason"],
            "returned_at": show(i["returned_at"]),
            "returned_by": i["returned_by"],
            "inspection": i["inspection"],
            "verification": i["verification"],
            "note": i["return_note"] or "",
        },
        "acknowledged": None
        if i["ack_id"] is None
        else {
            "by": i["ack_by"],
            "at": show(i["ack_at"]),
            "note": i["ack_note"],
            "signatures": _sigs(s, "incident_acks", int(i["ack_id"])),
        },
        "signatures": _sigs(s, "returns", int(i["return_id"])) if i["return_id"] else [],
        # Art. 20: the description is never rewritten; what was learnt later, signed
        "supplements": [
            {
                "text": c["new_value"],
                "at": show(c["at"]),
                "by": c["by_name"],
                "signatures": _sigs(s, "corrections", int(c["id"])),
            }
            for c in docs_repo.supplements_of(s.conn, int(incident_id))
        ],
        "audit": audit_head(s),
    }
    reads.record(s, "document", [int(i["case_id"])], doc="incident_report", id=int(i["id"]))
    return doc


def correction_sticker(s: Session, correction_id: int) -> dict[str, Any]:
    """The correction sticker for the seal bag (Art. 17, issue 14): a label correction
    as it was made on both discs of the pair — the field, the old and the new value, why,
    who corrected and when, with the signature — and the seal number of the original's bag
    it is stuck on."""
    s.require(Action.VIEW_MEDIA)
    c = docs_repo.correction(s.conn, int(correction_id))
    if c is None or c["target_table"] != "media" or not str(c["field"]).startswith("label."):
        raise RuleViolation(
            "not_label_correction",
            f"correction #{correction_id} is not a correction of a disc label: only a label "
            "correction has a sticker",
        )
    row = media_repo.row(s.conn, int(c["target_id"]))
    m = media_repo.to_medium(row)
    _check_case(s, cases_repo.get(s.conn, m.case_id))
    pair = [media_repo.to_medium(r) for r in media_repo.pair(s.conn, str(row["pair_no"]))] or [m]
    made = docs_repo.corrections_made_with(s.conn, c)
    corrected = {int(x["target_id"]) for x in made}
    original = next((x for x in pair if x.copy_role.value == "original"), None)
    doc = {
        "id": c["id"],
        "field": str(c["field"])[6:],
        "old_value": c["old_value"] or "",
        "new_value": c["new_value"],
        "reason": c["reason"],
        "at": show(c["at"]),
        "by": c["by_name"],
        "by_badge": c["by_badge"],
        "case_no": cases_repo.get(s.conn, m.case_id).case_no,
        "discs": [
            {"code": x.code, "copy_role": x.copy_role.value, "corrected": x.id in corrected}
            for x in sorted(pair, key=lambda x: x.copy_role.value != "original")
        ],
        "seal_no": original.seal_no if original is not None else "",
        "signatures": _sigs(s, "corrections", int(c["id"])),
        "audit": audit_head(s),
    }
    reads.record(s, "document", [m.case_id], doc="correction_sticker", id=int(c["id"]))
    return doc


def court_transfer_list(s: Session, request_id: int) -> dict[str, Any]:
    """A court's or procuratorate's request (Art. 19) and the discs transferred for it,
    with the 3-day limit and each transfer's signatures."""
    q = docs_repo.court_request(s.conn, int(request_id))
    if q is None:
        raise RuleViolation("unknown_request", f"no court or procuratorate request #{request_id}")
    _check_case(s, cases_repo.get(s.conn, int(q["case_id"])))
    requested = from_db(q["requested_at"])
    asked = court_items(s.conn, int(request_id))
    for a in asked:
        for k in ("medium_code", "transferred_code"):
            a[k.replace("code", "pretty")] = parse_code(a[k]).pretty if a[k] else ""
    late_codes = {i["transferred_code"] for i in asked if i["late"] and i["transferred_code"]}
    still_open = any(not i["closed"] for i in asked) if asked else False
    late = court_repo.late_mark(s.conn, int(request_id)) is not None or (
        still_open and court.is_late(requested, s.now())
    )
    items = []
    for t in docs_repo.court_transfers(s.conn, int(request_id)):
        label = json.loads(t["label"])
        items.append(
            {
                "code": t["code"],
                "pretty": parse_code(t["code"]).pretty,
                "copy_role": t["copy_role"],
                "disc_type": t["disc_type"],
                "person_interrogated": label.get("person_interrogated", ""),
                "production_time": show(label.get("production_time")),
                "at": show(t["at"]),
                "recipient": t["recipient"],
                "recipient_org": t["recipient_org"],
                "keeper": t["keeper"],
                "late": t["code"] in late_codes,
                "signatures": _sigs(s, "court_transfers", int(t["id"])),
            }
        )
    doc = {
        "id": q["id"],
        "case_no": q["case_no"],
        "case_name": q["case_name"],
        "org_kind": q["org_kind"],
        "org_name": q["org_name"],
        "document_no": q["document_no"],
        "requested_at": show(requested),
        "due_at": show(requested + timedelta(days=3)),
        "items": items,
        # issue 14: what the request asks for, how each item ended, and the late mark
        "asked": asked,
        "open": still_open,
        "late": late,
        "audit": audit_head(s),
    }
    reads.record(s, "document", [int(q["case_id"])], doc="court_transfer_list", id=int(q["id"]))
    return doc


def archive_handover_list(s: Session, case_no: str) -> dict[str, Any]:
    """The discs of a concluded case handed to the archives department (Art. 16)."""
    case = cases_repo.by_no(s.conn, (case_no or "").strip())
    if case is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    _check_case(s, case)
    a = docs_repo.archive_handover(s.conn, case.id)
    if a is None:
        raise RuleViolation(
            "not_archived", f"case {case.case_no} has not been handed to the archives", "Art. 16"
        )
    items = []
    for m in docs_repo.media_by_codes(s.conn, json.loads(a["media_codes"])):
        label = json.loads(m["label"])
        items.append(
            {
                "code": m["code"],
                "pretty": parse_code(m["code"]).pretty,
                "copy_role": m["copy_role"],
                "disc_type": m["disc_type"],
                "seal_no": m["seal_no"],
                "location": m["location"],
                "person_interrogated": label.get("person_interrogated", ""),
                "production_time": show(label.get("production_time")),
            }
        )
    doc = {
        "id": a["id"],
        "case_no": a["case_no"],
        "case_name": a["case_name"],
        "concluded_at": show(a["concluded_at"]),
        "at": show(a["at"]),
        "keeper": a["keeper"],
        "receiver": a["receiver"],
        "receiver_department": a["receiver_department"] or "",
        "items": items,
        "signatures": _sigs(s, "archive_handovers", int(a["id"])),
        "audit": audit_head(s),
    }
    reads.record(s, "document", [case.id], doc="archive_handover_list", case_no=case.case_no)
    return doc


# ------------------------------------------------------------------ seized storage media
#: how the persons and witnesses of a seizure are written in one field ("甲、乙", "A, B")
_NAMES = re.compile(r"\s*[、,，;；]\s*")


def _names(text: object) -> list[str]:
    return [x for x in _NAMES.split(str(text or "").strip()) if x]


def _seized_item(i: Mapping[str, Any]) -> dict[str, Any]:
    """One item of ``seized.show_seizure`` as ``printing.seized.SeizedItem`` takes it: the
    type of medium and the kind (original / extracted) stay values for the printing."""
    out: dict[str, Any] = {
        "code": i["code"],
        "pretty": i["pretty"],
        "name": i["media_type"],
        "item_type": i["kind"],
        "specification": i.get("specification") or "",
        "capacity": i.get("capacity") or "",
        "file_formats": i.get("file_formats") or "",
        "copies": str(i.get("copies", "")),
        "copy_length": i.get("copy_length") or "",
        "content": i.get("content") or "",
        "features": i.get("features") or "",
        "remarks": i.get("remarks") or "",
        "seal_no": i.get("seal_no") or "",
        "location": i.get("location") or "",
    }
    if i["kind"] == "extracted":  # Art. 123: why, where the medium is, where the data came from
        out["extraction"] = {
            "reason": i.get("not_seized_reason") or "",
            "medium_location": i.get("original_location") or "",
            "data_source": i.get("data_source") or "",
        }
    return out


def _signed(signatures: Sequence[Mapping[str, Any]], capacity: str) -> list[dict[str, str]]:
    """Who signed an entry electronically in ``capacity``, as ``printing.seized.Signer``."""
    return [
        {"name": g["name"], "badge": g.get("badge", ""), "signed_at": g.get("signed_at", "")}
        for g in signatures
        if g.get("capacity") == capacity
    ]


def _measure(z: Mapping[str, Any]) -> str:
    """Sealed (查封) or seized (扣押): storage media taken into safekeeping are seized
    (Art. 123), unless the record says otherwise."""
    return str(z.get("measure") or "seize")


def _issuing_unit(s: Session, case_no: str) -> str:
    """The unit and department of the case: the office that seized and releases."""
    case = cases_repo.by_no(s.conn, case_no)
    dept = people_repo.department(s.conn, case.department_id) if case else None
    if dept is None:
        return ""
    return f"{people_repo.unit(s.conn, dept.unit_id)['name']} {dept.name}"


def _seizure_doc(s: Session, z: Mapping[str, Any]) -> dict[str, Any]:
    """``seized.show_seizure``'s record as ``printing.seized.Seizure`` takes it."""
    sealing = z.get("sealing") or {}
    receipt = z.get("receipt") or {}
    return {
        "measure": _measure(z),
        "case_no": z["case_no"],
        "case_name": z["case_name"],
        "cause": z.get("cause") or "",
        "persons": _names(z.get("persons")),
        "at": z.get("seized_at") or "",
        "place": z.get("place") or "",
        "record": z.get("record_ref") or "",
        "notice_no": z.get("notice_no") or "",
        "inventory_no": f"#{z['id']}",
        "unit": _issuing_unit(s, str(z["case_no"])),
        "possessor": {"name": z["possessor"]} if z.get("possessor") else None,
        "investigators": _signed(sealing.get("signatures") or [], "investigator"),
        "witnesses": [{"name": n} for n in _names(z.get("witnesses"))],
        "keeper": {"name": receipt["keeper_name"]} if receipt.get("keeper_name") else None,
        "possessor_signature": sealing.get("possessor_signature") or "",
        "possessor_note": sealing.get("possessor_note") or "",
        "items": [_seized_item(i) for i in z.get("items") or []],
    }


def _seizure_id(s: Session, ref: int | str) -> int:
    """A seizure by its number, or by the code of one of its items."""
    if isinstance(ref, int) or str(ref).strip().isdigit():
        return int(ref)
    return int(seized.lookup(s, str(ref))["seizure"]["id"])


def seized_inventory(s: Session, ref: int | str) -> dict[str, Any]:
    """The 查封/扣押财物、文件清单 of a seizure (by its number or an item's code): its head,
    its items with the fields of Art. 128(4), the investigators who signed the sealing, the
    witnesses, the possessor (and a refusal noted), the keeper who received it; the audit
    head. Scoped like the record on screen (Art. 21) and logged."""
    z = seized.show_seizure(s, _seizure_id(s, ref))
    doc = _seizure_doc(s, z) | {"audit": audit_head(s)}
    reads.record_case_nos(
        s, "document", [str(z["case_no"])], doc="seized_inventory", seizure=int(z["id"])
    )
    return doc


def seized_tags(s: Session, ref: int | str) -> list[dict[str, Any]]:
    """The tag of one seized item (by its code), or the tags of every item of a seizure (by
    its number): the Keeper id, the case, the item, the date of the seizure, the seal."""
    if isinstance(ref, int) or str(ref).strip().isdigit():
        z = seized.show_seizure(s, int(ref))
        items = list(z["items"])
    else:
        one = seized.lookup(s, str(ref))
        z = one["seizure"]
        items = [i for i in z["items"] if i["code"] == one["code"]]
    measure = _measure(z)
    tags = [
        {
            "code": i["code"],
            "pretty": i["pretty"],
            "measure": measure,
            "case_no": z["case_no"],
            "case_name": z["case_name"],
            "name": i["media_type"],
            "item_type": i["kind"],
            "description": "；".join(x for x in (i.get("specification"), i.get("content")) if x),
            "seized_at": str(z.get("seized_at") or "")[:10],
            "seal_no": i.get("seal_no") or "",
        }
        for i in items
    ]
    reads.record_case_nos(
        s, "document", [str(z["case_no"])], doc="seized_tags", codes=[t["code"] for t in tags]
    )
    return tags


def seized_release(s: Session, request_id: int) -> dict[str, Any]:
    """The release of seized items found unrelated to the case (Art. 124, 134): the notice
    and the release inventory — the finding and the head's approval, the three days, the
    items, and once given back who received them, who signed (or the refusal noted). A
    request not approved is refused: nothing is released without approval. Scoped and
    logged."""
    rec = seized.release_record(s, int(request_id))
    q = rec["request"]
    if q.get("decision") != "approved":
        raise RuleViolation(
            "release_not_approved",
            f"release request #{request_id} is not approved by the head: no notice is issued "
            "before the approval",
            "Art. 124, 134 (supervision)",
        )
    z = rec["seizure"]
    seizure = _seizure_doc(s, z)
    done = rec.get("release") or {}
    sigs = done.get("signatures") or []
    recipient = done.get("recipient") or z.get("possessor") or ""
    keeper = _signed(sigs, "keeper")
    returned = done.get("at") or ""
    due = str(rec.get("due_at") or "")
    doc = {
        "seizure": seizure,
        "items": [_seized_item(i) for i in rec["items"]],
        "notice_no": f"#{request_id}",
        "to": recipient,
        "reason": q.get("reason") or "",
        "found_at": q.get("requested_at") or "",
        "due_at": due,
        "late": bool(due) and (returned or show(s.now())) > due,
        "approved_by": q.get("approver_name") or "",
        "approved_at": q.get("decided_at") or "",
        "issued_at": str(q.get("decided_at") or "")[:10],
        "released_at": returned,
        "returned_to": {"name": recipient} if recipient else None,
        "investigators": _signed(sigs, "investigator"),
        "keeper": keeper[0] if keeper else None,
        "recipient_signature": done.get("possessor_signature") or "",
        "recipient_note": done.get("possessor_note") or "",
        "audit": audit_head(s),
    }
    reads.record_case_nos(
        s, "document", [str(z["case_no"])], doc="seized_release", request=int(request_id)
    )
    return doc
