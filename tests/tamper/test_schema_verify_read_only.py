"""``keeper audit verify`` checks the file as it is and writes nothing (issue 10, point 6):
no migration of an older file, no ``.bak`` next to it, no ``-wal``/``-shm`` left behind, no
lock file made — the folder's listing and the file's bytes and mtime are the same after."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import Office

from keeper_app.store import connection as connection_mod


def state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file in the folder: its content's hash, size and mtime."""
    out = {}
    for p in sorted(folder.iterdir()):
        st = p.stat()
        out[p.name] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def audit_verify(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(path), "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verify_of_an_older_file_migrates_nothing_and_writes_no_bak(tmp_path: Path):
    path = tmp_path / "keeper.sqlite"
    migrations = connection_mod._migrations()[:-1]
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    for num, _name, sql in migrations:
        con.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {num};\nCOMMIT;")
    con.close()
    before = state(tmp_path)
    assert list(before) == ["keeper.sqlite"]
    r = audit_verify(path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert state(tmp_path) == before  # no .bak, no -wal, no -shm, no .lock, same bytes
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(migrations)
    con.close()


def test_verify_of_a_current_file_writes_nothing(office: Office):
    office.handed_over_pair()
    office.db.close()
    folder = office.path.parent
    before = state(folder)
    assert "keeper.sqlite-wal" not in before  # Keeper removed it at close
    r = audit_verify(office.path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert state(folder) == before


def test_verify_of_a_tampered_file_reports_it_and_writes_nothing(office: Office):
    office.db.close()
    con = sqlite3.connect(office.path)
    con.execute("DROP TRIGGER media_no_delete")
    con.commit()
    con.close()
    before = state(office.path.parent)
    r = audit_verify(office.path)
    assert r.returncode == 1
    assert "trigger media_no_delete is missing (dropped outside Keeper)" in r.stdout
    assert state(office.path.parent) == before


def test_verify_while_another_keeper_has_the_file_open_leaves_its_files_alone(
    office: Office,
):
    office.handed_over_pair()
    folder = office.path.parent
    names = sorted(os.listdir(folder))
    assert "keeper.sqlite-wal" in names  # the office's connection is open
    db_bytes = (office.path.read_bytes(), office.path.stat().st_mtime_ns)
    r = audit_verify(office.path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(os.listdir(folder)) == names
    assert (office.path.read_bytes(), office.path.stat().st_mtime_ns) == db_bytes
