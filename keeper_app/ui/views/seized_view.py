"""Seized storage media (issue 15), beside the media list: every item the person may see,
filtered by case and status; a double click opens the item's record at the counter. Below,
for those who read the register, the heads' inspections of it (Art. 261): when, which
department, by whom, how many items were checked and what was found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.lifecycle import Action, allowed
from ...services import seized
from ..context import UiContext
from ..labels import label, values
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel


class SeizedView(QWidget):
    open_code = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = QLineEdit()
        self.case.setObjectName("seized_filter_case")
        self.case.returnPressed.connect(self.refresh)
        self.status = QComboBox()
        self.status.setObjectName("seized_filter_status")
        self.search = QPushButton()
        self.search.clicked.connect(self.refresh)
        self.count = QLabel()
        self.banner = Banner()
        self.model = DictTableModel([], self)
        self.table = QTableView()
        self.table.setObjectName("seized_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda ix: self.open_code.emit(self.model.row(ix.row())["code"])
        )
        #: the inspections of the register (Art. 261), for those who read the register
        self.inspections = DictTableModel([], self)
        self.inspection_table = QTableView()
        self.inspection_table.setObjectName("seized_inspections")
        self.inspection_table.setModel(self.inspections)
        self.inspection_table.horizontalHeader().setStretchLastSection(True)
        self.inspection_title = QLabel()
        self.reads_register = allowed(ctx.me.roles, Action.VIEW_REGISTER)
        self.inspection_title.setVisible(self.reads_register)
        self.inspection_table.setVisible(self.reads_register)
        self.case_label, self.status_label = QLabel(), QLabel()
        row = QHBoxLayout()
        for w in (self.case_label, self.case, self.status_label, self.status, self.search):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.inspection_title)
        lay.addWidget(self.inspection_table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.case_label.setText(self.tr("Case"))
        self.status_label.setText(self.tr("Status"))
        current = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("all"), None)
        for v in values("SeizedStatus"):
            self.status.addItem(label("SeizedStatus", v), v)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.search.setText(self.tr("Search"))
        self.model.set_columns(
            [
                Column("pretty", self.tr("Tag")),
                Column("status", self.tr("Status"), lambda v: label("SeizedStatus", v)),
                Column("case_no", self.tr("Case")),
                Column("seizure_id", self.tr("Seizure")),
                Column("seized_at", self.tr("Seized")),
                Column("media_type", self.tr("Type"), lambda v: label("MediaType", v)),
                Column("specification", self.tr("Specification")),
                Column("seal_no", self.tr("Seal")),
                Column("location", self.tr("Location")),
                Column("content", self.tr("Content")),
            ]
        )
        self.inspection_title.setText(
            "<b>" + self.tr("Inspections of the register (Art. 261)") + "</b>"
        )
        self.inspections.set_columns(
            [
                Column("at", self.tr("Time")),
                Column("department", self.tr("Department")),
                Column("by_name", self.tr("Inspected by")),
                Column("items_checked", self.tr("Items checked")),
                Column("findings", self.tr("Findings")),
            ]
        )
        self._counted()

    def refresh(self) -> None:
        s = self.ctx.session
        status, case_no = self.status.currentData(), self.case.text().strip() or None
        self.ctx.ops.run(
            lambda db: seized.listing(worker_session(db, s), status=status, case_no=case_no),
            success=self._shown,
            failure=self.banner.refuse,
            owner=self,
        )
        if self.reads_register:
            self.ctx.ops.run(
                lambda db: seized.inspections(worker_session(db, s)),
                success=self._inspections_shown,
                failure=self.banner.refuse,
                owner=self,
            )

    def _inspections_shown(self, rows: list[dict[str, Any]]) -> None:
        self.inspections.set_rows(rows)
        self.inspection_table.resizeColumnsToContents()

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.banner.clear_message()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._counted()

    def _counted(self) -> None:
        self.count.setText(self.tr("%1 shown").replace("%1", str(self.model.rowCount())))
