"""A damaged database is refused, never used (issue 7, 2): the checks at open, the refusal
naming the latest verified backup, scheduled verified backups keeping the last N, and
restoring one after showing what it holds — the current file kept aside."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD, raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, backups, custody
from keeper_app.store import audit, backup_records, open_database
from keeper_app.store.connection import DamagedDatabase

PAGE = 4096
#: why the restore tests are the sqlite file's (a server office is restored by `keeper
#: restore` into the server: issue 11, point 7)
RESTORES_THE_FILE = "restoring puts a copy in the sqlite file's place, keeping that file aside"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def keeper(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def tamper(location: str, sql: str, *drop_triggers: tuple[str, str]) -> None:
    """An insider's edit with the owner's rights: ``drop_triggers`` are (trigger, table)."""
    con = raw_connect(location)
    server = location.startswith("postgresql://")
    for trigger, table in drop_triggers:
        con.execute(f"DROP TRIGGER {trigger} ON {table}" if server else f"DROP TRIGGER {trigger}")
    con.execute(sql)
    if not server:  # (the server's connection commits each statement)
        con.commit()
    con.close()


@pytest.fixture
def folder(office) -> Path:
    return backups.default_folder(office.path)


@pytest.fixture
def backed_up(office, folder):
    """An office with a pair handed over, one scheduled backup, then one more change."""
    o, d = office.handed_over_pair()
    k = office.session("K001")  # (signing in records its attempt: before the backup)
    b = backups.backup_if_due(office.db, clock=office.clock)
    assert b is not None and b.verified
    custody.set_location(k, d, "柜Q-01")  # after the backup
    return b


# ------------------------------------------------------------------ refused at open
def _zero_page(data: bytes) -> bytes:
    mid = len(data) // 2 // PAGE * PAGE
    return data[:mid] + b"\0" * PAGE + data[mid + PAGE :]


DAMAGE = {
    "bad header": lambda b: b"Not SQLite at all" + b[17:],
    "a page zeroed": _zero_page,
    "cut short": lambda b: b[: len(b) // 2 // PAGE * PAGE],
    "page 1 overwritten": lambda b: b[:100] + b"\xff" * 3000 + b[3100:],
}


@pytest.mark.sqlite_only("damages the sqlite file's pages")
@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_file_is_refused_naming_the_problem_and_the_latest_backup(office, backed_up, how):
    office.db.close()
    path = office.path
    path.write_bytes(DAMAGE[how](path.read_bytes()))
    before = sha(path)
    with pytest.raises(DamagedDatabase) as ei:
        open_database(path, create=False)
    msg = str(ei.value)
    assert "is damaged and will not be used" in msg and "does not repair" in msg
    if how == "bad header":
        assert "not a sqlite database (bad header)" in msg
    else:
        assert "malformed" in msg or "quick_check" in msg, msg
    assert str(backed_up.path) in msg and f"keeper --db {path} restore" in msg
    assert ei.value.backup == backed_up.path
    assert sha(path) == before  # left exactly as it was: nothing dropped, nothing "repaired"
    assert not Path(f"{path}-wal").exists()
    office.db = open_database(backed_up.path, create=False)  # for the fixture's teardown


@pytest.mark.sqlite_only("damages the sqlite file's pages")
def test_without_a_backup_the_refusal_says_so(office, tmp_path):
    office.db.close()
    office.path.write_bytes(_zero_page(office.path.read_bytes()))
    with pytest.raises(DamagedDatabase) as ei:
        open_database(office.path, create=False, backup_dir=tmp_path / "elsewhere")
    assert f"No verified backup was found in {tmp_path / 'elsewhere'}" in str(ei.value)
    assert ei.value.backup is None
    office.db = open_database(tmp_path / "fresh.sqlite")


@pytest.mark.sqlite_only("damages the sqlite file's pages")
def test_the_command_line_refuses_a_damaged_file_with_exit_2(office, backed_up):
    office.db.close()
    office.path.write_bytes(_zero_page(office.path.read_bytes()))
    r = keeper(office.path, "audit", "verify")
    assert r.returncode == 2
    assert "is damaged" in r.stderr and str(backed_up.path) in r.stderr
    office.db = open_database(backed_up.path, create=False)


def test_a_damaged_copy_of_a_backup_is_not_named(office, folder, backed_up):
    """Only a copy whose record says it verified, and still has its size, is named."""
    with open(backed_up.path, "ab") as fh:  # someone appended to the copy
        fh.write(b"\0" * PAGE)
    assert backup_records.latest_verified(folder) is None
    [b] = backup_records.listing(folder)
    assert not b.verified and b.state == "changed since it was verified"


# ------------------------------------------------------------------ scheduled backups
def test_scheduled_backups_are_verified_private_and_keep_the_last_n(office, folder):
    clock = office.clock
    first = backups.backup_if_due(office.db, folder, keep=3, clock=clock)
    assert first is not None and first.verified and first.record is not None
    v = admin.verify_audit(office.db)
    assert (first.record.events, first.record.head) == (v.events, v.head_hash)
    assert mode(folder) == 0o700 and mode(first.path) == 0o600
    assert mode(backup_records.record_path(first.path)) == 0o600
    # a plain single file: opened read-only, it grows no -wal or -shm beside it
    con = sqlite3.connect(f"file:{first.path}?mode=ro", uri=True)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert audit.verify(con).ok
    con.close()
    assert sorted(p.name for p in folder.iterdir()) == [first.path.name, first.path.name + ".json"]
    # not due yet within the interval
    clock.advance(hours=23)
    assert backups.backup_if_due(office.db, folder, keep=3, clock=clock) is None
    # a copy someone put there by hand is listed, never pruned
    manual = folder / "before-the-move.sqlite"
    admin.backup(office.session("ADMIN"), manual)
    taken = [first.path]
    for _ in range(4):
        clock.advance(hours=24, minutes=1)
        o, d = office.new_pair(burned_at=clock())
        b = backups.backup_if_due(office.db, folder, keep=3, clock=clock)
        assert b is not None and b.verified
        taken.append(b.path)
    names = sorted(p.name for p in folder.glob("*.sqlite"))
    assert names == sorted([manual.name] + [p.name for p in taken[-3:]])
    listing = backups.listing(folder, check=True)
    assert [b.path for b, _ in listing][:3] == taken[:-4:-1]  # newest first
    assert all(b.verified and rep is not None and rep.ok for b, rep in listing)


def test_a_backup_of_a_tampered_database_is_refused_and_not_counted(office, folder):
    good = backups.backup_if_due(office.db, folder, clock=office.clock)
    assert good is not None
    tamper(
        office.location,
        "UPDATE cases SET name='改过的' WHERE case_no='A2026-001'",
        ("cases_fixed_columns", "cases"),
    )
    office.clock.advance(days=2)
    with pytest.raises(RuleViolation) as ei:
        backups.backup_if_due(office.db, folder, clock=office.clock)
    assert ei.value.code == "backup_unverified" and "keeper audit verify" in ei.value.message
    assert backup_records.latest_verified(folder).path == good.path
    states = {b.path.name: b.state for b in backup_records.listing(folder)}
    assert sorted(states.values()) == ["failed verification", "verified"]


# ------------------------------------------------------------------ restore
@pytest.mark.sqlite_only(RESTORES_THE_FILE)
def test_restore_shows_what_it_holds_keeps_the_current_file_and_records_itself(office, backed_up):
    path = office.path
    office.db.close()
    current = sha(path)
    plan = backups.plan_restore(path, backed_up.path, clock=office.clock)
    rep = plan.report
    assert rep.ok and rep.integrity == ["ok"]
    assert (rep.events, rep.head) == (backed_up.record.events, backed_up.record.head)
    assert rep.counts["media"] == 2 and rep.counts["people"] == 11
    assert rep.last_event_at is not None
    result = backups.restore(plan, clock=office.clock)
    assert sha(plan.aside) == current  # the file it replaced, kept byte for byte
    office.db = open_database(path, create=False)
    v = admin.verify_audit(office.db)
    assert v.ok and v.events == rep.events + 1 == result.events
    last = office.db.conn.execute(
        "SELECT action, payload FROM audit_events ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert last[0] == "restore" and str(backed_up.path) in last[1]
    # the move made after the backup is only in the file kept aside
    assert office.db.conn.execute("SELECT COUNT(*) FROM location_changes").fetchone()[0] == 0
    aside = sqlite3.connect(f"file:{plan.aside}?mode=ro", uri=True)
    assert aside.execute("SELECT COUNT(*) FROM location_changes").fetchone()[0] == 1
    aside.close()
    assert mode(path) == 0o600


@pytest.mark.sqlite_only(RESTORES_THE_FILE)
@pytest.mark.parametrize("damage", ["integrity", "audit"])
def test_restore_refuses_a_copy_that_is_not_sound(office, backed_up, damage):
    if damage == "integrity":
        backed_up.path.write_bytes(_zero_page(backed_up.path.read_bytes()))
    else:
        tamper(
            str(backed_up.path),
            "DELETE FROM audit_events WHERE seq=3",
            ("audit_events_no_delete", "audit_events"),
        )
    before = sha(office.path) if not Path(f"{office.path}-wal").exists() else None
    snapshot = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        backups.plan_restore(office.path, backed_up.path)
    assert ei.value.code == "backup_unverified"
    assert office.snapshot() == snapshot
    if before:
        assert sha(office.path) == before
    assert not list(office.path.parent.glob("*.replaced-*"))


@pytest.mark.sqlite_only(RESTORES_THE_FILE)
def test_restore_from_the_command_line(office, backed_up):
    path = office.path
    office.db.close()
    r = keeper(path, "backups")
    assert r.returncode == 0 and backed_up.path.name in r.stdout and "verified" in r.stdout
    refused = keeper(path, "restore", str(backed_up.path))  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert f"audit events  {backed_up.record.events}" in refused.stdout
    assert not list(path.parent.glob("*.replaced-*"))
    done = keeper(path, "restore", str(backed_up.path), "--yes")
    assert done.returncode == 0, done.stderr
    [aside] = path.parent.glob("keeper.sqlite.replaced-*")
    assert str(aside) in done.stdout
    r = keeper(path, "audit", "verify")
    assert r.returncode == 0 and f"{backed_up.record.events + 1} events" in r.stdout
    office.db = open_database(path, create=False)


@pytest.mark.sqlite_only(RESTORES_THE_FILE)
def test_restore_refuses_while_another_keeper_has_the_database_open(office, backed_up):
    path = office.path
    office.db.close()
    other = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "open_worker.py"), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        assert '"ok": true' in other.stdout.readline()  # it has the database open now
        before = sha(path)
        refused = keeper(path, "restore", str(backed_up.path), "--yes")
        assert refused.returncode == 1, refused.stderr
        assert "another Keeper has the database" in refused.stderr
        assert str(path) in refused.stderr and "nothing was changed" in refused.stderr
        with pytest.raises(RuleViolation) as ei:  # the service itself, planned earlier
            plan = backups.plan_restore(path, backed_up.path)
        assert ei.value.code == "database_in_use"
        assert sha(path) == before
        assert not list(path.parent.glob("*.replaced-*"))
    finally:
        other.communicate(timeout=60)  # closes its stdin: the other Keeper lets go
    assert other.returncode == 0
    plan = backups.plan_restore(path, backed_up.path, clock=office.clock)
    backups.restore(plan, clock=office.clock)
    office.db = open_database(path, create=False)
    assert admin.verify_audit(office.db).events == backed_up.record.events + 1


@pytest.mark.sqlite_only(RESTORES_THE_FILE)
def test_a_restore_planned_before_another_keeper_opened_is_refused(office, backed_up):
    path = office.path
    office.db.close()
    plan = backups.plan_restore(path, backed_up.path, clock=office.clock)
    office.db = open_database(path)  # a Keeper opens it between the plan and the restore
    with pytest.raises(RuleViolation) as ei:
        backups.restore(plan, clock=office.clock)
    assert ei.value.code == "database_in_use"
    assert not plan.aside.exists()
    assert admin.verify_audit(office.db).events == backed_up.record.events + 1  # unchanged


@pytest.mark.sqlite_only("the modes of a new sqlite file, its -wal, -shm and lock file")
def test_files_are_private(office, tmp_path):
    """The database, its -wal, -shm and lock file, and every backup are readable by their
    owner only, whatever the umask."""
    old = os.umask(0o022)
    try:
        db = open_database(tmp_path / "new" / "k.sqlite")
        from keeper_app.services import people as people_svc

        head = people_svc.FirstHead("D001", "周大队长", PASSWORD, "刑事侦查大队")
        people_svc.bootstrap(
            db, "3101", "某市公安局", "ADMIN", "系统管理员", PASSWORD, head, kdf_n=2**10
        )
        files = sorted((tmp_path / "new").glob("k.sqlite*"))
        assert [f.name for f in files] == [
            "k.sqlite",
            "k.sqlite-shm",
            "k.sqlite-wal",
            "k.sqlite.lock",
        ]
        assert all(mode(f) == 0o600 for f in files), [(f.name, oct(mode(f))) for f in files]
        b = backups.take(db, tmp_path / "bk")
        assert mode(b.path) == mode(backup_records.record_path(b.path)) == 0o600
        assert mode(tmp_path / "bk") == 0o700
        db.close()
    finally:
        os.umask(old)
