"""The special retrieval register (Art. 20), filtered by date, case, disc, person and
open/closed; searched off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import catalogue, lookup
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel


def _open_colour(r: dict[str, Any]) -> str | None:
    if r.get("return_id") is None:
        return "#eef3fb"
    if r.get("inspection") not in (None, "intact"):
        return "#fde4e1"
    return None


class RegisterView(QWidget):
    open_code = Signal(str)
    print_requested = Signal(object)  # the filter (see filter_values) for register pages

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._shown_once = False
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for w in (self.date_from, self.date_to):
            w.setPlaceholderText("YYYY-MM-DD")
        self.case = QLineEdit()
        self.code = QLineEdit()
        self.code.setProperty("takes_scans", True)  # a scan here searches the register
        self.person = QLineEdit()
        self.state = QComboBox()
        self.search = QPushButton()
        self.search.setObjectName("register_search")
        self.print_button = QPushButton()
        self.print_button.setObjectName("register_print")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.filter_values()))
        self.count = QLabel()
        self.banner = Banner()
        self.model = DictTableModel([], self, colour=_open_colour)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)  # numbers as numbers, times as text
        self.table = QTableView()
        self.table.setModel(proxy)
        # the register's own order (newest first) until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda ix: self.open_code.emit(self.model.row(proxy.mapToSource(ix).row())["code"])
        )
        self.search.clicked.connect(self.run)
        for w in (self.date_from, self.date_to, self.case, self.code, self.person):
            w.returnPressed.connect(self.run)

        self.labels = [QLabel() for _ in range(6)]
        grid = QGridLayout()
        for i, field in enumerate(
            (self.date_from, self.date_to, self.case, self.code, self.person, self.state)
        ):
            grid.addWidget(self.labels[i], i // 3, (i % 3) * 2)
            grid.addWidget(field, i // 3, (i % 3) * 2 + 1)
        grid.addWidget(self.search, 0, 6)
        grid.addWidget(self.count, 1, 6)
        grid.addWidget(self.print_button, 0, 7)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for lab, text in zip(
            self.labels,
            (
                self.tr("From"),
                self.tr("To"),
                self.tr("Case"),
                self.tr("Disc code"),
                self.tr("Person (badge)"),
                self.tr("Entries"),
            ),
            strict=True,
        ):
            lab.setText(text)
        i = max(0, self.state.currentIndex())
        self.state.clear()
        self.state.addItem(self.tr("all"), None)
        self.state.addItem(self.tr("open (out)"), True)
        self.state.addItem(self.tr("closed (returned)"), False)
        self.state.setCurrentIndex(i)
        self.search.setText(self.tr("Search"))
        self.print_button.setText(self.tr("Print register pages…"))
        self.model.set_columns(
            [
                Column("id", "#"),
                Column("out_at", self.tr("Out")),
                Column("code", self.tr("Disc"), pretty),
                Column("case_no", self.tr("Case")),
                Column("retriever", self.tr("Retriever")),
                Column("retriever_unit", self.tr("Unit")),
                Column("reason", self.tr("Reason"), lambda v: label("Reason", v)),
                Column("est_usage_hours", self.tr("Hours")),
                Column("approver", self.tr("Approved by")),
                Column("approved_at", self.tr("Approved at")),
                Column("keeper", self.tr("Keeper")),
                Column("returned_at", self.tr("Returned")),
                Column("inspection", self.tr("Inspection"), lambda v: label("Inspection", v)),
                Column("late_reported_at", self.tr("Reported late")),
            ]
        )

    def showEvent(self, ev: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The first time the tab is opened it shows the newest entries at once."""
        super().showEvent(ev)
        if not self._shown_once:
            self._shown_once = True
            self.run()

    def filter_values(self) -> dict[str, Any]:
        """The filter as typed (times are parsed by the work that uses it)."""
        return {
            "since": self.date_from.text().strip(),
            "until": self.date_to.text().strip(),
            "case_no": self.case.text().strip() or None,
            "code": self.code.text().strip() or None,
            "badge": self.person.text().strip() or None,
            "open_only": self.state.currentData(),
        }

    def run(self) -> None:
        f = self.filter_values()
        s = self.ctx.session

        def work(db: Any) -> list[dict[str, Any]]:
            p = catalogue.period(f["since"], f["until"])  # "to 2026-11-20" includes that day
            return lookup.register(
                worker_session(db, s),
                since=p.since,
                until=p.until,
                case_no=f["case_no"],
                code=f["code"],
                badge=f["badge"],
                open_only=f["open_only"],
                limit=5000,
            )

        self.search.setEnabled(False)
        self.count.setText(self.tr("searching…"))
        self.banner.clear_message()
        self.ctx.ops.run(work, success=self._shown, failure=self._failed, owner=self)

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.search.setEnabled(True)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 entries").replace("%1", str(len(rows))))

    def _failed(self, exc: BaseException) -> None:
        self.search.setEnabled(True)
        self.count.setText("")
        self.banner.refuse(exc)
