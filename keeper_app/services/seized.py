"""Seized storage media (issue 15; supervision draft Art. 56, 123-134, 261, 267): a second kind
of custody item beside the disc pairs, on the same store, audit chain, signatures and counter.

API guide (for the printing and the GUI). Every function takes the signed-in
:class:`~.session.Session` first; every refusal raises
:class:`~keeper_app.domain.errors.RuleViolation` (``code``, ``message``, ``article``) and changes
nothing. Codes are the items' Keeper barcode ids (copy letter ``S``, ``codes.parse`` reads them);
they may be typed with spaces or hyphens. Times returned are shown 24-hour
``YYYY-MM-DD HH:MM:SS`` (``timeutil.show``); times passed in are aware datetimes.
Signers are :class:`~.session.Credential` (badge, password[, drawn signature]).

Intake and sealing (investigators: case handlers of the case's department)
  ``parse_inventory(data) -> Inventory``: a JSON object (the CLI's ``--file``; see the
      function) made into the arguments of :func:`intake`; refuses a malformed one.
  ``intake(s, case_no, seizure, items) -> {"seizure_id", "codes"}``: Art. 128(4) — the
      inventory of one seizure (``seizure``: cause, persons, record_ref, seized_at, place,
      possessor, witnesses, notice_no, note, period_days (Art. 133: at most and by default
      365); ``items``: kind 'original'|'extracted',
      media_type (:data:`~keeper_app.domain.seized.MEDIA_TYPES`), content, specification,
      capacity, file_formats, copies, copy_length; extracted: not_seized_reason,
      original_location, data_source). Each item gets its code, status ``seized``. Done by a
      handler of the case (Action.SEIZED_INTAKE).
  ``seal(s, seizure_id, seals, investigators, sealed_at, recording_id, possessor_signature,
      possessor_note="", late_reason=None) -> sealing id``: Art. 126-130 — every item of the
      seizure gets its seal number (``seals``: {code: seal no}); two or more investigators
      sign with the time written on the seals (``sealed_at``); the possessor 'signed',
      'refused' or was 'absent' (then ``possessor_note`` says what happened); the sealing's
      recording (registered with ``intake.register_recording``, kind 'sealing' or 'search',
      same case) is linked. This
      registers the inventory (Art. 130: within 20 days; later needs ``late_reason`` and is
      reported to the head). Items become ``sealed``.

Safekeeping and the counter (keeper signed in; Action.SEIZED_KEEP)
  ``receive(s, seizure_id, scanned, investigator, keeper, location, late_reason=None)
      -> receipt id``: Art. 130 — every sealed item scanned (``scanned``: list of codes, all
      and only the seizure's sealed items), investigator and keeper sign; ``in_safekeeping``.
      After 30 days needs ``late_reason`` and is reported.
  ``unseal(s, code, request_id, investigators, note="") -> seal event id``: Art. 129 — under
      an approved unseal request, two or more investigators sign; ``unsealed``.
  ``reseal(s, code, new_seal_no, investigators, note="") -> seal event id``: a new seal
      number, two or more investigators sign with the time; back ``in_safekeeping``.
  ``transfer_out(s, request_id, scanned, investigator, keeper, recording_id, note="")
      -> transfer id``: Art. 131 — under an approved transfer request; the scanned codes must
      be exactly the request's items; the handover's recording attached; items ``out``.
  ``transfer_in(s, transfer_id, scanned, investigator, keeper, recording_id, damaged=None,
      note="") -> {"transfer_id", "missing", "damaged", "incidents"}``: the return, checked
      item by item: a code not of that transfer is refused; an item not scanned is recorded
      missing, ``damaged`` ({code: what}) recorded damaged; each reported to the head.
  ``release(s, request_id, scanned, investigator, keeper, recipient, possessor_signature,
      possessor_note="", late_reason=None) -> release id``: Art. 124, 134 — the items of an
      approved release request, scanned, given back; the possessor signs the release
      inventory or the refusal is noted; after 3 days from the finding needs ``late_reason``.

Requests and decisions (Action.SEIZED_REQUEST: a handler of the case; decisions: the head of
the case's department in his own session, Action.DECIDE_APPROVAL)
  ``request_unseal(s, code, reason) -> request id``
  ``request_transfer(s, codes, reason) -> request id``: items of one seizure, in safekeeping.
  ``request_extension(s, seizure_id, days, reason) -> request id``: Art. 133, before expiry.
  ``find_unrelated(s, codes, finding) -> request id``: Art. 124, 134 — the finding is the
      release request; the release is due 3 days after it.
  ``decide(s, request_id, head, approve, note="") -> decision id``: the head signs; an
      extension approved after the period ended is refused (Art. 133).
  ``acknowledge(s, incident_id, head, note="") -> ack id``: the head it was reported to.
  ``inspect(s, head, findings, items_checked=None) -> inspection id``: Art. 261 — a head's
      periodic inspection of his department's register (Action.SEIZED_INSPECT).

Reading (scoped to the cases the person may see, Art. 21/267, and logged)
  ``lookup(s, code) -> dict``: one item for the counter — the item's fields, ``seizure`` (the
      inventory's head and all its ``items``), ``sealing``, ``seals`` (seal events), ``receipt``,
      ``requests``, ``due``, ``history``, ``incidents``, ``actions`` (what may be done next),
      ``open_transfer`` (the transfer out it is on, or None).
  ``show_seizure(s, seizure_id) -> dict``: one seizure with items, sealing, receipt, requests,
      transfers, releases, extensions, period end, due, incidents (what printing needs).
  ``release_record(s, request_id) -> dict``: a release with its seizure and items (the notice
      and the release inventory).
  ``listing(s, status=None, case_no=None) -> list[dict]``: the items with case and status.
  ``due(s) -> list[dict]``: the due-board rows of seized media (lookup.due includes them;
      ``due_items(s)``: the same as domain ``Due`` values, unlogged).
  ``inbox(s) -> {"incidents", "requests"}``: a head's seized-media incidents and requests.
  ``inspections(s) -> list[dict]``: the inspections recorded (a head: his department's).
  ``sweep(s) -> list[int]``: Art. 130, 133, 134 — each lateness marked once and reported to
      the head (incident ids); ``lateness.sweep`` runs it too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain import access, rules
from ..domain import codes as code_rules
from ..domain import seized as law
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, allowed
from ..domain.model import Capacity, Case, Person
from ..domain.seized import ItemStatus, RequestKind, SeizedAct
from ..store import cases as cases_repo
from ..store import people as people_repo
from ..store import seized as repo
from ..timeutil import BadTime, from_db, parse_user, show, to_db
from . import reads, visibility
from .session import Change, Credential, Session, Signer, parse_code, rerun_if_changed


# ------------------------------------------------------------------ helpers
def _case(s: Session, case_no: str) -> Case:
    case = cases_repo.by_no(s.conn, (case_no or "").strip())
    if case is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    return case


def _check_handler(me: Person, case: Case, what: str) -> None:
    """Art. 21, 267: only a handler of the case does its investigators' part."""
    if me.id not in case.handler_ids:
        raise RuleViolation(
            "not_case_handler",
            f"{me.name} is not a handler of case {case.case_no} and may not {what}",
            "Art. 21; Art. 267 (supervision)",
        )


