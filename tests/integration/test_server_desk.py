"""A desk names its office server once (issue 11, point 1): `--db URL`, or `$KEEPER_DB` for
every command; a plain path stays a sqlite file. An unreachable server is said plainly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from conftest import Office

from keeper_app.services import lookup
from keeper_app.store import audit, pg, signins

ENGINES = ("postgresql",)


def keeper(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_keeper_db_names_the_server_for_every_command(office: Office) -> None:
    office.handed_over_pair()
    seq, h = audit.head(office.db.conn)
    r = keeper("--json", "audit", "verify", env={"KEEPER_DB": office.location})
    assert r.returncode == 0, r.stdout + r.stderr
    j = json.loads(r.stdout)
    assert j["ok"] and j["events"] == seq and j["head"] == h
    same = keeper("--db", office.location, "--json", "audit", "verify")
    assert json.loads(same.stdout)["head"] == h


def test_an_unreachable_server_is_said_plainly_and_the_password_is_not_shown(
    office: Office,
) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(office.location)
    dead = office.location.replace(f":{parts.port}/", ":1/")
    r = keeper("--db", dead, "audit", "verify")
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "cannot be reached" in out, out
    assert parts.password and parts.password not in out
    assert "Traceback" not in out


def test_the_first_run_sets_up_a_server_office_once(pg_url: str) -> None:
    """The application's first-run set-up on a server (its schema made by `keeper server
    init`): the unit, the administrator and the first head, in one transaction; a second
    set-up is refused and changes nothing."""
    from keeper_app import store
    from keeper_app.domain.errors import RuleViolation
    from keeper_app.services import people

    store.open(pg_url, migrate=True).close()
    head = people.FirstHead("D001", "周大队长", "correct-horse-1", "刑事侦查大队")
    pw = "correct-horse-1"
    pid = people.first_run(pg_url, "3101", "某市公安局", "ADMIN", "管理员", pw, head)
    assert pid > 0
    db = store.open(pg_url)
    try:
        assert not people.needs_bootstrap(db)
        before = audit.head(db.conn)
        with pytest.raises(RuleViolation):
            people.first_run(pg_url, "3101", "某市公安局", "ADMIN2", "管理员", pw, head)
        assert audit.head(db.conn) == before
    finally:
        db.close()


def test_a_wrong_password_is_said_as_such_not_as_a_network_fault(office: Office) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(office.location)
    assert parts.password
    wrong = office.location.replace(f":{parts.password}@", ":not-the-password@")
    r = keeper("--db", wrong, "audit", "verify")
    out = r.stdout + r.stderr
    assert r.returncode != 0
    assert "refused this desk's connection" in out and "password" in out, out
    assert "cannot be reached" not in out and "not-the-password" not in out


class RoundTrips:
    """What a desk's connection sends, one entry per round trip: a statement on its own, or
    the statements of one pipeline (sent together, answered together)."""

    def __init__(self, office: Office) -> None:
        self.raw = office.db.pg.raw  # type: ignore[attr-defined]
        self.trips: list[list[str]] = []
        self._in_pipeline = False

    def __enter__(self) -> RoundTrips:
        from contextlib import contextmanager

        real_execute, real_pipeline = self.raw.execute, self.raw.pipeline

        def execute(query: Any, params: Any = None, **kw: Any) -> Any:
            if self._in_pipeline:
                self.trips[-1].append(str(query))
            else:
                self.trips.append([str(query)])
            return real_execute(query, params, **kw)

        @contextmanager
        def pipeline() -> Any:
            self.trips.append([])
            self._in_pipeline = True
            try:
                with real_pipeline() as p:
                    yield p
            finally:
                self._in_pipeline = False

        self.raw.execute, self.raw.pipeline = execute, pipeline
        return self

    def __exit__(self, *exc: object) -> None:
        del self.raw.execute, self.raw.pipeline


def test_a_logged_reading_is_two_round_trips_to_the_server(office: Office) -> None:
    """The BEGIN with the write lock, the signer's key and the chain's end, in one; the
    event's INSERT, the notification and the COMMIT in the other -- nothing read back."""
    _, code = office.handed_over_pair()
    s = office.session("K001")
    with RoundTrips(office) as rt:
        s.note("read", what="a test reading")
    assert len(rt.trips) == 2, rt.trips
    first, last = rt.trips
    assert first[:2] == ["BEGIN", f"SELECT pg_advisory_xact_lock({pg.WRITE_LOCK})"], first
    assert any("person_keys" in q for q in first) and any("audit_events" in q for q in first)
    seq = audit.head(office.db.conn)[0]
    assert last[0].startswith("INSERT INTO audit_events")
    assert last[1:] == [f"SELECT pg_notify('keeper_changes', '{seq}')", "COMMIT"]
    assert audit.verify(office.db.conn).ok


def test_an_event_held_back_for_the_commit_goes_first_when_anything_follows(
    office: Office,
) -> None:
    """The INSERT held back is sent before any later statement of the transaction, so that
    the transaction reads its own event; a rollback drops it."""
    office.handed_over_pair()
    seq, _ = audit.head(office.db.conn)
    with office.db.transaction() as c:
        audit.append(c, "2099-01-01T00:00:00Z", None, signins.ATTEMPT_ACTION, {"badge": "X"})
        assert audit.head(c)[0] == seq + 1  # read back in the same transaction
    assert audit.head(office.db.conn)[0] == seq + 1

    class Boom(Exception):
        pass

    with pytest.raises(Boom), office.db.transaction() as c:
        audit.append(c, "2099-01-01T00:00:01Z", None, signins.ATTEMPT_ACTION, {"badge": "X"})
        raise Boom
    assert audit.head(office.db.conn)[0] == seq + 1
    with office.db.transaction():
        pass  # nothing left over from the rolled-back one
    assert audit.head(office.db.conn)[0] == seq + 1


def test_a_scan_is_three_round_trips_to_the_server(office: Office) -> None:
    """The disc's row; then, with the BEGIN and the write lock, everything its record shows
    and what its logged reading needs; then the reading's event with the COMMIT. The same
    reading again (not logged twice): the row, the snapshot with the record's reads, the
    ROLLBACK. The record is the same as read statement by statement (the same server with
    the read-ahead turned off)."""
    _, code = office.handed_over_pair()
    k = office.session("K001")
    with RoundTrips(office) as rt:
        rec = lookup.scan(k, code)
    trips = [t for t in rt.trips if t]
    assert len(trips) == 3, trips
    assert trips[1][:2] == ["BEGIN", f"SELECT pg_advisory_xact_lock({pg.WRITE_LOCK})"]
    assert len(trips[1]) > 10 and any("person_keys" in q for q in trips[1])
    assert trips[2][0].startswith("INSERT INTO audit_events") and trips[2][-1] == "COMMIT"
    with RoundTrips(office) as rt:
        again = lookup.scan(k, code)  # the same reading a moment later: not logged again
    trips = [t for t in rt.trips if t]
    assert len(trips) == 3, trips
    assert trips[1][0].startswith("BEGIN ISOLATION LEVEL REPEATABLE READ") and len(trips[1]) > 8
    assert trips[2] == ["ROLLBACK"]
    server = office.db.pg  # type: ignore[attr-defined]
    server.pipelined = lambda first, statements: [server.run_raw(t) for t in first]
    try:
        with RoundTrips(office) as rt2:
            slow = lookup.scan(k, code)
    finally:
        del server.pipelined
    assert len([t for t in rt2.trips if t]) >= 14, rt2.trips
    assert rec == again == slow
    assert "retrieve" in rec.actions and rec.history and rec.status == "in_custody"


def test_a_signed_change_is_few_round_trips_and_reads_back_nothing_it_inserted(
    office: Office,
) -> None:
    """A retrieval with its two signers: their keys are derived before the call begins
    (session._derive_ahead: each signer's person and sign-in state read, nothing written);
    each signer's sign-in bookkeeping is then one transaction of five round trips (the BEGIN
    with the lock, the person's state and the chain's end; the attempt and the clearing, each
    a row and its event, the last with the COMMIT: the second event goes after the first
    without reading the chain's end again), the change starts with the chain's end and the
    keeper's key read with its BEGIN, and no row the change inserted is read back for its
    anchor or its signatures (the INSERT returned it). The row it updated (the disc's status)
    is read back once. The history verifies."""
    from keeper_app.services import custody

    _, d = office.handed_over_pair()
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    k = office.session("K001")
    with RoundTrips(office) as rt:
        custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), qid)
    trips = [t for t in rt.trips if t]
    begins = [i for i, t in enumerate(trips) if t[:1] == ["BEGIN"]]
    assert len(begins) == 3, trips  # 2 signers' (attempt and clearing), and the change
    ahead = trips[: begins[0]]
    assert [t[0].split(" FROM ")[1].split()[0] for t in ahead[:4]] == [
        "people",
        "sign_in_events",
        "people",
        "sign_in_events",
    ], ahead
    for i in begins[:2]:
        assert trips[i][1] == f"SELECT pg_advisory_xact_lock({pg.WRITE_LOCK})"
        assert any("FROM sign_in_events" in q for q in trips[i][2:]), trips[i]
        assert any("FROM audit_events" in q for q in trips[i][2:]), trips[i]
        for j in (1, 3):
            assert trips[i + j][0].startswith("INSERT INTO sign_in_events"), trips[i + j]
            assert trips[i + j + 1][0].startswith("INSERT INTO audit_events"), trips[i + j + 1]
        assert trips[i + 4][-1] == "COMMIT"
    change = trips[begins[2] :]
    assert any("person_keys" in q for q in change[0]) and any(
        "audit_events" in q for q in change[0]
    )
    reads_back = [t[0] for t in change if t[0].startswith("SELECT * FROM ")]
    assert reads_back == ["SELECT * FROM media WHERE id = %s"], change
    inserted = {t[0].split()[2].split("(")[0] for t in change if t[0].startswith("INSERT")}
    assert {"retrievals", "signatures", "retrieval_request_uses"} <= inserted, change
    assert change[-1][-1] == "COMMIT"
    assert audit.verify(office.db.conn).ok


def test_a_row_inserted_then_updated_in_one_transaction_is_read_as_it_ends(
    office: Office,
) -> None:
    """What an INSERT returned stands in for reading the row back only until the row's
    table is written again: a row updated after its INSERT is read as updated; another
    table's update leaves it known; nothing is known after the transaction."""
    office.handed_over_pair()
    server = office.db.pg  # type: ignore[attr-defined]
    dept = office.db.conn.execute("SELECT department_id FROM cases LIMIT 1").fetchone()[0]

    class Undo(Exception):
        pass

    with pytest.raises(Undo), office.db.transaction() as c:
        cid = int(
            c.execute(
                "INSERT INTO cases(case_no, name, department_id, status, opened_at) "
                "VALUES ('A2099-001', '试案', ?, 'open', '2099-01-01T00:00:00Z')",
                (dept,),
            ).lastrowid
            or 0
        )
        assert server.written_row("cases", cid)["status"] == "open"
        c.execute("UPDATE media SET location = '柜Q-01' WHERE id = 1")
        assert server.written_row("cases", cid) is not None  # another table's row
        c.execute("UPDATE cases SET status = 'concluded' WHERE id = ?", (cid,))
        assert server.written_row("cases", cid) is None
        assert audit.read_row(c, "cases", cid)["status"] == "concluded"
        raise Undo
    assert office.db.conn.execute("SELECT 1 FROM cases WHERE id = ?", (cid,)).fetchone() is None
    assert server.written_row("cases", cid) is None


def test_rows_are_read_by_name_as_the_server_sends_them(office: Office) -> None:
    """The rows' names come from the result itself (store/pg.py: no description built):
    the result status it checks is libpq's own."""
    import psycopg

    from keeper_app.store import pg

    assert pg._TUPLES_OK == psycopg.pq.ExecStatus.TUPLES_OK
    conn = office.db.conn
    r = conn.execute("SELECT 7 AS Seven, 'x' AS name").fetchone()
    assert (r["seven"], r["SEVEN"], r["name"], r[0], list(r.keys())) == (
        7,
        7,
        "x",
        7,
        ["seven", "name"],
    )
    with office.db.transaction() as c:
        cur = c.execute("UPDATE cases SET status=status WHERE id < 0")
        assert cur.fetchone() is None and cur.fetchall() == []
