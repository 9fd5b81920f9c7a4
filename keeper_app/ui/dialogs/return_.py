"""Return with inspection (Art. 20): the keeper inspects and verifies the disc; damage,
replacement or loss is recorded truthfully and reported to the head of the case-handling
department. The returner and the keeper sign.

Claims are checks (issue 14): "verified" is what the read-back of this disc since it went
out found (the disc inserted, "Check every file"); without one the return is recorded not
checked, with the reason the keeper types."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
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


def v_data(box: QComboBox) -> str:
    return str(box.currentData() or "")


class ReturnDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: Any, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Return with inspection"), parent)
        self.rec = rec
        e = rec.open_entry or {}
        out = (
            self.tr("Out with %1 since %2, due back %3 (register #%4)")
            .replace("%1", f"{e.get('retriever_name', '')} ({e.get('retriever_badge', '')})")
            .replace("%2", str(e.get("out_at", "")))
            .replace("%3", str(e.get("due_at", "")))
            .replace("%4", str(e.get("id", "")))
        )
        self.set_summary(medium_summary(rec) + "<br>" + out)
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
        self.verification = QComboBox()
        self.verification.setObjectName("verification")
        for v in values("Verification"):
            self.verification.addItem(label("Verification", v), v)
        rb = e.get("read_back")
        self.read_back = QLabel()
        self.read_back.setObjectName("read_back")
        self.read_back.setWordWrap(True)
        if rb:
            self.read_back.setText(
                self.tr("Read back %1: %2")
                .replace("%1", str(rb.get("at", "")))
                .replace("%2", label("Verification", rb.get("result")))
            )
            found = "match" if rb.get("result") == "match" else "mismatch"
            self.verification.setCurrentIndex(self.verification.findData(found))
        else:
            self.read_back.setText(
                self.tr(
                    "No read-back of this disc since it went out: it is recorded as not "
                    "checked, with the reason (or insert the disc and check every file first)."
                )
            )
            self.verification.setCurrentIndex(self.verification.findData("not_checked"))
        self.unchecked = QLineEdit()
        self.unchecked.setObjectName("unchecked_reason")
        self.unchecked.setPlaceholderText(self.tr("why the disc was not read back"))
        self.verification.currentIndexChanged.connect(self._verification_changed)
        self._verification_changed()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("what was found: required unless intact"))
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)  # Tab goes on to the signatures
        self.form.addRow(self.tr("Inspection"), row)
        self.form.addRow(self.tr("Verification"), self.verification)
        self.form.addRow("", self.read_back)
        self.form.addRow(self.tr("Reason not checked"), self.unchecked)
        self.form.addRow(self.tr("What was found"), self.note)
        self.incident_hint = self.tr(
            "Damage, replacement or loss is reported to the head of the case's department."
        )
        self.inspection.buttonToggled.connect(self._hint)
        self.signers.add("returner", self.tr("Returner"), preset=e.get("retriever_badge"))
        self.signers.add("keeper", self.tr("Keeper"), me=True)

    def _verification_changed(self) -> None:
        self.unchecked.setEnabled(self.verification.currentData() == "not_checked")

    def showEvent(self, ev: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(ev)
        # intact is preselected; without a read-back the one thing to write is why it was not
        # checked: the keeper types it, then Enter goes on to the signatures
        if self.unchecked.isEnabled() and not self.unchecked.text():
            self.unchecked.setFocus()

    def chosen(self) -> str:
        b = self.inspection.checkedButton()
        return str(b.property("value")) if b else ""

    def _hint(self) -> None:
        if self.chosen() != "intact":
            self.banner.say("warn", self.incident_hint)
        else:
            self.banner.clear_message()

    def values(self) -> dict[str, Any]:
        return {
            "inspection": self.chosen(),
            "verification": self.verification.currentData(),
            "note": self.note.toPlainText(),
            "unchecked_reason": self.unchecked.text()
            if v_data(self.verification) == "not_checked"
            else "",
            "returner": self.signers.credential("returner"),
            "keeper": self.signers.credential("keeper"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return custody.return_medium(
            s,
            self.rec.code,
            v["returner"],
            v["keeper"],
            v["inspection"],
            v["verification"],
            v["note"],
            unchecked_reason=v["unchecked_reason"],
        )

    def confirmation(self, result: Any) -> str:
        v = self.chosen()
        # one numbering at the counter: the register entry's number (the one the register
        # and its pages show), not the return row's own id
        entry = (self.rec.open_entry or {}).get("id", "")
        text = (
            self.tr("Register entry #%1 closed: returned, %2.")
            .replace("%1", str(entry))
            .replace("%2", label("Inspection", v))
        )
        if v != "intact":
            text += " " + self.tr("An incident was reported to the department head.")
        return text
