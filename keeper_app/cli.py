"""The `keeper` command. It calls services only; it never writes SQL.

Exit codes: 0 done; 1 refused by a rule, or the audit does not verify; 2 bad input (a
malformed or unknown code, a bad argument, no database).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import cli_format as fmt
from . import cli_print
from .cli_auth import CredentialSource
from .domain.errors import RuleViolation
from .services import admin, custody, intake, lookup, transfers
from .services import people as people_svc
from .services.session import Credential, Session, parse_code, sign_in
from .store import Database, StoreError, open_database
from .timeutil import BadTime, parse_user

BAD_INPUT_CODES = {"unknown_medium", "unknown_case", "unknown_badge", "bad_time"}


def default_db() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "keeper" / "keeper.sqlite"


def private_data_dir(db_path: Path) -> None:
    """Keeper's own data folder (that of the default database) is private to its user
    (0700): made so when missing, and narrowed when an older Keeper or ``mkdir`` left it
    readable by others. A folder named with --db is the user's choice and is left alone."""
    folder = default_db().parent
    if Path(db_path).parent != folder:
        return
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = folder.stat()
    if st.st_uid == os.getuid() and st.st_mode & 0o077:
        folder.chmod(0o700)


class Ctx:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.creds = CredentialSource(args.credentials)
        self._db: Database | None = None
        self._session: Session | None = None
        self._my_password: str | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            private_data_dir(self.args.db)
            self._db = open_database(self.args.db, create=self.args.command in ("init", "demo"))
        return self._db

    @property
    def session(self) -> Session:
        if self._session is None:
            badge = self.args.as_badge or os.environ.get("KEEPER_BADGE")
            if not badge:
                raise RuleViolation("not_signed_in",
                                    "sign in: give your badge number with --as BADGE")
            pw = self.creds.password(badge, "sign in and sign")
            self._session = sign_in(self.db, badge, pw)
            self._my_password = pw
        return self._session

    def me(self, purpose: str) -> Credential:
        """The signed-in person's own signature: one command is one moment, so the password
        typed for this command signs its entry (checked again by the service)."""
        s = self.session
        assert self._my_password is not None
        return Credential(s.person.badge, self._my_password)

    def other(self, badge: str, purpose: str) -> Credential:
        return self.creds.credential(badge, purpose)

    def out(self, data: Any, human: Callable[[Any], str]) -> None:
        if self.args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(human(data))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


# --------------------------------------------------------------------- commands
def cmd_gui(c: Ctx) -> int:
    try:
        from .ui.app import run_gui
    except ImportError as exc:
        print(f"the desktop application is not available: {exc}", file=sys.stderr)
        return 2
    private_data_dir(c.args.db)
    return run_gui(str(c.args.db))


def cmd_init(c: Ctx) -> int:
    a = c.args
    if a.admin_badge and not (a.unit_code and a.unit_name and a.admin_name):
        raise RuleViolation("missing_field",
                            "--admin-badge needs --admin-name, --unit-code and --unit-name")

    def admin_password() -> str:
        pw = c.creds.password(a.admin_badge, "new administrator's password")
        if a.credentials is None and pw != c.creds.password(a.admin_badge, "once more"):
            raise RuleViolation("password_mismatch", "the two passwords differ")
        return pw

    # a new database's administrator password is asked before the file is made: a refusal
    # (no terminal, two different passwords) leaves nothing behind
    first = admin_password() if a.admin_badge and not Path(a.db).exists() else None
    db = c.db
    if a.admin_badge:
        from .store import people as people_repo

        if people_repo.count(db.conn) == 0:
            pw = first if first is not None else admin_password()
            people_svc.bootstrap(db, a.unit_code, a.unit_name, a.admin_badge, a.admin_name, pw)
            print(f"administrator {a.admin_badge.upper()} created")
    print(f"database ready: {db.path} (schema version {db.schema_version})")
    return 0


def cmd_demo(c: Ctx) -> int:
    from .demo import make_demo

    info = make_demo(c.db)
    c.out(fmt.demo_dict(info), fmt.demo_text)
    return 0


def cmd_scan(c: Ctx) -> int:
    parse_code(c.args.code)  # a malformed code is refused before anything else
    rec = lookup.scan(c.session, c.args.code)
    c.out(rec.to_dict(), fmt.scan_text)
    return 0


