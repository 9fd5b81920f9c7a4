"""The tests' real PostgreSQL 15 clusters (tests/pg_cluster.py, issue 11): a database per
test on the run's server, passwords over TCP, restart, crash and recovery, logical
replication between two clusters running at once."""

from __future__ import annotations

import os
import pwd
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from pg_cluster import PG_CTL_TIMEOUT, PgCluster, _alive

pytestmark = pytest.mark.realtool

WORDS = ["b", "B", "a", "Z", "é", "中", "_", "ab", "a b", "Ä"]


def test_a_test_database_is_empty_utf8_and_orders_text_as_sqlite_does(
    pg_url: str, pg_server: PgCluster
) -> None:
    dbname = pg_url.rsplit("/", 1)[1]
    assert dbname.startswith("keeper_t_")
    with psycopg.connect(pg_url, autocommit=True) as con:
        assert con.execute(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database "
            "WHERE datname = current_database()"
        ).fetchone() == ("UTF8", "C", "C")
        assert con.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)
        con.execute("CREATE TABLE w (t text PRIMARY KEY)")
        for w in WORDS:
            con.execute("INSERT INTO w VALUES (%s)", (w,))
        pg_order = [r[0] for r in con.execute("SELECT t FROM w ORDER BY t")]
    lite = sqlite3.connect(":memory:")
    lite.execute("CREATE TABLE w (t TEXT PRIMARY KEY)")
    lite.executemany("INSERT INTO w VALUES (?)", [(w,) for w in WORDS])
    assert pg_order == [r[0] for r in lite.execute("SELECT t FROM w ORDER BY t")]
    assert pg_order == sorted(WORDS, key=lambda w: w.encode())
    # the real psql client sees the same rows, on the Unix socket in the cluster's folder
    assert pg_server.psql("SELECT t FROM w ORDER BY t", dbname=dbname).split("\n")[:-1] == pg_order


def test_tcp_asks_for_the_password_and_refuses_a_wrong_one(pg_server: PgCluster) -> None:
    url = pg_server.superuser_url("postgres")
    assert url == f"postgresql://postgres:{pg_server.password}@127.0.0.1:{pg_server.port}/postgres"
    with psycopg.connect(url) as con:
        assert con.execute("SELECT inet_server_addr()::text, current_user").fetchone() == (
            "127.0.0.1/32",
            "postgres",
        )
        rules = con.execute(
            "SELECT type, database, address, auth_method FROM pg_hba_file_rules "
            "WHERE type = 'host' ORDER BY line_number"
        ).fetchall()
    assert rules == [
        ("host", ["all"], "127.0.0.1", "scram-sha-256"),
        ("host", ["replication"], "127.0.0.1", "scram-sha-256"),
    ]
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_server.url(password="not-the-password"))
    with pytest.raises(psycopg.OperationalError, match="no password supplied"):
        psycopg.connect(pg_server.url(user="nobody_here"))
    settings = "SELECT current_setting('fsync'), current_setting('unix_socket_directories')"
    assert pg_server.psql(settings) == f"on|{pg_server.socket_dir}\n"
    # the server's programs run as the postgres system user, never as root
    pid = pg_server.postmaster_pid()
    assert pid is not None
    uid = int(Path(f"/proc/{pid}/status").read_text().split("Uid:")[1].split()[0])
    assert uid == (pwd.getpwnam("postgres").pw_uid if os.geteuid() == 0 else os.geteuid())


def test_a_database_is_dropped_with_its_connections_still_open(pg_server: PgCluster) -> None:
    url = pg_server.create_database("keeper_drop_me")
    left_open = psycopg.connect(url)
    left_open.execute("CREATE TABLE t (x int)")
    pg_server.drop_database("keeper_drop_me")
    assert pg_server.psql("SELECT datname FROM pg_database WHERE datname = 'keeper_drop_me'") == ""
    with pytest.raises(psycopg.OperationalError):
        left_open.execute("SELECT 1")
    left_open.close()
    with pytest.raises(RuntimeError, match='relation "nowhere" does not exist'):
        pg_server.psql("SELECT * FROM nowhere")


