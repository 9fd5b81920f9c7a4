"""One seized storage medium's record as the counter shows it after its tag is scanned (issue
15): the item and the seizure it belongs to — the Art. 128(4) inventory (cause of action,
persons concerned, record, time and place; each item's type, specification, length or
capacity, file formats, copies, content) — its seals (who sealed, when), its deadlines
(registration within 20 days, safekeeping within 30 days, the end of the sealing period, the
release deadline) with their state, its history, and a button for each action its state and
the signed-in person's role allow (``seized.lookup(...)["actions"]``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from .labels import label
from .record_view import chip

STATUS_COLOURS = {
    "seized": "#8a5a00",
    "sealed": "#1f6f3d",
    "in_safekeeping": "#1f6f3d",
    "unsealed": "#8a5a00",
    "out": "#1f4f8a",
    "missing": "#a11d12",
    "released": "#555555",
}

#: the actions a seized item's record may offer, in this order
ACTIONS = (
    "transfer_out",
    "transfer_in",
    "receive",
    "unseal",
    "reseal",
    "release",
    "seal",
    "request_unseal",
    "request_transfer",
    "request_extension",
    "find_unrelated",
)


def _table(cols: int) -> QTableWidget:
    t = QTableWidget(0, cols)
    t.verticalHeader().hide()
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setTabKeyNavigation(False)
    t.horizontalHeader().setSectionResizeMode(cols - 1, QHeaderView.ResizeMode.Stretch)
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for j, text in enumerate(cells):
            t.setItem(i, j, QTableWidgetItem(text))
    t.resizeColumnsToContents()
    t.horizontalHeader().setSectionResizeMode(t.columnCount() - 1, QHeaderView.ResizeMode.Stretch)


def approved_release(rec: dict[str, Any]) -> int | None:
    """The latest approved release request of the item's seizure that holds this item (its
    notice is given to the person in possession, Art. 134), or None."""
    for q in sorted(rec.get("requests", []), key=lambda q: -int(q["id"])):
        if q.get("kind") == "release" and q.get("decision") == "approved":
            if int(rec["id"]) in {int(i) for i in q.get("items", [])}:
                return int(q["id"])
    return None


class SeizedRecordView(QWidget):
    action_requested = Signal(str)
    #: "tag", "tags" (every item of the seizure), "inventory", "release" (the release notice)
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.record: dict[str, Any] | None = None
        self.header = QLabel()
        self.header.setObjectName("seized_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = QGridLayout()
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(3, 1)
        self.fields.setHorizontalSpacing(14)
        self._cells: list[tuple[QLabel, QLabel]] = []
        self.due = QLabel()
        self.due.setObjectName("seized_due")
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.RichText)
        self.actions_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self._all_buttons: dict[str, QPushButton] = {}
        for a in ACTIONS:
            b = QPushButton()
            b.setObjectName(f"seized_action_{a}")
            b.setMinimumHeight(34)
            b.clicked.connect(lambda _c=False, a=a: self.action_requested.emit(a))
            b.hide()
            self.actions_row.addWidget(b)
            self._all_buttons[a] = b
        self.no_actions = QLabel()
        self.actions_row.addWidget(self.no_actions)
        self.actions_row.addStretch(1)
        self.print_button = QToolButton()
        self.print_button.setObjectName("seized_print")
        self.print_button.setMinimumHeight(34)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {
            k: self.print_menu.addAction("") for k in ("tag", "tags", "inventory", "release")
        }
        for k, act in self.print_actions.items():
            act.triggered.connect(lambda _c=False, k=k: self.print_requested.emit(k))
        self.print_button.setMenu(self.print_menu)
        self.print_button.clicked.connect(lambda: self.print_requested.emit("tag"))
        self.print_button.hide()
        self.actions_row.addWidget(self.print_button)
        self.inventory_title, self.seals_title, self.history_title = QLabel(), QLabel(), QLabel()
        self.inventory = _table(8)
        self.inventory.setObjectName("seized_inventory")
        self.seals = _table(4)
        self.seals.setObjectName("seized_seals")
        self.history = _table(4)
        self.history.setObjectName("seized_history")
        for t in (self.inventory, self.seals):
            t.setMaximumHeight(150)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(card)
        lay.addWidget(self.header)
        lay.addLayout(self.fields)
        lay.addWidget(self.due)
        lay.addLayout(self.actions_row)
        lay.addWidget(self.inventory_title)
        lay.addWidget(self.inventory)
        lay.addWidget(self.seals_title)
        lay.addWidget(self.seals)
        lay.addWidget(self.history_title)
        lay.addWidget(self.history, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card, 1)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "transfer_out": self.tr("Temporary transfer out…"),
            "transfer_in": self.tr("Back from the transfer…"),
            "receive": self.tr("Receive into safekeeping…"),
            "unseal": self.tr("Unseal…"),
            "reseal": self.tr("Reseal…"),
            "release": self.tr("Release…"),
            "seal": self.tr("Seal…"),
            "request_unseal": self.tr("Request unsealing…"),
            "request_transfer": self.tr("Request a transfer…"),
            "request_extension": self.tr("Request an extension…"),
            "find_unrelated": self.tr("Found unrelated…"),
        }
        for a, b in self._all_buttons.items():
            b.setText(names[a])
        self.no_actions.setText(self.tr("Nothing to do with this item in your role."))
        self.print_button.setText(self.tr("Print tag…"))
        for k, text in (
            ("tag", self.tr("Tag of this item…")),
            ("tags", self.tr("Tags of every item of the seizure…")),
            ("inventory", self.tr("Inventory of the seizure…")),
            ("release", self.tr("Release notice and release inventory…")),
        ):
            self.print_actions[k].setText(text)
        self.inventory_title.setText(
            "<b>" + self.tr("Inventory of the seizure (Art. 128(4))") + "</b>"
        )
        self.seals_title.setText("<b>" + self.tr("Seals") + "</b>")
        self.history_title.setText("<b>" + self.tr("History") + "</b>")
        self.inventory.setHorizontalHeaderLabels(
            [
                self.tr("Tag"),
                self.tr("Kind"),
                self.tr("Type"),
                self.tr("Specification"),
                self.tr("Length or capacity"),
                self.tr("File formats"),
                self.tr("Copies"),
                self.tr("Content"),
            ]
        )
        self.seals.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Seal event"),
                self.tr("Seal number"),
                self.tr("Registered by"),
            ]
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("Who"), self.tr("Detail")]
        )
        if self.record is not None:
            self.show_record(self.record)

    def clear(self) -> None:
        self.record = None

    def set_printable(self, on: bool) -> None:
        """Whether the catalogue prints seized items' tags and inventories."""
        self.print_button.setVisible(on)

    # ------------------------------------------------------------------ showing
    def show_record(self, rec: dict[str, Any]) -> None:
        self.record = rec
        self.print_actions["release"].setVisible(approved_release(rec) is not None)
        z = rec["seizure"]
        colour = STATUS_COLOURS.get(rec["status"], "#555")
        kind = self.tr("seized medium")
        self.header.setText(
            f"<span style='font-size:22px;font-weight:600'>{rec['pretty']}</span>&nbsp;&nbsp;"
            f"{chip(kind, '#444')}&nbsp;"
            f"{chip(label('SeizedStatus', rec['status']), colour)}"
        )
        what = label("MediaType", rec.get("media_type"))
        if rec.get("kind") == "extracted":
            what = label("ItemKind", "extracted") + " · " + what
        rows: list[tuple[str, str]] = [
            (self.tr("Case"), f"{rec['case_no']}  {rec.get('case_name', '')}"),
            (self.tr("Seizure"), f"#{z['id']} · {z['seized_at']} · {z['place']}"),
            (self.tr("Cause of action"), str(z["cause"])),
            (self.tr("Persons concerned"), str(z["persons"])),
            (self.tr("Record (transcript)"), str(z["record_ref"])),
            (self.tr("Person in possession"), str(z.get("possessor") or "—")),
            (self.tr("Item"), what),
            (self.tr("Content"), str(rec.get("content", ""))),
            (self.tr("Seal number"), str(rec.get("seal_no") or "—")),
            (self.tr("Location"), str(rec.get("location") or "—")),
        ]
        if rec.get("kind") == "extracted":
            rows += [
                (self.tr("Why the original could not be seized"), rec["not_seized_reason"]),
                (self.tr("Where the original medium is"), rec.get("original_location") or "—"),
                (self.tr("Source of the data"), rec.get("data_source") or "—"),
            ]
        sealing = rec.get("sealing")
        if sealing:
            signed = "、".join(
                f"{x.get('name', '')} ({x.get('badge', '')})" for x in sealing.get("signatures", [])
            )
            rows.append(
                (
                    self.tr("Sealed"),
                    self.tr("%1 by %2; the possessor %3")
                    .replace("%1", str(sealing["sealed_at"]))
                    .replace("%2", signed or "—")
                    .replace("%3", label("PossessorSignature", sealing["possessor_signature"]))
                    + (f" ({sealing['possessor_note']})" if sealing.get("possessor_note") else ""),
                )
            )
        rows.append(
            (
                self.tr("Sealing period ends"),
                str(z["period_end"]) + (" " + self.tr("(extended)") if z.get("extended") else ""),
            )
        )
        self._fill_fields(rows)
        self._fill_due(rec)
        self._fill_actions(rec)
        _fill(
            self.inventory,
            [
                [
                    str(i["pretty"]),
                    label("ItemKind", i["kind"]),
                    label("MediaType", i["media_type"]),
                    str(i.get("specification", "")),
                    str(i.get("capacity", "")),
                    str(i.get("file_formats", "")),
                    str(i.get("copies", "")),
                    str(i.get("content", "")),
                ]
                for i in z["items"]
            ],
        )
        for r, i in enumerate(z["items"]):
            if i["code"] == rec["code"]:
                self.inventory.selectRow(r)
        _fill(
            self.seals,
            [
                [
                    str(e.get("at", "")),
                    label("History", e.get("kind")),
                    str(e.get("seal_no", "")),
                    str(e.get("by_name") or ""),
                ]
                for e in rec.get("seals", [])
            ],
        )
        _fill(
            self.history,
            [
                [
                    str(h.get("at", "")),
                    label("SeizedHistory", h.get("kind")),
                    str(h.get("who") or ""),
                    str(h.get("detail") or ""),
                ]
                for h in rec.get("history", [])
            ],
        )

    def _fill_fields(self, rows: list[tuple[str, str]]) -> None:
        while len(self._cells) < len(rows):
            i = len(self._cells)
            key, val = QLabel(), QLabel()
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addWidget(key, i // 2, (i % 2) * 2)
            self.fields.addWidget(val, i // 2, (i % 2) * 2 + 1)
            self._cells.append((key, val))
        for (key, val), row in zip(self._cells, rows + [("", "")] * len(self._cells), strict=False):
            key.setText(f"<span style='color:#666'>{row[0]}</span>" if row[0] else "")
            val.setText(row[1])
            key.setVisible(bool(row[0]))
            val.setVisible(bool(row[0]))

    def _fill_due(self, rec: dict[str, Any]) -> None:
        """Each deadline with its state: late, soon, due — and those met, from the record."""
        items = []
        for d in rec.get("due", []):
            if d["late"]:
                flag = chip(self.tr("LATE"), "#a11d12")
            elif d.get("soon"):
                flag = chip(self.tr("SOON"), "#b07400")
            else:
                flag = chip(self.tr("due"), "#1f4f8a")
            items.append(f"{flag} {label('SeizedDue', d['kind'])} · {d['due_at']}")
        kinds = {d["kind"] for d in rec.get("due", [])}
        done = chip(self.tr("done"), "#1f6f3d")
        if rec.get("sealing") and "seized_registration" not in kinds:
            items.append(
                f"{done} {label('SeizedDue', 'seized_registration')} · "
                + str(rec["sealing"].get("at", ""))
            )
        if rec.get("receipt") and "seized_safekeeping" not in kinds:
            items.append(
                f"{done} {label('SeizedDue', 'seized_safekeeping')} · "
                + str(rec["receipt"].get("at", ""))
            )
        if "seized_period" not in kinds:
            runs = chip(self.tr("runs"), "#555")
            items.append(
                f"{runs} {label('SeizedDue', 'seized_period')} · "
                + str(rec["seizure"]["period_end"])
            )
        self.due.setText("<br>".join(items))
        self.due.setVisible(bool(items))

    def _fill_actions(self, rec: dict[str, Any]) -> None:
        acts = rec.get("actions", [])
        self.buttons = {}
        for a, b in self._all_buttons.items():
            b.setVisible(a in acts)
            if a in acts:
                self.buttons[a] = b
        self.no_actions.setVisible(not self.buttons)
