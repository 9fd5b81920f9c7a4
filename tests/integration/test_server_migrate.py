"""``keeper migrate --to URL`` (issue 11, point 3): a single-file office moved onto a real
PostgreSQL 15 server set up by ``keeper server init`` — the file's chain verified before,
every row copied exactly (ids, integers, text, bytes), the server's chain verified after,
the same head printed for both; the desks go on from there on the server. Refused, with
nothing changed, into a database holding any Keeper row, from a file whose chain does not
verify, or into a database not set up."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import psycopg
import pytest
from conftest import Office
from server_helpers import ServerOffice, every_row, serving

from keeper_app.cli import main
from keeper_app.services import admin, custody
from keeper_app.store import open as store_open
from keeper_app.store import pgadmin, pgcopy

#: a file office (the `office` fixture on sqlite) moves to a server of the test's own
ENGINES = ("sqlite",)


@pytest.fixture
def server_office(pg_url: str) -> Iterator[ServerOffice]:
    with serving(pg_url) as so:
        yield so


def workflow(office: Office) -> None:
    office.handed_over_pair()
    o, d = office.handed_over_pair(person="李某")
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="裂")


def file_rows(path: str) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        out = {}
        for t in pgcopy.office_tables(int(con.execute("PRAGMA user_version").fetchone()[0])):
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})")]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def keeper_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    rows = every_row(url)
    return {t: r for t, r in rows.items() if t not in pgadmin.SCHEMA_TABLES}


def heads(out: str) -> list[tuple[str, str]]:
    return re.findall(r"head (\d+) ([0-9a-f]{64})", out)


def test_a_file_office_moves_to_the_server_row_for_row_and_the_desks_go_on(
    office, server_office, capsys
):
    workflow(office)
    path = str(office.path)
    rc = main(["--db", path, "migrate", "--to", server_office.admin_url])
    out = capsys.readouterr()
    assert rc == 0, out.err
    [(seq1, h1), (seq2, h2)] = heads(out.out)
    assert (seq1, h1) == (seq2, h2)
    assert f"--db {pgadmin.app_url(server_office.admin_url, server_office.app)}" in out.out
    # every row as it was: ids, integers, text, bytes
    copied = keeper_rows(server_office.admin_url)
    assert copied == file_rows(path)
    assert sum(len(r) for r in copied.values()) > 50
    assert any(isinstance(v, bytes) for r in copied["audit_events"] for v in r)

    # a desk opens the server with the application role and goes on: new ids follow
    db = store_open(server_office.app_url)
    try:
        desk = Office(db, db.path, office.clock, server_office.app_url)
        before = admin.verify_audit(db)
        assert before.ok and before.head_hash == h1
        office.clock.advance(minutes=5)
        desk.handed_over_pair(person="赵某")
        after = admin.verify_audit(db)
        assert after.ok, after.problems
        assert after.events > before.events
        media = db.conn.execute("SELECT id FROM media ORDER BY id").fetchall()
        assert [r[0] for r in media] == list(range(1, len(media) + 1))
    finally:
        db.close()


def test_refused_into_a_database_holding_keeper_rows(office, server_office, capsys):
    workflow(office)
    path = str(office.path)
    assert main(["--db", path, "migrate", "--to", server_office.admin_url]) == 0
    capsys.readouterr()
    before = every_row(server_office.admin_url)
    office.clock.advance(minutes=1)
    office.handed_over_pair(person="赵某")  # the file moved on: still refused
    rc = main(["--db", path, "migrate", "--to", server_office.admin_url])
    err = capsys.readouterr().err
    assert rc == 1
    assert "is not empty" in err and "Nothing was changed" in err
    assert every_row(server_office.admin_url) == before


def _tampered_copy(office: Office, target: str) -> None:
    """The file with one audit event's payload rewritten behind the triggers' back (dropped
    and made again as they were: the schema is Keeper's, the chain is not)."""
    src = sqlite3.connect(str(office.path))
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    (trigger,) = dst.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'"
    ).fetchone()
    dst.execute("DROP TRIGGER audit_events_no_update")
    dst.execute("UPDATE audit_events SET action = action || 'x' WHERE seq = 10")
    assert dst.execute("SELECT changes()").fetchone()[0] == 1
    dst.execute(trigger)
    dst.commit()
    dst.close()


def test_refused_from_a_file_whose_chain_does_not_verify(office, server_office, tmp_path, capsys):
    workflow(office)
    bad = str(tmp_path / "tampered.sqlite")
    _tampered_copy(office, bad)
    assert not admin.verify_audit_file(bad).ok
    rc = main(["--db", bad, "migrate", "--to", server_office.admin_url])
    err = capsys.readouterr().err
    assert rc == 1
    assert "does not verify" in err and "Nothing was copied" in err
    assert all(rows == [] for rows in keeper_rows(server_office.admin_url).values())


def test_refused_into_a_database_not_set_up(office, pg_url, capsys):
    workflow(office)
    rc = main(["--db", str(office.path), "migrate", "--to", pg_url])
    err = capsys.readouterr().err
    assert rc == 2
    assert "holds no Keeper schema" in err and "keeper server init" in err
    with psycopg.connect(pg_url) as c:
        n = c.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert n.fetchone()[0] == 0


def test_the_copy_back_into_a_file_is_the_same_office(office, server_office, tmp_path, capsys):
    """pgcopy in the other direction (a server's backup): the file's rows are the server's."""
    workflow(office)
    assert main(["--db", str(office.path), "migrate", "--to", server_office.admin_url]) == 0
    capsys.readouterr()
    db = store_open(server_office.app_url)
    try:
        back = tmp_path / "back.sqlite"
        result = pgcopy.copy_to_sqlite(db, back)
    finally:
        db.close()
    assert file_rows(str(back)) == file_rows(str(office.path))
    assert admin.verify_audit_file(back).head_hash == result.head[1]
    assert back.stat().st_mode & 0o777 == 0o600
    # a second database on the same server, set up with the same roles, takes it again
    other = pgadmin.with_database(server_office.admin_url, server_office.database + "_r")
    rep = pgadmin.init(other, server_office.owner, server_office.app)  # dropped with the test's
    assert rep.created_database and not rep.created_roles
    assert main(["--db", str(back), "migrate", "--to", other]) == 0
    assert keeper_rows(other) == keeper_rows(server_office.admin_url)
