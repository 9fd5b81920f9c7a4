"""Issue 16, parts 2 and 3: the transfer package of a duplicate that went to a court, checked
without Keeper — by ``keeper verify-package`` (no database) and by the commands its README
shows (sha256sum, openssl, sh), run exactly as written there."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD, Office

from keeper_app import package
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, checkpoints, custody, intake, packages, transfers
from keeper_app.services.storage import StorageSettings
from keeper_app.store import audit

CASE_A = "A2026-001"
COURT = "某市中级人民法院"
FILES = {"rec/interrogation-1.mp4": b"\x00\x01video-one" * 5000, "rec/notes/2.wav": b"audio" * 777}


def pair_with_files(office: Office, disc: Path) -> tuple[str, str]:
    """A pair of case A whose recordings are real files under ``disc`` (the mounted
    duplicate), handed over."""
    s = office.session("H001")
    entries = []
    for rel, body in FILES.items():
        (disc / rel).parent.mkdir(parents=True, exist_ok=True)
        (disc / rel).write_bytes(body)
        entries.append(ManifestEntry(rel, len(body), hashlib.sha256(body).hexdigest()))
    start = office.clock() - timedelta(hours=2)
    rid = intake.register_recording(
        s, CASE_A, "王某某", "suspect", start, start + timedelta(hours=1), "讯问室1", entries
    )
    o, d = intake.register_pair(s, [rid], entries, office.clock())
    intake.handover(
        office.session("K001"), o, office.cred("H001"), office.cred("K001"), "S-1", "柜A-1", "柜B-1"
    )
    return o, d


def court_transfer(office: Office, code: str) -> None:
    qid = transfers.register_court_request(
        office.session("K001"),
        CASE_A,
        "court",
        COURT,
        "(2026)刑调字第1号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    transfers.court_transfer(
        office.session("K001"), qid, code, office.cred("C001"), office.cred("K001")
    )


@pytest.fixture
def written(office: Office, tmp_path: Path) -> tuple[Office, Path, dict]:
    """A demo-like history: the disc of case A handed over, moved, the other case's discs
    handed over and retrieved in between (events the court must not see), a checkpoint, the
    court transfer — then the package."""
    disc = tmp_path / "disc"
    _o, d = pair_with_files(office, disc)
    keeper = office.session("K001")
    ob, db = office.handed_over_pair(case_no="B2026-002", handler="H003", person="毒某某")
    custody.set_location(keeper, d, "柜B-7")
    custody.set_location(keeper, db, "柜C-9")
    checkpoints.take(office.session("K001"), office.cred("K001"), office.cred("D001"))
    office.clock.advance(minutes=5)
    custody.set_location(keeper, ob, "柜C-10")
    court_transfer(office, d)
    settings = StorageSettings.for_database(office.path)
    out = tmp_path / "usb"
    out.mkdir()
    done = packages.write_package(
        office.session("K001"), d, out, settings, source=disc, progress=lambda a, b: None
    )
    return office, Path(done["folder"]), done


def readme_script(root: Path, name: str = package.README_EN) -> str:
    text = (root / name).read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert len(blocks) == 1, name
    return blocks[0]


def run_readme(root: Path) -> subprocess.CompletedProcess[str]:
    """Exactly the README's commands, in the package folder, by sh."""
    return subprocess.run(
        ["sh", "-c", readme_script(root)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ["PATH"], "LC_ALL": "C"},
    )


