"""Retrieval requests and their approval (Art. 20; issue 14, point 2): the retriever (or a
keeper at the counter on his behalf) asks; the head of the case's department decides in his
own session, signing; the checkout (custody.retrieve) uses one approved request once."""

from __future__ import annotations

from typing import Any

from ..domain import retrieval_approval as approval
from ..domain import rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, next_status
from ..domain.model import Capacity
from ..store import entries
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, show
from .custody import head_of_case_dept, medium_and_case, person_by_badge, refuse_if_out
from .session import Credential, Session, parse_code, rerun_if_changed


def request_row(s: Session, request_id: object) -> dict[str, Any]:
    """A request, or RuleViolation when there is none with that number."""
    try:
        rid = int(request_id)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise RuleViolation(
            "unknown_retrieval_request", f"'{request_id}' is not a retrieval request number"
        ) from None
    q = entries.retrieval_request(s.conn, rid)
    if q is None:
        raise RuleViolation(
            "unknown_retrieval_request", f"no retrieval request #{request_id}", "Art. 20"
        )
    return q


def state(q: dict[str, Any]) -> approval.RequestState:
    return approval.RequestState(
        id=int(q["id"]),
        medium_id=int(q["medium_id"]),
        retriever_id=int(q["retriever_id"]),
        requested_by=int(q["requested_by"]),
        decision=q["decision"],
        decided_by=None if q["decided_by"] is None else int(q["decided_by"]),
        decided_at=None if q["decided_at"] is None else from_db(q["decided_at"]),
        used=q["used_by"] is not None,
    )


@rerun_if_changed
def request_retrieval(
    s: Session,
    code: str,
    retriever_badge: str,
    reason: str,
    est_usage_hours: int,
    purpose: str = "",
) -> int:
    """Art. 19-20: ask the head of the case's department to approve giving the duplicate
    out to this retriever, for this reason and estimated usage time."""
    me = s.require(Action.REQUEST_RETRIEVAL)
    m, case = medium_and_case(s, code)
    why = rules.parse_retrieval_reason(reason)
    if m.copy_role.value != "duplicate":
        raise RuleViolation(
            "original_not_retrievable",
            f"{m.code} is the {m.copy_role.value}: only the duplicate is retrieved",
            "Art. 18-19",
        )
    retriever = person_by_badge(s, retriever_badge)
    approval.check_request(case, retriever, me, why, est_usage_hours)
    head = head_of_case_dept(s, case)
    if head.id == retriever.id:
        raise RuleViolation(
            "self_approval",
            f"{head.name} heads the department of case {case.case_no} and cannot approve "
            "their own retrieval",
            "Art. 20",
        )
    text = rules.require_text(purpose or "-", "purpose", "Art. 20", 200)
    with s.change(
        "request_retrieval", code=m.code, retriever=retriever.badge, reason=why.value
    ) as ch:
        qid = ch.touch(
            "retrieval_requests",
            entries.insert(
                ch.conn,
                "retrieval_requests",
                medium_id=m.id,
                retriever_id=retriever.id,
                reason=why.value,
                purpose="" if text == "-" else text,
                est_usage_hours=est_usage_hours,
                requested_by=me.id,
                requested_at=ch.at,
                approver_id=head.id,
            ),
        )
        ch.details.update(request=qid, approver=head.badge)
    return qid


@rerun_if_changed
def decide_retrieval(
    s: Session, request_id: int, head: Credential, approve: bool, note: str = ""
) -> int:
    """Art. 20: the head of the case's department approves or refuses the retrieval in his
    own session, signing the decision with his own key; a refusal says why."""
    me = s.require(Action.DECIDE_APPROVAL)
    q = request_row(s, request_id)
    m, case = medium_and_case(s, q["code"])
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None:
        raise RuleViolation("no_head", f"case {case.case_no} has no department", "Art. 20")
    approval.check_retrieval_approver(me, case, dept, state(q))
    why = (note or "").strip()
    if not approve:
        why = rules.require_text(why, "reason for the refusal", "Art. 20", 500)
    h = s.signer(head)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    decision = "approved" if approve else "refused"
    with s.change("decide_retrieval", request=q["id"], code=m.code, decision=decision) as ch:
        did = ch.touch(
            "retrieval_decisions",
            entries.insert(
                ch.conn,
                "retrieval_decisions",
                request_id=q["id"],
                decision=decision,
                decided_by=me.id,
                at=ch.at,
                note=why,
            ),
        )
        ch.sign("retrieval_decisions", did, (h, Capacity.APPROVER))
    return did


