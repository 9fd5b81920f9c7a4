"""A temporary transfer of seized items for the case's work, and their return (issue 15;
supervision draft Art. 131): out only under a transfer the head approved; both ways the
keeper and the investigator check the inventory in person, item by item — every tag is
scanned and ticks its item off the list. A tag not in this transfer, the same tag twice and a
malformed code each get their own message and tick nothing. The keeper registers only when
every item is ticked, or, on the way back, when what does not match is stated: the items not
scanned are then recorded missing and the discrepancy goes to the head of the case's
department as an incident; an item that came back damaged is selected in the list and
recorded so, saying what is wrong (reported too). The keeper and the investigator sign; the
recording of the handover (Art. 131: the whole transfer and return video-recorded) is chosen
from the case's recordings of a sealing or search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain.errors import RuleViolation
from ...services import seized
from ...services.session import Session, parse_code
from ...timeutil import show
from ..context import UiContext
from ..labels import label
from ..widgets.tag_checklist import TagChecklist
from .base import WorkflowDialog
from .seized_intake import seized_recordings

AMBER = QColor("#fff4d6")


class SeizedTransferDialog(WorkflowDialog):
    """``direction``: "out" (under an approved transfer request) or "in" (back)."""

    def __init__(
        self, ctx: UiContext, direction: str, rec: Any = None, parent: QWidget | None = None
    ):
        title = (
            self.tr("Temporary transfer of seized items: out")
            if direction == "out"
            else self.tr("Temporary transfer of seized items: back")
        )
        super().__init__(ctx, title, parent)
        self.setObjectName(f"seized_transfer_{direction}")
        self.setMinimumWidth(760)
        self.direction = direction
        self.transfer: dict[str, Any] | None = None  # the request (out) or transfer (back)
        self.case_no = ""
        self.set_summary(
            self.tr(
                "The keeper and the investigator check the inventory in person (Art. 131): "
                "scan the tag of every item — the first scan finds the transfer. The handover "
                "is video-recorded: choose its recording."
            )
        )
        self.what = QLabel()
        self.what.setObjectName("transfer_what")
        self.what.setWordWrap(True)
        self.recording = QComboBox()
        self.recording.setObjectName("transfer_recording")
        self.entry = QLineEdit()
        self.entry.setObjectName("transfer_entry")
        self.entry.setPlaceholderText(self.tr("scan each tag, or type its code and press Enter"))
        self.entry.returnPressed.connect(self._typed)
        self.form.addRow(
            self.tr("Approved transfer") if direction == "out" else self.tr("Transfer out"),
            self.what,
        )
        self.form.addRow(self.tr("Recording of the handover"), self.recording)
        self.form.addRow(self.tr("Scan"), self.entry)
        self.checklist = TagChecklist(lambda text: parse_code(text).text)
        self.body.addWidget(self.checklist, 1)
        self.flags_title = QLabel("<b>" + self.tr("Scans that ticked nothing") + "</b>")
        self.flags = QListWidget()
        self.flags.setObjectName("transfer_flags")
        self.flags.setMaximumHeight(90)
        self.body.addWidget(self.flags_title)
        self.body.addWidget(self.flags)
        self.discrepancy_label = QLabel(
            self.tr(
                "Not every item was scanned: state what does not match. The items not "
                "scanned are recorded missing and the head of the case's department is told."
            )
        )
        self.discrepancy_label.setWordWrap(True)
        self.discrepancy = QPlainTextEdit()
        self.discrepancy.setObjectName("transfer_discrepancy")
        self.discrepancy.setTabChangesFocus(True)
        self.discrepancy.setFixedHeight(56)
        self.discrepancy.textChanged.connect(self._ready)
        self.body.addWidget(self.discrepancy_label)
        self.body.addWidget(self.discrepancy)
        # back: an item returned damaged is recorded so (and reported), saying what is wrong
        self.damaged: dict[str, str] = {}
        self.damage = QLineEdit()
        self.damage.setObjectName("transfer_damage")
        self.damage.setPlaceholderText(self.tr("what is damaged on the selected item"))
        self.damage_button = QPushButton(self.tr("Record the selected item damaged"))
        self.damage_button.setObjectName("transfer_damaged")
        self.damage_button.setAutoDefault(False)
        self.damage_button.clicked.connect(self.record_damaged)
        row = QHBoxLayout()
        row.addWidget(self.damage, 1)
        row.addWidget(self.damage_button)
        self.body.addLayout(row)
        for w in (self.damage, self.damage_button):
            w.setVisible(direction == "in")
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("investigator", self.tr("Investigator"), role="case_handler")
        self.checklist.checked.connect(lambda _k, _s: self._ready())
        self.what.setText(self.tr("Scan the tag of any item of the transfer."))
        if rec is not None:
            self.choose(rec)
        self._ready()

    # ------------------------------------------------------------------ the list
    def choose(self, rec: dict[str, Any]) -> bool:
        """The transfer the scanned item ``rec`` (seized.lookup) belongs to: its items are
        the list to check. False (and said why) when the item has none in this direction."""
        found = transfer_of(rec, self.direction)
        if found is None:
            self.banner.say(
                "error",
                (
                    self.tr(
                        "%1 has no transfer approved by the head of the case's department: "
                        "the investigator asks for one first."
                    )
                    if self.direction == "out"
                    else self.tr("%1 is not out on a temporary transfer.")
                ).replace("%1", str(rec["pretty"])),
            )
            self.ctx.feedback.refused()
            return False
        transfer, ids = found
        items = [i for i in rec["seizure"]["items"] if int(i["id"]) in ids]
        if self.direction == "in":
            items = [i for i in items if i["status"] == "out"]
        self.transfer, self.case_no = transfer, str(rec["case_no"])
        self.what.setText(
            self.tr("#%1 · case %2 · seizure #%3 · %4 items · %5")
            .replace("%1", str(transfer["id"]))
            .replace("%2", self.case_no)
            .replace("%3", str(rec["seizure"]["id"]))
            .replace("%4", str(len(items)))
            .replace("%5", str(transfer.get("reason") or transfer.get("note") or ""))
        )
        self.checklist.set_rows(
            [
                {
                    "code": it["code"],
                    "shown": it["pretty"],
                    "what": " · ".join(
                        x
                        for x in (
                            label("MediaType", it.get("media_type")),
                            str(it.get("specification", "")),
                            str(it.get("content", "")),
                        )
                        if x
                    ),
                }
                for it in items
            ]
        )
        self.recording.clear()
        for r in seized_recordings(self.ctx.session, self.case_no):
            self.recording.addItem(
                self.tr("#%1 %2 · %3")
                .replace("%1", str(r["id"]))
                .replace("%2", label("RecordingKind", r.get("kind")))
                .replace("%3", show(r["started_at"]) if r.get("started_at") else ""),
                r["id"],
            )
        self.recording.setCurrentIndex(self.recording.count() - 1)  # the newest
        self._ready()
        return True

    # ------------------------------------------------------------------ scans
    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        """Every scan while this dialog is open is a tag checked against the list."""
        if self.transfer is None:
            try:
                rec = seized.lookup(self.ctx.session, text)
            except RuleViolation as refused:
                self.banner.refuse(refused)
                self.ctx.feedback.refused()
                return
            if not self.choose(rec):
                return
        kind, shown, exc = self.checklist.scan(text)
        if kind == "ticked":
            left = len(self.checklist.missing())
            self.banner.say(
                "ok",
                self.tr("✔ %1 checked; %2 still to scan.")
                .replace("%1", shown)
                .replace("%2", str(left)),
            )
            self.ctx.feedback.accepted()
            return
        if kind == "malformed":
            note = self.tr("malformed code")
            assert exc is not None
            self.banner.refuse(exc)
        elif kind == "twice":
            note = self.tr("scanned twice")
            self.banner.say("warn", self.tr("%1 was already checked.").replace("%1", shown))
        else:
            note = self.tr("not in this transfer")
            self.banner.say(
                "error",
                self.tr("%1 is not in this transfer: it stays where it is.").replace("%1", shown),
            )
        item = QListWidgetItem(f"✖ {shown or '∅'} — {note}")
        item.setBackground(QBrush(AMBER))
        item.setData(Qt.ItemDataRole.UserRole, kind)
        self.flags.addItem(item)
        self.flags.scrollToBottom()
        if kind == "twice":
            self.ctx.feedback.duplicate()
        else:
            self.ctx.feedback.refused()

    def record_damaged(self) -> None:
        """The item selected in the list, checked back, is recorded damaged (the head is told
        when the return is registered)."""
        rows = {ix.row() for ix in self.checklist.table.selectedIndexes()}
        what = self.damage.text().strip()
        if len(rows) != 1 or not what:
            self.banner.say(
                "warn", self.tr("Select an item checked back and say what is damaged on it.")
            )
            return
        r = self.checklist.rows[rows.pop()]
        if r["code"] not in self.checklist.ticked:
            self.banner.say(
                "warn",
                self.tr("%1 is not checked back: scan it first.").replace("%1", str(r["shown"])),
            )
            return
        self.damaged[r["code"]] = what
        self.checklist.mark(r["code"], self.tr("✔ damaged: %1").replace("%1", what))
        self.damage.clear()
        self.banner.say(
            "warn",
            self.tr("%1 recorded damaged: %2").replace("%1", str(r["shown"])).replace("%2", what),
        )

    def _ready(self) -> None:
        """Register only when every item is ticked, or (back) the discrepancy is stated."""
        complete = self.checklist.complete()
        may_state = self.direction == "in" and bool(self.checklist.rows) and not complete
        self.discrepancy_label.setVisible(may_state)
        self.discrepancy.setVisible(may_state)
        stated = may_state and bool(self.discrepancy.toPlainText().strip())
        self.submit_button.setEnabled(complete or stated)

    # ------------------------------------------------------------------ submit
    def values(self) -> dict[str, Any]:
        return {
            "id": (self.transfer or {}).get("id", 0),
            "scanned": list(self.checklist.ticked),
            "recording": self.recording.currentData() or 0,
            "discrepancy": self.discrepancy.toPlainText().strip(),
            "damaged": dict(self.damaged),
            "keeper": self.signers.credential("keeper"),
            "investigator": self.signers.credential("investigator"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if self.direction == "out":
            return seized.transfer_out(
                s,
                int(v["id"]),
                v["scanned"],
                v["investigator"],
                v["keeper"],
                int(v["recording"]),
            )
        return seized.transfer_in(
            s,
            int(v["id"]),
            v["scanned"],
            v["investigator"],
            v["keeper"],
            int(v["recording"]),
            damaged=v["damaged"],
            note=v["discrepancy"],
        )

    def confirmation(self, result: Any) -> str:
        if self.direction == "out":
            return (
                self.tr("Transfer #%1 registered: %2 items out.")
                .replace("%1", str(result))
                .replace("%2", str(len(self.checklist.ticked)))
            )
        missing = len(result["missing"])
        damaged = len(result["damaged"])
        result = result["transfer_id"]
        if damaged and not missing:
            return (
                self.tr(
                    "Return #%1 registered: every item is back, %2 damaged — reported to the "
                    "head of the case's department."
                )
                .replace("%1", str(result))
                .replace("%2", str(damaged))
            )
        if missing:
            return (
                self.tr(
                    "Return #%1 registered: %2 items back, %3 missing — reported to the head "
                    "of the case's department."
                )
                .replace("%1", str(result))
                .replace("%2", str(len(self.checklist.ticked)))
                .replace("%3", str(missing))
            )
        return self.tr("Return #%1 registered: every item is back.").replace("%1", str(result))

    def submit(self) -> None:
        if not (self.checklist.complete() or self.discrepancy.toPlainText().strip()):
            return  # the button is disabled; Enter may still reach here
        super().submit()


def transfer_of(rec: dict[str, Any], direction: str) -> tuple[dict[str, Any], set[int]] | None:
    """The transfer a seized item (seized.lookup) is part of: out, its newest approved
    transfer request not yet used; back, its open transfer out. With the ids of its items."""
    reqs = [q for q in rec.get("requests", []) if q.get("kind") == "transfer"]
    if direction == "out":
        if "transfer_out" not in rec.get("actions", []):
            return None
        ok = [q for q in reqs if q.get("decision") == "approved"]
        if not ok:
            return None
        q = max(ok, key=lambda x: int(x["id"]))
        return q, {int(i) for i in q["items"]}
    t = rec.get("open_transfer")
    if not t:
        return None
    q = next((x for x in reqs if int(x["id"]) == int(t.get("request_id", 0))), None)
    ids = {int(i) for i in q["items"]} if q is not None else {int(rec["id"])}
    return t, ids
