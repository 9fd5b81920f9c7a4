"""The cases the signed-in person may see, with the case-level workflows their role allows:
register a court or procuratorate request, conclude the investigation, hand the media to
the archives."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.lifecycle import Action, allowed
from ...services import lookup
from ..context import UiContext
from ..labels import label
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel


class CasesView(QWidget):
    show_media = Signal(str)
    #: (action, case row): the main window opens the dialog
    case_action = Signal(str, object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = DictTableModel([], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda ix: self.show_media.emit(self.model.row(ix.row())["case_no"])
        )
        self.banner = Banner()
        roles = ctx.me.roles
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, action in (
            ("media", Action.VIEW_MEDIA),
            ("court_request", Action.REGISTER_COURT_REQUEST),
            ("court_item", Action.COURT_TRANSFER),
            ("conclude", Action.CONCLUDE_CASE),
            ("review", Action.SUBMIT_FOR_REVIEW),
            ("archive", Action.ARCHIVE_HANDOVER),
        ):
            if allowed(roles, action):
                b = QPushButton()
                b.setObjectName(f"case_{key}")
                b.clicked.connect(lambda _c=False, k=key: self._act(k))
                row.addWidget(b)
                self.buttons[key] = b
        row.addStretch(1)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        names = {
            "media": self.tr("Show its media"),
            "court_request": self.tr("Court/procuratorate request…"),
            "court_item": self.tr("Close a requested item…"),
            "conclude": self.tr("Conclude investigation…"),
            "review": self.tr("Submit for review…"),
            "archive": self.tr("Archive handover…"),
        }
        for k, b in self.buttons.items():
            b.setText(names[k])
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.set_columns(
            [
                Column("case_no", self.tr("Case number")),
                Column("name", self.tr("Case name")),
                Column("status", self.tr("Status"), lambda v: label("CaseStatus", v)),
                Column("major", self.tr("Major case"), lambda v: self.tr("yes") if v else ""),
                Column("department", self.tr("Department")),
                Column("media", self.tr("Media")),
            ]
        )

    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: lookup.cases(worker_session(db, s)),
            success=self._shown,
            failure=self.banner.refuse,
            owner=self,
        )

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def selected(self) -> dict[str, Any] | None:
        ix = self.table.selectionModel().selectedRows()
        return self.model.row(ix[0].row()) if ix else None

    def select_case(self, case_no: str) -> None:
        for i, r in enumerate(self.model.rows):
            if r["case_no"] == case_no:
                self.table.selectRow(i)

    def _act(self, key: str) -> None:
        row = self.selected()
        if row is None:
            self.banner.say("info", self.tr("Choose a case first."))
            return
        self.banner.clear_message()
        if key == "media":
            self.show_media.emit(row["case_no"])
        else:
            self.case_action.emit(key, row)