def _seizure(s: Session, seizure_id: int) -> tuple[dict[str, Any], Case]:
    try:
        z = repo.seizure(s.conn, int(seizure_id))
    except (TypeError, ValueError):
        z = None
    if z is None:
        raise RuleViolation("unknown_seizure", f"no seizure #{seizure_id}")
    return z, cases_repo.get(s.conn, int(z["case_id"]))


def _item(s: Session, code: str) -> tuple[dict[str, Any], dict[str, Any], Case]:
    mc = parse_code(code)
    if not mc.seized:
        raise RuleViolation(
            "not_seized_item",
            f"{mc.pretty} is a disc's code, not a seized medium's (copy letter S)",
        )
    it = repo.item_by_code(s.conn, mc.text)
    if it is None:
        raise RuleViolation(
            "unknown_seized_item", f"{mc.pretty} is a valid code but no seized item has it"
        )
    z, case = _seizure(s, int(it["seizure_id"]))
    return it, z, case


def _codes(s: Session, scanned: Sequence[str]) -> list[str]:
    """Scanned or typed codes in their canonical form (a misread one refused)."""
    if isinstance(scanned, str):
        scanned = [scanned]
    return [parse_code(c).text for c in scanned]


def _head(s: Session, case: Case) -> Person:
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None or dept.head_id is None:
        raise RuleViolation(
            "no_head", f"the department of case {case.case_no} has no head", "Art. 133, 134"
        )
    return people_repo.get(s.conn, dept.head_id)


def _investigators(s: Session, creds: Sequence[Credential], case: Case, what: str) -> list[Signer]:
    if isinstance(creds, Credential):
        creds = [creds]
    signers = [s.signer(c) for c in creds]
    law.check_investigators([x.person for x in signers], case, what)
    return signers


def _head_signer(s: Session, cred: Credential, me: Person) -> Signer:
    """The head signs his own decision, acknowledgement or inspection, in his own session."""
    h = s.signer(cred)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    return h


def _keeper(s: Session, cred: Credential, case: Case) -> Signer:
    k = s.keeper_signer(cred)
    rules.check_keeper_for_case(k.person, case)
    return k


def _recording(s: Session, recording_id: int | None, case: Case, what: str) -> int:
    """Art. 56, 131: the recording of the act, registered like any other, of the same case."""
    if recording_id is None:
        raise RuleViolation(
            "missing_recording",
            f"the {what} is recorded on video: register the recording and give its number",
            "Art. 56, 131 (supervision)",
            field="recording",
        )
    try:
        rec = cases_repo.recording(s.conn, int(recording_id))
    except (LookupError, ValueError, TypeError):
        raise RuleViolation("unknown_recording", f"no recording #{recording_id}") from None
    if int(rec["case_id"]) != case.id:
        raise RuleViolation(
            "recording_other_case",
            f"recording #{recording_id} is of another case than {case.case_no}",
            "Art. 56 (supervision)",
            field="recording",
        )
    law.check_recording_kind(str(rec["kind"]), what)
    return int(recording_id)


def _clock(s: Session, z: Mapping[str, Any]) -> law.SeizureClock:
    sid = int(z["id"])
    its = repo.items_of(s.conn, sid)
    held = any(i["status"] != ItemStatus.RELEASED.value for i in its)
    releases = tuple(
        (int(q["id"]), from_db(q["requested_at"]))
        for q in repo.requests_of(s.conn, sid)
        if q["kind"] == RequestKind.RELEASE.value
        and q["decision"] != "refused"
        and repo.release(s.conn, int(q["id"])) is None
    )
    return law.SeizureClock(
        seizure_id=sid,
        case_no=str(z["case_no"]),
        seized_at=from_db(z["seized_at"]),
        period_days=int(z["period_days"]),
        registered=repo.sealing(s.conn, sid) is not None,
        received=repo.receipt(s.conn, sid) is not None,
        held=held,
        extensions=tuple(
            (int(e["id"]), from_db(e["new_expiry"])) for e in repo.extensions(s.conn, sid)
        ),
        releases=releases,
    )


def _mark_late(
    ch: Change, late: law.SeizedLate, by_id: int, head_id: int, item_id: int | None = None
) -> int | None:
    """Within a change: mark ``late`` once and report it to the head (its incident id), or
    None when it was marked before."""
    if repo.late_mark(ch.conn, late.kind.value, late.seizure_id, late.ref) is not None:
        return None
    iid = ch.touch(
        "seized_incidents",
        repo.insert(
            ch.conn,
            "seized_incidents",
            kind=law.LATE_INCIDENT[late.kind],
            seizure_id=late.seizure_id,
            item_id=item_id,
            description=late.description(),
            at=ch.at,
            reported_by=by_id,
            reported_to=head_id,
        ),
    )
    ch.touch(
        "seized_late_marks",
        repo.insert(
            ch.conn,
            "seized_late_marks",
            kind=late.kind.value,
            seizure_id=late.seizure_id,
            ref=late.ref,
            due_at=to_db(late.due_at),
            at=ch.at,
            by_id=by_id,
            incident_id=iid,
        ),
    )
    ch.details.setdefault("late_incident", iid)
    return iid


def _set_status(ch: Change, item_id: int, status: ItemStatus, **more: Any) -> None:
    repo.set_item(ch.conn, item_id, status=status.value, **more)
    ch.touch("seized_items", item_id)


# ------------------------------------------------------------------ intake
@dataclass(frozen=True)
class Inventory:
    """A seizure's inventory as read from a JSON file: the arguments of :func:`intake`."""

    case_no: str
    seizure: dict[str, Any]
    items: list[dict[str, Any]]


def _time(v: object, what: str) -> datetime:
    if isinstance(v, datetime):
        return v
    try:
        return parse_user(str(v or ""))
    except BadTime as e:
        raise RuleViolation("bad_time", f"{what}: {e}", field=what) from None


def parse_inventory(data: object) -> Inventory:
    """A JSON object ``{"case_no": …, "cause": …, "persons": …, "record_ref": …, "seized_at":
    "YYYY-MM-DD HH:MM[:SS]" (local time), "place": …, "possessor": …, "witnesses": …,
    "notice_no": …, "note": …, "period_days": N (optional, at most 365),
    "items": [{"kind": "original"|"extracted", "media_type": …,
    "content": …, "specification": …, "capacity": …, "file_formats": …, "copies": N,
    "copy_length": …, "not_seized_reason": …, "original_location": …, "data_source": …}, …]}``
    (``persons`` and ``witnesses`` may be lists)."""
    if not isinstance(data, Mapping):
        raise RuleViolation("bad_inventory", "the inventory is a JSON object")
    items = data.get("items")
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise RuleViolation("bad_inventory", "the inventory's 'items' is a list of objects")
    seizure: dict[str, Any] = {}
    for k in (
        "cause",
        "persons",
        "record_ref",
        "place",
        "possessor",
        "witnesses",
        "notice_no",
        "note",
    ):
        v = data.get(k, "")
        seizure[k] = "、".join(str(x) for x in v) if isinstance(v, list) else v
    seizure["seized_at"] = _time(data.get("seized_at"), "time of seizure")
    if data.get("period_days") is not None:
        seizure["period_days"] = data.get("period_days")
    return Inventory(str(data.get("case_no") or ""), seizure, [dict(i) for i in items])


