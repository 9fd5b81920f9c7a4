"""``keeper spot-check`` (issue 16; supervision Art. 261): a keeper draws a random sample of
the shelf, seeded by the audit chain's head; a reviewer or a department head reads each drawn
disc back at the counter and signs the outcome, then closes the spot check; its report goes
to the department head.

- ``keeper --as KEEPER spot-check draw [--size N]``
- ``keeper --as CHECKER spot-check check ID CODE --drive stdio:/path/disc.iso``
- ``keeper --as CHECKER spot-check close ID [--reason TEXT]``
- ``keeper --as BADGE spot-check show ID`` (or ``current``)
- ``keeper --as BADGE spot-check report ID [--pdf F] [--printer P] [--lang en]`` (neither
  --pdf nor --printer: the report as text)
"""

from __future__ import annotations

from typing import Any

from ..services import catalogue, spot_checks
from .context import AddCommand, Context
from .printing import _output, add_output_args


def _show_text(d: dict[str, Any]) -> str:
    lines = [
        f"spot check #{d['id']} drawn {d['at']} by {d['drawn_by']} ({d['status']})",
        f"  seed: chain head event {d['head_seq']} {d['head_hash']}",
        f"  population: {d['population']} duplicates in custody, sha256 {d['population_sha256']}",
        f"  sample: {d['sample_size']} discs ({d['size_rule']} size)",
    ]
    for i in d["items"]:
        state = i["outcome"] or "not checked"
        who = f" by {i['checker']} {i['checked_at']}" if i["checker"] else ""
        extra = f" — incident #{i['incident']}" if i["incident"] else ""
        lines.append(f"  {i['position']}. {i['code']} at {i['location']}: {state}{who}{extra}")
    x = d["closing"]
    if x:
        lines.append(
            f"  closed {x['at']} by {x['by']}: {x['outcome']} ({x['checked']} checked, "
            f"{x['failed']} failed, {x['unchecked']} not checked)"
            + (f"; reason: {x['reason']}" if x["reason"] else "")
        )
    return "\n".join(lines)


def cmd_draw(c: Context) -> int:
    s = c.session
    sid = spot_checks.draw(s, c.args.size)
    c.out(spot_checks.show(s, sid), _show_text)
    return 0


def cmd_check(c: Context) -> int:
    a = c.args
    s = c.session
    r = spot_checks.check(s, a.id, a.code, a.drive, c.me("sign the spot check's outcome"))
    c.out(
        r.to_dict(),
        lambda d: (
            f"{d['code']}: {d['outcome']} — {d['summary']}"
            + (
                f"; incident #{d['incident_id']} reported, disc marked damaged"
                if d["incident_id"]
                else ""
            )
        ),
    )
    return 0 if r.outcome == "match" else 1


def cmd_close(c: Context) -> int:
    a = c.args
    s = c.session
    outcome = spot_checks.close(s, a.id, c.me("close the spot check"), a.reason or "")
    c.out(
        {"spot_check": a.id, "outcome": outcome},
        lambda d: f"spot check #{d['spot_check']} closed: {d['outcome']}",
    )
    return 0


def cmd_show(c: Context) -> int:
    c.out(spot_checks.show(c.session, c.args.id), _show_text)
    return 0


def cmd_current(c: Context) -> int:
    sid = spot_checks.current(c.session)
    if sid is None:
        c.out({"spot_check": None}, lambda d: "no spot check is open")
        return 0
    c.out(spot_checks.show(c.session, sid), _show_text)
    return 0


def cmd_report(c: Context) -> int:
    """The report as PDF (--pdf) and/or printed (--printer); neither: as text."""
    if not c.args.pdf and not c.args.printer:
        return cmd_show(c)
    return _output(c, catalogue.spot_check_report(c.args.id), catalogue.Options(lang=c.args.lang))


def cmd(c: Context) -> int:
    return {
        "draw": cmd_draw,
        "check": cmd_check,
        "close": cmd_close,
        "show": cmd_show,
        "current": cmd_current,
        "report": cmd_report,
    }[c.args.what](c)


def register(add: AddCommand) -> None:
    sp = add(
        "spot-check",
        cmd,
        "spot checks of the shelf (supervision Art. 261): a keeper draws a sample seeded by "
        "the audit chain's head, a reviewer or department head reads each disc back",
    )
    sub = sp.add_subparsers(dest="what", metavar="WHAT", required=True)
    d = sub.add_parser("draw", help="draw a sample of the duplicates in custody (a keeper)")
    d.add_argument("--size", type=int, help="how many discs (default: max(3, ceil(sqrt(n))))")
    k = sub.add_parser("check", help="read a drawn disc back and sign the outcome")
    k.add_argument("id", type=int)
    k.add_argument("code")
    k.add_argument("--drive", required=True, help="/dev/sr0 or stdio:/path/disc.iso")
    x = sub.add_parser("close", help="close the spot check with its signed outcome")
    x.add_argument("id", type=int)
    x.add_argument("--reason", help="why drawn discs were left unchecked")
    sh = sub.add_parser("show", help="a spot check: the draw, each disc, the outcome")
    sh.add_argument("id", type=int)
    sub.add_parser("current", help="the spot check still open, if any")
    r = sub.add_parser("report", help="the spot check's report for the head, as PDF")
    r.add_argument("id", type=int)
    add_output_args(r)
