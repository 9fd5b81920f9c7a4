"""Scan anywhere: a burst of keystrokes ending in Enter opens the disc, whatever has focus;
bursts are queued and never run together; refusals change nothing."""

from __future__ import annotations

from conftest import Office
from PySide6.QtCore import Qt

from keeper_app.domain import codes
from keeper_app.ui.app import KeeperApp


def scan(qtbot, widget, text: str) -> None:
    """What a USB scanner does: the characters with no pause, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_scan_burst_opens_the_right_disc_wherever_the_focus_is(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    o, d = office.handed_over_pair()
    o2, d2 = office.handed_over_pair("B2026-002", "H003", "李某")
    m = ui.sign_in("K001")
    played: list[str] = []
    keeper_app.feedback.played.connect(played.append)
    assert m.media is not None
    m.tabs.setCurrentWidget(m.media)  # focus in another tab's filter field
    target = m.media.case
    # three scans faster than the screen updates: nothing runs until the event loop turns
    scan(qtbot, target, d)
    scan(qtbot, target, o2)
    scan(qtbot, target, codes.parse(d2).pretty)
    assert target.text() == "", "scanned characters must not reach the focused field"
    counter = m.counter
    assert counter is not None
    qtbot.waitUntil(lambda: counter.log.count() == 3)
    shown = [counter.log.item(i).text() for i in reversed(range(3))]
    assert [codes.parse(c).pretty in s for c, s in zip((d, o2, d2), shown, strict=True)] == [
        True,
        True,
        True,
    ]
    assert counter.record.record.code == d2
    assert m.tabs.currentWidget() is counter
    assert counter.banner.kind == "ok"
    assert played == ["accepted"] * 3


def test_the_record_shows_case_person_status_location_seal_and_history(
    ui, office: Office, qtbot
) -> None:
    o, _d = office.handed_over_pair()
    m = ui.sign_in("K001")
    scan(qtbot, m.counter.manual, o)
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    rec = m.counter.record.record
    assert rec.code == o and rec.copy_role == "original" and rec.status == "sealed"
    view = m.counter.record
    texts = [
        view.fields.itemAt(i).widget().text()
        for i in range(view.fields.count())
        if view.fields.itemAt(i).widget() is not None
    ]
    joined = "\n".join(texts)
    for expected in ("A2026-001", "王某某", "柜A-01", f"S-{o[:14]}", "已封存"):
        assert expected in joined, expected
    assert view.history.rowCount() >= 2  # handover and seal
    assert "request_unseal" in view.buttons and "retrieve" not in view.buttons


def test_same_disc_twice_in_a_row_is_flagged(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    scan(qtbot, m.counter.manual, d)
    qtbot.waitUntil(lambda: m.counter.log.count() == 1)
    assert m.counter.banner.kind == "ok"
    scan(qtbot, m.counter.manual, d)
    qtbot.waitUntil(lambda: m.counter.log.count() == 2)
    assert m.counter.banner.kind == "warn"
    assert codes.parse(d).pretty in m.counter.banner.text()


def test_malformed_scan_changes_nothing_and_beeps(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    played: list[str] = []
    keeper_app.feedback.played.connect(played.append)
    before = office.snapshot()
    bad = d[:-1] + ("0" if d[-1] != "0" else "1")  # a misread check character
    scan(qtbot, m.counter.manual, bad)
    qtbot.waitUntil(lambda: m.counter.log.count() == 1)
    assert m.counter.banner.kind == "error"
    assert m.counter.record.record is None
    assert played == ["refused"]
    unknown = codes.make("3101", 2026, 999, "D").text  # well-formed, not registered
    scan(qtbot, m.counter.manual, unknown)
    qtbot.waitUntil(lambda: m.counter.log.count() == 2)
    assert m.counter.banner.kind == "error"
    assert played == ["refused", "refused"]
    assert office.snapshot() == before


def test_a_person_typing_is_not_taken_for_a_scan(ui, office: Office, qtbot) -> None:
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    field = m.counter.manual
    qtbot.keyClicks(field, d, delay=60)  # a person's speed
    qtbot.waitUntil(lambda: field.text() == d)
    assert m.counter.log.count() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the manual entry field: Enter looks it up
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    assert m.counter.record.record.code == d
