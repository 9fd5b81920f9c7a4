"""The media: filter by case, status, copy role and shelf location; sorted by a column
header; rows fetched lazily. A double click opens the disc at the counter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from ..context import UiContext
from ..labels import label, pretty, values
from ..settings import MEDIA_PAGE
from ..widgets.banner import Banner
from .media_model import ORDERS, MediaModel
from .table_model import Column


class MediaView(QWidget):
    open_code = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = QLineEdit()
        self.case.setObjectName("media_case")
        self.status = QComboBox()
        self.copy_role = QComboBox()
        self.location = QLineEdit()
        self.search = QPushButton()
        self.count = QLabel()
        self.banner = Banner()
        self.model = MediaModel(ctx, self._columns(), self)
        self.model.page = ctx.settings.get(MEDIA_PAGE)
        self.table = QTableView()
        self.table.setObjectName("media_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda ix: self.open_code.emit(self.model.row(ix.row())["code"])
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.model.loading.connect(self._loading)
        self.model.failed.connect(self.banner.refuse)
        for w in (self.case, self.location):
            w.returnPressed.connect(self.apply)
        self.search.clicked.connect(self.apply)

        self.filter_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        row = QHBoxLayout()
        for lab, field in zip(
            self.filter_labels, (self.case, self.status, self.copy_role, self.location), strict=True
        ):
            row.addWidget(lab)
            row.addWidget(field)
        row.addWidget(self.search)
        row.addStretch(1)
        row.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def _columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), pretty),
            Column("copy_role", self.tr("Copy"), lambda v: label("CopyRole", v)),
            Column("status", self.tr("Status"), lambda v: label("Status", v)),
            Column("case_no", self.tr("Case")),
            Column("case_name", self.tr("Case name")),
            Column("person", self.tr("Person interrogated")),
            Column("location", self.tr("Shelf location")),
            Column("seal_no", self.tr("Seal")),
            Column("burned_at", self.tr("Made")),
        ]

    def retranslate(self) -> None:
        for lab, text in zip(
            self.filter_labels,
            (self.tr("Case"), self.tr("Status"), self.tr("Copy"), self.tr("Location")),
            strict=True,
        ):
            lab.setText(text)
        for combo, group in ((self.status, "Status"), (self.copy_role, "CopyRole")):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("all"), None)
            for v in values(group):
                combo.addItem(label(group, v), v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.search.setText(self.tr("Search"))
        self.model.set_columns(self._columns())

    def apply(self) -> None:
        self.banner.clear_message()
        self.model.set_filters(
            case_no=self.case.text().strip(),
            status=self.status.currentData(),
            copy_role=self.copy_role.currentData(),
            location=self.location.text().strip(),
        )

    def refresh(self) -> None:
        """The list as the register is now (another desk changed it), the filters applied
        and the rows selected kept."""
        self.model.reload(self.table)

    def show_case(self, case_no: str) -> None:
        self.case.setText(case_no)
        self.apply()

    def _sorted(self, column: int, _order: Qt.SortOrder) -> None:
        if self.model.columns[column].key not in ORDERS:
            return
        # the register is ordered ascending only; keep the indicator honest
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().blockSignals(False)

    def _loading(self, on: bool) -> None:
        n = self.model.rowCount()
        if not on and 0 < n <= self.model.page:
            self.table.resizeColumnsToContents()  # the first page sets the widths
        self.count.setText(
            self.tr("loading…")
            if on
            else (
                self.tr("%1 shown").replace("%1", str(n))
                + ("" if self.model.exhausted else self.tr(", more as you scroll"))
            )
        )
