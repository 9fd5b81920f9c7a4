"""A `keeper init` that is refused before the administrator exists (no terminal to ask the
password, missing fields) leaves no database file behind (it left a schema-only one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

INIT = [
    "init",
    "--unit-code",
    "3101",
    "--unit-name",
    "Test unit",
    "--admin-badge",
    "010001",
    "--admin-name",
    "Admin",
    "--head-badge",
    "010102",
    "--head-name",
    "Head",
    "--head-department",
    "Crime",
]


def keeper(
    db: Path | None, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    where = [] if db is None else ["--db", str(db)]
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", *where, *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def _env(tmp_path: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KEEPER_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "xdg"), **more)
    return env


def test_init_refused_for_want_of_a_terminal_leaves_no_file(tmp_path: Path) -> None:
    db = tmp_path / "data" / "keeper.sqlite"
    r = keeper(db, *INIT)
    assert r.returncode == 1 and "no terminal" in r.stderr, r.stderr
    assert not db.exists()
    assert not db.parent.exists() or list(db.parent.iterdir()) == []


def test_init_without_db_refused_on_the_default_file_leaves_no_file(tmp_path: Path) -> None:
    # no --db: the default file (the installed package's first run)
    r = keeper(None, *INIT, env=_env(tmp_path))
    assert r.returncode == 1 and "no terminal" in r.stderr, r.stderr
    assert not (tmp_path / "xdg" / "keeper" / "keeper.sqlite").exists()


def test_init_on_keeper_db_from_the_environment_refused_leaves_no_file(tmp_path: Path) -> None:
    db = tmp_path / "office" / "keeper.sqlite"
    r = keeper(None, *INIT, env=_env(tmp_path, KEEPER_DB=str(db)))
    assert r.returncode == 1 and "no terminal" in r.stderr, r.stderr
    assert not db.exists()


def test_init_with_missing_fields_leaves_no_file(tmp_path: Path) -> None:
    db = tmp_path / "keeper.sqlite"
    r = keeper(db, "init", "--admin-badge", "010001")
    assert r.returncode != 0 and "--admin-name" in r.stderr, r.stderr
    assert not db.exists()


def test_init_of_an_existing_database_still_asks_nothing(tmp_path: Path) -> None:
    db = tmp_path / "keeper.sqlite"
    creds = tmp_path / "creds.json"
    creds.write_text('{"010001": "correct-horse-1", "010102": "correct-horse-2"}')
    creds.chmod(0o600)
    assert keeper(db, "--credentials", str(creds), *INIT).returncode == 0
    r = keeper(db, *INIT)  # the administrator exists: no password is needed, none asked
    assert r.returncode == 0, r.stderr
    assert "database ready" in r.stdout
