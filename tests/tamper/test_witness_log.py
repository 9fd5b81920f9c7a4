"""The witness log (issue 10, 1d): this account's copy of every head Keeper committed,
outside the database's folder, catches a truncation and a rollback of the file that the
chain alone cannot see — and ``keeper audit verify`` names it."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from conftest import Office
from witness_attacks import insider_copy, keeper, put_back, truncate

from keeper_app.store import audit, witness_log

ROLLBACK = "truncated, or an older copy was put back (rollback)"


def the_log(office: Office) -> Path:
    logs = witness_log.logs_for(office.path)
    assert len(logs) == 1, logs
    return logs[0]


def test_every_commit_appends_the_head_to_a_private_log_outside_the_database_folder(
    office: Office,
) -> None:
    office.handed_over_pair()
    log = the_log(office)
    assert office.path.parent not in log.parents
    assert Path(os.environ["KEEPER_STATE_DIR"]) in log.parents
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    lines = list(witness_log.read(log))
    seq, h, at = audit.head_at(office.db.conn)
    assert (lines[-1].kind, lines[-1].seq, lines[-1].hash, lines[-1].at) == ("head", seq, h, at)
    assert lines[-1].pid == os.getpid() and lines[-1].host
    seqs = [x.seq for x in lines]
    assert seqs == sorted(seqs) and len(seqs) >= 10  # one line per commit, in order


def test_open_records_other_processes_commits(office: Office) -> None:
    office.handed_over_pair()
    log = the_log(office)
    before = log.read_text()
    log.write_text(before.splitlines(keepends=True)[0])  # as if this account saw only the first
    keeper(office.path, "backups", "--check")  # opens the database (verify reads only)
    last = list(witness_log.read(log))[-1]
    assert (last.seq, last.hash) == audit.head(office.db.conn)


def test_a_log_that_cannot_be_written_never_fails_a_change(
    office: Office, monkeypatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("KEEPER_STATE_DIR", str(blocked))
    office.db.witness.path = None  # bind again, under the new folder
    office.db.witness.last_seq = None
    office.handed_over_pair()  # recorded all the same
    assert witness_log.LAST_ERROR is not None and "could not be written" in witness_log.LAST_ERROR


def test_untouched_all_witnesses_agree(office: Office) -> None:
    office.handed_over_pair()
    seq, _h, _at = audit.head_at(office.db.conn)
    r = keeper(office.path, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "History witnessed: 1 witness agrees" in r.stdout
    assert f"(event {seq})" in r.stdout
    j = json.loads(keeper(office.path, "--json", "audit", "verify").stdout)
    assert j["witnesses"]["ok"] and j["witnesses"]["agreed"] == 1
    assert j["witnesses"]["last_seq"] == seq


def test_truncation_is_caught_by_the_witness_log(office: Office) -> None:
    office.handed_over_pair()
    keep = audit.head(office.db.conn)[0]
    office.new_pair("A2026-001", person="赵某某")  # the events the insider removes
    office.db.close()
    assert truncate(office.path, keep) >= 1
    r = keeper(office.path, "audit", "verify")
    # the chain alone verifies: it is the witness that sees the missing end
    assert "audit chain verified" in r.stdout, r.stdout
    assert r.returncode == 1
    assert "WITNESSES DISAGREE" in r.stdout
    assert f"witness log {the_log(office)}" in r.stdout
    assert ROLLBACK in r.stdout and f"the register ends at event {keep}" in r.stdout


def test_rollback_is_caught_by_the_witness_log(office: Office, tmp_path: Path) -> None:
    office.handed_over_pair()
    old = tmp_path / "old.sqlite"
    insider_copy(office.path, old)
    office.new_pair("A2026-001", person="赵某某")
    office.db.close()
    put_back(old, office.path)
    r = keeper(office.path, "audit", "verify")
    assert "audit chain verified" in r.stdout, r.stdout
    assert r.returncode == 1
    assert f"witness log {the_log(office)}" in r.stdout and ROLLBACK in r.stdout


def test_another_accounts_log_and_a_checkpoint_file_are_witnesses_too(
    office: Office, tmp_path: Path
) -> None:
    office.handed_over_pair()
    seq, h = audit.head(office.db.conn)
    other = tmp_path / "other-account.log"
    other.write_bytes(the_log(office).read_bytes())
    checkpoint = tmp_path / "checkpoint.json"
    checkpoint.write_text(json.dumps({"seq": seq, "hash": h}))
    extra = ["--witness", str(other), "--witness", str(checkpoint)]
    ok = keeper(office.path, "audit", "verify", *extra)
    assert ok.returncode == 0, ok.stdout
    assert "History witnessed: 3 witnesses agree" in ok.stdout
    # this account's log is lost with the insider; the others still speak
    office.db.close()
    truncate(office.path, seq - 2)
    the_log(office).unlink()
    r = keeper(office.path, "audit", "verify", *extra)
    assert r.returncode == 1
    assert f"witness file {other}" in r.stdout and f"witness file {checkpoint}" in r.stdout


def test_a_rewritten_event_disagrees_with_the_witness_log(office: Office) -> None:
    """A recomputed chain (every hash from event 2 on rewritten) — the log holds the old
    hashes."""
    import sqlite3

    from witness_attacks import drop_triggers, restore_triggers

    office.handed_over_pair()
    seq, _h = audit.head(office.db.conn)
    office.db.close()
    con = sqlite3.connect(office.path)
    saved = drop_triggers(con)
    con.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", ("f" * 64, seq))
    restore_triggers(con, saved)
    con.commit()
    con.close()
    r = keeper(office.path, "audit", "verify")
    assert r.returncode == 1
    assert f"witness log {the_log(office)} witnessed event {seq}" in r.stdout
    assert "rewritten" in r.stdout


def test_a_wrong_password_is_witnessed_at_once(office: Office) -> None:
    """Sign-in bookkeeping commits on the connection itself (store.signins): its event
    reaches the log too, without waiting for the next change."""
    import pytest

    from keeper_app.domain.errors import RuleViolation
    from keeper_app.services.session import sign_in

    office.handed_over_pair()
    with pytest.raises(RuleViolation):
        sign_in(office.db, "K001", "wrong-password-1", office.clock, office.cache)
    seq, h = audit.head(office.db.conn)
    assert (
        office.db.conn.execute("SELECT action FROM audit_events WHERE seq=?", (seq,)).fetchone()[0]
        == "sign_in_attempt"
    )
    last = witness_log.last(the_log(office), "head")
    assert last is not None and (last.seq, last.hash) == (seq, h)
