"""What a change costs the database (issue 11, the scan's p99): a write transaction hands the
head it committed (the last event it appended) to the witness log and, on an office server,
to the other desks with its COMMIT, without reading it back; a rolled-back transaction
leaves nothing of its event behind (the round trips on a server: test_server_desk.py)."""

from __future__ import annotations

import pytest
from conftest import Office

from keeper_app.store import audit, signins, witness_log


def witnessed(office: Office) -> witness_log.Line:
    path = office.db.witness._bind(office.db.conn)
    assert path is not None
    line = witness_log.last(path, "head")
    assert line is not None
    return line


def test_the_witness_log_gets_the_head_the_change_committed(office: Office) -> None:
    office.handed_over_pair()
    s = office.session("K001")
    before = audit.head(office.db.conn)[0]
    s.note("read", what="a test reading")
    seq, h, at = audit.head_at(office.db.conn)
    assert seq == before + 1
    line = witnessed(office)
    assert (line.seq, line.hash, line.at) == (seq, h, at)


def test_a_rolled_back_event_is_never_witnessed(office: Office) -> None:
    office.handed_over_pair()
    seq, h, at = audit.head_at(office.db.conn)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), office.db.transaction() as conn:
        audit.append(conn, at or "", None, signins.ATTEMPT_ACTION, {"badge": "K001"})
        raise Boom
    # a later transaction that appends nothing must not hand on the rolled-back event
    with office.db.transaction():
        pass
    assert audit.head_at(office.db.conn) == (seq, h, at)
    line = witnessed(office)
    assert (line.seq, line.hash) == (seq, h)
    assert office.db.witness.last_seq == seq


def test_the_head_and_the_last_signed_event_are_read_together(office: Office) -> None:
    office.handed_over_pair()
    conn = office.db.conn
    with office.db.reading():
        assert audit.head_and_last_signed(conn) == (audit.head(conn), audit.last_signed_at(conn))
    # a system event after the last person's event: the two differ
    with office.db.transaction() as c:
        audit.append(c, "2099-01-01T00:00:00Z", None, signins.ATTEMPT_ACTION, {"badge": "X"})
    with office.db.reading():
        top, last = audit.head_and_last_signed(conn)
        assert top == audit.head(conn) and last == audit.last_signed_at(conn)
        assert last is not None and last[0] == top[0] - 1


def test_what_is_read_ahead_is_never_read_stale(office: Office) -> None:
    """A statement read ahead (``prefetch``: sent with the BEGIN to a server) answers only
    in its own snapshot and only until the transaction changes something."""
    _, d = office.handed_over_pair()
    mid = office.medium_id(d)
    where = ("SELECT location FROM media WHERE id=?", (mid,))
    conn = office.db.conn
    with office.db.transaction(prefetch=[where]) as c:
        c.execute("UPDATE media SET location=? WHERE id=?", ("柜Z-99", mid))
        assert c.execute(*where).fetchone()[0] == "柜Z-99"  # not the value read ahead
        audit.append(c, "2099-01-01T00:00:00Z", None, signins.ATTEMPT_ACTION, {"badge": "X"})
    with office.db.reading(prefetch=[where]):
        pass  # read ahead, never asked for
    with office.db.transaction() as c:
        c.execute("UPDATE media SET location=? WHERE id=?", ("柜Z-98", mid))
        audit.append(c, "2099-01-01T00:00:01Z", None, signins.ATTEMPT_ACTION, {"badge": "X"})
    with office.db.reading():
        assert conn.execute(*where).fetchone()[0] == "柜Z-98"
    with office.db.reading(prefetch=[where, where]):
        assert conn.execute(*where).fetchone()[0] == "柜Z-98"
        assert conn.execute(*where).fetchone()[0] == "柜Z-98"  # asked twice: read twice


def test_a_commit_does_not_wait_for_its_witness_line_to_reach_the_disk(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's COMMIT waits for the disk once; the witness line is written at once and
    put on the disk by a thread of its own within FSYNC_EVERY seconds."""
    import threading
    import time

    synced: list[str] = []
    real = witness_log.os.fsync

    def fsync(fd: int) -> None:
        synced.append(threading.current_thread().name)
        real(fd)

    monkeypatch.setattr(witness_log.os, "fsync", fsync)
    office.handed_over_pair()
    s = office.session("K001")
    synced.clear()
    s.note("read", what="a test reading")
    seq = audit.head(office.db.conn)[0]
    assert witnessed(office).seq == seq  # the line is there at once
    assert threading.current_thread().name not in synced
    deadline = time.monotonic() + witness_log.FSYNC_EVERY + 5
    while "keeper-witness-fsync" not in synced and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "keeper-witness-fsync" in synced
