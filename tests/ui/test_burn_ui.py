"""Burning a pair from the application (issue 5, "done when"): a case handler picks their
case's recordings of one person, burns a verified pair with the real xorriso onto two
file-backed drives, prints its labels; a keeper then hands the pair over at the counter. A
cancel mid-burn registers nothing; a mix of persons is refused with the rule's message."""

from __future__ import annotations

import hashlib
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import Office

from keeper_app.burning.jobs import Progress
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, burning, intake, storage
from keeper_app.services.burning import PairResult
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.ui.dialogs.burn_pair import BurnPairDialog
from keeper_app.ui.dialogs.handover import HandoverDialog
from keeper_app.ui.errors import refusal

from .test_workflows import open_record

pytestmark = pytest.mark.realtool


def _count(office: Office, table: str) -> int:
    return int(office.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def recordings(office: Office) -> dict[str, list[int]]:
    """Real short recordings (ffmpeg) stored beside the database, as the application finds
    them: two interrogations of 王某某 and one of 李某 in case A2026-001."""
    st = StorageSettings.for_database(office.path)
    s = office.session("H001")
    start = office.clock() - timedelta(hours=10)
    wang = add_sample_recordings(
        s, st, "A2026-001", "王某某", start, count=2, seconds=2.0, gap=timedelta(hours=2)
    )
    li = add_sample_recordings(
        s, st, "A2026-001", "李某", start + timedelta(hours=5), count=1, seconds=2.0
    )
    return {"wang": wang, "li": li}


def open_burn(m: Any, qtbot: Any, rows: int) -> BurnPairDialog:
    d = m.discs.open_burn()
    assert isinstance(d, BurnPairDialog) and d.isVisible()
    qtbot.waitUntil(lambda: d.case.count() > 0 and d.table.rowCount() == rows, timeout=10_000)
    return d


def burn(d: BurnPairDialog, qtbot: Any, timeout: int = 180_000) -> None:
    assert d.go_button.isEnabled(), (d.rule.text(), d.space.text())
    d.go_button.click()
    assert d.running
    qtbot.waitUntil(lambda: not d.running, timeout=timeout)


def test_a_case_handler_burns_a_verified_pair_then_a_keeper_hands_it_over(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path, recordings: dict[str, list[int]]
) -> None:
    m = ui.sign_in("H001")
    assert m.discs.burn_button.isVisible() and m.discs.ingest_button.isVisible()
    d = open_burn(m, qtbot, rows=3)
    assert d.windowTitle() == "刻录一对光盘"  # in the office's language
    assert d.case.currentData() == "A2026-001"
    for rid in recordings["wang"]:
        d.table.set_checked(rid)
    o_iso, d_iso = tmp_path / "drive1" / "o.iso", tmp_path / "drive2" / "d.iso"
    o_iso.parent.mkdir()
    d_iso.parent.mkdir()
    d.original.use_image(str(o_iso))
    d.duplicate.use_image(str(d_iso))
    assert d.rule.kind == "" and d.go_button.isEnabled()

    # the space needed and free, before anything is written
    d.check_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=30_000)
    assert d.error is None, d.banner.text()
    assert "o.iso" in d.space.text() and "d.iso" in d.space.text()
    assert "MB" in d.space.text()
    assert _count(office, "media") == 0 and _count(office, "pair_reservations") == 0

    seen: list[Progress] = []
    d.progressed.connect(lambda p: seen.append(p) if isinstance(p, Progress) else None)
    burn(d, qtbot)
    assert d.error is None, d.banner.text()
    result = d.result_value
    assert isinstance(result, PairResult)
    o, dup = result.original, result.duplicate
    # the progress bar was fed by the burn and the read-backs, in order, to the end
    stages = [p.stage for p in seen]
    for st in ("burn_original", "verify_original", "burn_duplicate", "verify_duplicate"):
        assert st in stages
    fractions = [p.fraction for p in seen if p.fraction is not None]
    assert fractions == sorted(fractions) and d.bar.value() == d.bar.maximum()
    # the new codes are shown, ready for the handover
    assert d.outcome.isVisible() and d.banner.kind == "ok"
    for code in (o, dup):
        assert intake_pretty(code) in d.outcome.text()
    # registered as burned, both read-backs recorded as matches
    rows = office.db.conn.execute("SELECT code, status FROM media ORDER BY code DESC").fetchall()
    assert [(r["code"], r["status"]) for r in rows] == [(o, "burned"), (dup, "burned")]
    assert _count(office, "verifications") == 2
    # the images read back and verify against the register
    k = office.session("K001")
    for iso, code in ((o_iso, o), (d_iso, dup)):
        check = burning.verify_medium(k, f"stdio:{iso}", "on_demand")
        assert (check.code, check.result, check.report.files_checked) == (code, "match", 2)
    # the recordings list now shows them on the new discs
    qtbot.waitUntil(lambda: "—" not in d.table.item(0, 7).text())

    # the labels of the pair, through the print dialog (saved as PDF here)
    pd = d.print_labels()
    assert pd is not None
    qtbot.waitUntil(pd.save_button.isEnabled, timeout=60_000)
    assert [p.code for p in pd.result.placements] == [o, dup]
    pdf = tmp_path / "labels.pdf"
    pd.save_to(str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pd.reject()
    d.reject()
    assert not d.isVisible()

    # the keeper receives the pair at the counter: scanned, handover signed by both
    m.sign_out_requested.emit()
    qtbot.waitUntil(lambda: ui.app.sign_in_window is not None)
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    assert m.counter.record.record.status == "burned"
    m.counter.record.buttons["handover"].click()
    h = m.dialog
    assert isinstance(h, HandoverDialog)
    h.seal_no.setText("S-2026-0099")
    h.original_location.setText("柜A-03")
    h.duplicate_location.setText("柜B-03")
    ui.sign(h, "handler", badge="H001")
    ui.sign(h, "keeper")
    assert ui.submit(h) is not None, h.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "sealed")
    statuses = dict(office.db.conn.execute("SELECT code, status FROM media").fetchall())
    assert statuses == {o: "sealed", dup: "in_custody"}
    assert admin.verify_audit(office.db).ok


