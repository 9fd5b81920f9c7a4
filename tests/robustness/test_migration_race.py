"""Two Keepers opening an older file at the same moment (issue 12, 4): each takes the write
lock before it reads the version again, so exactly one backs the file up and migrates and the
other finds it done — both open it, one backup, each migration applied once and its
fingerprint recorded. Real processes, released together, ten times over."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from keeper_app.store import connection as connection_mod
from keeper_app.store import fingerprints, latest_version

HERE = Path(__file__).parent
WORKER = HERE / "open_worker.py"
ROUNDS = 10


def older_file(path: Path) -> int:
    """A file as the Keeper before the latest migration left it (no fingerprints: older
    Keepers recorded none), with a row in it."""
    migrations = connection_mod._migrations()[:-1]
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = WAL")
        for num, _name, sql in migrations:
            con.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {num};\nCOMMIT;")
        con.execute("INSERT INTO units(code, name) VALUES ('3101', '某某市公安局')")
        con.commit()
    finally:
        con.close()
    return len(migrations)


def start_worker(path: Path) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, str(WORKER), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=HERE.parent.parent,
    )
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "ready", p.stderr.read() if p.stderr else ""
    return p


def open_together(path: Path) -> list[dict[str, object]]:
    workers = [start_worker(path) for _ in range(2)]
    for w in workers:  # both are imported and waiting: let them go at once
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    results = []
    for w in workers:
        assert w.stdout is not None
        line = w.stdout.readline()
        results.append(json.loads(line) if line else {"ok": False, "error": "no answer"})
    for w in workers:
        out, err = w.communicate(timeout=120)  # closes stdin: the worker lets go
        assert w.returncode == 0, err[-3000:]
    return results


def test_two_keepers_opening_an_older_file_at_once_both_succeed(tmp_path: Path) -> None:
    latest = latest_version()
    for n in range(ROUNDS):
        path = tmp_path / f"round{n}" / "keeper.sqlite"
        path.parent.mkdir()
        old = older_file(path)
        results = open_together(path)
        assert results == [{"ok": True, "version": latest}] * 2, (n, results)
        baks = list(path.parent.glob("*.bak"))
        assert len(baks) == 1, (n, baks)
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA user_version").fetchone()[0] == latest
            rows = con.execute(
                f"SELECT version, applied_at IS NOT NULL FROM {fingerprints.TABLE} ORDER BY version"
            ).fetchall()
            assert con.execute("SELECT COUNT(*) FROM units").fetchone()[0] == 1
        finally:
            con.close()
        # the versions the older Keeper applied are backfilled, the new one seen applied
        assert rows == [(v, int(v > old)) for v in range(1, latest + 1)], (n, rows)
        bak = sqlite3.connect(f"file:{baks[0]}?mode=ro", uri=True)
        try:
            assert bak.execute("PRAGMA user_version").fetchone()[0] == old
        finally:
            bak.close()
