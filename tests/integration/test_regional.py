"""Issue 11, the regional step, on real servers: two office clusters (wal_level = logical)
publish their databases by logical replication to a third, regional cluster that only reads
(``keeper region publish`` / ``keeper region subscribe``, docs/regional.md); ``keeper audit
verify`` on each regional database verifies that office's chain, with the office's head.

Every office is built through Keeper's services (conftest's ``make_office``), so the two
offices have the same tables with overlapping ids — each has its own regional database."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import Office, make_office
from pg_cluster import PgCluster

from keeper_app.cli import main
from keeper_app.services import admin

#: how long replication may take to bring a change over before the test gives up (a wait
#: for a state, not a timed assertion: on a busy machine it takes what it takes)
CATCH_UP_S = 120
SENDER_PASSWORD = "sender-pw-1"
READER_PASSWORD = "reader-pw-1"


def keeper(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    """``keeper --json ARGS`` in this process: exit code, its JSON output, stderr."""
    capsys.readouterr()
    rc = main(["--json", *args])
    out, err = capsys.readouterr()
    return rc, (json.loads(out) if out.strip() else None), err


def head(url: str) -> tuple[int, str]:
    with psycopg.connect(url) as con:
        row = con.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    assert row is not None
    return int(row[0]), str(row[1])


def wait_until(what: str, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + CATCH_UP_S
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"replication did not bring {what} within {CATCH_UP_S} s")
        time.sleep(0.2)


def caught_up(office_url: str, regional_url: str) -> bool:
    """Every table's first copy done (each is copied apart, the chain may be there before
    the rows it anchors) and the office's head arrived."""
    with psycopg.connect(regional_url) as con:
        syncing = con.execute(
            "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'"
        ).fetchone()
    if syncing is None or syncing[0] != 0:
        return False
    try:
        return head(regional_url) == head(office_url)
    except AssertionError:  # no event copied yet
        return False


def verify(url: str) -> admin.VerifyResult:
    result, _witnesses = admin.verify_audit_and_witnesses(url)
    return result


@pytest.fixture
def region_setup(pg_cluster_factory: Callable[..., PgCluster], tmp_path: Path) -> dict[str, Any]:
    """Two offices with a few workflows each, each on its own logical cluster, and the
    regional cluster (wal_level = replica: a subscriber needs no more)."""
    offices: dict[str, tuple[PgCluster, Office]] = {}
    for name in ("a", "b"):
        cluster = pg_cluster_factory(name=f"office_{name}", logical=True)
        o = make_office(cluster.create_database("keeper"))
        offices[name] = (cluster, o)
    oa, ob = offices["a"][1], offices["b"][1]
    oa.handed_over_pair("A2026-001", "H001", "王某某")
    ob.new_pair("B2026-002", "H003", "李某某")
    region = pg_cluster_factory(name="region")
    pw = tmp_path / "sender.pw"
    pw.write_text(SENDER_PASSWORD + "\n")
    yield {"offices": offices, "region": region, "pwfile": pw}
    for _cluster, o in offices.values():
        o.db.close()


