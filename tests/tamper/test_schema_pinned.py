"""The insider edits the schema (issue 10, point 6): drops the append-only triggers, plants a
trigger that rewrites a return before it is signed, changes a table, edits ``user_version``.
Each is refused at open, naming the difference, with nothing written; ``keeper audit verify``
reports it (it never refuses: it opens the file read-only)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Office

from keeper_app.services import admin
from keeper_app.store import connection as connection_mod
from keeper_app.store import latest_version, open_database
from keeper_app.store.connection import SchemaTampered


def raw(path: Path, *sql: str) -> None:
    """Python's sqlite3 on the file, as the insider has it."""
    con = sqlite3.connect(path)
    try:
        for s in sql:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def audit_verify(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(path), "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(path: Path) -> str:
    before = sha(path)
    with pytest.raises(SchemaTampered) as ei:
        open_database(path)
    assert sha(path) == before  # nothing written to the file it refused
    return str(ei.value)


def test_dropped_append_only_triggers_are_refused_at_open_and_named_by_verify(office: Office):
    office.handed_over_pair()
    office.db.close()
    raw(office.path, "DROP TRIGGER returns_no_update", "DROP TRIGGER audit_events_no_delete")
    msg = refused(office.path)
    assert "trigger audit_events_no_delete is missing (dropped outside Keeper)" in msg
    assert "trigger returns_no_update is missing (dropped outside Keeper)" in msg
    assert f"schema version {latest_version()}" in msg
    r = audit_verify(office.path)
    assert r.returncode == 1, r.stderr
    assert "trigger returns_no_update is missing (dropped outside Keeper)" in r.stdout
    assert "trigger audit_events_no_delete is missing (dropped outside Keeper)" in r.stdout


def test_a_planted_trigger_is_refused_at_open_so_the_keeper_signs_nothing(office: Office):
    _o, d = office.handed_over_pair()
    office.retrieve(
        office.session("K001"),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "D001",
        "case_handling",
        24,
    )
    office.db.close()
    # a lost disc would be written down as returned intact: the keeper would sign the lie
    raw(
        office.path,
        "CREATE TRIGGER returns_checked BEFORE INSERT ON returns WHEN NEW.inspection = 'lost' "
        "BEGIN INSERT INTO returns(retrieval_id, returned_at, returned_by, keeper_id, "
        "inspection, verification, note) VALUES (NEW.retrieval_id, NEW.returned_at, "
        "NEW.returned_by, NEW.keeper_id, 'intact', NEW.verification, ''); "
        "SELECT RAISE(IGNORE); END",
    )
    signatures = _count(office.path, "signatures")
    msg = refused(office.path)
    assert "trigger returns_checked on returns is not Keeper's (planted outside Keeper)" in msg
    # no Keeper can open the file, so no return is recorded and nobody signs anything
    assert _count(office.path, "signatures") == signatures
    assert _count(office.path, "returns") == 0
    r = audit_verify(office.path)
    assert r.returncode == 1
    assert "trigger returns_checked on returns is not Keeper's (planted outside Keeper)" in (
        r.stdout
    )


def test_a_changed_table_is_refused_at_open(office: Office):
    office.db.close()
    raw(office.path, "ALTER TABLE returns ADD COLUMN really TEXT")
    msg = refused(office.path)
    assert "table returns differs from Keeper's (changed outside Keeper)" in msg


def test_an_edited_user_version_is_named_as_such(office: Office):
    n = latest_version()
    office.handed_over_pair()
    office.db.close()
    raw(office.path, f"PRAGMA user_version = {n - 1}")
    msg = refused(office.path)
    assert (
        f"user_version says {n - 1} but the tables are those of version {n} "
        "(user_version edited outside Keeper)"
    ) in msg
    assert list(office.path.parent.glob("*.bak")) == []  # not taken for an older file
    r = audit_verify(office.path)
    assert r.returncode == 1
    assert f"user_version says {n - 1} but the tables are those of version {n}" in r.stdout


def test_the_file_as_keeper_left_it_opens_and_verifies(office: Office):
    office.handed_over_pair()
    office.db.close()
    office.db = open_database(office.path)  # the check at open passes Keeper's own schema
    assert admin.verify_audit(office.db).ok
    assert audit_verify(office.path).returncode == 0


def older_file(path: Path) -> int:
    """A file as the Keeper before the latest migration left it (empty)."""
    migrations = connection_mod._migrations()[:-1]
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = WAL")
        for num, _name, sql in migrations:
            con.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {num};\nCOMMIT;")
    finally:
        con.close()
    return len(migrations)


def test_an_older_file_is_checked_against_its_own_version_before_it_is_migrated(
    tmp_path: Path,
):
    path = tmp_path / "keeper.sqlite"
    older_file(path)
    raw(path, "DROP TRIGGER handovers_no_update")
    msg = refused(path)
    assert f"schema version {latest_version() - 1}" in msg
    assert "trigger handovers_no_update is missing (dropped outside Keeper)" in msg
    assert list(tmp_path.glob("*.bak")) == []  # refused before the backup and the migration


def test_an_untouched_older_file_still_migrates(tmp_path: Path):
    path = tmp_path / "keeper.sqlite"
    older_file(path)
    db = open_database(path)
    try:
        assert db.schema_version == latest_version()
        assert admin.verify_audit(db).ok
    finally:
        db.close()
    assert len(list(tmp_path.glob("*.bak"))) == 1


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_a_trigger_planted_while_keeper_has_the_file_open_is_refused_at_the_next_open(
    office: Office,
):
    """The application opens the file again for each background job and remembers each
    state of the file it checked: a trigger planted meanwhile (still only in the -wal, the
    database file itself unchanged) is a new state, checked and refused."""
    office.handed_over_pair()
    open_database(office.path).close()  # checked once in this state
    raw(
        office.path,
        "CREATE TRIGGER media_touch AFTER UPDATE ON media BEGIN SELECT 1; END",
    )
    with pytest.raises(SchemaTampered, match="trigger media_touch on media is not Keeper's"):
        open_database(office.path)
