"""Leaving custody: court and procuratorate transfers (Art. 19), concluding a case and
handing its media to the archives department (Art. 16)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from ..domain import court, rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, next_status
from ..domain.model import Capacity, Case, CaseStatus, MediumStatus, RequestingOrg
from ..store import cases as cases_repo
from ..store import court as court_repo
from ..store import entries
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db
from . import reads, visibility
from .custody import medium_and_case
from .intake import case_by_no
from .session import Credential, Session, parse_code, rerun_if_changed


@rerun_if_changed
def register_court_request(
    s: Session,
    case_no: str,
    org_kind: str,
    org_name: str,
    document_no: str,
    requested_at: datetime,
    recordings: Sequence[int] = (),
    discs: Sequence[str] = (),
    whole_case: bool = False,
) -> int:
    """Art. 19 para 2: a court or procuratorate asks for recordings or discs of the case (or
    all its interrogation recordings, listed now); the 3-day limit runs from
    ``requested_at``. The request stays open until each item is transferred or closed with
    a reason (issue 14, point 3)."""
    me = s.require(Action.REGISTER_COURT_REQUEST)
    case = case_by_no(s, case_no)
    visibility.check_case(s, case, "register requests for its recordings")
    dept = people_repo.department(s.conn, case.department_id)
    rules.check_court_request_registrar(me, case, None if dept is None else dept.head_id)
    try:
        kind = RequestingOrg(org_kind)
    except ValueError:
        raise RuleViolation(
            "bad_org", "the requesting body is a court or a procuratorate", "Art. 19"
        ) from None
    org_name = rules.require_text(org_name, "name of the court or procuratorate", "Art. 19")
    document_no = rules.require_text(document_no, "number of the request document", "Art. 19", 60)
    if requested_at > s.now():
        raise RuleViolation("bad_time", "the request time is in the future", "Art. 19")
    if case.status == CaseStatus.ARCHIVED:
        raise RuleViolation(
            "case_archived",
            f"case {case.case_no} is with the archives; the archives department serves the request",
            "Art. 16",
        )
    case_recs = cases_repo.recordings_of_case(s.conn, case.id)
    case_media = {r["code"]: int(r["id"]) for r in media_repo.of_case(s.conn, case.id)}
    disc_ids = []
    for text in discs:
        mc = parse_code(text)
        m = media_repo.by_code(s.conn, mc.text)
        if m is None:
            raise RuleViolation("unknown_medium", f"{mc.pretty} is not registered")
        if m.id not in case_media.values():
            raise RuleViolation(
                "item_not_of_case", f"{m.code} is not of case {case.case_no}", "Art. 19"
            )
        disc_ids.append(m.id)
    try:
        rec_ids = [int(r) for r in recordings]
    except (TypeError, ValueError):
        raise RuleViolation("unknown_recording", "a recording is named by its number") from None
    rec_items, medium_items = court.expand_request(
        rec_ids,
        disc_ids,
        whole_case,
        [int(r["id"]) for r in case_recs],
        case_media.values(),
        [int(r["id"]) for r in case_recs if r["kind"] == "interrogation"],
    )
    asked = set(rec_ids)
    from ..timeutil import to_db

    with s.change(
        "register_court_request",
        case_no=case.case_no,
        org=org_name,
        recordings=rec_items,
        media=sorted(c for c, i in case_media.items() if i in medium_items),
        whole_case=bool(whole_case),
    ) as ch:
        rid = ch.touch(
            "court_requests",
            entries.insert(
                ch.conn,
                "court_requests",
                case_id=case.id,
                org_kind=kind.value,
                org_name=org_name,
                document_no=document_no,
                requested_at=to_db(requested_at),
                registered_by=me.id,
                registered_at=ch.at,
            ),
        )
        for r in rec_items:
            ch.touch(
                "court_request_items",
                court_repo.insert(
                    ch.conn,
                    "court_request_items",
                    request_id=rid,
                    recording_id=r,
                    whole_case=int(bool(whole_case) and r not in asked),
                ),
            )
        for m_id in medium_items:
            ch.touch(
                "court_request_items",
                court_repo.insert(ch.conn, "court_request_items", request_id=rid, medium_id=m_id),
            )
    return rid


def _head_of(s: Session, case: Case) -> int | None:
    dept = people_repo.department(s.conn, case.department_id)
    return dept.head_id if dept else None


@rerun_if_changed
def court_transfer(
    s: Session, request_id: int, code: str, recipient: Credential, keeper: Credential
) -> int:
    """Art. 19 para 2: the duplicate disc goes to the court or procuratorate (hard-drive
    recordings are burned to disc first); the recipient and the keeper sign. The transfer
    ends the items the disc carries; past the three days the items are closed late and the
    request is marked late and reported to the head of the case's department (Art. 20)."""
    s.require(Action.COURT_TRANSFER)
    q = entries.court_request(s.conn, int(request_id))
    if q is None:
        raise RuleViolation("unknown_request", f"no court or procuratorate request #{request_id}")
    m, case = medium_and_case(s, code)
    if m.case_id != q["case_id"]:
        raise RuleViolation("wrong_case", f"{m.code} is not of the requested case", "Art. 19")
    r = s.signer(recipient)
    rules.check_court_transfer(m.copy_role, r.person)
    nxt = next_status(m.copy_role, m.status, Action.COURT_TRANSFER, code=m.code)
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    rules.check_two_signers([r.person.id, k.person.id], [r.person.name])
    items = court.item_rows(court_repo.items(s.conn, int(request_id)))
    closes: list[int] = []
    if items:
        pair_ids = [int(p["id"]) for p in media_repo.pair(s.conn, parse_code(m.code).body[:14])]
        rec_ids = [int(x["id"]) for x in media_repo.recordings_of(s.conn, m.id)]
        closes = court.items_closed_by(items, pair_ids or [m.id], rec_ids, m.code)
    # a request registered before schema 11 lists no items: its transfers go on as then
    now = s.now()
    late = court.is_late(from_db(q["requested_at"]), now)
    head = _head_of(s, case)
    with s.change(
        "court_transfer", request=int(request_id), code=m.code, items=closes, late=late
    ) as ch:
        tid = ch.touch(
            "court_transfers",
            entries.insert(
                ch.conn,
                "court_transfers",
                request_id=int(request_id),
                medium_id=m.id,
                recipient_id=r.person.id,
                keeper_id=k.person.id,
                at=ch.at,
            ),
        )
        ch.sign("court_transfers", tid, (r, Capacity.RECIPIENT), (k, Capacity.KEEPER))
        media_repo.set_status(ch.conn, m.id, nxt)
        ch.touch("media", m.id)
        for item_id in closes:
            ch.touch(
                "court_item_closures",
                court_repo.insert(
                    ch.conn,
                    "court_item_closures",
                    item_id=item_id,
                    transfer_id=tid,
                    late=int(late),
                    by_id=k.person.id,
                    at=ch.at,
                ),
            )
        if late and court_repo.late_mark(ch.conn, int(request_id)) is None:
            open_after = sum(1 for i in items if not i.closed and i.id not in closes)
            ch.touch(
                "court_late_marks",
                court_repo.insert(
                    ch.conn,
                    "court_late_marks",
                    request_id=int(request_id),
                    at=ch.at,
                    by_id=s.person.id,
                    reported_to=head,
                    open_items=open_after,
                ),
            )
    return tid


