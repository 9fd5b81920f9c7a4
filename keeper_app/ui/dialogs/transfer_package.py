"""Writing the transfer package of a duplicate given to a court or procuratorate (issue 16)
into a folder the keeper chooses (a USB disk), on the worker thread. The court transfer
dialog writes it at the transfer; this one writes it afterwards (again, into another folder)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...services import packages
from ...services.session import Session
from ...services.storage import StorageSettings
from ..context import UiContext
from ..widgets.file_dialogs import folder_dialog
from .base import WorkflowDialog
from .record_summary import medium_summary


def folder_row(
    owner: QWidget, form: QFormLayout, name: str, label: str, empty: str, title: str
) -> QLineEdit:
    """A folder's line in ``form`` with its "Choose…" button (a folder chooser)."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(empty)
    choose = QPushButton(QCoreApplication.translate("TransferPackageDialog", "Choose…"))
    choose.setObjectName(f"{name}_choose")

    def pick() -> None:
        fd = folder_dialog(owner, title, edit.text())
        fd.fileSelected.connect(edit.setText)
        fd.finished.connect(lambda _r: fd.deleteLater())
        fd.open()

    choose.clicked.connect(pick)
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(edit, 1)
    box.addWidget(choose)
    form.addRow(label, row)
    return edit


def write(s: Session, code: str, folder: str, source: str) -> dict[str, Any]:
    """The package, written on the worker thread (its own session and connection)."""
    settings = StorageSettings.for_database(s.db.path)
    return packages.write_package(s, code, folder, settings, source=source or None)


class TransferPackageDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Write transfer package"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.folder = folder_row(
            self,
            self.form,
            "package_to",
            self.tr("Folder"),
            self.tr("choose a folder (e.g. a USB disk)"),
            self.tr("Folder for the transfer package (e.g. a USB disk)"),
        )
        self.source = folder_row(
            self,
            self.form,
            "package_from",
            self.tr("Recordings from"),
            self.tr("Keeper's storage"),
            self.tr("Folder of the mounted duplicate"),
        )
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Write")

    def values(self) -> dict[str, Any]:
        return {"folder": self.folder.text().strip(), "source": self.source.text().strip()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return write(s, self.rec.code, v["folder"], v["source"])

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Transfer package of %1 written to %2 (top-level hash %3).")
            .replace("%1", self.rec.pretty)
            .replace("%2", result["folder"])
            .replace("%3", result["package_sha256"])
        )