def test_a_package_verifies_with_keeper_and_with_the_readme_s_commands(written) -> None:
    office, root, done = written
    r = packages.verify_package(root)
    assert r.ok, r.problems
    assert r.recordings == len(FILES) and r.signatures >= 4 and r.events >= 1
    proc = run_readme(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK: head" in proc.stdout and "FAILED" not in proc.stdout
    # both READMEs show the same commands
    assert readme_script(root, package.README_ZH) == readme_script(root)
    # the recordings are the disc's, the files private
    for rel, body in FILES.items():
        assert (root / "recordings" / rel).read_bytes() == body
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in root.rglob("*") if p.is_file())
    # writing it was recorded with its top-level hash, and the chain is clean
    top = hashlib.sha256((root / package.SUMS).read_bytes()).hexdigest()
    assert done["package_sha256"] == top
    [ev] = office.db.conn.execute(
        "SELECT payload FROM audit_events WHERE action='transfer_package'"
    ).fetchall()
    details = json.loads(ev[0])["details"]
    assert details["package_sha256"] == top and details["code"] == done["code"]
    assert details["head_seq"] == done["head"]["seq"]
    v = admin.verify_audit_file(office.location)
    assert v.ok, v.problems


def test_the_other_case_is_not_in_the_package(written) -> None:
    """Art. 21: the other case's events are on the chain in the package only as digests."""
    office, root, _ = written
    facts = json.loads((root / package.PACKAGE_JSON).read_text(encoding="utf-8"))
    others = [
        int(r[0])
        for r in office.db.conn.execute(
            "SELECT seq FROM audit_events WHERE seq BETWEEN ? AND ?",
            (facts["linked_from"], facts["head"]["seq"]),
        )
    ]
    assert set(facts["disc_events"]) < set(others)  # some events are other cases'
    blob = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
    for secret in ("B2026-002", "毒某某", "李某贩卖毒品案", "柜C-9", "柜C-10"):
        assert secret.encode() not in blob, secret
    # and a redacted link carries just two hashes
    hidden = sorted(set(others) - set(facts["disc_events"]))
    link = (root / package.link_name(hidden[0])).read_bytes()
    assert re.fullmatch(rb"[0-9a-f]{128}", link)


def _flip(p: Path, at: int = 70) -> None:
    b = bytearray(p.read_bytes())
    b[min(at, len(b) - 1)] ^= 0x01
    p.write_bytes(bytes(b))