def shown(q: dict[str, Any]) -> dict[str, Any]:
    q = dict(q)
    q["requested_at"] = show(q["requested_at"])
    q["decided_at"] = show(q["decided_at"]) if q["decided_at"] else ""
    return q


def usable_requests(s: Session, code: str) -> list[dict[str, Any]]:
    """The approved, unused, unexpired requests of one disc: what the counter may give it
    out under (the retriever is checked at the checkout)."""
    s.require(Action.RETRIEVE)
    m, _case = medium_and_case(s, parse_code(code).text)
    now = s.now()
    out = []
    for q in entries.retrieval_requests_for_medium(s.conn, m.id):
        st = state(q)
        if st.decision != "approved" or st.used or st.decided_at is None:
            continue
        if now > st.decided_at + approval.APPROVAL_VALID_FOR:
            continue
        out.append(shown(q))
    return out


@rerun_if_changed
def retrieve_countersigned(
    s: Session,
    code: str,
    retriever: Credential,
    keeper: Credential,
    approver: Credential,
    reason: str,
    est_usage_hours: int,
    purpose: str = "",
    retriever_unit: str | None = None,
) -> int:
    """Art. 20, the approver at the counter: the head of the case's department types his own
    password there and his key signs the approval; the request, his signed decision, the
    register entry (retriever and keeper sign) and its use are one change."""
    me = s.require(Action.RETRIEVE)
    m, case = medium_and_case(s, code)
    why = rules.parse_retrieval_reason(reason)
    refuse_if_out(s, m)
    nxt = next_status(m.copy_role, m.status, Action.RETRIEVE, code=m.code)
    dept = people_repo.department(s.conn, case.department_id)
    if dept is None:
        raise RuleViolation("no_head", f"case {case.case_no} has no department", "Art. 20")
    r = s.signer(retriever)
    k = s.keeper_signer(keeper)
    approval.check_request(case, r.person, me, why, est_usage_hours)
    a = s.signer(approver)
    asked = approval.RequestState(0, m.id, r.person.id, me.id, None, None, None, False)
    approval.check_retrieval_approver(a.person, case, dept, asked)
    rules.check_retrieval(case, r.person, a.person, k.person, why, est_usage_hours)
    text = rules.require_text(purpose or "-", "purpose", "Art. 20", 200)
    unit = (retriever_unit or "").strip() or people_repo.org_name(s.conn, r.person.id)
    unit = rules.require_text(unit, "retriever's unit", "Art. 20", 100)
    with s.change(
        "retrieve",
        code=m.code,
        retriever=r.person.badge,
        reason=why.value,
        approver=a.person.badge,
        approved_at_counter=True,
    ) as ch:
        qid = ch.touch(
            "retrieval_requests",
            entries.insert(
                ch.conn,
                "retrieval_requests",
                medium_id=m.id,
                retriever_id=r.person.id,
                reason=why.value,
                purpose="" if text == "-" else text,
                est_usage_hours=est_usage_hours,
                requested_by=me.id,
                requested_at=ch.at,
                approver_id=a.person.id,
            ),
        )
        did = ch.touch(
            "retrieval_decisions",
            entries.insert(
                ch.conn,
                "retrieval_decisions",
                request_id=qid,
                decision="approved",
                decided_by=a.person.id,
                at=ch.at,
                note="signed at the counter",
            ),
        )
        ch.sign("retrieval_decisions", did, (a, Capacity.APPROVER))
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
                purpose="" if text == "-" else text,
                est_usage_hours=est_usage_hours,
                approver_id=a.person.id,
                keeper_id=k.person.id,
            ),
        )
        ch.sign("retrievals", rid, (r, Capacity.RETRIEVER), (k, Capacity.KEEPER))
        ch.touch(
            "retrieval_request_uses",
            entries.insert(ch.conn, "retrieval_request_uses", request_id=qid, retrieval_id=rid),
        )
        media_repo.set_status(ch.conn, m.id, nxt)
        ch.touch("media", m.id)
        ch.details.update(request=qid)
    return rid