def test_restart_keeps_the_data_and_a_killed_server_recovers_what_was_committed(
    pg_cluster_factory: Callable[..., PgCluster], tmp_path: Path
) -> None:
    pg = pg_cluster_factory("crashy")
    url = pg.create_database("keeper_crash")
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE t (x int)")
        con.execute("INSERT INTO t VALUES (1)")
    pg.psql("ALTER SYSTEM SET work_mem = '7MB'")  # a test's own setting outlives restarts
    port = pg.port
    pg.restart()
    assert pg.is_running() and pg.port == port
    assert pg.psql("SHOW work_mem") == "7MB\n"
    with psycopg.connect(url, autocommit=True) as con:  # the same URL still works
        assert con.execute("SELECT x FROM t").fetchall() == [(1,)]
        con.execute("INSERT INTO t VALUES (2)")
    pending = psycopg.connect(url)
    pending.execute("INSERT INTO t VALUES (3)")  # never committed
    pg.kill()
    assert not pg.is_running()
    with pytest.raises(psycopg.OperationalError):
        pending.execute("COMMIT")
    pending.close()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url)
    pg.start()
    with psycopg.connect(url) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]
    assert "database system was not properly shut down; automatic recovery" in pg.log()
    base = pg.base
    assert base is not None and base.is_dir()
    pg.destroy()
    assert not base.exists() and not pg.is_running()
    assert "automatic recovery in progress" in (tmp_path / "crashy.log").read_text()


def test_two_clusters_at_once_one_logical_replicating_to_the_other(
    pg_cluster_factory: Callable[..., PgCluster],
) -> None:
    source = pg_cluster_factory("source", logical=True)
    target = pg_cluster_factory("target")
    assert source.port != target.port and source.base != target.base
    assert source.psql("SHOW wal_level") == "logical\n"
    assert target.psql("SHOW wal_level") == "replica\n"
    src_url = source.create_database("keeper_pub")
    dst_url = target.create_database("keeper_sub")
    with psycopg.connect(src_url, autocommit=True) as con:
        con.execute("CREATE TABLE t (id int PRIMARY KEY, v text)")
        con.execute("INSERT INTO t VALUES (1, '甲')")
        con.execute("CREATE PUBLICATION p FOR TABLE t")
    with psycopg.connect(dst_url, autocommit=True) as con:
        con.execute("CREATE TABLE t (id int PRIMARY KEY, v text)")
        # the subscriber signs in to the publisher over TCP with the password
        con.execute(f"CREATE SUBSCRIPTION s CONNECTION '{src_url}' PUBLICATION p")
    with psycopg.connect(src_url, autocommit=True) as con:
        con.execute("INSERT INTO t VALUES (2, '乙')")
    rows: list[tuple[int, str]] = []
    for _ in range(600):  # the initial copy and the stream arrive in the background
        rows = target.psql("SELECT id, v FROM t ORDER BY id", dbname="keeper_sub").split()
        if len(rows) == 2:
            break
        time.sleep(0.1)
    assert rows == ["1|甲", "2|乙"]
    with psycopg.connect(dst_url, autocommit=True) as con:
        con.execute("DROP SUBSCRIPTION s")


_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from pg_cluster import PgCluster
cluster = PgCluster(Path(sys.argv[2]), "ended").start()
print(cluster.base, cluster.postmaster_pid(), flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_test_process_ended_by_a_signal_leaves_no_server_running(
    tmp_path: Path, signum: int
) -> None:
    """A test run ended by SIGTERM (a CI job's timeout) or SIGHUP (its terminal closed) skips
    the exit handlers: its clusters are destroyed by the signal's handler, and the process
    still ends by that signal."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(Path(__file__).resolve().parents[1]), str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        base, pid = child.stdout.readline().split()
        assert Path(base).is_dir() and _alive(int(pid))
        child.send_signal(signum)
        assert child.wait(timeout=PG_CTL_TIMEOUT) == -signum
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert not _alive(int(pid)), "the postmaster outlived the process that started it"
    assert not Path(base).exists()
    assert (tmp_path / "ended.log").is_file()  # the server's log, kept as destroy() keeps it
