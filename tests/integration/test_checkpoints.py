"""The daily checkpoint (issue 10, 1e): the keeper on duty takes it, a department head
countersigns, both with their own keys; verify passes after it; its file is checked alone
and against the database."""

from __future__ import annotations

import json
import stat

import pytest
from behind import drop_trigger
from conftest import raw_connect

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, checkpoints
from keeper_app.store import audit
from keeper_app.store import checkpoints as checkpoints_repo


def _count(office) -> int:
    return int(office.db.conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0])


def test_a_keeper_takes_it_and_a_head_countersigns(office):
    _o, d = office.handed_over_pair()
    k = office.session("K001")
    before = office.db.conn.execute("SELECT seq, hash, at FROM audit_events ORDER BY seq DESC")
    seq, hash_hex, head_at = before.fetchone()
    assert checkpoints.status(k)["today"] is False
    office.clock.advance(minutes=5)
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"), expect=(seq, hash_hex))
    row = office.db.conn.execute("SELECT * FROM checkpoints WHERE id=?", (cid,)).fetchone()
    # the head shown, or — when only the two signers' sign-ins were recorded since — the
    # head with them
    between = office.db.conn.execute(
        "SELECT actor_id FROM audit_events WHERE seq > ? AND seq <= ?", (seq, row["seq"])
    ).fetchall()
    assert all(a is None for (a,) in between)
    assert row["hash"] == audit.hash_at(office.db.conn, row["seq"])
    assert row["seq"] == seq + len(between)
    # the checkpoint's own event comes after the head it certifies
    ev = office.db.conn.execute(
        "SELECT seq, action, actor_id FROM audit_events ORDER BY seq DESC"
    ).fetchone()
    assert ev["seq"] == row["seq"] + 1 and ev["action"] == "checkpoint"
    sigs = office.db.conn.execute(
        "SELECT capacity FROM signatures WHERE entry_table='checkpoints' AND entry_id=?", (cid,)
    ).fetchall()
    assert sorted(r[0] for r in sigs) == ["dept_head", "keeper"]
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems
    st = checkpoints.status(k)
    assert st["today"] is True and st["last"]["seq"] == row["seq"]
    slip = checkpoints.slip(k, cid)
    assert slip["qr"] == f"KH1-{row['seq']}-{row['hash']}"
    assert [g["badge"] for g in slip["signers"]] == ["K001", "D001"]
    assert slip["signers"][1]["name"] == "周大队长"
    # work goes on after it, and verify still passes
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    assert admin.verify_audit(office.db).ok


@pytest.mark.parametrize(
    ("session", "keeper", "head", "code"),
    [
        ("K001", "K001", "K001", "same_person"),
        ("K001", "K001", "K002", "checkpoint_not_head"),
        ("K001", "K001", "H001", "checkpoint_not_head"),
        ("H001", "H001", "D001", "role_refused"),
        ("D001", "D001", "D002", "role_refused"),
        ("K001", "K002", "D001", "keeper_not_signed_in"),
    ],
)
def test_refused_as_the_rule_says_and_nothing_changes(office, session, keeper, head, code):
    s = office.session(session)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        checkpoints.take(s, office.cred(keeper), office.cred(head))
    assert e.value.code == code
    assert office.snapshot() == before


def test_readings_and_sign_ins_while_the_two_sign_do_not_move_the_head_shown(office):
    """Another desk's views log what they show, and each signer's password check writes its
    sign-in bookkeeping, in any order, while the checkpoint is signed: nobody changed the
    register, so the checkpoint certifies the head as it is then (it failed in a GUI test
    when a reading came between the bookkeeping events)."""
    office.handed_over_pair()
    k = office.session("K001")
    seq, h = office.db.conn.execute(
        "SELECT seq, hash FROM audit_events ORDER BY seq DESC"
    ).fetchone()
    office.session("D001").note("read", what="due")  # a reading by a person...
    office.session("K001")  # ...then sign-in bookkeeping (system events)
    office.session("D001").note("read", what="inbox")
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"), expect=(seq, h))
    row = office.db.conn.execute("SELECT seq FROM checkpoints WHERE id = ?", (cid,)).fetchone()
    assert row[0] > seq  # the head now, readings included, is what was certified
    assert admin.verify_audit(office.db).ok