def cmd_media(c: Ctx) -> int:
    a = c.args
    rows = lookup.media(c.session, case_no=a.case, status=a.status, copy_role=a.copy,
                        location=a.location, limit=a.limit, offset=a.offset)
    c.out(rows, fmt.media_text)
    return 0


def cmd_cases(c: Ctx) -> int:
    c.out(lookup.cases(c.session), fmt.cases_text)
    return 0


def cmd_due(c: Ctx) -> int:
    c.out(lookup.due(c.session), fmt.due_text)
    return 0


def cmd_inbox(c: Ctx) -> int:
    c.out(lookup.inbox(c.session), fmt.inbox_text)
    return 0


def cmd_register(c: Ctx) -> int:
    a = c.args
    if a.pdf or a.printer:
        return cli_print.register_to_pdf(c)
    rows = lookup.register(
        c.session, since=parse_user(a.date_from) if a.date_from else None,
        until=parse_user(a.date_to) if a.date_to else None, case_no=a.case, code=a.code,
        badge=a.person, open_only=True if a.open else (False if a.closed else None),
        limit=a.limit)
    c.out(rows, fmt.register_text)
    return 0


def cmd_audit(c: Ctx) -> int:
    r = admin.verify_audit(c.db)
    data = {"ok": r.ok, "events": r.events, "head": r.head_hash, "signatures": r.signatures,
            "rows": r.rows, "problems": r.problems, "first_bad_event": r.first_bad_seq}
    c.out(data, fmt.audit_text)
    return 0 if r.ok else 1


def cmd_backup(c: Ctx) -> int:
    r = admin.backup(c.session, c.args.path)
    print(f"backup written and verified: {c.args.path} ({r.events} events, head {r.head_hash})")
    return 0


def cmd_handover(c: Ctx) -> int:
    a = c.args
    s = c.session
    hid = intake.handover(
        s, a.code, c.other(a.handler, "signs the handover as case handler"),
        c.me("signs the handover as keeper"), a.seal_no, a.original_location,
        a.duplicate_location, a.late_reason, a.note or "")
    print(f"handover #{hid} registered and signed")
    return 0


def cmd_retrieve(c: Ctx) -> int:
    a = c.args
    rid = custody.retrieve(
        c.session, a.code, c.other(a.retriever, "signs the register as retriever"),
        c.me("signs the register as keeper"), a.approver, a.reason, a.hours, a.purpose or "",
        a.unit)
    print(f"register entry #{rid}: {a.code} is out")
    return 0


def cmd_return(c: Ctx) -> int:
    a = c.args
    xid = custody.return_medium(
        c.session, a.code, c.other(a.returner, "signs the return"),
        c.me("signs the return as keeper"), a.inspection, a.verification, a.note or "")
    print(f"return #{xid} recorded ({a.inspection})")
    if a.inspection != "intact":
        print("an incident was recorded and reported to the head of the case's department")
    return 0


def cmd_unseal_request(c: Ctx) -> int:
    aid = custody.request_unseal(c.session, c.args.code, c.args.reason, c.args.note or "")
    print(f"approval request #{aid} sent to the head of the case's department")
    return 0


def cmd_approve(c: Ctx) -> int:
    did = custody.decide_approval(c.session, c.args.id, c.me("signs the decision"),
                                  not c.args.refuse, c.args.note or "")
    print(f"request #{c.args.id} {'refused' if c.args.refuse else 'approved'} (decision #{did})")
    return 0


def cmd_unseal(c: Ctx) -> int:
    a = c.args
    sid = custody.unseal(c.session, a.code, a.approval, c.me("signs the unsealing as keeper"),
                         c.other(a.witness, "signs the unsealing as witness"), a.note or "")
    print(f"original unsealed (seal event #{sid}); reseal it promptly after use")
    return 0


def cmd_reseal(c: Ctx) -> int:
    a = c.args
    sid = custody.reseal(c.session, a.code, a.seal_no, c.me("signs the seal"),
                         c.other(a.witness, "signs the seal"), a.note or "")
    print(f"original resealed with seal {a.seal_no} (seal event #{sid})")
    return 0


def cmd_incident_ack(c: Ctx) -> int:
    aid = custody.acknowledge_incident(c.session, c.args.id, c.me("acknowledges the report"),
                                       c.args.note or "")
    print(f"incident #{c.args.id} acknowledged (#{aid})")
    return 0


