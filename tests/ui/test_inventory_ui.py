"""Inventory: a keeper's stocktaking of the shelves as a recorded session (issue 16) — the
expected media of a location (with those out on record), a burst of scans recorded as
observations, what is missing, the discs flagged (elsewhere, out, unknown, malformed, twice),
the CSV, the discs out confirmed, a disc not located, the closing signed by the keeper and a
witness, the record printed; not offered to a case handler."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import Office

from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, inventory, lookup
from keeper_app.store import media as media_repo
from keeper_app.ui.dialogs.inventory import InventoryDialog
from keeper_app.ui.labels import label

from .test_scan import scan


def shelves(office: Office) -> dict[str, str]:
    """Three handed-over pairs: originals at 柜A-01, duplicates at 柜B-01 (conftest); the
    third duplicate moved to 柜B-02, the second one retrieved (out)."""
    o1, d1 = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某")
    o3, d3 = office.handed_over_pair("B2026-002", "H003", "赵某")
    k = office.session("K001")
    custody.set_location(k, d3, "柜B-02")
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    return {"o1": o1, "d1": d1, "o2": o2, "d2": d2, "o3": o3, "d3": d3}


def open_inventory(m, qtbot, prefix: str) -> InventoryDialog:
    assert not m.extras.inventory_button.isHidden()  # a keeper gets the action
    m.extras.inventory_button.click()
    dlg = m.extras.inventory_dialog
    assert isinstance(dlg, InventoryDialog) and dlg.isVisible()
    dlg.location.setText(prefix)
    dlg.show_button.click()
    qtbot.waitUntil(lambda: dlg.rows is not None and not dlg.loading, timeout=10_000)
    return dlg


def scanned(qtbot, dlg: InventoryDialog, widget, code: str) -> None:
    """A scan, and its observation recorded."""
    scan(qtbot, widget, code)
    qtbot.waitUntil(lambda: not dlg.busy and not dlg.pending, timeout=10_000)


def test_the_service_lists_what_should_be_on_the_shelves(office: Office) -> None:
    x = shelves(office)
    k = office.session("K001")
    rows = lookup.inventory_expected(k, "柜B")
    assert [r["code"] for r in rows] == [x["d1"], x["d3"]]  # d2 is out
    assert rows[1] == {
        "code": x["d3"],
        "copy_role": "duplicate",
        "status": "in_custody",
        "location": "柜B-02",
        "case_no": "B2026-002",
    }
    assert [r["code"] for r in lookup.inventory_expected(k, " 柜B-02 ")] == [x["d3"]]
    assert {r["code"] for r in lookup.inventory_expected(k, None)} == {
        x["o1"],
        x["o2"],
        x["o3"],
        x["d1"],
        x["d3"],
    }
    assert lookup.inventory_expected(k, "柜C") == []
    assert lookup.inventory_expected(k, "%") == []  # a prefix, not a pattern
    assert len(lookup.inventory_expected(k, "", limit=2)) == 2
    with pytest.raises(RuleViolation) as ei:
        lookup.inventory_expected(office.session("H001"), "柜B")
    assert ei.value.code == "role_refused"


def test_a_scan_burst_ticks_off_the_shelf_and_flags_the_rest(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    dlg = open_inventory(m, qtbot, "柜B")
    # expected: the two on the shelf and the one out on a retrieval (to be accounted for)
    assert dlg.missing() == [x["d1"], x["d2"], x["d3"]]
    assert "3" in dlg.count.text()
    sounds: list[str] = []
    m.ctx.feedback.played.connect(sounds.append)
    # a burst: the scanner types fast, wherever the focus is (here: the location field)
    dlg.location.setFocus()
    scan(qtbot, dlg.location, x["d3"])
    scan(qtbot, dlg.location, x["o1"])  # registered, on the shelves, but at 柜A-01
    scan(qtbot, dlg.location, x["d2"])  # out (retrieved)
    scan(qtbot, dlg.location, x["d3"])  # the same disc twice
    qtbot.waitUntil(lambda: len(sounds) == 4 and not dlg.busy, timeout=10_000)
    assert dlg.location.text() == "柜B"  # the scans did not go into the field
    # d2, recorded out, was found on the shelf: its observation is "unexpected"
    assert dlg.found == [x["d3"], x["d2"]] and dlg.missing() == [x["d1"]]
    assert sounds == ["accepted", "refused", "refused", "refused"]
    assert [f.kind for f in dlg.flags] == ["elsewhere", "not_held", "twice"]
    assert "柜A-01" in dlg.flags[0].note and label("Status", "sealed") in dlg.flags[0].note
    assert label("Status", "out") in dlg.flags[1].note and "柜B-01" in dlg.flags[1].note
    assert label("Status", "out") == "已调出"  # the dialog speaks Chinese
    assert dlg.flag_list.count() == 3
    row = dlg.index[x["d3"]]
    assert dlg.table.item(row, 5).text() == "✔"
    assert dlg.table.item(dlg.index[x["d1"]], 5).text() == dlg.tr("missing")
    assert dlg.count.text() == (
        dlg.tr("Expected %1 · found %2 · still missing %3 · flagged %4")
        .replace("%1", "3")
        .replace("%2", "2")
        .replace("%3", "1")
        .replace("%4", "3")
    )
    # the last one in: a typed code from a damaged label
    scanned(qtbot, dlg, dlg.entry, x["d1"])
    assert dlg.missing() == [] and dlg.banner.kind == "ok"
    # each scan is an observation of the session (the same disc twice: one)
    rec = inventory.record(office.session("K001"), dlg.session_id)
    assert {r["code"]: r["kind"] for r in rec["expected"]} == {
        x["d1"]: "shelf",
        x["d2"]: "unexpected",
        x["d3"]: "shelf",
    }
    assert [(r["code"], r["kind"]) for r in rec["unexpected"]] == [(x["o1"], "unexpected")]
    # the CSV, through the file dialog, as a person does
    dlg.save_button.click()
    fd = dlg.file_dialog
    assert fd is not None and fd.isVisible()
    target = tmp_path / "inventory-b"
    fd.selectFile(str(target))
    fd.accept()
    saved = tmp_path / "inventory-b.csv"
    qtbot.waitUntil(lambda: saved.exists() and dlg.banner.kind == "ok")
    with saved.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    yes = dlg.tr("yes")
    assert rows[0] == [dlg.tr("Code"), dlg.tr("Expected location"), dlg.tr("Found"), dlg.tr("Note")]
    assert rows[1] == [x["d1"], "柜B-01", yes, ""]
    assert rows[2] == [x["d2"], "柜B-01", yes, dlg.flags[1].note]
    assert rows[3] == [x["d3"], "柜B-02", yes, ""]
    assert rows[4][:3] == [x["o1"], "柜A-01", yes] and "柜A-01" in rows[4][3]
    assert len(rows) == 5


def test_missing_discs_are_listed_and_saved_as_missing(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    dlg = open_inventory(m, qtbot, "柜A")
    assert dlg.missing() == sorted([x["o1"], x["o2"], x["o3"]])
    scanned(qtbot, dlg, dlg.entry, x["o2"])
    assert dlg.missing() == sorted([x["o1"], x["o3"]])
    dlg.save_to(str(tmp_path / "a.csv"))
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r[0]: r for r in list(csv.reader(fh))[1:]}
    no, missing = dlg.tr("no"), dlg.tr("missing")
    assert rows[x["o1"]] == [x["o1"], "柜A-01", no, missing]
    assert rows[x["o3"]] == [x["o3"], "柜A-01", no, missing]
    assert rows[x["o2"]][2] == dlg.tr("yes")


def test_malformed_and_unknown_scans_change_nothing(ui, office: Office, qtbot) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    dlg = open_inventory(m, qtbot, "柜B")
    before = office.snapshot()
    sounds: list[str] = []
    m.ctx.feedback.played.connect(sounds.append)
    scan(qtbot, dlg.entry, "3101-2026-XYZ")  # malformed
    assert dlg.banner.kind == "error" and sounds == ["refused"]
    assert [f.kind for f in dlg.flags] == ["malformed"]
    wrong = x["d1"][:-1] + ("0" if x["d1"][-1] != "0" else "1")  # bad check character
    scan(qtbot, dlg.entry, wrong)
    assert [f.kind for f in dlg.flags] == ["malformed", "malformed"]
    # a well-formed code of a pair never registered
    mc = codes.parse(x["d1"])
    ghost = codes.make(mc.unit, mc.year, mc.serial + 90, "D").text
    assert office.snapshot() == before  # malformed: nothing recorded
    scanned(qtbot, dlg, dlg.entry, ghost)
    assert dlg.flags[-1].kind == "unknown" and dlg.banner.kind == "error"
    assert sounds == ["refused"] * 3
    assert dlg.found == [] and dlg.missing() == [x["d1"], x["d2"], x["d3"]]
    # a well-formed code the register does not know is recorded as unexpected, as scanned
    rec = inventory.record(office.session("K001"), dlg.session_id)
    assert [(r["code"], r["medium_id"]) for r in rec["unexpected"]] == [(ghost, None)]


def test_scans_before_the_list_is_shown_are_refused(ui, office: Office, qtbot) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    m.extras.inventory_button.click()
    dlg = m.extras.inventory_dialog
    before = office.snapshot()
    scan(qtbot, dlg.entry, x["d1"])
    assert dlg.rows is None and dlg.banner.kind == "warn" and dlg.found == []
    assert office.snapshot() == before


def test_only_those_who_may_take_stock_get_the_action(ui, office: Office) -> None:
    m = ui.sign_in("H001")  # a case handler
    assert m.extras.inventory_button.isHidden()
    assert m.extras.inventory_dialog is None


def test_a_session_with_scans_a_disc_not_located_and_the_signed_closing(
    ui, office: Office, qtbot
) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    dlg = open_inventory(m, qtbot, "柜A")  # the three sealed originals
    assert dlg.missing() == sorted([x["o1"], x["o2"], x["o3"]])
    scanned(qtbot, dlg, dlg.entry, x["o1"])
    dlg.seal_broken.setChecked(True)  # the keeper sees the seal of o3 is torn
    scanned(qtbot, dlg, dlg.entry, x["o3"])
    assert not dlg.seal_broken.isChecked()  # for that one disc only
    assert dlg.table.item(dlg.index[x["o3"]], 5).text().startswith("✖")
    assert not dlg.close_button.isEnabled()  # o2 has no observation yet
    # o2 is not on the shelf: recorded not located, saying where it was looked for
    dlg.table.selectRow(dlg.index[x["o2"]])
    assert dlg.missing_button.isEnabled()
    dlg.missing_note.setText("柜A 各层、相邻柜均已查找")
    dlg.missing_button.click()
    qtbot.waitUntil(lambda: dlg.missing() == [] and not dlg.busy, timeout=10_000)
    assert dlg.close_button.isEnabled()
    # closing: the keeper and a witness sign
    close = dlg.ask_close()
    assert close is not None and close.isVisible()
    ui.sign(close, "keeper")
    ui.sign(close, "witness", "R001")
    assert ui.submit(close) is not None
    qtbot.waitUntil(lambda: dlg.closed, timeout=10_000)
    assert not dlg.close_button.isEnabled() and not dlg.entry.isEnabled()
    rec = inventory.record(office.session("K001"), dlg.session_id)
    assert rec["closed"] and rec["witness_badge"] == "R001"
    assert [(d["kind"], d["code"], d["head_badge"]) for d in rec["discrepancies"]] == [
        ("not_located", x["o2"], "D001"),
        ("seal_broken", x["o3"], "D002"),  # case B2026-002: 禁毒大队
    ]
    assert media_repo.by_code(office.db.conn, x["o2"]).status.value == "lost"
    # a scan after the closing records nothing
    before = office.snapshot()
    scan(qtbot, dlg.entry, x["o1"])
    assert dlg.banner.kind == "warn" and office.snapshot() == before
    # the record prints
    pd = dlg.open_report()
    assert pd is not None and pd.isVisible()
    assert admin.verify_audit(office.db).ok


def test_the_discs_out_are_confirmed_from_the_register(ui, office: Office, qtbot) -> None:
    x = shelves(office)
    m = ui.sign_in("K001")
    dlg = open_inventory(m, qtbot, "柜B")
    assert dlg.out_button.isEnabled()
    dlg.out_button.click()
    qtbot.waitUntil(lambda: dlg.missing() == [x["d1"], x["d3"]] and not dlg.busy)
    assert not dlg.out_button.isEnabled()
    assert dlg.table.item(dlg.index[x["d2"]], 5).text() == dlg.tr("out on record")
    # the dialog closed and opened again takes up the open session
    dlg.reject()
    again = open_inventory(m, qtbot, "柜B")
    assert again.session_id == dlg.session_id and again.missing() == [x["d1"], x["d3"]]


def test_the_head_resolves_a_discrepancy_in_the_inbox(ui, office: Office, qtbot) -> None:
    x = shelves(office)
    k = office.session("K001")
    sid = inventory.start(k, "柜B-02")
    inventory.scan(k, sid, x["d3"])
    inventory.scan(k, sid, x["o1"])  # an original, expected at 柜A: unexpected here
    inventory.close(k, sid, office.cred("K001"), office.cred("K002"))
    h = ui.sign_in("D001")
    assert h.inbox is not None
    inbox = h.inbox
    qtbot.waitUntil(lambda: len(inbox.inventory.rows) == 1, timeout=10_000)
    row = inbox.inventory.rows[0]
    assert (row["kind"], row["code"], row["location"]) == ("unexpected", x["o1"], "柜A-01")
    inbox.inventory_table.selectRow(0)
    inbox.resolve_inventory.click()
    dlg = h.dialog
    # without saying how: refused, nothing changed
    ui.sign(dlg, "head")
    before = office.snapshot()
    assert ui.submit(dlg) is None
    assert office.snapshot() == before
    dlg.note.setPlainText("原件误放，已归位柜A-01")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    inbox.refresh()
    qtbot.waitUntil(lambda: len(inbox.inventory.rows) == 0, timeout=10_000)
    [d] = inventory.record(k, sid)["discrepancies"]
    assert d["resolution"] == "原件误放，已归位柜A-01" and not d["open"]
    assert admin.verify_audit(office.db).ok
