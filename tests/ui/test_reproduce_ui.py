"""Reproducing the duplicate from the counter (Art. 18): on the record of an original
unsealed to reproduce its damaged duplicate, the keeper opens the dialog, names the two
drives (file-backed, the real xorriso) and the shelf, signs with a witness; the new duplicate
is in custody and the old one retired. A refusal is shown and changes nothing."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from conftest import Office
from PySide6.QtCore import QCoreApplication

from keeper_app.domain.model import ManifestEntry
from keeper_app.services import custody, intake, lookup
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings
from keeper_app.ui.dialogs.reproduce import ReproduceDialog
from keeper_app.ui.errors import HEADLINES

from .test_workflows import open_record

pytestmark = pytest.mark.realtool


def _unsealed_with_damaged_duplicate(office: Office, tmp_path) -> tuple[str, str, str]:
    st = StorageSettings.for_database(office.path)
    data = bytes(range(256)) * 200
    (st.storage_root / "A2026-001").mkdir(parents=True, exist_ok=True)
    (st.storage_root / "A2026-001" / "r1.bin").write_bytes(data)
    h = office.session("H001")
    start = office.clock() - timedelta(hours=3)
    entry = ManifestEntry("A2026-001/r1.bin", len(data), hashlib.sha256(data).hexdigest())
    rid = intake.register_recording(
        h,
        "A2026-001",
        "王某某",
        "suspect",
        start,
        start + timedelta(hours=1),
        "讯问室1",
        [entry],
    )
    o_iso = tmp_path / "o.iso"
    r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{tmp_path / 'd.iso'}"], st).run()
    o, d = r.original, r.duplicate
    k = office.session("K001")
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-1", "柜A-01", "柜B-01")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "lost", note="遗失")
    aid = custody.request_unseal(k, o, "reproduce_duplicate")
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    custody.unseal(k, o, aid, office.cred("K001"), office.cred("K002"))
    return o, d, f"stdio:{o_iso}"


def test_the_keeper_reproduces_the_duplicate_at_the_counter(
    ui, office: Office, qtbot, tmp_path
) -> None:
    o, d, src = _unsealed_with_damaged_duplicate(office, tmp_path)
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    assert "reproduce_duplicate" in m.counter.record.buttons
    m.counter.record.buttons["reproduce_duplicate"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReproduceDialog)
    dlg.original_drive.setEditText(src)
    dlg.new_drive.setEditText(src)  # the same drive: refused, nothing changed
    dlg.location.setText("柜B-09")
    ui.sign(dlg, "keeper")
    ui.sign(dlg, "witness", badge="K002")
    before = office.snapshot()
    assert ui.submit(dlg) is None
    # the refusal's headline in the UI language (its zh_CN text: /work/tr/law-reproduce.json)
    headline = QCoreApplication.translate("Refusal", HEADLINES["same_drive"])
    assert headline in dlg.banner.text(), dlg.banner.text()
    assert office.snapshot() == before
    new_iso = tmp_path / "new.iso"
    dlg.new_drive.setEditText(f"stdio:{new_iso}")
    text = ui.submit(dlg)
    assert text is not None, dlg.banner.text()
    k = office.session("K001")
    assert lookup.scan(k, d).status == "retired"
    new = lookup.scan(k, o).partner
    assert new is not None and new["code"] != d and new["status"] == "in_custody"
    assert new["code"] in text and new_iso.exists()
    # done once: the counter no longer offers it; the reseal closes the use of the original
    qtbot.waitUntil(lambda: "reproduce_duplicate" not in m.counter.record.buttons)
    assert "reseal" in m.counter.record.buttons


def test_the_head_sees_the_facts_and_the_keeper_records_the_use(
    ui, keeper_app, office: Office, qtbot
) -> None:
    """Check a doubted duplicate: who doubts it and why are in the head's inbox and in the
    decision dialog; the unsealing records the use of the original with its estimated time."""
    o, _d = office.handed_over_pair()
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["request_unseal"].click()
    req = m.dialog
    req.reason.setCurrentIndex(req.reason.findData("check_duplicate"))
    before = office.snapshot()
    assert ui.submit(req) is None  # no facts: refused, nothing recorded
    assert office.snapshot() == before
    req.doubted_by.setText("辩护律师王某")
    req.doubt.setPlainText("副本时间码不连续")
    assert ui.submit(req) is not None, req.banner.text()
    m.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    head = ui.sign_in("D001")
    qtbot.waitUntil(lambda: head.inbox.approvals.rowCount() == 1)
    row = head.inbox.approvals.row(0)
    assert (row["doubted_by"], row["doubt"]) == ("辩护律师王某", "副本时间码不连续")
    head.inbox.approve.click()
    dec = head.dialog
    assert "辩护律师王某" in dec.summary.text() and "副本时间码不连续" in dec.summary.text()
    ui.sign(dec, "head")
    assert ui.submit(dec) is not None, dec.banner.text()
    head.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["unseal"].click()
    uns = m.dialog
    uns.hours.setValue(3)
    ui.sign(uns, "keeper")
    ui.sign(uns, "witness", badge="K002")
    assert ui.submit(uns) is not None, uns.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "unsealed")
    use = lookup.scan(office.session("K001"), o).original_use
    assert use is not None
    assert (use["user_badge"], use["est_usage_hours"], use["purpose"]) == (
        "K002",
        3,
        "check_duplicate",
    )
