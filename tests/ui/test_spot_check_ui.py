"""The "Spot check…" dialog (issue 16): a keeper draws the sample from the toolbar; a
reviewer scans each drawn disc, signs, reads it back on a worker (real xorriso, file-backed
drives) and sees the outcome; an altered disc is a mismatch reported to the head; the
reviewer closes with a signed outcome and prints the report."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import Office

from keeper_app.services import admin, lookup, spot_checks
from keeper_app.ui.dialogs.print_dialog import PrintDialog
from keeper_app.ui.dialogs.spot_check import SpotCheckDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from burning_helpers import file_extent, flip_bytes, shelf_of_discs  # noqa: E402


def open_dialog(m, qtbot) -> SpotCheckDialog:
    b = m.discs.spot_check_button
    assert not b.isHidden()
    b.click()
    dlg = m.discs.spot_check_dialog
    assert isinstance(dlg, SpotCheckDialog)
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def test_a_keeper_draws_the_sample_from_the_toolbar(ui, qtbot, office: Office) -> None:
    for person in ("王某", "李某", "赵某", "钱某"):
        office.handed_over_pair(person=person)
    m = ui.sign_in("K001")
    dlg = open_dialog(m, qtbot)
    assert dlg.check_box.isHidden() and dlg.go_button.isHidden()  # a keeper never checks
    assert dlg.data is None and dlg.table.rowCount() == 0
    dlg.draw_button.click()
    qtbot.waitUntil(lambda: dlg.sid is not None and not dlg.running, timeout=10_000)
    assert dlg.table.rowCount() == 3  # max(3, ceil(sqrt(4)))
    assert dlg.banner.kind == "ok" and f"#{dlg.sid}" in dlg.info.text()
    assert not dlg.draw_button.isEnabled()  # one open at a time
    assert spot_checks.current(office.session("K001")) == dlg.sid


def test_a_reviewer_reads_the_drawn_discs_back_and_closes(
    ui, qtbot, office: Office, tmp_path: Path
) -> None:
    images = shelf_of_discs(office, tmp_path, pairs=2)
    sid = spot_checks.draw(office.session("K001"), size=2)
    codes = [i["code"] for i in spot_checks.show(office.session("K001"), sid)["items"]]
    bad = codes[1]
    offset, _ = file_extent(images[bad], f"rec/{sorted(images).index(bad)}/cam1.mp4")
    flip_bytes(images[bad], offset)

    m = ui.sign_in("R001")
    dlg = open_dialog(m, qtbot)
    assert dlg.draw_row.isHidden() and not dlg.check_box.isHidden()
    assert dlg.sid == sid and dlg.table.rowCount() == 2
    # reading back before signing: asked to sign, nothing done
    dlg.code.setText(codes[0])
    dlg.drive.setText(f"stdio:{images[codes[0]]}")
    dlg.go_button.click()
    assert dlg.banner.kind == "warn" and not dlg.running
    ui.sign(dlg, "checker")
    for code, want in ((codes[0], "match"), (bad, "mismatch")):
        dlg.code.setText(code)
        dlg.code.returnPressed.emit()  # the scan selects the disc's row
        assert dlg.table.currentRow() == codes.index(code)
        dlg.drive.setText(f"stdio:{images[code]}")
        dlg.go_button.click()
        qtbot.waitUntil(lambda: not dlg.running, timeout=30_000)
        row = codes.index(code)
        assert dlg.data is not None and dlg.data["items"][row]["outcome"] == want
        assert dlg.table.item(row, 3).text() == dlg.outcome_text(want)
    # the UI speaks Chinese: "marked damaged, and reported to the head of its department"
    assert dlg.banner.kind == "warn" and "已标记为损坏" in dlg.banner.text()
    assert lookup.scan(office.session("K001"), bad).status == "damaged"
    [inc] = lookup.inbox(office.session("D001"))["incidents"]
    assert inc["code"] == bad
    dlg.close_button.click()
    qtbot.waitUntil(lambda: not dlg.running and dlg.data["status"] == "closed", timeout=10_000)
    assert dlg.data["closing"]["outcome"] == "findings"
    assert not dlg.go_button.isEnabled() and not dlg.close_button.isEnabled()
    dlg.print_button.click()
    pd = m.extras.print_dialog
    assert isinstance(pd, PrintDialog) and pd.doc.key == "spot_check"
    pd.reject()
    assert admin.verify_audit(office.db).ok