def cmd_court_request(c: Ctx) -> int:
    a = c.args
    rid = transfers.register_court_request(c.session, a.case, a.org_kind, a.org_name,
                                           a.document_no, parse_user(a.requested_at))
    print(f"court/procuratorate request #{rid} registered; the duplicate is due within 3 days")
    return 0


def cmd_court_transfer(c: Ctx) -> int:
    a = c.args
    tid = transfers.court_transfer(c.session, a.request, a.code,
                                   c.other(a.recipient, "signs for receipt"),
                                   c.me("signs the transfer as keeper"))
    print(f"transfer #{tid}: {a.code} handed over")
    return 0


def cmd_conclude(c: Ctx) -> int:
    transfers.conclude_case(c.session, c.args.case, c.args.note or "")
    print(f"case {c.args.case} concluded")
    return 0


def cmd_archive(c: Ctx) -> int:
    a = c.args
    scanned = list(a.scan or [])
    if a.scan_stdin:
        scanned += [line.strip() for line in sys.stdin if line.strip()]
    aid = transfers.archive_handover(c.session, a.case, scanned,
                                     c.me("signs the archive handover as keeper"),
                                     c.other(a.receiver, "signs for the archives"))
    print(f"archive handover #{aid}: case {a.case} and {len(scanned)} media to the archives")
    return 0


def cmd_location(c: Ctx) -> int:
    custody.set_location(c.session, c.args.code, c.args.location)
    print(f"{c.args.code} is now at {c.args.location}")
    return 0


def cmd_correct(c: Ctx) -> int:
    a = c.args
    cid = admin.correct(c.session, a.table, a.id, a.field, a.value, a.reason,
                        c.me("signs the correction"))
    print(f"correction #{cid} recorded; the original entry is unchanged")
    return 0


