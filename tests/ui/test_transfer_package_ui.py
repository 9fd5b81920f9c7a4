"""Issue 16: the court transfer dialog writes the disc's transfer package into the folder
chosen, on the worker thread, right after the transfer; a package that cannot be written
leaves the transfer standing and says why."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from conftest import Office
from PySide6.QtCore import QCoreApplication

from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake, packages, transfers
from keeper_app.ui.errors import HEADLINES

from .test_workflows import open_record

BODY = b"\x00recording" * 4000


def transferable(office: Office, disc: Path) -> str:
    (disc / "rec").mkdir(parents=True)
    (disc / "rec/1.mp4").write_bytes(BODY)
    e = ManifestEntry("rec/1.mp4", len(BODY), hashlib.sha256(BODY).hexdigest())
    s = office.session("H001")
    start = office.clock() - timedelta(hours=2)
    rid = intake.register_recording(
        s, "A2026-001", "王某某", "suspect", start, start + timedelta(hours=1), "讯问室1", [e]
    )
    o, d = intake.register_pair(s, [rid], [e], office.clock())
    intake.handover(
        office.session("K001"), o, office.cred("H001"), office.cred("K001"), "S-1", "柜A", "柜B"
    )
    transfers.register_court_request(
        office.session("K001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)刑调字第1号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    return d


def transfer_dialog(ui, m, qtbot, code: str):
    open_record(m, qtbot, code)
    m.counter.record.buttons["court_transfer"].click()
    dlg = m.dialog
    ui.sign(dlg, "recipient", "C001")
    ui.sign(dlg, "keeper")
    return dlg


def test_the_transfer_dialog_writes_the_package_to_the_folder_chosen(
    ui, office: Office, qtbot, tmp_path
) -> None:
    d = transferable(office, tmp_path / "disc")
    usb = tmp_path / "usb"
    usb.mkdir()
    m = ui.sign_in("K001")
    dlg = transfer_dialog(ui, m, qtbot, d)
    assert dlg.findChild(type(dlg.package_to), "package_to") is dlg.package_to
    dlg.package_to.setText(str(usb))
    dlg.package_from.setText(str(tmp_path / "disc"))
    text = ui.submit(dlg)
    assert text is not None, dlg.banner.text()
    [pkg] = list(usb.iterdir())
    assert str(pkg) in text
    r = packages.verify_package(pkg)
    assert r.ok, r.problems
    assert (
        office.db.conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='transfer_package'"
        ).fetchone()[0]
        == 1
    )


def test_a_package_that_cannot_be_written_leaves_the_transfer_and_says_why(
    ui, office: Office, qtbot, tmp_path
) -> None:
    d = transferable(office, tmp_path / "disc")
    m = ui.sign_in("K001")
    dlg = transfer_dialog(ui, m, qtbot, d)
    dlg.package_to.setText(str(tmp_path / "no-such-folder"))
    dlg.package_from.setText(str(tmp_path / "disc"))
    text = ui.submit(dlg)
    assert text is not None, dlg.banner.text()
    assert "no-such-folder" in text
    assert office.db.conn.execute("SELECT count(*) FROM court_transfers").fetchone()[0] == 1
    assert (
        office.db.conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='transfer_package'"
        ).fetchone()[0]
        == 0
    )


def test_a_transferred_duplicate_s_record_offers_its_package(
    ui, office: Office, qtbot, tmp_path
) -> None:
    d = transferable(office, tmp_path / "disc")
    qid = office.db.conn.execute("SELECT max(id) FROM court_requests").fetchone()[0]
    transfers.court_transfer(
        office.session("K001"), qid, d, office.cred("C001"), office.cred("K001")
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    m = ui.sign_in("K001")
    open_record(m, qtbot, d)
    assert "transfer_package" in m.counter.record.buttons
    m.counter.record.buttons["transfer_package"].click()
    dlg = m.dialog
    dlg.folder.setText(str(usb))
    dlg.source.setText(str(tmp_path / "disc"))
    text = ui.submit(dlg)
    assert text is not None, dlg.banner.text()
    [pkg] = list(usb.iterdir())
    assert str(pkg) in text and packages.verify_package(pkg).ok
    # no folder, or one that is not there: refused in the dialog, nothing written or recorded
    open_record(m, qtbot, d)
    m.counter.record.buttons["transfer_package"].click()
    dlg = m.dialog
    assert ui.submit(dlg) is None
    assert QCoreApplication.translate("Refusal", HEADLINES["package_no_folder"]) in (
        dlg.banner.text()
    )
    dlg.reject()
    open_record(m, qtbot, d)
    m.counter.record.buttons["transfer_package"].click()
    dlg = m.dialog
    dlg.folder.setText(str(tmp_path / "gone"))
    dlg.source.setText(str(tmp_path / "disc"))
    assert ui.submit(dlg) is None
    assert QCoreApplication.translate("Refusal", HEADLINES["package_no_folder"]) in (
        dlg.banner.text()
    )
    assert "gone" in dlg.banner.text()
    assert (
        office.db.conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='transfer_package'"
        ).fetchone()[0]
        == 1
    )


def test_a_case_handler_is_not_offered_the_package(ui, office: Office, qtbot, tmp_path) -> None:
    d = transferable(office, tmp_path / "disc")
    qid = office.db.conn.execute("SELECT max(id) FROM court_requests").fetchone()[0]
    transfers.court_transfer(
        office.session("K001"), qid, d, office.cred("C001"), office.cred("K001")
    )
    m = ui.sign_in("H001")
    open_record(m, qtbot, d)
    assert "transfer_package" not in m.counter.record.buttons
