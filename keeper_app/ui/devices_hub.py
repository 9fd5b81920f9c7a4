"""Drives and USB disks in the main window: a :class:`DeviceWatcher` (udev, through a
QSocketNotifier) whose events are shown in the status bar; a burned disc inserted is offered
for identification (its label and manifest read and matched to the register). Without udev
(no pyudev, no netlink socket, a container) the window works as before and says that drives
are not watched."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from ..devices import OpticalDrive, UsbDisk
from ..domain.lifecycle import Action, allowed
from .context import UiContext
from .dialogs.identify_disc import IdentifyDialog
from .ops import Ops

log = logging.getLogger(__name__)


class DeviceHub(QObject):
    drives_changed = Signal()
    open_code = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        ctx: UiContext,
        runner: Ops,
        busy: Callable[[str], bool] = lambda _devnode: False,
    ):
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.runner = runner
        self.busy = busy
        self.watcher: Any = None
        self.unavailable = ""
        self.offer_box: QMessageBox | None = None
        self.dialog: IdentifyDialog | None = None
        self.state = QLabel()
        self.state.setObjectName("device_state")
        self.state.setStyleSheet("color:#777")
        window.statusBar().addPermanentWidget(self.state)
        try:
            from ..devices.qt_watch import DeviceWatcher

            self.watcher = DeviceWatcher(parent=self)
        except Exception as exc:  # no pyudev, no udev, no netlink: the window works on
            log.warning("drives are not watched: %s", exc)
            self.unavailable = str(exc) or type(exc).__name__
        if self.watcher is not None:
            self.watcher.discInserted.connect(self.disc_inserted)
            self.watcher.discRemoved.connect(self.disc_removed)
            self.watcher.usbDiskAdded.connect(self.usb_added)
            self.watcher.usbDiskRemoved.connect(self.usb_removed)
            self.watcher.drivesChanged.connect(self.drives_changed)
        self.retranslate()

    def retranslate(self) -> None:
        if self.watcher is not None:
            self.state.setText(self.tr("Drives watched"))
            self.state.setToolTip("")
        else:
            self.state.setText(self.tr("Drives not watched"))
            self.state.setToolTip(self.unavailable)

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 20_000)

    # ------------------------------------------------------------------ events
    def disc_inserted(self, drive: OpticalDrive) -> None:
        disc = drive.disc
        if disc is None:
            return
        if disc.blank:
            self.say(
                self.tr("A blank %1 is in %2: ready to burn.")
                .replace("%1", disc.media_type or self.tr("disc"))
                .replace("%2", drive.devnode)
            )
            return
        self.say(
            self.tr("A disc (%1) was inserted in %2.")
            .replace("%1", disc.label or disc.media_type)
            .replace("%2", drive.devnode)
        )
        if self.may_identify() and not self.busy(drive.devnode):
            self.offer(drive)

    def disc_removed(self, drive: OpticalDrive) -> None:
        self.say(self.tr("The disc was taken out of %1.").replace("%1", drive.devnode))

    def usb_added(self, usb: UsbDisk) -> None:
        self.say(
            self.tr("USB disk %1 (%2) connected: “Ingest recordings…” copies recordings from it.")
            .replace("%1", usb.name)
            .replace("%2", usb.devnode)
        )

    def usb_removed(self, usb: UsbDisk) -> None:
        self.say(self.tr("USB disk %1 removed.").replace("%1", usb.devnode))

    # ------------------------------------------------------------------ identifying
    def may_identify(self) -> bool:
        return allowed(self.ctx.me.roles, Action.VERIFY_MEDIUM) and not getattr(
            self.window, "locked", False
        )

    def offer(self, drive: OpticalDrive) -> QMessageBox:
        """Ask (without blocking anything) whether to identify the disc just inserted."""
        if self.offer_box is not None and shiboken6.isValid(self.offer_box):
            self.offer_box.reject()
        disc = drive.disc
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Disc inserted"),
            self.tr(
                "A disc (%1) was inserted in %2. Identify it: read its label and manifest "
                "and match them to the register?"
            )
            .replace("%1", (disc.label or disc.media_type) if disc else "")
            .replace("%2", drive.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("identify_offer")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Identify"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not now"))

        def answered(_r: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.identify(drive.devnode, drive.name)
            self.offer_box = None
            box.deleteLater()

        box.finished.connect(answered)
        self.offer_box = box
        box.open()
        return box

    def identify(self, address: str, name: str = "") -> IdentifyDialog:
        d = IdentifyDialog(self.ctx, self.runner, address, name, self.window)
        d.open_code.connect(self.open_code)
        d.finished.connect(lambda _r: d.deleteLater() if not d.running else None)
        self.dialog = d
        d.open()
        return d

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
