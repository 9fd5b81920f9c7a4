"""The daily checkpoint (issue 10, 1e): the keeper on duty and a department head sign the
head of the audit chain shown here with their own passwords. If the register moves on while
they sign, the new head is shown and they register again. After it, the main window offers
to print the slip and to export the file for the supervising unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.checkpoints import grouped
from ...domain.errors import RuleViolation
from ...services import checkpoints
from ...services.session import Session
from ..context import UiContext
from .base import WorkflowDialog


class CheckpointDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Daily checkpoint"), parent)
        self.setObjectName("checkpoint_dialog")
        self.head: tuple[int, str] = (0, "")
        self.show_head(checkpoints.status(ctx.session))
        self.signers.add("keeper", self.tr("Keeper on duty"), me=True)
        self.signers.add("head", self.tr("Department head (countersigns)"), role="dept_head")

    def show_head(self, st: dict[str, Any]) -> None:
        self.head = (int(st["seq"]), str(st["hash"]))
        last = st.get("last")
        self.set_summary(
            self.tr(
                "The head of the audit chain now: event <b>%1</b> (%2)<br>"
                "<tt>%3</tt><br>By signing, the keeper on duty and a department head "
                "certify this head; the slip is filed with the paper register."
            )
            .replace("%1", str(st["seq"]))
            .replace("%2", str(st["head_at"] or "—"))
            .replace("%3", grouped(str(st["hash"])))
            + (
                "<br>"
                + self.tr("Last checkpoint: event %1, %2")
                .replace("%1", str(last["seq"]))
                .replace("%2", str(last["at"]))
                if last
                else ""
            )
        )

    def submit_text(self) -> str:
        return self.tr("Sign the checkpoint")

    def values(self) -> dict[str, Any]:
        return {
            "keeper": self.signers.credential("keeper"),
            "head": self.signers.credential("head"),
            "expect": self.head,
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        cid = checkpoints.take(s, v["keeper"], v["head"], expect=v["expect"])
        # the head certified: the one shown, with the signers' own sign-ins recorded since
        self.certified = int(checkpoints.slip(s, cid)["seq"])
        return cid

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Daily checkpoint #%1 taken: event %2.")
            .replace("%1", str(result))
            .replace("%2", str(getattr(self, "certified", self.head[0])))
        )

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        if isinstance(exc, RuleViolation) and exc.code == "checkpoint_head_moved":
            self.show_head(checkpoints.status(self.ctx.session))  # sign the new head


class CheckpointTaken(QDialog):
    """After the checkpoint: print its slip and export its file; it stays open until closed,
    so both can be done, one after the other."""

    print_requested = Signal(int)
    export_requested = Signal(int)

    def __init__(self, checkpoint_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.checkpoint_id = checkpoint_id
        self.setObjectName("checkpoint_taken")
        self.setWindowTitle(self.tr("Daily checkpoint"))
        text = QLabel(
            self.tr(
                "The daily checkpoint is taken. Print the slip (to be signed by hand and "
                "filed with the paper register) and export the file for the supervising unit."
            )
        )
        text.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print the slip…"))
        self.export_button = QPushButton(self.tr("Export the file…"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.print_button, self.export_button, self.close_button):
            b.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(checkpoint_id))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(checkpoint_id))
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.print_button, self.export_button, self.close_button):
            row.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.done_label)
        lay.addLayout(row)

    def exported(self, path: str) -> None:
        self.done_label.setText(self.tr("Checkpoint file exported: %1").replace("%1", path))
