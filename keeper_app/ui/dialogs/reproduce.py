"""Reproducing the duplicate from the unsealed original (Art. 18): the original, in one
drive, is read back against its manifest; a new duplicate is burned onto the blank disc in
another drive and read back; keeper and witness sign it into custody on its shelf; the
damaged, lost or replaced duplicate is retired. Runs off the GUI thread (it burns)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...services import reproduction
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog
from .record_summary import medium_summary


def _drive_box(placeholder: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    for dev in ("/dev/sr0", "/dev/sr1"):
        box.addItem(dev)
    box.setCurrentIndex(-1)
    edit = box.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(placeholder)
    return box


class ReproduceDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Reproduce the duplicate from the original"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.original_drive = _drive_box(self.tr("the drive holding the unsealed original"))
        self.new_drive = _drive_box(self.tr("the drive with a blank disc"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("shelf of the new duplicate"))
        self.form.addRow(self.tr("Original in drive"), self.original_drive)
        self.form.addRow(self.tr("Blank disc in drive"), self.new_drive)
        self.form.addRow(self.tr("Shelf location"), self.location)
        self.banner.say(
            "info",
            self.tr(
                "The original is read back against its manifest, the new duplicate is burned "
                "and read back; nothing is registered unless both match."
            ),
        )
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("witness", self.tr("Witness"))

    def submit_text(self) -> str:
        return self.tr("Read back, burn and sign")

    def values(self) -> dict[str, Any]:
        return {
            "original_drive": self.original_drive.currentText().strip(),
            "new_drive": self.new_drive.currentText().strip(),
            "location": self.location.text(),
            "keeper": self.signers.credential("keeper"),
            "witness": self.signers.credential("witness"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return reproduction.reproduce_duplicate(
            s,
            self.rec.code,
            v["original_drive"],
            v["new_drive"],
            v["keeper"],
            v["witness"],
            v["location"],
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Duplicate %1 is in custody; %2 is retired. Reseal the original.")
            .replace("%1", str(result.duplicate))
            .replace("%2", str(result.replaced))
        )
