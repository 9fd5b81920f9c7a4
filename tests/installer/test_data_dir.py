"""The user's data folder (~/.local/share/keeper) is private: made 0700 with the database 0600,
narrowed to 0700 when an older Keeper or a plain ``mkdir`` left it open; a folder the user
names with --db is theirs and is left as it is. Runs the real `keeper` entry point."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from keeper_app.cli import main


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("HOME", str(h))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    old = os.umask(0o022)  # the usual umask: privacy must not depend on a strict one
    try:
        yield h
    finally:
        os.umask(old)


def test_first_use_makes_a_private_folder_and_file(home: Path) -> None:
    assert main(["init"]) == 0
    data = home / ".local" / "share" / "keeper"
    assert mode(data) == 0o700
    assert mode(data / "keeper.sqlite") == 0o600


def test_a_folder_left_open_is_narrowed(home: Path) -> None:
    data = home / ".local" / "share" / "keeper"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    assert main(["init"]) == 0
    assert mode(data) == 0o700
    assert mode(data / "keeper.sqlite") == 0o600


def test_a_folder_named_with_db_is_the_users_choice(home: Path, tmp_path: Path) -> None:
    shared = tmp_path / "office-share"
    shared.mkdir(mode=0o750)
    shared.chmod(0o750)
    assert main(["--db", str(shared / "keeper.sqlite"), "init"]) == 0
    assert mode(shared) == 0o750
    assert mode(shared / "keeper.sqlite") == 0o600
    # a folder Keeper makes for a database is private
    new = tmp_path / "new-folder" / "keeper.sqlite"
    assert main(["--db", str(new), "init"]) == 0
    assert mode(new.parent) == 0o700
    assert not (home / ".local" / "share" / "keeper").exists()
