"""Due and late across the office: handovers past 24 h, retrievals past their estimated
usage time, court requests nearing their 3 days, originals not yet resealed; and, for a
keeper, a reminder when no daily checkpoint of the audit chain was taken today.

Late means reported (issue 14): each refresh — the first when the window opens after
signing in, then every minute — first runs the sweep for a keeper or a head, which marks
what became late and reports it to the head of the case's department, signed by them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RuleViolation
from ...domain.lifecycle import Action, allowed
from ...services import checkpoints, lateness, lookup, seized, transfers
from ...services.session import Session
from ..context import UiContext
from ..labels import label, pretty
from ..ops import worker_session
from ..widgets.banner import Banner
from .table_model import Column, DictTableModel, refill

REFRESH_MS = 60_000


def _swept_and_due(s: Session) -> tuple[int, RuleViolation | None, list[dict[str, Any]]]:
    """The sweep (for those who run it), then what is due: (lateness marked, the sweep's
    refusal if any — the list is shown all the same, the rows)."""
    marked, problem = 0, None
    try:
        res = lateness.sweep_if_allowed(s)
        marked = len(res.marked) if res is not None else 0
        # court/procuratorate requests found past their 3 days, marked once each (Art. 19)
        marked += len(transfers.sweep_late_requests(s))
    except RuleViolation as exc:
        problem = exc
    return marked, problem, lookup.due(s)


def due_kind(kind: object) -> str:
    """What is due, translated: a disc's deadline, or a seized medium's (issue 15)."""
    k = str(kind or "")
    return label("SeizedDue", k) if k.startswith("seized_") else label("DueKind", k)


def _colour(r: dict[str, Any]) -> str | None:
    if r.get("late"):
        return "#fde4e1"
    if r.get("soon"):
        return "#fff4d6"
    return None


class DueView(QWidget):
    open_code = Signal(str)
    counts = Signal(int, int)  # late, all
    checkpoint_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = DictTableModel([], self, colour=_colour)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.summary = QLabel()
        self.banner = Banner()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        # the daily checkpoint's reminder (keepers only)
        self.checkpoint_due: bool | None = None
        self.checkpoint_note = Banner()
        self.checkpoint_note.setObjectName("checkpoint_note")
        self.checkpoint_button = QPushButton()
        self.checkpoint_button.setObjectName("checkpoint_now")
        self.checkpoint_button.hide()
        self.checkpoint_button.clicked.connect(self.checkpoint_requested)
        note = QHBoxLayout()
        note.addWidget(self.checkpoint_note, 1)
        note.addWidget(self.checkpoint_button)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addLayout(note)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.retranslate()
        self.refresh()

    def _flag(self, r: dict[str, Any]) -> str:
        return self.tr("LATE") if r["late"] else (self.tr("soon") if r.get("soon") else "")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.checkpoint_button.setText(self.tr("Daily checkpoint…"))
        self.model.set_columns(
            [
                Column("flag", self.tr("Flag")),
                Column("due_at", self.tr("Due")),
                Column("kind", self.tr("What"), due_kind),
                Column("shown", self.tr("Disc")),
                Column("case_no", self.tr("Case")),
                Column("holder", self.tr("Who holds it"), lambda v: v or self.tr("custody room")),
                Column("ref", self.tr("Register no.")),
            ]
        )
        for r in self.model.rows:
            r["flag"], r["shown"] = self._flag(r), self._shown_item(r)
        self._summarise()

    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: _swept_and_due(worker_session(db, s)),
            success=self._swept,
            failure=self.banner.refuse,
            owner=self,
        )
        if allowed(self.ctx.me.roles, Action.CHECKPOINT):
            self.ctx.ops.run(
                lambda db: checkpoints.status(worker_session(db, s)),
                success=self._checkpoint_status,
                failure=self.banner.refuse,
                owner=self,
            )

    def _checkpoint_status(self, st: dict[str, Any]) -> None:
        self.checkpoint_due = not st["today"]
        self.checkpoint_button.setVisible(self.checkpoint_due)
        if not self.checkpoint_due:
            self.checkpoint_note.clear_message()
            return
        last = st.get("last")

        def text() -> tuple[str, str]:
            return (
                self.tr(
                    "No daily checkpoint of the audit chain has been taken today: the keeper "
                    "on duty and a department head sign it, and the slip is filed with the "
                    "paper register."
                ),
                self.tr("Last checkpoint: event %1, %2")
                .replace("%1", str(last["seq"]))
                .replace("%2", str(last["at"]))
                if last
                else self.tr("No checkpoint has been taken yet."),
            )

        self.checkpoint_note.say("warn", *text(), again=text)

    def _swept(self, got: tuple[int, RuleViolation | None, list[dict[str, Any]]]) -> None:
        marked, problem, rows = got
        if problem is not None:
            self.banner.refuse(problem)
        elif marked:
            n = str(marked)

            def text() -> tuple[str, str]:
                return (
                    self.tr(
                        "%1 newly late: marked on the register and reported to the head of "
                        "each case's department."
                    ).replace("%1", n),
                    "",
                )

            self.banner.say("warn", *text(), again=text)
        self._shown(rows)

    def _shown(self, rows: list[dict[str, Any]]) -> None:
        for r in rows:
            r["flag"], r["shown"] = self._flag(r), self._shown_item(r)
        if refill(self.table, self.model, rows):  # what the user selected stays selected
            self.table.resizeColumnsToContents()
        self._summarise()

    def _summarise(self) -> None:
        rows = self.model.rows
        late = sum(1 for r in rows if r["late"])
        self.summary.setText(
            self.tr("%1 late · %2 due").replace("%1", str(late)).replace("%2", str(len(rows)))
        )
        self.counts.emit(late, len(rows))

    def _shown_item(self, r: dict[str, Any]) -> str:
        """The disc, or for seized media (issue 15) the seizure or the release request."""
        if r.get("code"):
            return pretty(r["code"])
        kind = str(r.get("kind") or "")
        if kind == "seized_release":
            return self.tr("seized items, request #%1").replace("%1", str(r.get("ref", "")))
        if kind.startswith("seized_"):
            return self.tr("seizure #%1").replace("%1", str(r.get("ref", "")))
        return ""

    def _open(self, ix: Any) -> None:
        r = self.model.row(ix.row())
        code = r.get("code")
        kind = str(r.get("kind") or "")
        if not code and kind.startswith("seized_"):
            # a seizure's deadline: its first item's record at the counter; a release's:
            # the first item to be released
            try:
                if kind == "seized_release":
                    items = seized.release_record(self.ctx.session, int(r["ref"]))["items"]
                else:
                    items = seized.show_seizure(self.ctx.session, int(r["ref"]))["items"]
            except RuleViolation as exc:
                self.banner.refuse(exc)
                return
            code = items[0]["code"] if items else None
        if code:
            self.open_code.emit(code)
