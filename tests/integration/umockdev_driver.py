"""Run under ``umockdev-wrapper`` (LD_PRELOAD of libumockdev-preload) by test_devices_umockdev:
builds a umockdev testbed through libumockdev's C API (ctypes; no GObject introspection
needed), starts Keeper's real DeviceWatcher in a Qt event loop, then changes the fake devices
and sends uevents: a disc inserted, a USB disk plugged in, the disc taken out. Prints one JSON
line with what the watcher's signals delivered to a receiving QObject, and the listing before
and after.

umockdev-run cannot change devices while the program runs ("for those you need to use
libumockdev directly"), hence this driver.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "umockdev"
SR0 = "/sys/devices/pci0000:00/0000:00:1f.2/ata2/host1/target1:0:0/1:0:0:0/block/sr0"


class Testbed:
    def __init__(self) -> None:
        if "libumockdev-preload" not in os.environ.get("LD_PRELOAD", ""):
            raise SystemExit("libumockdev-preload is not preloaded: run under umockdev-wrapper")
        lib = ctypes.CDLL("libumockdev.so.0")
        lib.umockdev_testbed_new.restype = ctypes.c_void_p
        lib.umockdev_testbed_add_from_string.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_void_p,
        ]
        lib.umockdev_testbed_add_from_string.restype = ctypes.c_int
        lib.umockdev_testbed_set_property.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
        ]
        lib.umockdev_testbed_uevent.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
        self.lib = lib
        self.tb = lib.umockdev_testbed_new()

    def add(self, name: str) -> None:
        text = (DATA / name).read_bytes()
        if not self.lib.umockdev_testbed_add_from_string(self.tb, text, None):
            raise SystemExit(f"umockdev cannot load {name}")

    def set_props(self, dev: str, **props: str) -> None:
        for k, v in props.items():
            self.lib.umockdev_testbed_set_property(self.tb, dev.encode(), k.encode(), v.encode())

    def uevent(self, dev: str, action: str) -> None:
        self.lib.umockdev_testbed_uevent(self.tb, dev.encode(), action.encode())


def main() -> int:
    tb = Testbed()
    tb.add("empty-drive.umockdev")

    from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

    from keeper_app.devices import Udev
    from keeper_app.devices.qt_watch import DeviceWatcher

    app = QCoreApplication(sys.argv[:1])
    udev = Udev()
    before = udev.snapshot().to_dict()

    class Receiver(QObject):
        """Stands for the window: records what reaches it through the signals."""

        def __init__(self) -> None:
            super().__init__()
            self.got: list[dict[str, object]] = []

        @Slot(object)
        def disc_inserted(self, drive: object) -> None:
            self.got.append({"signal": "discInserted", "record": drive.to_dict()})  # type: ignore[attr-defined]

        @Slot(object)
        def disc_removed(self, drive: object) -> None:
            self.got.append({"signal": "discRemoved", "record": drive.to_dict()})  # type: ignore[attr-defined]

        @Slot(object)
        def usb_added(self, usb: object) -> None:
            self.got.append({"signal": "usbDiskAdded", "record": usb.to_dict()})  # type: ignore[attr-defined]

        @Slot(object)
        def event(self, ev: object) -> None:  # type: ignore[override]
            self.got.append(
                {
                    "signal": "deviceEvent",
                    "what": ev.what,  # type: ignore[attr-defined]
                    "type": type(ev).__module__ + "." + type(ev).__name__,
                }
            )

    rx = Receiver()
    watcher = DeviceWatcher(udev)
    watcher.discInserted.connect(rx.disc_inserted)
    watcher.discRemoved.connect(rx.disc_removed)
    watcher.usbDiskAdded.connect(rx.usb_added)
    watcher.deviceEvent.connect(rx.event)

    steps = []

    def insert_disc() -> None:
        tb.set_props(
            SR0,
            ID_CDROM_MEDIA="1",
            ID_CDROM_MEDIA_DVD_R="1",
            ID_CDROM_MEDIA_STATE="complete",
            ID_FS_TYPE="iso9660",
            ID_FS_LABEL="K31012026000001O7",
        )
        tb.uevent(SR0, "change")
        steps.append("insert_disc")

    def plug_usb() -> None:
        tb.add("usb-disk.umockdev")  # libumockdev sends the "add" uevents itself
        steps.append("plug_usb")

    def remove_disc() -> None:
        tb.set_props(
            SR0, ID_CDROM_MEDIA="0", ID_CDROM_MEDIA_STATE="", ID_FS_TYPE="", ID_FS_LABEL=""
        )
        tb.uevent(SR0, "change")
        steps.append("remove_disc")

    # no processEvents loop: the events must arrive through the QSocketNotifier
    # each step once the previous one has reached the receiver; give up after 20 s
    def arrived(signal: str) -> bool:
        return any(g["signal"] == signal for g in rx.got)

    plan = [
        (insert_disc, None),
        (plug_usb, "discInserted"),
        (remove_disc, "usbDiskAdded"),
        (app.quit, "discRemoved"),
    ]

    def tick() -> None:
        while plan and (plan[0][1] is None or arrived(plan[0][1])):
            plan.pop(0)[0]()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    timer.stop()
    after = udev.snapshot().to_dict()
    watcher.stop()
    print(json.dumps({"steps": steps, "got": rx.got, "before": before, "after": after}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
