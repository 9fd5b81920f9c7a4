"""People (administrators): who may sign in and sign, with their roles; add a person,
change roles, deactivate or reactivate (people are never deleted)."""

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

from ...services import people as people_svc
from ..context import UiContext
from ..labels import roles_text
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel


class PeopleView(QWidget):
    #: ("add", None) / ("roles", person row) / ("unlock", person row)
    edit = Signal(str, object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self.model = DictTableModel(
            [], self, colour=lambda r: None if r.get("active") else "#eeeeee"
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.banner = Banner()
        self.add = QPushButton()
        self.add.setObjectName("people_add")
        self.roles = QPushButton()
        self.unlock = QPushButton()
        self.unlock.setObjectName("people_unlock")
        self.toggle = QPushButton()
        self.refresh_button = QPushButton()
        self.add.clicked.connect(lambda: self.edit.emit("add", None))
        self.roles.clicked.connect(self._roles)
        self.unlock.clicked.connect(self._unlock)
        self.toggle.clicked.connect(self._toggle)
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        for b in (self.add, self.roles, self.unlock, self.toggle):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add a person…"))
        self.roles.setText(self.tr("Change roles…"))
        self.unlock.setText(self.tr("Unlock…"))
        self.toggle.setText(self.tr("Deactivate / reactivate"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.set_columns(
            [
                Column("badge", self.tr("Badge")),
                Column("name", self.tr("Name")),
                Column("roles", self.tr("Roles"), lambda v: roles_text(v or "")),
                Column("department", self.tr("Department")),
                Column("org_name", self.tr("Court/procuratorate")),
                Column(
                    "active", self.tr("Active"), lambda v: self.tr("yes") if v else self.tr("no")
                ),
            ]
        )

    def refresh(self) -> None:
        self.loading = True
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: people_svc.listing(worker_session(db, s)),
            success=self._shown,
            failure=self._failed,
            owner=self,
        )

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.loading = False
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.banner.refuse(exc)

    def selected(self) -> dict[str, Any] | None:
        ix = self.table.selectionModel().selectedRows()
        if not ix:
            self.banner.say("info", self.tr("Choose a person first."))
            return None
        return self.model.row(ix[0].row())

    def _roles(self) -> None:
        p = self.selected()
        if p is not None:
            self.edit.emit("roles", p)

    def _unlock(self) -> None:
        """Lift the person's sign-in lock: a department head countersigns."""
        p = self.selected()
        if p is not None:
            self.edit.emit("unlock", p)

    def _toggle(self) -> None:
        p = self.selected()
        if p is None:
            return
        s, badge, active = self.ctx.session, str(p["badge"]), not p["active"]
        self.ctx.ops.run(
            lambda db: people_svc.set_active(worker_session(db, s), badge, active),
            success=lambda _r: self._toggled(badge, active),
            failure=self.banner.refuse,
            owner=self,
        )

    def _toggled(self, badge: str, active: bool) -> None:
        self.banner.say(
            "ok",
            (self.tr("%1 reactivated.") if active else self.tr("%1 deactivated.")).replace(
                "%1", badge
            ),
        )
        self.refresh()
