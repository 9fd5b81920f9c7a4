"""The main window's disc and storage tools: "Burn a pair…", "Ingest recordings…" and "Spot
check…" (issue 16: a keeper draws, a reviewer or a head reads the discs back) in the toolbar
(for the roles that may), the drive watcher (:class:`DeviceHub`), and a runner of its
own for the long device jobs, so that a burn never holds up the lists and the counter.

A job keeps running when its dialog is hidden (Escape, the idle lock); the toolbar button
shows the same dialog again. Signing out or closing the window cancels a running job
(nothing of it is registered)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QPushButton, QToolBar

from ..domain.lifecycle import Action, allowed
from ..services import catalogue
from .context import UiContext
from .devices_hub import DeviceHub
from .dialogs.burn_pair import BurnPairDialog
from .dialogs.ingest import IngestDialog
from .dialogs.spot_check import SpotCheckDialog
from .dialogs.storage_devices import StorageDevicesDialog
from .dialogs.task_base import TaskDialog
from .ops import Ops


class DiscTools(QObject):
    def __init__(self, window: QMainWindow, ctx: UiContext):
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.runner = Ops(ctx.ops.db_path, self, threads=2)
        roles = ctx.me.roles
        self.burn_button = self._button("burn_pair", allowed(roles, Action.REGISTER_PAIR))
        self.ingest_button = self._button("ingest", allowed(roles, Action.REGISTER_RECORDING))
        self.devices_button = self._button(
            "storage_devices", allowed(roles, Action.KEEP_STORAGE_DEVICE)
        )
        # issue 16: a keeper draws a spot check's sample, a reviewer or a head checks it
        self.spot_check_button = self._button(
            "spot_check",
            allowed(roles, Action.DRAW_SPOT_CHECK) or allowed(roles, Action.SPOT_CHECK),
        )
        self.spot_check_button.clicked.connect(self.open_spot_check)
        self.spot_check_dialog: SpotCheckDialog | None = None
        self.burn_button.clicked.connect(self.open_burn)
        self.ingest_button.clicked.connect(self.open_ingest)
        self.devices_button.clicked.connect(self.open_devices)
        self.burn_dialog: BurnPairDialog | None = None
        self.ingest_dialog: IngestDialog | None = None
        self.hub = DeviceHub(window, ctx, self.runner, busy=self.drive_busy)
        self.hub.open_code.connect(getattr(window, "open_code", lambda _c: None))
        window.installEventFilter(self)
        self.retranslate()

    def _button(self, name: str, visible: bool) -> QPushButton:
        b = QPushButton(self.window)
        b.setObjectName(name)
        bar = self.window.findChild(QToolBar)
        if bar is not None and visible:
            actions = bar.actions()
            if len(actions) > 1:
                bar.insertWidget(actions[1], b)  # after the title
            else:
                bar.addWidget(b)
        b.setVisible(visible)
        return b

    def retranslate(self) -> None:
        self.burn_button.setText(self.tr("Burn a pair…"))
        self.ingest_button.setText(self.tr("Ingest recordings…"))
        self.devices_button.setText(self.tr("Storage devices…"))
        self.spot_check_button.setText(self.tr("Spot check…"))
        self.hub.retranslate()
        for d in (self.burn_dialog, self.ingest_dialog):
            if d is not None and shiboken6.isValid(d):
                d.retranslate()

    # ------------------------------------------------------------------ the dialogs
    def _alive(self, d: TaskDialog | None) -> bool:
        return d is not None and shiboken6.isValid(d)

    def open_burn(self) -> BurnPairDialog:
        if self._alive(self.burn_dialog):
            assert self.burn_dialog is not None
            self.burn_dialog.open()  # a burn going on (or its result): shown again
            return self.burn_dialog
        d = BurnPairDialog(self.ctx, self.runner, self.window)
        self.hub.drives_changed.connect(d.refresh_drives)
        self._keep(d)
        self.burn_dialog = d
        d.open()
        return d

    def open_ingest(self) -> IngestDialog:
        if self._alive(self.ingest_dialog):
            assert self.ingest_dialog is not None
            self.ingest_dialog.open()
            return self.ingest_dialog
        d = IngestDialog(self.ctx, self.runner, self.window)
        self._keep(d)
        self.ingest_dialog = d
        d.open()
        return d

    def open_spot_check(self) -> SpotCheckDialog:
        """The spot check (issue 16): its sample, each disc read back, the closing."""
        if self._alive(self.spot_check_dialog):
            assert self.spot_check_dialog is not None
            self.spot_check_dialog.open()  # a read-back going on (or its result): shown again
            return self.spot_check_dialog
        d = SpotCheckDialog(self.ctx, self.runner, self.window)
        extras = getattr(self.window, "extras", None)
        if extras is not None:
            d.print_requested.connect(lambda i: extras.open(catalogue.spot_check_report(i)))
        self._keep(d)
        self.spot_check_dialog = d
        d.open()
        return d

    def open_devices(self) -> StorageDevicesDialog:
        """The storage devices and their backups (Art. 16, 17): listed, registered, moved."""
        d = StorageDevicesDialog(self.ctx, self.window)
        d.completed.connect(lambda text: self.window.statusBar().showMessage(text, 20_000))
        d.finished.connect(lambda _r: d.deleteLater())
        d.open()
        return d

    def _keep(self, d: TaskDialog) -> None:
        d.job_finished.connect(self._job_finished)
        d.backgrounded.connect(
            lambda: self.window.statusBar().showMessage(
                self.tr("The job goes on in the background; its button shows it again."), 15_000
            )
        )
        d.finished.connect(lambda _r: self._closed(d))

    def _closed(self, d: TaskDialog) -> None:
        if d is self.burn_dialog:
            self.burn_dialog = None
        if d is self.ingest_dialog:
            self.ingest_dialog = None
        if d is self.spot_check_dialog:
            self.spot_check_dialog = None
        d.deleteLater()

    def _job_finished(self, ok: bool, text: str) -> None:
        if text:
            self.window.statusBar().showMessage(text, 20_000)
        if ok:
            for name in ("due", "cases", "media"):
                v = getattr(self.window, name, None)
                if v is not None and hasattr(v, "refresh"):
                    v.refresh()

    def drive_busy(self, devnode: str) -> bool:
        """A burn is using this drive: a disc inserted there is not offered for identifying."""
        d = self.burn_dialog
        return self._alive(d) and d is not None and d.running and devnode in d.drives()

    # ------------------------------------------------------------------ the window
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window:
            if ev.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif ev.type() == QEvent.Type.Close:
                self.stop()
        return False

    def stop(self) -> None:
        """The window closes (sign-out, quit): running jobs are cancelled, then waited for."""
        for d in (self.burn_dialog, self.ingest_dialog, self.spot_check_dialog, self.hub.dialog):
            if self._alive(d) and d is not None and d.running:
                d.request_cancel()
        self.hub.stop()
        self.runner.wait(60_000)

    def running(self) -> list[TaskDialog]:
        return [
            d
            for d in (self.burn_dialog, self.ingest_dialog)
            if d is not None and self._alive(d) and d.running
        ]
