"""Who read what (Art. 21; issue 14), for a department head: every logged reading of their
departments' cases — when, who, what was read, which of their cases it showed — filtered by a
case number and a start date (services.reads.report)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import catalogue, reads
from ...timeutil import show
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel


class ReadsView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_no = QLineEdit()
        self.case_no.setObjectName("reads_case")
        self.since = QLineEdit()
        self.since.setObjectName("reads_since")
        self.show_button = QPushButton()
        self.show_button.setObjectName("reads_show")
        self.show_button.clicked.connect(self.refresh)
        self.case_no.returnPressed.connect(self.refresh)
        self.since.returnPressed.connect(self.refresh)
        self.banner = Banner()
        self.model = DictTableModel([], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.case_no, 1)
        row.addWidget(self.since, 1)
        row.addWidget(self.show_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.loaded = False
        self.retranslate()

    def kinds(self) -> dict[str, str]:
        return {
            "scan": self.tr("a disc's record"),
            "media": self.tr("the list of media"),
            "cases": self.tr("the list of cases"),
            "register": self.tr("the retrieval register"),
            "due": self.tr("what is due and late"),
            "inbox": self.tr("the inbox"),
            "inventory": self.tr("the inventory"),
            "approvals": self.tr("unseal approvals"),
            "court_requests": self.tr("court and procuratorate requests"),
            "identify": self.tr("a disc in a drive"),
            "verifications": self.tr("a disc's read-backs"),
            "fixity": self.tr("the fixity report"),
            "recordings": self.tr("recordings"),
            "archive_expected": self.tr("the archive handover list"),
            "document": self.tr("a printed document"),
            "reads": self.tr("who read what"),
        }

    def retranslate(self) -> None:
        self.case_no.setPlaceholderText(self.tr("Case number (empty: all your cases)"))
        self.since.setPlaceholderText(self.tr("From YYYY-MM-DD (empty: the last 30 days)"))
        self.show_button.setText(self.tr("Show"))
        kinds = self.kinds()
        self.model.set_columns(
            [
                Column("at", self.tr("Time")),
                Column("reader", self.tr("Reader")),
                Column("what", self.tr("What was read"), lambda v: kinds.get(str(v), str(v))),
                Column("cases", self.tr("Cases"), lambda v: ", ".join(v)),
                Column("refs", self.tr("Asked for"), self.refs_text),
            ]
        )

    def refresh(self) -> None:
        s = self.ctx.session
        case_no = self.case_no.text().strip() or None
        since = self.since.text().strip()

        def work(db: Any) -> list[dict[str, Any]]:
            p = catalogue.period(since or None)
            return reads.report(worker_session(db, s), since=p.since, case_no=case_no)

        self.ctx.ops.run(work, success=self._shown, failure=self._failed, owner=self)

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        self.loaded = True
        self.banner.clear_message()
        for r in rows:
            r["reader"] = f"{r['name']} ({r['badge']})"
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.loaded = True
        self.model.set_rows([])
        self.banner.refuse(exc)

    def refs_text(self, refs: Any) -> str:
        """What the reader asked for: the references of the reading, named in words."""
        names = {
            "code": self.tr("disc"),
            "case_no": self.tr("case"),
            "status": self.tr("status"),
            "copy_role": self.tr("copy"),
            "location": self.tr("shelf"),
            "since": self.tr("from"),
            "until": self.tr("to"),
            "badge": self.tr("person"),
            "offset": self.tr("from row"),
            "doc": self.tr("document"),
            "id": self.tr("entry"),
            "list": self.tr("list"),
        }
        docs = {
            "label": self.tr("disc label"),
            "labels": self.tr("the pair's labels"),
            "register": self.tr("register pages"),
            "handover_receipt": self.tr("handover receipt"),
            "incident_report": self.tr("incident report"),
            "court_transfer_list": self.tr("court transfer list"),
            "archive_handover_list": self.tr("archive handover list"),
            "review": self.tr("the review list"),
        }
        parts = []
        for k, v in sorted(dict(refs or {}).items()):
            if k in ("since", "until"):
                value = show(v)
            elif k == "code":
                value = ", ".join(pretty(c) for c in str(v).split(","))
            elif k == "status":
                value = label("Status", v)
            elif k == "copy_role":
                value = label("CopyRole", v)
            else:
                value = docs.get(str(v), str(v))
            parts.append(f"{names.get(k, k)} {value}")
        return "; ".join(parts)
