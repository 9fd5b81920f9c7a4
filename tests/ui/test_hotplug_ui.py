"""Hotplug reaching the main window (issue 5, 1): under umockdev, a burned Keeper disc put in
the drive is noticed by the window's DeviceWatcher at once, offered for identification and
identified against the register (its label and manifest read from the fake drive); a USB
disk plugged in and the disc taken out are shown in the status bar. Without udev the window
still opens and says the drives are not watched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORD, Office

from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.ui.main_window import MainWindow

pytestmark = pytest.mark.realtool

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_a_burned_disc_inserted_is_offered_and_identified_in_the_window(
    office: Office, tmp_path: Path
) -> None:
    wrapper = shutil.which("umockdev-wrapper")
    assert wrapper, "umockdev-wrapper is missing (Debian package umockdev)"
    st = StorageSettings.for_database(office.path)
    s = office.session("H001")
    rids = add_sample_recordings(
        s, st, "A2026-001", "王某某", office.clock() - timedelta(hours=6), count=1, seconds=2.0
    )
    o_iso = tmp_path / "o.iso"
    pair = PairBurn(s, rids, [f"stdio:{o_iso}", f"stdio:{tmp_path / 'd.iso'}"], st).run()
    office.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [
            wrapper,
            sys.executable,
            str(HERE / "hotplug_driver.py"),
            str(office.path),
            str(o_iso),
            str(tmp_path / "keeper.ini"),
            "K001",
            PASSWORD,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env=env,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    out: dict[str, Any] = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["watched"] is True and out["state"] == "Drives watched"
    assert out["steps"] == ["insert_disc", "identify", "plug_usb", "remove_disc"], out
    assert out["left"] == 0, out
    volume = "K" + pair.original
    msgs = out["messages"]
    assert any(volume in m and "/dev/sr0" in m for m in msgs), msgs
    assert volume in out["offer"]
    # identified against the register, from what the drive holds
    assert out["error"] is None, out
    ident = out["identity"]
    assert (ident["code"], ident["registered"], ident["manifest_matches"]) == (
        pair.original,
        True,
        True,
    )
    assert (ident["status"], ident["copy_role"]) == ("burned", "original")
    assert ident["label"]["person_interrogated"] == "王某某"
    assert out["banner"][0] == "ok"
    assert any("SanDisk Cruzer Blade" in m and "/dev/sdb" in m for m in msgs), msgs
    assert any("taken out of /dev/sr0" in m for m in msgs), msgs


def test_without_udev_the_window_opens_and_says_drives_are_not_watched(
    ui: Any, office: Office, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # udev unavailable the way a machine without libudev is: pyudev cannot be imported
    monkeypatch.setitem(sys.modules, "pyudev", None)
    m: MainWindow = ui.sign_in("K001")
    hub = m.discs.hub
    assert hub.watcher is None and "pyudev" in hub.unavailable
    assert hub.state.isVisible() and hub.state.toolTip() == hub.unavailable
    assert m.counter is not None  # the window works on
