"""First run: no database yet (or one with nobody in it). Instead of an error the app asks for
what a new office needs — the unit's code and name, the first administrator (badge, name, a
password typed twice), the first department head (badge, name, department, their own
password typed twice: both are present, since every later custody role is countersigned by a
head), and where the backups go — shows where the data will live, and makes it
(``services.people.first_run``: everything checked first, nothing left behind when refused).
Then the sign-in window opens with the administrator's badge filled in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import people
from ...services.backups import default_folder
from ...store import local_path, shown
from ..ops import Ops
from ..settings import BACKUP_FOLDER, Settings
from ..widgets.banner import Banner
from ..widgets.file_dialogs import folder_dialog


class FirstRunDialog(QDialog):
    #: the first administrator's badge, once the office is made
    created = Signal(str)

    def __init__(self, db_path: str, ops: Ops, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path, self.ops, self.settings = db_path, ops, settings
        self.setObjectName("first_run")
        self.setMinimumWidth(560)
        self.heading = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.unit_code = QLineEdit()
        self.unit_code.setObjectName("unit_code")
        self.unit_code.setMaxLength(4)
        # digits only (an input mask would drop what is typed after a click in its middle)
        self.unit_code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.unit_code)
        )
        self.unit_name = QLineEdit()
        self.unit_name.setObjectName("unit_name")
        self.badge = QLineEdit()
        self.badge.setObjectName("admin_badge")
        self.name = QLineEdit()
        self.name.setObjectName("admin_name")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("admin_password")
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again.setObjectName("admin_password_again")
        self.head_badge = QLineEdit()
        self.head_badge.setObjectName("head_badge")
        self.head_name = QLineEdit()
        self.head_name.setObjectName("head_name")
        self.head_department = QLineEdit()
        self.head_department.setObjectName("head_department")
        self.head_password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.head_password.setObjectName("head_password")
        self.head_again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.head_again.setObjectName("head_password_again")
        self.data_path = QLabel(shown(db_path))
        self.data_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder = QLineEdit()
        self.backup_folder.setObjectName("first_backup_folder")
        self.backup_folder.setPlaceholderText(str(default_folder(local_path(db_path))))
        self.choose = QPushButton()
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose)
        self.folder_dialog: QFileDialog | None = None
        self.banner = Banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_office")
        self.create_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.create_office)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(13)]
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose)
        fields: list[QWidget] = [
            self.unit_code,
            self.unit_name,
            self.badge,
            self.name,
            self.password,
            self.again,
            self.head_badge,
            self.head_name,
            self.head_department,
            self.head_password,
            self.head_again,
            self.data_path,
        ]
        for lab, field in zip(self.labels, fields, strict=False):
            self.form.addRow(lab, field)
        self.form.addRow(self.labels[-1], folder_row)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addWidget(self.banner)
        lay.addWidget(self.buttons)
        self.retranslate()
        self.unit_code.setFocus()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keeper — set up a new office"))
        self.heading.setText("<h3>" + self.tr("Set up a new office") + "</h3>")
        self.intro.setText(
            self.tr(
                "There is no register here yet. Give the unit's code and name, the first "
                "administrator and the first department head, both present, each typing their "
                "own password; the administrator then adds the keepers, case handlers and "
                "other heads, each countersigned by a department head. The administrator "
                "holds no custody role."
            )
        )
        for lab, text in zip(
            self.labels,
            (
                self.tr("Unit code (4 digits)"),
                self.tr("Unit name"),
                self.tr("Administrator's badge"),
                self.tr("Administrator's name"),
                self.tr("Password"),
                self.tr("Password again"),
                self.tr("First department head's badge"),
                self.tr("Department head's name"),
                self.tr("Department they head"),
                self.tr("Department head's password"),
                self.tr("Department head's password again"),
                self.tr("The register is kept in"),
                self.tr("Backups go to"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.choose.setText(self.tr("Choose…"))
        self.create_button.setText(self.tr("Create the office"))

    def _choose(self) -> None:
        fd = folder_dialog(self, self.tr("Backup folder"))
        fd.fileSelected.connect(self.backup_folder.setText)
        fd.finished.connect(lambda _r: fd.deleteLater())
        self.folder_dialog = fd
        fd.open()

    def create_office(self) -> None:
        if self.password.text() != self.again.text():
            self.banner.say("error", self.tr("The two passwords differ."))
            self.again.clear()
            self.again.setFocus()
            return
        if self.head_password.text() != self.head_again.text():
            self.banner.say("error", self.tr("The department head's two passwords differ."))
            self.head_again.clear()
            self.head_again.setFocus()
            return
        folder = self.backup_folder.text().strip()
        if folder and not Path(folder).is_absolute():
            self.banner.say(
                "error", self.tr("The backup folder must be a full path, starting with /.")
            )
            return
        v: dict[str, Any] = {
            "unit_code": self.unit_code.text().strip(),
            "unit_name": self.unit_name.text(),
            "badge": self.badge.text(),
            "name": self.name.text(),
            "password": self.password.text(),
            "head": people.FirstHead(
                self.head_badge.text(),
                self.head_name.text(),
                self.head_password.text(),
                self.head_department.text(),
            ),
        }
        path = self.db_path
        self.buttons.setEnabled(False)
        self.banner.say("info", self.tr("Creating the register…"))
        self.ops.run(
            lambda _none: people.first_run(path, **v),
            success=lambda _pid: self._done(v["badge"].strip().upper(), folder),
            failure=self._failed,
            owner=self,
            with_db=False,
        )

    def _done(self, badge: str, folder: str) -> None:
        if folder:
            self.settings.set(BACKUP_FOLDER, folder)
        self.created.emit(badge)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.banner.refuse(exc)
