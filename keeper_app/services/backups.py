"""Scheduled, verified backups and restoring one (issue 7).

A backup is an sqlite online-backup copy of the database, opened and checked
(``integrity_check`` and the audit chain) before it counts: its verification record is
written next to it (store.backup_records). The application calls :func:`backup_if_due` on
a timer; ``keeper backups`` lists the copies and ``keeper restore FILE`` brings one back
after showing what it holds — the current file is kept aside, never deleted."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.errors import RuleViolation
from ..store import Database, StoreError, audit, inuse, latest_version, open_database
from ..store import backup_records as records
from ..store.backup_records import BackupListing, BackupRecord
from ..store.health import FileReport as FileReport  # (re-exported: the CLI shows it)
from ..store.health import connect_read_only, inspect
from ..timeutil import from_db, now_utc, to_db
from . import self_check

DEFAULT_KEEP = 14
DEFAULT_INTERVAL = timedelta(hours=24)
PREFIX = "keeper-"  # the scheduled copies: only these are ever pruned


def default_folder(db_path: str | os.PathLike[str]) -> Path:
    return records.default_folder(db_path)


def take(
    db: Database, folder: str | os.PathLike[str], clock: Callable[[], datetime] = now_utc
) -> BackupListing:
    """One copy now, checked, with its verification record."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = clock().replace(microsecond=0)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{PREFIX}{stamp}.sqlite"
    n = 1
    while target.exists() or records.record_path(target).exists():
        n += 1
        target = folder / f"{PREFIX}{stamp}-{n}.sqlite"
    try:
        db.backup_to(target)
    except (StoreError, OSError) as exc:
        raise RuleViolation("backup_failed", f"backup to {target} failed: {exc}") from None
    return _record(target, db.shown, now)  # a server: its URL without the password


def _record(target: Path, source: str | Path, now: datetime) -> BackupListing:
    rep = inspect(target)
    size = target.stat().st_size
    rec = BackupRecord(
        file=target.name,
        taken_at=to_db(now),
        source=str(source),
        verified=rep.ok,
        events=rep.events,
        head=rep.head,
        size=size,
        schema_version=rep.schema_version,
        problems=rep.problems[:10],
    )
    records.write_record(target, rec)
    return BackupListing(target, rec, size)


def record_verified_copy(target: Path, source: Path, now: datetime) -> BackupListing:
    """Check a copy made elsewhere (``keeper backup PATH``) and write its record."""
    return _record(Path(target), Path(source), now)


def prune(folder: str | os.PathLike[str], keep: int) -> list[Path]:
    """Remove the scheduled copies beyond the ``keep`` newest verified ones. Copies that
    failed verification and copies not made by the schedule are never removed."""
    verified = [b for b in records.listing(folder) if b.verified and b.path.name.startswith(PREFIX)]
    removed = []
    for b in verified[max(1, keep) :]:
        b.path.unlink(missing_ok=True)
        records.record_path(b.path).unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def backup_if_due(
    db: Database,
    folder: str | os.PathLike[str] | None = None,
    keep: int = DEFAULT_KEEP,
    interval: timedelta = DEFAULT_INTERVAL,
    clock: Callable[[], datetime] = now_utc,
) -> BackupListing | None:
    """The scheduled backup, for a timer: when the newest verified copy in ``folder`` is
    older than ``interval`` (or there is none), take one, verify it, and keep the ``keep``
    newest. Returns the new copy, or None when none was due. A copy that does not verify
    is kept for inspection and refused (RuleViolation ``backup_unverified``)."""
    folder = Path(folder) if folder is not None else default_folder(db.path)
    now = clock().replace(microsecond=0)
    latest = records.latest_verified(folder)
    if (
        latest is not None
        and latest.record is not None
        and timedelta(0) <= now - from_db(latest.record.taken_at) < interval
    ):
        return None
    b = take(db, folder, clock)
    if not b.verified:
        problems = "; ".join(b.record.problems[:3]) if b.record else ""
        raise RuleViolation(
            "backup_unverified",
            f"the backup {b.path} does not verify "
            f"({problems}); check the database with: keeper audit verify",
        )
    prune(folder, keep)
    return b


def listing(
    folder: str | os.PathLike[str], check: bool = False
) -> list[tuple[BackupListing, FileReport | None]]:
    """The copies in ``folder``, newest first; with ``check`` each is opened and verified
    again (slow for large databases)."""
    return [(b, inspect(b.path) if check else None) for b in records.listing(folder)]