def _drop_event(root: Path) -> str:
    """A link of the chain removed, its line with it."""
    chain = (root / package.CHAIN).read_text().splitlines()
    gone = chain[len(chain) // 2]
    (root / gone.split("  ")[1]).unlink()
    (root / package.CHAIN).write_text("".join(x + "\n" for x in chain if x != gone))
    return gone.split("  ")[1]


@pytest.mark.parametrize("what", ["recording", "history", "entry", "signature", "event"])
def test_one_flipped_byte_or_a_dropped_event_fails_both_checks(written, what) -> None:
    _office, root, _ = written
    if what == "recording":
        target = "recordings/rec/interrogation-1.mp4"
        _flip(root / target)
    elif what == "history":
        target = package.HISTORY
        _flip(root / target)
    elif what == "entry":
        target = next(
            n
            for n in json.loads((root / package.PACKAGE_JSON).read_text())["entries"]
            if n.startswith("entries/court_transfers-")
        )
        _flip(root / target, 30)
    elif what == "signature":
        target = "signatures/00001.sig"
        _flip(root / target, 5)
    else:
        target = _drop_event(root)
    r = packages.verify_package(root)
    assert not r.ok
    assert any(target.split("/")[-1] in p or "event" in p for p in r.problems), r.problems
    if what != "event":
        assert any(target in p for p in r.problems), r.problems
    proc = run_readme(root)
    assert proc.returncode != 0 and "FAILED" in proc.stdout, proc.stdout + proc.stderr


def test_a_forger_who_rewrites_sha256sums_is_still_caught(written) -> None:
    """The sums are not the root: a changed register row with SHA256SUMS made again still
    fails its anchor and its signatures."""
    _office, root, _ = written
    names = json.loads((root / package.PACKAGE_JSON).read_text())["entries"]
    target = next(n for n in names if n.startswith("entries/court_transfers-"))
    p = root / target
    p.write_text(p.read_text().replace('"at":"2026', '"at":"2025'))
    lines = []
    for line in (root / package.SUMS).read_text().splitlines():
        sha, name = line.split("  ")
        lines.append(f"{hashlib.sha256((root / name).read_bytes()).hexdigest()}  {name}")
    (root / package.SUMS).write_text("\n".join(lines) + "\n")
    r = packages.verify_package(root)
    assert any(p.startswith(target) and "anchor" in p for p in r.problems), r.problems
    proc = run_readme(root)
    assert proc.returncode != 0 and "FAILED" in proc.stdout


def test_refused_for_an_original_or_a_disc_not_transferred(office: Office, tmp_path) -> None:
    disc = tmp_path / "disc"
    o, d = pair_with_files(office, disc)
    out = tmp_path / "usb"
    out.mkdir()
    settings = StorageSettings.for_database(office.path)
    before = office.snapshot()
    for code, why in ((o, "package_not_duplicate"), (d, "package_not_transferred")):
        with pytest.raises(RuleViolation) as e:
            packages.write_package(office.session("K001"), code, out, settings, source=disc)
        assert e.value.code == why
    assert office.snapshot() == before and list(out.iterdir()) == []


def test_never_over_an_existing_package_and_nothing_left_on_a_bad_source(
    office: Office, tmp_path
) -> None:
    disc = tmp_path / "disc"
    _o, d = pair_with_files(office, disc)
    court_transfer(office, d)
    out = tmp_path / "usb"
    out.mkdir()
    settings = StorageSettings.for_database(office.path)
    (disc / "rec/notes/2.wav").write_bytes(b"not the recording")
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        packages.write_package(office.session("K001"), d, out, settings, source=disc)
    assert e.value.code == "package_source_changed"
    assert office.snapshot() == before and list(out.iterdir()) == []
    shutil.rmtree(disc)
    pair_dir = tmp_path / "disc2"
    for rel, body in FILES.items():
        (pair_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (pair_dir / rel).write_bytes(body)
    packages.write_package(office.session("K001"), d, out, settings, source=pair_dir)
    with pytest.raises(RuleViolation) as e:
        packages.write_package(office.session("K001"), d, out, settings, source=pair_dir)
    assert e.value.code == "output_exists"
    assert audit.verify(office.db.conn).ok


def test_the_cli_verifies_a_package_without_a_database(written, tmp_path, capsys) -> None:
    from keeper_app.cli import main

    _office, root, _ = written
    missing_db = tmp_path / "no" / "keeper.sqlite"
    assert main(["--db", str(missing_db), "verify-package", str(root)]) == 0
    assert "OK" in capsys.readouterr().out
    assert not missing_db.exists()
    _flip(root / "recordings/rec/notes/2.wav")
    assert main(["--db", str(missing_db), "verify-package", str(root)]) == 1
    out = capsys.readouterr().out
    assert "FAILED: recordings/rec/notes/2.wav: changed" in out


def test_court_transfer_with_package_to_writes_the_package(office: Office, tmp_path) -> None:
    from keeper_app.cli import main

    disc = tmp_path / "disc"
    _o, d = pair_with_files(office, disc)
    qid = transfers.register_court_request(
        office.session("K001"),
        CASE_A,
        "court",
        COURT,
        "(2026)刑调字第2号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({"K001": PASSWORD, "C001": PASSWORD}))
    creds.chmod(0o600)
    out = tmp_path / "usb"
    out.mkdir()
    rc = main(
        ["--db", office.location, "--as", "K001", "--credentials", str(creds),
         "court-transfer", str(qid), d, "--recipient", "C001",
         "--package-to", str(out), "--package-from", str(disc)]
    )  # fmt: skip
    assert rc == 0
    [pkg] = list(out.iterdir())
    assert packages.verify_package(pkg).ok
    assert main(["--db", office.location, "audit", "verify"]) == 0


def test_events_written_before_the_redactable_scheme(
    office: Office, tmp_path, monkeypatch, capsys
) -> None:
    """A database that kept earlier events (scheme 2, hashed over the fields themselves): the
    disc's early events cannot be linked to the head without another case's events in full,
    so the package shows them signed but unlinked — and says so — and links from the first
    event after the last other case's earlier-scheme event."""
    from keeper_app.cli import main

    monkeypatch.setattr(audit, "SCHEME", 2)
    disc = tmp_path / "disc"
    _o, d = pair_with_files(office, disc)
    ob, _db = office.handed_over_pair(case_no="B2026-002", handler="H003", person="毒某某")
    monkeypatch.setattr(audit, "SCHEME", 3)
    custody.set_location(office.session("K001"), ob, "柜C-10")
    custody.set_location(office.session("K001"), d, "柜B-7")
    court_transfer(office, d)
    out = tmp_path / "usb"
    out.mkdir()
    done = packages.write_package(
        office.session("K001"), d, out, StorageSettings.for_database(office.path), source=disc
    )
    root = Path(done["folder"])
    facts = json.loads((root / package.PACKAGE_JSON).read_text(encoding="utf-8"))
    last_old = office.db.conn.execute(
        "SELECT max(seq) FROM audit_events WHERE scheme = 2"
    ).fetchone()[0]
    assert facts["linked_from"] == last_old + 1
    assert facts["unlinked_events"] and max(facts["unlinked_events"]) < facts["linked_from"]
    r = packages.verify_package(root)
    assert r.ok, r.problems
    assert any("handovers-" in n and "not linked to the head" in n for n in r.notes), r.notes
    proc = run_readme(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the other case's earlier-scheme events are not in the package
    blob = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
    assert b"B2026-002" not in blob and "毒某某".encode() not in blob
    assert main(["--db", str(tmp_path / "none.sqlite"), "verify-package", str(root)]) == 0
    assert "NOTE: entries/handovers-" in capsys.readouterr().out
    v = admin.verify_audit_file(office.location)
    assert v.ok, v.problems
    # an unlinked event's signature still counts: one changed byte in it fails
    unlinked = (root / package.UNLINKED).read_text().splitlines()[0].split("  ")[1]
    _flip(root / unlinked, 90)
    r = packages.verify_package(root)
    assert any(p.startswith(unlinked) for p in r.problems), r.problems
    assert run_readme(root).returncode != 0


def test_recordings_from_keeper_s_storage(office: Office, tmp_path) -> None:
    """With no disc folder given, the recordings come from Keeper's storage (the backup's copy
    when the storage's is gone), each checked against the disc's manifest."""
    settings = StorageSettings.for_database(office.path)
    disc = tmp_path / "disc"
    _o, d = pair_with_files(office, disc)
    court_transfer(office, d)
    shutil.copytree(disc, settings.backup_root)
    out = tmp_path / "usb"
    out.mkdir()
    (settings.backup_root / "rec/notes/2.wav").write_bytes(b"changed")
    with pytest.raises(RuleViolation) as e:
        packages.write_package(office.session("K001"), d, out, settings)
    assert e.value.code == "package_source_changed" and list(out.iterdir()) == []
    shutil.copytree(disc, settings.storage_root)
    done = packages.write_package(office.session("K001"), d, out, settings)
    assert packages.verify_package(done["folder"]).ok


def test_a_checkpoint_stripped_of_a_signature_is_named(written) -> None:
    _office, root, _ = written
    lines = (root / package.SIGNATURES).read_text().splitlines()
    of_checkpoint = [x for x in lines if " checkpoint/" in x]
    assert len(of_checkpoint) == 2
    kept = [x for x in lines if x not in of_checkpoint] + of_checkpoint[:1]
    (root / package.SIGNATURES).write_text("".join(x + "\n" for x in kept))
    r = packages.verify_package(root)
    assert any("not signed by two people" in p for p in r.problems), r.problems
    proc = run_readme(root)
    assert proc.returncode != 0 and "FAILED" in proc.stdout
