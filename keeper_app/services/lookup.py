"""Reading the register: a scan at the counter, lists of media and register entries,
what is due and late, a department head's inbox. Access follows Art. 21."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..domain import court, deadlines, rules
from ..domain import intake as intake_rules
from ..domain import inventory as inventory_rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, allowed, available_actions
from ..domain.model import Case, CaseStatus, CopyRole, Due, Medium, MediumStatus
from ..store import audit, entries
from ..store import burning as burning_repo
from ..store import cases as cases_repo
from ..store import court as court_repo
from ..store import intake_records as intake_repo
from ..store import inventory as inventory_repo
from ..store import media as media_repo
from ..store import people as people_repo
from ..store import seized as seized_repo
from ..timeutil import from_db, show, to_db
from . import clockwatch, reads, retrieval_requests, seized, self_check, visibility
from .session import Session, parse_code

#: The record's action that writes a transferred duplicate's package (services.packages).
TRANSFER_PACKAGE = "transfer_package"


@dataclass
class ScanRecord:
    """Everything the counter shows for one scanned disc."""

    code: str
    pretty: str
    copy_role: str
    status: str
    case_no: str
    case_name: str
    case_status: str
    department: str
    label: dict[str, str]
    location: str
    seal_no: str
    burned_at: str
    partner: dict[str, str] | None
    open_entry: dict[str, Any] | None
    due: list[dict[str, Any]]
    actions: list[str]
    recordings: list[dict[str, Any]]
    history: list[dict[str, Any]]
    corrections: list[dict[str, Any]] = field(default_factory=list)
    #: Art. 18: the open register entry of the use of an unsealed original
    original_use: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _scan_statements(s: Session, row: Any) -> list[tuple[str, Any]]:
    """What a scan reads after the disc's own row, known from that row alone: an office
    server sends them with the snapshot's BEGIN, in one round trip, instead of one round
    trip each (the issue 11 goal: a scan's p99 under 5 ms at 1,000,000 media). Each is the
    statement the store function below runs, built by the same function; one that is not
    asked for costs nothing but its share of that round trip."""
    mid, case_id, pair_no = int(row["id"]), int(row["case_id"]), str(row["pair_no"])
    out = [
        people_repo.get_stmt(s.person.id),  # s.require: the signed-in person, again
        *cases_repo.get_stmts(case_id),
        people_repo.department_of_case_stmt(case_id),
        entries.corrections_of_stmt("media", mid),
        media_repo.pair_stmt(pair_no),
        entries.court_requests_of_case_stmt(case_id),
        entries.without_usable_duplicate_stmt(pair_no),
        entries.approvals_for_medium_stmt(mid),
        entries.history_stmt(mid),
        media_repo.recordings_of_stmt(mid),
    ]
    if row["status"] == MediumStatus.UNSEALED.value:
        out.append(entries.open_original_use_stmt(mid))
    if row["status"] == MediumStatus.OUT.value:
        out.append(entries.open_retrieval_stmt(mid))
    return out


def _check_view(s: Session, case: Case) -> None:
    s.require(Action.VIEW_MEDIA)
    visibility.check_case(s, case)


def _due_for_medium(
    s: Session,
    m: Medium,
    pair_no: str,
    open_entry: dict[str, Any] | None,
    case: Case,
    requests: list[dict[str, Any]],
) -> list[Due]:
    burned, open_r, unsealed = [], [], []
    if m.status == MediumStatus.BURNED:
        burned.append((m.code, case.case_no, m.burned_at))
    if open_entry:
        open_r.append(
            (
                open_entry["id"],
                m.code,
                case.case_no,
                from_db(open_entry["out_at"]),
                open_entry["est_usage_hours"],
                open_entry["retriever_name"],
            )
        )
    if m.status == MediumStatus.UNSEALED:
        ev = entries.last_seal_event(s.conn, m.id)
        if ev:
            unsealed.append((m.code, case.case_no, from_db(ev["at"])))
    court = []
    if m.copy_role == CopyRole.DUPLICATE and m.status == MediumStatus.IN_CUSTODY:
        court = [
            (q["id"], case.case_no, q["org_name"], from_db(q["requested_at"]))
            for q in requests
            if not q["served"]
        ]
    no_dup = [
        (r["code"], case.case_no, from_db(r["since"]))
        for r in entries.without_usable_duplicate(s.conn, pair_no)
        if m.code in (r["code"], r["duplicate"])
    ]
    return deadlines.due_items(s.now(), burned, open_r, court, unsealed, no_duplicate=no_dup)


def _court_request_open_for(s: Session, m: Medium, requests: list[dict[str, Any]]) -> bool:
    """Whether an open court or procuratorate request of the case still asks for something
    this disc carries (issue 14: the counter offers the transfer only then)."""
    pair_ids: list[int] | None = None
    rec_ids: list[int] = []
    for q in requests:
        if q["served"]:
            continue
        if pair_ids is None:
            pair_ids = [
                int(p["id"]) for p in media_repo.pair(s.conn, parse_code(m.code).body[:14])
            ] or [m.id]
            rec_ids = [int(r["id"]) for r in media_repo.recordings_of(s.conn, m.id)]
        # only the request's items that name this pair or a recording on it: a whole
        # case's request lists every recording of the case
        listed, rows = court_repo.items_naming(s.conn, int(q["id"]), pair_ids, rec_ids)
        if not listed:
            return True
        items = court.item_rows(rows)
        try:
            court.items_closed_by(items, pair_ids, rec_ids, m.code)
        except RuleViolation:
            continue
        return True
    return False


def _due_dict(d: Due) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "due_at": show(d.due_at),
        "late": d.late,
        "what": d.what,
        "code": d.medium_code,
        "case_no": d.case_no,
        "ref": d.ref,
        "soon": d.extra.get("soon") == "1",
        "recordings": int(d.extra.get("recordings", "0")),
    }


def _may_reproduce(s: Session, m: Medium) -> bool:
    """Art. 18: the counter offers to reproduce the duplicate only where the service will do
    it: an original unsealed under an approval to reproduce, its pair's duplicate unusable,
    nothing reproduced yet under this unsealing, and a person allowed to."""
    if m.copy_role != CopyRole.ORIGINAL or m.status != MediumStatus.UNSEALED:
        return False
    if not allowed(s.person.roles, Action.REPRODUCE_DUPLICATE):
        return False
    ev = entries.last_seal_event(s.conn, m.id)
    if ev is None or ev["kind"] != "unseal" or ev["approval_id"] is None:
        return False
    a = entries.approval_state(s.conn, int(ev["approval_id"]))
    if a is None or a["reason"] != "reproduce_duplicate":
        return False
    if entries.reproduction_under(s.conn, int(ev["id"])) is not None:
        return False
    return entries.unusable_duplicate_of(s.conn, m.id) is not None


def scan(s: Session, text: str) -> ScanRecord:
    """The record of one scanned or typed medium id. A malformed code or an unknown medium
    raises RuleViolation naming which; nothing is changed either way."""
    mc = parse_code(text)
    if mc.seized:  # issue 15: a seized storage medium's record is seized.lookup's
        raise RuleViolation(
            "seized_item",
            f"{mc.pretty} is a seized storage medium, not a disc: its record is the seized "
            "item's (keeper seized show CODE)",
        )
    row = media_repo.row_by_code(s.conn, mc.text)
    if row is None:
        raise RuleViolation(
            "unknown_medium", f"{mc.pretty} is a valid code but no such medium is registered"
        )
    # the reading to log (none when the same reading was logged a moment ago): the record is
    # read and its reading logged in one write transaction (one snapshot; on an office
    # server, the reads go with the BEGIN and the event with the COMMIT: two round trips)
    reading = reads.to_log(s, "scan", [int(row["case_id"])], code=str(row["code"]))
    ahead = _scan_statements(s, row)
    block = (
        s.db.reading(prefetch=ahead)
        if reading is None
        else s.db.transaction(
            prefetch=[
                *ahead,
                people_repo.current_key_stmt(s.person.id),
                audit.HEAD_AND_LAST_SIGNED,
            ]
        )
    )
    with block:
        m = media_repo.to_medium(row)
        case = cases_repo.get(s.conn, m.case_id)
        _check_view(s, case)
        dept = people_repo.department_of_case(s.conn, case.id)
        label = json.loads(row["label"])
        corrections = entries.corrections_of(s.conn, "media", m.id)
        for c in corrections:
            if c["field"].startswith("label."):
                label[c["field"][6:]] = c["new_value"]
        label["production_time"] = show(label["production_time"])
        partner = None
        if mc.copy != "H":
            # the other disc of the pair: for an original, its latest duplicate (one may have
            # been reproduced, Art. 18); for a duplicate, the original
            others = [
                r
                for r in media_repo.pair(s.conn, str(row["pair_no"]))
                if r["copy_role"] != m.copy_role.value and r["copy_role"] != "hard_drive"
            ]
            if others:
                p = others[-1]
                partner = {"code": p["code"], "copy_role": p["copy_role"], "status": p["status"]}
        use = entries.open_original_use(s.conn, m.id) if m.status == MediumStatus.UNSEALED else None
        original_use = (
            None
            if use is None
            else {
                "id": use["id"],
                "user_name": use["user_name"],
                "user_badge": use["user_badge"],
                "purpose": use["purpose"],
                "est_usage_hours": use["est_usage_hours"],
                "at": show(use["at"]),
            }
        )
        open_entry = entries.open_retrieval(s.conn, m.id) if m.status == MediumStatus.OUT else None
        requests = entries.court_requests_of_case(s.conn, case.id)  # read once, used twice
        due = [
            _due_dict(d)
            for d in _due_for_medium(s, m, str(row["pair_no"]), open_entry, case, requests)
        ]
        approvals = entries.approvals_for_medium(s.conn, m.id)
        court_open = _court_request_open_for(s, m, requests)
        acts = [
            a.value
            for a in available_actions(
                m.copy_role,
                m.status,
                case_open=case.status == CaseStatus.OPEN,
                case_concluded=case.status == CaseStatus.CONCLUDED,
                unseal_approved=any(
                    a["decision"] == "approved" and a["used_by"] is None for a in approvals
                ),
                unseal_pending=any(a["decision"] is None for a in approvals),
                court_request_open=court_open,
                burned_after_conclusion=court.burned_after_conclusion(case, m.burned_at),
            )
            if allowed(s.person.roles, a)
        ]
        if _may_reproduce(s, m):
            acts.append(Action.REPRODUCE_DUPLICATE.value)
        if (  # issue 16: its transfer package, written (again) after the court transfer
            m.copy_role == CopyRole.DUPLICATE
            and m.status == MediumStatus.TRANSFERRED
            and allowed(s.person.roles, Action.COURT_TRANSFER)
        ):
            acts.append(TRANSFER_PACKAGE)
        if open_entry:
            out_at = from_db(open_entry["out_at"])
            # issue 14: a return is verified on the read-back made since the disc went out
            rb = burning_repo.read_back_since(s.conn, m.id, str(open_entry["out_at"]))
            read_back = None if rb is None else {"result": rb["result"], "at": show(rb["at"])}
            open_entry = {
                k: v
                for k, v in open_entry.items()
                if k
                in (
                    "id",
                    "retriever_name",
                    "retriever_badge",
                    "retriever_unit",
                    "reason",
                    "est_usage_hours",
                    "purpose",
                )
            }
            open_entry["out_at"] = show(out_at)
            open_entry["due_at"] = show(rules.retrieval_due(out_at, open_entry["est_usage_hours"]))
            open_entry["read_back"] = read_back
        history = entries.history(s.conn, m.id)
        for h in history:
            h["at"] = show(h["at"])
        recs = media_repo.recordings_of(s.conn, m.id)
        for r in recs:
            r["started_at"], r["ended_at"] = show(r["started_at"]), show(r["ended_at"])
        record = ScanRecord(
            code=m.code,
            pretty=mc.pretty,
            copy_role=m.copy_role.value,
            status=m.status.value,
            case_no=case.case_no,
            case_name=case.name,
            case_status=case.status.value,
            department=dept.name if dept else "",
            label=label,
            location=m.location,
            seal_no=m.seal_no,
            burned_at=show(m.burned_at),
            partner=partner,
            open_entry=open_entry,
            due=due,
            actions=acts,
            recordings=recs,
            history=history,
            corrections=corrections,
            original_use=original_use,
        )
        if reading is not None:
            reads.log_in(s, s.conn, reading)
    if reading is not None:
        reads.logged(reading)
    return record


def due(s: Session) -> list[dict[str, Any]]:
    """What is due and late across the office (a head: of their department's cases)."""
    s.require(Action.VIEW_DUE)
    visible = visibility.visible_case_nos(s)
    with s.db.reading():
        seen_pairs: set[str] = set()
        burned = []
        # who has the disc while the item is due: the handler who burned the pair, the
        # retriever; a court's request and an unsealed original wait in the custody room
        holders: dict[tuple[str, object], str] = {}
        for r in entries.burned_pairs(s.conn):
            key = r["code"][:14]
            if key not in seen_pairs:
                seen_pairs.add(key)
                burned.append((r["code"], r["case_no"], from_db(r["burned_at"])))
                holders["handover", r["code"]] = r["producer"] or ""
        open_r = []
        for r in entries.open_retrievals_out(s.conn):
            open_r.append(
                (
                    r["id"],
                    r["code"],
                    r["case_no"],
                    from_db(r["out_at"]),
                    r["est_usage_hours"],
                    r["retriever"],
                )
            )
            holders["return", r["id"]] = f"{r['retriever']} ({r['retriever_badge']})"
        court = [
            (r["id"], r["case_no"], r["org_name"], from_db(r["requested_at"]))
            for r in entries.open_court_requests(s.conn)
        ]
        unsealed = [
            (r["code"], r["case_no"], from_db(r["unsealed_at"]))
            for r in entries.unsealed_originals(s.conn)
            if r["unsealed_at"]
        ]
        no_dup = [
            (r["code"], r["case_no"], from_db(r["since"]))
            for r in entries.without_usable_duplicate(s.conn)
        ]
        major = [
            (
                r["case_no"],
                from_db(r["concluded_at"]) if r["concluded_at"] else None,
                from_db(r["first_at"]),
                int(r["count"]),
            )
            for r in intake_repo.major_cases_awaiting_review(s.conn)
        ]
    items = deadlines.due_items(s.now(), burned, open_r, court, unsealed, no_duplicate=no_dup)
    items += intake_rules.major_review_items(s.now(), major)  # Art. 4, 22(2)
    items += _inventory_due(s)  # issue 16: discrepancies of inventories, to be resolved
    items += seized.due_items(s)  # seized media (issue 15; supervision Art. 130, 133, 134)
    items.sort(key=lambda x: (not x.late, x.due_at))
    out = []
    for d in items:
        if visible is None or d.case_no in visible:
            row = _due_dict(d)
            row["holder"] = holders.get(
                (d.kind, d.ref if d.kind == "return" else d.medium_code), ""
            )
            out.append(row)
    reads.record_case_nos(s, "due", (d["case_no"] for d in out))
    return out


def media(
    s: Session,
    *,
    case_no: str | None = None,
    status: str | None = None,
    copy_role: str | None = None,
    location: str | None = None,
    limit: int = 200,
    offset: int = 0,
    order: str = "code",
) -> list[dict[str, Any]]:
    s.require(Action.VIEW_MEDIA)
    if status is not None and status not in {x.value for x in MediumStatus}:
        raise RuleViolation(
            "bad_status",
            f"'{status}' is not a status; statuses: " + ", ".join(x.value for x in MediumStatus),
        )
    if copy_role is not None and copy_role not in {x.value for x in CopyRole}:
        raise RuleViolation(
            "bad_copy_role", f"'{copy_role}' is not original, duplicate or hard_drive"
        )
    rows = media_repo.listing(
        s.conn,
        case_no=case_no,
        status=status,
        copy_role=copy_role,
        location=location,
        limit=limit,
        offset=offset,
        order=order,
        **visibility.case_filter(s),
    )
    for r in rows:
        r["burned_at"] = show(r["burned_at"])
    reads.record_case_nos(
        s,
        "media",
        (r["case_no"] for r in rows),
        case_no=case_no,
        status=status,
        copy_role=copy_role,
        location=location,
        offset=offset or None,
    )
    return rows


def register(
    s: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    case_no: str | None = None,
    code: str | None = None,
    badge: str | None = None,
    open_only: bool | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """The special retrieval register (Art. 20), filtered."""
    s.require(Action.VIEW_REGISTER)
    person_id = None
    if badge:
        p = people_repo.by_badge(s.conn, badge.strip().upper())
        if p is None:
            raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
        person_id = p.id
    rows = entries.register(
        s.conn,
        since=to_db(since) if since else None,
        until=to_db(until) if until else None,
        case_no=case_no,
        medium_code=parse_code(code).text if code else None,
        person_id=person_id,
        open_only=open_only,
        limit=limit,
        offset=offset,
        **visibility.case_filter(s),
    )
    for r in rows:
        r["out_at"], r["returned_at"] = show(r["out_at"]), show(r["returned_at"])
        r["approved_at"] = show(r["approved_at"])
        r["late_reported_at"] = show(r["late_reported_at"])  # issue 14: marked late, for good
    reads.record_case_nos(
        s,
        "register",
        (r["case_no"] for r in rows),
        since=to_db(since) if since else None,
        until=to_db(until) if until else None,
        case_no=case_no,
        code=code,
        badge=badge,
        offset=offset or None,
    )
    return rows


def inbox(s: Session) -> dict[str, list[dict[str, Any]]]:
    """A department head's inbox: incidents reported to them, approvals waiting (opening an
    original; retrievals of his departments' duplicates, Art. 20), seized media's incidents
    and requests (``seized_incidents``, ``seized_requests``: issue 15), and the
    integrity alarm while the register's history does not verify (services.self_check:
    computed in this process, never stored in the database)."""
    me = s.require(Action.VIEW_INBOX)
    inc = entries.incidents(s.conn, reported_to=me.id, unacknowledged=True)
    for i in inc:
        i["at"] = show(i["at"])
    apps = entries.pending_approvals(s.conn, me.id)
    for a in apps:
        a["requested_at"] = show(a["requested_at"])
    retrievals = [
        retrieval_requests.shown(q) for q in entries.pending_retrieval_requests(s.conn, me.id)
    ]
    since = to_db(s.now() - timedelta(days=CLOCK_JUMPS_SHOWN_DAYS))
    alarm = self_check.alarm(s.db)
    alarms = [{"kind": "integrity", "problem": alarm}] if alarm else []
    late = court_repo.late_marks_to(s.conn, me.id)
    # issue 16: inventory discrepancies to resolve (a disc not located is an incident above)
    found = [
        _inventory_shown(d, s.now())
        for d in inventory_repo.discrepancies(s.conn, reported_to=me.id, open_only=True)
        if d["incident_id"] is None
    ]
    for q in late:
        q["at"], q["requested_at"] = show(q["at"]), show(q["requested_at"])
    # seized media (issue 15): incidents reported to him, requests waiting for his decision
    seized_inc = seized_repo.incidents(s.conn, reported_to=me.id, unacknowledged=True)
    seized_req = seized_repo.pending_requests(s.conn, me.id)
    for r in seized_inc:
        r["at"] = show(r["at"])
    for r in seized_req:
        r["requested_at"] = show(r["requested_at"])
    reads.record_case_nos(
        s,
        "inbox",
        (
            r["case_no"]
            for r in [*inc, *apps, *retrievals, *late, *found, *seized_inc, *seized_req]
            if r.get("case_no")
        ),
    )
    return {
        "seized_incidents": seized_inc,
        "seized_requests": seized_req,
        "incidents": inc,
        "court_late": late,
        "inventory": found,
        "approvals": apps,
        "retrieval_requests": retrievals,
        "alarms": alarms,
        "clock_jumps": clockwatch.recent_jumps(s.conn, since),
    }


def _inventory_shown(d: dict[str, Any], now: datetime) -> dict[str, Any]:
    due = inventory_rules.resolve_due(from_db(d["at"]), now)
    out = dict(d)
    out.update(due_at=show(due.due_at), at=show(d["at"]), late=due.late)
    return out


def _inventory_due(s: Session) -> list[Due]:
    """Issue 16 (Art. 20): each open discrepancy of a closed inventory, reported to a head,
    is due to be resolved within 3 days of the closing."""
    out = []
    for d in inventory_repo.discrepancies(s.conn, open_only=True):
        if d["reported_to"] is None:
            continue  # a code of no case: on the signed record only
        due = inventory_rules.resolve_due(from_db(d["at"]), s.now())
        out.append(
            Due(
                "inventory",
                due.due_at,
                d["code"],
                d["case_no"],
                f"inventory #{d['session_id']}: {d['kind']} — resolve ({d['head']})",
                ref=int(d["id"]),
                late=due.late,
            )
        )
    return out


#: A department head's inbox shows the clock jumps of the last days.
CLOCK_JUMPS_SHOWN_DAYS = 14


#: the statuses of a medium on the keeper's shelves (what an inventory expects to find)
ON_SHELF = tuple(x.value for x in media_repo.ON_SHELF)


def inventory_expected(
    s: Session, location_prefix: str | None = None, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """A keeper's stocktaking: the media that should be on the shelves (sealed, in custody,
    unsealed) whose location starts with ``location_prefix`` (all when empty), with code,
    copy role, status, location and case number. Read-only (Art. 21: keepers, department
    heads, reviewers, administrators; not a case handler, who sees only their cases; a
    head sees the discs of their department's cases)."""
    s.require(Action.INVENTORY)
    prefix = (location_prefix or "").strip() or None
    rows = media_repo.on_shelves(s.conn, prefix, limit, **visibility.case_filter(s))
    reads.record_case_nos(s, "inventory", (r["case_no"] for r in rows), location=prefix)
    return rows


def cases(s: Session) -> list[dict[str, Any]]:
    s.require(Action.VIEW_MEDIA)
    rows = cases_repo.listing(s.conn, **visibility.case_filter(s))
    reads.record(s, "cases", (int(c["id"]) for c in rows))
    return rows


# ------------------------------------------------------------------ read-only, for the UI
def people_brief(s: Session, role: str | None = None) -> list[dict[str, Any]]:
    """Active people a signer can be picked from at the counter (badge, name, roles,
    department, court/procuratorate); no key material. Any signed-in person may read it."""
    s.refresh()
    out = []
    for r in people_repo.all_people(s.conn):
        roles = [x for x in str(r["roles"]).split(",") if x]
        if r["active"] and (role is None or role in roles):
            out.append(
                {
                    "badge": r["badge"],
                    "name": r["name"],
                    "roles": roles,
                    "department": r["department"] or "",
                    "org_name": r["org_name"] or "",
                }
            )
    return out


def departments(s: Session) -> list[dict[str, Any]]:
    """Departments of the office (for administrators' forms)."""
    s.refresh()
    return [
        {"id": d.id, "name": d.name, "kind": d.kind.value, "head_id": d.head_id}
        for d in people_repo.departments(s.conn)
    ]


def approvals_for(s: Session, code: str) -> list[dict[str, Any]]:
    """The unseal approval requests of one medium, newest first, with their decision and
    whether an unsealing has used them."""
    mc = parse_code(code)
    m = media_repo.by_code(s.conn, mc.text)
    if m is None:
        raise RuleViolation(
            "unknown_medium", f"{mc.pretty} is a valid code but no such medium is registered"
        )
    _check_view(s, cases_repo.get(s.conn, m.case_id))
    rows = entries.approvals_for_medium(s.conn, m.id)
    for a in rows:
        a["requested_at"] = show(a["requested_at"])
    reads.record(s, "approvals", [m.case_id], code=m.code)
    return rows


def court_requests(s: Session, case_no: str) -> list[dict[str, Any]]:
    """The court and procuratorate requests of one case, with ``served`` (transfers made)."""
    c = cases_repo.by_no(s.conn, (case_no or "").strip())
    if c is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    _check_view(s, c)
    rows = entries.court_requests_of_case(s.conn, c.id)
    for q in rows:
        q["items"] = court_items(s.conn, int(q["id"]))
        q["late"] = bool(q["late_marked"]) or (
            not q["served"] and court.is_late(from_db(q["requested_at"]), s.now())
        )
        q["requested_at"] = show(q["requested_at"])
        q["registered_at"] = show(q["registered_at"])
    reads.record(s, "court_requests", [c.id], case_no=c.case_no)
    return rows


def court_items(conn: Any, request_id: int) -> list[dict[str, Any]]:
    """A request's items as shown: what is asked (``what``: a disc code or the recording's
    person, role and start), whether closed, by which disc or for which reason, late."""
    out = []
    for i in court_repo.items(conn, request_id):
        if i["medium_code"]:
            what = str(i["medium_code"])
        else:
            what = (
                f"#{i['recording_id']} {i['person_name']} ({i['person_role']}) "
                f"{show(i['started_at'])}"
            )
        out.append(
            {
                "id": i["id"],
                "what": what,
                "recording_id": i["recording_id"],
                "medium_code": i["medium_code"],
                "person_name": i["person_name"],
                "person_role": i["person_role"],
                "started_at": show(i["started_at"]) if i["started_at"] else "",
                "whole_case": bool(i["whole_case"]),
                "closed": bool(i["closed"]),
                "transferred_code": i["transferred_code"],
                "reason": i["reason"],
                "late": bool(i["late"]),
                "closed_at": show(i["closed_at"]) if i["closed_at"] else "",
            }
        )
    return out


def court_request_choices(s: Session, case_no: str) -> dict[str, list[dict[str, Any]]]:
    """What a court's or procuratorate's request of a case may name: its recordings (with
    person, role, kind, start) and its duplicate discs (code, status)."""
    s.require(Action.REGISTER_COURT_REQUEST)
    c = cases_repo.by_no(s.conn, (case_no or "").strip())
    if c is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    _check_view(s, c)
    recs = [
        {
            "id": int(r["id"]),
            "person_name": r["person_name"],
            "person_role": r["person_role"],
            "kind": r["kind"],
            "started_at": show(r["started_at"]),
        }
        for r in cases_repo.recordings_of_case(s.conn, c.id)
    ]
    discs = [
        {"code": r["code"], "status": r["status"]}
        for r in media_repo.of_case(s.conn, c.id)
        if r["copy_role"] == CopyRole.DUPLICATE.value
    ]
    return {"recordings": recs, "discs": discs}


def awaiting_handover(s: Session, case_no: str) -> list[str]:
    """The discs of a case burned and not yet handed over (a conclusion waits for them):
    for whoever may conclude a case."""
    s.require(Action.CONCLUDE_CASE)
    c = cases_repo.by_no(s.conn, (case_no or "").strip())
    if c is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    visibility.check_case(s, c)
    return court_repo.awaiting_handover(s.conn, c.id)
