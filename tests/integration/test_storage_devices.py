"""The storage device and its backup as custody items (issue 14; Art. 16, 17(3), 19, 21),
through the services on a real sqlite file and real files: registered with a place and a
keeper, moved with a signed event, listed; a stored recording copied out only by those who
may see its case, for a purpose of Art. 19, checked against its SHA-256 and recorded as an
audited access. Refusals change nothing; ``keeper audit verify`` passes afterwards."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import settings, sha256_file
from conftest import Office
from test_refusals import refused

from keeper_app.services import admin
from keeper_app.services import storage_devices as devs
from keeper_app.services.storage import ingest
from keeper_app.timeutil import show


def test_devices_registered_moved_and_listed_with_their_keepers(office: Office) -> None:
    k = office.session("K001")
    a = devs.register_device(k, "存储1", "storage", "机房柜1", "K001", serial="WD-123")
    b = devs.register_device(k, "备份1", "backup", "档案室柜2", "K002")
    office.clock.advance(hours=1)
    devs.move_device(k, "备份1", "异地备份室", note="异地存放")
    devs.move_device(office.session("K002"), "存储1", "机房柜3", keeper_badge="K002")
    rows = {d["label"]: d for d in devs.devices(office.session("D001"))}
    assert rows["存储1"]["id"] == a and rows["备份1"]["id"] == b
    assert (rows["存储1"]["location"], rows["存储1"]["keeper_badge"]) == ("机房柜3", "K002")
    assert (rows["备份1"]["location"], rows["备份1"]["keeper_badge"]) == ("异地备份室", "K002")
    assert rows["备份1"]["role"] == "backup" and rows["存储1"]["serial"] == "WD-123"
    assert [m["location"] for m in rows["备份1"]["moves"]] == ["档案室柜2", "异地备份室"]
    assert rows["备份1"]["moves"][1]["by"] == "李保管"
    assert rows["备份1"]["since"] == show(office.clock())  # 24-hour, local
    actions = [
        r[0]
        for r in office.db.conn.execute(
            "SELECT action FROM audit_events WHERE action LIKE '%storage_device' ORDER BY seq"
        )
    ]
    assert actions == ["register_storage_device"] * 2 + ["move_storage_device"] * 2
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


@pytest.mark.parametrize(
    ("badge", "label", "role", "where", "keeper", "code"),
    [
        ("K001", "存储2", "storage", "机房", "H001", "not_keeper"),
        ("K001", "存储2", "usb", "机房", "K001", "bad_device_role"),
        ("K001", "存储2", "storage", " ", "K001", "missing_field"),
        ("K001", "存储1", "storage", "机房", "K001", "device_exists"),
        ("K001", "存储2", "storage", "机房", "NOBODY", "unknown_badge"),
        ("H001", "存储2", "storage", "机房", "K001", "role_refused"),
        ("D001", "存储2", "storage", "机房", "K001", "role_refused"),
    ],
)
def test_a_refused_registration_changes_nothing(
    office: Office, badge: str, label: str, role: str, where: str, keeper: str, code: str
) -> None:
    devs.register_device(office.session("K001"), "存储1", "storage", "机房", "K001")
    s = office.session(badge)
    with refused(office, code):
        devs.register_device(s, label, role, where, keeper)


def test_a_handler_keeper_may_not_keep_a_device_and_a_refused_move_changes_nothing(
    office: Office,
) -> None:
    office.add_person("KH09", "钱保管", ["keeper", "case_handler"], "legal")
    k = office.session("K001")
    devs.register_device(k, "存储1", "storage", "机房", "K001")
    with refused(office, "keeper_is_handler"):
        devs.move_device(k, "存储1", "机房2", keeper_badge="KH09")
    with refused(office, "unknown_device"):
        devs.move_device(k, "存储9", "机房2")
    with refused(office, "missing_field"):
        devs.move_device(k, "存储1", "")


def _stored(office: Office, tmp_path: Path, case: str = "A2026-001", handler: str = "H001"):
    st = settings(tmp_path)
    src = tmp_path / "src"
    (src / "cam1").mkdir(parents=True)
    (src / "cam1" / "a.mp4").write_bytes(os.urandom(20_000))
    (src / "cam1" / "b.mp4").write_bytes(os.urandom(3_000))
    end = office.clock() - timedelta(hours=1)
    rid, entries = ingest(
        office.session(handler),
        st,
        src,
        case_no=case,
        person_name="王某某",
        person_role="suspect",
        started_at=end - timedelta(hours=1),
        ended_at=end,
        place="讯问室1",
    )
    return st, rid, entries


def test_a_stored_recording_is_exported_checked_and_the_access_logged(
    office: Office, tmp_path: Path
) -> None:
    st, rid, entries = _stored(office, tmp_path)
    out = tmp_path / "out"
    r = devs.export_recording(office.session("R001"), st, rid, out, "case_review")
    assert r["files"] == ["a.mp4", "b.mp4"] and r["bytes"] == 23_000
    for e in entries:
        assert sha256_file(out / e.path.rsplit("/", 1)[-1]) == e.sha256
    [row] = devs.accesses(office.session("D001"))
    assert (row["recording_id"], row["purpose"], row["by_badge"]) == (rid, "case_review", "R001")
    assert row["destination"] == str(out) and row["files"] == 2
    # the head of another department does not see it in the access report
    assert devs.accesses(office.session("D002")) == []
    [ev] = office.db.conn.execute(
        "SELECT p.badge FROM audit_events e JOIN people p ON p.id=e.actor_id "
        "WHERE e.action='export_recording'"
    ).fetchall()
    assert ev["badge"] == "R001"
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems


def test_a_refused_export_copies_nothing_and_changes_nothing(
    office: Office, tmp_path: Path
) -> None:
    st, rid, entries = _stored(office, tmp_path)
    out = tmp_path / "out"
    cases = [
        ("H003", "case_handling", "not_your_case"),  # handles another department's case
        ("D002", "case_review", "not_your_department"),  # heads another department
        ("ADMIN", "case_review", "role_refused"),
        ("C001", "case_review", "role_refused"),  # a court clerk
        ("H001", "curiosity", "bad_access_purpose"),
    ]
    for badge, purpose, code in cases:
        s = office.session(badge)
        with refused(office, code):
            devs.export_recording(s, st, rid, out, purpose)
        assert not out.exists() or not any(out.iterdir())
    # a stored file changed behind Keeper's back: refused, nothing left, nothing recorded
    (st.storage_root / entries[1].path).write_bytes(b"changed")
    s = office.session("H001")
    with refused(office, "source_changed"):
        devs.export_recording(s, st, rid, out, "case_handling")
    assert not out.exists() or not any(out.rglob("*.mp4"))


def test_the_cli_registers_moves_lists_and_exports(office: Office, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from conftest import PASSWORD

    from keeper_app.timeutil import now_utc

    office.clock.t = now_utc() - timedelta(minutes=5)
    st, rid, entries = _stored(office, tmp_path)
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({"K001": PASSWORD, "D001": PASSWORD, "H003": PASSWORD}))
    creds.chmod(0o600)

    def keeper(badge: str, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "keeper_app", "--db", office.location]
        cmd += ["--credentials", str(creds), "--as", badge, *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    r = keeper(
        "K001",
        "storage-device-add",
        "存储1",
        "--role",
        "storage",
        "--location",
        "机房柜1",
        "--keeper",
        "K001",
    )
    assert r.returncode == 0, r.stderr
    r = keeper("K001", "storage-device-move", "存储1", "--location", "机房柜2", "--keeper", "K002")
    assert r.returncode == 0, r.stderr
    r = keeper("D001", "storage-devices")
    assert "存储1 (storage) at 机房柜2, kept by 赵保管 (K002)" in r.stdout, r.stdout + r.stderr
    roots = ["--storage-root", str(st.storage_root), "--backup-root", str(st.backup_root)]
    out = tmp_path / "cli-out"
    r = keeper("H003", "export-recording", str(rid), str(out), "--purpose", "case_handling", *roots)
    assert r.returncode != 0 and not out.exists()
    r = keeper("K001", "export-recording", str(rid), str(out), "--purpose", "case_review", *roots)
    assert r.returncode == 0, r.stderr
    assert sha256_file(out / "a.mp4") == entries[0].sha256
    r = keeper("D001", "stored-access")
    assert f"李保管 (K001) exported recording #{rid} of case A2026-001 for case_review" in r.stdout
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems
