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
      possessor, witnesses, notice_no, note; ``items``: kind 'original'|'extracted',
      media_type (:data:`~keeper_app.domain.seized.MEDIA_TYPES`), content, specification,
      capacity, file_formats, copies, copy_length; extracted: not_seized_reason,
      original_location, data_source). Each item gets its code, status ``seized``. Done by a
      handler of the case (Action.SEIZED_INTAKE).
  ``seal(s, seizure_id, seals, investigators, sealed_at, recording_id, possessor_signature,
      possessor_note="", late_reason=None) -> sealing id``: Art. 126-130 — every item of the
      seizure gets its seal number (``seals``: {code: seal no}); two or more investigators
      sign with the time written on the seals (``sealed_at``); the possessor 'signed',
      'refused' or was 'absent' (then ``possessor_note`` says what happened); the sealing's
      recording (registered with ``intake.register_recording``, same case) is linked. This
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
      ``requests``, ``due``, ``history``, ``incidents``, ``actions`` (what may be done next).
  ``show_seizure(s, seizure_id) -> dict``: one seizure with items, sealing, receipt, requests,
      transfers, releases, extensions, period end, due, incidents (what printing needs).
  ``release_record(s, request_id) -> dict``: a release with its seizure and items (the notice
      and the release inventory).
  ``listing(s, status=None, case_no=None) -> list[dict]``: the items with case and status.
  ``due(s) -> list[dict]``: the due-board rows of seized media (lookup.due includes them).
  ``inbox(s) -> {"incidents", "requests"}``: a head's seized-media incidents and requests.
  ``inspections(s) -> list[dict]``: the inspections recorded (a head: his department's).
  ``sweep(s) -> list[int]``: Art. 130, 133, 134 — each lateness marked once and reported to
      the head (incident ids); ``lateness.sweep`` runs it too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain import codes as code_rules
from ..domain import rules
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
    "notice_no": …, "note": …, "items": [{"kind": "original"|"extracted", "media_type": …,
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
                period_days=law.PERIOD_DAYS,
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
    if allowed(roles, Action.SEIZED_SEAL) and st == ItemStatus.SEIZED:
        out.append("seal")
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


__all__ = [
    "Inventory",
    "intake",
    "listing",
    "lookup",
    "parse_inventory",
    "seal",
    "show_seizure",
]
