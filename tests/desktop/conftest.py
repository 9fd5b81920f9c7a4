"""The desktop tests' fixtures: one X server for the session, a demo office made once and
copied for each test, and the app started on the copy (see harness.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import (  # noqa: F401 - the tests import these from here
    HANDLER,
    KEEPER,
    ROOT,
    App,
    CpuLoad,
    Display,
    _wait,
    copy_db,
    make_demo,
    media_codes,
)


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    d = Display()
    yield d.name
    d.stop()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def office_db(demo_db: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir(mode=0o700)
    db = folder / "office.sqlite"
    copy_db(demo_db, db)
    return db


@pytest.fixture
def app(display: str, office_db: Path, tmp_path: Path) -> Iterator[App]:
    a = App(display, office_db, tmp_path / "home")
    yield a
    a.close()
