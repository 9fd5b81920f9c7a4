"""The settings of this computer (``ui/settings.py``): language, idle lock, the label sheet
and the default printer, each printer's calibration (measured from a printed test sheet), and
the scheduled backups (folder, how many copies to keep, how often) — the backups only for
the roles that may take them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from printing import PrintError, layouts

from ...domain.lifecycle import Action, allowed
from ...services import catalogue, server
from ...services.backups import default_folder
from ...timeutil import show
from ..context import UiContext
from ..errors import detail
from ..settings import (
    BACKUP_FOLDER,
    BACKUP_INTERVAL_HOURS,
    BACKUP_KEEP,
    IDLE_LOCK_SECONDS,
    LABEL_SHEET,
    LANGUAGE,
    LANGUAGES,
    OFFICE_SERVER,
    PRINTER,
    SCAN_PREFIX,
    SCAN_SUFFIX,
    SOUND,
    SOUND_VOLUME,
    Settings,
)
from ..widgets.banner import Banner
from ..widgets.barcode_view import BarcodeView
from ..widgets.file_dialogs import folder_dialog
from ..widgets.printer_choice import PrinterChoice
from .print_dialog import PrintDialog

#: what the scanner check in Settings shows and expects back
TEST_CODE = "KEEPER-TEST-2718"


def _mm() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-15.0, 15.0)
    box.setSingleStep(0.1)
    box.setDecimals(1)
    box.setSuffix(" mm")
    return box


class SettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        self.print_dialog: PrintDialog | None = None
        self.folder_dialog: QFileDialog | None = None
        self._cal_loaded: layouts.Calibration | None = None
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(max(1, round(s.get(IDLE_LOCK_SECONDS) / 60)))
        general = QGroupBox(self.tr("This computer"))
        gform = QFormLayout(general)
        gform.addRow(self.tr("Language"), self.language)
        gform.addRow(self.tr("Lock after idle"), self.idle_minutes)
        self.server = QLineEdit(s.get(OFFICE_SERVER))
        self.server.setPlaceholderText(self.tr("empty: the database file on this computer"))
        self.server.setToolTip(
            self.tr(
                "The office server's address, e.g. postgresql://keeper_app@server/keeper. "
                "The password goes in ~/.pgpass, never here. Used from the next start."
            )
        )
        self.server_test = QPushButton(self.tr("Try it"))
        self.server_test.setObjectName("server_test")
        self.server_test.setToolTip(
            self.tr("Connect to this office server now, as this computer will at its next start")
        )
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.server_test)
        gform.addRow(self.tr("Office server"), server_row)

        self.sheet = QComboBox()
        self.banner = Banner()
        try:
            for sh in layouts.sheets():
                self.sheet.addItem(sh.title(s.document_language), sh.id)
        except PrintError as exc:
            self.banner.refuse(exc)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(s.get(LABEL_SHEET))))
        self.printer = PrinterChoice(ctx.ops, s.get(PRINTER), allow_none=True)
        self.cal_printer = PrinterChoice(ctx.ops, s.get(PRINTER))
        self.dx, self.dy = _mm(), _mm()
        self.test_sheet = QPushButton(self.tr("Print calibration sheet…"))
        printing = QGroupBox(self.tr("Printing"))
        pform = QFormLayout(printing)
        pform.addRow(self.tr("Label sheet"), self.sheet)
        pform.addRow(self.tr("Default printer"), self.printer)
        pform.addRow(self.tr("Calibrate printer"), self.cal_printer)
        offsets = QHBoxLayout()
        offsets.addWidget(self.dx)
        offsets.addWidget(self.dy)
        offsets.addWidget(self.test_sheet)
        pform.addRow(self.tr("It prints too far right / down by"), offsets)

        self.backup_folder = QLineEdit(s.get(BACKUP_FOLDER))
        self.backup_folder.setPlaceholderText(str(default_folder(ctx.db.path)))
        self.choose_folder = QPushButton(self.tr("Choose…"))
        self.choose_folder.setObjectName("choose_backup_folder")
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(s.get(BACKUP_KEEP))
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 30)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setSpecialValueText(self.tr("off (another computer backs up)"))
        self.interval.setValue(s.get(BACKUP_INTERVAL_HOURS))
        self.backups = QGroupBox(self.tr("Scheduled backups"))
        bform = QFormLayout(self.backups)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder)
        bform.addRow(self.tr("Folder"), folder_row)
        bform.addRow(self.tr("Copies to keep"), self.keep)
        bform.addRow(self.tr("Back up every"), self.interval)
        self.backups.setEnabled(allowed(ctx.me.roles, Action.BACKUP))

        scanner = self._scanner_group(s)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (general, scanner, printing, self.backups, self.banner, self.buttons):
            lay.addWidget(w)

        self.cal_printer.changed.connect(lambda _n: self._load_calibration())
        self.test_sheet.clicked.connect(self.print_test_sheet)
        self.server_test.clicked.connect(self.try_server)
        self.choose_folder.clicked.connect(self._choose_folder)
        self._load_calibration()

    # ------------------------------------------------------------------ scanner
    def _scanner_group(self, s: Settings) -> QGroupBox:
        self.prefix = QLineEdit(s.get(SCAN_PREFIX))
        self.prefix.setObjectName("scan_prefix")
        self.prefix.setMaxLength(4)
        self.suffix = QLineEdit(s.get(SCAN_SUFFIX))
        self.suffix.setObjectName("scan_suffix")
        self.suffix.setMaxLength(4)
        self.sound = QCheckBox(self.tr("Sounds for accepted, refused and repeated scans"))
        self.sound.setChecked(bool(s.get(SOUND)))
        self.volume = QSpinBox()
        self.volume.setRange(0, 100)
        self.volume.setSuffix(" %")
        self.volume.setValue(s.get(SOUND_VOLUME))
        self.test_code = BarcodeView(TEST_CODE)
        self.test_result = QLabel(self.tr("Scan this test code to check the scanner."))
        self.test_result.setObjectName("scan_test_result")
        self.test_result.setWordWrap(True)
        box = QGroupBox(self.tr("Barcode scanner"))
        form = QFormLayout(box)
        form.addRow(self.tr("Prefix the scanner sends (optional)"), self.prefix)
        form.addRow(self.tr("Suffix before Enter (optional)"), self.suffix)
        form.addRow(self.sound)
        form.addRow(self.tr("Volume"), self.volume)
        form.addRow(self.tr("Test code"), self.test_code)
        form.addRow(self.test_result)
        return box

    def handle_scan(self, text: str) -> None:
        """A scan while the settings are open: the test code says the scanner is recognised
        (with the prefix and suffix saved now); anything else is named, not handled."""
        if text == TEST_CODE:
            self.test_result.setText(
                self.tr("✔ The scanner works: the test code was recognised as a scan.")
            )
            self.test_result.setStyleSheet("color:#1d5b1a")
            self.ctx.feedback.accepted()
        else:
            self.test_result.setText(
                self.tr("✖ Read “%1”, not the test code: check the prefix and suffix.").replace(
                    "%1", text
                )
            )
            self.test_result.setStyleSheet("color:#8a1c12")
            self.ctx.feedback.refused()

    # ------------------------------------------------------------------ office server
    def try_server(self) -> None:
        """Connect to the address typed, off the GUI thread, and say what is there (or why
        not); nothing is saved and nothing is written to the server."""
        text = self.server.text().strip()
        if not text:
            self.banner.say(
                "info",
                self.tr("No office server: this computer works on its own database file."),
            )
            return
        problem = server_address_problem(text)
        if problem is not None:
            self.banner.say("error", problem)
            self.ctx.feedback.refused()
            return
        self.server_test.setEnabled(False)
        self.banner.say("info", self.tr("Connecting to the office server…"))
        self.ctx.ops.run(
            lambda _db: server.try_address(text),
            success=self._server_found,
            failure=self._server_not_found,
            owner=self,
            with_db=False,
        )

    def _server_found(self, r: server.DeskCheck) -> None:
        self.server_test.setEnabled(True)
        last = show(r.last_at) if r.last_at else self.tr("none yet")
        self.banner.say(
            "ok",
            self.tr(
                "✔ Connected to %1: the register of %2, %3 events, the last %4. Save to work "
                "on it from the next start."
            )
            .replace("%1", r.address)
            .replace("%2", ", ".join(r.units) or "—")
            .replace("%3", str(r.events))
            .replace("%4", last),
        )

    def _server_not_found(self, exc: BaseException) -> None:
        self.server_test.setEnabled(True)
        self.ctx.feedback.refused()
        if isinstance(exc, server.ServerUnreachable):
            text = self.tr(
                "✖ Nothing answers at this address: check the server's name or address, the "
                "network, and that the server is running."
            )
        elif isinstance(exc, server.ServerRefused):
            text = self.tr(
                "✖ The server answered but refused this computer: check the user and the "
                "database in the address, and the password in ~/.pgpass, with the server's "
                "administrator."
            )
        else:  # not a Keeper register, another version of it, a schema tampered with
            self.banner.refuse(exc)
            return
        self.banner.say("error", text, detail(str(exc)))

    # ------------------------------------------------------------------ calibration
    def _load_calibration(self) -> None:
        name = self.cal_printer.name()
        try:
            cal = layouts.calibration_for(name)
        except PrintError as exc:
            self.banner.refuse(exc)
            cal = layouts.Calibration()
        self._cal_loaded = cal if name else None
        self.dx.setValue(cal.dx_mm)
        self.dy.setValue(cal.dy_mm)
        for w in (self.dx, self.dy):
            w.setEnabled(bool(name))

    def print_test_sheet(self) -> None:
        d = PrintDialog(
            self.ctx,
            catalogue.calibration_sheet(),
            self,
            printer=self.cal_printer.name() or None,
            sheet=self.sheet.currentData(),
        )
        d.finished.connect(lambda _r: d.deleteLater())
        self.print_dialog = d
        d.open()

    def _choose_folder(self) -> None:
        fd = folder_dialog(self, self.tr("Backup folder"))
        start = self.backup_folder.text().strip() or self.backup_folder.placeholderText()
        fd.setDirectory(start if Path(start).is_dir() else str(Path(start).parent))
        fd.fileSelected.connect(self.backup_folder.setText)
        fd.finished.connect(lambda _r: fd.deleteLater())
        self.folder_dialog = fd
        fd.open()

    # ------------------------------------------------------------------ save
    def save(self) -> None:
        s = self.ctx.settings
        folder = self.backup_folder.text().strip()
        if folder and not Path(folder).is_absolute():
            self.banner.say(
                "error", self.tr("The backup folder must be a full path, starting with /.")
            )
            self.ctx.feedback.refused()
            return
        name = self.cal_printer.name()
        if name and self._cal_loaded is not None:
            cal = layouts.Calibration(self.dx.value(), self.dy.value(), self._cal_loaded.dpi)
            if cal != self._cal_loaded:
                try:
                    layouts.save_calibration(name, cal)
                except PrintError as exc:
                    self.banner.refuse(exc)
                    self.ctx.feedback.refused()
                    return
                self._cal_loaded = cal
        server = self.server.text().strip()
        problem = server_address_problem(server)
        if problem is not None:
            self.banner.say("error", problem)
            self.ctx.feedback.refused()
            return
        s.set(OFFICE_SERVER, server)
        s.set(LANGUAGE, self.language.currentData())
        s.set(IDLE_LOCK_SECONDS, self.idle_minutes.value() * 60)
        s.set(SCAN_PREFIX, self.prefix.text())
        s.set(SCAN_SUFFIX, self.suffix.text())
        s.set(SOUND, self.sound.isChecked())
        s.set(SOUND_VOLUME, self.volume.value())
        if self.sheet.currentData():
            s.set(LABEL_SHEET, self.sheet.currentData())
        s.set(PRINTER, self.printer.name())
        if self.backups.isEnabled():
            s.set(BACKUP_FOLDER, folder)
            s.set(BACKUP_KEEP, self.keep.value())
            s.set(BACKUP_INTERVAL_HOURS, self.interval.value())
        self.saved.emit()
        self.accept()


def server_address_problem(text: str) -> str | None:
    """Why an office server address cannot be kept (None: it can; empty is the file)."""
    from urllib.parse import urlsplit

    if not text:
        return None
    if not text.startswith(("postgresql://", "postgres://")):
        return QCoreApplication.translate(
            "SettingsDialog", "The office server's address begins with postgresql://"
        )
    try:
        parts = urlsplit(text)
        has_password = parts.password is not None
    except ValueError:
        return QCoreApplication.translate(
            "SettingsDialog", "The office server's address is not a valid address"
        )
    if has_password:
        return QCoreApplication.translate(
            "SettingsDialog",
            "Do not put the password in the address: settings are not secret. Put it in "
            "~/.pgpass (mode 0600).",
        )
    return None
