"""The `keeper` commands that keep the office running: ``gui`` (the desktop application),
``init``, ``demo``, ``audit verify``, ``audit check-head`` (a printed head held against the
chain), ``backup``, and ``backups`` / ``restore``: the backup copies and bringing one back.

``backups`` and ``restore`` need no sign-in: a damaged database cannot sign anyone in, and
whoever may write the database file could replace it anyway. Restore shows what the copy
holds and asks (or takes --yes); the current file is kept aside, never deleted."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..services import admin, backups, documents, heads, reads, server, witnesses
from ..services import people as people_svc
from ..store import StoreError
from ..timeutil import show
from . import checkpoints as checkpoints_cli
from . import format as fmt
from .context import AddCommand, Context, private_data_dir


def register(add: AddCommand) -> None:
    add("gui", cmd_gui, "open the desktop application (the default)")
    sp = add("init", cmd_init, "create or upgrade the database (idempotent)")
    sp.add_argument("--unit-code")
    sp.add_argument("--unit-name")
    sp.add_argument("--admin-badge")
    sp.add_argument("--admin-name")
    sp.add_argument("--head-badge", help="the first department head (made with the administrator)")
    sp.add_argument("--head-name")
    sp.add_argument("--head-department", help="the case-handling department the head heads")
    add("demo", cmd_demo, "fill an empty database with a demo office")
    sp = add(
        "audit",
        cmd_audit,
        "verify the audit chain, every row and every signature; check-head: hold the head "
        "printed on a page against the chain; take the daily checkpoint (checkpoint --head "
        "BADGE) or check a checkpoint file (check-checkpoint FILE [--db]); reads: who read "
        "what of your departments' cases (a department head: --since, --until, --case)",
    )
    sp.add_argument("what", choices=["verify", "check-head", "reads", *checkpoints_cli.WHAT])
    sp.add_argument(
        "operands",
        nargs="*",
        metavar="SEQ HASH | FILE",
        help="check-head: the event number and hash printed on a page, or its QR code's text; "
        "check-checkpoint: the checkpoint file",
    )
    checkpoints_cli.add_arguments(sp)
    sp.add_argument(
        "--since",
        metavar="WHEN",
        help="reads: from YYYY-MM-DD [HH:MM[:SS]] (default: the last 30 days)",
    )
    sp.add_argument("--until", metavar="WHEN", help="reads: up to this date (a date: included)")
    sp.add_argument("--case", dest="case_no", metavar="CASE_NO", help="reads: this case only")
    sp.add_argument(
        "--witness",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="also hold the chain against this witness: a checkpoint file or another "
        "account's witness log (may be given more than once)",
    )
    sp.add_argument(
        "--backups",
        type=Path,
        metavar="FOLDER",
        help="the backup folder whose records are witnesses (default: backups/ next to the "
        "database)",
    )
    sp = add("backup", cmd_backup, "sqlite online backup to a new file, verified")
    sp.add_argument("path", type=Path)
    sp = add("backups", cmd_backups, "list the backup copies and whether each verified")
    sp.add_argument(
        "--folder", type=Path, help="the backup folder (default: backups/ next to the database)"
    )
    sp.add_argument("--check", action="store_true", help="open and verify every copy again")
    sp = add(
        "restore",
        cmd_restore,
        "bring a backup copy back in place of the database "
        "(close every Keeper first; the current file is kept aside)",
    )
    sp.add_argument("file", type=Path, help="the backup copy")
    sp.add_argument("--yes", action="store_true", help="restore without asking")


def cmd_gui(c: Context) -> int:
    try:
        from ..ui.app import run_gui
    except ImportError as exc:
        print(f"the desktop application is not available: {exc}", file=sys.stderr)
        return 2
    if not c.is_server:
        private_data_dir(c.db_path)
    return run_gui(c.location, chosen=c.location_chosen)


def cmd_init(c: Context) -> int:
    """A new office needs its administrator and its first department head together: without a
    head nobody could countersign the first custody role."""
    a = c.args
    if a.admin_badge and not (
        a.unit_code
        and a.unit_name
        and a.admin_name
        and a.head_badge
        and a.head_name
        and a.head_department
    ):
        raise RuleViolation(
            "missing_field",
            "--admin-badge needs --admin-name, --unit-code, --unit-name and the first "
            "department head: --head-badge, --head-name, --head-department",
        )

    def new_password(badge: str, who: str) -> str:
        pw = c.creds.password(badge, f"new {who}'s password")
        if a.credentials is None and pw != c.creds.password(badge, "once more"):
            raise RuleViolation("password_mismatch", "the two passwords differ")
        return pw

    def passwords() -> tuple[str, str]:
        return new_password(a.admin_badge, "administrator"), new_password(
            a.head_badge, "department head"
        )

    # a new database's passwords are asked before the file is made: a refusal (no terminal,
    # two different passwords) leaves nothing behind
    first = passwords() if a.admin_badge and not c.is_server and not c.db_path.exists() else None
    db = c.db
    if a.admin_badge:
        if people_svc.needs_bootstrap(db):
            pw, head_pw = first if first is not None else passwords()
            head = people_svc.FirstHead(a.head_badge, a.head_name, head_pw, a.head_department)
            people_svc.bootstrap(
                db, a.unit_code, a.unit_name, a.admin_badge, a.admin_name, pw, head
            )
            print(
                f"administrator {a.admin_badge.upper()} and department head "
                f"{a.head_badge.upper()} created"
            )
    print(f"database ready: {db.path} (schema version {db.schema_version})")
    return 0


def cmd_demo(c: Context) -> int:
    from ..demo import make_demo

    info = make_demo(c.db)
    c.out(fmt.demo_dict(info), fmt.demo_text)
    return 0


def cmd_audit(c: Context) -> int:
    if c.args.what == "check-head":
        return cmd_check_head(c)
    if c.args.what == "reads":
        return cmd_reads(c)
    if c.args.what in checkpoints_cli.WHAT:
        return checkpoints_cli.cmd(c)
    if c.args.operands:
        raise RuleViolation("bad_head", "audit verify takes no SEQ HASH (that is check-head)")
    # read-only: no migration, no .bak, nothing written (issue 10, point 6)
    r, w = admin.verify_audit_and_witnesses(c.location, c.args.witness, c.args.backups)
    data = {
        "ok": r.ok,
        "events": r.events,
        "head": r.head_hash,
        "signatures": r.signatures,
        "rows": r.rows,
        "problems": r.problems,
        "first_bad_event": r.first_bad_seq,
        "witnesses": w.to_dict(),
        "witness_summary": w.text(),
    }
    c.out(data, fmt.audit_text)
    return 0 if r.ok and w.ok else 1


def cmd_reads(c: Context) -> int:
    """``keeper --as HEAD audit reads [--since WHEN] [--until WHEN] [--case CASE_NO]``: who
    read what of the department head's cases (services.reads.report), newest first."""
    if c.args.operands:
        raise RuleViolation("bad_operands", "audit reads takes no operands: use --since, --case")
    p = documents.period(c.args.since, c.args.until)
    rows = reads.report(c.session, since=p.since, until=p.until, case_no=c.args.case_no)
    c.out(rows, fmt.reads_text)
    return 0


