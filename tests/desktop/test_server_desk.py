"""A desk of an office on a PostgreSQL server, as it is set up and used (issue 11): the server
made with ``keeper server init``, the demo office on it, then the app started with no --db,
finding the office in its settings (``db/server``, the URL without a password) and its
password in the user's own ``~/.pgpass``; a keeper signs in and a USB scanner (Shift for the
capitals) reads a burst of discs; every reading is on the server, signed by the keeper; the
desk's own witness log holds the server's head, and the history verifies there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keeper_app.store import witness_log

from .conftest import KEEPER, ROOT, App
from .test_scanning import _burst

N = 30
PASSWORD = "the-desks-password-1"


def _keeper(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def test_a_desk_set_up_for_the_office_server_scans_and_witnesses_it(
    display: str, pg_cluster_factory: Callable[..., Any], tmp_path: Path
) -> None:
    cluster = pg_cluster_factory("office")
    admin = {k: v for k, v in os.environ.items() if k != "KEEPER_DB"}
    admin |= {"KEEPER_APP_PASSWORD": PASSWORD, "KEEPER_STATE_DIR": str(tmp_path / "admin")}
    init = _keeper(admin, "server", "init", cluster.superuser_url("keeper"))
    assert init.returncode == 0, init.stderr
    desk_url = cluster.url("keeper_app", None, "keeper")  # what each desk configures
    assert f"--db {desk_url} " in init.stdout, init.stdout
    demo = _keeper(admin, "--db", cluster.url("keeper_app", PASSWORD, "keeper"), "demo")
    assert demo.returncode == 0, demo.stderr

    with cluster.connect("keeper") as con:
        codes = [r[0] for r in con.execute("SELECT code FROM media ORDER BY code LIMIT %s", (N,))]
        keeper_id = con.execute("SELECT id FROM people WHERE badge = %s", (KEEPER,)).fetchone()[0]
        start = con.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    assert len(codes) == N and any(c[-2].isalpha() for c in codes)  # capitals: Shift pressed

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    pgpass = home / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{cluster.port}:keeper:keeper_app:{PASSWORD}\n")
    pgpass.chmod(0o600)
    app = App(display, None, home, settings={"db/server": desk_url})
    try:
        app.sign_in()
        _burst(app, codes, "manual_code")  # all handled, in order, none into a field
        assert [s["text"] for s in app.events("scan")] == codes  # scans, not typing
        fields = {f["path"]: f["text"] for f in app.state()["fields"]}
        assert not any(c in t for t in fields.values() for c in codes), fields
    finally:
        app.close()

    # every reading on the server, in order, signed by the keeper who scanned
    with cluster.connect("keeper") as con:
        rows = con.execute(
            "SELECT actor_id, payload FROM audit_events WHERE seq > %s AND action = 'read' "
            "ORDER BY seq",
            (start,),
        ).fetchall()
        head = con.execute(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    scans = [json.loads(p)["details"] for a, p in rows if a == keeper_id]
    scans = [p for p in scans if p["what"] == "scan"]
    assert [p["code"] for p in scans] == codes, scans[:2]

    # the desk's own witness log (in its state folder, written by the app as it worked) holds
    # the server's head: its last reading
    logs = list((home / "state").rglob("*.log"))
    assert len(logs) == 1, logs
    seen = witness_log.last(logs[0])
    assert seen is not None and (seen.seq, seen.hash) == tuple(head), (seen, head)
    assert seen.pid != os.getpid()
    # and the history verifies at that desk, its witness agreeing
    desk = {k: v for k, v in os.environ.items() if k != "KEEPER_DB"}
    desk |= {"HOME": str(home), "KEEPER_STATE_DIR": str(home / "state")}
    verify = _keeper(desk, "--db", desk_url, "audit", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert f"(event {head[0]})" in verify.stdout and "agrees" in verify.stdout, verify.stdout
