"""Leaving custody: court and procuratorate transfers (Art. 19), concluding a case and
handing its media to the archives department (Art. 16)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..domain import rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, next_status
from ..domain.model import Capacity, CaseStatus, MediumStatus, RequestingOrg
from ..store import cases as cases_repo
from ..store import entries
from ..store import media as media_repo
from ..store import people as people_repo
from . import reads, visibility
from .custody import medium_and_case
from .intake import case_by_no
from .session import Credential, Session, parse_code, rerun_if_changed


@rerun_if_changed
def register_court_request(
    s: Session, case_no: str, org_kind: str, org_name: str, document_no: str, requested_at: datetime
) -> int:
    """Art. 19 para 2: a court or procuratorate asks for the recordings; the 3-day limit
    runs from ``requested_at``."""
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
    from ..timeutil import to_db

    with s.change("register_court_request", case_no=case.case_no, org=org_name) as ch:
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
    return rid


@rerun_if_changed
def court_transfer(
    s: Session, request_id: int, code: str, recipient: Credential, keeper: Credential
) -> int:
    """Art. 19 para 2: the duplicate disc goes to the court or procuratorate (hard-drive
    recordings are burned to disc first); the recipient and the keeper sign."""
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
    with s.change("court_transfer", request=int(request_id), code=m.code) as ch:
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
    return tid


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