def test_two_offices_copied_to_the_region_verify_there(region_setup, capsys):
    offices, region, pwfile = (
        region_setup["offices"],
        region_setup["region"],
        region_setup["pwfile"],
    )
    regional_admin = region.superuser_url()

    # a regional cluster without wal_level = logical publishes nothing: refused, said why
    rc, _out, err = keeper(capsys, "region", "publish", region.create_database("nothing"))
    assert rc == 1 and "wal_level = replica" in err and "nothing was changed" in err
    # an office that has not published: its subscription is refused
    a_cluster, oa = offices["a"]
    rc, _out, err = keeper(
        capsys,
        "region",
        "subscribe",
        regional_admin,
        "--office",
        "a",
        a_cluster.superuser_url("keeper"),
    )
    assert rc == 1 and "region publish" in err
    assert "keeper_a" not in region.psql("SELECT datname FROM pg_database")

    for name, (cluster, _o) in offices.items():
        rc, out, err = keeper(
            capsys,
            "region",
            "publish",
            cluster.superuser_url("keeper"),
            "--sender-password-file",
            str(pwfile),
        )
        assert rc == 0, err
        assert out["created"] and out["sender_created"] and out["tables"] > 60
        # the sender's URL without a password: it comes from the file
        sender = cluster.url("keeper_region_sender", None, "keeper")
        rc, out, err = keeper(
            capsys,
            "region",
            "subscribe",
            regional_admin,
            "--office",
            name,
            sender,
            "--sender-password-file",
            str(pwfile),
        )
        assert rc == 0, err
        assert out["database"] == f"keeper_{name}" and out["created"]
        assert out["tables"] > 60
    # the copies' schema was made by Keeper's migrations; what is published leaves out
    # only the schema bookkeeping, and sends no DELETE and no TRUNCATE
    published = a_cluster.psql(
        "SELECT pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication",
        "keeper",
    ).split()
    assert published == ["t|t|f|f"]
    assert "keeper_schema_version" not in a_cluster.psql(
        "SELECT tablename FROM pg_publication_tables", "keeper"
    )

    # a reader of the region: a login role in the readers' group, SELECT only
    region.psql(
        f"CREATE ROLE auditor LOGIN PASSWORD '{READER_PASSWORD}' IN ROLE keeper_region_reader"
    )
    reader = {n: region.url("auditor", READER_PASSWORD, f"keeper_{n}") for n in offices}
    for name, (cluster, _o) in offices.items():
        wait_until(
            f"office {name}'s chain",
            lambda c=cluster, n=name: caught_up(c.superuser_url("keeper"), reader[n]),
        )
    for name, (cluster, _o) in offices.items():
        rc, out, err = keeper(capsys, "--db", reader[name], "audit", "verify")
        assert rc == 0 and out["ok"], (name, out["problems"], err)
        assert out["head"] == head(cluster.superuser_url("keeper"))[1]
        assert out["rows"] > 20
    # two offices, overlapping ids, each in its own database
    assert head(reader["a"]) != head(reader["b"])
    rc, out, err = keeper(capsys, "region", "status", regional_admin)
    assert rc == 0, err
    assert [(d["office"], d["enabled"], d["apply_errors"]) for d in out] == [
        ("a", True, 0),
        ("b", True, 0),
    ]
    assert out[0]["head_seq"] == head(reader["a"])[0]

    # a later change at office A arrives, and verifies there
    _original, duplicate = oa.handed_over_pair("A2026-001", "H002", "赵某某")
    oa.retrieve(
        oa.session("K001"),
        duplicate,
        oa.cred("H001"),
        oa.cred("K001"),
        "D001",
        "case_handling",
        4,
    )
    office_a = a_cluster.superuser_url("keeper")
    wait_until("office a's retrieval", lambda: caught_up(office_a, reader["a"]))
    r = verify(reader["a"])
    assert r.ok, r.problems
    assert r.head_hash == head(office_a)[1]
    assert (
        region.psql("SELECT count(*) FROM retrievals", "keeper_a").strip()
        == a_cluster.psql("SELECT count(*) FROM retrievals", "keeper").strip()
        == "1"
    )

    # the region only reads: its reader may not write, and Keeper's triggers still guard
    # any local write to the copy (they do not fire for the replication's apply)
    with psycopg.connect(reader["a"], autocommit=True) as con:
        for statement in (
            "INSERT INTO units DEFAULT VALUES",
            "UPDATE media SET location = 'elsewhere'",
            "DELETE FROM audit_events",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute(statement)
    with pytest.raises(RuntimeError, match="append-only"):
        region.psql("UPDATE audit_events SET payload = '{}' WHERE seq = 1", "keeper_a")
    assert (
        region.psql(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgenabled <> 'O'",
            "keeper_a",
        ).strip()
        == "0"
    )

    # an insider at office A (the owner, its triggers off for the moment) renames a
    # person: the change replicates, and verify on the regional copy catches it
    a_cluster.psql(
        "ALTER TABLE people DISABLE TRIGGER USER; "
        "UPDATE people SET name = '李某' WHERE badge = 'K001'; "
        "ALTER TABLE people ENABLE TRIGGER USER",
        "keeper",
    )
    wait_until(
        "the insider's change",
        lambda: (
            region.psql("SELECT name FROM people WHERE badge = 'K001'", "keeper_a").strip()
            == "李某"
        ),
    )
    r = verify(reader["a"])
    assert not r.ok
    assert any(p.startswith("people #") and "changed outside Keeper" in p for p in r.problems), (
        r.problems
    )
    # office B's copy is untouched by it
    assert verify(reader["b"]).ok

    # an insider at office B deletes a row: the office's verify names it; a DELETE is not
    # published, so the region keeps the row as it was, and B's copy still verifies
    b_cluster, ob = offices["b"]
    office_b = b_cluster.superuser_url("keeper")
    last = b_cluster.psql("SELECT max(id) FROM sign_in_events", "keeper").strip()
    b_cluster.psql(
        "ALTER TABLE sign_in_events DISABLE TRIGGER USER; "
        f"DELETE FROM sign_in_events WHERE id = {last}; "
        "ALTER TABLE sign_in_events ENABLE TRIGGER USER",
        "keeper",
    )
    ob.new_pair("B2026-002", "H003", "周某某")  # a later change, to know B's copy is current
    wait_until("office b's new pair", lambda: caught_up(office_b, reader["b"]))
    r = verify(office_b)
    assert not r.ok
    assert f"sign_in_events #{last}: deleted outside Keeper" in r.problems
    assert (
        region.psql(f"SELECT count(*) FROM sign_in_events WHERE id = {last}", "keeper_b").strip()
        == "1"
    )
    r = verify(reader["b"])
    assert r.ok, r.problems

    # run again (as after an upgrade): the publication's tables set again, the copy refreshed
    rc, out, err = keeper(
        capsys, "region", "publish", office_b, "--sender-password-file", str(pwfile)
    )
    assert rc == 0 and not out["created"] and not out["sender_created"], err
    rc, out, err = keeper(
        capsys,
        "region",
        "subscribe",
        regional_admin,
        "--office",
        "b",
        b_cluster.url("keeper_region_sender", SENDER_PASSWORD, "keeper"),
    )
    assert rc == 0 and not out["created"], err
    assert verify(reader["b"]).ok

    # an insider at office A rewrites its last event (deletes it, writes another under the
    # same number): the DELETE is not sent, the new row collides with the region's, the
    # subscription stops there with an error the status shows, and the region keeps the
    # event as it was — the region is a witness of the office's chain
    seq, original = head(office_a)
    a_cluster.psql(
        "ALTER TABLE audit_events DISABLE TRIGGER USER; "
        f"CREATE TEMP TABLE t AS SELECT * FROM audit_events WHERE seq = {seq}; "
        f"DELETE FROM audit_events WHERE seq = {seq}; "
        "UPDATE t SET hash = repeat('0', 64); "
        "INSERT INTO audit_events OVERRIDING SYSTEM VALUE SELECT * FROM t; "
        "ALTER TABLE audit_events ENABLE TRIGGER USER",
        "keeper",
    )

    def stopped() -> bool:
        return keeper(capsys, "region", "status", regional_admin)[0] == 1

    wait_until("the collision", stopped)
    rc, out, _err = keeper(capsys, "region", "status", regional_admin)
    assert [(d["office"], d["apply_errors"] > 0) for d in out] == [("a", True), ("b", False)]
    assert head(reader["a"]) == (seq, original)
    assert "duplicate key" in region.log()


def test_bad_names_and_unreachable_servers_are_refused_before_anything(capsys):
    from pg_cluster import free_port

    nowhere = f"postgresql://postgres@127.0.0.1:{free_port()}/keeper"
    rc, _out, err = keeper(capsys, "region", "subscribe", nowhere, "--office", "A-1", nowhere)
    assert rc == 1 and "office name 'A-1'" in err
    rc, _out, err = keeper(capsys, "region", "subscribe", nowhere, "--office", "a", nowhere)
    assert rc == 1 and "cannot reach postgresql://postgres@127.0.0.1" in err
    rc, _out, err = keeper(capsys, "region", "publish", nowhere, "--sender", "x;drop")
    assert rc == 1 and "role 'x;drop'" in err
    rc, _out, err = keeper(capsys, "region", "status", nowhere)
    assert rc == 1 and "cannot reach" in err


def test_an_upgrade_the_region_first_then_the_office(
    pg_cluster_factory, tmp_path, capsys, monkeypatch
):
    """DDL is not replicated: the region is upgraded first (its database migrated by
    'subscribe' again) while the office still runs the older schema and goes on sending;
    then the office; then 'publish' and 'subscribe' again bring the new table's rows."""
    from keeper_app.store import connection, pgdb

    office_cluster = pg_cluster_factory(name="office", logical=True)
    office_url = office_cluster.create_database("keeper")
    o = make_office(office_url)
    try:
        region = pg_cluster_factory(name="region")
        regional_admin = region.superuser_url()
        pw = tmp_path / "sender.pw"
        pw.write_text(SENDER_PASSWORD)
        sender = office_cluster.url("keeper_region_sender", SENDER_PASSWORD, "keeper")
        copy = region.superuser_url("keeper_x")
        assert (
            keeper(capsys, "region", "publish", office_url, "--sender-password-file", str(pw))[0]
            == 0
        )
        assert (
            keeper(capsys, "region", "subscribe", regional_admin, "--office", "x", sender)[0] == 0
        )
        wait_until("the first copy", lambda: caught_up(office_url, copy))

        # the next Keeper brings a migration that adds a table
        current = connection._migrations()
        upgraded = [
            *current,
            (
                len(current) + 1,
                "probe",
                "CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL);\n",
            ),
        ]
        for module in (connection, pgdb):
            monkeypatch.setattr(module, "_migrations", lambda: list(upgraded))
        new = len(upgraded)

        # the region first: its database migrated; the office, still older, goes on sending
        rc, out, err = keeper(
            capsys, "region", "subscribe", regional_admin, "--office", "x", sender
        )
        assert rc == 0 and not out["created"], err
        version = "SELECT version FROM keeper_schema_version"
        assert region.psql(version, "keeper_x").strip() == str(new)
        assert office_cluster.psql(version, "keeper").strip() == str(new - 1)
        o.new_pair("A2026-001", "H001", "钱某某")
        wait_until("a change from the older office", lambda: caught_up(office_url, copy))
        assert verify(copy).ok

        # then the office ('keeper server init' migrates it), and publish/subscribe again
        pgdb.open_server(office_url, migrate=True).close()
        office_cluster.psql("INSERT INTO probe(note) VALUES ('after the upgrade')", "keeper")
        rc, out, err = keeper(capsys, "region", "publish", office_url)
        assert rc == 0 and not out["created"], err
        rc, out, err = keeper(
            capsys, "region", "subscribe", regional_admin, "--office", "x", sender
        )
        assert rc == 0, err
        wait_until(
            "the new table's rows",
            lambda: (
                region.psql("SELECT note FROM probe", "keeper_x").strip() == "after the upgrade"
            ),
        )
        o.new_pair("A2026-001", "H002", "孙某某")
        wait_until("a change from the upgraded office", lambda: caught_up(office_url, copy))
        r = verify(copy)
        assert r.ok, r.problems
        assert r.head_hash == head(office_url)[1]
    finally:
        o.db.close()
