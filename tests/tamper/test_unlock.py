"""Issue 10, point 8 — lifting a sign-in lock. Before, nobody could. Now an administrator
lifts it with a department head's countersignature (the head's own badge and password, a
``countersign`` signature on the clearing entry); an administrator alone cannot, nor can
anybody else. From the services, and from the ``keeper unlock`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PASSWORD

from keeper_app.cli import main
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, lockout
from keeper_app.services.session import sign_in
from keeper_app.store import signins
from keeper_app.timeutil import now_utc

WRONG = "not-the-password"


def lock(office, badge: str) -> None:
    for _ in range(lockout.MAX_FAILURES):
        with pytest.raises(RuleViolation):
            sign_in(office.db, badge, WRONG, office.clock)
    with pytest.raises(RuleViolation) as ei:
        sign_in(office.db, badge, PASSWORD, office.clock)
    assert ei.value.code == "locked"


def refused(office, code: str, *args) -> None:
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        lockout.unlock(*args)
    assert ei.value.code == code, ei.value.message
    assert office.snapshot() == before  # the lock stands


def test_an_administrator_with_a_heads_countersignature_lifts_a_lock(office):
    lock(office, "H001")
    lockout.unlock(office.session("ADMIN"), "H001", office.cred("D001"))
    assert sign_in(office.db, "H001", PASSWORD, office.clock).person.badge == "H001"
    # the clearing entry is signed by the head, as countersigner
    row = office.db.conn.execute(
        "SELECT e.id, e.by_id, s.capacity, p.badge FROM sign_in_events e "
        "JOIN signatures s ON s.entry_table='sign_in_events' AND s.entry_id=e.id "
        "JOIN people p ON p.id=s.signer_id WHERE e.kind='cleared' AND e.by_id IS NOT NULL"
    ).fetchone()
    assert row[2:] == ("countersign", "D001")
    assert office.changes()[-1][1] == "sign_in_unlocked"
    v = admin.verify_audit(office.db)
    assert v.ok, v.problems


def test_an_administrator_alone_cannot_lift_a_lock(office):
    lock(office, "H001")
    s = office.session("ADMIN")
    refused(office, "countersign_self", s, "H001", office.cred("ADMIN"))
    refused(office, "not_head", s, "H001", office.cred("K001"))  # a keeper is no head
    refused(office, "bad_credentials", s, "H001", office.cred("D001", WRONG))


def test_nobody_else_lifts_a_lock(office):
    lock(office, "H001")
    for badge, head in (("K001", "D001"), ("D002", "D001"), ("H002", "D001"), ("R001", "D002")):
        refused(office, "role_refused", office.session(badge), "H001", office.cred(head))
    # a locked person's own lock is not lifted by their right password either
    with pytest.raises(RuleViolation) as ei:
        sign_in(office.db, "H001", PASSWORD, office.clock)
    assert ei.value.code == "locked"


def credentials(tmp_path: Path, **pw: str) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps(pw))
    p.chmod(0o600)
    return p


def test_the_unlock_command(office, tmp_path, capsys):
    office.clock.t = now_utc()  # the command runs on the real clock
    lock(office, "H002")
    pid = office.session("H001").person.id  # (another person: untouched)
    db = str(office.path)
    creds = credentials(tmp_path, ADMIN=PASSWORD, D001=PASSWORD, K001=PASSWORD)
    # the head's countersignature is required
    with pytest.raises(SystemExit):
        main(["--db", db, "--as", "ADMIN", "--credentials", str(creds), "unlock", "H002"])
    # a keeper cannot, even with a head
    rc = main(
        [
            "--db",
            db,
            "--as",
            "K001",
            "--credentials",
            str(creds),
            "unlock",
            "H002",
            "--head",
            "D001",
        ]
    )
    assert rc == 1 and "may not manage people" in capsys.readouterr().err
    # the administrator countersigning himself cannot
    rc = main(
        ["--db", db, "--as", "ADMIN", "--credentials", str(creds), "unlock", "H002"]
        + ["--head", "ADMIN"]
    )
    assert rc == 1 and "cannot countersign their own" in capsys.readouterr().err
    rc = main(
        ["--db", db, "--as", "ADMIN", "--credentials", str(creds), "unlock", "H002"]
        + ["--head", "D001"]
    )
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert "H002 unlocked (countersigned by D001)" in out.out
    assert sign_in(office.db, "H002", PASSWORD, office.clock).person.badge == "H002"
    assert signins.state(office.db.conn, pid).clean
