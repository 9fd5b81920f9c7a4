"""`keeper backups` and `keeper restore`: the backup copies and bringing one back.

Neither needs a sign-in: a damaged database cannot sign anyone in, and whoever may write
the database file could replace it anyway. Restore shows what the copy holds and asks
(or takes --yes); the current file is kept aside, never deleted."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..services import backups
from ..store.health import FileReport
from ..timeutil import show

Add = Callable[[str, Callable[[Any], int], str], argparse.ArgumentParser]


def add_maintenance_commands(add: Add) -> None:
    sp = add("backups", cmd_backups, "list the backup copies and whether each verified")
    sp.add_argument("--folder", type=Path, help="the backup folder (default: backups/ next "
                    "to the database)")
    sp.add_argument("--check", action="store_true", help="open and verify every copy again")
    sp = add("restore", cmd_restore, "bring a backup copy back in place of the database "
             "(close every Keeper first; the current file is kept aside)")
    sp.add_argument("file", type=Path, help="the backup copy")
    sp.add_argument("--yes", action="store_true", help="restore without asking")


def _row(b: Any, rep: FileReport | None) -> dict[str, Any]:
    rec = b.record
    state = b.state
    if rep is not None:
        state = "verified now" if rep.ok else "FAILS now: " + "; ".join(rep.problems[:2])
    return {"file": str(b.path), "taken_at": show(rec.taken_at) if rec else "",
            "events": rec.events if rec else None, "head": rec.head if rec else "",
            "size": b.size, "verified": b.verified if rep is None else rep.ok, "state": state}


def cmd_backups(c: Any) -> int:
    folder = c.args.folder or backups.default_folder(c.args.db)
    rows = [_row(b, rep) for b, rep in backups.listing(folder, check=c.args.check)]

    def text(rs: list[dict[str, Any]]) -> str:
        if not rs:
            return f"no backup copies in {folder}"
        lines = [f"backup copies in {folder}, newest first:"]
        for r in rs:
            ev = "?" if r["events"] is None else r["events"]
            lines.append(f"  {Path(r['file']).name}  {r['taken_at'] or '-':<19}  {ev:>7} events"
                         f"  head {r['head'][:12] or '-':<12}  {r['state']}")
        return "\n".join(lines)

    c.out(rows, text)
    return 0 if all(r["verified"] for r in rows) or not c.args.check else 1


def describe(rep: FileReport) -> str:
    counts = ", ".join(f"{n} {t}" for t, n in rep.counts.items())
    return "\n".join([
        f"backup        {rep.path}",
        "checked       integrity ok, audit chain verifies" if rep.ok else
        "checked       FAILS: " + "; ".join(rep.problems[:3]),
        f"schema        version {rep.schema_version}",
        f"audit events  {rep.events} (head {rep.head})",
        f"last event    {show(rep.last_event_at) if rep.last_event_at else '-'}",
        f"holds         {counts}",
    ])


def cmd_restore(c: Any) -> int:
    plan = backups.plan_restore(c.args.db, c.args.file)
    print(describe(plan.report))
    print(f"restore it as {plan.db_path}; the current file is kept as {plan.aside}")
    if not c.args.yes:
        if not sys.stdin.isatty():
            raise RuleViolation("no_terminal", "no terminal to confirm the restore; add --yes")
        answer = input("Restore this backup? Everything recorded after it is only in the "
                       "file kept aside. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("not restored; nothing was changed")
            return 1
    r = backups.restore(plan)
    print(f"restored: {r.events} audit events (head {r.head}), the restore itself recorded; "
          f"the previous file is kept as {plan.aside}")
    return 0
