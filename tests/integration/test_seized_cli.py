"""`keeper seized …` (issue 15) run as a real process against a real database file: the
inventory from a JSON file, sealing, safekeeping with scanned codes, unsealing and resealing,
a transfer out and back with --scan lists, an extension, a release, an inspection; a refusal
exits 1 and changes nothing; `keeper audit verify` is clean after it all."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from conftest import PASSWORD, Office

from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake, seized
from keeper_app.timeutil import now_utc, show


def keeper(office: Office, creds: Path, badge: str, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
    cmd += ["--credentials", str(creds), "--as", badge, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def creds_file(tmp_path: Path) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: PASSWORD for b in ("K001", "H001", "H002", "D001")}))
    p.chmod(0o600)
    return p


def recording(office: Office, what: str) -> int:
    start = office.clock() - timedelta(hours=2)
    f = ManifestEntry(f"rec/{what}.mp4", 10, hashlib.sha256(what.encode()).hexdigest())
    return intake.register_recording(
        office.session("H001"),
        "A2026-001",
        "王某某",
        "suspect",
        start,
        start + timedelta(minutes=30),
        "现场",
        [f],
        kind="sealing",
    )


class LiveClock:
    """The real clock: the command runs on it, and so do the calls made here in between."""

    def __call__(self):
        return now_utc()


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_whole_life_at_the_command_line(office: Office, tmp_path: Path) -> None:
    office.clock = LiveClock()  # type: ignore[assignment]
    creds = creds_file(tmp_path)
    inv = tmp_path / "inventory.json"
    seized_at = show(office.clock() - timedelta(days=1))
    inv.write_text(
        json.dumps(
            {
                "case_no": "A2026-001",
                "cause": "涉嫌故意伤害",
                "persons": ["王某某"],
                "record_ref": "搜查笔录第1号",
                "seized_at": seized_at,
                "place": "某区某路1号",
                "possessor": "王某某",
                "items": [
                    {"media_type": "usb_stick", "content": "账目", "capacity": "64GB"},
                    {"media_type": "memory_card", "content": "照片", "file_formats": "jpg"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    out = json.loads(
        ok(keeper(office, creds, "H001", "--json", "seized", "intake", "--file", str(inv)))
    )
    sid, (a, b) = out["seizure_id"], out["codes"]
    rec = recording(office, "sealing")
    sealing = [
        "seized",
        "seal",
        str(sid),
        "--seal",
        f"{a}=F-1",
        "--seal",
        f"{b}=F-2",
        "--investigator",
        "H001",
        "--investigator",
        "H002",
        "--sealed-at",
        seized_at,
        "--recording",
        str(rec),
        "--possessor",
        "refused",
        "--possessor-note",
        "拒绝签名",
    ]
    ok(keeper(office, creds, "H001", *sealing))
    # receiving with one code missing from the scan is refused, changing nothing
    before = office.snapshot()
    r = keeper(
        office,
        creds,
        "K001",
        "seized",
        "receive",
        str(sid),
        "--scan",
        a,
        "--investigator",
        "H001",
        "--location",
        "柜S-01",
    )
    assert r.returncode == 1 and "not scanned" in r.stderr
    assert office.snapshot() == before
    ok(
        keeper(
            office,
            creds,
            "K001",
            "seized",
            "receive",
            str(sid),
            "--scan",
            b,
            a,
            "--investigator",
            "H001",
            "--location",
            "柜S-01",
        )
    )
    shown = ok(keeper(office, creds, "K001", "seized", "show", a))
    assert "in_safekeeping" in shown and "柜S-01" in shown
    assert ok(keeper(office, creds, "K001", "scan", a)) == shown  # the counter's scan too
    # unseal under approval by two investigators, reseal with a new seal
    q = seized.request_unseal(office.session("H001"), a, "核对")
    ok(keeper(office, creds, "D001", "seized", "approve", str(q)))
    ok(
        keeper(
            office,
            creds,
            "K001",
            "seized",
            "unseal",
            a,
            "--request",
            str(q),
            "--investigator",
            "H001",
            "--investigator",
            "H002",
        )
    )
    ok(
        keeper(
            office,
            creds,
            "K001",
            "seized",
            "reseal",
            a,
            "--seal",
            "F-3",
            "--investigator",
            "H001",
            "--investigator",
            "H002",
        )
    )
    # out and back with the scanned list and the handover's recordings
    ok(keeper(office, creds, "H001", "seized", "transfer-request", a, b, "--reason", "鉴定"))
    t = seized.inbox(office.session("D001"))["requests"][0]["id"]
    ok(keeper(office, creds, "D001", "seized", "approve", str(t)))
    tr = json.loads(
        ok(
            keeper(
                office,
                creds,
                "K001",
                "--json",
                "seized",
                "transfer-out",
                str(t),
                "--scan",
                a,
                b,
                "--investigator",
                "H002",
                "--recording",
                str(recording(office, "out")),
            )
        )
    )
    back = ok(
        keeper(
            office,
            creds,
            "K001",
            "seized",
            "transfer-in",
            str(tr["transfer_id"]),
            "--scan",
            a,
            "--investigator",
            "H002",
            "--recording",
            str(recording(office, "in")),
            "--damaged",
            f"{a}=外壳裂",
            "--note",
            f"{b} 鉴定机构未归还",
        )
    )
    assert f"MISSING {b}" in back and f"DAMAGED {a}" in back
    # the extension and the release of an item found unrelated
    ok(
        keeper(
            office,
            creds,
            "H001",
            "seized",
            "extend",
            str(sid),
            "--days",
            "90",
            "--reason",
            "继续侦查",
        )
    )
    x = seized.inbox(office.session("D001"))["requests"][0]["id"]
    ok(keeper(office, creds, "D001", "seized", "approve", str(x)))
    ok(keeper(office, creds, "H001", "seized", "find-unrelated", a, "--finding", "与案件无关"))
    rel = seized.inbox(office.session("D001"))["requests"][0]["id"]
    ok(keeper(office, creds, "D001", "seized", "approve", str(rel)))
    ok(
        keeper(
            office,
            creds,
            "K001",
            "seized",
            "release",
            str(rel),
            "--scan",
            a,
            "--investigator",
            "H001",
            "--recipient",
            "王某某",
            "--possessor",
            "signed",
        )
    )
    ok(keeper(office, creds, "D001", "seized", "inspect", "--findings", "账物相符"))
    box = ok(keeper(office, creds, "D001", "inbox"))
    assert "seized media: incidents waiting" in box and "missing" in box
    listed = json.loads(ok(keeper(office, creds, "K001", "--json", "seized", "list")))
    assert {r["code"]: r["status"] for r in listed} == {a: "released", b: "missing"}
    assert ok(
        subprocess.run(
            [sys.executable, "-m", "keeper_app", "--db", office.location, "audit", "verify"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    )


def test_bad_input_exits_2_and_a_refusal_1(office: Office, tmp_path: Path) -> None:
    office.clock.t = now_utc() - timedelta(hours=1)
    creds = creds_file(tmp_path)
    r = keeper(office, creds, "K001", "seized", "show", "3101-2026-000001-S-0")
    assert r.returncode == 2
    r = keeper(office, creds, "K001", "seized", "show", "--seizure", "42")
    assert r.returncode == 2 and "no seizure #42" in r.stderr
    before = office.snapshot()
    r = keeper(
        office,
        creds,
        "K001",
        "seized",
        "intake",
        "--case",
        "A2026-001",
        "--cause",
        "x",
        "--persons",
        "y",
        "--record",
        "z",
        "--seized-at",
        "2026-01-01 10:00",
        "--place",
        "p",
        "--item",
        '{"media_type": "usb_stick", "content": "c"}',
    )
    assert r.returncode == 1 and "seized intake" in r.stderr  # a keeper does not seize
    assert office.snapshot() == before
