"""Integrity and housekeeping: audit verification, verified backups, corrections."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain import rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity
from ..store import Database, StoreError, audit, backup_records, entries, readonly
from ..store import media as media_repo
from ..store.verify import VerifyResult
from ..timeutil import to_db
from . import visibility, witnesses
from .session import Credential, Session, rerun_if_changed


def verify_audit(db: Database) -> VerifyResult:
    """Check the chain, every row against its anchor, and every signature. Read-only and
    reveals no case data, so it needs no sign-in (anyone holding the file may check it)."""
    with db.reading():
        return audit.verify(db.conn)


def verify_audit_file(path: str | Path) -> VerifyResult:
    """``keeper audit verify``: the file opened read-only and checked as it is — an older
    schema is not migrated, a tampered one not refused but reported — and nothing written
    to it or next to it (no migration, no backup copy, no -wal)."""
    db = readonly.open_read_only(path)
    try:
        return verify_audit(db)
    finally:
        db.close()


def verify_audit_and_witnesses(
    path: str | Path,
    extra_files: Sequence[str | Path] = (),
    backup_folder: str | Path | None = None,
) -> tuple[VerifyResult, witnesses.WitnessSummary]:
    """``keeper audit verify``: the file, read-only (as :func:`verify_audit_file`), checked
    against itself and against every witness this account can reach."""
    db = readonly.open_read_only(path)
    try:
        return verify_audit(db), witnesses.check_all(db, extra_files, backup_folder)
    finally:
        db.close()


def backup(s: Session, target: str | Path) -> VerifyResult:
    """sqlite online backup to a new private file, then open the copy and verify it."""
    s.require(Action.BACKUP)
    target = Path(target)
    try:
        s.db.backup_to(target)
    except (StoreError, OSError) as exc:
        raise RuleViolation("backup_failed", f"backup to {target} failed: {exc}") from None
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise RuleViolation(
                "backup_corrupt", f"the backup at {target} fails integrity_check: {ok}"
            )
        result = audit.verify(conn)
    finally:
        conn.close()
    if not result.ok:
        raise RuleViolation(
            "backup_unverified",
            f"the backup at {target} does not verify: " + "; ".join(result.problems[:3]),
        )
    # its verification record: `keeper backups` lists it, a refused damaged database names it
    backup_records.write_record(
        target,
        backup_records.BackupRecord(
            file=target.name,
            taken_at=to_db(s.now()),
            source=str(s.db.path),
            verified=True,
            events=result.events,
            head=result.head_hash,
            size=target.stat().st_size,
            schema_version=s.db.schema_version,
        ),
    )
    return result


#: What a correction may change: free text and shelf data, never who/when/what-disc.
CORRECTABLE = {
    "retrievals": {"purpose", "retriever_unit", "est_usage_hours"},
    "returns": {"note"},
    "handovers": {"note"},
    "incidents": {"description"},
    "media": {
        "label.person_interrogated",
        "label.case_name",
        "label.producer",
        "label.production_unit",
    },
}


def _case_of(s: Session, table: str, row: dict[str, Any]) -> int:
    """The case a correctable entry belongs to."""
    if table in ("media", "handovers"):
        return int(row["case_id"])
    if table == "returns":
        row = audit.read_row(s.conn, "retrievals", int(row["retrieval_id"]))
    return int(media_repo.row(s.conn, int(row["medium_id"]))["case_id"])


@rerun_if_changed
def correct(
    s: Session,
    table: str,
    entry_id: int,
    field: str,
    new_value: str,
    reason: str,
    corrector: Credential,
) -> int:
    """A wrong entry is corrected by a new, signed entry that points to the old one and says
    why; nothing recorded is ever changed in place."""
    me = s.require(Action.CORRECT)
    if table not in CORRECTABLE:
        raise RuleViolation(
            "not_correctable",
            f"entries of {table} cannot be corrected; "
            "correctable: " + ", ".join(sorted(CORRECTABLE)),
        )
    rules.check_correction(reason, field, CORRECTABLE[table])
    new_value = rules.require_text(new_value, "the corrected value", limit=500)
    if table == "retrievals" and field == "est_usage_hours":
        if not new_value.isdigit() or not 1 <= int(new_value) <= rules.MAX_USAGE_HOURS:
            raise RuleViolation(
                "bad_usage_time", f"estimated usage time is 1 to {rules.MAX_USAGE_HOURS} hours"
            )
    try:
        row = audit.read_row(s.conn, table, int(entry_id))
    except (LookupError, ValueError):
        raise RuleViolation("unknown_entry", f"no {table} entry #{entry_id}") from None
    visibility.check_case_id(s, _case_of(s, table, row), "correct its entries")
    if field.startswith("label."):
        import json

        old = json.loads(row["label"]).get(field[6:])
    else:
        old = row.get(field)
    previous = [
        c for c in entries.corrections_of(s.conn, table, int(entry_id)) if c["field"] == field
    ]
    if previous:
        old = previous[-1]["new_value"]
    if str(old) == new_value:
        raise RuleViolation("no_change", f"{field} is already {new_value!r}")
    signer = s.signer(corrector)
    if signer.person.id != me.id:
        raise RuleViolation("not_signed_in", "the person correcting signs the correction")
    with s.change("correct", table=table, id=int(entry_id), field=field) as ch:
        cid = ch.touch(
            "corrections",
            entries.insert(
                ch.conn,
                "corrections",
                target_table=table,
                target_id=int(entry_id),
                field=field,
                old_value=None if old is None else str(old),
                new_value=new_value,
                reason=reason.strip(),
                at=ch.at,
                by_id=me.id,
            ),
        )
        ch.sign("corrections", cid, (signer, Capacity.CORRECTOR))
    return cid