@dataclass
class RestorePlan:
    db_path: Path
    backup: Path
    report: FileReport
    aside: Path  # where the current file goes


@dataclass
class RestoreResult:
    plan: RestorePlan
    events: int  # in the restored database, the restore's own event included
    head: str


def plan_restore(
    db_path: str | os.PathLike[str],
    backup: str | os.PathLike[str],
    clock: Callable[[], datetime] = now_utc,
) -> RestorePlan:
    """What restoring ``backup`` would bring back; refused if the copy is not sound."""
    db_path, backup = Path(db_path), Path(backup)
    if backup.resolve() == db_path.resolve():
        raise RuleViolation("restore_same_file", f"{backup} is the database itself")
    rep = restorable(backup)
    _refuse_if_in_use(db_path)
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.replaced-{stamp}-{n}")
    return RestorePlan(db_path, backup, rep, aside)


def _in_use(db_path: Path) -> RuleViolation:
    return RuleViolation(
        "database_in_use",
        f"another Keeper has the database {db_path} open (a window, a "
        "counter or a command): close every Keeper using it, then restore again; nothing "
        "was changed",
    )


def _refuse_if_in_use(db_path: Path) -> None:
    if not db_path.exists():
        return
    held = inuse.hold_exclusive(db_path)
    if held is None:
        raise _in_use(db_path)
    held.release()


def restore(plan: RestorePlan, clock: Callable[[], datetime] = now_utc) -> RestoreResult:
    """Copy the backup next to the database, check the copy, move the current file (with its
    -wal and -shm) aside, put the copy in its place and record the restore in its chain.
    Refused (``database_in_use``) while any other Keeper has the database open; while it
    replaces the file, no Keeper can open it."""
    db_path = plan.db_path
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        held = inuse.hold_exclusive(db_path)
    except inuse.InUseError as exc:
        raise RuleViolation("restore_failed", f"{exc}; nothing was changed") from None
    if held is None:
        raise _in_use(db_path)
    try:
        _replace(plan)
    finally:
        held.release()  # before opening it again: this process's own open holds it shared
    return _record_restore(plan, clock)


def _replace(plan: RestorePlan) -> None:
    db_path, rep = plan.db_path, plan.report
    tmp = db_path.with_name(db_path.name + ".restoring")
    for p in (tmp, tmp.with_name(tmp.name + "-journal")):
        p.unlink(missing_ok=True)  # an earlier restore's unfinished copy, ours
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = connect_read_only(plan.backup)
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        again = inspect(tmp)
        if not again.ok or (again.events, again.head) != (rep.events, rep.head):
            raise RuleViolation(
                "restore_failed",
                f"the copy of {plan.backup} does not match it; nothing was changed",
            )
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if db_path.exists():
        os.rename(db_path, plan.aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.rename(side, plan.aside.with_name(plan.aside.name + suffix))
    os.replace(tmp, db_path)
    _fsync_dir(db_path.parent)


def _record_restore(plan: RestorePlan, clock: Callable[[], datetime]) -> RestoreResult:
    db_path, rep = plan.db_path, plan.report
    db = open_database(db_path, create=False)
    try:
        at = to_db(clock().replace(microsecond=0))
        with db.transaction() as conn:
            audit.append(
                conn,
                at,
                None,
                "restore",
                {
                    "from": str(plan.backup),
                    "events": rep.events,
                    "head": rep.head,
                    "replaced_file_kept_as": str(plan.aside) if plan.aside.exists() else None,
                },
            )
        # lines before this one witnessed the chain the restore replaced (kept aside)
        db.witness.note(db.conn, "restored", force=True)
        self_check.forget(db)  # the restored copy was checked: the self-check starts there
        events, head = audit.head(db.conn)
    finally:
        db.close()
    return RestoreResult(plan, events, head)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restorable(backup: Path) -> FileReport:
    """The health report of a backup that may be restored (into a file's place or into an
    empty office server); refused when it does not verify or is newer than this Keeper."""
    rep = inspect(backup)
    if not rep.ok:
        raise RuleViolation(
            "backup_unverified",
            f"{backup} cannot be restored: " + "; ".join(rep.problems[:3] or rep.integrity[:3]),
        )
    if rep.schema_version > latest_version():
        raise RuleViolation(
            "backup_too_new",
            f"{backup} has schema version {rep.schema_version}, newer than this Keeper knows "
            f"({latest_version()}); use a newer Keeper",
        )
    return rep
