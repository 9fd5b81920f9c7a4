"""Archive handover of a concluded case (Art. 16 para 3), in list mode: every disc still
held for the case is scanned, one after the other; the list shows what is expected and what
is still missing. The keeper and the receiver from the archives department sign."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from ...domain.errors import RuleViolation
from ...domain.rules import ARCHIVABLE
from ...services import transfers
from ...services.session import Session, parse_code
from ..context import UiContext
from ..labels import label, pretty
from .base import WorkflowDialog

GREEN, GREY = QColor("#e3f4e1"), QColor("#eeeeee")


class ArchiveDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, case_no: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Archive handover"), parent)
        self.setMinimumSize(720, 640)
        self.case_no = case_no
        self.set_summary(
            self.tr(
                "Case %1: scan every disc still held for the case. The list "
                "shows what is expected and what is still missing."
            ).replace("%1", case_no)
        )
        self.rows = transfers.archive_expected(ctx.session, case_no)
        self.expected = [r["code"] for r in self.rows if r["status"] in ARCHIVABLE]
        self.scanned: list[str] = []
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("scan, or type a code and press Enter"))
        self.entry.returnPressed.connect(self._typed)
        self.form.addRow(self.tr("Scan"), self.entry)
        self.table = QTableWidget(len(self.rows), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Copy"),
                self.tr("Status"),
                self.tr("Location"),
                self.tr("Scanned"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.body.addWidget(self.table)
        self.body.addWidget(self.count)
        self.signers.add("keeper", self.tr("Keeper"), me=True)
        self.signers.add("receiver", self.tr("Receiver (archives department)"))
        self._fill()

    def submit_text(self) -> str:
        return self.tr("Hand over and sign")

    def missing(self) -> list[str]:
        return [c for c in self.expected if c not in self.scanned]

    def _fill(self) -> None:
        for i, r in enumerate(self.rows):
            held = r["status"] in ARCHIVABLE
            done = r["code"] in self.scanned
            mark = "✔" if done else (self.tr("missing") if held else self.tr("not held"))
            cells = [
                pretty(r["code"]),
                label("CopyRole", r["copy_role"]),
                label("Status", r["status"]),
                r["location"],
                mark,
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if done:
                    item.setBackground(QBrush(GREEN))
                elif not held:
                    item.setBackground(QBrush(GREY))
                    item.setForeground(QBrush(QColor("#777")))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.count.setText(
            self.tr("Expected %1 · scanned %2 · still missing %3")
            .replace("%1", str(len(self.expected)))
            .replace("%2", str(len(self.scanned)))
            .replace("%3", str(len(self.missing())))
        )

    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        """List mode: every scan is one disc of the handover."""
        try:
            mc = parse_code(text)
            code, shown = mc.text, mc.pretty
        except RuleViolation as exc:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()
            return
        if code in self.scanned:
            self.banner.say("warn", self.tr("%1 was already scanned.").replace("%1", shown))
            self.ctx.feedback.refused()
        elif code not in self.expected:
            held = {r["code"]: r["status"] for r in self.rows}
            why = (
                self.tr("%1 is not a disc of case %2.")
                if code not in held
                else self.tr("%1 is %3: it is not held for the handover.")
            )
            self.banner.say(
                "error",
                why.replace("%1", shown)
                .replace("%2", self.case_no)
                .replace("%3", label("Status", held.get(code))),
            )
            self.ctx.feedback.refused()
        else:
            self.scanned.append(code)
            left = len(self.missing())
            self.banner.say(
                "ok",
                self.tr("%1 scanned; %2 still missing.")
                .replace("%1", shown)
                .replace("%2", str(left)),
            )
            self.ctx.feedback.accepted()
            self._fill()
            row = next(i for i, r in enumerate(self.rows) if r["code"] == code)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.scrollToItem(item)

    def values(self) -> dict[str, Any]:
        return {
            "scanned": list(self.scanned),
            "keeper": self.signers.credential("keeper"),
            "receiver": self.signers.credential("receiver"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.archive_handover(s, self.case_no, v["scanned"], v["keeper"], v["receiver"])

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Archive handover #%1: case %2 and %3 media to the archives.")
            .replace("%1", str(result))
            .replace("%2", self.case_no)
            .replace("%3", str(len(self.scanned)))
        )
