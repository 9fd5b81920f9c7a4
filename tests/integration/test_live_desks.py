"""Live desks (issue 11): a desk's listener on the office server hears the other desks'
commits (not their mere readings), survives its connection being killed and then asks for
everything to be read again; a sqlite file has nothing to listen to."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Office

from keeper_app import store
from keeper_app.services import live, lookup
from keeper_app.store import audit, pg

ENGINES = ("postgresql",)

WAIT_S = 15  # the longest a hint may take to come (it comes well within a second)


class Heard:
    """A listener's callbacks, collected from its thread."""

    def __init__(self) -> None:
        self.hints: queue.Queue[live.Hint] = queue.Queue()
        self.states: queue.Queue[tuple[bool, str]] = queue.Queue()

    def hint(self) -> live.Hint:
        return self.hints.get(timeout=WAIT_S)

    def state(self) -> tuple[bool, str]:
        return self.states.get(timeout=WAIT_S)

    def until(self, seq: int) -> list[live.Hint]:
        """The hints up to the one of ``seq``."""
        got = [self.hint()]
        while got[-1].seq < seq:
            got.append(self.hint())
        return got


@pytest.fixture
def desk(office: Office) -> Iterator[tuple[Any, Heard]]:
    """A second desk on the same server database, listening."""
    db = store.open(office.location)
    heard = Heard()
    w = live.watch(db, heard.hints.put, lambda up, why: heard.states.put((up, why)))
    assert w is not None
    yield w, heard
    w.stop()
    db.close()


def head(office: Office) -> int:
    return audit.head(office.db.conn)[0]


def test_a_commit_at_one_desk_is_heard_at_the_other(office: Office, desk) -> None:
    w, heard = desk
    assert heard.state() == (True, "")
    first = heard.hint()
    assert first.reread and first.seq == head(office)  # connected: read everything once
    # a reading is logged (a signed event) but changes nothing: no desk refreshes for it
    s = office.session("K001")
    lookup.media(s, limit=10)
    read_seq = head(office)
    assert read_seq > first.seq
    # a change at the first desk (the keeper's connection) is heard at the second
    _o, d = office.new_pair()
    changed = head(office)
    got = heard.until(changed)
    assert got[-1] == live.Hint(changed) and not got[-1].reread
    assert read_seq not in [h.seq for h in got]
    assert w.connected is True


def test_the_listener_reconnects_after_its_connection_is_killed(office: Office, desk) -> None:
    w, heard = desk
    assert heard.state() == (True, "") and heard.hint().reread
    pid = w.backend_pid
    assert pid
    with pg.raw_connection(office.location) as c:
        killed = c.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()
    assert killed == (True,)
    up, why = heard.state()
    assert not up and why  # the desk is told the server went away
    assert heard.state() == (True, "")  # ... and is back by itself
    again = heard.hint()
    assert again.reread and again.seq == head(office)  # re-read: something may be missed
    assert w.backend_pid != pid
    # and it hears the next change as before
    office.new_pair()
    assert heard.until(head(office))[-1] == live.Hint(head(office))


def test_a_sqlite_file_has_nothing_to_listen_to(tmp_path: Path) -> None:
    db = store.open(tmp_path / "keeper.sqlite")
    try:
        assert live.watch(db, lambda _h: None) is None
    finally:
        db.close()