@rerun_if_changed
def intake(
    s: Session,
    case_no: str,
    seizure: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """Art. 123, 128(4): one seizure's inventory with its items; each item gets its Keeper
    barcode id (copy letter S). By a handler of the case. Returns the seizure's id and the
    items' codes in order."""
    me = s.require(Action.SEIZED_INTAKE)
    case = _case(s, case_no)
    _check_handler(me, case, "record its seizures")
    if case.status.value != "open":
        raise RuleViolation(
            "case_not_open",
            f"case {case.case_no} is {case.status.value}: nothing is seized for it any more",
            "Art. 125 (supervision)",
        )
    head = law.check_seizure(seizure, s.now())
    its = law.check_items(items)
    unit = str(people_repo.unit(s.conn, me.unit_id)["code"])
    seized_at = head["seized_at"]
    assert isinstance(seized_at, datetime)
    with s.change("seized_intake", case=case.case_no, items=len(its)) as ch:
        sid = ch.touch(
            "seizures",
            repo.insert(
                ch.conn,
                "seizures",
                case_id=case.id,
                cause=head["cause"],
                persons=head["persons"],
                record_ref=head["record_ref"],
                seized_at=to_db(seized_at),
                place=head["place"],
                possessor=head["possessor"],
                witnesses=head["witnesses"],
                notice_no=head["notice_no"],
                period_days=head["period_days"],
                note=head["note"],
                at=ch.at,
                by_id=me.id,
            ),
        )
        year = from_db(ch.at).year
        serial = repo.next_serial(ch.conn, unit, year)
        out = []
        for n, it in enumerate(its):
            mc = code_rules.make(unit, year, serial + n, code_rules.SEIZED)
            ch.touch(
                "seized_items",
                repo.insert(
                    ch.conn, "seized_items", seizure_id=sid, code=mc.text, serial=mc.body[:14], **it
                ),
            )
            out.append(mc.text)
        ch.details.update(seizure=sid, codes=out)
    return {"seizure_id": sid, "codes": out}


@rerun_if_changed
def seal(
    s: Session,
    seizure_id: int,
    seals: Mapping[str, str],
    investigators: Sequence[Credential],
    sealed_at: datetime,
    recording_id: int | None,
    possessor_signature: str,
    possessor_note: str = "",
    late_reason: str | None = None,
) -> int:
    """Art. 126-130, 56: the seizure's items sealed on site and the inventory registered."""
    me = s.require(Action.SEIZED_SEAL)
    z, case = _seizure(s, seizure_id)
    _check_handler(me, case, "seal its seized items")
    if repo.sealing(s.conn, int(z["id"])) is not None:
        raise RuleViolation(
            "already_sealed",
            f"seizure #{z['id']} is sealed and registered already",
            "Art. 126 (supervision)",
        )
    its = repo.items_of(s.conn, int(z["id"]))
    given = {parse_code(c).text: n for c, n in dict(seals).items()}
    law.check_scans_exact([i["code"] for i in its], list(given), "list of seals")
    seal_nos: dict[str, str] = {}
    for code, no in given.items():
        sn = rules.check_new_seal(str(no or ""), repo.used_seal_nos(s.conn, str(no or "").strip()))
        if sn in seal_nos.values():
            raise RuleViolation(
                "seal_reused", f"seal number {sn} is given to two items", "Art. 128 (supervision)"
            )
        seal_nos[code] = sn
    for i in its:
        law.next_item_status(i["status"], SeizedAct.SEAL, i["code"])
    if not isinstance(sealed_at, datetime):
        raise RuleViolation(
            "missing_field", "the time of sealing is required", field="time of sealing"
        )
    seized_at = from_db(z["seized_at"])
    if sealed_at < seized_at or sealed_at > s.now():
        raise RuleViolation(
            "bad_sealing_time",
            f"the time of sealing ({show(sealed_at)}) is between the seizure "
            f"({show(seized_at)}) and now",
            "Art. 128 (supervision)",
            field="time of sealing",
        )
    possessor, note = law.check_possessor(possessor_signature, possessor_note)
    rec = _recording(s, recording_id, case, "sealing")
    late = law.check_late(
        "registration",
        law.registration_deadline(seized_at),
        s.now(),
        late_reason,
        "Art. 130 (supervision)",
    )
    head = _head(s, case) if late else None
    signers = _investigators(s, investigators, case, "sealing")
    with s.change(
        "seized_seal", seizure=int(z["id"]), signers=[x.person.badge for x in signers]
    ) as ch:
        gid = ch.touch(
            "seized_sealings",
            repo.insert(
                ch.conn,
                "seized_sealings",
                seizure_id=int(z["id"]),
                sealed_at=to_db(sealed_at),
                possessor_signature=possessor,
                possessor_note=note,
                recording_id=rec,
                signers=len(signers),
                late_reason=late,
                at=ch.at,
                by_id=me.id,
            ),
        )
        ch.sign("seized_sealings", gid, *[(x, Capacity.INVESTIGATOR) for x in signers])
        for i in its:
            ch.touch(
                "seized_seal_events",
                repo.insert(
                    ch.conn,
                    "seized_seal_events",
                    item_id=int(i["id"]),
                    kind="seal",
                    seal_no=seal_nos[i["code"]],
                    sealing_id=gid,
                    signers=0,
                    at=to_db(sealed_at),
                    by_id=me.id,
                ),
            )
            _set_status(ch, int(i["id"]), ItemStatus.SEALED, seal_no=seal_nos[i["code"]])
        if head is not None:
            _mark_late(
                ch,
                law.SeizedLate(
                    law.SeizedLateKind.REGISTRATION,
                    int(z["id"]),
                    0,
                    law.registration_deadline(seized_at),
                ),
                me.id,
                head.id,
            )
    return gid


# ------------------------------------------------------------------ reading
def _shown(row: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    out = dict(row)
    for k in keys:
        if out.get(k):
            out[k] = show(out[k])
    return out


def _item_view(i: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: i[k]
        for k in (
            "id",
            "code",
            "kind",
            "media_type",
            "content",
            "specification",
            "capacity",
            "file_formats",
            "copies",
            "copy_length",
            "not_seized_reason",
            "original_location",
            "data_source",
            "status",
            "location",
            "seal_no",
        )
    } | {"pretty": code_rules.parse(str(i["code"])).pretty}


def _seizure_view(s: Session, z: Mapping[str, Any]) -> dict[str, Any]:
    sid = int(z["id"])
    clock = _clock(s, z)
    ref, end = clock.end()
    sealing = repo.sealing(s.conn, sid)
    if sealing is not None:
        sealing = _shown(sealing, "sealed_at", "at")
        sealing["signatures"] = [
            _shown(x, "signed_at") for x in _signatures(s, "seized_sealings", int(sealing["id"]))
        ]
    receipt = repo.receipt(s.conn, sid)
    return {
        "id": sid,
        "case_no": z["case_no"],
        "case_name": z["case_name"],
        "cause": z["cause"],
        "persons": z["persons"],
        "record_ref": z["record_ref"],
        "seized_at": show(z["seized_at"]),
        "place": z["place"],
        "possessor": z["possessor"],
        "witnesses": z["witnesses"],
        "notice_no": z["notice_no"],
        "note": z["note"],
        "entered_at": show(z["at"]),
        "entered_by": f"{z['by_name']} ({z['by_badge']})",
        "period_days": int(z["period_days"]),
        "period_end": show(end),
        "extended": ref != 0,
        "items": [_item_view(i) for i in repo.items_of(s.conn, sid)],
        "sealing": sealing,
        "receipt": None if receipt is None else _shown(receipt, "at"),
        "requests": [
            _shown(q, "requested_at", "decided_at", "new_expiry")
            for q in repo.requests_of(s.conn, sid)
        ],
        "extensions": [_shown(e, "new_expiry", "at") for e in repo.extensions(s.conn, sid)],
        "transfers": [
            _shown(t, "at") | {"items": repo.transfer_items(s.conn, int(t["id"]))}
            for t in repo.transfers_of(s.conn, sid)
        ],
        "releases": [
            _shown(x, "at", "found_at") | {"items": json.loads(x["items"])}
            for x in repo.releases_of(s.conn, sid)
        ],
        "incidents": [
            _shown(n, "at", "acknowledged_at") for n in repo.incidents(s.conn, seizure_id=sid)
        ],
        "due": [_due_dict(d) for d in law.due_items(s.now(), [clock])],
    }


def _signatures(s: Session, table: str, entry_id: int) -> list[dict[str, Any]]:
    from ..store import entries

    return entries.signatures(s.conn, table, entry_id)


def _due_dict(d: Any) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "due_at": show(d.due_at),
        "case_no": d.case_no,
        "code": d.medium_code,
        "what": d.what,
        "ref": d.ref,
        "late": d.late,
        "soon": d.extra.get("soon") == "1",
    }


def _actions(s: Session, it: Mapping[str, Any], z: Mapping[str, Any]) -> list[str]:
    """What may be done next with the item, for the signed-in person's role."""
    st = ItemStatus(it["status"])
    out = []
    roles = s.person.roles
    reqs = [q for q in repo.requests_of(s.conn, int(z["id"])) if int(it["id"]) in q["items"]]

    def approved(kind: RequestKind) -> bool:
        return any(
            q["kind"] == kind.value
            and q["decision"] == "approved"
            and not repo.request_used(s.conn, int(q["id"]), kind.value)
            for q in reqs
        )

    if allowed(roles, Action.SEIZED_SEAL) and st == ItemStatus.SEIZED:
        out.append("seal")
    if allowed(roles, Action.SEIZED_KEEP):
        if st == ItemStatus.SEALED:
            out.append("receive")
        if st == ItemStatus.IN_SAFEKEEPING and approved(RequestKind.UNSEAL):
            out.append("unseal")
        if st == ItemStatus.UNSEALED:
            out.append("reseal")
        if st == ItemStatus.IN_SAFEKEEPING and approved(RequestKind.TRANSFER):
            out.append("transfer_out")
        if st == ItemStatus.OUT:
            out.append("transfer_in")
        if st in (ItemStatus.IN_SAFEKEEPING, ItemStatus.SEALED) and approved(RequestKind.RELEASE):
            out.append("release")
    if allowed(roles, Action.SEIZED_REQUEST) and st == ItemStatus.IN_SAFEKEEPING:
        out += ["request_unseal", "request_transfer", "request_extension", "find_unrelated"]
    return out


def lookup(s: Session, code: str) -> dict[str, Any]:
    """One seized item for the counter (see the module docstring). Scoped and logged."""
    s.require(Action.VIEW_MEDIA)
    it, z, case = _item(s, code)
    visibility.check_case(s, case, "see its seized items")
    with s.db.reading():
        seizure = _seizure_view(s, z)
        out = _item_view(it) | {
            "case_no": case.case_no,
            "case_name": case.name,
            "seizure": seizure,
            "sealing": seizure["sealing"],
            "receipt": seizure["receipt"],
            "seals": [_shown(e, "at") for e in repo.seal_events(s.conn, int(it["id"]))],
            "requests": [q for q in seizure["requests"] if int(it["id"]) in q["items"]],
            "due": seizure["due"],
            "incidents": [n for n in seizure["incidents"] if n["item_id"] in (None, int(it["id"]))],
            "history": [_shown(h, "at") for h in repo.history(s.conn, int(it["id"]))],
            "actions": _actions(s, it, z),
        }
        op = repo.transfer_out_open(s.conn, int(it["id"]))
        out["open_transfer"] = None if op is None else _shown(op, "at")
    reads.record(s, "seized", [case.id], code=it["code"])
    return out


def show_seizure(s: Session, seizure_id: int) -> dict[str, Any]:
    """One seizure's inventory and record (see the module docstring). Scoped and logged."""
    s.require(Action.VIEW_MEDIA)
    z, case = _seizure(s, seizure_id)
    visibility.check_case(s, case, "see its seized items")
    with s.db.reading():
        out = _seizure_view(s, z)
    reads.record(s, "seized", [case.id], seizure=int(z["id"]))
    return out


def listing(
    s: Session, status: str | None = None, case_no: str | None = None
) -> list[dict[str, Any]]:
    """The seized items the person may see (Art. 21, 267), optionally of one status or case."""
    s.require(Action.VIEW_MEDIA)
    if status is not None and status not in {x.value for x in ItemStatus}:
        raise RuleViolation(
            "bad_status",
            f"{status!r} is not a seized item's status: " + ", ".join(x.value for x in ItemStatus),
        )
    rows = visibility.only_visible(s, repo.items(s.conn))
    if status:
        rows = [r for r in rows if r["status"] == status]
    if case_no:
        rows = [r for r in rows if r["case_no"] == case_no.strip()]
    out = [
        _item_view(r)
        | {
            "case_no": r["case_no"],
            "seizure_id": r["seizure_id"],
            "seized_at": show(r["seized_at"]),
            "cause": r["cause"],
        }
        for r in rows
    ]
    reads.record_case_nos(
        s, "seized_list", {r["case_no"] for r in out}, status=status, case_no=case_no
    )
    return out


# ------------------------------------------------------------------ safekeeping (Art. 130)
@rerun_if_changed
def receive(
    s: Session,
    seizure_id: int,
    scanned: Sequence[str],
    investigator: Credential,
    keeper: Credential,
    location: str,
    late_reason: str | None = None,
) -> int:
    """Art. 130: the seizure's sealed items handed to safekeeping, each scanned; the
    investigator handing over and the keeper sign. After 30 days: ``late_reason`` and the
    head is told."""
    me = s.require(Action.SEIZED_KEEP)
    z, case = _seizure(s, seizure_id)
    if repo.receipt(s.conn, int(z["id"])) is not None:
        raise RuleViolation(
            "already_received", f"seizure #{z['id']} is in safekeeping already", "Art. 130"
        )
    its = [i for i in repo.items_of(s.conn, int(z["id"])) if i["status"] != "released"]
    for i in its:
        law.next_item_status(i["status"], SeizedAct.RECEIVE, i["code"])
    law.check_scans_exact([i["code"] for i in its], _codes(s, scanned), "receipt")
    where = rules.require_text(location, "storage location", "Art. 130 (supervision)", 100)
    seized_at = from_db(z["seized_at"])
    deadline = law.safekeeping_deadline(seized_at)
    late = law.check_late("handover to safekeeping", deadline, s.now(), late_reason, "Art. 130")
    head = _head(s, case) if late else None
    k = _keeper(s, keeper, case)
    inv = _investigator(s, investigator, case, "handover to safekeeping")
    with s.change("seized_receive", seizure=int(z["id"]), location=where) as ch:
        rid = ch.touch(
            "seized_receipts",
            repo.insert(
                ch.conn,
                "seized_receipts",
                seizure_id=int(z["id"]),
                location=where,
                investigator_id=inv.person.id,
                keeper_id=k.person.id,
                late_reason=late,
                at=ch.at,
            ),
        )
        ch.sign("seized_receipts", rid, (inv, Capacity.INVESTIGATOR), (k, Capacity.KEEPER))
        for i in its:
            _set_status(ch, int(i["id"]), ItemStatus.IN_SAFEKEEPING, location=where)
        if head is not None:
            _mark_late(
                ch,
                law.SeizedLate(law.SeizedLateKind.SAFEKEEPING, int(z["id"]), 0, deadline),
                me.id,
                head.id,
            )
    return rid


def _investigator(s: Session, cred: Credential, case: Case, what: str) -> Signer:
    """One investigator (a handler of the case's department) who signs with the keeper."""
    x = s.signer(cred)
    law.check_investigator(x.person, case, what)
    return x


# ------------------------------------------------------------------ requests and decisions
def _request_items(
    s: Session, codes_: Sequence[str], allowed_status: Sequence[ItemStatus], what: str
) -> tuple[list[dict[str, Any]], dict[str, Any], Case]:
    cs = _codes(s, codes_)
    if not cs:
        raise RuleViolation("no_items", f"name the items for the {what}", field="items")
    if len(set(cs)) != len(cs):
        raise RuleViolation("repeated_item", f"an item is named twice in the {what}")
    found = [_item(s, c) for c in cs]
    zs = {int(z["id"]) for _, z, _ in found}
    if len(zs) != 1:
        raise RuleViolation(
            "items_of_several_seizures",
            f"the {what} is for items of one seizure (one inventory) at a time",
        )
    for it, _, _ in found:
        if it["status"] not in {x.value for x in allowed_status}:
            raise RuleViolation(
                "wrong_state",
                f"{it['code']} is {it['status']}: the {what} is for items "
                + " or ".join(x.value for x in allowed_status),
            )
    return [f[0] for f in found], found[0][1], found[0][2]


def _open_request(s: Session, seizure_id: int, kind: RequestKind, item_ids: set[int]) -> None:
    for q in repo.requests_of(s.conn, seizure_id):
        if q["kind"] != kind.value or q["decision"] == "refused":
            continue
        if q["decision"] == "approved" and (
            kind == RequestKind.EXTENSION or repo.request_used(s.conn, int(q["id"]), kind.value)
        ):
            continue
        if kind == RequestKind.EXTENSION or item_ids & set(q["items"]):
            raise RuleViolation(
                "request_open",
                f"request #{q['id']} ({kind.value}) is open for these items already",
            )


@rerun_if_changed
def _insert_request(
    s: Session,
    kind: RequestKind,
    z: Mapping[str, Any],
    case: Case,
    item_ids: Sequence[int],
    reason: str,
    days: int | None = None,
) -> int:
    me = s.person
    head = _head(s, case)
    with s.change(
        "seized_request", kind=kind.value, seizure=int(z["id"]), items=list(item_ids)
    ) as ch:
        qid = ch.touch(
            "seized_requests",
            repo.insert(
                ch.conn,
                "seized_requests",
                kind=kind.value,
                seizure_id=int(z["id"]),
                items=json.dumps(list(item_ids)),
                reason=reason,
                days=days,
                requested_by=me.id,
                requested_at=ch.at,
                approver_id=head.id,
            ),
        )
        ch.details.update(request=qid, approver=head.badge)
    return qid


@rerun_if_changed
def request_unseal(s: Session, code: str, reason: str) -> int:
    """Art. 129: ask the head of the case's department to approve opening an item in
    safekeeping, for a reason."""
    me = s.require(Action.SEIZED_REQUEST)
    its, z, case = _request_items(s, [code], [ItemStatus.IN_SAFEKEEPING], "unsealing")
    _check_handler(me, case, "ask to unseal its seized items")
    why = rules.require_text(reason, "reason for unsealing", "Art. 129 (supervision)", 300)
    _open_request(s, int(z["id"]), RequestKind.UNSEAL, {int(its[0]["id"])})
    return _insert_request(s, RequestKind.UNSEAL, z, case, [int(its[0]["id"])], why)


@rerun_if_changed
def request_transfer(s: Session, codes: Sequence[str], reason: str) -> int:
    """Art. 131: ask to take items in safekeeping out for the case's work."""
    me = s.require(Action.SEIZED_REQUEST)
    its, z, case = _request_items(s, codes, [ItemStatus.IN_SAFEKEEPING], "temporary transfer")
    _check_handler(me, case, "ask to take its seized items out")
    why = rules.require_text(reason, "purpose of the transfer", "Art. 131 (supervision)", 300)
    ids = [int(i["id"]) for i in its]
    _open_request(s, int(z["id"]), RequestKind.TRANSFER, set(ids))
    return _insert_request(s, RequestKind.TRANSFER, z, case, ids, why)


@rerun_if_changed
def request_extension(s: Session, seizure_id: int, days: int, reason: str) -> int:
    """Art. 133: ask, before the period expires, to extend a seizure's sealing period."""
    me = s.require(Action.SEIZED_REQUEST)
    z, case = _seizure(s, seizure_id)
    _check_handler(me, case, "ask to extend its sealing period")
    why = rules.require_text(reason, "special reason for the extension", "Art. 133", 300)
    clock = _clock(s, z)
    if not clock.held:
        raise RuleViolation(
            "nothing_held", f"every item of seizure #{z['id']} is released", "Art. 133"
        )
    law.check_extension(s.now(), clock.end()[1], days)
    _open_request(s, int(z["id"]), RequestKind.EXTENSION, set())
    held = [int(i["id"]) for i in repo.items_of(s.conn, int(z["id"])) if i["status"] != "released"]
    return _insert_request(s, RequestKind.EXTENSION, z, case, held, why, days)


@rerun_if_changed
def find_unrelated(s: Session, codes: Sequence[str], finding: str) -> int:
    """Art. 124, 134: the check found items unrelated to the case; the finding is the request
    to release them (the head approves), due three days after it."""
    me = s.require(Action.SEIZED_REQUEST)
    its, z, case = _request_items(
        s, codes, [ItemStatus.SEALED, ItemStatus.IN_SAFEKEEPING], "release"
    )
    _check_handler(me, case, "find its seized items unrelated")
    why = rules.require_text(
        finding, "what shows the items unrelated to the case", "Art. 134 (supervision)", 500
    )
    ids = [int(i["id"]) for i in its]
    _open_request(s, int(z["id"]), RequestKind.RELEASE, set(ids))
    return _insert_request(s, RequestKind.RELEASE, z, case, ids, why)


@rerun_if_changed
def decide(s: Session, request_id: int, head: Credential, approve: bool, note: str = "") -> int:
    """The head of the case's department decides a request, signing in his own session. An
    extension is approved only before the period expires (Art. 133); it sets the new end."""
    me = s.require(Action.DECIDE_APPROVAL)
    q = repo.request(s.conn, int(request_id))
    if q is None:
        raise RuleViolation("unknown_request", f"no request #{request_id} for seized items")
    if q["decision"] is not None:
        raise RuleViolation("already_decided", f"request #{request_id} was already {q['decision']}")
    z, case = _seizure(s, int(q["seizure_id"]))
    h = _head_signer(s, head, me)
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None:
        raise RuleViolation("no_head", f"case {case.case_no} has no department")
    rules.check_approver_is_head(h.person, case, dept)
    new_end = None
    if approve and q["kind"] == RequestKind.EXTENSION.value:
        new_end = law.check_extension(s.now(), _clock(s, z).end()[1], int(q["days"]))
    decision = "approved" if approve else "refused"
    with s.change("seized_decide", request=int(request_id), decision=decision) as ch:
        did = ch.touch(
            "seized_decisions",
            repo.insert(
                ch.conn,
                "seized_decisions",
                request_id=int(request_id),
                decision=decision,
                decided_by=me.id,
                new_expiry=None if new_end is None else to_db(new_end),
                note=(note or "").strip()[:300],
                at=ch.at,
            ),
        )
        ch.sign("seized_decisions", did, (h, Capacity.APPROVER))
    return did


def _approved(s: Session, request_id: int, kind: RequestKind) -> dict[str, Any]:
    q = repo.request(s.conn, int(request_id))
    if q is None or q["kind"] != kind.value:
        raise RuleViolation(
            "unknown_request", f"no {kind.value} request #{request_id} for seized items"
        )
    if q["decision"] != "approved":
        raise RuleViolation(
            "not_approved",
            f"request #{request_id} is {q['decision'] or 'still waiting for the head'}",
            _ARTICLE_OF[kind],
        )
    if repo.request_used(s.conn, int(request_id), kind.value):
        raise RuleViolation(
            "approval_used", f"request #{request_id} was already used", _ARTICLE_OF[kind]
        )
    return q


_ARTICLE_OF = {
    RequestKind.UNSEAL: "Art. 129 (supervision)",
    RequestKind.TRANSFER: "Art. 131 (supervision)",
    RequestKind.EXTENSION: "Art. 133 (supervision)",
    RequestKind.RELEASE: "Art. 124, 134 (supervision)",
}


# ------------------------------------------------------------------ unsealing (Art. 129)
@rerun_if_changed
def unseal(
    s: Session,
    code: str,
    request_id: int,
    investigators: Sequence[Credential],
    note: str = "",
) -> int:
    """Art. 129: an item in safekeeping opened under its approved request by two or more
    investigators together, who sign with the time."""
    s.require(Action.SEIZED_KEEP)
    it, z, case = _item(s, code)
    q = _approved(s, request_id, RequestKind.UNSEAL)
    if int(it["id"]) not in q["items"]:
        raise RuleViolation(
            "no_approval", f"request #{request_id} is not for {it['code']}", "Art. 129"
        )
    law.next_item_status(it["status"], SeizedAct.UNSEAL, it["code"])
    signers = _investigators(s, investigators, case, "unsealing")
    with s.change("seized_unseal", code=it["code"], request=int(request_id)) as ch:
        eid = ch.touch(
            "seized_seal_events",
            repo.insert(
                ch.conn,
                "seized_seal_events",
                item_id=int(it["id"]),
                kind="unseal",
                seal_no=it["seal_no"],
                request_id=int(request_id),
                signers=len(signers),
                note=(note or "").strip()[:300],
                at=ch.at,
                by_id=s.person.id,
            ),
        )
        ch.sign("seized_seal_events", eid, *[(x, Capacity.INVESTIGATOR) for x in signers])
        _set_status(ch, int(it["id"]), ItemStatus.UNSEALED)
    return eid


@rerun_if_changed
def reseal(
    s: Session,
    code: str,
    new_seal_no: str,
    investigators: Sequence[Credential],
    note: str = "",
) -> int:
    """Art. 129: sealed again with a new seal; two or more investigators sign the seal and
    the time is written."""
    s.require(Action.SEIZED_KEEP)
    it, z, case = _item(s, code)
    law.next_item_status(it["status"], SeizedAct.RESEAL, it["code"])
    seal_no = rules.check_new_seal(
        new_seal_no, repo.used_seal_nos(s.conn, (new_seal_no or "").strip())
    )
    signers = _investigators(s, investigators, case, "resealing")
    with s.change("seized_reseal", code=it["code"], seal_no=seal_no) as ch:
        eid = ch.touch(
            "seized_seal_events",
            repo.insert(
                ch.conn,
                "seized_seal_events",
                item_id=int(it["id"]),
                kind="reseal",
                seal_no=seal_no,
                signers=len(signers),
                note=(note or "").strip()[:300],
                at=ch.at,
                by_id=s.person.id,
            ),
        )
        ch.sign("seized_seal_events", eid, *[(x, Capacity.INVESTIGATOR) for x in signers])
        _set_status(ch, int(it["id"]), ItemStatus.IN_SAFEKEEPING, seal_no=seal_no)
    return eid


# ------------------------------------------------------------------ transfers (Art. 131)
@rerun_if_changed
def transfer_out(
    s: Session,
    request_id: int,
    scanned: Sequence[str],
    investigator: Credential,
    keeper: Credential,
    recording_id: int | None,
    note: str = "",
) -> int:
    """Art. 131: the items of an approved transfer request go out for the case's work; the
    investigator and the keeper check the inventory in person, each item scanned (exactly the
    request's items), the handover recorded on video; both sign."""
    s.require(Action.SEIZED_KEEP)
    q = _approved(s, request_id, RequestKind.TRANSFER)
    z, case = _seizure(s, int(q["seizure_id"]))
    its = [repo.item(s.conn, i) for i in q["items"]]
    items = [i for i in its if i is not None]
    for i in items:
        law.next_item_status(i["status"], SeizedAct.TRANSFER_OUT, i["code"])
    law.check_scans_exact([i["code"] for i in items], _codes(s, scanned), "transfer out")
    rec = _recording(s, recording_id, case, "handover")
    k = _keeper(s, keeper, case)
    inv = _investigator(s, investigator, case, "transfer")
    with s.change("seized_transfer_out", request=int(request_id), items=len(items)) as ch:
        tid = ch.touch(
            "seized_transfers",
            repo.insert(
                ch.conn,
                "seized_transfers",
                request_id=int(request_id),
                direction="out",
                recording_id=rec,
                investigator_id=inv.person.id,
                keeper_id=k.person.id,
                note=(note or "").strip()[:300],
                at=ch.at,
            ),
        )
        ch.sign("seized_transfers", tid, (inv, Capacity.INVESTIGATOR), (k, Capacity.KEEPER))
        for i in items:
            ch.touch(
                "seized_transfer_items",
                repo.insert(
                    ch.conn,
                    "seized_transfer_items",
                    transfer_id=tid,
                    item_id=int(i["id"]),
                    condition="intact",
                ),
            )
            _set_status(ch, int(i["id"]), ItemStatus.OUT)
        ch.details.update(transfer=tid)
    return tid


@rerun_if_changed
def transfer_in(
    s: Session,
    transfer_id: int,
    scanned: Sequence[str],
    investigator: Credential,
    keeper: Credential,
    recording_id: int | None,
    damaged: Mapping[str, str] | None = None,
    note: str = "",
) -> dict[str, Any]:
    """Art. 131: the items of a transfer out come back, checked item by item: a code not of
    that transfer is refused; an item not scanned is recorded missing and ``damaged`` ({code:
    what was found}) damaged, each reported to the head of the case's department; the
    handover recorded on video; the investigator and the keeper sign."""
    me = s.require(Action.SEIZED_KEEP)
    t = repo.transfer(s.conn, int(transfer_id)) if str(transfer_id).isdigit() else None
    if t is None or t["direction"] != "out":
        raise RuleViolation("unknown_transfer", f"no transfer out #{transfer_id}", "Art. 131")
    if s.conn.execute(
        "SELECT 1 FROM seized_transfers WHERE out_id=?", (int(transfer_id),)
    ).fetchone():
        raise RuleViolation(
            "already_returned", f"transfer #{transfer_id} came back already", "Art. 131"
        )
    q = repo.request(s.conn, int(t["request_id"]))
    assert q is not None
    z, case = _seizure(s, int(q["seizure_id"]))
    out_items = repo.transfer_items(s.conn, int(transfer_id))
    expected = [str(i["code"]) for i in out_items]
    got = _codes(s, scanned)
    chk = law.compare_scans(expected, got)
    if chk.unexpected or chk.repeated:
        raise RuleViolation(
            "inventory_mismatch",
            f"the return does not match transfer #{transfer_id}: {chk.text()}",
            "Art. 131 (supervision)",
            field="scanned codes",
        )
    bad = {parse_code(c).text: (w or "").strip() for c, w in dict(damaged or {}).items()}
    for c, what in bad.items():
        if c not in got:
            raise RuleViolation(
                "damaged_not_scanned",
                f"{c} is recorded damaged but was not scanned back",
                "Art. 131",
            )
        if not what:
            raise RuleViolation(
                "missing_field", f"say what is damaged on {c}", "Art. 131", "damage"
            )
    if chk.missing and not (note or "").strip():
        raise RuleViolation(
            "missing_field",
            f"items not brought back ({', '.join(chk.missing)}): say what happened in the note",
            "Art. 131 (supervision)",
            field="note",
        )
    rec = _recording(s, recording_id, case, "handover")
    k = _keeper(s, keeper, case)
    inv = _investigator(s, investigator, case, "transfer")
    head = _head(s, case) if (chk.missing or bad) else None
    incidents: list[int] = []
    with s.change(
        "seized_transfer_in",
        transfer=int(transfer_id),
        missing=list(chk.missing),
        damaged=sorted(bad),
    ) as ch:
        bid = ch.touch(
            "seized_transfers",
            repo.insert(
                ch.conn,
                "seized_transfers",
                request_id=int(t["request_id"]),
                direction="in",
                out_id=int(transfer_id),
                recording_id=rec,
                investigator_id=inv.person.id,
                keeper_id=k.person.id,
                note=(note or "").strip()[:500],
                at=ch.at,
            ),
        )
        ch.sign("seized_transfers", bid, (inv, Capacity.INVESTIGATOR), (k, Capacity.KEEPER))
        for i in out_items:
            c = str(i["code"])
            cond = "missing" if c in chk.missing else "damaged" if c in bad else "intact"
            ch.touch(
                "seized_transfer_items",
                repo.insert(
                    ch.conn,
                    "seized_transfer_items",
                    transfer_id=bid,
                    item_id=int(i["item_id"]),
                    condition=cond,
                    note=bad.get(c, ""),
                ),
            )
            _set_status(
                ch,
                int(i["item_id"]),
                ItemStatus.MISSING if cond == "missing" else ItemStatus.IN_SAFEKEEPING,
            )
            if cond != "intact" and head is not None:
                what = bad.get(c) or (note or "").strip()
                incidents.append(
                    ch.touch(
                        "seized_incidents",
                        repo.insert(
                            ch.conn,
                            "seized_incidents",
                            kind=cond,
                            seizure_id=int(z["id"]),
                            item_id=int(i["item_id"]),
                            description=f"{c} 临时调用归还时"
                            + ("缺失：" if cond == "missing" else "损坏：")
                            + what,
                            at=ch.at,
                            reported_by=me.id,
                            reported_to=head.id,
                        ),
                    )
                )
        if incidents and head is not None:
            ch.details.update(incidents=incidents, reported_to=head.badge)
    return {
        "transfer_id": bid,
        "missing": list(chk.missing),
        "damaged": sorted(bad),
        "incidents": incidents,
    }


# ------------------------------------------------------------------ release (Art. 124, 134)
@rerun_if_changed
def release(
    s: Session,
    request_id: int,
    scanned: Sequence[str],
    investigator: Credential,
    keeper: Credential,
    recipient: str,
    possessor_signature: str,
    possessor_note: str = "",
    late_reason: str | None = None,
) -> int:
    """Art. 124, 134: the items of an approved release request (the finding that they are
    unrelated) are given back, each scanned; the possessor signs the release inventory or the
    refusal is noted; investigator and keeper sign. More than three days after the finding:
    ``late_reason`` and the head is told."""
    me = s.require(Action.SEIZED_KEEP)
    q = _approved(s, request_id, RequestKind.RELEASE)
    z, case = _seizure(s, int(q["seizure_id"]))
    items = [i for i in (repo.item(s.conn, x) for x in q["items"]) if i is not None]
    for i in items:
        law.next_item_status(i["status"], SeizedAct.RELEASE, i["code"])
    law.check_scans_exact([i["code"] for i in items], _codes(s, scanned), "release")
    to = rules.require_text(recipient, "who receives the items", "Art. 134 (supervision)", 200)
    sig, pnote = law.check_possessor(possessor_signature, possessor_note)
    deadline = law.release_deadline(from_db(q["requested_at"]))
    late = law.check_late("release", deadline, s.now(), late_reason, "Art. 134 (supervision)")
    head = _head(s, case) if late else None
    k = _keeper(s, keeper, case)
    inv = _investigator(s, investigator, case, "release")
    with s.change("seized_release", request=int(request_id), items=len(items)) as ch:
        xid = ch.touch(
            "seized_releases",
            repo.insert(
                ch.conn,
                "seized_releases",
                request_id=int(request_id),
                recipient=to,
                possessor_signature=sig,
                possessor_note=pnote,
                investigator_id=inv.person.id,
                keeper_id=k.person.id,
                late_reason=late,
                at=ch.at,
            ),
        )
        ch.sign("seized_releases", xid, (inv, Capacity.INVESTIGATOR), (k, Capacity.KEEPER))
        for i in items:
            _set_status(ch, int(i["id"]), ItemStatus.RELEASED)
        if head is not None:
            _mark_late(
                ch,
                law.SeizedLate(law.SeizedLateKind.RELEASE, int(z["id"]), int(request_id), deadline),
                me.id,
                head.id,
            )
    return xid


# ------------------------------------------------------------------ the heads
@rerun_if_changed
def acknowledge(s: Session, incident_id: int, head: Credential, note: str = "") -> int:
    """The head an incident of seized media was reported to acknowledges it, signing."""
    me = s.require(Action.ACK_INCIDENT)
    n = repo.incident(s.conn, int(incident_id)) if str(incident_id).isdigit() else None
    if n is None:
        raise RuleViolation("unknown_incident", f"no incident #{incident_id} of seized media")
    h = _head_signer(s, head, me)
    rules.check_acknowledgement(
        f"incident #{incident_id}", n["ack_id"] is not None, int(n["reported_to"]), me
    )
    with s.change("seized_ack", incident=int(incident_id)) as ch:
        aid = ch.touch(
            "seized_incident_acks",
            repo.insert(
                ch.conn,
                "seized_incident_acks",
                incident_id=int(incident_id),
                by_id=me.id,
                note=(note or "").strip()[:300],
                at=ch.at,
            ),
        )
        ch.sign("seized_incident_acks", aid, (h, Capacity.DEPT_HEAD))
    return aid


@rerun_if_changed
def inspect(s: Session, head: Credential, findings: str, items_checked: int | None = None) -> int:
    """Art. 261: a department head's periodic inspection of the register of his
    department's seized media, recorded with what was found and signed."""
    me = s.require(Action.SEIZED_INSPECT)
    h = _head_signer(s, head, me)
    dept = access.head_department(me)
    if dept is None:
        raise RuleViolation(
            "no_department", f"{me.name} heads no department", "Art. 261 (supervision)"
        )
    count = (
        len(visibility.only_visible(s, repo.items(s.conn)))
        if items_checked is None
        else items_checked
    )
    text = law.check_inspection(findings, count)
    with s.change("seized_inspect", department=dept, items=count) as ch:
        iid = ch.touch(
            "seized_inspections",
            repo.insert(
                ch.conn,
                "seized_inspections",
                department_id=dept,
                items_checked=count,
                findings=text,
                at=ch.at,
                by_id=me.id,
            ),
        )
        ch.sign("seized_inspections", iid, (h, Capacity.DEPT_HEAD))
    return iid


def inspections(s: Session) -> list[dict[str, Any]]:
    """The inspections of the register (Art. 261): a head sees his department's."""
    me = s.require(Action.VIEW_REGISTER)
    dept = None if access.sees_all_cases(me) else access.head_department(me)
    if dept is None and not access.sees_all_cases(me):
        return []
    return [_shown(r, "at") for r in repo.inspections(s.conn, dept)]


# ------------------------------------------------------------------ deadlines and the sweep
def _clocks(s: Session) -> list[law.SeizureClock]:
    visible = visibility.visible_case_ids(s)
    return [
        _clock(s, z)
        for z in repo.seizures(s.conn)
        if visible is None or int(z["case_id"]) in visible
    ]


def due_items(s: Session) -> list[Any]:
    """The due items (domain ``Due``) of the seized media the person may see, unlogged:
    for lookup.due, which logs its reading."""
    s.require(Action.VIEW_DUE)
    with s.db.reading():
        return law.due_items(s.now(), _clocks(s))


def due(s: Session) -> list[dict[str, Any]]:
    """What is due and late for seized media (Art. 130, 133, 134), most urgent first."""
    items = due_items(s)
    out = [_due_dict(d) for d in items]
    reads.record_case_nos(s, "due", (d["case_no"] for d in out))
    return out


def sweep(s: Session) -> list[int]:
    """Art. 130, 133, 134: each lateness of seized media found now marked once and reported
    to the head of the case's department (the incidents raised). A head sweeps his
    department's; an expired period without extension becomes an incident."""
    s.require(Action.SWEEP_LATE)
    out = []
    for late in law.new_lateness(s.now(), _clocks(s), repo.late_marks_made(s.conn)):
        iid = _mark_one(s, late)
        if iid is not None:
            out.append(iid)
    return out


@rerun_if_changed
def _mark_one(s: Session, late: law.SeizedLate) -> int | None:
    s.require(Action.SWEEP_LATE)
    if repo.late_mark(s.conn, late.kind.value, late.seizure_id, late.ref) is not None:
        return None
    _, case = _seizure(s, late.seizure_id)
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None or dept.head_id is None:
        return None
    with s.change(
        "seized_late", kind=late.kind.value, seizure=late.seizure_id, due=to_db(late.due_at)
    ) as ch:
        return _mark_late(ch, late, s.person.id, dept.head_id)


def inbox(s: Session) -> dict[str, list[dict[str, Any]]]:
    """A head's seized-media inbox: incidents reported to him not yet acknowledged, and the
    requests waiting for his decision."""
    me = s.require(Action.VIEW_INBOX)
    with s.db.reading():
        inc = [
            _shown(n, "at") for n in repo.incidents(s.conn, reported_to=me.id, unacknowledged=True)
        ]
        reqs = [_shown(q, "requested_at") for q in repo.pending_requests(s.conn, me.id)]
    reads.record_case_nos(s, "inbox", {r["case_no"] for r in [*inc, *reqs]})
    return {"incidents": inc, "requests": reqs}


def release_record(s: Session, request_id: int) -> dict[str, Any]:
    """A release (Art. 134) for its notice and the release inventory: the request (the
    finding) and its decision, the seizure's inventory head, the items released, the release
    entry with its signatures (None while not released yet). Scoped and logged."""
    s.require(Action.VIEW_MEDIA)
    q = repo.request(s.conn, int(request_id)) if str(request_id).isdigit() else None
    if q is None or q["kind"] != RequestKind.RELEASE.value:
        raise RuleViolation("unknown_request", f"no release request #{request_id}")
    z, case = _seizure(s, int(q["seizure_id"]))
    visibility.check_case(s, case, "see its seized items")
    with s.db.reading():
        x = repo.release(s.conn, int(request_id))
        out = {
            "request": _shown(q, "requested_at", "decided_at"),
            "due_at": show(law.release_deadline(from_db(q["requested_at"]))),
            "seizure": _seizure_view(s, z),
            "items": [
                _item_view(i) for i in (repo.item(s.conn, n) for n in q["items"]) if i is not None
            ],
            "release": None
            if x is None
            else _shown(x, "at")
            | {
                "signatures": [
                    _shown(g, "signed_at") for g in _signatures(s, "seized_releases", int(x["id"]))
                ]
            },
        }
    reads.record(s, "seized", [case.id], release=int(request_id))
    return out


__all__ = [
    "Inventory",
    "acknowledge",
    "decide",
    "due",
    "due_items",
    "find_unrelated",
    "inbox",
    "inspect",
    "inspections",
    "intake",
    "listing",
    "lookup",
    "parse_inventory",
    "receive",
    "release",
    "release_record",
    "request_extension",
    "request_transfer",
    "request_unseal",
    "reseal",
    "seal",
    "show_seizure",
    "sweep",
    "transfer_in",
    "transfer_out",
    "unseal",
]
