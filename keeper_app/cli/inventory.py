"""`keeper inventory …`: inventory sessions that end in a signed record (issue 16).

``keeper --as KEEPER inventory start [--location PREFIX]`` fixes the expected population;
``inventory observe ID CODE --as shelf|sealed|seal_broken|out|missing [--note T]`` records one
medium's observation (a medium found that is not expected is recorded as unexpected);
``inventory close ID --witness BADGE [--note T]`` signs the record (the witness's password is
asked, or read from --credentials) and reports the discrepancies; ``inventory show ID`` and
``inventory report ID --pdf F [--printer P]``; ``inventory resolve DISCREPANCY --note T`` is
the head's signed answer to a discrepancy."""

from __future__ import annotations

from typing import Any

from ..domain.errors import RuleViolation
from ..domain.inventory import Observation
from ..services import catalogue, inventory
from .context import AddCommand, Context
from .format import _table
from .printing import _output, add_output_args

WHAT = ("start", "observe", "close", "show", "report", "resolve")


def _number(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise RuleViolation("bad_option", f"{what} is a number, not '{text}'") from None


def _operands(c: Context, n: int, usage: str) -> list[str]:
    ops = list(c.args.operands)
    if len(ops) != n:
        raise RuleViolation("bad_option", f"usage: keeper inventory {c.args.what} {usage}")
    return ops


def cmd(c: Context) -> int:
    a = c.args
    if a.what == "start":
        _operands(c, 0, "[--location PREFIX]")
        new = inventory.start(c.session, a.location or "")
        rec = inventory.record(c.session, new)
        print(
            f"inventory #{new} started at {a.location or 'the whole room'}: "
            f"{len(rec['expected'])} media expected"
        )
        return 0
    if a.what == "observe":
        sid, code = _operands(c, 2, "ID CODE --as shelf|sealed|seal_broken|out|missing")
        if not a.observed:
            raise RuleViolation(
                "missing_field", "say what was found: --as shelf|sealed|out|missing"
            )
        oid = inventory.observe(c.session, _number(sid, "ID"), code, a.observed, a.note or "")
        rec = inventory.record(c.session, _number(sid, "ID"))
        rows = [*rec["expected"], *rec["unexpected"]]
        kind = next((r["kind"] for r in rows if r["observation_id"] == oid), a.observed)
        print(
            f"observation #{oid}: {code} {kind}; {len(rec['unobserved'])} expected media "
            "still without an observation"
        )
        return 0
    if a.what == "close":
        (sid,) = _operands(c, 1, "ID --witness BADGE")
        if not a.witness:
            raise RuleViolation("missing_field", "say who witnesses the record: --witness BADGE")
        cid = inventory.close(
            c.session,
            _number(sid, "ID"),
            c.me("sign the inventory record as keeper"),
            c.other(a.witness, "sign the inventory record as witness"),
            a.note or "",
        )
        rec = inventory.record(c.session, _number(sid, "ID"))
        print(f"inventory #{sid} closed (record #{cid}), witness {a.witness}")
        for d in rec["discrepancies"]:
            to = f"reported to {d['head_badge']}" if d["head_badge"] else "no case: on the record"
            print(f"  discrepancy #{d['id']}: {d['kind']} {d['pretty']} — {to}, by {d['due_at']}")
        return 0
    if a.what == "show":
        (sid,) = _operands(c, 1, "ID")
        c.out(inventory.record(c.session, _number(sid, "ID")), _text)
        return 0
    if a.what == "report":
        (sid,) = _operands(c, 1, "ID --pdf FILE [--printer NAME]")
        return _output(
            c, catalogue.inventory_report(_number(sid, "ID")), catalogue.Options(lang=a.lang)
        )
    (did,) = _operands(c, 1, "DISCREPANCY --note TEXT")
    rid = inventory.resolve(
        c.session,
        _number(did, "DISCREPANCY"),
        c.me("resolve the inventory discrepancy"),
        a.note or "",
    )
    print(f"discrepancy #{did} resolved (#{rid})")
    return 0


def _text(r: dict[str, Any]) -> str:
    state = f"closed {r['closed_at']}, witness {r['witness_badge']}" if r["closed"] else "open"
    lines = [
        f"inventory #{r['id']} at {r['location'] or 'the whole room'}: keeper "
        f"{r['keeper_badge']}, started {r['started_at']}, {state}",
        "expected:",
        _table(
            r["expected"],
            [
                ("code", "medium"),
                ("status", "status at start"),
                ("location", "location"),
                ("case_no", "case"),
                ("kind", "observed"),
                ("read_back", "read back"),
                ("out_on", "out on"),
            ],
        ),
        "unexpected:",
        _table(r["unexpected"], [("code", "scanned"), ("status", "status"), ("location", "at")]),
        "discrepancies:",
        _table(
            r["discrepancies"],
            [
                ("id", "#"),
                ("kind", "kind"),
                ("code", "medium"),
                ("head_badge", "head"),
                ("due_at", "resolve by"),
                ("resolved_at", "resolved"),
            ],
        ),
    ]
    return "\n".join(lines)


def register(add: AddCommand) -> None:
    sp = add(
        "inventory",
        cmd,
        "inventory sessions (issue 16): start [--location PREFIX]; observe ID CODE --as "
        "shelf|sealed|seal_broken|out|missing; close ID --witness BADGE; show ID; report ID "
        "--pdf F; resolve DISCREPANCY --note T (the head)",
    )
    sp.add_argument("what", choices=WHAT)
    sp.add_argument("operands", nargs="*", metavar="ID [CODE]")
    sp.add_argument("--location", metavar="PREFIX", help="start: where (empty: the whole room)")
    sp.add_argument(
        "--as",
        dest="observed",
        choices=[o.value for o in Observation if o != Observation.UNEXPECTED],
        help="observe: what was found",
    )
    sp.add_argument("--witness", metavar="BADGE", help="close: the second person who signs")
    sp.add_argument("--note", help="observe: where it was looked for; close, resolve: a note")
    add_output_args(sp)
