"""A department head's inbox: incidents reported to them (damage, replacement, loss, late
handover) to acknowledge, requests to open an original and requests to retrieve a duplicate
(Art. 20) to approve or refuse, and the court or procuratorate requests of their cases found
past their 3 days (issue 14)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import lookup
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel, refill


def _table(model: DictTableModel) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class InboxView(QWidget):
    #: ("ack", incident) / ("approve" | "refuse", approval) / ("approve_retrieval" |
    #: "refuse_retrieval", retrieval request) / ("ack_court_late", late request): the main
    #: window opens the dialog
    decide = Signal(str, object)
    counts = Signal(int)
    print_incident = Signal(object)  # the incident row: its report to print

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.incidents = DictTableModel([], self)
        #: the integrity alarm (services.self_check) while the history does not verify
        self.alarms: list[dict[str, Any]] = []
        self.approvals = DictTableModel([], self)
        self.incident_table = _table(self.incidents)
        self.approval_table = _table(self.approvals)
        self.retrievals = DictTableModel([], self)
        self.retrieval_table = _table(self.retrievals)
        self.incident_title, self.approval_title = QLabel(), QLabel()
        self.retrieval_title = QLabel()
        self.approve_retrieval = QPushButton()
        self.approve_retrieval.setObjectName("inbox_approve_retrieval")
        self.refuse_retrieval = QPushButton()
        self.refuse_retrieval.setObjectName("inbox_refuse_retrieval")
        self.approve_retrieval.clicked.connect(
            lambda: self._pick("approve_retrieval", self.retrieval_table, self.retrievals)
        )
        self.refuse_retrieval.clicked.connect(
            lambda: self._pick("refuse_retrieval", self.retrieval_table, self.retrievals)
        )
        #: court/procuratorate requests marked late, reported to this head (schema 11)
        self.court_late = DictTableModel([], self)
        self.court_late_table = _table(self.court_late)
        self.court_late_title = QLabel()
        self.ack_late = QPushButton()
        self.ack_late.setObjectName("inbox_ack_court_late")
        #: discrepancies of inventories reported to this head, to resolve (issue 16)
        self.inventory = DictTableModel([], self)
        self.inventory_table = _table(self.inventory)
        self.inventory_title = QLabel()
        self.resolve_inventory = QPushButton()
        self.resolve_inventory.setObjectName("inbox_resolve_inventory")
        self.resolve_inventory.clicked.connect(
            lambda: self._pick("resolve_inventory", self.inventory_table, self.inventory)
        )
        # seized storage media (issue 15): the investigators' requests and the reports on them
        self.seized_requests = DictTableModel([], self)
        self.seized_request_table = _table(self.seized_requests)
        self.seized_incidents = DictTableModel([], self)
        self.seized_incident_table = _table(self.seized_incidents)
        self.seized_request_title, self.seized_incident_title = QLabel(), QLabel()
        self.seized_approve = QPushButton()
        self.seized_approve.setObjectName("inbox_seized_approve")
        self.seized_refuse = QPushButton()
        self.seized_refuse.setObjectName("inbox_seized_refuse")
        self.seized_ack = QPushButton()
        self.seized_ack.setObjectName("inbox_seized_ack")
        self.seized_approve.clicked.connect(
            lambda: self._pick("seized_approve", self.seized_request_table, self.seized_requests)
        )
        self.seized_refuse.clicked.connect(
            lambda: self._pick("seized_refuse", self.seized_request_table, self.seized_requests)
        )
        self.seized_ack.clicked.connect(
            lambda: self._pick("seized_ack", self.seized_incident_table, self.seized_incidents)
        )
        self.ack = QPushButton()
        self.ack.setObjectName("inbox_ack")
        self.approve = QPushButton()
        self.approve.setObjectName("inbox_approve")
        self.refuse = QPushButton()
        self.refuse.setObjectName("inbox_refuse")
        self.refresh_button = QPushButton()
        self.report = QPushButton()
        self.report.setObjectName("inbox_report")
        self.report.clicked.connect(self._report)
        self.banner = Banner()
        self.ack.clicked.connect(lambda: self._pick("ack", self.incident_table, self.incidents))
        self.approve.clicked.connect(
            lambda: self._pick("approve", self.approval_table, self.approvals)
        )
        self.refuse.clicked.connect(
            lambda: self._pick("refuse", self.approval_table, self.approvals)
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.ack_late.clicked.connect(
            lambda: self._pick("ack_court_late", self.court_late_table, self.court_late)
        )

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.incident_title, 1)
        top.addWidget(self.report)
        top.addWidget(self.ack)
        top.addWidget(self.refresh_button)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(self.incident_table, 1)
        mid = QHBoxLayout()
        mid.addWidget(self.approval_title, 1)
        mid.addWidget(self.approve)
        mid.addWidget(self.refuse)
        lay.addLayout(mid)
        lay.addWidget(self.approval_table, 1)
        low = QHBoxLayout()
        low.addWidget(self.retrieval_title, 1)
        low.addWidget(self.approve_retrieval)
        low.addWidget(self.refuse_retrieval)
        lay.addLayout(low)
        lay.addWidget(self.retrieval_table, 1)
        low.addWidget(self.court_late_title, 1)
        low.addWidget(self.ack_late)
        lay.addLayout(low)
        lay.addWidget(self.court_late_table, 1)
        inv = QHBoxLayout()
        inv.addWidget(self.inventory_title, 1)
        inv.addWidget(self.resolve_inventory)
        lay.addLayout(inv)
        lay.addWidget(self.inventory_table, 1)
        sz = QHBoxLayout()
        sz.addWidget(self.seized_request_title, 1)
        sz.addWidget(self.seized_approve)
        sz.addWidget(self.seized_refuse)
        lay.addLayout(sz)
        lay.addWidget(self.seized_request_table, 1)
        si = QHBoxLayout()
        si.addWidget(self.seized_incident_title, 1)
        si.addWidget(self.seized_ack)
        lay.addLayout(si)
        lay.addWidget(self.seized_incident_table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.ack.setText(self.tr("Acknowledge…"))
        self.approve.setText(self.tr("Approve…"))
        self.refuse.setText(self.tr("Refuse…"))
        self.approve_retrieval.setText(self.tr("Approve…"))
        self.refuse_retrieval.setText(self.tr("Refuse…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.report.setText(self.tr("Print report…"))
        self.ack_late.setText(self.tr("Acknowledge late request…"))
        self.resolve_inventory.setText(self.tr("Resolve…"))
        self.incidents.set_columns(
            [
                Column("id", "#"),
                Column("at", self.tr("When")),
                Column("kind", self.tr("Kind"), lambda v: label("Incident", v)),
                Column("code", self.tr("Disc"), pretty),
                Column("case_no", self.tr("Case")),
                Column("reported_by", self.tr("Reported by")),
                Column("description", self.tr("What was found")),
            ]
        )
        self.approvals.set_columns(
            [
                Column("id", "#"),
                Column("requested_at", self.tr("Requested")),
                Column("code", self.tr("Disc"), pretty),
                Column("case_no", self.tr("Case")),
                Column("reason", self.tr("Reason"), lambda v: label("UnsealReason", v)),
                Column("requested_by", self.tr("Requested by")),
                # Art. 18: the facts the reason rests on
                Column("unusable_duplicate", self.tr("Unusable duplicate"), pretty),
                Column("doubted_by", self.tr("Doubted by")),
                Column("doubt", self.tr("Why in doubt")),
                Column("note", self.tr("Explanation")),
            ]
        )
        self.retrievals.set_columns(
            [
                Column("id", "#"),
                Column("requested_at", self.tr("Requested")),
                Column("code", self.tr("Disc"), pretty),
                Column("case_no", self.tr("Case")),
                Column("retriever", self.tr("Retriever")),
                Column("reason", self.tr("Reason"), lambda v: label("Reason", v)),
                Column("est_usage_hours", self.tr("Hours")),
                Column("purpose", self.tr("Purpose")),
                Column("requested_by_name", self.tr("Asked by")),
            ]
        )
        self.seized_approve.setText(self.tr("Approve…"))
        self.seized_refuse.setText(self.tr("Refuse…"))
        self.seized_ack.setText(self.tr("Acknowledge…"))
        self.seized_requests.set_columns(
            [
                Column("id", "#"),
                Column("requested_at", self.tr("Requested")),
                Column("kind", self.tr("Kind"), lambda v: label("SeizedRequest", v)),
                Column("case_no", self.tr("Case")),
                Column("seizure_id", self.tr("Seizure")),
                Column("days", self.tr("Days")),
                Column("requested_by_name", self.tr("Asked by")),
                Column("reason", self.tr("Reason")),
            ]
        )
        self.seized_incidents.set_columns(
            [
                Column("id", "#"),
                Column("at", self.tr("When")),
                Column("kind", self.tr("Kind"), lambda v: label("SeizedIncident", v)),
                Column("code", self.tr("Tag"), pretty),
                Column("case_no", self.tr("Case")),
                Column("reported_by_name", self.tr("Reported by")),
                Column("description", self.tr("What was found")),
            ]
        )
        self.court_late.set_columns(
            [
                Column("request_id", "#"),
                Column("at", self.tr("Found late")),
                Column("case_no", self.tr("Case")),
                Column("org_name", self.tr("Court or procuratorate")),
                Column("document_no", self.tr("Document number")),
                Column("requested_at", self.tr("Requested")),
                Column("open_items", self.tr("Items still open then")),
            ]
        )
        self.inventory.set_columns(
            [
                Column("id", "#"),
                Column("session_id", self.tr("Inventory")),
                Column("kind", self.tr("Kind"), self._discrepancy),
                Column("code", self.tr("Disc"), pretty),
                Column("case_no", self.tr("Case")),
                Column("location", self.tr("Recorded at")),
                Column("due_at", self.tr("Resolve by")),
            ]
        )
        self._titles()

    def _discrepancy(self, kind: object) -> str:
        return {
            "not_located": self.tr("not located"),
            "unexpected": self.tr("found, not expected there"),
            "seal_broken": self.tr("seal not intact"),
        }.get(str(kind), str(kind))

    def _titles(self) -> None:
        self.inventory_title.setText(
            "<b>"
            + self.tr("Inventory discrepancies to resolve (%1)").replace(
                "%1", str(len(self.inventory.rows))
            )
            + "</b>"
        )
        self.seized_request_title.setText(
            "<b>"
            + self.tr("Requests on seized items (%1)").replace(
                "%1", str(len(self.seized_requests.rows))
            )
            + "</b>"
        )
        self.seized_incident_title.setText(
            "<b>"
            + self.tr("Reports on seized items (%1)").replace(
                "%1", str(len(self.seized_incidents.rows))
            )
            + "</b>"
        )
        self.court_late_title.setText(
            "<b>"
            + self.tr("Court/procuratorate requests past 3 days (%1)").replace(
                "%1", str(len(self.court_late.rows))
            )
            + "</b>"
        )
        self.incident_title.setText(
            "<b>"
            + self.tr("Incidents to acknowledge (%1)").replace("%1", str(len(self.incidents.rows)))
            + "</b>"
        )
        self.approval_title.setText(
            "<b>"
            + self.tr("Requests to open an original (%1)").replace(
                "%1", str(len(self.approvals.rows))
            )
            + "</b>"
        )

        self.retrieval_title.setText(
            "<b>"
            + self.tr("Requests to retrieve a duplicate (%1)").replace(
                "%1", str(len(self.retrievals.rows))
            )
            + "</b>"
        )

    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: lookup.inbox(worker_session(db, s)),
            success=self._shown,
            failure=self.banner.refuse,
            owner=self,
        )

    def _shown(self, box: dict[str, list[dict[str, Any]]]) -> None:
        # read again (after a change here or at another desk): what the head selected stays
        changed = [
            refill(table, model, rows)
            for table, model, rows in (
                (self.incident_table, self.incidents, box["incidents"]),
                (self.approval_table, self.approvals, box["approvals"]),
                (self.retrieval_table, self.retrievals, box.get("retrieval_requests") or []),
                (self.court_late_table, self.court_late, box.get("court_late") or []),
                (self.inventory_table, self.inventory, box.get("inventory") or []),
                (self.seized_request_table, self.seized_requests, box.get("seized_requests") or []),
                (
                    self.seized_incident_table,
                    self.seized_incidents,
                    box.get("seized_incidents") or [],
                ),
            )
        ]
        jumps = box.get("clock_jumps") or []
        if jumps:  # the computer's clock jumped at a desk: the times around it are doubtful
            self.banner.say(
                "warn",
                self.tr("The clock of a Keeper computer jumped (%1):").replace(
                    "%1", str(len(jumps))
                ),
                "\n".join(f"{j['at']}  {j['by']}: {j['what']}" for j in jumps[:5]),
            )
        for t, again in zip(
            (
                self.incident_table,
                self.approval_table,
                self.retrieval_table,
                self.court_late_table,
                self.inventory_table,
                self.seized_request_table,
                self.seized_incident_table,
            ),
            changed,
            strict=True,
        ):
            if again:
                t.resizeColumnsToContents()
        self._titles()
        alarms = self.alarms = list(box.get("alarms") or [])
        if alarms:
            self.banner.say(
                "error",
                self.tr("Integrity alarm: %1").replace("%1", alarms[0]["problem"]),
                again=lambda: (
                    self.tr("Integrity alarm: %1").replace("%1", alarms[0]["problem"]),
                    "",
                ),
            )
        late = len(box.get("court_late") or [])
        self.counts.emit(
            len(box["incidents"])
            + len(box["approvals"])
            + len(box.get("retrieval_requests") or [])
            + late
            + len(box.get("inventory") or [])
            + len(alarms)
            + self.seized_count()
        )

    def seized_count(self) -> int:
        """What waits on seized items: requests to decide, reports to acknowledge."""
        return len(self.seized_requests.rows) + len(self.seized_incidents.rows)

    def _selected(self, table: QTableView, model: DictTableModel) -> dict[str, Any] | None:
        rows = table.selectionModel().selectedRows()
        if not rows and model.rows:
            table.selectRow(0)
            rows = table.selectionModel().selectedRows()
        if not rows:
            self.banner.say("info", self.tr("Nothing waiting."))
            return None
        self.banner.clear_message()
        return model.row(rows[0].row())

    def _pick(self, what: str, table: QTableView, model: DictTableModel) -> None:
        row = self._selected(table, model)
        if row is not None:
            self.decide.emit(what, row)

    def _report(self) -> None:
        row = self._selected(self.incident_table, self.incidents)
        if row is not None:
            self.print_incident.emit(row)
