"""Backups as witnesses (issue 10, 1c): each verified backup's record holds the head it
copied. A live file whose chain is shorter than a backup's, or has another hash at the
backup's head, was truncated or rolled back: `keeper audit verify` and
`keeper backups --check` say so, naming the backup, and exit non-zero."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import Office
from witness_attacks import insider_copy, keeper, put_back, truncate

from keeper_app.services import backups
from keeper_app.store import audit, witness_log

ROLLBACK = "truncated, or an older copy was put back (rollback)"


def forget_witness_logs() -> None:
    """Only the backup speaks in these tests."""
    shutil.rmtree(witness_log.folder(), ignore_errors=True)


def test_an_older_copy_put_back_is_refused_by_backups_check(office: Office, tmp_path: Path) -> None:
    """The attack of the issue: copying an older verified backup over the live file left
    `keeper backups --check` listing a backup newer than the live file, exit 0."""
    office.handed_over_pair()
    old = tmp_path / "old.sqlite"
    insider_copy(office.path, old)
    office.new_pair("A2026-001", person="赵某某")
    b = backups.take(office.db, backups.default_folder(office.path))
    office.db.close()
    put_back(old, office.path)
    forget_witness_logs()
    r = keeper(office.path, "backups", "--check")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "THE LIVE DATABASE WAS TRUNCATED OR ROLLED BACK" in r.stdout
    assert f"backup {b.path} witnessed event" in r.stdout and ROLLBACK in r.stdout
    rows = json.loads(keeper(office.path, "--json", "backups", "--check").stdout)
    assert rows[0]["live_problem"] and str(b.path) in rows[0]["live_problem"]
    v = keeper(office.path, "audit", "verify")
    assert "audit chain verified" in v.stdout and v.returncode == 1
    assert f"backup {b.path}" in v.stdout and ROLLBACK in v.stdout


def test_a_truncation_below_a_backups_head_is_caught(office: Office) -> None:
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0]
    office.new_pair("A2026-001", person="赵某某")
    b = backups.take(office.db, backups.default_folder(office.path))
    office.db.close()
    truncate(office.path, keep)
    forget_witness_logs()
    v = keeper(office.path, "audit", "verify")
    assert v.returncode == 1
    assert f"backup {b.path} witnessed event" in v.stdout
    assert f"the register ends at event {keep}" in v.stdout
    r = keeper(office.path, "backups", "--check")
    assert r.returncode == 1 and f"backup {b.path}" in r.stdout


def test_a_rewritten_head_differs_from_the_backups(office: Office) -> None:
    import sqlite3

    from witness_attacks import drop_triggers, restore_triggers

    office.handed_over_pair()
    b = backups.take(office.db, backups.default_folder(office.path))
    assert b.record is not None
    office.db.close()
    con = sqlite3.connect(office.path)
    saved = drop_triggers(con)
    con.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", ("e" * 64, b.record.events))
    restore_triggers(con, saved)
    con.commit()
    con.close()
    r = keeper(office.path, "backups", "--check")
    assert r.returncode == 1 and "rewritten" in r.stdout and str(b.path) in r.stdout


def test_untouched_backups_and_log_agree(office: Office) -> None:
    office.handed_over_pair()
    backups.take(office.db, backups.default_folder(office.path))
    office.new_pair("A2026-001", person="赵某某")  # the live file goes on after the backup
    seq = audit.head(office.db.conn)[0]
    r = keeper(office.path, "backups", "--check")
    assert r.returncode == 0, r.stdout
    assert "ROLLED BACK" not in r.stdout
    v = keeper(office.path, "audit", "verify")
    assert v.returncode == 0, v.stdout
    assert "History witnessed: 2 witnesses agree, last" in v.stdout and f"(event {seq})" in v.stdout


def test_a_restore_on_purpose_is_not_held_against_the_register(office: Office) -> None:
    """Restoring a backup (keeper restore) rolls the file back on purpose: the log marks
    it, so the lines before it (the replaced chain's heads) no longer count."""
    office.handed_over_pair()
    b = backups.take(office.db, backups.default_folder(office.path))
    office.new_pair("A2026-001", person="赵某某")  # lost by the restore, kept aside
    office.db.close()
    plan = backups.plan_restore(office.path, b.path)
    backups.restore(plan)
    v = keeper(office.path, "audit", "verify")
    assert v.returncode == 0, v.stdout
    kinds = [x.kind for x in witness_log.read(witness_log.logs_for(office.path)[0])]
    assert "restored" in kinds


def test_backups_kept_in_another_folder_are_witnesses_when_named(
    office: Office, tmp_path: Path
) -> None:
    folder = tmp_path / "elsewhere"
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0]
    office.new_pair("A2026-001", person="赵某某")
    b = backups.take(office.db, folder)
    ok = keeper(office.path, "audit", "verify", "--backups", str(folder))
    assert ok.returncode == 0 and "History witnessed: 2 witnesses agree" in ok.stdout, ok.stdout
    office.db.close()
    truncate(office.path, keep)
    forget_witness_logs()
    v = keeper(office.path, "audit", "verify", "--backups", str(folder))
    assert v.returncode == 1 and f"backup {b.path} witnessed event" in v.stdout
    # not named, the folder is not reached (only the log begun anew after the loss speaks)
    assert str(b.path) not in keeper(office.path, "audit", "verify").stdout
