"""Issue 14, point 7, at the counter: a court clerk cannot sign as the witness of an unsealing
or as the second sealer of a reseal (Art. 18; Art. 129 of the supervision seed). The dialog
says why, stays open, and nothing is written; a reviewer of the organ signs instead."""

from __future__ import annotations

from conftest import Office

from keeper_app.services import admin, custody
from keeper_app.ui.app import KeeperApp

from .test_workflows import open_record


def signed_by(dialog, badge: str) -> bool:
    cred = dialog.signers.credential("witness")
    return cred is not None and cred.badge == badge


def test_the_witness_and_the_second_sealer_are_staff_of_the_organ(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    o, _d = office.handed_over_pair()
    aid = custody.request_unseal(
        office.session("K001"), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本存疑"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    m = ui.sign_in("K001")
    open_record(m, qtbot, o)
    m.counter.record.buttons["unseal"].click()
    uns = m.dialog
    ui.sign(uns, "keeper")
    ui.sign(uns, "witness", badge="C001")  # the court clerk
    before, changes = office.snapshot(), office.changes()
    assert ui.submit(uns) is None
    shown = uns.banner.text()
    assert "郑书记员" in shown  # the detail names who cannot sign
    assert "第129条" in shown  # the article it rests on
    assert office.snapshot() == before and office.changes() == changes
    assert admin.verify_audit(office.db).ok
    ui.sign(uns, "witness", badge="R001")  # a reviewer: staff of the organ
    qtbot.waitUntil(lambda: signed_by(uns, "R001"))
    assert ui.submit(uns) is not None, uns.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "unsealed")

    m.counter.record.buttons["reseal"].click()
    res = m.dialog
    res.seal_no.setText("FC-2026-0200")
    ui.sign(res, "keeper")
    ui.sign(res, "witness", badge="C001")
    before, changes = office.snapshot(), office.changes()
    assert ui.submit(res) is None
    assert "郑书记员" in res.banner.text()
    assert office.snapshot() == before and office.changes() == changes
    ui.sign(res, "witness", badge="H001")
    qtbot.waitUntil(lambda: signed_by(res, "H001"))
    assert ui.submit(res) is not None, res.banner.text()
    qtbot.waitUntil(lambda: m.counter.record.record.status == "sealed")
