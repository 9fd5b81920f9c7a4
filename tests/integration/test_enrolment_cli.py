"""Enrolment, password changes and key forms on the command line, run as a real process:
`keeper people add` prints a one-time code, `keeper enrol` makes the person's key from the
password they choose, `keeper password` makes a new one, `keeper people keys` lists the key
history and `keeper people key-form` prints the fingerprint to be signed by hand."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from conftest import PASSWORD, Office
from printing_tools import pdf_text, squash

from keeper_app import crypto
from keeper_app.services import admin
from keeper_app.store import people as people_repo
from keeper_app.timeutil import now_utc


def keeper(office: Office, creds: dict[str, str], tmp: Path, *args: str, as_badge: str = ""):
    f = tmp / f"creds-{len(list(tmp.glob('creds-*')))}.json"
    f.write_text(json.dumps(creds))
    f.chmod(0o600)
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location, "--credentials", str(f)]
    if as_badge:
        cmd += ["--as", as_badge]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)


def test_add_enrol_change_password_and_key_forms(office: Office, tmp_path: Path) -> None:
    office.clock.t = now_utc() - timedelta(minutes=5)
    admin_creds = {"ADMIN": PASSWORD, "D001": PASSWORD}
    r = keeper(
        office,
        admin_creds,
        tmp_path,
        "people",
        "add",
        "K009",
        "--name",
        "钱新人",
        "--roles",
        "keeper",
        "--department",
        "法制大队",
        "--head",
        "D001",
        as_badge="ADMIN",
    )
    assert r.returncode == 0, r.stderr
    m = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", r.stdout)
    assert m, r.stdout
    code = m.group(1)
    assert "keeper enrol --badge K009" in r.stdout
    pid = people_repo.by_badge(office.db.conn, "K009").id
    assert not people_repo.enrolled(office.db.conn, pid)

    # the administrator cannot sign in as them, with the code or anything
    r = keeper(office, {"K009": code}, tmp_path, "people", "keys", as_badge="K009")
    assert r.returncode == 1 and "has not enrolled yet" in r.stderr

    # first sign-in: the code and the password the person chooses; the form at once
    form1 = tmp_path / "form1.pdf"
    first_pw = "chosen-by-me-1"
    r = keeper(
        office,
        {"K009:code": code.lower(), "K009": first_pw},
        tmp_path,
        "enrol",
        "--badge",
        "K009",
        "--key-form",
        str(form1),
        "--lang",
        "en",
    )
    assert r.returncode == 0, r.stderr
    fp1 = crypto.fingerprint(people_repo.current_key(office.db.conn, pid)[1])
    assert fp1 in r.stdout
    text = squash(pdf_text(form1))
    for word in ("Personal signing key form", "钱新人", "K009", "法制大队", "Keeper"):
        assert squash(word) in text, word
    assert squash(fp1) in text
    assert squash("Signature of the administrator") in text

    # the code is spent
    r = keeper(office, {"K009:code": code, "K009": "x-another-pw-2"}, tmp_path, "enrol",
               "--badge", "K009")  # fmt: skip
    assert r.returncode == 1 and "enrolled already" in r.stderr

    # a password change makes a new key; the old stays in the history
    r = keeper(
        office,
        {"K009": first_pw, "K009:new": "my-second-pw-3"},
        tmp_path,
        "password",
        as_badge="K009",
    )
    assert r.returncode == 0, r.stderr
    fp2 = crypto.fingerprint(people_repo.current_key(office.db.conn, pid)[1])
    assert fp2 != fp1 and fp2 in r.stdout
    r = keeper(office, {"K009": "my-second-pw-3"}, tmp_path, "people", "keys", as_badge="K009")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 2
    assert "enrolment" in lines[0] and fp1 in lines[0]
    assert "password_change" in lines[1] and fp2 in lines[1]
    # the administrator prints anyone's form; another person cannot
    form2 = tmp_path / "form2.pdf"
    r = keeper(office, admin_creds, tmp_path, "people", "key-form", "K009", "--out", str(form2),
               as_badge="ADMIN")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert squash(fp2) in squash(pdf_text(form2))
    r = keeper(office, {"K001": PASSWORD}, tmp_path, "people", "key-form", "K009", "--out",
               str(tmp_path / "no.pdf"), as_badge="K001")  # fmt: skip
    assert r.returncode == 1 and not (tmp_path / "no.pdf").exists()

    r = keeper(office, {}, tmp_path, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    assert admin.verify_audit(office.db).ok


def test_enrol_at_a_terminal_asks_the_code_and_the_password_twice(office: Office) -> None:
    """Without a credentials file: the code and the new password (twice) are asked at the
    terminal, without echo."""
    import os
    import pty
    import time

    from keeper_app.services import enrolment

    office.clock.t = now_utc() - timedelta(minutes=5)
    issued = enrolment.add_person(
        office.session("ADMIN"), "K009", "钱新人", ["keeper"], head=office.cred("D001")
    )
    pid, fd = pty.fork()
    if pid == 0:  # child: the real command on a pseudo-terminal
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "keeper_app",
                "--db",
                office.location,
                "enrol",
                "--badge",
                "k009",
            ],
        )
    out = b""
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if chunk.rstrip().endswith(b":"):
            answer = issued.shown if b"Enrolment code" in chunk else "typed-secret-78"
            os.write(fd, answer.encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    text = out.decode()
    assert "Enrolment code of K009:" in text
    assert "K009 — the password you choose:" in text and "the new password again" in text
    assert "钱新人 (K009) enrolled" in text, text
    assert "typed-secret-78" not in text and issued.shown not in text
    assert os.waitstatus_to_exitcode(status) == 0
    p = people_repo.by_badge(office.db.conn, "K009")
    assert p is not None and people_repo.enrolled(office.db.conn, p.id)
