"""`keeper audit checkpoint` and `keeper audit check-checkpoint` (issue 10, 1e).

``keeper --as KEEPER audit checkpoint --head BADGE [--export DIR] [--pdf F] [--printer P]``:
the keeper signed in takes the daily checkpoint, the department head countersigns (their
password is asked, or read from --credentials); the slip is saved and/or printed, the file
for the supervising unit written into DIR.

``keeper audit check-checkpoint FILE [--db [PATH]]``: the file's signatures checked alone
(no database, no sign-in); with ``--db``, also against the chain of the database (``--db``
alone: the one named before the command, or the default)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..services import catalogue, checkpoints
from .context import Context
from .printing import _output, add_output_args

WHAT = ("checkpoint", "check-checkpoint")


def add_arguments(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--head", metavar="BADGE", help="checkpoint: the department head who countersigns"
    )
    sp.add_argument(
        "--export",
        metavar="DIR",
        type=Path,
        help="checkpoint: write the file for the supervising unit into DIR",
    )
    sp.add_argument(
        "--db",
        dest="against_db",
        nargs="?",
        const=True,
        default=None,
        type=str,
        metavar="PATH",
        help="check-checkpoint: also check against the chain of this database (a file or "
        "an office server's URL) "
        "(alone: the database named before the command)",
    )
    add_output_args(sp)


def cmd(c: Context) -> int:
    if c.args.what == "checkpoint":
        return take(c)
    return check(c)


def take(c: Context) -> int:
    a = c.args
    if not a.head:
        raise RuleViolation("missing_field", "say which department head countersigns: --head BADGE")
    if a.export:  # a folder that is not there: refused before anything is signed
        checkpoints.check_export_folder(a.export)
    s = c.session
    cid = checkpoints.take(
        s,
        c.me("take the daily checkpoint"),
        c.other(a.head, "countersign the daily checkpoint as department head"),
    )
    d = checkpoints.slip(s, cid)
    data: dict[str, Any] = {
        "checkpoint": cid,
        "seq": d["seq"],
        "hash": d["hash"],
        "qr": d["qr"],
        "at": d["at"],
        "signers": [
            {k: g[k] for k in ("capacity", "badge", "name", "fingerprint")} for g in d["signers"]
        ],
    }
    if a.export:
        data["file"] = str(checkpoints.export(s, cid, a.export))

    def text(x: dict[str, Any]) -> str:
        lines = [
            f"checkpoint #{x['checkpoint']} taken {x['at']}: event {x['seq']}, hash {x['hash']}"
        ]
        lines += [
            f"  signed by {g['badge']} {g['name']} ({g['capacity']}), key {g['fingerprint']}"
            for g in x["signers"]
        ]
        if "file" in x:
            lines.append(f"exported {x['file']}")
        return "\n".join(lines)

    c.out(data, text)
    if a.pdf or a.printer:
        return _output(c, catalogue.checkpoint_slip(cid), catalogue.Options(lang=a.lang))
    return 0


def check(c: Context) -> int:
    a = c.args
    if len(a.operands) != 1:
        raise RuleViolation("missing_field", "check-checkpoint needs one checkpoint FILE")
    file = Path(a.operands[0])
    if isinstance(a.against_db, str):  # a file's path or an office server's URL
        c.use_location(a.against_db)
    r = checkpoints.check_against(c.db if a.against_db else None, file)
    data = {
        "file": str(r.file),
        "ok": r.ok,
        "unit": r.unit,
        "seq": r.seq,
        "hash": r.hash,
        "signers": r.signers,
        "on_chain": r.on_chain,
        "problems": r.problems,
    }

    def text(x: dict[str, Any]) -> str:
        if not x["ok"]:
            return "\n".join(
                [f"CHECKPOINT CHECK FAILED: {x['file']}"] + [f"  - {p}" for p in x["problems"]]
            )
        who = ", ".join(f"{g['badge']} ({g['capacity']})" for g in x["signers"])
        lines = [
            f"checkpoint file {x['file']}: unit {x['unit']}, event {x['seq']}, hash {x['hash']}",
            f"  signatures verify: {who}",
        ]
        lines.append(
            f"  on the chain of {c.db.shown}"
            if x["on_chain"]
            else "  not checked against a database (add --db)"
        )
        return "\n".join(lines)

    c.out(data, text)
    return 0 if r.ok else 1
