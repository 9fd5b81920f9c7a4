"""``keeper region …``: the regional copy of offices (issue 11, the regional step; see
docs/regional.md). ``region publish OFFICE_URL`` on each office server, ``region subscribe
REGIONAL_URL --office NAME OFFICE_URL`` on the regional cluster for each office, ``region
status REGIONAL_URL`` to watch them; then ``keeper --db REGIONAL_DB_URL audit verify``
verifies an office's chain from the region's copy. Administrators' steps: they take the
servers' administrators' URLs and need no Keeper sign-in."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..domain.errors import RuleViolation
from ..services import region
from .context import AddCommand, Context

#: for scripts: the sender role's password (publish: the new role's; subscribe: to sign in)
SENDER_PASSWORD_ENV = "KEEPER_SENDER_PASSWORD"


def register(add: AddCommand) -> None:
    help_ = (
        "the regional copy of offices by logical replication (PostgreSQL 15): 'publish' on "
        "an office server, 'subscribe' on the regional cluster, 'status' to watch the lag"
    )
    sp = add("region", _usage, help_)
    sub = sp.add_subparsers(dest="region_command", metavar="SUBCOMMAND")
    help_ = (
        "publish every Keeper table of the office database for the region (INSERT and "
        "UPDATE; no row filter: the chain anchors every row) and make the role the region "
        "connects as; run again after upgrading Keeper"
    )
    p = sub.add_parser("publish", help=help_, description=help_)
    p.set_defaults(func=cmd_publish)
    p.add_argument("url", metavar="OFFICE_URL", help="the office server administrator's URL")
    p.add_argument(
        "--sender",
        default=region.DEFAULT_SENDER,
        help="the role the region connects as: LOGIN REPLICATION, SELECT on the tables "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--sender-password-file",
        type=Path,
        metavar="FILE",
        help=f"its password: the first line of FILE (otherwise ${SENDER_PASSWORD_ENV}); "
        "needed when the role is new",
    )
    help_ = (
        "copy an office to the regional cluster: its own database keeper_NAME with Keeper's "
        "schema, a read-only readers' role, a subscription copying every row; run again "
        "after upgrading Keeper (the region first, then the offices)"
    )
    s = sub.add_parser("subscribe", help=help_, description=help_)
    s.set_defaults(func=cmd_subscribe)
    s.add_argument("regional_url", metavar="REGIONAL_URL", help="the regional administrator's URL")
    s.add_argument("--office", required=True, metavar="NAME", help="the office's short name")
    s.add_argument(
        "office_url",
        metavar="OFFICE_URL",
        help="the office's URL as the sender role (its password: in the URL, or "
        f"--sender-password-file, or ${SENDER_PASSWORD_ENV})",
    )
    s.add_argument(
        "--sender-password-file", type=Path, metavar="FILE", help="the sender's password"
    )
    s.add_argument(
        "--reader",
        default=region.DEFAULT_READER,
        help="the readers' group role, SELECT only (default: %(default)s)",
    )
    help_ = "each office's copy on the regional cluster: replication state, errors, head"
    st = sub.add_parser("status", help=help_, description=help_)
    st.set_defaults(func=cmd_status)
    st.add_argument("regional_url", metavar="REGIONAL_URL", help="the regional administrator's URL")


def _usage(c: Context) -> int:
    print(
        "usage: keeper region publish OFFICE_URL | subscribe REGIONAL_URL --office NAME "
        "OFFICE_URL | status REGIONAL_URL",
        file=sys.stderr,
    )
    return 2


def _password(path: Path | None) -> str | None:
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleViolation("bad_argument", f"cannot read {path}: {exc.strerror}") from None
        return text.splitlines()[0] if text else None
    return os.environ.get(SENDER_PASSWORD_ENV) or None


def _with_password(url: str, password: str | None) -> str:
    if password is None or urlsplit(url).password is not None:
        return url
    user = urlsplit(url).username
    if user is None:
        raise RuleViolation("bad_argument", "OFFICE_URL names no user (the sender role)")
    return region.with_user(url, user, password)


def cmd_publish(c: Context) -> int:
    a = c.args
    r = region.publish(a.url, a.sender, _password(a.sender_password_file))

    def human(d: dict[str, Any]) -> str:
        lines = [
            f"{d['office']}: publication {region.PUBLICATION} "
            + ("created" if d["created"] else "renewed")
            + f", {d['tables']} tables (INSERT and UPDATE)"
        ]
        if d["sender"]:
            lines.append(
                f"the region connects as {d['sender']}"
                + (" (new role)" if d["sender_created"] else "")
            )
        return "\n".join(lines)

    c.out(asdict(r), human)
    return 0


def cmd_subscribe(c: Context) -> int:
    a = c.args
    url = _with_password(a.office_url, _password(a.sender_password_file))
    r = region.subscribe(a.regional_url, a.office, url, a.reader)

    def human(d: dict[str, Any]) -> str:
        return (
            f"office {d['office']}: database {d['database']}, subscription "
            f"{d['subscription']} "
            + ("created" if d["created"] else "refreshed")
            + f", {d['tables']} tables; readers: members of {d['reader']}"
        )

    c.out(asdict(r), human)
    return 0


def cmd_status(c: Context) -> int:
    copies = region.status(c.args.regional_url)

    def human(rows: list[dict[str, Any]]) -> str:
        if not rows:
            return "no office is copied to this regional cluster"
        out = []
        for d in rows:
            state = "replicating" if d["enabled"] else "DISABLED"
            if d["tables_syncing"]:
                state += f", {d['tables_syncing']} tables still copying"
            if d["apply_errors"] or d["sync_errors"]:
                state += f", ERRORS: {d['apply_errors']} apply, {d['sync_errors']} copy"
            out.append(
                f"{d['office']} ({d['database']}): {state}; last message "
                f"{d['last_message_at'] or 'none'}; head event {d['head_seq']} "
                f"{d['head_hash'][:16]}"
            )
        return "\n".join(out)

    c.out([asdict(x) for x in copies], human)
    return 0 if all(x.enabled and not x.apply_errors for x in copies) else 1