@rerun_if_changed
def close_court_item(s: Session, item_id: int, reason: str) -> int:
    """Art. 19-20: an item of a request that will not be transferred is closed with the
    reason (recorded once, by the keeper); the request closes with its last item."""
    me = s.require(Action.COURT_TRANSFER)
    row = court_repo.item(s.conn, int(item_id))
    items = court.item_rows([row]) if row else []
    text = court.check_item_reason(items[0] if items else None, int(item_id), reason)
    assert row is not None
    q = entries.court_request(s.conn, int(row["request_id"]))
    assert q is not None
    case = cases_repo.get(s.conn, int(q["case_id"]))
    visibility.check_case(s, case, "close items of its requests")
    rules.check_keeper_for_case(me, case)
    late = court.is_late(from_db(q["requested_at"]), s.now())
    with s.change("court_item_reason", request=int(q["id"]), item=int(item_id)) as ch:
        cid = ch.touch(
            "court_item_closures",
            court_repo.insert(
                ch.conn,
                "court_item_closures",
                item_id=int(item_id),
                reason=text,
                late=int(late),
                by_id=me.id,
                at=ch.at,
            ),
        )
    return cid


@rerun_if_changed
def acknowledge_court_late(s: Session, mark_id: int, head: Credential, note: str = "") -> int:
    """Art. 20 and issue 14: the head of the case's department receives the report that a
    court's or procuratorate's request went past its three days, and acknowledges it,
    signing (like an incident)."""
    me = s.require(Action.ACK_INCIDENT)
    k = court_repo.late_mark_by_id(s.conn, int(mark_id))
    if k is None:
        raise RuleViolation("unknown_incident", f"no late request report #{mark_id}")
    rules.check_acknowledgement(
        f"late request report #{mark_id}", k["ack_id"] is not None, k["reported_to"], me
    )
    h = s.signer(head)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    with s.change("ack_court_late", mark=int(mark_id), request=int(k["request_id"])) as ch:
        aid = ch.touch(
            "court_late_acks",
            court_repo.insert(
                ch.conn,
                "court_late_acks",
                mark_id=int(mark_id),
                by_id=me.id,
                at=ch.at,
                note=(note or "").strip(),
            ),
        )
        ch.sign("court_late_acks", aid, (h, Capacity.DEPT_HEAD))
    return aid


