"""The `keeper` commands that print: `keeper label`, `keeper register --pdf/--printer`
and `keeper print ...` (receipts, reports, lists, a calibration sheet, a PDF file, the list
of printers, a printer's calibration). They read through ``services.catalogue`` and draw
with ``printing``; a PDF is always saved first, then sent to CUPS if a printer is named."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..services import catalogue
from ..timeutil import parse_user
from .context import AddCommand, Context

BAD_INPUT = {"bad_start_position", "unknown_sheet", "bad_sheet_template", "bad_language",
             "bad_output", "no_file", "not_pdf", "bad_calibration", "nothing_to_print",
             "not_original", "bad_option"}


def _print_error(exc: Any) -> int:
    print(f"cannot print: {exc}", file=sys.stderr)
    return 2 if exc.code in BAD_INPUT else 1


def _warn(result: Any) -> None:
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)


def _output(c: Context, render: Callable[[Path], Any], media: str, title: str) -> int:
    """Render to --pdf (always, if given) and send to --printer (if given)."""
    from printing import PrintError, cups

    a = c.args
    if not a.pdf and not a.printer:
        raise RuleViolation("missing_field", "say where it goes: --pdf FILE and/or "
                            "--printer NAME")
    try:
        if a.pdf:
            target = Path(a.pdf)
            result = render(target)
        else:
            tmp = tempfile.NamedTemporaryFile(prefix="keeper-", suffix=".pdf", delete=False)
            tmp.close()
            target = Path(tmp.name)
            result = render(target)
        _warn(result)
        if a.pdf:
            print(f"saved {target} ({result.pages} page{'s' if result.pages != 1 else ''})")
        if a.printer:
            job = cups.print_pdf(target, a.printer, media=media, title=title,
                                 server=getattr(a, "cups_server", None))
            print(f"sent to {a.printer}: job {job}")
            if not a.pdf:
                target.unlink(missing_ok=True)
    except PrintError as exc:
        return _print_error(exc)
    return 0


def _calibration(c: Context) -> Any:
    from printing.layouts import Calibration, calibration_for

    a = c.args
    if getattr(a, "dx", None) is not None or getattr(a, "dy", None) is not None:
        return Calibration(a.dx or 0.0, a.dy or 0.0, a.dpi or 300)
    cal = calibration_for(a.printer)
    if getattr(a, "dpi", None):
        cal = Calibration(cal.dx_mm, cal.dy_mm, a.dpi)
    return cal


def cmd_label(c: Context) -> int:
    from printing import PrintError, inserts, labels, layouts

    a = c.args
    data = (catalogue.pair_label_data(c.session, a.code) if not a.single
            else [catalogue.label_data(c.session, a.code)])
    try:
        if a.kind == "disc":
            sheet = layouts.sheet(a.sheet)
            cal = _calibration(c)
            return _output(c, lambda p: labels.disc_label_pdf(
                data, p, sheet=sheet, start=a.start, calibration=cal, lang=a.lang,
                guides=a.guides), sheet.cups_media, f"labels {a.code}")
        if a.kind == "sleeve":
            return _output(c, lambda p: inserts.sleeve_insert_pdf(data, p, lang=a.lang),
                           "A4", f"sleeve {a.code}")
        originals = [d for d in data if d["copy_role"] == "original"] if not a.single else data
        return _output(c, lambda p: inserts.seal_bag_label_pdf(originals, p, lang=a.lang),
                       "A4", f"seal bag {a.code}")
    except PrintError as exc:
        return _print_error(exc)


def register_to_pdf(c: Context) -> int:
    """`keeper register ... --pdf FILE / --printer NAME`."""
    from printing import register

    a = c.args
    s = c.session
    doc = catalogue.register_document(
        s, since=parse_user(a.date_from) if a.date_from else None,
        until=parse_user(a.date_to) if a.date_to else None, case_no=a.case, code=a.code,
        badge=a.person)
    loader = catalogue.signature_loader(s)
    return _output(c, lambda p: register.register_pdf(doc, p, load_signature=loader,
                                                      lang=a.lang), "A4", "register")


def cmd_print(c: Context) -> int:
    from printing import PrintError, cups, labels, layouts, reports

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
                flags = ("default " if p.default else "") + ("" if p.accepting else
                                                              "NOT accepting ")
                print(f"{p.name:<24} {p.state:<9} {flags}{p.reason}".rstrip())
            return 0
        if what == "calibrate":
            if not a.printer or a.dx is None or a.dy is None:
                raise RuleViolation("missing_field", "calibrate needs --printer, --dx and --dy")
            path = layouts.save_calibration(a.printer, layouts.Calibration(a.dx, a.dy,
                                                                           a.dpi or 300))
            print(f"calibration of {a.printer} saved in {path}")
            return 0
        if what == "file":
            if not a.ref or not a.printer:
                raise RuleViolation("missing_field", "print file needs FILE and --printer")
            job = cups.print_pdf(a.ref, a.printer, media=a.media,
                                 server=getattr(a, "cups_server", None))
            print(f"sent to {a.printer}: job {job}")
            return 0
        if what == "calibration":
            sheet = layouts.sheet(a.sheet)
            cal = _calibration(c)
            return _output(c, lambda p: labels.calibration_sheet_pdf(
                p, sheet=sheet, calibration=cal, lang=a.lang), sheet.cups_media,
                "calibration")
        if not a.ref:
            raise RuleViolation("missing_field", f"print {what} needs what to print (an id)")
        s = c.session
        if what == "receipt":
            hid = int(a.ref) if a.ref.isdigit() else catalogue.handover_of(s, a.ref)
            data = catalogue.handover_receipt(s, hid)
            fn: Callable[..., Any] = reports.handover_receipt_pdf
        elif what == "incident":
            data = catalogue.incident_report(s, _int(a.ref))
            fn = reports.incident_report_pdf
        elif what == "court":
            data = catalogue.court_transfer_list(s, _int(a.ref))
            fn = reports.court_transfer_list_pdf
        else:
            data = catalogue.archive_handover_list(s, a.ref)
            fn = reports.archive_handover_list_pdf
        return _output(c, lambda p: fn(data, p, lang=a.lang), "A4", f"{what} {a.ref}")
    except PrintError as exc:
        return _print_error(exc)


def _int(text: str) -> int:
    if not text.isdigit():
        raise RuleViolation("bad_number", f"'{text}' is not an entry number")
    return int(text)


def add_output_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--pdf", metavar="FILE", help="save as PDF")
    sp.add_argument("--printer", metavar="NAME", help="send to this CUPS printer")
    sp.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")


def register(add: AddCommand) -> None:
    sp = add("label", cmd_label, "disc labels (both discs of the pair), sleeve inserts or the "
             "seal-bag label, as PDF and/or to a printer")
    sp.add_argument("code")
    sp.add_argument("--kind", choices=["disc", "sleeve", "seal-bag"], default="disc")
    sp.add_argument("--single", action="store_true", help="only this disc, not the pair")
    sp.add_argument("--sheet", default="avery-l7676",
                    help="label sheet template id or .json file (default avery-l7676)")
    sp.add_argument("--start", type=int, default=1,
                    help="first free label position on the sheet (1 = first)")
    sp.add_argument("--dx", type=float, help="calibration: the printer prints this many mm "
                    "too far right (default: the printer's saved calibration)")
    sp.add_argument("--dy", type=float, help="calibration: ... this many mm too far down")
    sp.add_argument("--dpi", type=int, help="printer resolution for the barcode (300)")
    sp.add_argument("--guides", action="store_true", help="draw the label outlines")
    add_output_args(sp)
    sp = add("print", cmd_print, "print receipts, reports and lists; list printers; "
             "calibrate a printer")
    sp.add_argument("what", choices=["receipt", "incident", "court", "archive", "calibration",
                                     "file", "printers", "calibrate"])
    sp.add_argument("ref", nargs="?", help="receipt: handover id or a disc code; incident: "
                    "id; court: request id; archive: case number; file: a PDF")
    sp.add_argument("--sheet", default="avery-l7676")
    sp.add_argument("--media", default="A4", help="print file: paper (default A4)")
    sp.add_argument("--dx", type=float)
    sp.add_argument("--dy", type=float)
    sp.add_argument("--dpi", type=int)
    add_output_args(sp)
