"""At the counter: the retrieval register (Art. 19-20), returns with inspection and
incidents (Art. 20), opening and resealing the original (Art. 18), shelf locations."""

from __future__ import annotations

from ..domain import lateness as lateness_rules
from ..domain import retrieval_approval as approval
from ..domain import rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, next_status
from ..domain.model import (
    Capacity,
    Case,
    Inspection,
    Medium,
    MediumStatus,
    Person,
    Role,
    Verification,
)
from ..store import burning as burning_repo
from ..store import cases as cases_repo
from ..store import entries
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, show
from . import lateness
from .session import Credential, Session, check_badge_text, parse_code, rerun_if_changed


def medium_and_case(s: Session, code: str) -> tuple[Medium, Case]:
    mc = parse_code(code)
    m = media_repo.by_code(s.conn, mc.text)
    if m is None:
        raise RuleViolation(
            "unknown_medium", f"{mc.pretty} is a valid code but no such medium is registered"
        )
    return m, cases_repo.get(s.conn, m.case_id)


def person_by_badge(s: Session, badge: str) -> Person:
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    if not p.active:
        raise RuleViolation("inactive", f"{p.name} ({p.badge}) is deactivated")
    return p


def head_of_case_dept(s: Session, case: Case) -> Person:
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None or dept.head_id is None:
        raise RuleViolation(
            "no_head", f"the department of case {case.case_no} has no head", "Art. 18, 20"
        )
    return people_repo.get(s.conn, dept.head_id)


def pair_duplicates(s: Session, m: Medium) -> list[tuple[int, str, MediumStatus]]:
    """The duplicates of ``m``'s pair (id, code, status): the first one and any reproduced."""
    pair_no = str(media_repo.row(s.conn, m.id)["pair_no"])
    return [
        (int(r["id"]), str(r["code"]), MediumStatus(r["status"]))
        for r in media_repo.pair(s.conn, pair_no)
        if r["copy_role"] == "duplicate"
    ]


def _head_id_or_none(s: Session, case: Case) -> int | None:
    dept = people_repo.department(s.conn, case.department_id)
    return None if dept is None else dept.head_id


#: what a return "not checked" records when the keeper gives no reason (issue 14)
NOT_READ_BACK = "归还时未回读核对"


def refuse_if_out(s: Session, m: Medium) -> None:
    """Art. 20: a disc that is out is returned before it goes out again; says who has it."""
    if m.status == MediumStatus.OUT:
        r = entries.open_retrieval(s.conn, m.id)
        who = f"{r['retriever_name']} ({r['retriever_badge']})" if r else "someone"
        since = show(r["out_at"]) if r else "?"
        ref = f", register entry #{r['id']}" if r else ""
        raise RuleViolation(
            "already_out",
            f"{m.code} is already out with {who} since {since}{ref}; it must be returned first",
            "Art. 20",
        )


@rerun_if_changed
def retrieve(
    s: Session,
    code: str,
    retriever: Credential,
    keeper: Credential,
    request_id: int,
    retriever_unit: str | None = None,
) -> int:
    """Art. 19-20: the duplicate goes out under a retrieval request the head of the case's
    department approved (services.retrieval_requests); the register records retriever,
    time, reason, estimated usage time and approver from it; retriever and keeper both
    sign; the request is used once."""
    from . import retrieval_requests

    s.require(Action.RETRIEVE)
    m, case = medium_and_case(s, code)
    refuse_if_out(s, m)
    nxt = next_status(m.copy_role, m.status, Action.RETRIEVE, code=m.code)
    q = retrieval_requests.request_row(s, request_id)
    why = rules.parse_retrieval_reason(q["reason"])
    r = s.signer(retriever)
    k = s.keeper_signer(keeper)
    approval.check_request_usable(
        retrieval_requests.state(q), m.id, r.person.id, k.person.id, s.now()
    )
    approver = people_repo.get(s.conn, int(q["decided_by"]))
    rules.check_retrieval(case, r.person, approver, k.person, why, int(q["est_usage_hours"]))
    unit = (retriever_unit or "").strip() or people_repo.org_name(s.conn, r.person.id)
    unit = rules.require_text(unit, "retriever's unit", "Art. 20", 100)
    with s.change(
        "retrieve", code=m.code, retriever=r.person.badge, reason=why.value, request=q["id"]
    ) as ch:
        rid = ch.touch(
            "retrievals",
            entries.insert(
                ch.conn,
                "retrievals",
                medium_id=m.id,
                retriever_id=r.person.id,
                retriever_unit=unit,
                out_at=ch.at,
                reason=why.value,
                purpose=q["purpose"],
                est_usage_hours=int(q["est_usage_hours"]),
                approver_id=approver.id,
                keeper_id=k.person.id,
            ),
        )
        ch.sign("retrievals", rid, (r, Capacity.RETRIEVER), (k, Capacity.KEEPER))
        ch.touch(
            "retrieval_request_uses",
            entries.insert(ch.conn, "retrieval_request_uses", request_id=q["id"], retrieval_id=rid),
        )
        media_repo.set_status(ch.conn, m.id, nxt)
        ch.touch("media", m.id)
    return rid


