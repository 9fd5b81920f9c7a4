"""Drives, discs and USB disks through the real pyudev/libudev, against fake devices made by
umockdev (tests/data/umockdev/*.umockdev): `keeper drives` under umockdev-run, and hotplug
events reaching a Qt object through the QSocketNotifier (umockdev_driver.py under
umockdev-wrapper)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from burning_helpers import run

pytestmark = pytest.mark.realtool

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "umockdev"
ROOT = HERE.parents[1]


def _drives(*descriptions: str, db: Path) -> dict[str, Any]:
    umockdev_run = shutil.which("umockdev-run")
    assert umockdev_run, "umockdev-run is missing (Debian package umockdev)"
    args = [a for d in descriptions for a in ("-d", str(DATA / d))]
    r = run(
        [
            umockdev_run,
            *args,
            "--",
            sys.executable,
            "-m",
            "keeper_app",
            "--db",
            str(db),
            "drives",
            "--json",
        ],
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_an_empty_drive(tmp_path: Path) -> None:
    d = _drives("empty-drive.umockdev", db=tmp_path / "k.sqlite")
    [drive] = d["drives"]
    assert drive["devnode"] == "/dev/sr0"
    assert drive["name"] == "HL-DT-ST DVDRAM GH24NSD1"
    assert drive["can_burn"] and {"DVD-R", "DVD+R", "CD-R"} <= set(drive["writes"])
    assert drive["disc"] is None and drive["blank"] is None
    assert d["usb_disks"] == []


def test_a_blank_disc(tmp_path: Path) -> None:
    [drive] = _drives("blank-disc.umockdev", db=tmp_path / "k.sqlite")["drives"]
    assert drive["disc"]["media_type"] == "DVD-R"
    assert drive["blank"] is True and drive["disc"]["size_bytes"] == 0
    assert drive["keeper_code"] is None


def test_a_burned_keeper_disc(tmp_path: Path) -> None:
    [drive] = _drives("burned-disc.umockdev", db=tmp_path / "k.sqlite")["drives"]
    disc = drive["disc"]
    assert (disc["media_type"], disc["state"], disc["fs_type"]) == ("DVD-R", "complete", "iso9660")
    assert drive["blank"] is False and disc["size_bytes"] == 9180160 * 512
    assert drive["keeper_code"] == "31012026000001O7"


def test_a_usb_disk_with_its_partition(tmp_path: Path) -> None:
    d = _drives("usb-disk.umockdev", "empty-drive.umockdev", db=tmp_path / "k.sqlite")
    assert len(d["drives"]) == 1
    [usb] = d["usb_disks"]
    assert (usb["devnode"], usb["name"], usb["serial"]) == (
        "/dev/sdb",
        "SanDisk Cruzer Blade",
        "4C530001230917116393",
    )
    assert usb["size_bytes"] == 30031872 * 512 and usb["removable"]
    [p] = usb["partitions"]
    assert (p["devnode"], p["number"], p["fs_type"], p["label"], p["uuid"]) == (
        "/dev/sdb1",
        1,
        "vfat",
        "REC_USB",
        "1A2B-3C4D",
    )


def test_the_text_listing(tmp_path: Path) -> None:
    r = run(
        [
            shutil.which("umockdev-run") or "umockdev-run",
            "-d",
            str(DATA / "blank-disc.umockdev"),
            "-d",
            str(DATA / "usb-disk.umockdev"),
            "--",
            sys.executable,
            "-m",
            "keeper_app",
            "--db",
            str(tmp_path / "k.sqlite"),
            "drives",
        ],
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert "/dev/sr0  HL-DT-ST DVDRAM GH24NSD1" in r.stdout and "blank DVD-R" in r.stdout
    assert "/dev/sdb1  vfat  REC_USB  15.4 GB" in r.stdout


def test_hotplug_events_reach_a_qt_object(tmp_path: Path) -> None:
    wrapper = shutil.which("umockdev-wrapper")
    assert wrapper, "umockdev-wrapper is missing (Debian package umockdev)"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = run([wrapper, sys.executable, str(HERE / "umockdev_driver.py")], cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["steps"] == ["insert_disc", "plug_usb", "remove_disc"]
    got = out["got"]
    signals = [g["signal"] for g in got if g["signal"] != "deviceEvent"]
    assert signals == ["discInserted", "usbDiskAdded", "discRemoved"]
    inserted = next(g["record"] for g in got if g["signal"] == "discInserted")
    assert inserted["devnode"] == "/dev/sr0"
    assert inserted["disc"]["label"] == "K31012026000001O7"
    assert inserted["keeper_code"] == "31012026000001O7" and inserted["blank"] is False
    usb = next(g["record"] for g in got if g["signal"] == "usbDiskAdded")
    assert usb["devnode"] == "/dev/sdb" and usb["partitions"][0]["label"] == "REC_USB"
    removed = next(g["record"] for g in got if g["signal"] == "discRemoved")
    assert removed["disc"] is None
    # what arrives are Keeper's plain records, never pyudev objects
    assert {g["type"] for g in got if "type" in g} == {"keeper_app.devices.model.DeviceEvent"}
    assert out["before"]["drives"][0]["disc"] is None and out["before"]["usb_disks"] == []
    assert len(out["after"]["usb_disks"]) == 1 and out["after"]["drives"][0]["disc"] is None
