"""What the main window offers besides its views: printing (a disc's labels, sleeve inserts,
seal-bag label, handover receipt and label-correction sticker from its record; register
pages for the register's filter; an incident's report from the head's inbox), the document
of a workflow just completed (handover receipt, court transfer list, archive handover list;
the key form after a password change or an enrolment; the enrolment code of a person just
added), the settings dialog, "Change password…", "Inventory…" (a keeper's stocktaking of the
shelves) and "Daily checkpoint…" (the keeper and a department head sign the audit chain's
head; then the slip is printed and the file for the supervising unit exported) in the
toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QToolBar

from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, allowed
from ..services import catalogue, checkpoints
from .dialogs.archive import ArchiveDialog
from .dialogs.checkpoint import CheckpointDialog, CheckpointTaken
from .dialogs.court_transfer import CourtTransferDialog
from .dialogs.handover import HandoverDialog
from .dialogs.inventory import InventoryDialog
from .dialogs.password import ChangePasswordDialog
from .dialogs.person import EnrolmentCodeBox, PersonDialog
from .dialogs.print_dialog import PrintDialog
from .dialogs.settings_dialog import SettingsDialog
from .errors import refusal
from .labels import document_title
from .record_view import label_correction
from .widgets.file_dialogs import folder_dialog

if TYPE_CHECKING:
    from .main_window import MainWindow


def register_pages(f: dict[str, Any]) -> catalogue.Document:
    """The register pages for the register view's filter (see RegisterView.filter_values)."""
    return catalogue.register_pages(
        catalogue.RegisterRef(
            f.get("since") or "",
            f.get("until") or "",
            case_no=f.get("case_no"),
            code=f.get("code"),
            badge=f.get("badge"),
        )
    )


