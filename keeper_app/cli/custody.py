"""The `keeper` commands of custody: what a scan shows, the lists (media, cases, what is
due, a head's inbox, the special register) and every workflow of the register (handover,
retrieval and return, unsealing and resealing, incidents, courts, conclusion, archives,
shelf locations, corrections)."""

from __future__ import annotations

import sys

from ..services import (
    admin,
    catalogue,
    custody,
    findings,
    intake,
    lateness,
    lookup,
    retrieval_requests,
    transfers,
)
from ..services.session import parse_code
from ..timeutil import parse_user
from . import format as fmt
from . import printing
from .context import AddCommand, Context


def cmd_scan(c: Context) -> int:
    if parse_code(c.args.code).seized:  # a malformed code is refused before anything else
        from . import seized  # issue 15: a seized storage medium's record

        c.args.seizure = None
        return seized.cmd_show(c)
    rec = lookup.scan(c.session, c.args.code)
    c.out(rec.to_dict(), fmt.scan_text)
    return 0


def cmd_media(c: Context) -> int:
    a = c.args
    rows = lookup.media(
        c.session,
        case_no=a.case,
        status=a.status,
        copy_role=a.copy,
        location=a.location,
        limit=a.limit,
        offset=a.offset,
    )
    c.out(rows, fmt.media_text)
    return 0


def cmd_cases(c: Context) -> int:
    c.out(lookup.cases(c.session), fmt.cases_text)
    return 0


def _sweep_first(c: Context) -> None:
    """Late means reported (issue 14): what became late is marked and reported to the heads
    before the list is shown, signed by the person running the command (a keeper or a head)."""
    res = lateness.sweep_if_allowed(c.session)
    if res is not None and (res.marked or res.no_head or res.seized):
        print(res.text(), file=sys.stderr)


def cmd_due(c: Context) -> int:
    _sweep_first(c)
    for qid in transfers.sweep_late_requests(c.session):
        print(
            f"court/procuratorate request #{qid} is past its 3 days: marked LATE, head told",
            file=sys.stderr,
        )
    c.out(lookup.due(c.session), fmt.due_text)
    return 0


def cmd_sweep(c: Context) -> int:
    res = lateness.sweep(c.session)
    c.out(
        {"marked": res.marked, "no_head": res.no_head, "seized": res.seized},
        lambda _d: res.text(),
    )
    return 0


def cmd_missing(c: Context) -> int:
    fid = findings.report_missing(c.session, c.args.code, c.args.note)
    print(
        f"finding #{fid}: {c.args.code} recorded missing (lost); an incident was reported to "
        "the head of the case's department"
    )
    return 0


def cmd_inbox(c: Context) -> int:
    c.out(lookup.inbox(c.session), fmt.inbox_text)
    return 0


def cmd_register(c: Context) -> int:
    a = c.args
    if a.pdf or a.printer:
        return printing.register_to_pdf(c)
    p = catalogue.period(a.date_from, a.date_to)
    rows = lookup.register(
        c.session,
        since=p.since,
        until=p.until,
        case_no=a.case,
        code=a.code,
        badge=a.person,
        open_only=True if a.open else (False if a.closed else None),
        limit=a.limit,
    )
    c.out(rows, fmt.register_text)
    return 0


def cmd_handover(c: Context) -> int:
    a = c.args
    s = c.session
    hid = intake.handover(
        s,
        a.code,
        c.other(a.handler, "signs the handover as case handler"),
        c.me("signs the handover as keeper"),
        a.seal_no,
        a.original_location,
        a.duplicate_location,
        a.late_reason,
        a.note or "",
    )
    print(f"handover #{hid} registered and signed")
    return 0


def cmd_retrieve(c: Context) -> int:
    a = c.args
    if a.request is not None:
        rid = custody.retrieve(
            c.session,
            a.code,
            c.other(a.retriever, "signs the register as retriever"),
            c.me("signs the register as keeper"),
            a.request,
            a.unit,
        )
        print(f"register entry #{rid}: {a.code} is out (under retrieval request #{a.request})")
        return 0
    if a.approver is None or a.reason is None or a.hours is None:
        print(
            "give --request N (approved in the head's inbox), or --approver BADGE with "
            "--reason and --hours (the head signs the approval here)",
            file=sys.stderr,
        )
        return 2
    rid = retrieval_requests.retrieve_countersigned(
        c.session,
        a.code,
        c.other(a.retriever, "signs the register as retriever"),
        c.me("signs the register as keeper"),
        c.other(a.approver, "signs the approval of the retrieval as department head"),
        a.reason,
        a.hours,
        a.purpose or "",
        a.unit,
    )
    print(f"register entry #{rid}: {a.code} is out (approved at the counter by {a.approver})")
    return 0


