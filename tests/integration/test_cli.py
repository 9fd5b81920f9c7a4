"""The `keeper` command, run as a real process against a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from behind import drop_trigger
from conftest import PASSWORD, Office, raw_connect
from printing_tools import pdf_text, squash

from keeper_app.domain import codes
from keeper_app.services import documents
from keeper_app.services.catalogue import period
from keeper_app.store import latest_version
from keeper_app.timeutil import now_utc, show


def keeper(
    office: Office,
    *args: str,
    creds: Path | None = None,
    stdin: str = "",
    as_badge: str | None = "K001",
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    if creds is not None:
        cmd += ["--credentials", str(creds)]
    if as_badge:
        cmd += ["--as", as_badge]
    return subprocess.run(
        cmd + list(args), capture_output=True, text=True, input=stdin, timeout=120
    )


@pytest.fixture(autouse=True)
def real_time(office: Office) -> None:
    """The command runs on the real clock: set the office's clock to it."""
    office.clock.t = now_utc() - timedelta(minutes=5)


@pytest.fixture
def creds(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    badges = [
        "K001",
        "K002",
        "H001",
        "H002",
        "H003",
        "D001",
        "D002",
        "R001",
        "A001",
        "C001",
        "ADMIN",
    ]
    p.write_text(json.dumps({b: PASSWORD for b in badges}))
    p.chmod(0o600)
    return p


def approved_by_cli(office: Office, creds: Path, code: str, retriever: str) -> str:
    """`keeper request-retrieval` at the counter (K001), `keeper retrieval approve` by the
    head of the case's department (D001) in his own session: the request's number."""
    r = keeper(
        office,
        "request-retrieval",
        code,
        "--retriever",
        retriever,
        "--reason",
        "case_handling",
        "--hours",
        "24",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    qid = r.stdout.split("#")[1].split()[0]
    r = keeper(office, "retrieval", "approve", qid, creds=creds, as_badge="D001")
    assert r.returncode == 0, r.stderr
    assert f"retrieval request #{qid} approved" in r.stdout
    return qid


def test_init_is_idempotent(tmp_path: Path, office: Office) -> None:
    db = tmp_path / "new.sqlite"
    for _ in range(2):
        r = subprocess.run(
            [sys.executable, "-m", "keeper_app", "--db", str(db), "init"],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stderr
        assert f"schema version {latest_version()}" in r.stdout
    assert oct(db.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "text,words",
    [
        ("31012026", "has 8 characters"),
        ("3101-2026-000001-D-0", "check character"),
        ("3101 2026 000001 X 0", "copy letter"),
        ("ABC!", "not in a medium id"),
    ],
)
def test_scan_malformed_exits_2_saying_which(
    office: Office, creds: Path, text: str, words: str
) -> None:
    before = office.snapshot()
    r = keeper(office, "scan", text, creds=creds)
    assert r.returncode == 2
    assert words in r.stderr
    assert office.snapshot() == before


def test_scan_unknown_code_exits_2(office: Office, creds: Path) -> None:
    unknown = codes.make("3101", 2026, 999, "D").text
    r = keeper(office, "scan", unknown, creds=creds)
    assert r.returncode == 2
    assert "no such medium is registered" in r.stderr


def test_scan_shows_the_record(office: Office, creds: Path) -> None:
    o, d = office.handed_over_pair()
    r = keeper(office, "scan", d, creds=creds)
    assert r.returncode == 0, r.stderr
    for text in (
        "duplicate",
        "in_custody",
        "A2026-001",
        "王某某故意伤害案",
        "王某某",
        "柜B-01",
        "retrieve",
        o,
    ):
        assert text in r.stdout
    rj = subprocess.run(
        [
            sys.executable,
            "-m",
            "keeper_app",
            "--db",
            office.location,
            "--credentials",
            str(creds),
            "--as",
            "K001",
            "--json",
            "scan",
            o,
        ],
        capture_output=True,
        text=True,
    )
    rec = json.loads(rj.stdout)
    assert rec["copy_role"] == "original" and rec["status"] == "sealed"
    assert rec["seal_no"] and rec["partner"]["code"] == d


def test_credentials_file_must_be_private(office: Office, creds: Path) -> None:
    creds.chmod(0o644)
    r = keeper(office, "due", creds=creds)
    assert r.returncode == 1
    assert "readable by others" in r.stderr and "chmod 600" in r.stderr


def test_no_terminal_and_no_credentials_is_refused(office: Office) -> None:
    r = keeper(office, "due")
    assert r.returncode == 1
    assert "--credentials" in r.stderr


def test_counter_workflow_from_the_command_line(office: Office, creds: Path) -> None:
    o, d = office.new_pair()
    r = keeper(
        office,
        "handover",
        o,
        "--handler",
        "H001",
        "--seal-no",
        "FZ-0001",
        "--original-location",
        "柜A-01",
        "--duplicate-location",
        "柜B-01",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    first = approved_by_cli(office, creds, d, "H002")
    r = keeper(office, "retrieve", d, "--retriever", "H002", "--request", first, creds=creds)
    assert r.returncode == 0, r.stderr
    second = approved_by_cli(office, creds, d, "H001")
    again = keeper(office, "retrieve", d, "--retriever", "H001", "--request", second, creds=creds)
    assert again.returncode == 1 and "already out with 刘办案" in again.stderr
    r = keeper(
        office,
        "return",
        d,
        "--returner",
        "H002",
        "--inspection",
        "damaged",
        "--note",
        "盘面有划痕",
        creds=creds,
    )
    # issue 14: not read back, the return says why (or is not recorded)
    assert r.returncode == 1 and "--unchecked-reason" in r.stderr
    r = keeper(
        office,
        "return",
        d,
        "--returner",
        "H002",
        "--inspection",
        "damaged",
        "--note",
        "盘面有划痕",
        "--unchecked-reason",
        "盘面划伤无法读取",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "keeper_app",
            "--db",
            office.location,
            "--credentials",
            str(creds),
            "--as",
            "D001",
            "--json",
            "inbox",
        ],
        capture_output=True,
        text=True,
    )
    box = json.loads(r.stdout)
    assert [i["code"] for i in box["incidents"]] == [d]
    reg = keeper(office, "register", "--case", "A2026-001", creds=creds)
    assert reg.returncode == 0 and "刘办案" in reg.stdout and "damaged" in reg.stdout
    v = keeper(office, "audit", "verify", as_badge=None)
    assert v.returncode == 0, v.stdout + v.stderr
    assert "events" in v.stdout and "head " in v.stdout


def test_register_of_one_day_lists_and_prints_that_days_entries(
    office: Office, creds: Path, tmp_path: Path
) -> None:
    """`keeper register --from D --to D` shows day D's retrieval — on screen and on paper,
    the same as the application's register view and its printed pages for D: a date alone
    as the end of the period includes that day (issue 12, item 2)."""
    _o, d = office.handed_over_pair()
    rid = office.retrieve(
        office.session("K001"),
        d,
        office.cred("H002"),
        office.cred("K001"),
        "D001",
        "case_handling",
        24,
    )
    day = show(office.clock())[:10]
    gui = documents.register_document(office.session("K001"), period=period(day, day))
    assert [r["id"] for r in gui["rows"]] == [rid]  # what the application shows for D
    r = keeper(office, "--json", "register", "--from", day, "--to", day, creds=creds)
    assert r.returncode == 0, r.stderr
    assert [e["id"] for e in json.loads(r.stdout)] == [rid]
    pdf = tmp_path / "day.pdf"
    r = keeper(office, "register", "--from", day, "--to", day, "--pdf", str(pdf), creds=creds)
    assert r.returncode == 0, r.stderr
    text = squash(pdf_text(pdf))
    assert codes.parse(d).pretty in text and "刘办案" in text
    assert f"自{day}至{day}" in text  # the period as it was asked for
    r = keeper(office, "register", "--from", day, "--to", "2026-01-01", creds=creds)
    assert r.returncode == 2 and "not after its start" in r.stderr


def test_role_refusal_exit_1(office: Office, creds: Path) -> None:
    o, d = office.handed_over_pair()
    before = office.snapshot()
    r = keeper(
        office, "retrieve", d, "--retriever", "H002", "--request", "1", creds=creds, as_badge="H001"
    )
    assert r.returncode == 1
    assert "may not retrieve" in r.stderr
    assert office.snapshot() == before


def test_audit_verify_names_the_first_bad_event(office: Office) -> None:
    office.handed_over_pair()
    con = raw_connect(office.location)
    drop_trigger(con, "audit_events_no_update")
    con.execute("UPDATE audit_events SET action='forged' WHERE seq=5")
    con.commit()
    con.close()
    r = keeper(office, "audit", "verify", as_badge=None)
    assert r.returncode == 1
    assert "first event that does not verify: 5" in r.stdout


def test_backup_is_private_and_verified(office: Office, creds: Path, tmp_path: Path) -> None:
    office.handed_over_pair()
    target = tmp_path / "b" / "backup.sqlite"
    r = keeper(office, "backup", str(target), creds=creds)
    assert r.returncode == 0, r.stderr
    assert "verified" in r.stdout
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    again = keeper(office, "backup", str(target), creds=creds)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "keeper_app",
            "--db",
            str(tmp_path / "no.sqlite"),
            "audit",
            "verify",
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert r.returncode == 2
    assert "keeper init" in r.stderr


def test_passwords_are_asked_without_echo(tmp_path: Path) -> None:
    """At a terminal the password prompt does not echo what is typed."""
    import pty
    import time

    db = tmp_path / "pty.sqlite"
    pid, fd = pty.fork()
    if pid == 0:  # child: the real command on a pseudo-terminal
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "keeper_app",
                "--db",
                str(db),
                "init",
                "--unit-code",
                "3101",
                "--unit-name",
                "某市公安局",
                "--admin-badge",
                "a1",
                "--admin-name",
                "管理员",
                "--head-badge",
                "d1",
                "--head-name",
                "部门负责人",
                "--head-department",
                "刑事侦查大队",
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
            os.write(fd, b"typed-secret-77\n")
    os.waitpid(pid, 0)
    text = out.decode()
    assert "Password of A1" in text and "Password of D1" in text
    assert "administrator A1 and department head D1 created" in text
    assert "typed-secret-77" not in text


def test_retrieval_approved_in_the_inbox_or_signed_by_the_head_at_the_counter(
    office: Office, creds: Path
) -> None:
    """Art. 20 on the command line: the head of another department is refused, changing
    nothing; the case's head approves (his inbox lists the request first), or signs at the
    counter with his own password."""
    _o, d = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair(person="李某某")
    r = keeper(
        office,
        "request-retrieval",
        d,
        "--retriever",
        "H001",
        "--reason",
        "case_handling",
        "--hours",
        "4",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    qid = r.stdout.split("#")[1].split()[0]
    box = keeper(office, "--json", "inbox", creds=creds, as_badge="D001")
    assert [q["id"] for q in json.loads(box.stdout)["retrieval_requests"]] == [int(qid)]
    before = office.snapshot()
    other = keeper(office, "retrieval", "approve", qid, creds=creds, as_badge="D002")
    assert other.returncode == 1 and "not the head of" in other.stderr
    assert office.snapshot() == before
    refused = keeper(office, "retrieval", "refuse", qid, creds=creds, as_badge="D001")
    assert refused.returncode == 1 and "reason for the refusal is required" in refused.stderr
    no = keeper(office, "retrieve", d, "--retriever", "H001", "--request", qid, creds=creds)
    assert no.returncode == 1 and "still waiting" in no.stderr
    assert office.snapshot() == before
    r = keeper(
        office,
        "retrieve",
        d2,
        "--retriever",
        "H001",
        "--approver",
        "D001",
        "--reason",
        "case_handling",
        "--hours",
        "4",
        creds=creds,
    )
    assert r.returncode == 0, r.stderr
    assert "approved at the counter by D001" in r.stdout
    reg = keeper(office, "--json", "register", "--case", "A2026-001", creds=creds)
    [e] = json.loads(reg.stdout)
    assert e["approver"] == "周大队长" and e["approved_at"] == e["out_at"]
    v = keeper(office, "audit", "verify", as_badge=None)
    assert v.returncode == 0, v.stdout + v.stderr
