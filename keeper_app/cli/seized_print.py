"""`keeper seized print tag|inventory|release REF`: the documents of seized storage media
(issue 15) — an item's tag (or every tag of a seizure) on the tag sheet, a seizure's
查封/扣押 inventory, a release's notice with its release inventory — as PDF and/or to a
printer, from ``services.catalogue`` like every other printed document.

Added under the ``keeper seized`` group of :mod:`.seized` once the parser is built
(:func:`register_under`), so that the group's own commands stay in its module."""

from __future__ import annotations

import argparse

from ..domain.errors import RuleViolation
from ..services import catalogue
from .context import Context
from .printing import _options, _output, add_output_args

KINDS = ("tag", "inventory", "release")


def cmd_print(c: Context) -> int:
    a = c.args
    if a.kind == "tag":
        doc = catalogue.seized_tags_of(a.ref)
    elif a.kind == "inventory":
        doc = catalogue.seized_inventory_of(a.ref)
    else:
        if not a.ref.strip().isdigit():
            raise RuleViolation("bad_number", f"'{a.ref}' is not a release request's number")
        doc = catalogue.seized_release_of(int(a.ref))
    return _output(c, doc, _options(c, on_sheet=doc.on_sheet))


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(f"{parser.prog} has no subcommands")


def register_under(parser: argparse.ArgumentParser) -> None:
    """Add ``print`` to the ``keeper seized`` group of the built ``keeper`` parser."""
    group = _subcommands(parser).choices["seized"]
    help_ = (
        "print a seized item's tag (CODE; or a seizure's NUMBER: all its tags), a seizure's "
        "inventory (NUMBER or an item's CODE) or a release's notice with its inventory "
        "(the release request's NUMBER)"
    )
    sp = _subcommands(group).add_parser("print", help=help_, description=help_)
    sp.set_defaults(func=cmd_print, sheet="avery-l7676")
    sp.add_argument("kind", choices=KINDS)
    sp.add_argument("ref", help="an item's code, a seizure's or a release request's number")
    sp.add_argument(
        "--start", type=int, default=1, help="tag: first free label on the tag sheet (1 to 8)"
    )
    sp.add_argument(
        "--dx",
        type=float,
        help="tag: the printer prints this many mm too far right (default: its calibration)",
    )
    sp.add_argument("--dy", type=float, help="tag: ... this many mm too far down")
    sp.add_argument("--dpi", type=int, help="printer resolution for the barcodes (300)")
    sp.add_argument("--guides", action="store_true", help="tag: draw the label outlines")
    add_output_args(sp)