@rerun_if_changed
def return_medium(
    s: Session,
    code: str,
    returner: Credential,
    keeper: Credential,
    inspection: str,
    verification: str = "not_checked",
    note: str = "",
    unchecked_reason: str | None = None,
) -> int:
    """Art. 20: the keeper inspects and verifies the returned disc; damage, replacement or
    loss is recorded truthfully and reported to the head of the case-handling department.

    Issue 14: ``verification`` match or mismatch rests on the read-back of that disc made
    since it went out (``burning.verify_medium(purpose="return")``), recorded with the
    return; "not checked" records ``unchecked_reason`` (:data:`NOT_READ_BACK` when the caller
    passes None; a blank reason typed at the counter is refused). A return after the
    estimated usage time is marked late and reported, unless the sweep did so already."""
    s.require(Action.RETURN)
    m, case = medium_and_case(s, code)
    insp = rules.parse_inspection(inspection)
    try:
        ver = Verification(verification)
    except ValueError:
        raise RuleViolation(
            "bad_verification",
            f"'{verification}' is not a verification result (not_checked, match, mismatch)",
            "Art. 20",
        ) from None
    if insp == Inspection.INTACT and ver == Verification.MISMATCH:
        raise RuleViolation(
            "inconsistent_inspection",
            "the disc failed verification: it "
            "cannot be recorded intact (record it damaged or replaced)",
            "Art. 20",
        )
    if m.status != MediumStatus.OUT:
        raise RuleViolation(
            "not_out",
            f"{m.code} is {m.status.value}, not out: there is nothing to return",
            "Art. 20",
        )
    nxt = next_status(m.copy_role, m.status, Action.RETURN, insp, code=m.code)
    open_r = entries.open_retrieval(s.conn, m.id)
    if open_r is None:
        raise RuleViolation("no_open_entry", f"{m.code} has no open register entry")
    rules.check_return(insp, note)
    read_back = burning_repo.read_back_since(s.conn, m.id, str(open_r["out_at"]))
    ver, why_unchecked = lateness_rules.check_return_verification(
        ver,
        None if read_back is None else str(read_back["result"]),
        NOT_READ_BACK if unchecked_reason is None else unchecked_reason,
    )
    ret = s.signer(returner)
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    rules.check_two_signers([ret.person.id, k.person.id], [ret.person.name])
    head = head_of_case_dept(s, case) if rules.needs_incident(insp) else None
    late_head = _head_id_or_none(s, case)
    with s.change("return", code=m.code, inspection=insp.value) as ch:
        xid = ch.touch(
            "returns",
            entries.insert(
                ch.conn,
                "returns",
                retrieval_id=open_r["id"],
                returned_at=ch.at,
                returned_by=ret.person.id,
                keeper_id=k.person.id,
                inspection=insp.value,
                verification=ver.value,
                note=(note or "").strip(),
            ),
        )
        ch.sign("returns", xid, (ret, Capacity.RETURNER), (k, Capacity.KEEPER))
        ch.touch(
            "return_checks",
            entries.insert(
                ch.conn,
                "return_checks",
                return_id=xid,
                verification_id=None
                if read_back is None or ver == Verification.NOT_CHECKED
                else int(read_back["id"]),
                reason=why_unchecked,
            ),
        )
        media_repo.set_status(ch.conn, m.id, nxt)
        ch.touch("media", m.id)
        late = lateness_rules.return_late(
            int(open_r["id"]),
            m.id,
            from_db(open_r["out_at"]),
            int(open_r["est_usage_hours"]),
            from_db(ch.at),
        )
        if late is not None and late_head is not None:
            lateness.mark_in(ch, late, k.person.id, late_head, from_db(ch.at), return_id=xid)
        if head is not None:
            iid = ch.touch(
                "incidents",
                entries.insert(
                    ch.conn,
                    "incidents",
                    kind=insp.value,
                    medium_id=m.id,
                    return_id=xid,
                    handover_id=None,
                    description=note.strip(),
                    at=ch.at,
                    reported_by=k.person.id,
                    reported_to=head.id,
                ),
            )
            ch.details.update(incident=iid, reported_to=head.badge)
    return xid


