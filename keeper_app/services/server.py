"""An office's PostgreSQL server, administered (issue 11): setting it up and upgrading it
(``keeper server init``), moving a single-file office onto it (``keeper migrate --to``),
and bringing a backup copy back into it (``keeper restore`` with a server's URL).

These are the server administrator's steps, done with the administrator's URL (a superuser,
or a role with CREATEROLE and CREATEDB): no Keeper sign-in — the database's own roles
decide who may do them, as the file's owner decides for a sqlite file. Backups of a server
office are taken as for a file (``admin.backup``, ``backups.take``): a verified sqlite copy."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..store import Database, StoreError, audit, latest_version, pgadmin, pgcopy, pgdb
from ..store import open as store_open
from ..store import people as people_repo
from ..store.health import FileReport, inspect
from ..store.pg import ServerRefused, ServerUnreachable, is_url, safe_url
from ..store.pg import local_anchor as pg_local_anchor
from ..store.readonly import open_read_only
from ..store.verify import VerifyResult
from ..timeutil import now_utc, to_db
from . import backups

InitReport = pgadmin.InitReport
DEFAULT_OWNER = pgadmin.DEFAULT_OWNER
DEFAULT_APP = pgadmin.DEFAULT_APP
#: a password, asked for or read only when it is needed
PasswordSource = Callable[[], str]

#: the least length of the application role's password (it guards the whole register
#: against anyone on the office network)
MIN_APP_PASSWORD = 12


def check_app_password(password: str, who: str = "the application role") -> str:
    """A database role's password: long enough to stand on the office network."""
    if len(password) < MIN_APP_PASSWORD:
        raise RuleViolation(
            "weak_password",
            f"the password of {who} must have at least {MIN_APP_PASSWORD} characters: "
            "it guards the whole register on the office network",
        )
    return password


def init(
    url: str,
    owner: str = pgadmin.DEFAULT_OWNER,
    app: str = pgadmin.DEFAULT_APP,
    app_password: PasswordSource | None = None,
    owner_password: str | None = None,
    ask_app_password: PasswordSource | None = None,
) -> InitReport:
    """``keeper server init URL``: see :func:`keeper_app.store.pgadmin.init`."""
    return pgadmin.init(url, owner, app, app_password, owner_password, ask_app_password)


@dataclass
class CopyReport:
    source: str
    target: str
    before: VerifyResult  # the source's chain, checked before copying
    after: VerifyResult  # the server's chain, checked after
    source_head: tuple[int, str]
    server_head: tuple[int, str]
    rows: int
    app_url: str


def _owner_database(url: str) -> Database:
    """The office database at ``url``, opened as its owner (set up by ``server init``)."""
    return pgdb.open_server(pgadmin.owner_url(url))


def migrate_file(path: str | os.PathLike[str], url: str) -> CopyReport:
    """``keeper migrate --to URL``: the office in the sqlite file ``path`` copied into the
    server database ``url`` names (set up by ``keeper server init``, holding no Keeper row):
    the file's chain verified, every row copied, in one snapshot of the file and one
    transaction on the server, whose chain is verified before it commits and again after;
    both heads returned. Refused, with nothing changed, if the file does not verify or the
    server database is not empty."""
    if is_url(str(path)):
        raise RuleViolation("bad_argument", "--db names the office to move: a sqlite file")
    source = store_open(Path(path), create=False)
    try:
        target = _owner_database(url)
        try:
            result = _copy(source, target)
            after = _verified(target, f"the server's copy {target}")
            head = _head(target)
        finally:
            target.close()
    finally:
        source.close()
    assert result.source_check is not None
    return CopyReport(
        str(path),
        safe_url(url),
        result.source_check,
        after,
        result.head,
        head,
        result.total,
        pgadmin.app_url(url, _app_of(url)),
    )


def _verified(db: Database, what: str) -> VerifyResult:
    with db.reading():
        r = audit.verify(db.conn)
    if not r.ok:
        raise RuleViolation(
            "audit_unverified", f"{what} does not verify: " + "; ".join(r.problems[:3])
        )
    return r


def _head(db: Database) -> tuple[int, str]:
    with db.reading():
        return audit.head(db.conn)


def _copy(
    source: Database, target: Database, then: Callable[[Any], None] | None = None
) -> pgcopy.CopyResult:
    try:
        return pgcopy.copy_office(source, target, verify_source=True, then=then)
    except pgcopy.NotEmpty as exc:
        raise RuleViolation("server_not_empty", str(exc)) from None
    except pgcopy.SourceUnverified as exc:
        raise RuleViolation("audit_unverified", str(exc)) from None


