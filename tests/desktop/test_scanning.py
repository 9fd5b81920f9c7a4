"""Bursts of scans with the focus anywhere: every code handled, in order, none split, none typed
into a field — also with every core busy."""

from __future__ import annotations

import time

import pytest

from .conftest import App, CpuLoad, _wait, media_codes

N = 100
FOCUS = ("manual_code", "lookup_button", "scan_log", "media_case", "media_table")


def _fields(app: App) -> dict[str, str]:
    return {f["path"]: f["text"] for f in app.state()["fields"]}


def _burst(app: App, codes: list[str], focus: str) -> None:
    if focus.startswith("media"):
        app.click_tab("介质")  # the media tab: its filter field and its table
    app.click(focus)
    time.sleep(0.3)  # the click's own effect (an empty look-up from the button) comes first
    before = len(app.events("counter"))
    fields_before = _fields(app)
    app.scan(*codes)
    _wait(
        lambda: len(app.events("counter")) >= before + len(codes),
        120,
        f"{len(codes)} scans handled (focus in {focus})",
        0.2,
    )
    got = app.events("counter")[before:]
    assert [e["text"] for e in got] == codes, f"lost, split or reordered with focus in {focus}"
    assert all(e["ok"] for e in got), [e for e in got if not e["ok"]][:3]
    fields_after = _fields(app)
    leaked = {
        k: v for k, v in fields_after.items() if v != fields_before.get(k, v) and k in fields_before
    }
    assert not leaked, f"scanned characters reached a field: {leaked}"


@pytest.mark.parametrize("focus", FOCUS)
def test_a_burst_of_100_codes_is_handled_whatever_has_the_focus(app: App, focus: str) -> None:
    codes = media_codes(app.db, N)
    assert len(codes) == N and any(c[-2].isalpha() for c in codes)  # capitals: Shift pressed
    app.sign_in()
    _burst(app, codes, focus)
    scans = app.events("scan")
    assert [s["text"] for s in scans] == codes  # recognised as scans, not typed


@pytest.mark.parametrize("focus", ("manual_code", "media_table"))
def test_under_cpu_load_no_scan_is_lost_or_split(app: App, focus: str) -> None:
    codes = media_codes(app.db, N)
    app.sign_in()
    with CpuLoad():
        _burst(app, codes, focus)


def test_inventory_list_mode_counts_every_scan_and_typing_does_not_reset_it(app: App) -> None:
    """Stocktaking: a burst of scans with the focus in the location field all count as found;
    a code typed by hand in the scan field + Enter counts too, and does not press Show list."""
    on_shelf = media_codes(app.db, 16, status="in_custody")
    app.sign_in()
    app.click("inventory")
    app.click("inventory_show")
    _wait(
        lambda: "已找到 0" in app.state()["labels"].get("inventory_count", ""),
        30,
        "the expected list",
        0.2,
    )
    app.click("inventory_location")
    app.scan(*on_shelf[:15])
    _wait(
        lambda: "已找到 15" in app.state()["labels"].get("inventory_count", ""), 60, "15 found", 0.2
    )
    fields = {f["path"].rsplit("/", 1)[-1]: f["text"] for f in app.state()["fields"]}
    assert fields["inventory_location"] == "", "scanned characters reached the location field"
    app.click("inventory_entry")
    app.type(on_shelf[15])
    app.key("Return")
    _wait(
        lambda: "已找到 16" in app.state()["labels"].get("inventory_count", ""),
        20,
        "the typed code found, the count kept",
        0.2,
    )
