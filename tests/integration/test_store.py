"""The sqlite file itself: pragmas, schema version and migrations (with a backup first),
the append-only triggers on Keeper's own connection, and verified backups."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, transfers
from keeper_app.store import (
    StoreError,
    audit,
    fingerprints,
    latest_version,
    open_database,
    pg,
    pgdb,
)
from keeper_app.store import connection as connection_mod
from keeper_app.store import open as store_open

REAL_MIGRATIONS = connection_mod._migrations


def is_server(location: str | Path) -> bool:
    return str(location).startswith("postgresql://")


def tables(location: str | Path) -> set[str]:
    con = raw_connect(str(location))
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def user_version(location: str | Path) -> int:
    con = raw_connect(str(location))
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    if getattr(conn, "engine", "sqlite") == "postgresql":
        raw = conn.raw  # type: ignore[attr-defined]
        return sorted(
            [
                (str(r[0]), f"{r[1]} {r[2]} {r[3]}")
                for r in raw.execute(
                    "SELECT table_name, column_name, data_type, column_default FROM "
                    "information_schema.columns WHERE table_schema = current_schema()"
                )
            ]
            + [
                (str(r[0]), str(r[1]))
                for r in raw.execute(
                    "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
                )
            ]
            + [
                (str(r[0]), str(r[1]))
                for r in raw.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                )
            ]
        )
    return sorted((r[0], r[1] or "") for r in conn.execute("SELECT name, sql FROM sqlite_master"))


def use_migrations(monkeypatch: pytest.MonkeyPatch, migrations) -> None:
    """Keeper's migrations replaced, for both engines' openers."""
    monkeypatch.setattr(connection_mod, "_migrations", migrations)
    monkeypatch.setattr(pgdb, "_migrations", migrations)


def shown(office) -> str:
    """How Keeper names the office's database in its messages."""
    return pg.safe_url(office.location) if is_server(office.location) else str(office.path)


def unchanged_state(office) -> str:
    """What must stay as it was when opening is refused: the file's bytes, or every row of
    the server's database."""
    if is_server(office.location):
        return repr(office.snapshot(sign_ins=True))
    return sha_of(office.path)


# ------------------------------------------------------------------ opening
@pytest.mark.sqlite_only("the sqlite file's journal mode, sync level and busy timeout")
def test_pragmas(office):
    conn = office.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == connection_mod.BUSY_TIMEOUT_MS


def test_foreign_keys_are_enforced(office):
    with pytest.raises(sqlite3.IntegrityError, match="(?i)FOREIGN KEY"):
        with office.db.transaction() as conn:
            conn.execute(
                "INSERT INTO location_changes(medium_id, location, at, by_id) "
                "VALUES (9999, 'x', '2026-11-20T01:00:00Z', 1)"
            )


def test_schema_version_is_the_latest(office):
    assert latest_version() == len(REAL_MIGRATIONS()) >= 1
    assert office.db.schema_version == latest_version()
    assert user_version(office.location) == latest_version()


def test_a_new_file_is_private(tmp_path):
    db = open_database(tmp_path / "sub" / "new.sqlite")
    db.close()
    assert stat.S_IMODE((tmp_path / "sub" / "new.sqlite").stat().st_mode) == 0o600


def test_reopening_is_idempotent(office):
    before_rows = office.snapshot()
    before_schema = schema(office.db.conn)
    head = audit.head(office.db.conn)
    office.db.close()
    for _ in range(2):
        db = store_open(office.location)
        try:
            assert db.schema_version == latest_version()
            assert schema(db.conn) == before_schema
            assert audit.head(db.conn) == head
            if not is_server(office.location):
                assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        finally:
            db.close()
    office.db = store_open(office.location)
    assert office.snapshot() == before_rows
    assert list(office.path.parent.glob("*.bak")) == []  # nothing to migrate, no backup
    assert admin.verify_audit(office.db).ok


def test_a_newer_schema_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {latest_version() + 7}")
    con.close()
    with pytest.raises(StoreError) as ei:
        open_database(path)
    msg = str(ei.value)
    assert f"schema version {latest_version() + 7}" in msg
    assert f"({latest_version()})" in msg and "newer Keeper" in msg
    assert user_version(path) == latest_version() + 7  # left as it was


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match="bad header"):
        open_database(path)
    assert path.read_bytes() == b"these are my notes, not a database\n" * 20


