"""Optical drives, discs and USB disks (pyudev), as plain records; hotplug through a udev
monitor. :mod:`.qt_watch` (the only module here that imports Qt) turns the monitor's events
into Qt signals with a QSocketNotifier."""

from __future__ import annotations

from .model import DeviceEvent, Disc, OpticalDrive, Partition, UsbDisk
from .udev import DeviceError, Snapshot, Udev


def snapshot() -> Snapshot:
    """Every optical drive (with its disc) and every USB disk (with its partitions) now."""
    return Udev().snapshot()


__all__ = [
    "DeviceError",
    "DeviceEvent",
    "Disc",
    "OpticalDrive",
    "Partition",
    "Snapshot",
    "Udev",
    "UsbDisk",
    "snapshot",
]