def cmd_request_retrieval(c: Context) -> int:
    a = c.args
    qid = retrieval_requests.request_retrieval(
        c.session, a.code, a.retriever, a.reason, a.hours, a.purpose or ""
    )
    print(f"retrieval request #{qid} sent to the head of the case's department")
    return 0


def cmd_retrieval_decide(c: Context) -> int:
    a = c.args
    approve = a.decision == "approve"
    did = retrieval_requests.decide_retrieval(
        c.session, a.id, c.me("signs the decision"), approve, a.note or ""
    )
    print(f"retrieval request #{a.id} {'approved' if approve else 'refused'} (decision #{did})")
    return 0


def cmd_return(c: Context) -> int:
    a = c.args
    if a.verification == "not_checked" and not (a.unchecked_reason or "").strip():
        print(
            "keeper: a return not read back needs --unchecked-reason (why the disc was not "
            "read back), or read it back first: keeper verify --drive DEV --purpose return "
            "CODE, then --verification match or mismatch (Art. 20)",
            file=sys.stderr,
        )
        return 1
    xid = custody.return_medium(
        c.session,
        a.code,
        c.other(a.returner, "signs the return"),
        c.me("signs the return as keeper"),
        a.inspection,
        a.verification,
        a.note or "",
        unchecked_reason=a.unchecked_reason or "",
    )
    print(f"return #{xid} recorded ({a.inspection})")
    if a.inspection != "intact":
        print("an incident was recorded and reported to the head of the case's department")
    return 0


def cmd_unseal_request(c: Context) -> int:
    a = c.args
    aid = custody.request_unseal(
        c.session, a.code, a.reason, a.note or "", a.doubted_by or "", a.doubt or ""
    )
    print(f"approval request #{aid} sent to the head of the case's department")
    return 0


def cmd_approve(c: Context) -> int:
    did = custody.decide_approval(
        c.session, c.args.id, c.me("signs the decision"), not c.args.refuse, c.args.note or ""
    )
    print(f"request #{c.args.id} {'refused' if c.args.refuse else 'approved'} (decision #{did})")
    return 0


def cmd_unseal(c: Context) -> int:
    a = c.args
    sid = custody.unseal(
        c.session,
        a.code,
        a.approval,
        c.me("signs the unsealing as keeper"),
        c.other(a.witness, "signs the unsealing as witness"),
        a.note or "",
        user=None if a.user is None else c.other(a.user, "signs the use of the original"),
        est_usage_hours=a.hours,
    )
    print(f"original unsealed (seal event #{sid}); reseal it promptly after use")
    return 0


def cmd_reseal(c: Context) -> int:
    a = c.args
    sid = custody.reseal(
        c.session,
        a.code,
        a.seal_no,
        c.me("signs the seal"),
        c.other(a.witness, "signs the seal"),
        a.note or "",
        inspection=a.inspection,
        finding=a.finding or "",
    )
    print(f"original resealed with seal {a.seal_no} (seal event #{sid}), found {a.inspection}")
    return 0


def cmd_reproduce(c: Context) -> int:
    from ..services import reproduction

    a = c.args
    r = reproduction.reproduce_duplicate(
        c.session,
        a.code,
        a.original_drive,
        a.drive,
        c.me("signs the new duplicate into custody as keeper"),
        c.other(a.witness, "signs the new duplicate into custody as witness"),
        a.location,
    )
    c.out(
        r.to_dict(),
        lambda d: (
            f"duplicate {d['duplicate']} reproduced from {d['original']} and in custody "
            f"(entry #{d['reproduction']}); {d['replaced']} is retired. Reseal the original."
        ),
    )
    return 0


def cmd_incident_ack(c: Context) -> int:
    aid = custody.acknowledge_incident(
        c.session, c.args.id, c.me("acknowledges the report"), c.args.note or ""
    )
    print(f"incident #{c.args.id} acknowledged (#{aid})")
    return 0


