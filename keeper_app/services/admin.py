"""Integrity and housekeeping: audit verification, verified backups, corrections."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain import corrections, rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity, Case
from ..store import (
    Database,
    StoreError,
    audit,
    backup_records,
    entries,
    is_server,
    local_path,
    pgdb,
    readonly,
)
from ..store import media as media_repo
from ..store import people as people_repo
from ..store.verify import VerifyResult
from ..timeutil import to_db
from . import visibility, witnesses
from .session import Credential, Session, rerun_if_changed


def verify_audit(db: Database) -> VerifyResult:
    """Check the chain, every row against its anchor, and every signature. Read-only and
    reveals no case data, so it needs no sign-in (anyone holding the file may check it)."""
    with db.reading():
        return audit.verify(db.conn)


def _open_to_check(path: str | Path) -> Database:
    """The database to check, as it is: a file read-only, or an office server on its own
    connection (neither migrated; a schema that is not Keeper's reported, not refused)."""
    if is_server(str(path)):
        return pgdb.open_server(str(path), check_schema=False)
    return readonly.open_read_only(path)


def verify_audit_file(path: str | Path) -> VerifyResult:
    """``keeper audit verify``: the file opened read-only and checked as it is — an older
    schema is not migrated, a tampered one not refused but reported — and nothing written
    to it or next to it (no migration, no backup copy, no -wal). ``path``: the file, or an
    office server's URL."""
    db = _open_to_check(path)
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
    against itself and against every witness this account can reach. ``path``: the file,
    or an office server's URL (its own connection; its schema is reported, not refused)."""
    # this account's witness logs as they stood before this check: a desk connecting to an
    # office server notes the head it finds there, a line that would witness nothing but
    # this check itself
    logs = witnesses.logs_now(local_path(path))
    db = _open_to_check(path)
    try:
        return verify_audit(db), witnesses.check_all(db, extra_files, backup_folder, logs)
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
            source=s.db.shown,  # a file's path; a server's URL without the password
            verified=True,
            events=result.events,
            head=result.head_hash,
            size=target.stat().st_size,
            schema_version=s.db.schema_version,
        ),
    )
    return result


def _case_of(s: Session, table: str, row: dict[str, Any]) -> int:
    """The case a correctable entry belongs to."""
    if table in ("media", "handovers"):
        return int(row["case_id"])
    if table == "returns":
        row = audit.read_row(s.conn, "retrievals", int(row["retrieval_id"]))
    return int(media_repo.row(s.conn, int(row["medium_id"]))["case_id"])


def _head_of(s: Session, case: Case) -> int | None:
    dept = people_repo.department(s.conn, case.department_id)
    return None if dept is None else dept.head_id


def _current(s: Session, table: str, entry_id: int, row: dict[str, Any], field: str) -> Any:
    """The value an entry's field has now: the newest correction's, else the entry's own."""
    if field.startswith("label."):
        old = json.loads(row["label"]).get(field[6:])
    else:
        old = row.get(field)
    previous = [c for c in entries.corrections_of(s.conn, table, entry_id) if c["field"] == field]
    return previous[-1]["new_value"] if previous else old


def _pair_rows(s: Session, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Art. 17: the discs that carry one label — the medium and its partner of the pair."""
    if row.get("copy_role") not in ("original", "duplicate") or not row.get("pair_no"):
        return [row]
    ids = [int(r["id"]) for r in media_repo.pair(s.conn, str(row["pair_no"]))]
    others = [audit.read_row(s.conn, "media", i) for i in ids if i != int(row["id"])]
    return [row, *others]


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
    why; nothing recorded is ever changed in place. Only the keepers, handlers and head of
    the entry's case correct it, each kind by the duty whose entry it is
    (``domain.corrections``); a label correction is written for both discs of the pair in
    one transaction (its sticker for the seal bag: ``catalogue.correction_sticker``).
    Returns the id of the correction of the entry named."""
    me = s.require(Action.CORRECT)
    corrections.check_correctable(table, field)
    rules.check_correction(reason, field, corrections.correctable_fields(table))
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
    case = visibility.check_case_id(s, _case_of(s, table, row), "correct its entries")
    if table == "retrievals" and field == "est_usage_hours":
        corrections.check_not_own_usage_time(me, int(row["retriever_id"]))
    corrections.check_corrector(me, case, _head_of(s, case), table, field)
    targets = _pair_rows(s, row) if corrections.is_label_field(table, field) else [row]
    olds = [_current(s, table, int(t["id"]), t, field) for t in targets]
    if str(olds[0]) == new_value:
        raise RuleViolation("no_change", f"{field} is already {new_value!r}")
    signer = s.signer(corrector)
    if signer.person.id != me.id:
        raise RuleViolation("not_signed_in", "the person correcting signs the correction")
    details: dict[str, Any] = {"table": table, "id": int(entry_id), "field": field}
    if len(targets) > 1:
        details["pair"] = sorted(str(t["code"]) for t in targets)
    ids: list[int] = []
    with s.change("correct", **details) as ch:
        for t, old in zip(targets, olds, strict=True):
            if ids and str(old) == new_value:
                continue  # the partner shows the corrected value already
            cid = ch.touch(
                "corrections",
                entries.insert(
                    ch.conn,
                    "corrections",
                    target_table=table,
                    target_id=int(t["id"]),
                    field=field,
                    old_value=None if old is None else str(old),
                    new_value=new_value,
                    reason=reason.strip(),
                    at=ch.at,
                    by_id=me.id,
                ),
            )
            ch.sign("corrections", cid, (signer, Capacity.CORRECTOR))
            ids.append(cid)
    return ids[0]


#: the field of a correction entry that is a supplement to an incident, not a correction
SUPPLEMENT = "supplement"


@rerun_if_changed
def supplement_incident(s: Session, incident_id: int, text: str, signer: Credential) -> int:
    """Art. 20: an incident's description is never rewritten; what is learnt later is added
    as a signed supplement — a new entry pointing to the incident — by a keeper, a case
    handler or the head of the case's department."""
    me = s.require(Action.CORRECT)
    text = rules.require_text(text, "the supplement", "Art. 20", 1000)
    try:
        row = audit.read_row(s.conn, "incidents", int(incident_id))
    except (LookupError, ValueError):
        raise RuleViolation("unknown_incident", f"no incident #{incident_id}") from None
    case = visibility.check_case_id(s, _case_of(s, "incidents", row), "add to its incidents")
    corrections.check_supplementer(me, case, _head_of(s, case))
    g = s.signer(signer)
    if g.person.id != me.id:
        raise RuleViolation("not_signed_in", "the person adding the supplement signs it")
    with s.change("supplement_incident", incident=int(incident_id)) as ch:
        cid = ch.touch(
            "corrections",
            entries.insert(
                ch.conn,
                "corrections",
                target_table="incidents",
                target_id=int(incident_id),
                field=SUPPLEMENT,
                old_value=None,
                new_value=text,
                reason=SUPPLEMENT,
                at=ch.at,
                by_id=me.id,
            ),
        )
        ch.sign("corrections", cid, (g, Capacity.CORRECTOR))
    return cid
