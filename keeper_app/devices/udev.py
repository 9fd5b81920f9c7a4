"""Optical drives, their discs, and USB disks, through pyudev; and a udev monitor whose
events come out as :class:`~.model.DeviceEvent` records.

The properties udev's rules set are the source: ``ID_CDROM*`` (cdrom_id: drive abilities,
disc type and state), ``ID_FS_*`` (blkid: file system and label), ``ID_BUS=usb``. The
translation from properties to records is plain functions, tested with fake devices (umockdev).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import MEDIA_TYPES, WRITE_CAPS, DeviceEvent, Disc, OpticalDrive, Partition, UsbDisk


class DeviceError(Exception):
    """Devices cannot be listed or watched; the message says why and what to install."""


def _load_pyudev() -> Any:
    try:
        import pyudev
    except ImportError:
        raise DeviceError(
            "pyudev is not installed (pip install pyudev, or Debian package "
            "python3-pyudev): drives and USB disks cannot be listed"
        ) from None
    return pyudev


def _text(v: str | None) -> str:
    return (v or "").replace("_", " ").strip()


def _int(v: object, default: int = 0) -> int:
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return default


_ESC = re.compile(r"\\(\d{3})")


def mountpoints(mounts_file: str = "/proc/self/mounts") -> dict[str, str]:
    """device node -> first mount point (octal escapes in the file undone)."""
    out: dict[str, str] = {}
    try:
        text = Path(mounts_file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("/dev/"):
            out.setdefault(parts[0], _ESC.sub(lambda m: chr(int(m.group(1), 8)), parts[1]))
    return out


# ------------------------------------------------------------------ properties -> records
def is_optical(props: Mapping[str, str]) -> bool:
    return props.get("ID_CDROM") == "1" and props.get("DEVTYPE", "disk") == "disk"


def is_usb_disk(props: Mapping[str, str]) -> bool:
    return (
        props.get("DEVTYPE") == "disk"
        and props.get("ID_BUS") == "usb"
        and props.get("ID_CDROM") != "1"
    )


def is_usb_partition(props: Mapping[str, str]) -> bool:
    return props.get("DEVTYPE") == "partition" and props.get("ID_BUS") == "usb"


def disc_from(props: Mapping[str, str], attrs: Mapping[str, str]) -> Disc | None:
    if props.get("ID_CDROM_MEDIA") != "1":
        return None
    media = next(
        (name for key, name in MEDIA_TYPES if props.get(f"ID_CDROM_MEDIA_{key}") == "1"), ""
    )
    return Disc(
        media_type=media,
        state=props.get("ID_CDROM_MEDIA_STATE", ""),
        fs_type=props.get("ID_FS_TYPE", ""),
        label=props.get("ID_FS_LABEL", ""),
        size_bytes=_int(attrs.get("size")) * 512,
        sessions=_int(props.get("ID_CDROM_MEDIA_SESSION_COUNT")),
    )


def optical_from(
    props: Mapping[str, str],
    attrs: Mapping[str, str],
    sys_path: str,
    parent_attrs: Mapping[str, str] | None = None,
) -> OpticalDrive:
    parent_attrs = parent_attrs or {}
    vendor = _text(props.get("ID_VENDOR")) or parent_attrs.get("vendor", "").strip()
    model = _text(props.get("ID_MODEL")) or parent_attrs.get("model", "").strip()
    if vendor and model.startswith(vendor + " "):
        model = model[len(vendor) + 1 :]
    writes = tuple(name for key, name in WRITE_CAPS if props.get(f"ID_CDROM_{key}") == "1")
    return OpticalDrive(
        devnode=props.get("DEVNAME", ""),
        sys_path=sys_path,
        vendor=vendor,
        model=model,
        serial=props.get("ID_SERIAL_SHORT", "") or props.get("ID_SERIAL", ""),
        writes=writes,
        disc=disc_from(props, attrs),
    )


def partition_from(
    props: Mapping[str, str], attrs: Mapping[str, str], mounts: Mapping[str, str]
) -> Partition:
    node = props.get("DEVNAME", "")
    return Partition(
        devnode=node,
        number=_int(attrs.get("partition"))
        or _int(props.get("PARTN"))
        or _int(props.get("ID_PART_ENTRY_NUMBER")),
        size_bytes=_int(attrs.get("size")) * 512,
        fs_type=props.get("ID_FS_TYPE", ""),
        label=props.get("ID_FS_LABEL", ""),
        uuid=props.get("ID_FS_UUID", ""),
        mountpoint=mounts.get(node, ""),
    )


def usb_disk_from(
    props: Mapping[str, str],
    attrs: Mapping[str, str],
    sys_path: str,
    partitions: tuple[Partition, ...] = (),
) -> UsbDisk:
    return UsbDisk(
        devnode=props.get("DEVNAME", ""),
        sys_path=sys_path,
        vendor=_text(props.get("ID_VENDOR")),
        model=_text(props.get("ID_MODEL")),
        serial=props.get("ID_SERIAL_SHORT", ""),
        size_bytes=_int(attrs.get("size")) * 512,
        removable=attrs.get("removable", "1").strip() == "1",
        partitions=tuple(sorted(partitions, key=lambda p: p.number)),
    )


# ------------------------------------------------------------------ pyudev
def _props(dev: Any) -> dict[str, str]:
    return {k: dev.properties.get(k) for k in dev.properties}


def _attrs(
    dev: Any, names: tuple[str, ...] = ("size", "removable", "partition", "ro")
) -> dict[str, str]:
    out = {}
    for n in names:
        try:
            v = dev.attributes.get(n)
        except Exception:  # attributes of a vanished device
            v = None
        if v is not None:
            out[n] = v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
    return out


@dataclass
class Snapshot:
    drives: list[OpticalDrive] = field(default_factory=list)
    usb_disks: list[UsbDisk] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "drives": [d.to_dict() for d in self.drives],
            "usb_disks": [u.to_dict() for u in self.usb_disks],
        }


class Udev:
    """The devices backend: lists and watches through libudev."""

    def __init__(self) -> None:
        self.pyudev = _load_pyudev()
        try:
            self.context = self.pyudev.Context()
        except Exception as exc:  # libudev missing or unusable
            raise DeviceError(f"udev is not available: {exc}") from None

    def _optical(self, dev: Any) -> OpticalDrive:
        parent = dev.find_parent("scsi")
        return optical_from(
            _props(dev),
            _attrs(dev),
            dev.sys_path,
            _attrs(parent, ("vendor", "model")) if parent is not None else {},
        )

    def optical_drives(self) -> list[OpticalDrive]:
        return sorted(
            (
                self._optical(d)
                for d in self.context.list_devices(subsystem="block")
                if is_optical(d.properties)
            ),
            key=lambda d: d.devnode,
        )

    def _usb(self, dev: Any, mounts: Mapping[str, str]) -> UsbDisk:
        parts = tuple(
            partition_from(_props(c), _attrs(c), mounts)
            for c in self.context.list_devices(subsystem="block", parent=dev)
            if c.device_type == "partition"
        )
        return usb_disk_from(_props(dev), _attrs(dev), dev.sys_path, parts)

    def usb_disks(self) -> list[UsbDisk]:
        mounts = mountpoints()
        return sorted(
            (
                self._usb(d, mounts)
                for d in self.context.list_devices(subsystem="block")
                if is_usb_disk(d.properties)
            ),
            key=lambda u: u.devnode,
        )

    def snapshot(self) -> Snapshot:
        return Snapshot(self.optical_drives(), self.usb_disks())

    def monitor(self) -> Monitor:
        return Monitor(self)

    def event(self, dev: Any, previous: dict[str, bool]) -> DeviceEvent | None:
        """A monitor's device as a record (``previous``: devnode -> had a disc)."""
        action = dev.action or "change"
        props = _props(dev)
        node, sys_path = props.get("DEVNAME", ""), dev.sys_path
        if action != "remove":
            try:  # the event carries few properties: read the device as it is now
                dev = self.pyudev.Devices.from_sys_path(self.context, sys_path)
                props = _props(dev)
            except Exception:
                pass
        if is_optical(props):
            drive = self._optical(dev) if action != "remove" else optical_from(props, {}, sys_path)
            had = previous.get(node, False)
            has = drive.disc is not None and action != "remove"
            previous[node] = has
            if action == "add":
                what = "drive_added"
            elif action == "remove":
                what = "drive_removed"
            elif has and not had:
                what = "disc_inserted"
            elif had and not has:
                what = "disc_removed"
            else:
                what = "changed"
            return DeviceEvent(action, what, node, sys_path, drive=drive)
        if is_usb_disk(props):
            usb = (
                self._usb(dev, mountpoints())
                if action != "remove"
                else usb_disk_from(props, {}, sys_path)
            )
            what = {"add": "usb_added", "remove": "usb_removed"}.get(action, "changed")
            return DeviceEvent(action, what, node, sys_path, usb=usb)
        if is_usb_partition(props):
            part = partition_from(props, _attrs(dev) if action != "remove" else {}, mountpoints())
            what = {"add": "partition_added", "remove": "partition_removed"}.get(action, "changed")
            return DeviceEvent(action, what, node, sys_path, partition=part)
        return None


class Monitor:
    """A started udev monitor on block devices; :meth:`fileno` for a poll loop or a
    QSocketNotifier, :meth:`read_events` never blocks."""

    def __init__(self, udev: Udev):
        self.udev = udev
        self._mon = udev.pyudev.Monitor.from_netlink(udev.context)
        self._mon.filter_by("block")
        self._mon.start()
        self._had_disc = {d.devnode: d.disc is not None for d in udev.optical_drives()}

    def fileno(self) -> int:
        return int(self._mon.fileno())

    def read_events(self) -> list[DeviceEvent]:
        out: list[DeviceEvent] = []
        while True:
            dev = self._mon.poll(timeout=0)
            if dev is None:
                return out
            ev = self.udev.event(dev, self._had_disc)
            if ev is not None:
                out.append(ev)

    def close(self) -> None:
        """Drop the monitor (libudev closes its socket when the last reference goes)."""
        self._mon = None