def test_a_head_that_moved_and_a_wrong_password_are_refused(office):
    k = office.session("K001")
    seq, h = office.db.conn.execute(
        "SELECT seq, hash FROM audit_events ORDER BY seq DESC"
    ).fetchone()
    office.handed_over_pair()  # the register moves on after the head was shown
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        checkpoints.take(k, office.cred("K001"), office.cred("D001"), expect=(seq, h))
    assert e.value.code == "checkpoint_head_moved" and "sign the new head" in str(e.value)
    assert office.snapshot() == before
    with pytest.raises(RuleViolation) as e:
        checkpoints.take(k, office.cred("K001"), office.cred("D001", "not-his-password"))
    assert e.value.code == "bad_credentials" and _count(office) == 0
    with pytest.raises(RuleViolation) as e:
        checkpoints.take(k, office.cred("K001", "wrong-password-9"), office.cred("D001"))
    assert e.value.code == "bad_credentials" and _count(office) == 0
    assert admin.verify_audit(office.db).ok


def test_the_exported_file_is_private_never_overwritten_and_checks(office, tmp_path):
    office.handed_over_pair()
    k = office.session("K001")
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"))
    seq = office.db.conn.execute("SELECT seq FROM checkpoints WHERE id=?", (cid,)).fetchone()[0]
    path = checkpoints.export(k, cid, tmp_path)
    assert path.name == f"keeper-checkpoint-3101-{seq}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_bytes()
    with pytest.raises(RuleViolation) as e:
        checkpoints.export(k, cid, tmp_path)
    assert e.value.code == "file_exists" and path.read_bytes() == first
    data = json.loads(first)
    assert data["unit"] == {"code": "3101", "name": "某市公安局"}
    assert data["seq"] == seq and data["qr"] == f"KH1-{seq}-{data['hash']}"
    head_pub = office.db.conn.execute(
        "SELECT public_key FROM people WHERE badge='D001'"
    ).fetchone()[0]
    d001 = next(g for g in data["signers"] if g["badge"] == "D001")
    assert d001["capacity"] == "dept_head" and d001["public_key"] == bytes(head_pub).hex()
    assert d001["fingerprint"] == crypto.fingerprint(bytes(head_pub))
    # the same signatures as in the database
    stored = {
        bytes(r[0]).hex()
        for r in office.db.conn.execute(
            "SELECT signature FROM signatures WHERE entry_table='checkpoints'"
        )
    }
    assert {g["signature"] for g in data["signers"]} == stored
    # alone (no database) and with it
    alone = checkpoints.check_file(None, path)
    assert alone.ok and alone.on_chain is None, alone.problems
    assert checkpoints.check_against(office.db, path).on_chain is True
    # a copy with the hash edited fails alone, naming both signatures and the file
    data["hash"] = data["entry"]["row"]["hash"] = "0" * 64
    data["qr"] = f"KH1-{seq}-{'0' * 64}"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data))
    r = checkpoints.check_file(None, forged)
    assert not r.ok
    text = "\n".join(r.problems)
    assert "checkpoint file forged.json" in text
    assert "signature of K001 (keeper) does not verify" in text
    assert "signature of D001 (dept_head) does not verify" in text


def test_not_a_checkpoint_file_is_refused_by_name(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{}")
    with pytest.raises(RuleViolation) as e:
        checkpoints.check_file(None, bad)
    assert e.value.code == "bad_checkpoint_file" and "x.json" in str(e.value)
    bad.write_text("not json")
    with pytest.raises(RuleViolation):
        checkpoints.load_file(bad)


def test_verify_holds_each_recorded_checkpoint_against_the_chain(office):
    office.handed_over_pair()
    k = office.session("K001")
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"))
    seq = office.db.conn.execute("SELECT seq FROM checkpoints WHERE id=?", (cid,)).fetchone()[0]
    con = raw_connect(office.location)
    try:
        assert checkpoints_repo.problems(con) == []
        drop_trigger(con, "audit_events_no_update")
        con.execute("UPDATE audit_events SET hash=? WHERE seq=?", ("f" * 64, seq))
        assert checkpoints_repo.problems(con) == [
            f"checkpoint #{cid}: the chain's event {seq} is not the one the checkpoint "
            "certified — the history before it was rewritten"
        ]
    finally:
        con.rollback()
        con.close()
