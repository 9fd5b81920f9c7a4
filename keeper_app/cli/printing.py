"""The `keeper` commands that print: `keeper label`, `keeper register --pdf/--printer`,
`keeper print ...` (receipts, reports, lists, a calibration sheet, a PDF file, the list
of printers, a printer's calibration) and `keeper report custody` (the chain of custody).
Each document is one of ``services.catalogue``, the same the application prints; a PDF is
always made first, then sent to CUPS if a printer is named."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..services import catalogue
from .context import AddCommand, Context

BAD_INPUT = {
    "bad_start_position",
    "unknown_sheet",
    "bad_sheet_template",
    "bad_language",
    "bad_output",
    "no_file",
    "not_pdf",
    "bad_calibration",
    "nothing_to_print",
    "not_original",
    "bad_option",
    "output_exists",
    "output_is_symlink",
    "output_not_a_file",
}


def _print_error(exc: Any) -> int:
    print(f"cannot print: {exc}", file=sys.stderr)
    return 2 if exc.code in BAD_INPUT else 1


def _warn(result: Any) -> None:
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)


def _output(c: Context, doc: catalogue.Document, options: catalogue.Options) -> int:
    """Make ``doc`` to --pdf (always, if given) and send it to --printer (if given)."""
    from printing import PrintError, cups

    a = c.args
    if not a.pdf and not a.printer:
        raise RuleViolation("missing_field", "say where it goes: --pdf FILE and/or --printer NAME")
    s = c.session if doc.needs_db else None
    try:
        tmpdir: Path | None = None
        if a.pdf:
            target = Path(a.pdf)  # a new file: an existing one is refused, never replaced
        else:
            tmpdir = Path(tempfile.mkdtemp(prefix="keeper-"))  # private to its user (0700)
            target = tmpdir / "document.pdf"
        try:
            result = doc.make(s, options, target)
            _warn(result)
            if a.pdf:
                print(f"saved {target} ({result.pages} page{'s' if result.pages != 1 else ''})")
            if a.printer:
                job = cups.print_pdf(
                    target,
                    a.printer,
                    media=result.media,
                    title=doc.job_title,
                    server=getattr(a, "cups_server", None),
                )
                print(f"sent to {a.printer}: job {job}")
        finally:
            if tmpdir is not None:
                target.unlink(missing_ok=True)
                tmpdir.rmdir()
    except PrintError as exc:
        return _print_error(exc)
    return 0


def _options(c: Context, *, on_sheet: bool = False) -> catalogue.Options:
    """The drawing options from the command line; on a label sheet, the printer's
    calibration (saved, or --dx/--dy/--dpi)."""
    from printing.layouts import Calibration, calibration_for

    a = c.args
    cal = Calibration()
    if on_sheet:
        if a.dx is not None or a.dy is not None:
            cal = Calibration(a.dx or 0.0, a.dy or 0.0, a.dpi or 300)
        else:
            cal = calibration_for(a.printer)
            if a.dpi:
                cal = Calibration(cal.dx_mm, cal.dy_mm, a.dpi)
    return catalogue.Options(
        lang=a.lang,
        sheet=a.sheet,
        start=getattr(a, "start", 1),
        calibration=cal,
        guides=getattr(a, "guides", False),
    )


#: `keeper label --kind`: the catalogue's document of a disc
LABEL_KINDS = {
    "disc": catalogue.disc_labels,
    "sleeve": catalogue.sleeve_inserts,
    "seal-bag": catalogue.seal_bag,
}


def cmd_label(c: Context) -> int:
    doc = LABEL_KINDS[c.args.kind](c.args.code, c.args.single)
    return _output(c, doc, _options(c, on_sheet=doc.on_sheet))


def register_to_pdf(c: Context) -> int:
    """`keeper register ... --pdf FILE / --printer NAME`: the register pages."""
    a = c.args
    doc = catalogue.register_pages(
        catalogue.RegisterRef(
            a.date_from or "", a.date_to or "", case_no=a.case, code=a.code, badge=a.person
        )
    )
    return _output(c, doc, catalogue.Options(lang=a.lang))


def cmd_print(c: Context) -> int:
    from printing import PrintError, cups, layouts

    a = c.args
    what = a.what
    try:
        if what == "printers":
            printers = cups.list_printers(getattr(a, "cups_server", None))
            if c.json:
                import json

                print(json.dumps([p.__dict__ for p in printers], ensure_ascii=False))
            elif not printers:
                print("no printers are set up")
            for p in printers if not c.json else []:
                flags = ("default " if p.default else "") + (
                    "" if p.accepting else "NOT accepting "
                )
                print(f"{p.name:<24} {p.state:<9} {flags}{p.reason}".rstrip())
            return 0
        if what == "calibrate":
            if not a.printer or a.dx is None or a.dy is None:
                raise RuleViolation("missing_field", "calibrate needs --printer, --dx and --dy")
            path = layouts.save_calibration(
                a.printer, layouts.Calibration(a.dx, a.dy, a.dpi or 300)
            )
            print(f"calibration of {a.printer} saved in {path}")
            return 0
        if what == "file":
            if not a.ref or not a.printer:
                raise RuleViolation("missing_field", "print file needs FILE and --printer")
            job = cups.print_pdf(
                a.ref, a.printer, media=a.media, server=getattr(a, "cups_server", None)
            )
            print(f"sent to {a.printer}: job {job}")
            return 0
    except PrintError as exc:
        return _print_error(exc)
    if what == "calibration":
        return _output(c, catalogue.calibration_sheet(), _options(c, on_sheet=True))
    if not a.ref:
        raise RuleViolation("missing_field", f"print {what} needs what to print (an id)")
    if what == "receipt":
        doc = (
            catalogue.receipt(handover_id=int(a.ref))
            if a.ref.isdigit()
            else catalogue.receipt(code=a.ref)
        )
    elif what == "incident":
        doc = catalogue.incident(_int(a.ref))
    elif what == "correction":
        doc = catalogue.correction_sticker_of(_int(a.ref))
    elif what == "court":
        doc = catalogue.court_list(_int(a.ref))
    else:
        doc = catalogue.archive_list(a.ref)
    return _output(c, doc, _options(c))


def cmd_report(c: Context) -> int:
    """`keeper report custody CODE [--pair] | --case CASE_NO`: the chain-of-custody report
    (issue 16), as PDF (--pdf) and/or to a printer, else listed here (--json: its data)."""
    from dataclasses import asdict

    from ..services import custody_report

    a = c.args
    if bool(a.code) == bool(a.case):
        raise RuleViolation("missing_field", "give a disc's code or --case CASE_NO (not both)")
    if a.case and a.pair:
        raise RuleViolation("bad_option", "--pair goes with a disc's code, not with --case")
    if a.pdf or a.printer:
        doc = catalogue.custody_report(a.code, pair=a.pair, case_no=a.case)
        return _output(c, doc, catalogue.Options(lang=a.lang))
    rep = custody_report.custody_report(c.session, a.code, pair=a.pair, case_no=a.case)
    c.out(asdict(rep), lambda _: _custody_text(rep))
    return 0


def _custody_text(rep: Any) -> str:
    lines = [
        f"chain of custody: {rep.scope} {rep.ref}, case {rep.case_no} {rep.case_name}",
        *(f"  {d.pretty} {d.copy_role} {d.status}" for d in rep.discs),
        f"audit chain head: event {rep.head['seq']} {rep.head['hash']}",
    ]
    for ev in rep.events:
        who = f" by {ev.actor_name} ({ev.actor_badge})" if ev.actor_badge else ""
        lines.append(f"{ev.at}  event {ev.seq} {ev.action or '(not on the chain)'}{who}")
        lines.append(f"    event hash {ev.hash}")
        for e in ev.entries:
            facts = "; ".join(f"{f.label}: {f.value}" for f in e.facts)
            lines.append(f"    {e.table} #{e.id}: {facts}")
            if e.content_sha256:
                lines.append(f"      content {e.content_sha256}")
            for g in e.signatures:
                lines.append(f"      signed by {g.name} ({g.badge}) as {g.capacity} {g.signed_at}")
    return "\n".join(lines)


def _int(text: str) -> int:
    if not text.isdigit():
        raise RuleViolation("bad_number", f"'{text}' is not an entry number")
    return int(text)


def add_output_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--pdf", metavar="FILE", help="save as PDF")
    sp.add_argument("--printer", metavar="NAME", help="send to this CUPS printer")
    sp.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")


def register(add: AddCommand) -> None:
    sp = add(
        "label",
        cmd_label,
        "disc labels (both discs of the pair), sleeve inserts or the "
        "seal-bag label, as PDF and/or to a printer",
    )
    sp.add_argument("code")
    sp.add_argument("--kind", choices=["disc", "sleeve", "seal-bag"], default="disc")
    sp.add_argument("--single", action="store_true", help="only this disc, not the pair")
    sp.add_argument(
        "--sheet",
        default="avery-l7676",
        help="label sheet template id or .json file (default avery-l7676)",
    )
    sp.add_argument(
        "--start", type=int, default=1, help="first free label position on the sheet (1 = first)"
    )
    sp.add_argument(
        "--dx",
        type=float,
        help="calibration: the printer prints this many mm "
        "too far right (default: the printer's saved calibration)",
    )
    sp.add_argument("--dy", type=float, help="calibration: ... this many mm too far down")
    sp.add_argument("--dpi", type=int, help="printer resolution for the barcode (300)")
    sp.add_argument("--guides", action="store_true", help="draw the label outlines")
    add_output_args(sp)
    sp = add(
        "report",
        cmd_report,
        "the chain-of-custody report of a disc, its pair or a case: every event with its "
        "signers, hashes and the audit chain head, listed or as PDF",
    )
    sp.add_argument("what", choices=["custody"])
    sp.add_argument("code", nargs="?", help="the disc's code")
    sp.add_argument("--pair", action="store_true", help="both discs of the disc's pair")
    sp.add_argument("--case", metavar="CASE_NO", help="every disc of this case")
    add_output_args(sp)
    sp = add(
        "print", cmd_print, "print receipts, reports and lists; list printers; calibrate a printer"
    )
    sp.add_argument(
        "what",
        choices=[
            "receipt",
            "incident",
            "court",
            "archive",
            "correction",
            "calibration",
            "file",
            "printers",
            "calibrate",
        ],
    )
    sp.add_argument(
        "ref",
        nargs="?",
        help="receipt: handover id or a disc code; incident: "
        "id; correction: a label correction's id (its sticker for the seal bag); court: request "
        "id; archive: case number; file: a PDF",
    )
    sp.add_argument("--sheet", default="avery-l7676")
    sp.add_argument("--media", default="A4", help="print file: paper (default A4)")
    sp.add_argument("--dx", type=float)
    sp.add_argument("--dy", type=float)
    sp.add_argument("--dpi", type=int)
    add_output_args(sp)
