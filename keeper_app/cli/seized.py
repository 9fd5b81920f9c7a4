"""``keeper seized …``: seized storage media (issue 15; supervision draft Art. 56, 123-134,
261, 267) — intake of a seizure's inventory, sealing, safekeeping, unsealing and resealing,
temporary transfers checked item by item, the sealing period's extension, the release of
items found unrelated, the heads' inspections, and reading (show, list). Each signer types
their own password (or the ``--credentials`` file gives it); scanned codes are given with
``--scan CODE …``. Printing the tag and the inventories is ``keeper seized print …``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..domain.seized import MEDIA_TYPES, POSSESSOR_SIGNATURES
from ..services import seized
from ..services.session import Credential
from ..timeutil import parse_user
from .context import AddCommand, Command, Context
from .format import _table


def _signer(c: Context, badge: str, purpose: str) -> Credential:
    """A signer's credential: the signed-in person's own password signs for him."""
    if badge.strip().upper() == c.session.person.badge:
        return c.me(purpose)
    return c.other(badge, purpose)


def _investigators(c: Context, badges: list[str] | None, purpose: str) -> list[Credential]:
    return [_signer(c, b, purpose) for b in badges or []]


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        code, sep, rest = v.partition("=")
        if not sep or not code.strip():
            raise RuleViolation("bad_argument", f"{what} is given as CODE=TEXT, not {v!r}")
        out[code.strip()] = rest.strip()
    return out


def cmd_intake(c: Context) -> int:
    a = c.args
    if a.file:
        try:
            data = json.loads(Path(a.file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RuleViolation(
                "bad_inventory", f"cannot read the inventory {a.file}: {exc}"
            ) from None
        inv = seized.parse_inventory(data)
        case_no, head, items = a.case or inv.case_no, inv.seizure, inv.items
    else:
        items = []
        for text in a.item or []:
            try:
                it = json.loads(text)
            except ValueError:
                raise RuleViolation(
                    "bad_inventory", f"--item is a JSON object, not {text!r}"
                ) from None
            if not isinstance(it, dict):
                raise RuleViolation("bad_inventory", f"--item is a JSON object, not {text!r}")
            items.append(it)
        case_no = a.case or ""
        head = {
            "cause": a.cause,
            "persons": a.persons,
            "record_ref": a.record,
            "seized_at": parse_user(a.seized_at) if a.seized_at else None,
            "place": a.place,
            "possessor": a.possessor or "",
            "witnesses": a.witnesses or "",
            "notice_no": a.notice or "",
            "note": a.note or "",
            "period_days": a.period_days,
        }
    res = seized.intake(c.session, case_no, head, items)
    c.out(
        res,
        lambda d: (
            f"seizure #{d['seizure_id']} registered with {len(d['codes'])} item(s):\n"
            + "\n".join(f"  {code}" for code in d["codes"])
        ),
    )
    return 0


def cmd_seal(c: Context) -> int:
    a = c.args
    gid = seized.seal(
        c.session,
        a.seizure,
        _pairs(a.seal, "--seal"),
        _investigators(c, a.investigator, "signs the sealing as investigator"),
        parse_user(a.sealed_at),
        a.recording,
        a.possessor,
        a.possessor_note or "",
        a.late_reason,
    )
    print(f"seizure #{a.seizure} sealed and its inventory registered (sealing #{gid})")
    return 0


def cmd_receive(c: Context) -> int:
    a = c.args
    rid = seized.receive(
        c.session,
        a.seizure,
        a.scan or [],
        _signer(c, a.investigator, "hands the items to safekeeping as investigator"),
        c.me("receives the items as keeper"),
        a.location,
        a.late_reason,
    )
    print(f"seizure #{a.seizure} received into safekeeping at {a.location} (receipt #{rid})")
    return 0


def cmd_unseal_request(c: Context) -> int:
    qid = seized.request_unseal(c.session, c.args.code, c.args.reason)
    print(f"unseal request #{qid} sent to the head of the case's department")
    return 0


def cmd_transfer_request(c: Context) -> int:
    qid = seized.request_transfer(c.session, c.args.code, c.args.reason)
    print(f"transfer request #{qid} sent to the head of the case's department")
    return 0


def cmd_extend(c: Context) -> int:
    qid = seized.request_extension(c.session, c.args.seizure, c.args.days, c.args.reason)
    print(f"extension request #{qid} sent to the head of the case's department (Art. 133)")
    return 0


def cmd_find_unrelated(c: Context) -> int:
    qid = seized.find_unrelated(c.session, c.args.code, c.args.finding)
    print(
        f"release request #{qid}: the items are to be released within 3 days, once the head "
        "approves"
    )
    return 0


def _decide(approve: bool) -> Command:
    def cmd(c: Context) -> int:
        did = seized.decide(
            c.session, c.args.id, c.me("signs the decision as head"), approve, c.args.note or ""
        )
        print(f"request #{c.args.id} {'approved' if approve else 'refused'} (decision #{did})")
        return 0

    return cmd


def cmd_unseal(c: Context) -> int:
    a = c.args
    eid = seized.unseal(
        c.session,
        a.code,
        a.request,
        _investigators(c, a.investigator, "signs the unsealing as investigator"),
        a.note or "",
    )
    print(f"{a.code} unsealed (seal event #{eid})")
    return 0


def cmd_reseal(c: Context) -> int:
    a = c.args
    eid = seized.reseal(
        c.session,
        a.code,
        a.seal,
        _investigators(c, a.investigator, "signs the new seal as investigator"),
        a.note or "",
    )
    print(f"{a.code} resealed with seal {a.seal} (seal event #{eid})")
    return 0


def cmd_transfer_out(c: Context) -> int:
    a = c.args
    tid = seized.transfer_out(
        c.session,
        a.request,
        a.scan or [],
        _signer(c, a.investigator, "takes the items out as investigator"),
        c.me("gives the items out as keeper"),
        a.recording,
        a.note or "",
    )
    c.out(
        {"transfer_id": tid},
        lambda d: f"transfer #{d['transfer_id']}: the items are out (Art. 131)",
    )
    return 0


def cmd_transfer_in(c: Context) -> int:
    a = c.args
    res = seized.transfer_in(
        c.session,
        a.transfer,
        a.scan or [],
        _signer(c, a.investigator, "brings the items back as investigator"),
        c.me("takes the items back as keeper"),
        a.recording,
        _pairs(a.damaged, "--damaged"),
        a.note or "",
    )

    def human(d: dict[str, Any]) -> str:
        lines = [f"transfer #{a.transfer} back (entry #{d['transfer_id']})"]
        lines += [f"  MISSING {code}" for code in d["missing"]]
        lines += [f"  DAMAGED {code}" for code in d["damaged"]]
        if d["incidents"]:
            lines.append(f"  {len(d['incidents'])} incident(s) reported to the head")
        return "\n".join(lines)

    c.out(res, human)
    return 0


def cmd_release(c: Context) -> int:
    a = c.args
    xid = seized.release(
        c.session,
        a.request,
        a.scan or [],
        _signer(c, a.investigator, "releases the items as investigator"),
        c.me("releases the items as keeper"),
        a.recipient,
        a.possessor,
        a.possessor_note or "",
        a.late_reason,
    )
    print(f"release request #{a.request}: the items were released (release #{xid})")
    return 0


def cmd_inspect(c: Context) -> int:
    iid = seized.inspect(
        c.session, c.me("signs the inspection as head"), c.args.findings, c.args.items
    )
    print(f"inspection #{iid} of the register of seized property recorded (Art. 261)")
    return 0


def cmd_ack(c: Context) -> int:
    aid = seized.acknowledge(c.session, c.args.id, c.me("acknowledges as head"), c.args.note or "")
    print(f"incident #{c.args.id} acknowledged (#{aid})")
    return 0


def _seizure_text(d: dict[str, Any]) -> str:
    lines = [
        f"seizure #{d['id']}  case {d['case_no']} {d['case_name']}",
        f"  cause: {d['cause']}   persons: {d['persons']}   record: {d['record_ref']}",
        f"  seized {d['seized_at']} at {d['place']}   possessor: {d['possessor'] or '-'}",
        f"  sealing period ends {d['period_end']}" + (" (extended)" if d["extended"] else ""),
    ]
    if d["sealing"]:
        g = d["sealing"]
        who = ", ".join(f"{x['name']} ({x['badge']})" for x in g["signatures"])
        lines.append(
            f"  sealed {g['sealed_at']} by {who}; possessor {g['possessor_signature']}"
            + (f": {g['possessor_note']}" if g["possessor_note"] else "")
        )
    if d["receipt"]:
        r = d["receipt"]
        lines.append(f"  in safekeeping since {r['at']} at {r['location']}")
    lines.append(
        _table(
            d["items"],
            [
                ("code", "code"),
                ("status", "status"),
                ("media_type", "type"),
                ("content", "content"),
                ("capacity", "capacity"),
                ("seal_no", "seal"),
            ],
        )
    )
    for due in d["due"]:
        flag = "LATE" if due["late"] else ("SOON" if due["soon"] else "")
        lines.append(f"  {flag:4} due {due['due_at']}: {due['what']}")
    return "\n".join(lines)


def cmd_show(c: Context) -> int:
    a = c.args
    if a.seizure is not None:
        c.out(seized.show_seizure(c.session, a.seizure), _seizure_text)
        return 0
    if not a.code:
        raise RuleViolation("bad_argument", "give an item's code or --seizure N")
    rec = seized.lookup(c.session, a.code)

    def human(d: dict[str, Any]) -> str:
        lines = [
            f"{d['pretty']}  {d['status']}  {d['media_type']}  {d['content']}",
            f"  seal {d['seal_no'] or '-'}   location {d['location'] or '-'}",
        ]
        if d["kind"] == "extracted":
            lines.append(
                f"  extracted data: {d['not_seized_reason']}; original at "
                f"{d['original_location'] or '-'}; source {d['data_source'] or '-'}"
            )
        lines.append(_seizure_text(d["seizure"]))
        lines.append("history:")
        lines += [f"  {h['at']}  {h['kind']:14} {h['who']}  {h['detail']}" for h in d["history"]]
        if d["actions"]:
            lines.append("next: " + ", ".join(d["actions"]))
        return "\n".join(lines)

    c.out(rec, human)
    return 0


def cmd_list(c: Context) -> int:
    rows = seized.listing(c.session, c.args.status, c.args.case)
    c.out(
        rows,
        lambda rs: (
            _table(
                rs,
                [
                    ("code", "code"),
                    ("case_no", "case"),
                    ("seizure_id", "seizure"),
                    ("status", "status"),
                    ("media_type", "type"),
                    ("content", "content"),
                    ("location", "where"),
                ],
            )
            if rs
            else "no seized items"
        ),
    )
    return 0


def register(add: AddCommand) -> None:
    sp = add("seized", cmd_list, "seized storage media (supervision Art. 123-134, 261)")
    sub = sp.add_subparsers(dest="seized_command", metavar="ACTION")

    def cmd(name: str, fn: Command, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=fn)
        return p

    p = cmd("intake", cmd_intake, "register a seizure's inventory (Art. 128(4)); prints the codes")
    p.add_argument("--file", help="the inventory as a JSON file (services.seized.parse_inventory)")
    p.add_argument("--case", help="the case number (or the file's case_no)")
    p.add_argument("--cause", help="cause of action")
    p.add_argument("--persons", help="persons concerned")
    p.add_argument("--record", help="the record (transcript) the seizure belongs to")
    p.add_argument("--seized-at", help="time of the seizure, YYYY-MM-DD HH:MM:SS")
    p.add_argument("--place", help="place of the seizure")
    p.add_argument("--possessor")
    p.add_argument("--witnesses")
    p.add_argument("--notice", help="the notification of sealing or seizure's number")
    p.add_argument(
        "--period-days", type=int, help="the sealing period set, days (Art. 133: at most 365)"
    )
    p.add_argument("--note")
    p.add_argument(
        "--item",
        action="append",
        help="one item as a JSON object (media_type: " + ", ".join(MEDIA_TYPES) + ")",
    )
    p = cmd("seal", cmd_seal, "seal a seizure's items by two or more investigators (Art. 126-130)")
    p.add_argument("seizure", type=int)
    p.add_argument("--seal", action="append", metavar="CODE=SEAL_NO", required=True)
    p.add_argument("--investigator", action="append", metavar="BADGE", required=True)
    p.add_argument("--sealed-at", required=True, help="the time written on the seals")
    p.add_argument("--recording", type=int, help="the sealing's recording (Art. 56)")
    p.add_argument("--possessor", choices=POSSESSOR_SIGNATURES, required=True)
    p.add_argument("--possessor-note", help="what happened when the possessor did not sign")
    p.add_argument("--late-reason", help="after 20 days (Art. 130): why")
    p = cmd("receive", cmd_receive, "keeper: receive a sealed seizure into safekeeping")
    p.add_argument("seizure", type=int)
    p.add_argument("--scan", nargs="+", metavar="CODE", required=True)
    p.add_argument("--investigator", metavar="BADGE", required=True)
    p.add_argument("--location", required=True)
    p.add_argument("--late-reason", help="after 30 days (Art. 130): why")
    p = cmd("unseal-request", cmd_unseal_request, "ask the head to approve unsealing an item")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p = cmd("transfer-request", cmd_transfer_request, "ask the head to approve a transfer out")
    p.add_argument("code", nargs="+")
    p.add_argument("--reason", required=True)
    p = cmd("extend", cmd_extend, "ask the head to extend the sealing period (Art. 133)")
    p.add_argument("seizure", type=int)
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--reason", required=True)
    p = cmd("find-unrelated", cmd_find_unrelated, "items found unrelated: ask to release them")
    p.add_argument("code", nargs="+")
    p.add_argument("--finding", required=True)
    for name, approve in (("approve", True), ("refuse", False)):
        p = cmd(name, _decide(approve), f"department head: {name} a request for seized items")
        p.add_argument("id", type=int)
        p.add_argument("--note")
    p = cmd("unseal", cmd_unseal, "keeper: an item unsealed by two or more investigators")
    p.add_argument("code")
    p.add_argument("--request", type=int, required=True)
    p.add_argument("--investigator", action="append", metavar="BADGE", required=True)
    p.add_argument("--note")
    p = cmd("reseal", cmd_reseal, "keeper: an item resealed by two or more investigators")
    p.add_argument("code")
    p.add_argument("--seal", required=True, help="the new seal's number")
    p.add_argument("--investigator", action="append", metavar="BADGE", required=True)
    p.add_argument("--note")
    p = cmd("transfer-out", cmd_transfer_out, "keeper: items out for the case's work (Art. 131)")
    p.add_argument("request", type=int)
    p.add_argument("--scan", nargs="+", metavar="CODE", required=True)
    p.add_argument("--investigator", metavar="BADGE", required=True)
    p.add_argument("--recording", type=int, required=True, help="the handover's recording")
    p.add_argument("--note")
    p = cmd("transfer-in", cmd_transfer_in, "keeper: items back, checked item by item")
    p.add_argument("transfer", type=int)
    p.add_argument("--scan", nargs="*", metavar="CODE", default=[])
    p.add_argument("--investigator", metavar="BADGE", required=True)
    p.add_argument("--recording", type=int, required=True, help="the handover's recording")
    p.add_argument("--damaged", action="append", metavar="CODE=WHAT")
    p.add_argument("--note", help="required when an item is not brought back")
    p = cmd("release", cmd_release, "keeper: release items found unrelated (Art. 124, 134)")
    p.add_argument("request", type=int)
    p.add_argument("--scan", nargs="+", metavar="CODE", required=True)
    p.add_argument("--investigator", metavar="BADGE", required=True)
    p.add_argument("--recipient", required=True)
    p.add_argument("--possessor", choices=POSSESSOR_SIGNATURES, required=True)
    p.add_argument("--possessor-note")
    p.add_argument("--late-reason", help="after 3 days: why")
    p = cmd("inspect", cmd_inspect, "department head: record an inspection (Art. 261)")
    p.add_argument("--findings", required=True)
    p.add_argument("--items", type=int, help="how many items were checked (default: all)")
    p = cmd("ack", cmd_ack, "department head: acknowledge an incident of seized media")
    p.add_argument("id", type=int)
    p.add_argument("--note")
    p = cmd("show", cmd_show, "one seized item (by its code) or one seizure (--seizure N)")
    p.add_argument("code", nargs="?")
    p.add_argument("--seizure", type=int)
    p = cmd("list", cmd_list, "the seized items you may see")
    p.add_argument("--status")
    p.add_argument("--case")
    sp.set_defaults(func=cmd_list, status=None, case=None)
    # `keeper seized print …` (the tag, the inventory, the release notice) is registered by the
    # printing of seized media, with cmd(...) above.
