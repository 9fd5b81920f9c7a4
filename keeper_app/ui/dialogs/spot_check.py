"""Spot check (issue 16; supervision Art. 261): the keeper on duty draws a random sample of
the shelf (seeded by the audit chain's head: nobody picks it); a reviewer or a department
head — never a keeper — scans each drawn disc, puts it in the drive and reads it back
against its manifest (on a worker, with progress; Cancel stops it), signing each outcome;
then closes the spot check with a signed outcome (a disc left unchecked only with the
reason). A mismatch or an unreadable disc is marked damaged and reported to the head of its
case's department by the service. The report for the head is printed from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.lifecycle import Action, allowed
from ...services import spot_checks
from ...services.session import parse_code
from ...services.spot_checks import SpotCheckResult
from ..context import UiContext
from ..labels import pretty
from ..ops import Ops
from ..widgets.signers import SignersBox
from .task_base import TaskDialog

GREEN, RED = QColor("#e3f4e1"), QColor("#f8d7d3")


class SpotCheckDialog(TaskDialog):
    #: the report of this spot check is to be printed (its id)
    print_requested = Signal(int)

    def __init__(self, ctx: UiContext, runner: Ops, parent: QWidget | None = None):
        super().__init__(ctx, runner, "", parent)
        self.setObjectName("spot_check_dialog")
        self.setMinimumSize(820, 640)
        roles = ctx.me.roles
        self.may_draw = allowed(roles, Action.DRAW_SPOT_CHECK)
        self.may_check = allowed(roles, Action.SPOT_CHECK)
        self.sid: int | None = spot_checks.current(ctx.session)
        self.data: dict[str, Any] | None = None

        self.info = QLabel()
        self.info.setObjectName("spot_check_info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.info)
        # the keeper draws
        self.sample_size = QSpinBox()
        self.sample_size.setObjectName("spot_check_size")
        self.sample_size.setRange(0, 999)
        self.draw_button = QPushButton()
        self.draw_button.setObjectName("spot_check_draw")
        self.draw_button.setAutoDefault(False)
        self.draw_button.clicked.connect(self.draw)
        self.draw_row = QWidget()
        row = QHBoxLayout(self.draw_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.size_label = QLabel()
        row.addWidget(self.size_label)
        row.addWidget(self.sample_size)
        row.addStretch(1)
        row.addWidget(self.draw_button)
        self.draw_row.setVisible(self.may_draw)
        self.body.addWidget(self.draw_row)
        # the sample and its outcomes
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("spot_check_table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.body.addWidget(self.table, 1)
        # the checker scans, reads back, signs
        self.check_box = QWidget()
        form = QFormLayout(self.check_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit()
        self.code.setObjectName("spot_check_code")
        self.code.returnPressed.connect(self._scanned)
        self.drive = QLineEdit("/dev/sr0")
        self.drive.setObjectName("spot_check_drive")
        self.code_label, self.drive_label = QLabel(), QLabel()
        form.addRow(self.code_label, self.code)
        form.addRow(self.drive_label, self.drive)
        self.signers = SignersBox(ctx)
        self.signers.add("checker", self.tr("Checker (you)"), me=True)
        form.addRow(self.signers)
        self.reason = QLineEdit()
        self.reason.setObjectName("spot_check_reason")
        self.close_button = QPushButton()
        self.close_button.setObjectName("spot_check_close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close_check)
        closing = QHBoxLayout()
        closing.addWidget(self.reason, 1)
        closing.addWidget(self.close_button)
        self.reason_label = QLabel()
        form.addRow(self.reason_label, closing)
        self.check_box.setVisible(self.may_check)
        self.body.addWidget(self.check_box)
        self.print_button = self.buttons.addButton("", self.buttons.ButtonRole.ActionRole)
        self.print_button.setObjectName("spot_check_print")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self._print)
        self.go_button.clicked.connect(self.check_disc)
        self.go_button.setVisible(self.may_check)
        for b in self.buttons.buttons():
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
        self.retranslate()
        self.reload()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_data()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        self.retranslate_task()
        title = self.tr("Spot check")
        self.setWindowTitle(title)
        self.heading.setText(f"<h3>{title}</h3>")
        self.size_label.setText(self.tr("Sample size (0: by rule, ⌈√n⌉, at least 3, at most 20)"))
        self.draw_button.setText(self.tr("Draw a sample"))
        self.code_label.setText(self.tr("Scan the drawn disc"))
        self.code.setPlaceholderText(self.tr("scan, or type a code and press Enter"))
        self.drive_label.setText(self.tr("Drive"))
        self.reason_label.setText(self.tr("Close"))
        self.reason.setPlaceholderText(self.tr("only if discs are left unchecked: why"))
        self.close_button.setText(self.tr("Close the spot check"))
        self.go_button.setText(self.tr("Read back and sign"))
        self.print_button.setText(self.tr("Print the report…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Disc"), self.tr("Location"), self.tr("Outcome"),
             self.tr("Checked by")]
        )  # fmt: skip

    # ------------------------------------------------------------------ showing
    def reload(self) -> None:
        self.data = None if self.sid is None else spot_checks.show(self.ctx.session, self.sid)
        self.show_data()

    def outcome_text(self, outcome: str | None) -> str:
        return {
            None: self.tr("not checked"),
            "match": self.tr("matches the manifest"),
            "mismatch": self.tr("DOES NOT MATCH — reported"),
            "unreadable": self.tr("UNREADABLE — reported"),
        }.get(outcome, str(outcome))

    def show_data(self) -> None:
        d = self.data
        is_open = d is not None and d["status"] == "open"
        self.draw_button.setEnabled(not is_open and not self.running)
        self.sample_size.setEnabled(not is_open)
        self.print_button.setEnabled(d is not None)
        for w in (self.code, self.drive, self.reason, self.close_button, self.signers):
            w.setEnabled(is_open and not self.running)
        self.go_button.setEnabled(is_open and not self.running)
        if d is None:
            self.info.setText(
                self.tr(
                    "No spot check is open. A keeper draws a sample of the duplicates on the "
                    "shelf; nobody picks it: it is drawn from the audit chain's head."
                )
            )
            self.table.setRowCount(0)
            return
        text = (
            self.tr(
                "Spot check <b>#%1</b>, drawn %2 by %3 from the chain's head (event %4, "
                "<tt>%5…</tt>): %6 of %7 duplicates in custody."
            )
            .replace("%1", str(d["id"]))
            .replace("%2", str(d["at"]))
            .replace("%3", str(d["drawn_by"]))
            .replace("%4", str(d["head_seq"]))
            .replace("%5", str(d["head_hash"])[:16])
            .replace("%6", str(d["sample_size"]))
            .replace("%7", str(d["population"]))
        )
        x = d["closing"]
        if x is not None:
            text += "<br>" + self.tr("Closed %1 by %2: <b>%3</b>.").replace(
                "%1", str(x["at"])
            ).replace("%2", str(x["by"])).replace("%3", self.closing_text(str(x["outcome"])))
        elif self.may_check:
            text += "<br>" + self.tr(
                "Scan each drawn disc, put it in the drive, sign, and read it back."
            )
        self.info.setText(text)
        items = d["items"]
        self.table.setRowCount(len(items))
        for r, i in enumerate(items):
            cells = [
                str(i["position"]),
                pretty(str(i["code"])),
                str(i["location"]),
                self.outcome_text(i["outcome"]),
                f"{i['checker']} {i['checked_at']}".strip(),
            ]
            for c, v in enumerate(cells):
                item = QTableWidgetItem(v)
                if i["outcome"] is not None:
                    item.setBackground(QBrush(GREEN if i["outcome"] == "match" else RED))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def closing_text(self, outcome: str) -> str:
        return {
            "all_match": self.tr("every disc matches"),
            "findings": self.tr("findings reported"),
            "incomplete": self.tr("incomplete"),
        }.get(outcome, outcome)

    def row_of(self, code: str) -> int | None:
        for r, i in enumerate((self.data or {}).get("items", [])):
            if i["code"] == code:
                return r
        return None

    # ------------------------------------------------------------------ acting
    def _scanned(self) -> None:
        """A scanned code selects its row (or says it was not drawn)."""
        try:
            code = parse_code(self.code.text()).text
        except Exception as exc:  # noqa: BLE001 - shown in the banner, nothing changes
            self.banner.refuse(exc)
            return
        r = self.row_of(code)
        if r is None:
            self.banner.say("warn", self.tr("%1 was not drawn.").replace("%1", pretty(code)))
            return
        self.banner.clear_message()
        self.table.selectRow(r)

    def draw(self) -> None:
        size = self.sample_size.value() or None
        self.start(lambda s: spot_checks.draw(s, size))

    def check_disc(self) -> None:
        sid, cred = self.sid, self.signers.credential("checker")
        if sid is None:
            return
        if cred is None:
            self.banner.say("warn", self.tr("Sign first: your signature signs the outcome."))
            return
        code, drive, cancel = self.code.text().strip(), self.drive.text().strip(), self.cancel_event
        self.start(
            lambda s: spot_checks.check(
                s, sid, code, drive, cred, progress=self.report, cancel=cancel
            )
        )

    def close_check(self) -> None:
        sid, cred = self.sid, self.signers.credential("checker")
        if sid is None:
            return
        if cred is None:
            self.banner.say("warn", self.tr("Sign first: your signature signs the outcome."))
            return
        reason = self.reason.text()
        self.start(lambda s: spot_checks.close(s, sid, cred, reason))

    def _print(self) -> None:
        if self.sid is not None:
            self.print_requested.emit(self.sid)

    # ------------------------------------------------------------------ TaskDialog
    def stage_text(self, p: Any) -> str:  # a burning.jobs.Progress
        return self.tr("Reading the disc back, checking every file… %1%").replace(
            "%1", str(round((p.fraction or 0) * 100))
        )

    def set_editable(self, on: bool) -> None:
        self.show_data()

    def succeeded(self, result: Any) -> str:
        self.progress_box.hide()
        text = ""
        if isinstance(result, int):  # drawn
            self.sid = result
            text = self.tr("Spot check #%1 drawn.").replace("%1", str(result))
            self.banner.say("ok", text)
        elif isinstance(result, SpotCheckResult):
            text = (
                self.tr("%1: %2").replace("%1", pretty(result.code))
                .replace("%2", self.outcome_text(result.outcome))
            )  # fmt: skip
            if result.outcome == "match":
                self.banner.say("ok", text)
            else:
                text += " " + self.tr("The disc is marked damaged; its department head is told.")
                self.banner.say("warn", text)
            self.code.clear()
        elif isinstance(result, str):  # closed
            text = (
                self.tr("Spot check #%1 closed: %2.")
                .replace("%1", str(self.sid))
                .replace("%2", self.closing_text(result))
            )
            self.banner.say("ok", text)
        self.reload()
        return text