def sweep_late_requests(s: Session) -> list[int]:
    """Art. 20 and issue 14: every request still open past its three days is marked late
    once, at the moment Keeper first finds it (at start, on the due board, by ``keeper
    due``), and reported to the head of the case's department. Whoever may see what is due
    (keepers, heads, reviewers) makes the sweep (Art. 21: nobody else). Returns the
    requests marked now."""
    s.require(Action.VIEW_DUE)
    return _sweep(s)


@rerun_if_changed
def _sweep(s: Session) -> list[int]:
    now = s.now()
    from ..timeutil import to_db

    due = [
        r
        for r in court_repo.open_unmarked(s.conn, to_db(now - rules.COURT_LIMIT))
        if court.needs_late_mark(from_db(r["requested_at"]), now, True, False)
    ]
    if not due:
        return []
    ids = [int(r["id"]) for r in due]
    with s.change("court_late", requests=ids) as ch:
        for r in due:
            ch.touch(
                "court_late_marks",
                court_repo.insert(
                    ch.conn,
                    "court_late_marks",
                    request_id=int(r["id"]),
                    at=ch.at,
                    by_id=s.person.id,
                    reported_to=r["head_id"],
                    open_items=int(r["open_items"]),
                ),
            )
    return ids


@rerun_if_changed
def conclude_case(s: Session, case_no: str, note: str = "") -> int:
    """Art. 16 para 3: the investigation is concluded (by a handler of the case or the head
    of its department); its media may then go to the archives."""
    me = s.require(Action.CONCLUDE_CASE)
    case = case_by_no(s, case_no)
    dept = people_repo.department(s.conn, case.department_id)
    if me.id not in case.handler_ids and not (dept and dept.head_id == me.id):
        raise RuleViolation(
            "not_own_case",
            f"{me.name} neither handles case {case.case_no} nor heads its department",
            "Art. 21",
        )
    if case.status != CaseStatus.OPEN:
        raise RuleViolation("case_not_open", f"case {case.case_no} is {case.status.value}")
    court.check_conclusion(case.case_no, court_repo.awaiting_handover(s.conn, case.id))
    with s.change("conclude_case", case_no=case.case_no) as ch:
        cid = ch.touch(
            "case_conclusions",
            cases_repo.insert_conclusion(ch.conn, case.id, me.id, ch.at, (note or "").strip()),
        )
        cases_repo.set_status(ch.conn, case.id, CaseStatus.CONCLUDED, ch.at)
        ch.touch("cases", case.id)
    return cid


def archive_expected(s: Session, case_no: str) -> list[dict[str, str]]:
    """The media a keeper must scan for the archive handover, with their state."""
    s.require(Action.ARCHIVE_HANDOVER)
    case = case_by_no(s, case_no)
    rows = [
        {
            "code": r["code"],
            "copy_role": r["copy_role"],
            "status": r["status"],
            "location": r["location"],
        }
        for r in media_repo.of_case(s.conn, case.id)
    ]
    reads.record(s, "archive_expected", [case.id], case_no=case.case_no)
    return rows


@rerun_if_changed
def archive_handover(
    s: Session, case_no: str, scanned: Iterable[str], keeper: Credential, receiver: Credential
) -> int:
    """Art. 16 para 3: every disc still held for the concluded case is scanned and handed
    to the archives department; keeper and receiver sign."""
    s.require(Action.ARCHIVE_HANDOVER)
    case = case_by_no(s, case_no)
    codes_ = [parse_code(c).text for c in scanned]
    rows = media_repo.of_case(s.conn, case.id)
    to_archive = rules.check_archive(
        case, [(r["code"], MediumStatus(r["status"])) for r in rows], codes_
    )
    rcv = s.signer(receiver)
    rules.check_archives_receiver(
        rcv.person,
        people_repo.department(s.conn, rcv.person.department_id)
        if rcv.person.department_id
        else None,
    )
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    rules.check_two_signers([rcv.person.id, k.person.id], [rcv.person.name])
    by_code = {r["code"]: media_repo.to_medium(r) for r in rows}
    import json

    with s.change("archive_handover", case_no=case.case_no, media=to_archive) as ch:
        aid = ch.touch(
            "archive_handovers",
            entries.insert(
                ch.conn,
                "archive_handovers",
                case_id=case.id,
                keeper_id=k.person.id,
                receiver_id=rcv.person.id,
                at=ch.at,
                media_codes=json.dumps(to_archive),
            ),
        )
        ch.sign("archive_handovers", aid, (k, Capacity.KEEPER), (rcv, Capacity.RECIPIENT))
        for c in to_archive:
            m = by_code[c]
            media_repo.set_status(
                ch.conn,
                m.id,
                next_status(m.copy_role, m.status, Action.ARCHIVE_HANDOVER, code=m.code),
            )
            ch.touch("media", m.id)
        cases_repo.set_status(ch.conn, case.id, CaseStatus.ARCHIVED)
        ch.touch("cases", case.id)
    return aid
