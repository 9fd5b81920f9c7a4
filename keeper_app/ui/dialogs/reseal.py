"""Resealing the original after use (Art. 18; Art. 129 of the supervision regulations): a
new seal number, two people sign the seal, the time is written. The keeper inspects the
original before it goes back into its bag; the inspection closes the register entry of the
original's use (anything but intact is reported to the head)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from ...services import custody
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog
from .record_summary import medium_summary


class ResealDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Reseal the original"), parent)
        self.rec = rec
        self.set_summary(medium_summary(rec))
        self.seal_no = QLineEdit()
        self.seal_no.setPlaceholderText(self.tr("a new seal: never used before"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
        self.note.setFixedHeight(56)
        self.inspection = QButtonGroup(self)
        row = QHBoxLayout()
        for i, v in enumerate(values("Inspection")):
            b = QRadioButton(label("Inspection", v))
            b.setObjectName(f"inspection_{v}")
            b.setProperty("value", v)
            self.inspection.addButton(b, i)
            row.addWidget(b)
            if v == "intact":
                b.setChecked(True)
        row.addStretch(1)
        self.finding = QPlainTextEdit()
        self.finding.setPlaceholderText(self.tr("what was found: required unless intact"))
        self.finding.setTabChangesFocus(True)
        self.finding.setFixedHeight(56)
        use = getattr(rec, "original_use", None) or {}
        if use:
            self.banner.say(
                "info",
                self.tr("Closes the use of the original by %1 (register entry #%2).")
                .replace("%1", f"{use.get('user_name', '')} ({use.get('user_badge', '')})")
                .replace("%2", str(use.get("id", ""))),
            )
        self.form.addRow(self.tr("New seal number"), self.seal_no)
        self.form.addRow(self.tr("Inspection of the original"), row)
        self.form.addRow(self.tr("What was found"), self.finding)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("keeper", self.tr("Keeper (seals)"), me=True)
        self.signers.add("witness", self.tr("Second sealer"))

    def values(self) -> dict[str, Any]:
        return {
            "seal": self.seal_no.text(),
            "inspection": self.chosen(),
            "finding": self.finding.toPlainText(),
            "note": self.note.toPlainText(),
            "keeper": self.signers.credential("keeper"),
            "witness": self.signers.credential("witness"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.reseal(
            s,
            self.rec.code,
            v["seal"],
            v["keeper"],
            v["witness"],
            v["note"],
            inspection=v["inspection"],
            finding=v["finding"],
        )

    def chosen(self) -> str:
        b = self.inspection.checkedButton()
        return str(b.property("value")) if b else ""

    def confirmation(self, result: Any) -> str:
        return self.tr("The original is resealed (seal event #%1).").replace("%1", str(result))
