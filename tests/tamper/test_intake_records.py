"""Issue 14's entries are anchored in the audit chain like every other entry: an access to
a stored recording deleted to hide it, a device's keeper rewritten, a review submission
planted to clear a major case from the due board, an intake flag removed — each done in raw
SQL by an insider holding the file, each named by ``keeper audit verify``."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from conftest import Office
from insider import raw

from keeper_app.services import admin
from keeper_app.services import storage_devices as devs
from keeper_app.services.storage import StorageSettings, ingest


def _ingest(office: Office, tmp: Path, name: str, data: bytes, case: str, handler: str) -> int:
    src = tmp / "src" / name
    src.mkdir(parents=True)
    (src / "cam1.mp4").write_bytes(data)
    end = office.clock() - timedelta(hours=30)
    office.clock.advance(minutes=1)
    rid, _ = ingest(
        office.session(handler),
        StorageSettings(tmp / "storage", tmp / "backup"),
        src,
        case_no=case,
        person_name="李某",
        person_role="suspect",
        started_at=end - timedelta(minutes=30),
        ended_at=end,
        place="讯问室1",
    )
    return rid


def test_issue_14_entries_changed_behind_keepers_back_are_named(
    office: Office, tmp_path: Path
) -> None:
    data = os.urandom(300)
    r1 = _ingest(office, tmp_path, "a", data, "B2026-002", "H003")
    r2 = _ingest(office, tmp_path, "b", data, "B2026-002", "H003")  # same footage, late
    k = office.session("K001")
    devs.register_device(k, "存储1", "storage", "机房", "K001")
    st = StorageSettings(tmp_path / "storage", tmp_path / "backup")
    devs.export_recording(office.session("D002"), st, r1, tmp_path / "out", "case_review")
    flags = [r[0] for r in office.db.conn.execute("SELECT kind FROM intake_flags ORDER BY id")]
    assert flags == ["late_upload", "same_footage", "late_upload"]
    ok = admin.verify_audit(office.db)
    assert ok.ok, ok.problems

    with raw(office.path, "*") as con:
        con.execute("DELETE FROM stored_file_access")  # hide who copied it out
        con.execute(
            "UPDATE storage_device_moves SET keeper_id=(SELECT id FROM people WHERE badge='K002')"
        )
        con.execute("DELETE FROM intake_flags WHERE kind='same_footage'")
        con.execute(
            "INSERT INTO review_submissions(case_id, recordings, submitted_to, note, at, by_id) "
            f"SELECT id, '[{r1}, {r2}]', '法制大队', '', '2026-11-20T02:00:00Z', 1 FROM cases "
            "WHERE case_no='B2026-002'"
        )
    v = admin.verify_audit(office.db)
    assert not v.ok
    text = "\n".join(v.problems)
    assert "stored_file_access #1: deleted outside Keeper" in text, text
    assert "storage_device_moves #1: changed outside Keeper" in text, text
    assert "intake_flags #2: deleted outside Keeper" in text, text
    assert "review_submissions #1: written outside Keeper" in text, text
