"""Registering a court's or procuratorate's request for the recordings (Art. 19 para 2):
what it asks for (recordings or discs of the case, or all its interrogation recordings,
listed at registration); the duplicates must reach them within three days of the request."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...services import lookup, transfers
from ...services.session import Session
from ...timeutil import parse_user, show
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog


class CourtRequestDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, case_no: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Court or procuratorate request"), parent)
        self.case_no = case_no
        self.set_summary(self.tr("Case %1").replace("%1", case_no))
        self.org_kind = QComboBox()
        for v in values("Org"):
            self.org_kind.addItem(label("Org", v), v)
        self.org_name = QLineEdit()
        self.document_no = QLineEdit()
        self.requested_at = QLineEdit(show(ctx.session.now()))
        self.requested_at.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.form.addRow(self.tr("Requested by"), self.org_kind)
        self.form.addRow(self.tr("Name of the court or procuratorate"), self.org_name)
        self.form.addRow(self.tr("Document number"), self.document_no)
        self.form.addRow(self.tr("Time of the request"), self.requested_at)
        choices = lookup.court_request_choices(ctx.session, case_no)
        self.whole_case = QCheckBox(self.tr("All the case's interrogation recordings"))
        self.form.addRow(self.tr("Asked for"), self.whole_case)
        self.recordings = QListWidget()
        for r in choices["recordings"]:
            it = QListWidgetItem(
                self.tr("#%1 %2 (%3), %4, %5")
                .replace("%1", str(r["id"]))
                .replace("%2", r["person_name"])
                .replace("%3", label("PersonRole", r["person_role"]))
                .replace("%4", label("RecordingKind", r["kind"]))
                .replace("%5", r["started_at"])
            )
            it.setData(Qt.ItemDataRole.UserRole, r["id"])
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.recordings.addItem(it)
        self.recordings.setMaximumHeight(110)
        self.form.addRow(self.tr("Recordings"), self.recordings)
        self.discs = QListWidget()
        for d in choices["discs"]:
            it = QListWidgetItem(f"{d['code']} · {label('Status', d['status'])}")
            it.setData(Qt.ItemDataRole.UserRole, d["code"])
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.discs.addItem(it)
        self.discs.setMaximumHeight(90)
        self.form.addRow(self.tr("Discs"), self.discs)
        self.signers.hide()

    @staticmethod
    def _checked(w: QListWidget) -> list[Any]:
        return [
            w.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(w.count())
            if w.item(i).checkState() == Qt.CheckState.Checked
        ]

    def submit_text(self) -> str:
        return self.tr("Register")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.org_kind.currentData(),
            "name": self.org_name.text(),
            "doc": self.document_no.text(),
            "at": self.requested_at.text(),
            "recordings": self._checked(self.recordings),
            "discs": self._checked(self.discs),
            "whole_case": self.whole_case.isChecked(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return transfers.register_court_request(
            s,
            self.case_no,
            v["kind"],
            v["name"],
            v["doc"],
            parse_user(v["at"]),
            recordings=v["recordings"],
            discs=v["discs"],
            whole_case=v["whole_case"],
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("Request #%1 registered; the duplicate is due within 3 days.").replace(
            "%1", str(result)
        )
