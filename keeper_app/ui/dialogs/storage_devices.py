"""The dedicated storage devices and their backups as custody items (Art. 16, 17(3)): the
list of where each is and who keeps it; a new label registers a device, an existing one
records its move (or its handing to another keeper). Each is a signed event."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QWidget

from ...services import storage_devices
from ...services.session import Session
from ..context import UiContext
from ..ops import worker_session
from ..views.table_model import Column, DictTableModel
from .base import WorkflowDialog


class StorageDevicesDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Storage devices"), parent)
        self.known: set[str] = set()
        self.model = DictTableModel([], self)
        self.model.set_columns(
            [
                Column("label", self.tr("Device")),
                Column(
                    "role",
                    self.tr("Role"),
                    lambda v: self.tr("storage") if v == "storage" else self.tr("backup"),
                ),
                Column("location", self.tr("Location")),
                Column("keeper_name", self.tr("Keeper")),
                Column("since", self.tr("Since")),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setMinimumHeight(140)
        self.body.insertWidget(0, self.table)
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setObjectName("device")
        self.role = QComboBox()
        self.role.addItem(self.tr("storage"), "storage")
        self.role.addItem(self.tr("backup"), "backup")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.keeper = QLineEdit()
        self.keeper.setObjectName("keeper")
        self.hint = QLabel(
            self.tr(
                "A new label registers a device; an existing one records where it is now "
                "(and its keeper, when a badge is given)."
            )
        )
        self.hint.setWordWrap(True)
        self.form.addRow(self.tr("Device label"), self.device)
        self.form.addRow(self.tr("Role (new device)"), self.role)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Keeper's badge"), self.keeper)
        self.form.addRow("", self.hint)
        self.signers.hide()
        self.refresh()

    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: storage_devices.devices(worker_session(db, s)),
            success=self._shown,
            failure=self.banner.refuse,
            owner=self,
        )

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.known = {str(r["label"]) for r in rows}
        text = self.device.currentText()
        self.device.clear()
        self.device.addItems(sorted(self.known))
        self.device.setEditText(text)

    def submit_text(self) -> str:
        return self.tr("Register or move")

    def values(self) -> dict[str, Any]:
        label = self.device.currentText().strip()
        return {
            "label": label,
            "move": label in self.known,
            "role": self.role.currentData(),
            "location": self.location.text(),
            "keeper": self.keeper.text().strip(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if v["move"]:
            storage_devices.move_device(s, v["label"], v["location"], v["keeper"] or None)
        else:
            storage_devices.register_device(s, v["label"], v["role"], v["location"], v["keeper"])
        return v

    def confirmation(self, result: Any) -> str:
        text = (
            self.tr("Storage device %1 is now at %2.")
            if result["move"]
            else self.tr("Storage device %1 registered at %2.")
        )
        return text.replace("%1", result["label"]).replace("%2", result["location"].strip())
