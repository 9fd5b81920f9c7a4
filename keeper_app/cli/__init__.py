"""The `keeper` command. It calls services only; it never writes SQL.

One module per command group — :mod:`.maintenance` (gui, init, demo, audit, backups),
:mod:`.custody` (scan, lists, the register and its workflows), :mod:`.printing` (labels,
register pages, receipts, reports, printers), :mod:`.discs` (drives, burning, reading back,
hard-drive storage) and :mod:`.people` (unlocking; adding people with enrolment codes,
enrolling, passwords, the key history and key forms) and :mod:`.seized` (seized storage
media) — each with a ``register(add)`` that adds its
commands; every command is given the typed :class:`~.context.Context`.

Exit codes: 0 done; 1 refused by a rule, or the audit does not verify; 2 bad input (a
malformed or unknown code, a bad argument, no database).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..domain.errors import RuleViolation
from ..store import StoreError
from ..timeutil import BadTime
from . import (
    custody,
    discs,
    inventory,
    maintenance,
    packages,
    people,
    printing,
    reviews,
    seized,
    seized_print,
    spot_checks,
)
from .context import Command, Context, default_location

BAD_INPUT_CODES = {
    "unknown_medium",
    "unknown_case",
    "unknown_badge",
    "bad_time",
    "bad_head",
    "unknown_seized_item",
    "unknown_seizure",
    "bad_inventory",
    "bad_argument",
}

#: the command groups, in the order `keeper --help` lists them
GROUPS = (
    maintenance,
    custody,
    inventory,
    printing,
    discs,
    packages,
    people,
    reviews,
    spot_checks,
    seized,
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="keeper",
        description="Keeper: custody of interrogation recordings (discs and hard drives)",
    )
    p.add_argument(
        "--db",
        default=None,
        help="the database: a file's path, or an office server's postgresql:// URL "
        f"(default: $KEEPER_DB, else {default_location()})",
    )
    p.add_argument("--as", dest="as_badge", metavar="BADGE", help="your badge number (sign in)")
    p.add_argument(
        "--credentials",
        metavar="FILE",
        help="JSON {badge: password}, mode 0600, "
        "for scripts; otherwise passwords are asked without echo",
    )
    p.add_argument("--json", action="store_true", help="print records as JSON")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, fn: Command, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=fn)
        return sp

    for group in GROUPS:
        group.register(add)
    seized_print.register_under(p)  # `keeper seized print`, in the seized group
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args.func = maintenance.cmd_gui
    ctx: Context | None = None
    try:
        ctx = Context(args)
        return int(args.func(ctx))
    except RuleViolation as exc:
        print(f"refused: {exc}", file=sys.stderr)
        bad_input = exc.code.startswith("code_") or exc.code in BAD_INPUT_CODES
        return 2 if bad_input else 1
    except BadTime as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"database problem: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cancelled; nothing was changed", file=sys.stderr)
        return 130
    finally:
        if ctx is not None:
            ctx.close()
