"""Hard-drive storage (Art. 17): a recording uploaded to the storage root and its backup,
hashed while copying, both copies verified, then registered; all or nothing; too little space
refused before anything is written (Art. 14)."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import keeper_cmd, on_small_fs, run, settings, sha256_file, write_creds
from conftest import PASSWORD, Office, raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin
from keeper_app.services.storage import ingest
from keeper_app.store import cases as cases_repo

pytestmark = pytest.mark.realtool


def _source(tmp_path: Path, sizes: dict[str, int]) -> Path:
    src = tmp_path / "usb"
    for rel, size in sizes.items():
        p = src / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(os.urandom(size))
    return src


def _recordings(location: str) -> int:
    con = raw_connect(location)
    try:
        return int(con.execute("SELECT count(*) FROM recordings").fetchone()[0])
    finally:
        con.close()


def test_ingest_stores_two_verified_copies_then_registers(office: Office, tmp_path: Path) -> None:
    src = _source(
        tmp_path,
        {
            "cam1/part1.mp4": 3_000_000,
            "cam1/part2.mp4": 1234,
            ".hidden": 10,
            "keeper-record.json": 20,
        },
    )
    st = settings(tmp_path)
    start = office.clock() - timedelta(hours=4)
    seen: list[str] = []
    rid, entries = ingest(
        office.session("H001"),
        st,
        src,
        case_no="A2026-001",
        person_name="王某某",
        person_role="suspect",
        started_at=start,
        ended_at=start + timedelta(hours=1),
        place="讯问室1",
        progress=lambda p: seen.append(p.stage),
    )
    assert {"copy", "check"} <= set(seen)
    dest = "A2026-001/" + f"{start:%Y%m%dT%H%M%SZ}_王某某_interrogation"
    assert [e.path for e in entries] == [f"{dest}/cam1/part1.mp4", f"{dest}/cam1/part2.mp4"]
    for e in entries:
        original = src / e.path.removeprefix(dest + "/")
        assert (
            e.sha256
            == sha256_file(original)
            == sha256_file(st.storage_root / e.path)
            == sha256_file(st.backup_root / e.path)
        )
        assert e.size == original.stat().st_size
    rec = cases_repo.recording(office.db.conn, rid)
    assert [(f["path"], f["sha256"]) for f in rec["files"]] == [(e.path, e.sha256) for e in entries]
    assert admin.verify_audit(office.db).ok
    # never overwritten: the same recording again is refused, the first copy stays
    with pytest.raises(RuleViolation) as ei:
        ingest(
            office.session("H001"),
            st,
            src,
            case_no="A2026-001",
            person_name="王某某",
            person_role="suspect",
            started_at=start,
            ended_at=start + timedelta(hours=1),
            place="讯问室1",
        )
    assert ei.value.code == "exists"
    assert sha256_file(st.storage_root / entries[0].path) == entries[0].sha256


def test_who_may_not_register_copies_nothing(office: Office, tmp_path: Path) -> None:
    src = _source(tmp_path, {"a.mp4": 1000})
    st = settings(tmp_path)
    start = office.clock() - timedelta(hours=4)
    for badge, code in (("H003", "not_case_handler"), ("K001", "role_refused")):
        with pytest.raises(RuleViolation) as ei:
            ingest(
                office.session(badge),
                st,
                src,
                case_no="A2026-001",
                person_name="王某某",
                person_role="suspect",
                started_at=start,
                ended_at=start + timedelta(hours=1),
                place="讯问室1",
            )
        assert ei.value.code == code
    assert not st.storage_root.exists() and not st.backup_root.exists()


GOOD = {
    "case_no": "A2026-001",
    "person_name": "王某某",
    "person_role": "suspect",
    "kind": "interrogation",
    "place": "讯问室1",
    "interruptions": [
        {
            "start": "2026-11-19T21:20:00Z",
            "end": "2026-11-19T21:25:00Z",
            "reason": "犯罪嫌疑人要求如厕",
        }
    ],
}
BAD_FIELDS = [  # (field, bad value, the refusal)
    ("person_name", "  ", "missing_field"),
    ("person_role", "bystander", "bad_person_role"),
    ("kind", "chat", "bad_kind"),
    ("place", "", "missing_field"),
    ("place", "讯问室" * 40, "field_too_long"),
    (
        "interruptions",
        [{"start": "2026-11-19T21:20:00Z", "end": "2026-11-19T21:25:00Z", "reason": " "}],
        "missing_field",
    ),
    ("interruptions", ["toilet"], "bad_interruption"),
]


@pytest.mark.parametrize(("field", "value", "code"), BAD_FIELDS)
def test_a_bad_field_of_the_record_is_refused_before_a_byte_is_copied(
    office: Office, tmp_path: Path, field: str, value: object, code: str
) -> None:
    """Place, person, kind and the reasons of interruptions are checked before copying
    (they were checked only after gigabytes had been copied and read back)."""
    src = _source(tmp_path, {"cam1/a.mp4": 2_000_000})
    st = settings(tmp_path)
    start = office.clock() - timedelta(hours=4)
    progress: list[object] = []
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        ingest(
            office.session("H001"),
            st,
            src,
            **{**GOOD, field: value},  # type: ignore[arg-type]
            started_at=start,
            ended_at=start + timedelta(hours=1),
            progress=progress.append,
        )
    assert ei.value.code == code, ei.value.message
    assert progress == []  # no copy was attempted
    assert not st.storage_root.exists() and not st.backup_root.exists()
    assert office.snapshot() == before


def test_a_cancelled_ingest_keeps_nothing(office: Office, tmp_path: Path) -> None:
    import threading

    src = _source(tmp_path, {"a.mp4": 20_000_000, "b.mp4": 20_000_000})
    st = settings(tmp_path)
    start = office.clock() - timedelta(hours=4)
    cancel = threading.Event()
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        ingest(
            office.session("H001"),
            st,
            src,
            case_no="A2026-001",
            person_name="王某某",
            person_role="suspect",
            started_at=start,
            ended_at=start + timedelta(hours=1),
            place="讯问室1",
            cancel=cancel,
            progress=lambda p: cancel.set() if (p.fraction or 0) > 0.3 else None,
        )
    assert ei.value.code == "cancelled"
    assert [p for p in st.storage_root.rglob("*") if p.is_file()] == []
    assert [p for p in st.backup_root.rglob("*") if p.is_file()] == []
    assert office.snapshot() == before


def test_too_little_space_is_refused_before_writing(office: Office, tmp_path: Path) -> None:
    creds = write_creds(tmp_path, PASSWORD, "H001")
    tray = tmp_path / "storage-device"
    start = office.clock() - timedelta(hours=4)
    record = {
        "case_no": "A2026-001",
        "person_name": "王某某",
        "person_role": "suspect",
        "started_at": f"{start:%Y-%m-%dT%H:%M:%SZ}",
        "ended_at": f"{start + timedelta(hours=1):%Y-%m-%dT%H:%M:%SZ}",
        "place": "讯问室1",
    }

    def attempt(size: int) -> tuple[int, str, int]:
        src = tmp_path / f"src{size}"
        src.mkdir()
        (src / "rec.mp4").write_bytes(os.urandom(size))
        (src / "keeper-record.json").write_text(json.dumps(record), encoding="utf-8")
        cmd = keeper_cmd(
            office.location,
            "ingest",
            str(src),
            "--storage-root",
            f"{tray}/store",
            "--backup-root",
            f"{tray}/backup",
            creds=creds,
            as_badge="H001",
        )
        # run keeper, then count the files it left on the 100 MB device (inside the namespace)
        script = '"$@"; rc=$?; find "$0" -type f | wc -l; exit $rc'
        r = run(on_small_fs(tray, 100, ["sh", "-c", script, str(tray), *cmd]))
        return r.returncode, r.stderr, int(r.stdout.strip().splitlines()[-1])

    office.db.close()
    # storage and backup on one 100 MB device: 2 x 30 MB + the 64 MB reserve do not fit
    rc, err, left = attempt(30_000_000)
    assert rc == 1 and "not enough space" in err and "Art. 14" in err, err
    assert left == 0 and _recordings(office.location) == 0
    rc, err, left = attempt(10_000_000)
    assert rc == 0, err
    assert left == 2 and _recordings(office.location) == 1