def cmd_check_head(c: Context) -> int:
    """``keeper audit check-head SEQ HASH`` (or the QR code's text): a printout's head held
    against the chain. Like verify it reads only, and needs no sign-in. Exit 0 when the
    chain holds that event with that hash, 1 (with the message naming the printout) when
    not, 2 for input that is no head."""
    seq, hash_ = heads.parse_head_args(c.args.operands)
    r = heads.check_head(c.db, seq, hash_, heads.printout_name(seq, hash_))
    c.out(r.to_dict(), lambda d: d["message"] if d["ok"] else f"DISAGREES: {d['message']}")
    return 0 if r.ok else 1


def cmd_backup(c: Context) -> int:
    r = admin.backup(c.session, c.args.path)
    print(f"backup written and verified: {c.args.path} ({r.events} events, head {r.head_hash})")
    return 0


def _row(b: Any, rep: backups.FileReport | None, live: str | None = None) -> dict[str, Any]:
    rec = b.record
    state = b.state
    if rep is not None:
        state = "verified now" if rep.ok else "FAILS now: " + "; ".join(rep.problems[:2])
    if live is not None:
        state += "; " + live
    return {
        "file": str(b.path),
        "taken_at": show(rec.taken_at) if rec else "",
        "events": rec.events if rec else None,
        "head": rec.head if rec else "",
        "size": b.size,
        "verified": b.verified if rep is None else rep.ok,
        "state": state,
        "live_problem": live,
    }


