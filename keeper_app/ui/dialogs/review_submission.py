"""A case submitted for review with its recordings (Art. 4, 22(2)): which recordings go with
it, to whom. For a major case every recording goes; until they have, the due board says so."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...services import reviews, storage
from ...services.session import Session
from ...timeutil import show
from ..context import UiContext
from ..labels import label
from ..ops import worker_session
from .base import WorkflowDialog


class ReviewSubmissionDialog(WorkflowDialog):
    def __init__(
        self, ctx: UiContext, case_no: str, case_name: str = "", parent: QWidget | None = None
    ):
        super().__init__(ctx, self.tr("Submit the case for review"), parent)
        self.case_no = case_no
        self.major = False
        self.set_summary(self.tr("Case %1 %2").replace("%1", case_no).replace("%2", case_name))
        self.recordings = QListWidget()
        self.recordings.setObjectName("recordings")
        self.recordings.setMinimumHeight(120)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.to = QLineEdit()
        self.to.setObjectName("to")
        self.note = QLineEdit()
        self.form.addRow(self.tr("Recordings that go with it"), self.recordings)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Submitted to"), self.to)
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.hide()
        s = ctx.session

        def load(db: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            ws = worker_session(db, s)
            return reviews.review_status(ws, case_no), storage.case_recordings(ws, case_no)

        ctx.ops.run(load, success=self._loaded, failure=self.banner.refuse, owner=self)

    def _loaded(self, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        status, recs = result
        self.major = bool(status["major"])
        pending = set(status["pending"])
        self.recordings.clear()
        for r in recs:
            it = QListWidgetItem(
                f"#{r['id']}  {show(r['started_at'])}  {r['person_name']}  "
                + label("PersonRole", r["person_role"])
                + ("" if int(r["id"]) in pending else "  " + self.tr("(submitted before)"))
            )
            it.setData(Qt.ItemDataRole.UserRole, int(r["id"]))
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked)
            self.recordings.addItem(it)
        self.hint.setText(
            self.tr(
                "A major case goes to review with all its recordings (Art. 4, 22); the due "
                "board shows it until they have."
            )
            if self.major
            else self.tr("Tick the recordings that go with the case.")
        )

    def chosen(self) -> list[int]:
        out = []
        for i in range(self.recordings.count()):
            it = self.recordings.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(int(it.data(Qt.ItemDataRole.UserRole)))
        return out

    def submit_text(self) -> str:
        return self.tr("Record the submission")

    def values(self) -> dict[str, Any]:
        return {"recordings": self.chosen(), "to": self.to.text(), "note": self.note.text()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return reviews.submit_for_review(s, self.case_no, v["recordings"], v["to"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Case %1 went to review with its recordings.").replace("%1", self.case_no)
