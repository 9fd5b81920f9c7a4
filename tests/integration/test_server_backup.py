"""Backups of a server office (issue 11, point 7), on a real PostgreSQL 15 server: ``keeper
backup`` with ``--db URL`` writes a verified sqlite copy (one REPEATABLE READ snapshot of the
server: its head is the server's at that moment, whatever the desks commit meanwhile), which
any desk opens and verifies with no server; ``keeper restore`` brings it into an empty server
database only."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSWORD, Office
from server_helpers import ServerOffice, every_row, serving, with_user

from keeper_app.cli import main
from keeper_app.services import admin, custody
from keeper_app.store import audit, backup_records, latest_version, pgadmin, pgcopy
from keeper_app.store import open as store_open
from keeper_app.store.health import inspect

OLD_DEMO = Path(__file__).resolve().parents[1] / "data" / "demo-schema4.sqlite.gz"


@pytest.fixture
def server_office(pg_url: str) -> Iterator[ServerOffice]:
    with serving(pg_url) as so:
        yield so


@pytest.fixture
def office_location(server_office: ServerOffice) -> str:
    return server_office.app_url


@pytest.fixture
def credentials(tmp_path):
    f = tmp_path / "credentials.json"
    f.write_text(json.dumps({"K001": PASSWORD, "ADMIN": PASSWORD}))
    f.chmod(0o600)
    return str(f)


def workflow(office: Office) -> None:
    office.handed_over_pair()
    _o, d = office.handed_over_pair(person="李某")
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="裂")


def server_head(office: Office) -> tuple[int, str]:
    with office.db.reading():
        return audit.head(office.db.conn)


def keeper_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    return {t: r for t, r in every_row(url).items() if t not in pgadmin.SCHEMA_TABLES}


def test_keeper_backup_of_a_server_writes_a_verified_file_with_the_server_s_head(
    office, server_office, credentials, tmp_path, capsys
):
    workflow(office)
    target = tmp_path / "copies" / "office.sqlite"
    rc = main(
        ["--db", server_office.app_url, "--as", "K001", "--credentials", credentials]
        + ["backup", str(target)]
    )
    out = capsys.readouterr()
    assert rc == 0, out.err
    rep = inspect(target)  # any desk, no server: sqlite's integrity check and the chain
    assert rep.ok, rep.problems
    seq, head = server_head(office)
    assert rep.head == head and f"head {head}" in out.out
    rec = backup_records.read_record(target)
    assert rec is not None and rec.verified and rec.head == head
    assert rec.source == pgadmin.pg.safe_url(server_office.app_url)
    assert server_office.app_password not in backup_records.record_path(target).read_text()
    assert target.stat().st_mode & 0o777 == 0o600
    # the copy is the office: the same rows as the server
    back = store_open(target, create=False)
    try:
        assert admin.verify_audit(back).events == seq
    finally:
        back.close()


def test_the_copy_is_one_snapshot_while_a_desk_commits(
    office, server_office, tmp_path, monkeypatch
):
    """A desk commits while the copy is half made: the copy holds the office as it was when
    the copy began (its chain and every table from one moment), and verifies."""
    workflow(office)
    head_before = server_head(office)
    rows = pgcopy._rows
    wrote: list[bool] = []

    def rows_while_a_desk_commits(db, table, cols):
        if table == "media" and not wrote:
            office.clock.advance(minutes=1)
            office.handed_over_pair(person="赵某")  # another connection: commits now
            wrote.append(True)
        yield from rows(db, table, cols)

    monkeypatch.setattr(pgcopy, "_rows", rows_while_a_desk_commits)
    db = store_open(server_office.app_url)
    try:
        result = pgcopy.copy_to_sqlite(db, tmp_path / "snap.sqlite")
    finally:
        db.close()
    assert wrote and server_head(office)[0] > head_before[0]
    assert result.head == head_before
    rep = inspect(tmp_path / "snap.sqlite")
    assert rep.ok and rep.head == head_before[1]


def test_restore_into_an_empty_server_database_only(
    office, server_office, credentials, tmp_path, capsys
):
    workflow(office)
    target = tmp_path / "office.sqlite"
    assert (
        main(
            ["--db", server_office.app_url, "--as", "K001", "--credentials", credentials]
            + ["backup", str(target)]
        )
        == 0
    )
    capsys.readouterr()
    original = keeper_rows(server_office.admin_url)

    # into the office's own database, which holds rows: refused, nothing changed
    rc = main(["--db", server_office.admin_url, "restore", str(target), "--yes"])
    err = capsys.readouterr().err
    assert rc == 1 and "is not empty" in err and "Nothing was changed" in err
    assert keeper_rows(server_office.admin_url) == original

    # into an empty database set up for it: every row, then the restore recorded
    other = pgadmin.with_database(server_office.admin_url, server_office.database + "_r")
    pgadmin.init(other, server_office.owner, server_office.app)  # dropped with the test's
    # with a desk's URL (the application role): refused, it may not act as the owner
    desk_url = with_user(other, server_office.app, server_office.app_password)
    rc = main(["--db", desk_url, "restore", str(target), "--yes"])
    err = capsys.readouterr().err
    assert rc == 2 and "may not act as the office database's owner" in err
    assert all(r == [] for r in keeper_rows(other).values())

    rc = main(["--db", other, "restore", str(target), "--yes"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    restored = keeper_rows(other)
    assert {t: r for t, r in restored.items() if t != "audit_events"} == {
        t: r for t, r in original.items() if t != "audit_events"
    }
    assert set(original["audit_events"]) <= set(restored["audit_events"])
    [extra] = set(restored["audit_events"]) - set(original["audit_events"])
    assert "restore" in extra  # its action
    db = store_open(desk_url)
    try:
        r = admin.verify_audit(db)
        assert r.ok, r.problems
        assert r.events == len(original["audit_events"]) + 1
        assert re.search(rf"head {r.head_hash}", out.out)
    finally:
        db.close()


def test_an_older_backup_is_brought_up_to_date_and_restored(server_office, tmp_path, capsys):
    """A copy of an earlier Keeper (schema 4: the demo office kept in tests/data) restores
    into an empty server: migrated in a private copy first, the backup left as it is."""
    old = tmp_path / "old.sqlite"
    with gzip.open(OLD_DEMO, "rb") as src, old.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    rc = main(["--db", server_office.admin_url, "restore", str(old), "--yes"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    db = store_open(server_office.app_url)
    try:
        r = admin.verify_audit(db)
        assert r.ok, r.problems
        assert db.schema_version == latest_version()
        actions = [a for (a,) in db.conn.execute("SELECT action FROM audit_events ORDER BY seq")]
        assert actions[-1] == "restore" and "schema_migrated" in actions  # to schema 5
        assert db.conn.execute("SELECT count(*) FROM media").fetchone()[0] > 0
    finally:
        db.close()
