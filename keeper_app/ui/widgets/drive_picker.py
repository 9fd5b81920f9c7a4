"""Where one disc of a pair is burned: an optical drive that can write (from
``keeper_app.devices``, with the disc in it), or an image file (``stdio:/path``: a
file-backed drive, for the tests and for an office that burns images); for the duplicate also
"the same drive as the original, next disc"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...devices import OpticalDrive
from .file_dialogs import file_dialog

SAME = "same"
FILE = "file"


def disc_text(drive: OpticalDrive) -> str:
    """What is in a drive, for people."""
    d = drive.disc
    if d is None:
        return QCoreApplication.translate("DrivePicker", "no disc")
    if d.blank:
        return QCoreApplication.translate("DrivePicker", "blank %1").replace("%1", d.media_type)
    if d.keeper_code:
        return QCoreApplication.translate("DrivePicker", "burned disc %1").replace("%1", d.label)
    return QCoreApplication.translate("DrivePicker", "disc %1 (not blank)").replace(
        "%1", d.label or d.media_type
    )


class DrivePicker(QWidget):
    changed = Signal()

    def __init__(self, allow_same: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.allow_same = allow_same
        self.drives: list[OpticalDrive] = []
        self.combo = QComboBox()
        self.combo.setMinimumWidth(320)
        self.path = QLineEdit()
        self.path.setPlaceholderText("/path/disc.iso")
        self.browse = QPushButton()
        self.combo.currentIndexChanged.connect(self._kind_changed)
        self.path.textChanged.connect(lambda _t: self.changed.emit())
        self.browse.clicked.connect(self._browse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo)
        lay.addWidget(self.path, 1)
        lay.addWidget(self.browse)
        self.set_drives([])

    def retranslate(self) -> None:
        self.browse.setText(self.tr("Choose file…"))
        self.set_drives(self.drives)

    def set_drives(self, drives: Sequence[OpticalDrive]) -> None:
        """The burners now attached; the choice is kept when it is still there."""
        keep = self.combo.currentData()
        self.drives = [d for d in drives if d.can_burn]
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_same:
            self.combo.addItem(self.tr("Same drive as the original (insert the next disc)"), SAME)
        for d in self.drives:
            self.combo.addItem(f"{d.name} ({d.devnode}) — {disc_text(d)}", d.devnode)
        self.combo.addItem(self.tr("Image file (a file-backed drive)"), FILE)
        i = self.combo.findData(keep) if keep is not None else -1
        if i < 0 and self.allow_same and not self.drives:
            i = self.combo.findData(FILE)  # no drive: an image is the only other choice
        self.combo.setCurrentIndex(max(0, i))
        self.combo.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_file = self.combo.currentData() == FILE
        self.path.setVisible(is_file)
        self.browse.setVisible(is_file)
        self.changed.emit()

    def _browse(self) -> None:
        fd = file_dialog(self, self.tr("Image file for the disc"), self.path.text())
        fd.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        fd.setNameFilter(self.tr("Disc images (*.iso)"))
        fd.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        if fd.exec() and fd.selectedFiles():
            self.path.setText(fd.selectedFiles()[0])

    def use_image(self, path: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(FILE))
        self.path.setText(path)

    def use_same(self) -> None:
        self.combo.setCurrentIndex(self.combo.findData(SAME))

    def use_drive(self, devnode: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(devnode))

    def is_same(self) -> bool:
        return self.combo.currentData() == SAME

    def address(self) -> str:
        """``/dev/sr0``, ``stdio:/path``; "" when a file is chosen without a path, or for
        "the same drive"."""
        data = self.combo.currentData()
        if data == SAME:
            return ""
        if data == FILE:
            p = self.path.text().strip()
            return f"stdio:{p}" if p else ""
        return str(data or "")