def _app_of(url: str) -> str:
    return pgadmin.app_role_of(url)


def is_server_url(location: str) -> bool:
    """Whether ``location`` (``--db``) names an office server rather than a sqlite file."""
    return is_url(location)


def local_anchor(url: str) -> Path:
    """The path standing for the office server ``url`` on this desk: its folder keeps the
    desk's own files about that office (witness log, default backup folder, settings)."""
    return pg_local_anchor(url)


@dataclass(frozen=True)
class DeskCheck:
    """What a desk found on trying an office server's address (:func:`try_address`)."""

    address: str  # as a person may see it (no password)
    units: list[str]  # the offices whose register it holds
    events: int  # the register's events
    last_at: str | None  # the date of its last event (None: an empty register)


def try_address(url: str) -> DeskCheck:
    """Open the office server at ``url`` as this desk would at its next start (the
    password from ~/.pgpass or the address; the schema checked, nothing migrated), read
    what it holds, and close it. A server that cannot be reached, refuses the desk, holds
    no Keeper register or another version of it raises StoreError saying which; nothing is
    written to it. (The desk's witness log notes the head it found, as at every open.)"""
    if not is_url(url):
        raise ValueError(f"not an office server's address: {safe_url(url)}")
    db = store_open(url, create=False)
    try:
        with db.reading() as conn:
            seq, _h, at = audit.head_at(conn)
            names = [str(u["name"]) for u in people_repo.units(conn)]
        return DeskCheck(safe_url(url), names, seq, at)
    finally:
        db.close()


def describe_backup(backup: str | os.PathLike[str]) -> FileReport:
    """What a backup copy holds and whether it is sound (shown before restoring it)."""
    return inspect(Path(backup))


@dataclass
class ServerRestore:
    backup: Path
    report: CopyReport
    events: int  # in the server's chain, the restore's own event included
    head: str


def restore_to_server(
    backup: str | os.PathLike[str], url: str, clock: Callable[[], datetime] = now_utc
) -> ServerRestore:
    """``keeper restore BACKUP`` with a server's URL: the verified copy ``backup`` (a
    sqlite file) copied into the server database, which must hold no Keeper row (a server
    database is never replaced: its administrator drops and re-makes it with ``server
    init`` first); the server's chain verified after, and the restore recorded in it."""
    backup = Path(backup)
    rep = backups.restorable(backup)
    with tempfile.TemporaryDirectory(prefix="keeper-restore-") as work:
        return _restore(backup, rep, url, clock, Path(work))


def _restore(
    backup: Path, rep: FileReport, url: str, clock: Callable[[], datetime], work: Path
) -> ServerRestore:
    source = open_read_only(backup)
    if source.schema_version < latest_version():
        # an older copy: brought to this Keeper's schema in a private copy, as opening it
        # as a file would (the backup itself is left as it is)
        older = source
        try:
            older.backup_to(work / backup.name)
        finally:
            older.close()
        source = store_open(work / backup.name, create=False)
    at = to_db(clock().replace(microsecond=0))

    def record(conn: Any) -> None:
        audit.append(
            conn, at, None, "restore", {"from": str(backup), "events": rep.events, "head": rep.head}
        )

    try:
        target = _owner_database(url)
        try:
            result = _copy(source, target, then=record)
            target.witness.note(target.conn, "restored", force=True)
            after = _verified(target, f"the server's copy {target}")
            events, head = _head(target)
        finally:
            target.close()
    finally:
        source.close()
    assert result.source_check is not None
    report = CopyReport(
        str(backup),
        safe_url(url),
        result.source_check,
        after,
        result.head,
        (events, head),
        result.total,
        pgadmin.app_url(url, _app_of(url)),
    )
    return ServerRestore(backup, report, events, head)


__all__ = [
    "DEFAULT_APP",
    "DEFAULT_OWNER",
    "DeskCheck",
    "PasswordSource",
    "CopyReport",
    "InitReport",
    "ServerRefused",
    "ServerRestore",
    "ServerUnreachable",
    "StoreError",
    "check_app_password",
    "describe_backup",
    "is_server_url",
    "local_anchor",
    "safe_url",
    "init",
    "migrate_file",
    "restore_to_server",
    "try_address",
]
