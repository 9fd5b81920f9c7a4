"""Hotplug in the Qt event loop: a QSocketNotifier on the udev monitor's socket, so a disc or a
USB disk inserted is noticed at once, without a polling timer or a thread. The signals carry
plain records (:mod:`.model`), never pyudev objects.

A window connects ``discInserted`` and, when the disc is not blank, offers to identify it
(``services.burning.identify_disc(session, drive.devnode)``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from .model import DeviceEvent
from .udev import Monitor, Udev

log = logging.getLogger(__name__)


class DeviceWatcher(QObject):
    deviceEvent = Signal(object)  # every DeviceEvent
    discInserted = Signal(object)  # OpticalDrive, with its Disc
    discRemoved = Signal(object)  # OpticalDrive
    usbDiskAdded = Signal(object)  # UsbDisk
    usbDiskRemoved = Signal(object)  # UsbDisk (what was known of it)
    drivesChanged = Signal()  # any change to drives or disks: re-read the lists

    def __init__(self, udev: Udev | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.udev = udev or Udev()
        self.monitor: Monitor | None = self.udev.monitor()
        self._notifier = QSocketNotifier(self.monitor.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._ready)

    def _ready(self) -> None:
        if self.monitor is None:
            return
        try:
            events = self.monitor.read_events()
        except Exception:  # a broken event must not stop the watching
            log.exception("reading udev events failed")
            return
        for ev in events:
            self._emit(ev)

    def _emit(self, ev: DeviceEvent) -> None:
        self.deviceEvent.emit(ev)
        if ev.what == "disc_inserted":
            self.discInserted.emit(ev.drive)
        elif ev.what == "disc_removed":
            self.discRemoved.emit(ev.drive)
        elif ev.what == "usb_added":
            self.usbDiskAdded.emit(ev.usb)
        elif ev.what == "usb_removed":
            self.usbDiskRemoved.emit(ev.usb)
        self.drivesChanged.emit()

    def stop(self) -> None:
        self._notifier.setEnabled(False)
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