class WindowExtras(QObject):
    settings_changed = Signal()

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.print_dialog: PrintDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.offer: QMessageBox | None = None
        self.offer_print: QPushButton | None = None
        self.inventory_dialog: InventoryDialog | None = None
        self.code_box: EnrolmentCodeBox | None = None
        self.inventory_button = QPushButton(window)
        self.inventory_button.setObjectName("inventory")
        bar = window.findChild(QToolBar)
        if bar is not None and allowed(self.ctx.me.roles, Action.RUN_INVENTORY):
            bar.insertWidget(bar.actions()[1], self.inventory_button)  # after the title
        else:
            self.inventory_button.hide()
        self.inventory_button.clicked.connect(self.open_inventory)
        self.inventory_button.setText(self.tr("Inventory…"))
        self.checkpoint_offer: CheckpointTaken | None = None
        self.export_dialog: QFileDialog | None = None
        self.exported: str | None = None
        self.checkpoint_button = QPushButton(window)
        self.checkpoint_button.setObjectName("checkpoint")
        if bar is not None and allowed(self.ctx.me.roles, Action.CHECKPOINT):
            bar.insertWidget(bar.actions()[1], self.checkpoint_button)
        else:
            self.checkpoint_button.hide()
        self.checkpoint_button.clicked.connect(self.open_checkpoint)
        self.checkpoint_button.setText(self.tr("Daily checkpoint…"))
        window.installEventFilter(self)
        if window.counter is not None:
            window.counter.record.print_requested.connect(self.print_for_record)
        if window.register is not None:
            window.register.print_requested.connect(lambda f: self.open(register_pages(f)))
        if window.inbox is not None:
            window.inbox.print_incident.connect(
                lambda row: self.open(catalogue.incident(int(row["id"])))
            )

    # ------------------------------------------------------------------ printing
    def open(self, doc: catalogue.Document) -> PrintDialog:
        d = PrintDialog(self.ctx, doc, self.window)
        d.finished.connect(lambda _r: d.deleteLater())
        self.print_dialog = d
        d.open()
        return d

    def print_for_record(self, kind: str) -> None:
        rec = self.window.counter.current() if self.window.counter is not None else None
        if rec is None:
            return
        make = {
            "labels": catalogue.disc_labels,
            "sleeve": catalogue.sleeve_inserts,
            "seal_bag": catalogue.seal_bag,
        }.get(kind)
        if make is not None:
            self.open(make(rec.code))
        elif kind == "receipt":
            self.open(catalogue.receipt(code=rec.code))
        elif kind == "correction_sticker" and (cid := label_correction(rec)) is not None:
            self.open(catalogue.correction_sticker_of(cid))
        elif kind in ("custody", "custody_pair"):
            self.open(catalogue.custody_report(rec.code, pair=kind == "custody_pair"))

    def after(self, dialog: Any) -> None:
        """A workflow was registered: offer its document, if it has one."""
        doc, text = None, ""
        if isinstance(dialog, HandoverDialog) and dialog.result_value is not None:
            doc = catalogue.receipt(handover_id=int(dialog.result_value))
            text = self.tr("The handover is registered. Print the handover receipt?")
        elif isinstance(dialog, CourtTransferDialog) and dialog.request.currentData():
            doc = catalogue.court_list(int(dialog.request.currentData()))
            text = self.tr("The transfer is registered. Print the transfer list?")
        elif isinstance(dialog, ArchiveDialog):
            doc = catalogue.archive_list(dialog.case_no)
            text = self.tr("The archive handover is registered. Print the archive handover list?")
        elif isinstance(dialog, CheckpointDialog) and dialog.result_value is not None:
            cid = int(dialog.result_value)
            QTimer.singleShot(0, self, lambda: self._offer_checkpoint(cid))
        elif isinstance(dialog, ChangePasswordDialog):
            doc = catalogue.key_form(self.ctx.session.person.badge)
            text = self.tr(
                "Your password and signing key are changed. Print your new key form, to sign "
                "with the administrator?"
            )
        elif isinstance(dialog, PersonDialog) and dialog.result_value is not None:
            issued = dialog.result_value
            QTimer.singleShot(0, self, lambda: self.show_code(issued))
        if doc is not None:  # once the workflow's dialog has closed
            QTimer.singleShot(0, self, lambda: self._offer(text, doc))

    def offer_key_form(self) -> None:
        """After a first sign-in with an enrolment code: the key form, to print and sign."""
        doc = catalogue.key_form(self.ctx.session.person.badge)
        text = self.tr(
            "You are enrolled and your signing key is made. Print your key form now, to sign "
            "with the administrator?"
        )
        QTimer.singleShot(0, self, lambda: self._offer(text, doc))

    def show_code(self, issued: Any) -> EnrolmentCodeBox:
        """The enrolment code of a person just added, shown once."""
        box = EnrolmentCodeBox(issued, self.window)
        box.finished.connect(lambda _r: self._code_closed(box))
        self.code_box = box
        box.open()
        return box

    def _code_closed(self, box: EnrolmentCodeBox) -> None:
        if self.code_box is box:
            self.code_box = None
        box.deleteLater()

    def open_change_password(self) -> ChangePasswordDialog:
        d = ChangePasswordDialog(self.ctx, self.window)
        self.window._open(d)
        return d

    def _offer(self, text: str, doc: catalogue.Document) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(document_title(doc))
        box.setText(text)
        yes = box.addButton(self.tr("Print…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda b: self.open(doc) if b is yes else None)
        box.finished.connect(lambda _r: self._offer_closed(box))
        self.offer, self.offer_print = box, yes
        box.open()

    def _offer_closed(self, box: QMessageBox) -> None:
        """The offer was answered: forget it before Qt deletes it (nobody may touch it after)."""
        if self.offer is box:
            self.offer, self.offer_print = None, None
        box.deleteLater()

    # ------------------------------------------------------------------ inventory
    def open_inventory(self) -> InventoryDialog:
        d = InventoryDialog(self.ctx, self.window)
        d.finished.connect(lambda _r: d.deleteLater())
        self.inventory_dialog = d
        d.open()
        return d

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and ev.type() == QEvent.Type.LanguageChange:
            self.inventory_button.setText(self.tr("Inventory…"))
            self.checkpoint_button.setText(self.tr("Daily checkpoint…"))
        return False

    # ------------------------------------------------------------------ daily checkpoint
    def open_checkpoint(self) -> CheckpointDialog:
        d = CheckpointDialog(self.ctx, self.window)
        self.window._open(d)
        return d

    def _offer_checkpoint(self, cid: int) -> CheckpointTaken:
        """The checkpoint is taken: print its slip, export its file (both may be done)."""
        box = CheckpointTaken(cid, self.window)
        box.print_requested.connect(lambda i: self.open(catalogue.checkpoint_slip(i)))
        box.export_requested.connect(self.export_checkpoint)
        box.finished.connect(lambda _r: self._checkpoint_offer_closed(box))
        self.checkpoint_offer = box
        box.open()
        return box

    def _checkpoint_offer_closed(self, box: CheckpointTaken) -> None:
        if self.checkpoint_offer is box:
            self.checkpoint_offer = None
        box.deleteLater()

    def export_checkpoint(self, cid: int) -> QFileDialog:
        parent = self.checkpoint_offer or self.window
        fd = folder_dialog(parent, self.tr("Export the checkpoint file into"))
        fd.fileSelected.connect(lambda folder: self._export(cid, folder))
        fd.finished.connect(lambda _r: fd.deleteLater())
        self.export_dialog = fd
        fd.open()
        return fd

    def _export(self, cid: int, folder: str) -> None:
        try:
            path = checkpoints.export(self.ctx.session, cid, folder)
        except RuleViolation as exc:  # the file exists, the folder is not writable: said
            r = refusal(exc)
            text = f"{r.headline} {r.detail}".strip()
            if self.checkpoint_offer is not None:
                self.checkpoint_offer.done_label.setText(text)
            self.window.statusBar().showMessage(text, 15_000)
            return
        self.exported = str(path)
        if self.checkpoint_offer is not None:
            self.checkpoint_offer.exported(str(path))
        self.window.statusBar().showMessage(
            self.tr("Checkpoint file exported: %1").replace("%1", str(path)), 15_000
        )

    # ------------------------------------------------------------------ settings
    def open_settings(self) -> SettingsDialog:
        d = SettingsDialog(self.ctx, self.window)
        d.saved.connect(self._settings_saved)
        d.finished.connect(lambda _r: d.deleteLater())
        self.settings_dialog = d
        d.open()
        return d

    def _settings_saved(self) -> None:
        lang = self.ctx.settings.language
        combo = self.window.language
        if combo.currentData() != lang:
            combo.setCurrentIndex(max(0, combo.findData(lang)))  # the window switches language
        self.settings_changed.emit()
