"""Several desks, each a real process, on one office server of the test's own (issue 11,
points 4 and 6): concurrency is the engine's (nothing lost, nothing doubled, no number taken
twice), and when the server goes away (stopped between two steps, stopped or a desk killed
in the middle of a transaction, or not there at all) the desk says so plainly and whether
the change was recorded, nothing is half-written or queued, and the next operation after
the server is back works without restarting the desk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from pg_cluster import PgCluster, free_port

from keeper_app.services import admin, custody
from keeper_app.store import StoreError
from keeper_app.store import open as store_open
from keeper_app.store.connection import ServerLost
from keeper_app.timeutil import now_utc

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
WORKER = HERE / "desk_worker.py"


@pytest.fixture
def cluster(pg_cluster_factory) -> PgCluster:
    """The office's own server: the tests stop, restart and lose it."""
    return pg_cluster_factory("office")


@pytest.fixture
def office_location(cluster: PgCluster) -> str:
    """The `office` fixture (tests/conftest.py) on the test's own server."""
    return cluster.create_database("keeper_office")


def desk(office, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), office.location, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def keeper_cli(location: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", location, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def verified_by_cli(location: str) -> None:
    r = keeper_cli(location, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr


def wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, f"{path} never came"
        time.sleep(0.02)


def shelf_moves(office, code: str) -> list[str]:
    return [
        str(r[0])
        for r in office.db.conn.execute(
            "SELECT l.location FROM location_changes l JOIN media m ON m.id=l.medium_id "
            "WHERE m.code=? ORDER BY l.id",
            (code,),
        )
    ]


# ---------------------------------------------------------- point 4: the engine's concurrency
DESKS = (("K001", "H001"), ("K002", "H002"), ("K001", "H002"), ("K002", "H001"))
ROUNDS = 3


def test_desks_working_at_once_lose_nothing_double_nothing_and_take_no_number_twice(office):
    """Four desk processes at once, each registering pairs (new register numbers), moving one
    shared disc and retrieving and returning its own: every acknowledged change is there once,
    no code is taken twice, the chain verifies."""
    shared = office.handed_over_pair(person="共用")[1]
    own = [office.handed_over_pair(person=f"王某{i}")[1] for i in range(len(DESKS))]
    office.clock.t = now_utc() - timedelta(minutes=1)  # the desks run on the real clock
    for code, (_keeper, retriever) in zip(own, DESKS, strict=True):
        for _ in range(ROUNDS):
            office.approved_request(code, retriever, "D001", "case_handling", 2)
    before = len(office.changes())
    media_before = office.db.conn.execute("SELECT COUNT(*) FROM media").fetchone()[0]
    start = time.time() + 2.0
    procs = [
        desk(office, "work", keeper, retriever, str(start), str(ROUNDS), shared, code)
        for (keeper, retriever), code in zip(DESKS, own, strict=True)
    ]
    said = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
        said.append([json.loads(line) for line in stdout.splitlines()])
    done = [r for lines in said for r in lines]
    assert all(r["ok"] for r in done), [r for r in done if not r["ok"]]
    assert len(done) == len(DESKS) * ROUNDS * 5  # recording, pair, location, retrieve, return
    assert len(office.changes()) == before + len(done)  # nothing lost, nothing doubled
    codes = [c for r in done if r["op"] == "pair" for c in r["codes"]]
    assert len(set(codes)) == len(codes) == 2 * len(DESKS) * ROUNDS  # no number twice
    rows = office.db.conn.execute("SELECT COUNT(*) FROM media").fetchone()[0]
    assert rows == media_before + len(codes)
    for code in codes:
        assert office.db.conn.execute("SELECT 1 FROM media WHERE code=?", (code,)).fetchone()
    assert len(shelf_moves(office, shared)) == len(DESKS) * ROUNDS
    for code in own:
        n = office.db.conn.execute(
            "SELECT COUNT(*) FROM retrievals r JOIN media m ON m.id=r.medium_id "
            "JOIN returns x ON x.retrieval_id=r.id WHERE m.code=?",
            (code,),
        ).fetchone()[0]
        assert n == ROUNDS
    ids = [r["id"] for r in done if r["op"] == "retrieve"]
    assert len(set(ids)) == len(ids)
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems
    verified_by_cli(office.location)


def test_a_desk_waiting_longer_than_the_lock_timeout_is_told_nothing_was_recorded(office):
    """Another desk (a process) holds the office's write lock: this desk's change waits
    for its lock timeout, then is refused as busy, with nothing recorded."""
    from keeper_app.store.connection import StoreBusy

    d = office.handed_over_pair()[1]
    k = office.session("K001")
    before = office.snapshot()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from keeper_app.store.pg import PgConnection\n"
            "c = PgConnection(sys.argv[1])\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
            office.location,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        office.db.set_busy(400)
        with pytest.raises(StoreBusy) as ei:
            custody.set_location(k, d, "柜X-01")
        assert "busy" in str(ei.value) and "nothing was recorded" in str(ei.value)
        assert "0.4 s" in str(ei.value)
    finally:
        holder.communicate("", timeout=30)  # lets go of the lock: the holder ends
    assert office.snapshot() == before
    custody.set_location(k, d, "柜X-01")
    assert shelf_moves(office, d)[-1:] == ["柜X-01"]


# ------------------------------------------------------------------ point 6: the network fails
def test_the_server_stopped_between_two_steps(office, cluster: PgCluster):
    """Stopped: the desk is told plainly the server cannot be reached and nothing was
    recorded; restarted: the same desk (same connection object, same session) goes on."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    before = office.snapshot()
    cluster.stop()
    with pytest.raises(ServerLost) as ei:
        custody.set_location(k, d, "柜R-01")
    assert ei.value.recorded is False
    assert "cannot be reached" in str(ei.value) or "nothing of this change" in str(ei.value)
    assert office.location.split("@")[1].split("/")[0] in str(ei.value)  # which server
    cluster.start()
    assert office.snapshot() == before  # nothing was queued meanwhile
    custody.set_location(k, d, "柜R-02")
    assert shelf_moves(office, d) == ["柜R-02"]
    cluster.restart()  # a restart the desk does not notice: the next step just works
    custody.set_location(k, d, "柜R-03")
    assert shelf_moves(office, d) == ["柜R-02", "柜R-03"]
    verified_by_cli(office.location)


def test_the_server_stopped_inside_a_desks_transaction(office, cluster: PgCluster, tmp_path):
    """A desk process is inside its transaction (event written, not committed) when the
    server stops: it is told nothing of the change was recorded; nothing is half-written;
    when the server is back the same desk process does the next change without a restart."""
    d = office.handed_over_pair()[1]
    before = len(office.changes())
    office.db.close()
    p = desk(office, "pause", "K001", d, str(tmp_path))
    wait_for(tmp_path / "inside", p)
    cluster.stop()
    (tmp_path / "go").write_text("")
    assert p.stdout is not None
    first = json.loads(p.stdout.readline())
    assert first["ok"] is False and first["recorded"] is False, first
    assert "nothing of this change was recorded" in first["message"], first
    assert "do it again when the server is back" in first["message"]
    cluster.start()
    (tmp_path / "again").write_text("")
    second = json.loads(p.stdout.readline())
    assert second == {"ok": True, "shelf": "柜P-02"}
    assert p.wait(60) == 0, p.communicate()[1]
    office.db = store_open(office.location, create=False)
    assert shelf_moves(office, d) == ["柜P-02"]  # the lost change is nowhere, not even late
    assert len(office.changes()) == before + 1
    verified_by_cli(office.location)


def test_a_desk_killed_inside_its_transaction_the_others_go_on(office, cluster, tmp_path):
    """SIGKILL to a desk holding the office's write lock inside its transaction: the server
    rolls it back and lets go of the lock; the other desks write on; nothing of the killed
    change is anywhere."""
    o, d = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某")
    before = len(office.changes())
    p = desk(office, "pause", "K001", d, str(tmp_path))
    wait_for(tmp_path / "inside", p)
    os.kill(p.pid, signal.SIGKILL)
    p.communicate(timeout=30)
    assert p.returncode == -signal.SIGKILL
    office.clock.t = now_utc()  # the killed desk signed in on the real clock
    custody.set_location(office.session("K002"), d2, "柜K-01")  # another desk goes on
    assert shelf_moves(office, d) == []
    assert shelf_moves(office, d2) == ["柜K-01"]
    assert len(office.changes()) == before + 1
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems
    verified_by_cli(office.location)


def test_a_server_that_is_not_there_at_open_is_said_plainly():
    url = f"postgresql://keeper@127.0.0.1:{free_port()}/keeper"
    with pytest.raises(ServerLost) as ei:
        store_open(url)
    msg = str(ei.value)
    assert isinstance(ei.value, StoreError) and ei.value.recorded is False
    assert "cannot be reached" in msg and "127.0.0.1" in msg
    r = keeper_cli(url, "audit", "verify")
    assert r.returncode != 0
    assert "cannot be reached" in r.stdout + r.stderr
    assert "Traceback" not in r.stderr
