"""The office server's administration (issue 11): ``keeper server init URL`` sets up (and
upgrades) the PostgreSQL database of an office and its two roles; ``keeper migrate --to
URL`` moves the single-file office named by ``--db`` onto it. Both take the server
administrator's URL (a superuser such as ``postgres``, or a role with CREATEROLE and
CREATEDB) and need no Keeper sign-in. ``keeper backup`` and ``keeper restore`` work for a
server office too (:mod:`.maintenance`)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..domain.errors import RuleViolation
from ..services import server
from .auth import check_private
from .context import AddCommand, Context

#: for scripts: the application role's password, instead of a prompt or a file
APP_PASSWORD_ENV = "KEEPER_APP_PASSWORD"


def register(add: AddCommand) -> None:
    help_ = (
        "the office server (PostgreSQL 15): 'server init URL' sets up or upgrades the office "
        "database URL names, with its owner role and the desks' application role"
    )
    sp = add("server", cmd_server, help_)
    sub = sp.add_subparsers(dest="server_command", metavar="SUBCOMMAND")
    help_ = (
        "create the database (UTF8, collation C) and the two roles if missing, migrate the "
        "schema as the owner, grant the application role what the append-only rules allow "
        "and revoke the rest; run again after upgrading Keeper"
    )
    init = sub.add_parser("init", help=help_, description=help_)
    init.set_defaults(func=cmd_server_init)
    init.add_argument(
        "url",
        metavar="URL",
        help="the administrator's URL naming the office database, e.g. "
        "postgresql://postgres@db.office.lan/keeper?sslmode=verify-full",
    )
    init.add_argument(
        "--owner",
        default=server.DEFAULT_OWNER,
        help="the owner role: owns the database and its schema (default: %(default)s)",
    )
    init.add_argument(
        "--app-role",
        default=server.DEFAULT_APP,
        help="the role every desk signs in with (default: %(default)s)",
    )
    init.add_argument(
        "--app-password-file",
        type=Path,
        metavar="FILE",
        help="the application role's password: the first line of FILE, mode 0600 (otherwise "
        f"${APP_PASSWORD_ENV}, otherwise asked twice without echo). Asked only when the role "
        "is new; given for an existing role, it sets a new password",
    )
    init.add_argument(
        "--owner-password-file",
        type=Path,
        metavar="FILE",
        help="make the owner a LOGIN role with the password in FILE (default: NOLOGIN; the "
        "administrator acts as it)",
    )
    sp = add(
        "migrate",
        cmd_migrate,
        "move the single-file office (--db FILE) onto an office server: its chain verified, "
        "every row copied, the server's chain verified, the same head shown for both",
    )
    sp.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the administrator's URL of a database set up by 'keeper server init' and holding "
        "no Keeper row",
    )


def cmd_server(c: Context) -> int:
    print("usage: keeper server init URL [--owner NAME] [--app-role NAME] ...", file=sys.stderr)
    return 2


def _read_first_line(path: Path) -> str:
    check_private(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleViolation("bad_argument", f"cannot read {path}: {exc.strerror}") from None
    return text.splitlines()[0] if text else ""


def _app_password(a: argparse.Namespace) -> server.PasswordSource | None:
    """Where the application role's password comes from: the file, the environment, or
    (only if the role is new) a prompt."""
    if a.app_password_file is not None:
        pw = server.check_app_password(_read_first_line(a.app_password_file))
        return lambda: pw
    env = os.environ.get(APP_PASSWORD_ENV)
    if env:
        pw = server.check_app_password(env)
        return lambda: pw
    return None


def _prompt(role: str) -> str:
    if not sys.stdin.isatty():
        raise RuleViolation(
            "no_terminal",
            f"no terminal to ask the password of {role}: give --app-password-file FILE or "
            f"${APP_PASSWORD_ENV}",
        )
    first = getpass.getpass(f"new password for the role {role} (the desks sign in with it): ")
    server.check_app_password(first)
    if getpass.getpass("the same password again: ") != first:
        raise RuleViolation("password_mismatch", "the two passwords differ; nothing was changed")
    return first


def cmd_server_init(c: Context) -> int:
    a = c.args
    given = _app_password(a)
    owner_pw = None
    if a.owner_password_file is not None:
        owner_pw = server.check_app_password(
            _read_first_line(a.owner_password_file), f"the owner role {a.owner}"
        )
    r = server.init(
        a.url,
        a.owner,
        a.app_role,
        app_password=given,
        owner_password=owner_pw,
        ask_app_password=lambda: _prompt(a.app_role),
    )
    for line in r.done:
        print(f"- {line}")
    if r.version == r.from_version:
        print(f"- the schema was up to date (version {r.version})")
    print(f"the office database {r.database} is ready: schema version {r.version}")
    print(f"each desk configures:  --db {r.app_url}   (or KEEPER_DB, or the app's settings)")
    print(f"and signs in to the server as {r.app} with its password")
    return 0


def cmd_migrate(c: Context) -> int:
    r = server.migrate_file(c.db_path, c.args.to)
    print(
        f"the file {r.source} verifies: {r.before.events} audit events, head "
        f"{r.source_head[0]} {r.source_head[1]}"
    )
    print(f"copied {r.rows} rows into {r.target}")
    print(
        f"the server verifies:   {r.after.events} audit events, head "
        f"{r.server_head[0]} {r.server_head[1]}"
    )
    print(f"each desk now configures: --db {r.app_url}")
    print(
        f"stop using the file {r.source}: what is recorded in it from now on is not on the server"
    )
    return 0