def cmd_court_late_ack(c: Context) -> int:
    aid = transfers.acknowledge_court_late(
        c.session, c.args.id, c.me("acknowledges the report"), c.args.note or ""
    )
    print(f"late request report #{c.args.id} acknowledged (#{aid})")
    return 0


def cmd_court_request(c: Context) -> int:
    a = c.args
    rid = transfers.register_court_request(
        c.session,
        a.case,
        a.org_kind,
        a.org_name,
        a.document_no,
        parse_user(a.requested_at),
        recordings=a.recording or (),
        discs=a.disc or (),
        whole_case=a.all,
    )
    print(f"court/procuratorate request #{rid} registered; the duplicate is due within 3 days")
    [q] = [q for q in lookup.court_requests(c.session, a.case) if q["id"] == rid]
    for i in q["items"]:
        print(f"  item #{i['id']}: {i['what']}")
    return 0


def cmd_court_requests(c: Context) -> int:
    c.out(lookup.court_requests(c.session, c.args.case), fmt.court_requests_text)
    return 0


def cmd_court_item_reason(c: Context) -> int:
    transfers.close_court_item(c.session, c.args.item, c.args.reason)
    print(f"item #{c.args.item} closed: {c.args.reason.strip()}")
    return 0


def cmd_court_transfer(c: Context) -> int:
    a = c.args
    tid = transfers.court_transfer(
        c.session,
        a.request,
        a.code,
        c.other(a.recipient, "signs for receipt"),
        c.me("signs the transfer as keeper"),
    )
    [q] = [
        q
        for q in lookup.court_requests(c.session, lookup.scan(c.session, a.code).case_no)
        if q["id"] == a.request
    ]
    print(f"transfer #{tid}: {a.code} handed over" + (" — LATE (past 3 days)" if q["late"] else ""))
    still = [i for i in q["items"] if not i["closed"]]
    print(
        f"request #{a.request}: "
        + (f"{len(still)} item(s) still open" if still else "every item transferred or closed")
    )
    return 0


def cmd_conclude(c: Context) -> int:
    transfers.conclude_case(c.session, c.args.case, c.args.note or "")
    print(f"case {c.args.case} concluded")
    return 0


def cmd_archive(c: Context) -> int:
    a = c.args
    scanned = list(a.scan or [])
    if a.scan_stdin:
        scanned += [line.strip() for line in sys.stdin if line.strip()]
    aid = transfers.archive_handover(
        c.session,
        a.case,
        scanned,
        c.me("signs the archive handover as keeper"),
        c.other(a.receiver, "signs for the archives"),
    )
    print(f"archive handover #{aid}: case {a.case} and {len(scanned)} media to the archives")
    return 0


def cmd_location(c: Context) -> int:
    custody.set_location(c.session, c.args.code, c.args.location)
    print(f"{c.args.code} is now at {c.args.location}")
    return 0


def cmd_correct(c: Context) -> int:
    a = c.args
    cid = admin.correct(
        c.session, a.table, a.id, a.field, a.value, a.reason, c.me("signs the correction")
    )
    print(f"correction #{cid} recorded; the original entry is unchanged")
    if a.table == "media" and a.field.startswith("label."):
        print(
            "the label is corrected on both discs of the pair; print the sticker for the seal "
            f"bag: keeper print correction {cid} --pdf FILE (or --printer NAME)"
        )
    return 0


def cmd_supplement(c: Context) -> int:
    a = c.args
    cid = admin.supplement_incident(c.session, a.incident, a.text, c.me("signs the supplement"))
    print(f"supplement #{cid} added to incident #{a.incident}; its description is unchanged")
    return 0


