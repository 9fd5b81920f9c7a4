"""Inventory: a keeper's stocktaking of the shelves as a recorded session (issue 16). The
keeper chooses a location (a prefix such as "柜B"; empty: the whole room) and starts the
session (an open session of that location is taken up again): the expected population — the
media the register puts there (sealed, in custody, unsealed) and those out on a recorded
retrieval or court transfer — is fixed and listed. Every scan is recorded as an observation:
an expected disc found on the shelf (a sealed original: its seal confirmed intact, unless
"seal not intact" is ticked), or a disc not expected here (with its recorded status and
location; a code the register does not know), which is flagged. A malformed code and the same
disc twice are flagged and record nothing. The discs out on record are confirmed from the
register; a disc still missing after the search is recorded not located, saying where it was
looked for. Closing needs every expected disc observed and is signed by the keeper and a
witness; the discrepancies go to the heads of the cases' departments; the record prints. The
list can be saved as a CSV file."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
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
from ...files import write_private
from ...services import catalogue, inventory, lookup
from ...services.session import Session, parse_code
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from ..widgets.file_dialogs import file_dialog
from .inventory_close import InventoryCloseDialog
from .print_dialog import PrintDialog

GREEN, AMBER = QColor("#e3f4e1"), QColor("#fff4d6")
#: more expected media than this: the keeper is asked for a narrower location
MAX_ROWS = 5000
#: an observation that says the disc was seen on the shelf
SEEN = ("shelf", "sealed", "seal_broken", "unexpected")


@dataclass
class Flag:
    """A scan that did not tick an expected disc off."""

    code: str  # the code as stored ("" for a malformed scan)
    shown: str  # as printed under the barcode, or the scanned text
    kind: str  # "elsewhere", "not_held", "unknown", "malformed", "twice"
    note: str  # translated, as shown in the list and saved in the CSV
    location: str = ""  # the recorded location of a registered disc


def _open_or_start(s: Session, prefix: str) -> dict[str, Any]:
    """The open session of exactly this location, taken up again, or a new one; its record."""
    sid = next((o["id"] for o in inventory.open_sessions(s) if o["location"] == prefix), None)
    if sid is None:
        sid = inventory.start(s, prefix)
    return inventory.record(s, sid)


class InventoryDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("inventory_dialog")
        self.setMinimumSize(820, 720)
        self.rows: list[dict[str, Any]] | None = None  # the expected media, once started
        self.session_id: int | None = None
        self.closed = False
        self.prefix = ""
        self.index: dict[str, int] = {}  # code -> row of the table
        self.found: list[str] = []  # expected codes scanned, in order
        self.seen: set[str] = set()  # every registered code scanned
        self.flags: list[Flag] = []
        self.pending: list[str] = []  # scans waiting for the session or the one before
        self.loading = False
        self.busy = False  # a scan or an observation is being recorded
        self.file_dialog: QFileDialog | None = None
        self.close_dialog: InventoryCloseDialog | None = None
        self.print_dialog: PrintDialog | None = None

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
        # the keeper looks at the seal of each sealed original before scanning it
        self.seal_broken = QCheckBox()
        self.seal_broken.setObjectName("inventory_seal_broken")
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.entry, 1)
        scan_row.addWidget(self.seal_broken)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.location_label, self.scan_label = QLabel(), QLabel()
        self.form.addRow(self.location_label, where)
        self.form.addRow(self.scan_label, scan_row)
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.count = QLabel()
        self.count.setObjectName("inventory_count")
        self.flags_title = QLabel()
        self.flag_list = QListWidget()
        self.flag_list.setMaximumHeight(140)
        self.banner = Banner()
        # a disc still missing after the search is recorded not located, saying where
        self.missing_note = QLineEdit()
        self.missing_note.setObjectName("inventory_missing_note")
        self.missing_button = QPushButton()
        self.missing_button.setObjectName("inventory_record_missing")
        self.missing_button.setEnabled(False)
        self.missing_button.clicked.connect(self.record_missing)
        self.out_button = QPushButton()
        self.out_button.setObjectName("inventory_confirm_out")
        self.out_button.setEnabled(False)
        self.out_button.clicked.connect(self.confirm_out)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_note, 1)
        missing_row.addWidget(self.missing_button)
        missing_row.addWidget(self.out_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("inventory_save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button.setObjectName("inventory_close")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.ask_close)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("inventory_print")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.open_report)
        self.buttons.rejected.connect(self.reject)
        # Enter in the scan or location field is that field's: no button of the dialog may
        # take it too (a typed code + Enter pressed "Show list" and reset the count)
        for b in (
            self.show_button,
            self.missing_button,
            self.out_button,
            *self.buttons.buttons(),
        ):
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
                "Stocktaking of the shelves, recorded: choose a location (for example 柜B, or "
                "leave it empty for the whole room) and start; the media expected there are "
                "listed, with those out on a recorded retrieval or transfer. Scan every disc "
                "on the shelves (look at the seal of each sealed original first). Confirm the "
                "discs out from the register, record each disc still missing as not located, "
                "then close: the keeper and a witness sign the record, and every discrepancy "
                "goes to the head of the case's department."
            )
        )
        self.location_label.setText(self.tr("Location starts with"))
        self.location.setPlaceholderText(self.tr("e.g. 柜B; empty: all locations"))
        self.show_button.setText(self.tr("Start inventory"))
        self.scan_label.setText(self.tr("Scan"))
        self.entry.setPlaceholderText(self.tr("scan, or type a code and press Enter"))
        self.seal_broken.setText(self.tr("Seal of the next original not intact"))
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
        self.close_button.setText(self.tr("Close and sign…"))
        self.print_button.setText(self.tr("Print the record…"))
        self.missing_note.setPlaceholderText(self.tr("where the selected disc was looked for"))
        self.missing_button.setText(self.tr("Record selected disc not located"))
        self.out_button.setText(self.tr("Confirm the discs out on record"))
        self._count()

    # ------------------------------------------------------------------ the session
    def load(self) -> None:
        """Start the session of the location, or take up its open one (off the GUI thread)."""
        if self.loading or self.session_id is not None:
            return
        self.loading = True
        self.show_button.setEnabled(False)
        self.location.setEnabled(False)
        prefix = self.location.text().strip()
        self.banner.say("info", self.tr("Starting the inventory…"))
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: _open_or_start(worker_session(db, s), prefix),
            success=lambda rec: self._loaded(prefix, rec),
            failure=self._load_failed,
            owner=self,
        )

    def _loaded(self, prefix: str, rec: dict[str, Any]) -> None:
        self.loading = False
        rows = rec["expected"]
        if len(rows) > MAX_ROWS:
            self.banner.say(
                "warn",
                self.tr(
                    "More than %1 media are expected there: choose a narrower location."
                ).replace("%1", str(MAX_ROWS)),
            )
        self.session_id, self.prefix, self.rows = int(rec["id"]), prefix, rows
        # the location of this session is fixed: shown, no longer edited
        self.location.setEnabled(True)
        self.location.setReadOnly(True)
        self.index = {r["code"]: i for i, r in enumerate(rows)}
        self.found = [r["code"] for r in rows if r["kind"] in SEEN]
        self.seen = set(self.found) | {r["code"] for r in rec["unexpected"]}
        self.flags = []
        self.flag_list.clear()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [
                pretty(r["code"]),
                label("CopyRole", r["copy_role"]),
                label("Status", r["status"]),
                r["location"],
                r["case_no"],
                "",
            ]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
            self._mark(r["code"], r["kind"])
        self.table.resizeColumnsToContents()
        self.save_button.setEnabled(True)
        self.banner.say(
            "info",
            self.tr("Inventory #%3: %1 media expected at “%2”; scan every disc on the shelves.")
            .replace("%1", str(len(rows)))
            .replace("%2", prefix or self.tr("all locations"))
            .replace("%3", str(self.session_id)),
        )
        self._count()
        self._next()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.show_button.setEnabled(True)
        self.location.setEnabled(True)
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        for _ in self.pending:
            self.ctx.feedback.refused()
        self.pending = []

    def _kind(self, code: str) -> str | None:
        if self.rows is None or code not in self.index:
            return None
        kind = self.rows[self.index[code]].get("kind")
        return None if kind is None else str(kind)

    def missing(self) -> list[str]:
        """The expected media without an observation yet."""
        return [r["code"] for r in self.rows or [] if r.get("kind") is None]

    def _mark(self, code: str, kind: str | None) -> None:
        """Show an expected disc's observation in its row."""
        if self.rows is None or code not in self.index:
            return
        row = self.index[code]
        self.rows[row]["kind"] = kind
        text = {
            None: self.tr("missing"),
            "shelf": "✔",
            "sealed": "✔ " + self.tr("seal intact"),
            "seal_broken": "✖ " + self.tr("seal not intact"),
            "out": self.tr("out on record"),
            "missing": self.tr("not located"),
            "unexpected": "✖ " + self.tr("found, recorded out"),
        }.get(kind, str(kind))
        colour = GREEN if kind in ("shelf", "sealed", "out") else AMBER if kind else None
        for j in range(self.table.columnCount()):
            cell = self.table.item(row, j)
            if cell is not None and colour is not None:
                cell.setBackground(QBrush(colour))
        item = self.table.item(row, 5)
        if item is not None:
            item.setText(text)

    # ------------------------------------------------------------------ missing, out
    def selected_code(self) -> str | None:
        rows = {ix.row() for ix in self.table.selectedIndexes()}
        if len(rows) != 1 or self.rows is None:
            return None
        return str(self.rows[rows.pop()]["code"])

    def _selection_changed(self) -> None:
        code = self.selected_code()
        self.missing_button.setEnabled(
            not self.closed
            and code is not None
            and code in self.missing()
            and self.rows is not None
            and self.rows[self.index[code]]["status"] in lookup.ON_SHELF
        )

    def _out_left(self) -> list[str]:
        return [
            r["code"]
            for r in self.rows or []
            if r.get("kind") is None and r["status"] not in lookup.ON_SHELF
        ]

    def record_missing(self) -> None:
        """The selected disc, still missing after the search: not located (reported at
        closing, when it is recorded lost)."""
        code = self.selected_code()
        if code is None or code not in self.missing():
            return
        self._record([(code, "missing", self.missing_note.text())])

    def confirm_out(self) -> None:
        """The discs out on a recorded retrieval or transfer, confirmed from the register."""
        self._record([(c, "out", "") for c in self._out_left()])

    def _record(self, items: list[tuple[str, str, str]]) -> None:
        if not items or self.session_id is None:
            return
        sid, s = self.session_id, self.ctx.session
        self.busy = True
        self._enable()

        def work(db: Any) -> list[tuple[str, str]]:
            ws = worker_session(db, s)
            for code, kind, note in items:
                inventory.observe(ws, sid, code, kind, note)
            return [(code, kind) for code, kind, _ in items]

        self.ctx.ops.run(work, success=self._recorded, failure=self._record_failed, owner=self)

    def _recorded(self, done: list[tuple[str, str]]) -> None:
        self.busy = False
        for code, kind in done:
            self._mark(code, kind)
        if any(kind == "missing" for _, kind in done):
            self.missing_note.clear()
            self.banner.say(
                "warn",
                self.tr(
                    "%1 recorded not located; at closing it is recorded lost and its head told."
                ).replace("%1", ", ".join(pretty(c) for c, _ in done)),
            )
        else:
            self.banner.say(
                "ok", self.tr("%1 discs out on record confirmed.").replace("%1", str(len(done)))
            )
        self._count()
        self._next()

    def _record_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        self._count()
        self._next()

    def _enable(self) -> None:
        idle = self.session_id is not None and not self.busy and not self.closed
        self.out_button.setEnabled(idle and bool(self._out_left()))
        self.close_button.setEnabled(idle and not self.missing())
        self.print_button.setEnabled(self.session_id is not None and not self.busy)
        self.entry.setEnabled(not self.closed)
        self.seal_broken.setEnabled(not self.closed)
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
        self._enable()

    # ------------------------------------------------------------------ scans
    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        """Every scan is one disc found on the shelves, recorded in the session; scans come
        one after the other, in order (while the session starts or the scan before is being
        recorded, they wait)."""
        if self.loading or self.busy:
            self.pending.append(text)
            return
        if self.session_id is None:
            self.banner.say("warn", self.tr("Choose the location and start the inventory first."))
            self.ctx.feedback.refused()
            return
        if self.closed:
            self.banner.say("warn", self.tr("This inventory is closed: its record is signed."))
            self.ctx.feedback.refused()
            return
        try:
            mc = parse_code(text)
        except RuleViolation as exc:
            self._flag(Flag("", text.strip(), "malformed", self.tr("malformed code")), exc)
            self._next()
            return
        code, shown = mc.text, mc.pretty
        if code in self.seen:
            self._flag(Flag(code, shown, "twice", self.tr("scanned twice")))
            self.banner.say("warn", self.tr("%1 was already scanned.").replace("%1", shown))
            self._next()
            return
        broken = self.seal_broken.isChecked() and self._kind(code) is None
        sid, s = self.session_id, self.ctx.session
        self.busy = True
        self.ctx.ops.run(
            lambda db: inventory.scan(worker_session(db, s), sid, text, seal_broken=broken),
            success=self._scanned,
            failure=lambda exc: self._scan_failed(code, shown, exc),
            owner=self,
        )

    def _next(self) -> None:
        if self.pending and not self.busy and not self.loading:
            self.handle_scan(self.pending.pop(0))

    def _scanned(self, got: dict[str, Any]) -> None:
        self.busy = False
        code, shown, kind = got["code"], got["pretty"], got["kind"]
        self.seen.add(code)
        if got["expected"] and kind != "unexpected":
            self.found.append(code)
            self._mark(code, kind)
            row = self.table.item(self.index[code], 5)
            if row is not None:
                self.table.scrollToItem(row)
            if kind == "seal_broken":
                self.seal_broken.setChecked(False)
                self.banner.say(
                    "error",
                    self.tr("%1 found, its seal NOT intact: reported at closing.").replace(
                        "%1", shown
                    ),
                )
                self.ctx.feedback.refused()
            else:
                self.banner.say(
                    "ok",
                    self.tr("✔ %1 found; %2 still missing.")
                    .replace("%1", shown)
                    .replace("%2", str(len(self.missing()))),
                )
                self.ctx.feedback.accepted()
            self._count()
            self._next()
            return
        if got["expected"]:  # recorded out, found on the shelf
            self.found.append(code)
            self._mark(code, kind)
        if not got["registered"]:
            self._flag(Flag(code, shown, "unknown", self.tr("not registered")))
            self.banner.say(
                "error",
                self.tr("%1 is not registered: recorded as unexpected.").replace("%1", shown),
            )
            self._next()
            return
        st = label("Status", got["status"])
        where = got["location"] or self.tr("no location")
        if got["status"] in lookup.ON_SHELF:
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
        self._flag(Flag(code, shown, kind, note, got["location"]))
        self.banner.say(
            "error",
            self.tr("%1 is not expected here: %2").replace("%1", shown).replace("%2", note),
        )
        self._next()

    def _scan_failed(self, code: str, shown: str, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, RuleViolation) and exc.code == "already_observed":
            self.seen.add(code)
            self._flag(Flag(code, shown, "twice", self.tr("scanned twice")), exc)
        else:
            self._flag(Flag(code, shown, "malformed", self.tr("refused")), exc)
        self._next()

    def _flag(self, f: Flag, exc: BaseException | None = None) -> None:
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

    # ------------------------------------------------------------------ closing, the record
    def ask_close(self) -> InventoryCloseDialog | None:
        if self.session_id is None or self.missing():
            return None
        d = InventoryCloseDialog(
            self.ctx,
            self.session_id,
            self.count.text() + "<br>" + self.tr("Flagged scans") + f": {len(self.flags)}",
            self,
        )
        d.completed.connect(self._closed)
        d.finished.connect(lambda _r: d.deleteLater())
        self.close_dialog = d
        d.open()
        return d

    def _closed(self, text: str) -> None:
        self.closed = True
        self.close_dialog = None
        self.banner.say("ok", text)
        self.ctx.feedback.accepted()
        self._count()

    def open_report(self) -> PrintDialog | None:
        if self.session_id is None:
            return None
        d = PrintDialog(self.ctx, catalogue.inventory_report(self.session_id), self)
        d.finished.connect(lambda _r: d.deleteLater())
        self.print_dialog = d
        d.open()
        return d

    # ------------------------------------------------------------------ the CSV
    def _observed_text(self, kind: str | None) -> str:
        return {
            None: self.tr("missing"),
            "seal_broken": self.tr("seal not intact"),
            "out": self.tr("out on record"),
            "missing": self.tr("not located"),
        }.get(kind, "")

    def csv_rows(self) -> list[list[str]]:
        """The result: code, expected location, found yes/no, note (expected media first,
        then the flagged scans of registered or well-formed codes)."""
        yes, no = self.tr("yes"), self.tr("no")
        out = [[self.tr("Code"), self.tr("Expected location"), self.tr("Found"), self.tr("Note")]]
        notes = {f.code: f.note for f in self.flags if f.code and f.kind != "twice"}
        for r in self.rows or []:
            kind = r.get("kind")
            done = kind in SEEN
            note = "" if kind in ("shelf", "sealed") else self._observed_text(kind)
            out.append([r["code"], r["location"], yes if done else no, notes.get(r["code"], note)])
        for f in self.flags:
            if f.code and f.kind != "twice" and f.code not in self.index:
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