def test_a_folder_or_a_missing_file_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_database(tmp_path)
    with pytest.raises(StoreError, match="keeper init"):
        open_database(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_truncated_sqlite_file_is_refused_with_store_error(tmp_path):
    path = tmp_path / "cut.sqlite"
    open_database(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 3000)
    with pytest.raises(StoreError):
        open_database(path)


# ------------------------------------------------------------------ append-only
@pytest.fixture
def every_table_filled(office) -> None:
    """At least one row in every entry table, so that every trigger has a row to guard."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="cracked")
    inc = office.db.conn.execute("SELECT id FROM incidents").fetchone()[0]
    custody.acknowledge_incident(office.session("D001"), inc, office.cred("D001"))
    aid = custody.request_unseal(
        k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    custody.unseal(k, o, aid, office.cred("K001"), office.cred("K002"))
    custody.reseal(k, o, "S-2", office.cred("K001"), office.cred("K002"), inspection="intact")
    custody.set_location(k, o, "柜A-02")
    admin.correct(k, "handovers", 1, "note", "补记", "missing note", office.cred("K001"))
    o2, d2 = office.handed_over_pair(person="王某某")
    q = transfers.register_court_request(
        k,
        "A2026-001",
        "court",
        "某市中级人民法院",
        "1号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    transfers.court_transfer(k, q, d2, office.cred("C001"), office.cred("K001"))
    transfers.conclude_case(office.session("H001"), "A2026-001")
    transfers.archive_handover(k, "A2026-001", [o, o2], office.cred("K001"), office.cred("A001"))


APPEND_ONLY = [
    "handovers",
    "approvals",
    "approval_decisions",
    "seal_events",
    "retrievals",
    "returns",
    "incidents",
    "incident_acks",
    "court_requests",
    "court_transfers",
    "case_conclusions",
    "archive_handovers",
    "location_changes",
    "corrections",
    "signatures",
    "recordings",
    "recording_files",
    "manifests",
    "medium_recordings",
]
MEDIA_FIXED = [
    "code",
    "pair_no",
    "copy_role",
    "kind",
    "disc_type",
    "volume_id",
    "case_id",
    "manifest_id",
    "label",
    "burned_at",
    "producer_id",
    "registered_at",
]
CASES_FIXED = ["case_no", "name", "department_id", "major", "opened_at"]


def _refused_by_trigger(office, sql: str, match: str) -> None:
    before = office.snapshot()
    with pytest.raises(sqlite3.DatabaseError, match=match):
        with office.db.transaction() as conn:
            conn.execute(sql)
    assert not office.db.conn.in_transaction
    assert office.snapshot() == before


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_entry_tables_refuse_update_and_delete(office, every_table_filled, table):
    conn = office.db.conn
    assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    first = f"(SELECT min(id) FROM {table})"
    _refused_by_trigger(
        office, f"UPDATE {table} SET id = id WHERE id = {first}", f"append-only: {table}"
    )
    _refused_by_trigger(office, f"DELETE FROM {table} WHERE id = {first}", f"append-only: {table}")
    _refused_by_trigger(office, f"DELETE FROM {table}", f"append-only: {table}")


def test_the_audit_chain_refuses_update_and_delete(office):
    _refused_by_trigger(
        office, "UPDATE audit_events SET payload = '{}' WHERE seq = 1", "append-only: audit_events"
    )
    _refused_by_trigger(
        office,
        "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)",
        "append-only: audit_events",
    )


@pytest.mark.parametrize("column", MEDIA_FIXED)
def test_fixed_media_columns_refuse_update(office, column):
    office.new_pair()
    _refused_by_trigger(
        office,
        f"UPDATE media SET {column} = {column}",
        "media: only status, location and seal_no may change",
    )


def test_media_status_location_and_seal_may_move_but_media_are_never_deleted(office):
    office.handed_over_pair()
    conn = office.db.conn
    with pytest.raises(RuntimeError):  # roll back: only prove the trigger lets it through
        with office.db.transaction():
            assert (
                conn.execute(
                    "UPDATE media SET status=status, location='x', seal_no=seal_no"
                ).rowcount
                == 2
            )
            raise RuntimeError("roll back")
    _refused_by_trigger(office, "DELETE FROM media", "append-only: media")


@pytest.mark.parametrize("column", CASES_FIXED)
def test_fixed_case_columns_refuse_update(office, column):
    _refused_by_trigger(
        office,
        f"UPDATE cases SET {column} = {column}",
        "cases: only status and concluded_at may change",
    )


def test_cases_people_and_case_handlers_are_never_deleted(office):
    _refused_by_trigger(office, "DELETE FROM cases", "append-only: cases")
    _refused_by_trigger(office, "DELETE FROM case_handlers", "append-only: case_handlers")
    _refused_by_trigger(
        office, "DELETE FROM people WHERE badge='H002'", "people are deactivated, never deleted"
    )


# ------------------------------------------------------------------ migrations
# numbered after the real migrations, whatever their number
def _extra() -> tuple[int, str, str]:
    return (
        latest_version() + 1,
        "extra_notes",
        "CREATE TABLE extra_notes (id INTEGER PRIMARY KEY, body TEXT);",
    )


def _with_extra(*extra: tuple[int, str, str]):
    def migrations() -> list[tuple[int, str, str]]:
        return [*REAL_MIGRATIONS(), *extra]

    return migrations


@pytest.mark.sqlite_only("the copy of the sqlite file (.bak) a migration makes first")
def test_a_migration_backs_the_file_up_first(office, monkeypatch):
    n = latest_version()
    before_rows = office.snapshot()
    before = admin.verify_audit(office.db)
    # Keeper's own connection stays open: the newest changes may still be only in the WAL
    monkeypatch.setattr(connection_mod, "_migrations", _with_extra(_extra()))
    assert latest_version() == n + 1
    db = open_database(office.path)
    try:
        assert db.schema_version == n + 1
        assert "extra_notes" in {
            r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        after = admin.verify_audit(db)
        assert after.ok and (after.events, after.head_hash) == (before.events, before.head_hash)
    finally:
        db.close()
    [bak] = office.path.parent.glob(f"{office.path.name}.v{n}.*.bak")
    assert stat.S_IMODE(bak.stat().st_mode) & 0o077 == 0  # as private as the database
    assert user_version(bak) == n
    assert "extra_notes" not in tables(bak)
    con = sqlite3.connect(f"file:{bak}?mode=ro", uri=True)
    try:
        v = audit.verify(con)
    finally:
        con.close()
    # the copy holds everything the database held when the migration began
    assert v.ok and (v.events, v.head_hash) == (before.events, before.head_hash)
    # reopening at the new version migrates nothing and backs up nothing more
    open_database(office.path).close()
    assert len(list(office.path.parent.glob("*.bak"))) == 1
    assert office.snapshot() != before_rows  # the new (empty) table is there
    assert [t for t, _ in office.snapshot() if t == "extra_notes"] == ["extra_notes"]


def test_a_failing_migration_leaves_the_database_as_it_was(office, monkeypatch):
    n = latest_version()
    before_rows = office.snapshot()
    office.db.close()
    broken = (
        n + 1,
        "broken",
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);",
    )
    use_migrations(monkeypatch, _with_extra(broken))
    with pytest.raises(StoreError, match="no_such_table"):
        store_open(office.location, migrate=True)
    use_migrations(monkeypatch, REAL_MIGRATIONS)
    office.db = store_open(office.location)
    assert office.db.schema_version == n
    assert "half_done" not in tables(office.location)
    assert office.snapshot() == before_rows
    if not is_server(office.location):  # the file was copied first (a server keeps no copy)
        assert len(list(office.path.parent.glob(f"{office.path.name}.v{n}.*.bak"))) == 1


def test_migrations_must_be_numbered_one_to_n(monkeypatch):
    monkeypatch.setattr(
        connection_mod.resources,
        "files",
        lambda _pkg: _FakeDir(["0001_initial.sql", "0003_skip.sql", "README.md"]),
    )
    with pytest.raises(StoreError, match="found 3 at place 2"):
        connection_mod._migrations()


class _FakeDir:
    """Stands in for the package folder (importlib.resources), not for our code."""

    def __init__(self, names: list[str]):
        self.names = names

    def __truediv__(self, _name: str) -> _FakeDir:
        return self

    def iterdir(self):
        for n in self.names:
            yield _FakeFile(n)


class _FakeFile:
    def __init__(self, name: str):
        self.name = name

    def read_text(self, encoding: str = "utf-8") -> str:
        return "SELECT 1;"


# ------------------------------------------------------------------ backups
def test_backup_makes_a_private_verified_copy(office, tmp_path):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    target = tmp_path / "backups" / "keeper-2026-11-20.sqlite"
    result = admin.backup(k, target)
    now = admin.verify_audit(office.db)
    assert result.ok and (result.events, result.head_hash) == (now.events, now.head_hash)
    assert result.signatures == now.signatures == 2 + 9  # + the office's countersigned grants
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    copy = open_database(target, create=False)
    try:
        assert copy.schema_version == latest_version()
        assert admin.verify_audit(copy).head_hash == now.head_hash
    finally:
        copy.close()


def test_backup_refuses_an_existing_target(office, tmp_path):
    target = tmp_path / "existing.sqlite"
    target.write_bytes(b"keep me")
    with pytest.raises(RuleViolation) as ei:
        admin.backup(office.session("ADMIN"), target)
    assert ei.value.code == "backup_failed" and "exists already" in ei.value.message
    assert target.read_bytes() == b"keep me"


def test_backup_is_for_keepers_and_administrators(office, tmp_path):
    with pytest.raises(RuleViolation) as ei:
        admin.backup(office.session("H001"), tmp_path / "b.sqlite")
    assert ei.value.code == "role_refused"
    assert not (tmp_path / "b.sqlite").exists()


# ------------------------------------------------------------------ migration fingerprints
def fingerprint_rows(location: str | Path) -> list[tuple[int, str, str, str | None]]:
    con = raw_connect(str(location))
    try:
        return con.execute(
            "SELECT version, name, sha256, applied_at FROM schema_migrations ORDER BY version"
        ).fetchall()
    finally:
        con.close()


def test_each_applied_migration_is_fingerprinted(tmp_path):
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    rows = fingerprint_rows(path)
    assert [(v, n, s) for v, n, s, _ in rows] == [
        (num, name, fingerprints.fingerprint(sql)) for num, name, sql in REAL_MIGRATIONS()
    ]
    assert all(at for *_, at in rows)  # all applied by this Keeper, when


def test_a_file_migrated_from_other_sql_is_refused_naming_the_migration(office, monkeypatch):
    office.db.close()
    before = unchanged_state(office)
    num, name, sql = REAL_MIGRATIONS()[1]
    changed = [
        (n, nm, s + "\n-- edited after release\n" if n == num else s)
        for n, nm, s in REAL_MIGRATIONS()
    ]
    use_migrations(monkeypatch, lambda: changed)
    with pytest.raises(StoreError) as ei:
        store_open(office.location)
    msg = str(ei.value)
    assert f"migration {num:04d}_{name} was applied from different SQL" in msg, msg
    assert "another build of Keeper" in msg and shown(office) in msg
    assert unchanged_state(office) == before  # nothing written
    use_migrations(monkeypatch, REAL_MIGRATIONS)
    office.db = store_open(office.location)  # this Keeper's own SQL: opened as before


def test_a_recorded_fingerprint_that_differs_is_refused(office):
    office.db.close()
    con = raw_connect(office.location)
    con.execute("UPDATE schema_migrations SET sha256 = ? WHERE version = 3", ("0" * 64,))
    con.commit()
    con.close()
    before = unchanged_state(office)
    with pytest.raises(
        StoreError,
        match=r"migration 0003_history_indexes was applied from "
        r"different SQL \(fingerprint 000000000000\)",
    ):
        store_open(office.location)
    assert unchanged_state(office) == before


@pytest.mark.sqlite_only(
    "a sqlite file made before migration fingerprints; a server office has them from its "
    "first migration (their table missing there is a tampered schema)"
)
def test_a_file_from_before_fingerprints_gets_them_once(office):
    office.db.close()
    con = raw_connect(office.location)
    con.execute("DROP TABLE schema_migrations")
    con.commit()
    con.close()
    office.db = store_open(office.location)
    rows = fingerprint_rows(office.location)
    assert [v for v, *_ in rows] == list(range(1, latest_version() + 1))
    assert all(at is None for *_, at in rows)  # not seen applied: taken from this Keeper
    assert list(office.path.parent.glob("*.bak")) == []  # nothing migrated, no backup


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