def register(add: AddCommand) -> None:
    sp = add("scan", cmd_scan, "show a disc by its code, as a scan at the counter does")
    sp.add_argument("code")
    sp = add("media", cmd_media, "list media")
    sp.add_argument("--case")
    sp.add_argument("--status")
    sp.add_argument("--copy", choices=["original", "duplicate", "hard_drive"])
    sp.add_argument("--location")
    sp.add_argument("--limit", type=int, default=200)
    sp.add_argument("--offset", type=int, default=0)
    add("cases", cmd_cases, "list cases")
    add("due", cmd_due, "what is due and late across the office (marks new lateness first)")
    add("sweep", cmd_sweep, "mark what became late and report it to the heads (issue 14)")
    sp = add("missing", cmd_missing, "inventory: a disc not found on the shelf is lost (Art. 20)")
    sp.add_argument("code")
    sp.add_argument("--note", required=True, help="where it was looked for, by whom")
    add("inbox", cmd_inbox, "a department head's incidents and approvals waiting")
    sp = add("register", cmd_register, "the special retrieval register (Art. 20)")
    sp.add_argument("--from", dest="date_from", metavar="DATE")
    sp.add_argument("--to", dest="date_to", metavar="DATE")
    sp.add_argument("--case")
    sp.add_argument("--code")
    sp.add_argument("--person", metavar="BADGE")
    g = sp.add_mutually_exclusive_group()
    g.add_argument("--open", action="store_true")
    g.add_argument("--closed", action="store_true")
    sp.add_argument("--limit", type=int, default=500)
    printing.add_output_args(sp)
    sp = add("handover", cmd_handover, "register a new pair handed over by its case handler")
    sp.add_argument("code", help="code of either disc of the pair")
    sp.add_argument("--handler", required=True, metavar="BADGE")
    sp.add_argument("--seal-no", required=True)
    sp.add_argument("--original-location", required=True)
    sp.add_argument("--duplicate-location", required=True)
    sp.add_argument("--late-reason")
    sp.add_argument("--note")
    sp = add(
        "request-retrieval",
        cmd_request_retrieval,
        "ask the head of the case's department to approve a retrieval (Art. 20)",
    )
    sp.add_argument("code")
    sp.add_argument("--retriever", required=True, metavar="BADGE")
    sp.add_argument(
        "--reason",
        required=True,
        choices=["case_handling", "case_review", "supervision", "complaint"],
    )
    sp.add_argument("--hours", required=True, type=int, help="estimated usage time, hours")
    sp.add_argument("--purpose")
    sp = add("retrieval", cmd_retrieval_decide, "department head: approve or refuse a retrieval")
    sp.add_argument("decision", choices=["approve", "refuse"])
    sp.add_argument("id", type=int, help="the retrieval request's number")
    sp.add_argument("--note", help="a refusal says why")
    sp = add("retrieve", cmd_retrieve, "give out the duplicate (special register, Art. 20)")
    sp.add_argument("code")
    sp.add_argument("--retriever", required=True, metavar="BADGE")
    g = sp.add_mutually_exclusive_group(required=True)
    g.add_argument("--request", type=int, help="a retrieval request approved in the head's inbox")
    g.add_argument(
        "--approver", metavar="BADGE", help="the head of the case's department signs here"
    )
    sp.add_argument(
        "--reason",
        choices=["case_handling", "case_review", "supervision", "complaint"],
        help="with --approver",
    )
    sp.add_argument("--hours", type=int, help="with --approver: estimated usage time, hours")
    sp.add_argument("--purpose", help="with --approver")
    sp.add_argument("--unit", help="retriever's unit (default: their own)")
    sp = add("return", cmd_return, "take a disc back, inspected (Art. 20)")
    sp.add_argument("code")
    sp.add_argument("--returner", required=True, metavar="BADGE")
    sp.add_argument(
        "--inspection", required=True, choices=["intact", "damaged", "replaced", "lost"]
    )
    sp.add_argument(
        "--verification",
        default="not_checked",
        choices=["not_checked", "match", "mismatch"],
        help="match/mismatch: as the read-back of this disc since it went out found "
        "(keeper verify --purpose return)",
    )
    sp.add_argument("--unchecked-reason", help="not_checked: why the disc was not read back")
    sp.add_argument("--note")
    sp = add("request-unseal", cmd_unseal_request, "ask the head to approve opening an original")
    sp.add_argument("code")
    sp.add_argument("--reason", required=True, choices=["reproduce_duplicate", "check_duplicate"])
    sp.add_argument("--note")
    sp.add_argument("--doubted-by", help="check_duplicate: who doubts the duplicate")
    sp.add_argument("--doubt", help="check_duplicate: why the duplicate is in doubt")
    sp = add("approve", cmd_approve, "department head: approve (or --refuse) a request")
    sp.add_argument("id", type=int)
    sp.add_argument("--refuse", action="store_true")
    sp.add_argument("--note")
    sp = add("unseal", cmd_unseal, "open an original under an approved request")
    sp.add_argument("code")
    sp.add_argument("--approval", required=True, type=int)
    sp.add_argument("--witness", required=True, metavar="BADGE")
    sp.add_argument("--note")
    sp.add_argument(
        "--user", metavar="BADGE", help="who uses the original (default: the witness); signs"
    )
    sp.add_argument(
        "--hours", type=int, default=8, help="estimated usage time of the original (default 8)"
    )
    sp = add("reseal", cmd_reseal, "reseal an opened original with a new seal")
    sp.add_argument("code")
    sp.add_argument("--seal-no", required=True)
    sp.add_argument("--witness", required=True, metavar="BADGE")
    sp.add_argument("--note")
    sp.add_argument(
        "--inspection",
        required=True,
        choices=["intact", "damaged", "replaced", "lost"],
        help="what the keeper found when the original came back",
    )
    sp.add_argument("--finding", help="what was found, when not intact (reported to the head)")
    sp = add(
        "reproduce",
        cmd_reproduce,
        "make a damaged, lost or replaced duplicate again from its unsealed original "
        "(Art. 18): read back, burn, verify, register into custody",
    )
    sp.add_argument("code", help="the unsealed original's code")
    sp.add_argument(
        "--original-drive", required=True, help="the drive holding the original (stdio:IMAGE)"
    )
    sp.add_argument("--drive", required=True, help="the drive with the blank disc")
    sp.add_argument("--witness", required=True, metavar="BADGE")
    sp.add_argument("--location", required=True, help="shelf of the new duplicate")
    sp = add("ack-incident", cmd_incident_ack, "department head: acknowledge an incident")
    sp.add_argument("id", type=int)
    sp.add_argument("--note")
    sp = add("ack-court-late", cmd_court_late_ack, "department head: acknowledge a late request")
    sp.add_argument("id", type=int, help="the report's number (keeper inbox)")
    sp.add_argument("--note")
    sp = add("court-request", cmd_court_request, "register a court/procuratorate request")
    sp.add_argument("--case", required=True)
    sp.add_argument("--org-kind", required=True, choices=["court", "procuratorate"])
    sp.add_argument("--org-name", required=True)
    sp.add_argument("--document-no", required=True)
    sp.add_argument("--requested-at", required=True, metavar="'YYYY-MM-DD HH:MM:SS'")
    sp.add_argument(
        "--recording", type=int, action="append", metavar="ID", help="a recording asked for"
    )
    sp.add_argument("--disc", action="append", metavar="CODE", help="a disc asked for")
    sp.add_argument(
        "--all", action="store_true", help="all the case's interrogation recordings (listed now)"
    )
    sp = add("court-requests", cmd_court_requests, "a case's court/procuratorate requests, items")
    sp.add_argument("case")
    sp = add("court-item-reason", cmd_court_item_reason, "close a request's item with a reason")
    sp.add_argument("item", type=int)
    sp.add_argument("--reason", required=True)
    sp = add("court-transfer", cmd_court_transfer, "hand the duplicate to the court/procuratorate")
    sp.add_argument("request", type=int)
    sp.add_argument("code")
    sp.add_argument("--recipient", required=True, metavar="BADGE")
    sp = add("conclude", cmd_conclude, "mark a case's investigation concluded")
    sp.add_argument("case")
    sp.add_argument("--note")
    sp = add("archive", cmd_archive, "hand a concluded case's media to the archives")
    sp.add_argument("case")
    sp.add_argument("--receiver", required=True, metavar="BADGE")
    sp.add_argument("--scan", action="append", metavar="CODE")
    sp.add_argument("--scan-stdin", action="store_true", help="read scanned codes from stdin")
    sp = add("location", cmd_location, "move a disc to another shelf location")
    sp.add_argument("code")
    sp.add_argument("location")
    sp = add("supplement", cmd_supplement, "add a signed supplement to an incident")
    sp.add_argument("incident", type=int)
    sp.add_argument("text")
    sp = add("correct", cmd_correct, "correct an entry by a new signed entry")
    sp.add_argument("table")
    sp.add_argument("id", type=int)
    sp.add_argument("field")
    sp.add_argument("value")
    sp.add_argument("--reason", required=True)