def intake_pretty(code: str) -> str:
    from keeper_app.ui.labels import pretty

    return pretty(code)


def _long_recording(office: Office, size: int) -> int:
    """A long recording (a sparse file: cheap to make) stored where the application finds
    it, so that a burn lasts long enough to be cancelled."""
    st = StorageSettings.for_database(office.path)
    rel = "A2026-001/long/rec.mp4"
    path = st.storage_root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(size)
    h = hashlib.sha256()
    block = bytes(1 << 20)
    for _ in range(size >> 20):
        h.update(block)
    start = office.clock() - timedelta(hours=3)
    return intake.register_recording(
        office.session("H001"),
        "A2026-001",
        "王某某",
        "suspect",
        start,
        start + timedelta(hours=1),
        "讯问室1",
        [ManifestEntry(rel, size, h.hexdigest())],
    )


def test_cancel_mid_burn_stops_it_and_registers_nothing(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    rid = _long_recording(office, 2 << 30)
    before = office.snapshot()
    m = ui.sign_in("H001")
    d = open_burn(m, qtbot, rows=1)
    d.table.set_checked(rid)
    o_iso = tmp_path / "o.iso"
    d.original.use_image(str(o_iso))
    d.duplicate.use_image(str(tmp_path / "d.iso"))

    def cancel_once_burning(p: object) -> None:
        if isinstance(p, Progress) and p.stage == "burn_original" and (p.fraction or 0) > 0.01:
            if d.cancel_button.isEnabled():
                d.cancel_button.click()  # the user's button, in the GUI thread

    d.progressed.connect(cancel_once_burning)
    burn(d, qtbot, timeout=120_000)
    assert isinstance(d.error, RuleViolation) and d.error.code == "cancelled", d.error
    assert d.banner.kind == "error"
    assert refusal(d.error).headline in d.banner.text()
    assert not o_iso.exists()  # the partial image is removed
    assert _count(office, "media") == 0 and _count(office, "verifications") == 0
    after = dict(office.snapshot())
    assert after["media"] == dict(before)["media"]
    assert len(after["pair_reservations"]) == 1  # the code reserved stays spent, audited
    events = [
        r[0]
        for r in office.db.conn.execute("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 2")
    ]
    assert events == ["burn_failed", "reserve_pair_code"]  # stopped while burning
    assert d.go_button.isEnabled()  # another try is possible
    assert admin.verify_audit(office.db).ok


def test_a_mix_of_persons_is_refused_with_the_rule(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path, recordings: dict[str, list[int]]
) -> None:
    before = office.snapshot()
    m = ui.sign_in("H001")
    d = open_burn(m, qtbot, rows=3)
    d.original.use_image(str(tmp_path / "o.iso"))
    d.duplicate.use_image(str(tmp_path / "d.iso"))
    d.table.set_checked(recordings["wang"][0])
    assert d.go_button.isEnabled() and d.rule.kind == ""
    d.table.set_checked(recordings["li"][0])  # another person on the same disc
    assert d.rule.kind == "error" and d.rule.isVisible()
    headline = refusal(RuleViolation("mixed_persons", "", "Art. 17")).headline
    assert headline in d.rule.text() and "王某某" in d.rule.text() and "李某" in d.rule.text()
    assert not d.go_button.isEnabled() and not d.check_button.isEnabled()
    d.go_button.click()  # disabled: nothing happens
    assert not d.running
    d.table.set_checked(recordings["li"][0], False)  # one person again: allowed
    assert d.rule.kind == "" and d.go_button.isEnabled()
    assert office.snapshot() == before
    assert not (tmp_path / "o.iso").exists()


def test_an_older_list_of_recordings_arriving_last_is_not_shown_under_another_case(
    ui: Any,
    office: Office,
    qtbot: Any,
    recordings: dict[str, list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dialog loads the first case's recordings while the handler already picked another
    case; on a busy machine the first answer can come last. It must not replace the chosen
    case's list (found in the guide's walk: the ticked recordings vanished under the burn
    button, which then never enabled)."""
    s = office.session("H001")
    intake.create_case(s, "A2026-002", "李某盗窃案", office.dept["crim"], ["H001"])
    st = StorageSettings.for_database(office.path)
    other = add_sample_recordings(
        s, st, "A2026-002", "赵某", office.clock() - timedelta(hours=3), count=1, seconds=1.0
    )
    real = storage.case_recordings
    slow = threading.Event()

    def recordings_of(sess: Any, case_no: str) -> Any:
        rows = real(sess, case_no)
        if case_no == "A2026-001":
            slow.wait(20)  # the first case's answer is held until the second one is shown
        return rows

    monkeypatch.setattr(storage, "case_recordings", recordings_of)
    m = ui.sign_in("H001")
    d = m.discs.open_burn()
    qtbot.waitUntil(lambda: d.case.count() == 2, timeout=10_000)
    assert d.case.currentData() == "A2026-001"  # its recordings are being loaded, slowly
    d.choose_case("A2026-002")
    qtbot.waitUntil(lambda: [r["id"] for r in d.table.rows] == other, timeout=10_000)
    slow.set()  # now the older answer arrives
    qtbot.waitUntil(lambda: m.ctx.ops.running == 0, timeout=10_000)
    assert [r["id"] for r in d.table.rows] == other
    assert d.case.currentData() == "A2026-002"
    d.reject()


def test_one_drive_asks_for_the_next_disc_and_the_burn_goes_on_when_hidden(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path, recordings: dict[str, list[int]]
) -> None:
    m = ui.sign_in("H001")
    d = open_burn(m, qtbot, rows=3)
    d.table.set_checked(recordings["li"][0])
    tray = tmp_path / "tray" / "disc.iso"  # one file-backed drive for both discs
    tray.parent.mkdir()
    d.original.use_image(str(tray))
    d.duplicate.use_same()
    assert d.duplicate.is_same() and d.drives() == [f"stdio:{tray}"]
    d.go_button.click()
    d.reject()  # Escape while burning: hidden, the burn goes on
    assert not d.isVisible() and d.running
    assert m.discs.open_burn() is d and d.isVisible()  # the button shows it again
    # the original is burned and verified: the dialog asks for the next disc
    qtbot.waitUntil(lambda: d.next_disc_box is not None or not d.running, timeout=60_000)
    box = d.next_disc_box
    assert box is not None and str(tray) in box.text()
    # "disc inserted", but the original is still in the drive: not blank, asked again
    box.button(box.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: d.next_disc_box is not None or not d.running, timeout=60_000)
    box = d.next_disc_box
    assert box is not None and d.running and "not blank" in box.text()
    tray.rename(tmp_path / "original.iso")  # taken out, a blank one put in
    box.button(box.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not d.running, timeout=120_000)
    assert d.error is None, d.banner.text()
    result = d.result_value
    k = office.session("K001")
    for iso, code in ((tmp_path / "original.iso", result.original), (tray, result.duplicate)):
        assert burning.verify_medium(k, f"stdio:{iso}", "on_demand").result == "match"
        assert burning.verify_medium(k, f"stdio:{iso}", "on_demand").code == code


def test_a_drive_or_disc_that_cannot_be_used_is_refused_clearly(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path, recordings: dict[str, list[int]]
) -> None:
    import subprocess

    used = tmp_path / "used.iso"  # a disc with something on it already
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text("old", encoding="utf-8")
    subprocess.run(
        ["xorriso", "-outdev", f"stdio:{used}", "-map", str(tmp_path / "old"), "/", "-commit"],
        check=True,
        capture_output=True,
    )
    before = office.snapshot()
    m = ui.sign_in("H001")
    d = open_burn(m, qtbot, rows=3)
    d.table.set_checked(recordings["li"][0])
    d.duplicate.use_image(str(tmp_path / "d.iso"))
    for original, code in (
        (tmp_path / "no-such-folder" / "o.iso", "no_drive"),
        (used, "not_blank"),
    ):
        d.original.use_image(str(original))
        burn(d, qtbot, timeout=60_000)
        assert isinstance(d.error, RuleViolation) and d.error.code == code, d.error
        assert d.banner.kind == "error"
        assert refusal(d.error).headline in d.banner.text()
        assert "Art. 17" in d.error.article
    assert office.snapshot() == before  # nothing reserved, nothing registered
