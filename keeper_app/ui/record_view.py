"""One medium's record as the counter shows it after a scan: case, person interrogated,
copy role, status, shelf location, seal, what is due, its history — and a button for each
action its state and the signed-in person's role allow (``ScanRecord.actions``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .labels import history_detail, label, pretty, values

STATUS_COLOURS = {
    "sealed": "#1f6f3d",
    "in_custody": "#1f6f3d",
    "burned": "#8a5a00",
    "unsealed": "#8a5a00",
    "out": "#1f4f8a",
    "damaged": "#a11d12",
    "replaced": "#a11d12",
    "lost": "#a11d12",
    "transferred": "#555555",
    "archived": "#555555",
}


def with_shortcut(button: QAbstractButton, text: str, key: str | None) -> None:
    """The button's text with its shortcut shown, the shortcut in the tooltip too. (setText
    resets a button's shortcut to the text's mnemonic: the shortcut is set after it.)"""
    button.setText(text + (f"  ({key})" if key else ""))
    if key:
        button.setShortcut(QKeySequence(key))
        button.setToolTip(
            QCoreApplication.translate("RecordView", "Shortcut: %1").replace("%1", key)
        )


def chip(text: str, colour: str) -> str:
    return (
        f"<span style='background:{colour};color:white;border-radius:3px;'>"
        f"&nbsp;{text}&nbsp;</span>"
    )


#: what the print button offers for a disc: both labels, sleeve inserts, the original's
#: seal-bag label, the handover receipt (once handed over), the sticker of the newest label
#: correction for the seal bag (once a label field was corrected, issue 14), the custody
#: report of the pair (issue 16); "custody" (this disc's custody report) has its own button
PRINTS = ("labels", "sleeve", "seal_bag", "receipt", "correction_sticker", "custody_pair")


def label_correction(rec: Any) -> int | None:
    """The id of the newest correction of this disc's label (None: its label was never
    corrected)."""
    ids = [int(c["id"]) for c in rec.corrections if str(c["field"]).startswith("label.")]
    return max(ids) if ids else None


#: the counter's actions from the keyboard (a button's shortcut works only while the button is
#: shown, i.e. while the record and the role allow that action)
SHORTCUTS = {
    "handover": "F2",
    "retrieve": "F3",
    "return": "F4",
    "request_unseal": "F6",
    "unseal": "F7",
    "reseal": "F8",
    "court_transfer": "F9",
    "archive_handover": "F11",
    "set_location": "F12",
}
PRINT_SHORTCUT = "Ctrl+P"


class RecordView(QWidget):
    action_requested = Signal(str)
    print_requested = Signal(str)  # one of PRINTS

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.record: Any = None
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = QGridLayout()
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(3, 1)
        self.fields.setHorizontalSpacing(14)
        self._cells: list[tuple[QLabel, QLabel]] = []
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.RichText)
        self.actions_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}  # the actions offered now
        self._all_buttons: dict[str, QPushButton] = {}
        self.no_actions = QLabel()
        self.actions_row.addWidget(self.no_actions)
        self.actions_row.addStretch(1)
        for a in values("Action"):
            self._add_button(a)
        self.print_button = QToolButton()
        self.print_button.setObjectName("print_labels")
        self.print_button.setMinimumHeight(34)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {k: self.print_menu.addAction("") for k in PRINTS}
        for k, act in self.print_actions.items():
            act.triggered.connect(lambda _c=False, k=k: self.print_requested.emit(k))
        self.print_button.setMenu(self.print_menu)
        self.print_button.clicked.connect(lambda: self.print_requested.emit("labels"))
        self.actions_row.addWidget(self.print_button)
        # issue 16: every event of the disc's life with its signers and hashes, on paper
        self.custody_button = QPushButton()
        self.custody_button.setObjectName("custody_report")
        self.custody_button.setMinimumHeight(34)
        self.custody_button.clicked.connect(lambda: self.print_requested.emit("custody"))
        self.actions_row.addWidget(self.custody_button)
        self.history = QTableWidget(0, 4)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.history.setTabKeyNavigation(False)  # Tab leaves the table, it does not walk cells
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#777;font-size:15px;padding:40px;")

        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        card = QVBoxLayout(self.card)
        card.addWidget(self.header)
        card.addLayout(self.fields)
        card.addWidget(self.due)
        card.addLayout(self.actions_row)
        self.history_title = QLabel()
        card.addWidget(self.history_title)
        card.addWidget(self.history, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.empty)
        lay.addWidget(self.card, 1)
        self.card.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Scan a disc, or type its code above."))
        self.history_title.setText("<b>" + self.tr("History") + "</b>")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("Who"), self.tr("Detail")]
        )
        self.no_actions.setText(self.tr("Nothing to do with this disc in your role."))
        for a, b in self._all_buttons.items():
            key = SHORTCUTS.get(a)
            with_shortcut(b, label("Action", a), key)
        with_shortcut(self.print_button, self.tr("Print labels…"), PRINT_SHORTCUT)
        self.custody_button.setText(self.tr("Custody report…"))
        self.custody_button.setToolTip(
            self.tr(
                "Every event of this disc's life, who signed in which capacity, the hashes and "
                "the audit chain head — to print or save"
            )
        )
        for k, text in (
            ("labels", self.tr("Disc labels of both discs of the pair…")),
            ("sleeve", self.tr("Sleeve inserts…")),
            ("seal_bag", self.tr("Seal-bag label of the original…")),
            ("receipt", self.tr("Handover receipt…")),
            ("correction_sticker", self.tr("Correction sticker for the seal bag…")),
            ("custody_pair", self.tr("Custody report of the pair…")),
        ):
            self.print_actions[k].setText(text)
        if self.record is not None:
            self.show_record(self.record)

    def clear(self) -> None:
        self.record = None
        self.card.hide()
        self.empty.show()

    # ------------------------------------------------------------------ showing
    def show_record(self, rec: Any) -> None:
        self.record = rec
        self.empty.hide()
        self.card.show()
        colour = STATUS_COLOURS.get(rec.status, "#555")
        self.header.setText(
            f"<span style='font-size:22px;font-weight:600'>{rec.pretty}</span>&nbsp;&nbsp;"
            f"{chip(label('CopyRole', rec.copy_role), '#444')}&nbsp;"
            f"{chip(label('Status', rec.status), colour)}"
        )
        self._fill_fields(rec)
        self._fill_due(rec)
        self._fill_actions(rec)
        self._fill_prints(rec)
        self._fill_history(rec)

    def _field_labels(self, n: int) -> None:
        """The grid of name/value labels, made once and reused for every record (a scan
        only sets texts: no widgets made or deleted)."""
        while len(self._cells) < n:
            i = len(self._cells)
            r, c = (i // 2, (i % 2) * 2) if i < 10 else (5 + i - 10, 0)
            key, val = QLabel(), QLabel()
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addWidget(key, r, c)
            self.fields.addWidget(val, r, c + 1, 1, 1 if i < 10 else 3)
            self._cells.append((key, val))

    def _fill_fields(self, rec: Any) -> None:
        person = str(rec.label.get("person_interrogated", ""))
        if rec.recordings:
            role = label("PersonRole", rec.recordings[0].get("person_role"))
            person = self.tr("%1 (%2)").replace("%1", person).replace("%2", role)
        partner = ""
        if rec.partner:
            p = rec.partner
            partner = self.tr("%1 (%2, %3)").replace("%1", pretty(p["code"]))
            partner = partner.replace("%2", label("CopyRole", p["copy_role"]))
            partner = partner.replace("%3", label("Status", p["status"]))
        rows: list[tuple[str, str]] = [
            (self.tr("Case"), f"{rec.case_no}  {rec.case_name}"),
            (self.tr("Case status"), label("CaseStatus", rec.case_status)),
            (self.tr("Department"), rec.department),
            (self.tr("Person interrogated"), person),
            (self.tr("Copy"), label("CopyRole", rec.copy_role)),
            (self.tr("Status"), label("Status", rec.status)),
            (self.tr("Shelf location"), rec.location or "—"),
            (self.tr("Seal number"), rec.seal_no or "—"),
            (self.tr("Made"), f"{rec.burned_at} · {rec.label.get('producer', '')}"),
            (self.tr("Other disc"), partner),
        ]
        if rec.open_entry:
            e = rec.open_entry
            rows.append(
                (
                    self.tr("Out with"),
                    self.tr("%1 (%2, %3) since %4 for %5, due back %6 · register #%7")
                    .replace("%1", str(e["retriever_name"]))
                    .replace("%2", str(e["retriever_badge"]))
                    .replace("%3", str(e.get("retriever_unit", "")))
                    .replace("%4", str(e["out_at"]))
                    .replace("%5", label("Reason", e["reason"]))
                    .replace("%6", str(e["due_at"]))
                    .replace("%7", str(e["id"])),
                )
            )
        self._field_labels(len(rows))
        for (key, val), row in zip(self._cells, rows + [("", "")] * len(self._cells), strict=False):
            key.setText(f"<span style='color:#666'>{row[0]}</span>" if row[0] else "")
            val.setText(row[1])
            key.setVisible(bool(row[0]))
            val.setVisible(bool(row[0]))

    def _fill_due(self, rec: Any) -> None:
        items = []
        for d in rec.due:
            if d["late"]:
                flag = chip(self.tr("LATE"), "#a11d12")
            elif d.get("soon"):
                flag = chip(self.tr("SOON"), "#b07400")
            else:
                flag = chip(self.tr("due"), "#1f4f8a")
            items.append(f"{flag} {label('DueKind', d['kind'])} · {d['due_at']}")
        self.due.setText("<br>".join(items))
        self.due.setVisible(bool(items))

    def _fill_actions(self, rec: Any) -> None:
        """A button for each action ``rec.actions`` lists (its state and the role allow).
        The buttons are made once, in a fixed order, and only shown or hidden."""
        for a in rec.actions:
            if a not in self._all_buttons:  # an action this view did not know
                self._add_button(a)
        self.buttons = {}
        for a, b in self._all_buttons.items():
            b.setVisible(a in rec.actions)
            if a in rec.actions:
                self.buttons[a] = b
        self.no_actions.setVisible(not rec.actions)

    def _fill_prints(self, rec: Any) -> None:
        """Labels and receipts belong to the discs of a pair (not to a hard-drive volume);
        the receipt exists once the pair was handed over."""
        disc = rec.copy_role in ("original", "duplicate")
        self.print_button.setVisible(disc)
        self.print_actions["receipt"].setVisible(disc and rec.status != "burned")
        self.print_actions["correction_sticker"].setVisible(
            disc and label_correction(rec) is not None
        )
        self.print_actions["custody_pair"].setVisible(disc)

    def _add_button(self, a: str) -> QPushButton:
        b = QPushButton()
        with_shortcut(b, label("Action", a), SHORTCUTS.get(a))
        b.setObjectName(f"action_{a}")
        b.setMinimumHeight(34)
        b.clicked.connect(lambda _c=False, a=a: self.action_requested.emit(a))
        b.hide()
        self.actions_row.insertWidget(len(self._all_buttons), b)
        self._all_buttons[a] = b
        return b

    def _fill_history(self, rec: Any) -> None:
        self.history.setRowCount(len(rec.history))
        for i, h in enumerate(rec.history):
            cells = [
                h["at"],
                label("History", h["kind"]),
                h["who"] or "",
                history_detail(h["kind"], h["detail"]),
            ]
            for j, text in enumerate(cells):
                self.history.setItem(i, j, QTableWidgetItem(str(text)))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