def _live_checks(
    c: Context, listed: list[tuple[Any, backups.FileReport | None]]
) -> tuple[list[str | None], str | None]:
    """Each copy held against the live database's chain (a copy with a longer chain or
    another hash at its head: the live file was truncated or rolled back)."""
    try:
        db = c.db
    except StoreError as exc:
        return [None] * len(listed), f"the live database could not be opened to compare: {exc}"
    out: list[str | None] = []
    for b, rep in listed:
        if rep is not None and rep.ok:
            seq, h = rep.events, rep.head
        elif b.record is not None and b.record.verified:
            seq, h = b.record.events, b.record.head
        else:
            out.append(None)
            continue
        out.append(witnesses.check_one(db.conn, seq, h, f"backup {b.path}").problem)
    return out, None


def cmd_backups(c: Context) -> int:
    folder = c.args.folder or backups.default_folder(c.db_path)
    listed = backups.listing(folder, check=c.args.check)
    lives, note = _live_checks(c, listed) if c.args.check else ([None] * len(listed), None)
    rows = [_row(b, rep, live) for (b, rep), live in zip(listed, lives, strict=True)]

    def text(rs: list[dict[str, Any]]) -> str:
        if not rs:
            return f"no backup copies in {folder}"
        lines = [f"backup copies in {folder}, newest first:"]
        for r in rs:
            ev = "?" if r["events"] is None else r["events"]
            lines.append(
                f"  {Path(r['file']).name}  {r['taken_at'] or '-':<19}  {ev:>7} events"
                f"  head {r['head'][:12] or '-':<12}  {r['state']}"
            )
        problems = [r["live_problem"] for r in rs if r["live_problem"]]
        if problems:
            lines.append("THE LIVE DATABASE WAS TRUNCATED OR ROLLED BACK:")
            lines += [f"  - {p}" for p in problems]
        if note:
            lines.append(note)
        return "\n".join(lines)

    c.out(rows, text)
    if not c.args.check:
        return 0
    return 0 if all(r["verified"] and not r["live_problem"] for r in rows) else 1


def describe(rep: backups.FileReport) -> str:
    counts = ", ".join(f"{n} {t}" for t, n in rep.counts.items())
    return "\n".join(
        [
            f"backup        {rep.path}",
            "checked       integrity ok, audit chain verifies"
            if rep.ok
            else "checked       FAILS: " + "; ".join(rep.problems[:3]),
            f"schema        version {rep.schema_version}",
            f"audit events  {rep.events} (head {rep.head})",
            f"last event    {show(rep.last_event_at) if rep.last_event_at else '-'}",
            f"holds         {counts}",
        ]
    )


def cmd_restore(c: Context) -> int:
    if server.is_server_url(c.location):
        return _restore_to_server(c)
    plan = backups.plan_restore(c.db_path, c.args.file)
    print(describe(plan.report))
    print(f"restore it as {plan.db_path}; the current file is kept as {plan.aside}")
    if not c.args.yes:
        if not sys.stdin.isatty():
            raise RuleViolation("no_terminal", "no terminal to confirm the restore; add --yes")
        answer = input(
            "Restore this backup? Everything recorded after it is only in the "
            "file kept aside. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("not restored; nothing was changed")
            return 1
    r = backups.restore(plan)
    print(
        f"restored: {r.events} audit events (head {r.head}), the restore itself recorded; "
        f"the previous file is kept as {plan.aside}"
    )
    return 0


def _restore_to_server(c: Context) -> int:
    """``keeper restore FILE`` with an office server's URL (the administrator's): into an
    empty database only (a server database is never replaced)."""
    print(describe(server.describe_backup(c.args.file)))
    print(f"restore it into the office server {server.safe_url(c.location)} (it must be empty)")
    if not c.args.yes:
        if not sys.stdin.isatty():
            raise RuleViolation("no_terminal", "no terminal to confirm the restore; add --yes")
        if input("Restore this backup into the server? [y/N] ").strip().lower() not in ("y", "yes"):
            print("not restored; nothing was changed")
            return 1
    r = server.restore_to_server(c.args.file, c.location)
    print(
        f"the backup verifies: head {r.report.source_head[0]} {r.report.source_head[1]}; "
        f"{r.report.rows} rows copied"
    )
    print(
        f"restored into {r.report.target}: {r.events} audit events (head {r.head}), the restore "
        "itself recorded; the server's chain verifies"
    )
    print(f"each desk configures: --db {r.report.app_url}")
    return 0
