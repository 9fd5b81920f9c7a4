"""The counter: scans (from anywhere in the main window, through the queue) and the manual
entry field open a medium's record; every scan is confirmed or refused visibly, with a
sound; the scan log keeps the last scans so none goes unnoticed. A seized storage medium's
tag (copy letter S, issue 15) opens the item's own record. A printout's head (the QR code on
every printed page) scanned here is held against the register's chain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import codes
from ..domain.errors import RuleViolation
from ..services import heads, lookup, seized
from ..services.session import parse_code
from .context import UiContext
from .errors import refusal
from .record_view import RecordView
from .scan_queue import ScanQueue
from .seized_record import SeizedRecordView
from .widgets.banner import Banner
from .witness import agreed, disagreed

LOG_LIMIT = 200


class CounterView(QWidget):
    record_shown = Signal(object)  # a disc's ScanRecord, or a seized item's seized.lookup dict
    #: every code handled, in order: (text, accepted, status, shelf location)
    processed = Signal(str, bool, str, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.queue = ScanQueue(self.process, self)
        self.last_code: str | None = None
        self.title = QLabel()
        self.manual = QLineEdit()
        self.manual.setObjectName("manual_code")
        self.manual.setClearButtonEnabled(True)
        self.manual.setToolTip(self.tr("Shortcut: %1").replace("%1", "Ctrl+F"))
        self.manual.returnPressed.connect(self._manual)
        self.lookup_button = QPushButton()
        self.lookup_button.setObjectName("lookup_button")
        self.lookup_button.clicked.connect(self._manual)
        self.banner = Banner()
        self.record = RecordView()
        # a seized storage medium's tag (copy letter S, issue 15) opens its own record
        self.seized_record = SeizedRecordView()
        self.seized_record.setObjectName("seized_record")
        self.records = QStackedWidget()
        self.records.addWidget(self.record)
        self.records.addWidget(self.seized_record)
        self.log = QListWidget()
        self.log.setObjectName("scan_log")
        self.log_title = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.manual, 1)
        top.addWidget(self.lookup_button)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self.log_title)
        side_lay.addWidget(self.log, 1)
        split = QSplitter()
        split.addWidget(self.records)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 260])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("<b>" + self.tr("Disc code") + "</b>")
        self.manual.setPlaceholderText(
            self.tr(
                "Scan anywhere in this window, or type the code "
                "from a damaged label and press Enter"
            )
        )
        self.lookup_button.setText(self.tr("Look up"))
        self.log_title.setText("<b>" + self.tr("Recent scans") + "</b>")
        self.record.retranslate()
        self.seized_record.retranslate()

    # ------------------------------------------------------------------ input
    def enqueue(self, text: str, source: str = "scanner") -> None:
        self.queue.push(text, source)

    def _manual(self) -> None:
        text = self.manual.text()
        self.manual.clear()
        self.enqueue(text, "typed")

    # ------------------------------------------------------------------ one scan
    def process(self, text: str, source: str) -> None:
        """Look one code up (called by the queue, in order)."""
        if heads.parse_head_text(text) is not None:
            self._check_head(text)
            return
        try:
            code: str | None = parse_code(text).text
        except RuleViolation:
            code = None
        try:
            if code is not None and is_seized_code(code):
                self._seized(text, code)
                return
            rec = lookup.scan(self.ctx.session, text)
        except RuleViolation as exc:
            self._refused(text, code, exc)
            return
        twice = rec.code == self.last_code
        self.last_code = rec.code
        self.record.show_record(rec)
        self.seized_record.clear()
        self.records.setCurrentWidget(self.record)
        if twice:
            self.banner.say(
                "warn",
                self.tr("Scanned the same disc twice in a row: %1").replace("%1", rec.pretty),
            )
        else:
            self.banner.say("ok", self.tr("✔ Scanned %1").replace("%1", rec.pretty))
        if twice:
            self.ctx.feedback.duplicate()
        else:
            self.ctx.feedback.accepted()
        self._log(rec.pretty, self.tr("twice in a row") if twice else "", ok=True)
        self.record_shown.emit(rec)
        self.processed.emit(text, True, rec.status, rec.location or "")

    def _refused(self, text: str, code: str | None, exc: RuleViolation) -> None:
        self.last_code = code
        self.clear_records()  # the previous item and its buttons must not stay one click away
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        self._log(text.strip() or "∅", refusal(exc).headline, ok=False)
        self.processed.emit(text, False, exc.code, "")

    def clear_records(self) -> None:
        self.record.clear()
        self.seized_record.clear()
        self.records.setCurrentWidget(self.record)

    def _seized(self, text: str, code: str) -> None:
        """A seized storage medium's tag: its record (refused like a disc's when unknown)."""
        rec = seized.lookup(self.ctx.session, code)
        twice = rec["code"] == self.last_code
        self.last_code = rec["code"]
        self.record.clear()
        self.seized_record.show_record(rec)
        self.records.setCurrentWidget(self.seized_record)
        if twice:
            self.banner.say(
                "warn",
                self.tr("Scanned the same item twice in a row: %1").replace("%1", rec["pretty"]),
            )
            self.ctx.feedback.duplicate()
        else:
            self.banner.say("ok", self.tr("✔ Scanned %1").replace("%1", rec["pretty"]))
            self.ctx.feedback.accepted()
        self._log(rec["pretty"], self.tr("twice in a row") if twice else "", ok=True)
        self.record_shown.emit(rec)
        self.processed.emit(text, True, rec["status"], rec.get("location") or "")

    def _check_head(self, text: str) -> None:
        """A printout's head: on the chain (confirmed) or not (refused, the failure said)."""
        r = heads.check_printout(self.ctx.session.db, text)
        self.last_code = None
        label = f"{heads.HEAD_PREFIX} {r.seq}"
        if r.ok:
            self.banner.say("ok", agreed("printout", r), again=lambda: (agreed("printout", r), ""))
            self.ctx.feedback.accepted()
            self._log(label, agreed("printout", r), ok=True)
        else:
            self.clear_records()
            self.banner.say(
                "error",
                disagreed("printout", r),
                r.message,
                again=lambda: (disagreed("printout", r), r.message),
            )
            self.ctx.feedback.refused()
            self._log(label, disagreed("printout", r), ok=False)
        self.processed.emit(text, r.ok, r.problem or "head_on_chain", "")

    def refresh(self) -> None:
        """Show the current record again (after a workflow changed it)."""
        if self.seized_record.record is not None:
            try:
                self.seized_record.show_record(
                    seized.lookup(self.ctx.session, self.seized_record.record["code"])
                )
            except RuleViolation as exc:
                self.clear_records()
                self.banner.refuse(exc)
            return
        if self.record.record is None:
            return
        try:
            self.record.show_record(lookup.scan(self.ctx.session, self.record.record.code))
        except RuleViolation as exc:
            self.record.clear()
            self.banner.refuse(exc)

    def confirm(self, text: str) -> None:
        self.banner.say("ok", text)
        self.refresh()

    def _log(self, code: str, note: str, ok: bool) -> None:
        now = QTime.currentTime().toString("HH:mm:ss")
        item = QListWidgetItem(
            f"{now}  {'✔' if ok else '✖'} {code}" + (f"\n    {note}" if note else "")
        )
        item.setForeground(QBrush(QColor("#1d5b1a" if ok else "#8a1c12")))
        self.log.insertItem(0, item)
        while self.log.count() > LOG_LIMIT:
            self.log.takeItem(self.log.count() - 1)

    def current(self) -> Any:
        return self.record.record

    def current_seized(self) -> dict[str, Any] | None:
        """The seized item shown now (None: a disc or nothing)."""
        return self.seized_record.record


def is_seized_code(code: str) -> bool:
    """A seized storage medium's code (copy letter S, domain.codes), as stored."""
    return len(code) == codes.LENGTH and code[14] == codes.SEIZED
