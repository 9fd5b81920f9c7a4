"""Issue 14 in the GUI, real widgets offscreen: a major case's recordings on the due board
until a handler records, in the submit-for-review dialog, that they went with the case
(Art. 4, 22(2)); the dialog's refusal is translated and changes nothing; the ingest dialog
warns of the same footage twice (Art. 10, 13)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from conftest import Office
from PySide6.QtCore import QCoreApplication, Qt

from keeper_app.services import reviews
from keeper_app.services.storage import StorageSettings, ingest
from keeper_app.ui.dialogs.review_submission import ReviewSubmissionDialog
from keeper_app.ui.errors import HEADLINES

CASE_B = "B2026-002"  # major; handler H003


def _recording(office: Office, tmp_path: Path, name: str, data: bytes) -> int:
    src = tmp_path / "src" / name
    src.mkdir(parents=True)
    (src / "cam1.mp4").write_bytes(data)
    end = office.clock() - timedelta(hours=1)
    rid, _ = ingest(
        office.session("H003"),
        StorageSettings.for_database(office.path),
        src,
        case_no=CASE_B,
        person_name="李某",
        person_role="suspect",
        started_at=end - timedelta(minutes=30),
        ended_at=end,
        place="讯问室1",
    )
    return rid


def test_the_due_board_shows_a_major_case_until_its_recordings_went_to_review(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    r1 = _recording(office, tmp_path, "a", os.urandom(500))
    k = ui.sign_in("K001")
    due = k.due
    assert due is not None
    src = "major case: recordings to accompany the review submission"
    what = QCoreApplication.translate("DueKind", src)
    qtbot.waitUntil(lambda: any(r["kind"] == "major_review" for r in due.model.rows))
    col = [c.key for c in due.model.columns].index("kind")
    row = next(i for i, r in enumerate(due.model.rows) if r["kind"] == "major_review")
    assert due.model.index(row, col).data(Qt.ItemDataRole.DisplayRole) == what
    assert due.model.rows[row]["case_no"] == CASE_B
    reviews.submit_for_review(office.session("H003"), CASE_B, [r1], "法制大队")
    due.refresh()
    qtbot.waitUntil(lambda: not any(r["kind"] == "major_review" for r in due.model.rows))


def test_the_handler_submits_a_major_case_with_all_its_recordings(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    r1 = _recording(office, tmp_path, "a", os.urandom(500))
    office.clock.advance(minutes=40)
    r2 = _recording(office, tmp_path, "b", os.urandom(500))
    m = ui.sign_in("H003")
    m.tabs.setCurrentWidget(m.cases)
    qtbot.waitUntil(lambda: m.cases.model.rowCount() >= 1)
    m.cases.select_case(CASE_B)
    m.cases.buttons["review"].click()
    d = m.dialog
    assert isinstance(d, ReviewSubmissionDialog)
    qtbot.waitUntil(lambda: d.recordings.count() == 2)
    assert d.major and d.chosen() == [r1, r2]
    # one recording left out of a major case's submission: refused, in Chinese, nothing kept
    d.recordings.item(1).setCheckState(Qt.CheckState.Unchecked)
    d.to.setText("法制大队")
    before = office.snapshot()
    assert ui.submit(d) is None
    headline = QCoreApplication.translate("Refusal", HEADLINES["major_case_recordings_missing"])
    assert headline in d.banner.text()
    assert office.snapshot() == before
    d.recordings.item(1).setCheckState(Qt.CheckState.Checked)
    assert ui.submit(d) is not None, d.banner.text()
    [sub] = office.db.conn.execute("SELECT recordings, submitted_to FROM review_submissions")
    assert (sub["recordings"], sub["submitted_to"]) == (f"[{r1}, {r2}]", "法制大队")


def test_the_ingest_dialog_warns_of_the_same_footage_twice(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    import shutil

    from .test_disc_tools_ui import _source

    src, _rec = _source(tmp_path, office)
    # the same files registered already, for an earlier sitting of another person
    earlier = tmp_path / "earlier"
    shutil.copytree(src / "cam1", earlier / "cam1")
    end = office.clock() - timedelta(hours=8)
    first, _ = ingest(
        office.session("H002"),
        StorageSettings.for_database(office.path),
        earlier,
        case_no="A2026-001",
        person_name="赵某",
        person_role="witness",
        started_at=end - timedelta(hours=1),
        ended_at=end,
        place="讯问室1",
    )
    m = ui.sign_in("H001")
    d = m.discs.open_ingest()
    qtbot.waitUntil(lambda: d.case.count() > 0)
    d.set_source(str(src))
    qtbot.waitUntil(lambda: d.person.text() == "王某某", timeout=10_000)
    qtbot.waitUntil(lambda: d.space_facts is not None)
    d.go_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=60_000)
    assert d.error is None, d.banner.text()
    rid, _entries, found = d.result_value
    assert [f["kind"] for f in found["flags"]] == ["same_footage"]
    assert found["flags"][0]["other_recording_id"] == first
    assert d.banner.kind == "warn" and f"#{first} (A2026-001)" in d.banner.text()


def test_the_keeper_registers_and_moves_a_storage_device(ui, office: Office, qtbot) -> None:
    from keeper_app.ui.dialogs.storage_devices import StorageDevicesDialog

    m = ui.sign_in("K001")
    assert m.discs.devices_button.isVisible()
    d = m.discs.open_devices()
    assert isinstance(d, StorageDevicesDialog)
    d.device.setEditText("存储1")
    d.location.setText("机房柜1")
    d.keeper.setText("H001")  # a case handler: refused, translated, nothing written
    before = office.snapshot()
    assert ui.submit(d) is None
    assert QCoreApplication.translate("Refusal", HEADLINES["not_keeper"]) in d.banner.text()
    assert office.snapshot() == before
    d.keeper.setText("K001")
    assert ui.submit(d) is not None, d.banner.text()
    # again: the device is listed; its label records a move to another keeper
    d = m.discs.open_devices()
    qtbot.waitUntil(lambda: d.model.rowCount() == 1)
    assert d.model.rows[0]["location"] == "机房柜1" and d.model.rows[0]["keeper_badge"] == "K001"
    d.device.setEditText("存储1")
    d.location.setText("机房柜2")
    d.keeper.setText("K002")
    assert ui.submit(d) is not None, d.banner.text()
    [row] = office.db.conn.execute(
        "SELECT m.location, p.badge FROM storage_device_moves m JOIN people p "
        "ON p.id=m.keeper_id ORDER BY m.id DESC LIMIT 1"
    )
    assert (row["location"], row["badge"]) == ("机房柜2", "K002")