@rerun_if_changed
def request_unseal(
    s: Session,
    code: str,
    reason: str,
    note: str = "",
    doubted_by: str = "",
    doubt: str = "",
) -> int:
    """Art. 18: ask the head of the case-handling department to approve opening the
    original, for one of the two allowed reasons, backed by facts: to reproduce, the pair's
    duplicate is recorded damaged, lost or replaced; to check, ``doubted_by`` (who doubts
    the duplicate) and ``doubt`` (why) are given. The facts are kept with the request."""
    me = s.require(Action.REQUEST_UNSEAL)
    m, case = medium_and_case(s, code)
    why = rules.check_unseal_request(m.copy_role, m.status, reason)
    bad_dup, who, doubt_text = rules.check_unseal_grounds(
        why, pair_duplicates(s, m), doubted_by, doubt
    )
    if (
        m.case_id
        and me.has(Role.CASE_HANDLER)
        and not me.has(Role.KEEPER)
        and me.id not in case.handler_ids
    ):
        raise RuleViolation(
            "not_case_handler", f"{me.name} is not a handler of case {case.case_no}", "Art. 21"
        )
    head = head_of_case_dept(s, case)
    pending = [
        a
        for a in entries.approvals_for_medium(s.conn, m.id)
        if a["decision"] is None or (a["decision"] == "approved" and a["used_by"] is None)
    ]
    if pending:
        raise RuleViolation(
            "approval_pending",
            f"{m.code} already has approval request #{pending[0]['id']} open",
            "Art. 18",
        )
    with s.change("request_unseal", code=m.code, reason=why.value) as ch:
        aid = ch.touch(
            "approvals",
            entries.insert(
                ch.conn,
                "approvals",
                kind="unseal",
                medium_id=m.id,
                reason=why.value,
                note=(note or "").strip(),
                requested_by=me.id,
                requested_at=ch.at,
                approver_id=head.id,
            ),
        )
        ch.touch(
            "unseal_grounds",
            entries.insert(
                ch.conn,
                "unseal_grounds",
                approval_id=aid,
                duplicate_id=bad_dup,
                duplicate_status=(
                    "" if bad_dup is None else media_repo.get(ch.conn, bad_dup).status.value
                ),
                doubted_by=who,
                doubt=doubt_text,
            ),
        )
        if who:
            ch.details.update(doubted_by=who)
    return aid


@rerun_if_changed
def decide_approval(
    s: Session, approval_id: int, head: Credential, approve: bool, note: str = ""
) -> int:
    """Art. 18: the head of the case-handling department approves (or refuses) opening the
    original, signing the decision."""
    me = s.require(Action.DECIDE_APPROVAL)
    a = entries.approval_state(s.conn, int(approval_id))
    if a is None:
        raise RuleViolation("unknown_approval", f"no approval request #{approval_id}")
    if a["decision"] is not None:
        raise RuleViolation(
            "already_decided", f"request #{approval_id} was already {a['decision']}", "Art. 18"
        )
    m = media_repo.get(s.conn, a["medium_id"])
    case = cases_repo.get(s.conn, m.case_id)
    dept = people_repo.department(s.conn, case.department_id)
    h = s.signer(head)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    rules.check_approver_is_head(h.person, case, dept)  # type: ignore[arg-type]
    decision = "approved" if approve else "refused"
    with s.change("decide_approval", approval=int(approval_id), decision=decision) as ch:
        did = ch.touch(
            "approval_decisions",
            entries.insert(
                ch.conn,
                "approval_decisions",
                approval_id=int(approval_id),
                decision=decision,
                decided_by=me.id,
                at=ch.at,
                note=(note or "").strip(),
            ),
        )
        ch.sign("approval_decisions", did, (h, Capacity.APPROVER))
    return did


