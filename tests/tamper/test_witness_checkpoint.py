"""The daily checkpoint as a witness (issue 10, 1e), attacked by an insider who holds the
database file and Keeper's source but not the department head's password: raw sqlite3,
the append-only triggers dropped. The exported checkpoint file, kept by the supervising
unit, catches (1) a truncation below the certified head, (2) a rollback to an older copy of
the file, (3) a forged checkpoint file — `keeper audit check-checkpoint FILE --db` fails,
naming the file (and, for a forgery, which signature)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import PASSWORD, Office
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from witness_attacks import drop_triggers, restore_triggers

from keeper_app import canonical, crypto
from keeper_app.services import checkpoints, intake
from keeper_app.store import people as people_repo


def keeper(office: Office, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(office.path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def new_case(office: Office, n: int) -> None:
    intake.create_case(
        office.session("H001"), f"T2026-{n:03d}", f"案件{n}", office.dept["crim"], ["H001"]
    )


def checkpoint_file(office: Office, folder: Path) -> tuple[Path, int]:
    k = office.session("K001")
    office.clock.advance(minutes=1)
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"))
    path = checkpoints.export(k, cid, folder)
    return path, json.loads(path.read_text())["seq"]


def truncate(path: Path, keep: int) -> None:
    """A clean truncation: the events after ``keep`` and every row they wrote are deleted
    (the events here only inserted rows), so that what is left is a consistent chain."""
    con = sqlite3.connect(path)
    try:
        saved = drop_triggers(con)
        for (payload,) in con.execute(
            "SELECT payload FROM audit_events WHERE seq > ?", (keep,)
        ).fetchall():
            for table, rid, _h in json.loads(payload)["rows"]:
                con.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
        con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
        restore_triggers(con, saved)
        con.commit()
    finally:
        con.close()


def test_a_truncation_below_the_checkpoint_is_caught_by_its_file(office, tmp_path):
    new_case(office, 1)
    keep = office.db.conn.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    new_case(office, 2)
    new_case(office, 3)
    path, seq = checkpoint_file(office, tmp_path)
    assert seq > keep  # two cases (and the sign-ins for them) later
    new_case(office, 4)
    r = keeper(office, "audit", "check-checkpoint", str(path), "--db")
    assert r.returncode == 0, r.stdout + r.stderr
    truncate(office.path, keep)  # down below the checkpoint's seq
    r = keeper(office, "audit", "check-checkpoint", str(path), "--db")
    assert r.returncode == 1, r.stdout
    assert "CHECKPOINT CHECK FAILED" in r.stdout and path.name in r.stdout
    assert f"the chain has no event {seq} (it ends at event {keep})" in r.stdout
    assert "truncated or an older copy put back (rollback)" in r.stdout
    # the file alone still checks: it is the database that lost its history
    assert keeper(office, "audit", "check-checkpoint", str(path)).returncode == 0


def test_a_truncation_to_the_certified_head_is_caught_too(office, tmp_path):
    new_case(office, 1)
    path, seq = checkpoint_file(office, tmp_path)
    new_case(office, 2)
    truncate(office.path, seq)  # the head certified is kept; the checkpoint itself is gone
    r = keeper(office, "audit", "check-checkpoint", str(path), "--db")
    assert r.returncode == 1, r.stdout
    assert path.name in r.stdout and "is not in the database" in r.stdout
    assert f"cut back after event {seq}" in r.stdout


def test_a_rollback_to_an_older_copy_is_caught(office, tmp_path):
    new_case(office, 1)
    older = tmp_path / "older.sqlite"
    src = sqlite3.connect(office.path)
    dst = sqlite3.connect(older)
    src.backup(dst)  # the online backup API: a good copy, taken before the checkpoint
    dst.close()
    src.close()
    new_case(office, 2)
    (tmp_path / "out").mkdir()
    path, seq = checkpoint_file(office, tmp_path / "out")
    new_case(office, 3)
    office.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{office.path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(older, office.path)  # the older copy put back over the live file
    r = keeper(office, "audit", "check-checkpoint", str(path), "--db")
    assert r.returncode == 1, r.stdout
    assert "CHECKPOINT CHECK FAILED" in r.stdout and path.name in r.stdout
    assert f"the chain has no event {seq}" in r.stdout and "rollback" in r.stdout


def test_a_forged_checkpoint_file_fails_naming_the_signature(office, tmp_path):
    new_case(office, 1)
    path, seq = checkpoint_file(office, tmp_path)
    data = json.loads(path.read_text())
    # (a) the hash edited (the chain rewritten; the file made to match)
    edited = dict(data, hash="ab" * 32, qr=f"KH1-{seq}-{'ab' * 32}")
    edited["entry"] = {"table": "checkpoints", "row": dict(data["entry"]["row"], hash="ab" * 32)}
    a = tmp_path / "edited.json"
    a.write_text(json.dumps(edited))
    r = keeper(office, "audit", "check-checkpoint", str(a))
    assert r.returncode == 1, r.stdout
    assert "checkpoint file edited.json" in r.stdout
    assert "the signature of K001 (keeper) does not verify" in r.stdout
    assert "the signature of D001 (dept_head) does not verify" in r.stdout
    # (b) re-signed: the keeper (the insider) with his own key, the head with a key not his
    row = edited["entry"]["row"]
    csha = canonical.sha256_hex({"table": "checkpoints", "row": row})
    k001 = people_repo.by_badge(office.db.conn, "K001")
    assert k001 is not None
    keys = {
        "K001": crypto.unlock(people_repo.key_material(office.db.conn, k001.id), PASSWORD),
        "D001": Ed25519PrivateKey.generate(),
    }
    for g in edited["signers"]:
        sk = keys[g["badge"]]
        pub = crypto.public_bytes(sk)
        msg = crypto.signing_message(
            "checkpoints", row["id"], csha, g["capacity"], g["badge"], g["signed_at"]
        )
        g.update(
            public_key=pub.hex(),
            fingerprint=crypto.fingerprint(pub),
            signature=crypto.sign(sk, msg).hex(),
        )
    edited["content_sha256"] = csha
    b = tmp_path / "resigned.json"
    b.write_text(json.dumps(edited))
    alone = keeper(office, "audit", "check-checkpoint", str(b))
    assert alone.returncode == 0, alone.stdout  # self-consistent: only the keys tell
    r = keeper(office, "audit", "check-checkpoint", str(b), "--db")
    assert r.returncode == 1, r.stdout
    assert "checkpoint file resigned.json" in r.stdout
    assert "the signature of D001 (dept_head) was made with a key that is not D001's" in r.stdout
    assert "K001 (keeper) was made with a key" not in r.stdout
    assert f"the chain's event {seq} is not the one certified" in r.stdout
