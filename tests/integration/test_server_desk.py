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
from keeper_app.store import audit

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


def test_a_logged_reading_is_five_round_trips_to_the_server(office: Office) -> None:
    """BEGIN with the write lock, the signer's key, the head with the last signed event,
    the INSERT, the notification with the COMMIT — nothing read back."""
    _, code = office.handed_over_pair()
    s = office.session("K001")
    raw = office.db.pg.raw  # type: ignore[attr-defined]
    sent: list[str] = []
    real = raw.execute

    def spy(query: Any, params: Any = None, **kw: Any) -> Any:
        sent.append(str(query))
        return real(query, params, **kw)

    raw.execute = spy
    try:
        s.note("read", what="a test reading")
    finally:
        del raw.execute
    assert len(sent) == 5, sent
    assert sent[0].startswith("BEGIN; SELECT pg_advisory_xact_lock(")
    seq = audit.head(office.db.conn)[0]
    assert sent[-1] == f"SELECT pg_notify('keeper_changes', '{seq}'); COMMIT"
    # and a whole scan (the record, then its logged reading) stays a score of statements
    sent.clear()
    raw.execute = spy
    try:
        lookup.scan(s, code)
    finally:
        del raw.execute
    assert len(sent) <= 20, sent


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