@rerun_if_changed
def unseal(
    s: Session,
    code: str,
    approval_id: int,
    keeper: Credential,
    witness: Credential,
    note: str = "",
    user: Credential | None = None,
    est_usage_hours: int = rules.DEFAULT_ORIGINAL_USE_HOURS,
) -> int:
    """Art. 18 and Art. 129 (supervision): the original is opened only under an approved,
    unused approval for this disc; two people — keeper and witness — sign the opening.

    The use of the opened original is a register entry (``original_uses``): who uses it
    (``user``; the witness when not given), for what (the approval's reason), the estimated
    time, the approver; the user and the keeper sign it. The reseal closes it."""
    s.require(Action.UNSEAL)
    m, case = medium_and_case(s, code)
    a = entries.approval_state(s.conn, int(approval_id))
    if a is None or a["medium_id"] != m.id:
        raise RuleViolation(
            "no_approval", f"approval #{approval_id} is not for {m.code}", "Art. 18"
        )
    if a["decision"] != "approved":
        raise RuleViolation(
            "not_approved",
            f"approval #{approval_id} is {a['decision'] or 'still waiting for the head'}",
            "Art. 18",
        )
    if a["used_by"] is not None:
        raise RuleViolation("approval_used", f"approval #{approval_id} was already used", "Art. 18")
    nxt = next_status(m.copy_role, m.status, Action.UNSEAL, code=m.code)
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    w = s.signer(witness)
    rules.check_two_signers([k.person.id, w.person.id], [k.person.name])
    rules.check_second_signer(w.person, "opening of the original")
    u = w if user is None else s.signer(user)
    rules.check_original_use(u.person, k.person, est_usage_hours)
    with s.change("unseal", code=m.code, approval=int(approval_id)) as ch:
        sid = ch.touch(
            "seal_events",
            entries.insert(
                ch.conn,
                "seal_events",
                medium_id=m.id,
                kind="unseal",
                seal_no=m.seal_no,
                at=ch.at,
                approval_id=int(approval_id),
                keeper_id=k.person.id,
                note=(note or "").strip(),
            ),
        )
        ch.sign("seal_events", sid, (k, Capacity.KEEPER), (w, Capacity.WITNESS))
        uid = ch.touch(
            "original_uses",
            entries.insert(
                ch.conn,
                "original_uses",
                medium_id=m.id,
                unseal_id=sid,
                user_id=u.person.id,
                purpose=str(a["reason"]),
                est_usage_hours=est_usage_hours,
                approver_id=int(a["decided_by"]),
                keeper_id=k.person.id,
                at=ch.at,
            ),
        )
        ch.sign("original_uses", uid, (u, Capacity.RETRIEVER), (k, Capacity.KEEPER))
        ch.details.update(use=uid, user=u.person.badge)
        media_repo.set_status(ch.conn, m.id, nxt)
        ch.touch("media", m.id)
    return sid


