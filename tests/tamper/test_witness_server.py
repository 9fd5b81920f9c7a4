"""Each desk of a server office is a witness (issue 11, point 8): every desk keeps its own log
of the heads it has seen, outside the server. The insider here holds the server's superuser
role: he disables the append-only triggers, cuts the end of the chain (and the rows those
events made) or rewrites an event, and puts the triggers back so the schema check sees
nothing. The chain alone still verifies; any desk that saw a later head says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from conftest import Office

from keeper_app import store
from keeper_app.store import audit, witness_log
from keeper_app.store.connection import SchemaTampered

ENGINES = ("postgresql",)
ROLLBACK = "truncated, or an older copy was put back (rollback)"


def keeper(url: str, *args: str, state: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if state is not None:
        env["KEEPER_STATE_DIR"] = str(state)  # another desk: its own witness log
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _as_superuser(url: str, *statements: tuple[str, tuple[object, ...]]) -> int:
    """The insider's session: as superuser, replication mode, which fires no trigger (the
    append-only ones and the foreign keys' alike) — nothing to put back afterwards."""
    n = 0
    with psycopg.connect(url) as con:
        con.execute("SET session_replication_role = replica")
        for sql, params in statements:
            n += con.execute(sql, params).rowcount
    return n


def truncate(url: str, keep: int) -> int:
    """Every event after ``keep`` deleted with the rows it made: the rest still verifies."""
    first: dict[tuple[str, int], int] = {}
    with psycopg.connect(url) as con:
        for seq, payload in con.execute("SELECT seq, payload FROM audit_events ORDER BY seq"):
            for t, i, _ in json.loads(payload)["rows"]:
                first.setdefault((t, int(i)), int(seq))
    later = sorted(((s, t, i) for (t, i), s in first.items() if s > keep), reverse=True)
    stmts = [(f"DELETE FROM {t} WHERE id = %s", (i,)) for _s, t, i in later]
    stmts.append(("DELETE FROM audit_events WHERE seq > %s", (keep,)))
    return _as_superuser(url, *stmts)


def the_log(office: Office) -> Path:
    logs = witness_log.logs_for(office.path)
    assert len(logs) == 1, logs
    return logs[0]


def test_a_desks_log_is_kept_outside_the_server_and_all_agree(office: Office) -> None:
    office.handed_over_pair()
    seq, h = audit.head(office.db.conn)
    log = the_log(office)
    last = list(witness_log.read(log))[-1]
    assert (last.seq, last.hash) == (seq, h)
    r = keeper(office.location, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "History witnessed: 1 witness agrees" in r.stdout


def test_a_desks_first_check_counts_no_witness_of_its_own_making(
    office: Office, tmp_path: Path
) -> None:
    """A desk connecting to the server notes the head it finds there. Its first check must
    not count that line as a witness: it would witness nothing but the check itself (a
    file's read-only check writes no line at all). The line is kept, and the desk's next
    check counts it: an earlier sighting."""
    office.handed_over_pair()
    seq = audit.head(office.db.conn)[0]
    new_desk = tmp_path / "new-desk-state"
    first = keeper(office.location, "audit", "verify", state=new_desk)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "History witnessed: no witness found" in first.stdout, first.stdout
    logs = list((new_desk / "witness").glob("*.log"))
    assert len(logs) == 1 and [x.seq for x in witness_log.read(logs[0])] == [seq]
    again = keeper(office.location, "audit", "verify", state=new_desk)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "History witnessed: 1 witness agrees" in again.stdout
    assert f"(event {seq})" in again.stdout and str(new_desk) in again.stdout


def test_a_cut_chain_on_the_server_is_caught_by_the_desk_that_saw_the_end(
    office: Office,
) -> None:
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0]
    office.new_pair("A2026-001", person="赵某某")  # the events the insider removes
    office.db.close()
    assert truncate(office.location, keep) >= 1
    r = keeper(office.location, "audit", "verify")
    assert "audit chain verified" in r.stdout, r.stdout + r.stderr  # the chain alone: fine
    assert r.returncode == 1
    assert "WITNESSES DISAGREE" in r.stdout
    assert ROLLBACK in r.stdout and f"the register ends at event {keep}" in r.stdout


def test_another_desk_that_saw_a_later_head_catches_it_when_this_desks_log_is_gone(
    office: Office, tmp_path: Path
) -> None:
    """Desk B (another account: its own witness folder) only opened the office once, after
    the last change; the insider also wiped desk A's log. B's log still speaks."""
    desk_b = tmp_path / "desk-b-state"
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0]
    office.new_pair("A2026-001", person="赵某某")
    seen = keeper(office.location, "audit", "verify", state=desk_b)  # B opens: notes the head
    assert seen.returncode == 0, seen.stdout + seen.stderr
    office.db.close()
    truncate(office.location, keep)
    the_log(office).unlink()
    r = keeper(office.location, "audit", "verify", state=desk_b)
    assert r.returncode == 1
    assert ROLLBACK in r.stdout, r.stdout
    assert str(desk_b) in r.stdout  # the witness named is desk B's own log


def test_a_rewritten_event_on_the_server_disagrees_with_the_desks_log(office: Office) -> None:
    office.handed_over_pair()
    seq, _h = audit.head(office.db.conn)
    office.db.close()
    _as_superuser(
        office.location, ("UPDATE audit_events SET hash = %s WHERE seq = %s", ("f" * 64, seq))
    )
    r = keeper(office.location, "audit", "verify")
    assert r.returncode == 1
    assert f"witness log {the_log(office)} witnessed event {seq}" in r.stdout
    assert "rewritten" in r.stdout


@pytest.mark.parametrize("how", ["disable", "drop"])
def test_a_trigger_left_off_or_dropped_on_the_server_is_refused_at_open(
    office: Office, how: str
) -> None:
    office.handed_over_pair()
    office.db.close()
    with psycopg.connect(office.location, autocommit=True) as con:
        if how == "disable":
            con.execute("ALTER TABLE media DISABLE TRIGGER media_no_delete")
        else:
            con.execute("DROP TRIGGER media_no_delete ON media")
    word = "disabled" if how == "disable" else "missing"
    with pytest.raises(SchemaTampered, match=f"trigger media_no_delete is {word}"):
        store.open(office.location)
    r = keeper(office.location, "audit", "verify")  # and verify names it
    assert r.returncode == 1
    assert f"trigger media_no_delete is {word}" in r.stdout