# --------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="keeper", description="Keeper: custody of interrogation "
                                "recordings (discs and hard drives)")
    p.add_argument("--db", type=Path, default=default_db(), help="the database file "
                   "(default: %(default)s)")
    p.add_argument("--as", dest="as_badge", metavar="BADGE", help="your badge number (sign in)")
    p.add_argument("--credentials", metavar="FILE", help="JSON {badge: password}, mode 0600, "
                   "for scripts; otherwise passwords are asked without echo")
    p.add_argument("--json", action="store_true", help="print records as JSON")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, fn: Callable[[Ctx], int], help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=fn)
        return sp

    add("gui", cmd_gui, "open the desktop application (the default)")
    sp = add("init", cmd_init, "create or upgrade the database (idempotent)")
    sp.add_argument("--unit-code")
    sp.add_argument("--unit-name")
    sp.add_argument("--admin-badge")
    sp.add_argument("--admin-name")
    add("demo", cmd_demo, "fill an empty database with a demo office")
    sp = add("scan", cmd_scan, "show a disc by its code, as a scan at the counter does")
    sp.add_argument("code")
    sp = add("media", cmd_media, "list media")
    sp.add_argument("--case")
    sp.add_argument("--status")
    sp.add_argument("--copy", choices=["original", "duplicate", "hard_drive"])
    sp.add_argument("--location")
    sp.add_argument("--limit", type=int, default=200)
    sp.add_argument("--offset", type=int, default=0)
    add("cases", cmd_cases, "list cases")
    add("due", cmd_due, "what is due and late across the office")
    add("inbox", cmd_inbox, "a department head's incidents and approvals waiting")
    sp = add("register", cmd_register, "the special retrieval register (Art. 20)")
    sp.add_argument("--from", dest="date_from", metavar="DATE")
    sp.add_argument("--to", dest="date_to", metavar="DATE")
    sp.add_argument("--case")
    sp.add_argument("--code")
    sp.add_argument("--person", metavar="BADGE")
    g = sp.add_mutually_exclusive_group()
    g.add_argument("--open", action="store_true")
    g.add_argument("--closed", action="store_true")
    sp.add_argument("--limit", type=int, default=500)
    cli_print.add_output_args(sp)
    sp = add("audit", cmd_audit, "verify the audit chain, every row and every signature")
    sp.add_argument("what", choices=["verify"])
    sp = add("backup", cmd_backup, "sqlite online backup to a new file, verified")
    sp.add_argument("path", type=Path)
    from .cli_maint import add_maintenance_commands  # backups, restore

    add_maintenance_commands(add)

    cli_print.add_commands(add)

    sp = add("handover", cmd_handover, "register a new pair handed over by its case handler")
    sp.add_argument("code", help="code of either disc of the pair")
    sp.add_argument("--handler", required=True, metavar="BADGE")
    sp.add_argument("--seal-no", required=True)
    sp.add_argument("--original-location", required=True)
    sp.add_argument("--duplicate-location", required=True)
    sp.add_argument("--late-reason")
    sp.add_argument("--note")
    sp = add("retrieve", cmd_retrieve, "give out the duplicate (special register, Art. 20)")
    sp.add_argument("code")
    sp.add_argument("--retriever", required=True, metavar="BADGE")
    sp.add_argument("--approver", required=True, metavar="BADGE")
    sp.add_argument("--reason", required=True,
                    choices=["case_handling", "case_review", "supervision", "complaint"])
    sp.add_argument("--hours", required=True, type=int, help="estimated usage time, hours")
    sp.add_argument("--purpose")
    sp.add_argument("--unit", help="retriever's unit (default: their own)")
    sp = add("return", cmd_return, "take a disc back, inspected (Art. 20)")
    sp.add_argument("code")
    sp.add_argument("--returner", required=True, metavar="BADGE")
    sp.add_argument("--inspection", required=True,
                    choices=["intact", "damaged", "replaced", "lost"])
    sp.add_argument("--verification", default="not_checked",
                    choices=["not_checked", "match", "mismatch"])
    sp.add_argument("--note")
    sp = add("request-unseal", cmd_unseal_request, "ask the head to approve opening an original")
    sp.add_argument("code")
    sp.add_argument("--reason", required=True,
                    choices=["reproduce_duplicate", "check_duplicate"])
    sp.add_argument("--note")
    sp = add("approve", cmd_approve, "department head: approve (or --refuse) a request")
    sp.add_argument("id", type=int)
    sp.add_argument("--refuse", action="store_true")
    sp.add_argument("--note")
    sp = add("unseal", cmd_unseal, "open an original under an approved request")
    sp.add_argument("code")
    sp.add_argument("--approval", required=True, type=int)
    sp.add_argument("--witness", required=True, metavar="BADGE")
    sp.add_argument("--note")
    sp = add("reseal", cmd_reseal, "reseal an opened original with a new seal")
    sp.add_argument("code")
    sp.add_argument("--seal-no", required=True)
    sp.add_argument("--witness", required=True, metavar="BADGE")
    sp.add_argument("--note")
    sp = add("ack-incident", cmd_incident_ack, "department head: acknowledge an incident")
    sp.add_argument("id", type=int)
    sp.add_argument("--note")
    sp = add("court-request", cmd_court_request, "register a court/procuratorate request")
    sp.add_argument("--case", required=True)
    sp.add_argument("--org-kind", required=True, choices=["court", "procuratorate"])
    sp.add_argument("--org-name", required=True)
    sp.add_argument("--document-no", required=True)
    sp.add_argument("--requested-at", required=True, metavar="'YYYY-MM-DD HH:MM:SS'")
    sp = add("court-transfer", cmd_court_transfer, "hand the duplicate to the court/procuratorate")
    sp.add_argument("request", type=int)
    sp.add_argument("code")
    sp.add_argument("--recipient", required=True, metavar="BADGE")
    sp = add("conclude", cmd_conclude, "mark a case's investigation concluded")
    sp.add_argument("case")
    sp.add_argument("--note")
    sp = add("archive", cmd_archive, "hand a concluded case's media to the archives")
    sp.add_argument("case")
    sp.add_argument("--receiver", required=True, metavar="BADGE")
    sp.add_argument("--scan", action="append", metavar="CODE")
    sp.add_argument("--scan-stdin", action="store_true", help="read scanned codes from stdin")
    sp = add("location", cmd_location, "move a disc to another shelf location")
    sp.add_argument("code")
    sp.add_argument("location")
    sp = add("correct", cmd_correct, "correct an entry by a new signed entry")
    sp.add_argument("table")
    sp.add_argument("id", type=int)
    sp.add_argument("field")
    sp.add_argument("value")
    sp.add_argument("--reason", required=True)
    from .cli_burning import add_burning_commands  # drives, burn, verify, ingest, fixity

    add_burning_commands(sub, add)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args.func = cmd_gui
    ctx: Ctx | None = None
    try:
        ctx = Ctx(args)
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


if __name__ == "__main__":
    sys.exit(main())