@rerun_if_changed
def reseal(
    s: Session,
    code: str,
    new_seal_no: str,
    keeper: Credential,
    witness: Credential,
    note: str = "",
    *,
    inspection: str,
    finding: str = "",
) -> int:
    """Art. 18 (resealed promptly) and Art. 129 (supervision): a new seal number, two
    people sign the seal, the time is written. The keeper inspects the original before it
    goes back into its bag (``inspection``; anything but intact says what was found in
    ``finding`` and is reported to the head): the inspection, signed by keeper and witness,
    closes the register entry of the original's use."""
    s.require(Action.RESEAL)
    m, case = medium_and_case(s, code)
    nxt = next_status(m.copy_role, m.status, Action.RESEAL, code=m.code)
    insp = rules.parse_inspection(inspection)
    rules.check_return(insp, finding)
    use = entries.open_original_use(s.conn, m.id)
    opened = entries.last_seal_event(s.conn, m.id)
    seal = rules.check_new_seal(
        new_seal_no, entries.used_seal_nos(s.conn, (new_seal_no or "").strip())
    )
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    w = s.signer(witness)
    rules.check_two_signers([k.person.id, w.person.id], [k.person.name])
    rules.check_second_signer(w.person, "resealing of the original")
    head = head_of_case_dept(s, case) if rules.needs_incident(insp) else None
    with s.change("reseal", code=m.code, seal_no=seal) as ch:
        sid = ch.touch(
            "seal_events",
            entries.insert(
                ch.conn,
                "seal_events",
                medium_id=m.id,
                kind="reseal",
                seal_no=seal,
                at=ch.at,
                approval_id=None,
                keeper_id=k.person.id,
                note=(note or "").strip(),
            ),
        )
        ch.sign("seal_events", sid, (k, Capacity.SEALER), (w, Capacity.SEALER))
        rid = ch.touch(
            "reseal_inspections",
            entries.insert(
                ch.conn,
                "reseal_inspections",
                reseal_id=sid,
                use_id=None if use is None else int(use["id"]),
                inspection=insp.value,
                note=(finding or "").strip(),
                keeper_id=k.person.id,
                at=ch.at,
            ),
        )
        ch.sign("reseal_inspections", rid, (k, Capacity.KEEPER), (w, Capacity.WITNESS))
        ch.details.update(inspection=insp.value)
        if use is not None:
            ch.details.update(use=int(use["id"]))
        if head is not None:
            iid = ch.touch(
                "incidents",
                entries.insert(
                    ch.conn,
                    "incidents",
                    kind=insp.value,
                    medium_id=m.id,
                    return_id=None,
                    handover_id=None,
                    description=finding.strip(),
                    at=ch.at,
                    reported_by=k.person.id,
                    reported_to=head.id,
                ),
            )
            ch.details.update(incident=iid, reported_to=head.badge)
        media_repo.set_status(ch.conn, m.id, nxt)
        media_repo.set_seal(ch.conn, m.id, seal)
        ch.touch("media", m.id)
        # Art. 18: a reseal after its limit is marked late and reported (once, issue 14)
        head_id = _head_id_or_none(s, case)
        if opened is not None and opened["kind"] == "unseal" and head_id is not None:
            late = lateness_rules.reseal_late(
                int(opened["id"]), m.id, from_db(opened["at"]), from_db(ch.at)
            )
            if late is not None:
                lateness.mark_in(ch, late, k.person.id, head_id, from_db(ch.at))
    return sid


@rerun_if_changed
def acknowledge_incident(s: Session, incident_id: int, head: Credential, note: str = "") -> int:
    """Art. 20: the head of the case-handling department receives the report of damage,
    replacement or loss and acknowledges it, signing."""
    me = s.require(Action.ACK_INCIDENT)
    i = entries.incident(s.conn, int(incident_id))
    if i is None:
        raise RuleViolation("unknown_incident", f"no incident #{incident_id}")
    rules.check_acknowledgement(
        f"incident #{incident_id}", i["ack_id"] is not None, i["reported_to"], me
    )
    h = s.signer(head)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    with s.change("ack_incident", incident=int(incident_id)) as ch:
        aid = ch.touch(
            "incident_acks",
            entries.insert(
                ch.conn,
                "incident_acks",
                incident_id=int(incident_id),
                by_id=me.id,
                at=ch.at,
                note=(note or "").strip(),
            ),
        )
        ch.sign("incident_acks", aid, (h, Capacity.DEPT_HEAD))
    return aid


@rerun_if_changed
def set_location(s: Session, code: str, location: str) -> int:
    me = s.require(Action.SET_LOCATION)
    m, case = medium_and_case(s, code)
    if m.status not in (MediumStatus.SEALED, MediumStatus.IN_CUSTODY, MediumStatus.UNSEALED):
        raise RuleViolation("wrong_state", f"{m.code} is {m.status.value}: it is not on a shelf")
    rules.check_keeper_for_case(me, case)
    loc = rules.require_text(location, "shelf location", limit=60)
    with s.change("set_location", code=m.code, location=loc) as ch:
        lid = ch.touch(
            "location_changes",
            entries.insert(
                ch.conn, "location_changes", medium_id=m.id, location=loc, at=ch.at, by_id=me.id
            ),
        )
        media_repo.set_location(ch.conn, m.id, loc)
        ch.touch("media", m.id)
    return lid
