"""Inventory: a keeper's stocktaking of the shelves, in list mode. The keeper chooses a
location (a prefix such as "柜B"); the media that should be there (sealed, in custody,
unsealed) are listed; every scan ticks one off. The dialog counts what was expected, found
and is still missing, and flags a scan of a disc that should be elsewhere or is not in
custody (with its recorded status and location), of an unknown or malformed code, and of
the same disc twice. The result can be saved as a CSV file. Scanning changes nothing in the
register; a keeper may record a disc still missing after the search as lost (issue 14:
``findings.report_missing`` — the head of the case's department is told), saying where it was
looked for."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RuleViolation
from ...domain.lifecycle import Action, allowed
from ...files import write_private
from ...services import findings, lookup
from ...services.session import parse_code
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from ..widgets.file_dialogs import file_dialog

GREEN, AMBER = QColor("#e3f4e1"), QColor("#fff4d6")
#: more expected media than this: the keeper is asked for a narrower location
MAX_ROWS = 5000


@dataclass
class Flag:
    """A scan that did not tick an expected disc off."""

    code: str  # the code as stored ("" for a malformed scan)
    shown: str  # as printed under the barcode, or the scanned text
    kind: str  # "elsewhere", "not_held", "unknown", "malformed", "twice"
    note: str  # translated, as shown in the list and saved in the CSV
    location: str = ""  # the recorded location of a registered disc


class InventoryDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("inventory_dialog")
        self.setMinimumSize(820, 680)
        self.rows: list[dict[str, Any]] | None = None  # the expected media, once loaded
        self.prefix = ""
        self.index: dict[str, int] = {}  # code -> row of the table
        self.found: list[str] = []  # expected codes scanned, in order
        self.seen: set[str] = set()  # every registered code scanned
        self.flags: list[Flag] = []
        self.pending: list[str] = []  # scans that came while the list was loading
        self.recorded: set[str] = set()  # recorded missing (lost) from this dialog
        self.loading = False
        self.file_dialog: QFileDialog | None = None

        self.heading = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.location = QLineEdit()
        self.location.setObjectName("inventory_location")
        self.location.returnPressed.connect(self.load)
        self.show_button = QPushButton()
        self.show_button.setObjectName("inventory_show")
        self.show_button.clicked.connect(self.load)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.show_button)
        self.entry = QLineEdit()
        self.entry.setObjectName("inventory_entry")
        self.entry.returnPressed.connect(self._typed)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.location_label, self.scan_label = QLabel(), QLabel()
        self.form.addRow(self.location_label, where)
        self.form.addRow(self.scan_label, self.entry)
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.count.setObjectName("inventory_count")
        self.flags_title = QLabel()
        self.flag_list = QListWidget()
        self.flag_list.setMaximumHeight(140)
        self.banner = Banner()
        # a keeper records a disc still missing as lost (issue 14), saying where it was sought
        self.missing_note = QLineEdit()
        self.missing_note.setObjectName("inventory_missing_note")
        self.missing_button = QPushButton()
        self.missing_button.setObjectName("inventory_record_missing")
        self.missing_button.setAutoDefault(False)
        self.missing_button.setEnabled(False)
        self.missing_button.clicked.connect(self.record_missing)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_note, 1)
        missing_row.addWidget(self.missing_button)
        self.may_record = allowed(ctx.me.roles, Action.REPORT_MISSING)
        self.missing_note.setVisible(self.may_record)
        self.missing_button.setVisible(self.may_record)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("inventory_save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_save)
        self.buttons.rejected.connect(self.reject)
        # Enter in the scan or location field is that field's: no button of the dialog may
        # take it too (a typed code + Enter pressed "Show list" and reset the count)
        for b in (self.show_button, *self.buttons.buttons()):
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
                b.setDefault(False)

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.summary)
        lay.addLayout(self.form)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.flags_title)
        lay.addWidget(self.flag_list)
        lay.addLayout(missing_row)
        lay.addWidget(self.banner)
        lay.addWidget(self.buttons)
        self.retranslate()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        title = self.tr("Inventory")
        self.setWindowTitle(title)
        self.heading.setText(f"<h3>{title}</h3>")
        self.summary.setText(
            self.tr(
                "Stocktaking of the shelves: choose a location (for example 柜B, or leave it "
                "empty for all), show the media that should be there, then scan every disc "
                "on the shelves. Scanning changes nothing in the register; a keeper records a "
                "disc still missing after the search as lost, and its department head is told."
            )
        )
        self.location_label.setText(self.tr("Location starts with"))
        self.location.setPlaceholderText(self.tr("e.g. 柜B; empty: all locations"))
        self.show_button.setText(self.tr("Show list"))
        self.scan_label.setText(self.tr("Scan"))
        self.entry.setPlaceholderText(self.tr("scan, or type a code and press Enter"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Copy"),
                self.tr("Status"),
                self.tr("Location"),
                self.tr("Case"),
                self.tr("Found"),
            ]
        )
        self.flags_title.setText("<b>" + self.tr("Flagged scans") + "</b>")
        self.save_button.setText(self.tr("Save list…"))
        self.missing_note.setPlaceholderText(self.tr("where the selected disc was looked for"))
        self.missing_button.setText(self.tr("Record selected disc missing"))
        self._count()

    # ------------------------------------------------------------------ the list
    def load(self) -> None:
        """Fetch the media expected under the location (off the GUI thread)."""
        if self.loading:
            return
        self.loading = True
        self.show_button.setEnabled(False)
        self.location.setEnabled(False)
        prefix = self.location.text().strip()
        self.banner.say("info", self.tr("Fetching the list…"))
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: lookup.inventory_expected(worker_session(db, s), prefix, limit=MAX_ROWS + 1),
            success=lambda rows: self._loaded(prefix, rows),
            failure=self._load_failed,
            owner=self,
        )

    def _loaded(self, prefix: str, rows: list[dict[str, Any]]) -> None:
        self.loading = False
        self.show_button.setEnabled(True)
        self.location.setEnabled(True)
        if len(rows) > MAX_ROWS:
            self.banner.say(
                "warn",
                self.tr(
                    "More than %1 media are expected there: choose a narrower location."
                ).replace("%1", str(MAX_ROWS)),
            )
            self.ctx.feedback.refused()
            self._drop_pending()
            return
        self.prefix, self.rows = prefix, rows
        self.index = {r["code"]: i for i, r in enumerate(rows)}
        self.found, self.seen, self.flags = [], set(), []
        self.flag_list.clear()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [
                pretty(r["code"]),
                label("CopyRole", r["copy_role"]),
                label("Status", r["status"]),
                r["location"],
                r["case_no"],
                self.tr("missing"),
            ]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.save_button.setEnabled(True)
        self.banner.say(
            "info",
            self.tr("%1 media expected at “%2”: scan every disc on the shelves.")
            .replace("%1", str(len(rows)))
            .replace("%2", prefix or self.tr("all locations")),
        )
        self._count()
        pending, self.pending = self.pending, []
        for text in pending:
            self.handle_scan(text)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.show_button.setEnabled(True)
        self.location.setEnabled(True)
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        self._drop_pending()

    def _drop_pending(self) -> None:
        for _ in self.pending:
            self.ctx.feedback.refused()
        self.pending = []

    def missing(self) -> list[str]:
        return [
            r["code"]
            for r in self.rows or []
            if r["code"] not in self.found and r["code"] not in self.recorded
        ]

    # ------------------------------------------------------------------ recording missing
    def selected_code(self) -> str | None:
        rows = {ix.row() for ix in self.table.selectedIndexes()}
        if len(rows) != 1 or self.rows is None:
            return None
        return str(self.rows[rows.pop()]["code"])

    def _selection_changed(self) -> None:
        code = self.selected_code()
        self.missing_button.setEnabled(code is not None and code in self.missing())

    def record_missing(self) -> None:
        """The selected disc, still missing, recorded lost (Art. 20; the head is told)."""
        code = self.selected_code()
        if code is None or code not in self.missing():
            return
        note = self.missing_note.text()
        s = self.ctx.session
        self.missing_button.setEnabled(False)
        self.ctx.ops.run(
            lambda db: findings.report_missing(worker_session(db, s), code, note),
            success=lambda _fid: self._recorded(code),
            failure=self._record_failed,
            owner=self,
        )

    def _recorded(self, code: str) -> None:
        self.recorded.add(code)
        i = self.index[code]
        self.table.setItem(i, 2, QTableWidgetItem(label("Status", "lost")))
        self.table.setItem(i, 5, QTableWidgetItem(self.tr("recorded lost")))
        self.missing_note.clear()
        self.banner.say(
            "warn",
            self.tr("%1 recorded lost; the head of the case's department is told.").replace(
                "%1", pretty(code)
            ),
        )
        self._count()
        self._selection_changed()

    def _record_failed(self, exc: BaseException) -> None:
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        self._selection_changed()

    def _count(self) -> None:
        n = len(self.rows or [])
        self.count.setText(
            self.tr("Expected %1 · found %2 · still missing %3 · flagged %4")
            .replace("%1", str(n))
            .replace("%2", str(len(self.found)))
            .replace("%3", str(len(self.missing())))
            .replace("%4", str(len(self.flags)))
        )

    # ------------------------------------------------------------------ scans
    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        """List mode: every scan is one disc found on the shelves (scans come one after the
        other, in order; while the list is loading they wait)."""
        if self.loading:
            self.pending.append(text)
            return
        if self.rows is None:
            self.banner.say("warn", self.tr("Choose the location and show its list first."))
            self.ctx.feedback.refused()
            return
        try:
            mc = parse_code(text)
        except RuleViolation as exc:
            self._flag(Flag("", text.strip(), "malformed", self.tr("malformed code")), exc)
            return
        code, shown = mc.text, mc.pretty
        if code in self.seen:
            self._flag(Flag(code, shown, "twice", self.tr("scanned twice")))
            self.banner.say("warn", self.tr("%1 was already scanned.").replace("%1", shown))
            return
        if code in self.index:
            self.seen.add(code)
            self.found.append(code)
            row = self.index[code]
            for j in range(self.table.columnCount()):
                cell = self.table.item(row, j)
                if cell is not None:
                    cell.setBackground(QBrush(GREEN))
            item = self.table.item(row, 5)
            if item is not None:
                item.setText("✔")
                self.table.scrollToItem(item)
            self._count()
            self.banner.say(
                "ok",
                self.tr("✔ %1 found; %2 still missing.")
                .replace("%1", shown)
                .replace("%2", str(len(self.rows) - len(self.found))),
            )
            self.ctx.feedback.accepted()
            return
        try:  # not expected here: what does the register say of it?
            rec = lookup.scan(self.ctx.session, text)
        except RuleViolation as exc:
            if exc.code == "unknown_medium":
                self.seen.add(code)
                self._flag(Flag(code, shown, "unknown", self.tr("not registered")), exc)
            else:
                self._flag(Flag(code, shown, "malformed", self.tr("refused")), exc)
            return
        self.seen.add(code)
        st = label("Status", rec.status)
        where = rec.location or self.tr("no location")
        if rec.status in lookup.ON_SHELF:
            note = (
                self.tr("should be elsewhere: %1, recorded at %2")
                .replace("%1", st)
                .replace("%2", where)
            )
            kind = "elsewhere"
        else:
            note = (
                self.tr("not on the shelves: %1 (last location %2)")
                .replace("%1", st)
                .replace("%2", where)
            )
            kind = "not_held"
        self._flag(Flag(code, shown, kind, note, rec.location))
        self.banner.say(
            "error",
            self.tr("%1 is not expected here: %2").replace("%1", shown).replace("%2", note),
        )

    def _flag(self, f: Flag, exc: RuleViolation | None = None) -> None:
        """A scan that ticks nothing off: listed, with a beep."""
        self.flags.append(f)
        item = QListWidgetItem(f"✖ {f.shown or '∅'} — {f.note}")
        item.setBackground(QBrush(AMBER))
        item.setData(Qt.ItemDataRole.UserRole, f.kind)
        self.flag_list.addItem(item)
        self.flag_list.scrollToBottom()
        if exc is not None:
            self.banner.refuse(exc)
        self._count()
        self.ctx.feedback.refused()

    # ------------------------------------------------------------------ the CSV
    def csv_rows(self) -> list[list[str]]:
        """The result: code, expected location, found yes/no, note (expected media first,
        then the flagged scans of registered or well-formed codes)."""
        yes, no = self.tr("yes"), self.tr("no")
        out = [[self.tr("Code"), self.tr("Expected location"), self.tr("Found"), self.tr("Note")]]
        for r in self.rows or []:
            done = r["code"] in self.found
            out.append(
                [r["code"], r["location"], yes if done else no, "" if done else self.tr("missing")]
            )
        for f in self.flags:
            if f.code and f.kind != "twice":
                out.append([f.code, f.location, yes, f.note])
        return out

    def ask_save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        fd = file_dialog(self, self.tr("Save the inventory list"))
        fd.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        fd.setNameFilter(self.tr("CSV files (*.csv)"))
        fd.setDefaultSuffix("csv")
        if folder and Path(folder).is_dir():
            fd.setDirectory(folder)
        fd.selectFile("inventory-" + (self.prefix or "all") + ".csv")
        fd.fileSelected.connect(self.save_to)
        fd.finished.connect(lambda _r: fd.deleteLater())
        self.file_dialog = fd
        fd.open()

    def save_to(self, name: str) -> None:
        if not name or self.rows is None:
            return
        target = Path(name)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        text = io.StringIO(newline="")
        csv.writer(text).writerows(self.csv_rows())
        try:  # with a BOM, so that spreadsheet programs read the Chinese right; private
            # (0600), never through a link, an existing file replaced (in one step) only
            # when it is the name the Save dialog asked about
            write_private(target, text.getvalue().encode("utf-8-sig"), replace=target == Path(name))
        except RuleViolation as exc:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()
            return
        self.banner.say("ok", self.tr("Saved as %1.").replace("%1", str(target)))
