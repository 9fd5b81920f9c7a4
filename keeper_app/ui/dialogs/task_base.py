"""What the long device jobs' dialogs share (burning a pair, ingesting recordings): the job
runs on a worker of the device runner (its own thread pool, so lists and scans stay quick
meanwhile) with its own database connection; its progress callback reaches the progress bar
through a queued signal; Cancel really stops it; its refusal is shown in the banner.

Hiding the dialog while the job runs (Escape, the window's close button, the idle lock) does
not stop the job: it goes on in the background and the dialog can be shown again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...burning.jobs import Progress
from ...services.session import Session
from ..context import UiContext
from ..errors import refusal
from ..ops import Ops, worker_session
from ..widgets.banner import Banner

STEPS = 1000  # the progress bar's range


class TaskDialog(QDialog):
    """Subclasses fill ``self.body``, implement :meth:`stage_text`, and call :meth:`start`
    with the work (run on a worker with the signed-in person's session)."""

    #: from the worker thread (queued to the GUI): a Progress, or ("space", figures) etc.
    progressed = Signal(object)
    #: the job ended: (ok, text for the main window's status bar)
    job_finished = Signal(bool, str)
    #: the dialog was hidden while its job goes on
    backgrounded = Signal()

    def __init__(self, ctx: UiContext, runner: Ops, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.running = False
        self.cancel_event = threading.Event()
        self.result_value: Any = None
        self.error: BaseException | None = None
        self.setMinimumWidth(720)
        self.setWindowTitle(title)
        self.heading = QLabel(f"<h3>{title}</h3>")
        self.body = QVBoxLayout()
        self.progress_box = QGroupBox()
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_job")
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        box = QVBoxLayout(self.progress_box)
        box.addWidget(self.stage)
        box.addLayout(row)
        self.progress_box.hide()
        self.banner = Banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.setObjectName("go")
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(self.body, 1)
        lay.addWidget(self.progress_box)
        lay.addWidget(self.banner)
        lay.addWidget(self.buttons)
        self.progressed.connect(self._progressed)

    def retranslate_task(self) -> None:
        self.progress_box.setTitle(self.tr("Progress"))
        self.cancel_button.setText(self.tr("Cancel"))

    # ------------------------------------------------------------------ running
    def start(self, work: Callable[[Session], Any]) -> None:
        """Run ``work(session)`` on a worker; :meth:`succeeded` or :meth:`failed` after."""
        self.running = True
        self.cancel_event.clear()
        self.result_value = self.error = None
        self.bar.setValue(0)
        self.progress_box.show()
        self.cancel_button.setEnabled(True)
        self.go_button.setEnabled(False)
        self.set_editable(False)
        self.banner.clear_message()
        s = self.ctx.session
        self.runner.run(
            lambda db: work(worker_session(db, s)),
            success=self._succeeded,
            failure=self._failed,
            owner=self,
        )

    def report(self, item: object) -> None:
        """Called on the worker: hand a Progress (or another update) to the GUI thread."""
        self.progressed.emit(item)

    def _progressed(self, item: object) -> None:
        if isinstance(item, Progress):
            if item.fraction is not None:
                self.bar.setValue(round(max(0.0, min(item.fraction, 1.0)) * STEPS))
            self.stage.setText(self.stage_text(item))
        else:
            self.update_from_worker(item)

    def request_cancel(self) -> None:
        """Really stop the job (the subclass stops its process); nothing is registered."""
        if not self.running:
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling…"))
        self.cancel_job()

    def _succeeded(self, result: Any) -> None:
        self.running = False
        self.result_value = result
        self.cancel_button.setEnabled(False)
        self.bar.setValue(STEPS)
        self.set_editable(True)
        self.go_button.setEnabled(True)
        text = self.succeeded(result)
        self.job_finished.emit(True, text)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.error = exc
        self.cancel_button.setEnabled(False)
        self.set_editable(True)
        self.go_button.setEnabled(True)
        self.banner.refuse(exc)
        self.stage.setText(self.tr("Stopped."))
        self.ctx.feedback.refused()
        self.failed(exc)
        self.job_finished.emit(False, refusal(exc).headline)

    # ------------------------------------------------------------------ for subclasses
    def stage_text(self, p: Progress) -> str:
        return p.message

    def update_from_worker(self, item: object) -> None:
        pass

    def cancel_job(self) -> None:
        pass

    def set_editable(self, on: bool) -> None:
        pass

    def succeeded(self, result: Any) -> str:
        return ""

    def failed(self, exc: BaseException) -> None:
        pass

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.running:  # the job goes on; the dialog can be shown again
            self.hide()
            self.backgrounded.emit()
            return
        super().reject()

    def closeEvent(self, ev: Any) -> None:  # noqa: N802 - Qt override
        if self.running:
            ev.ignore()
            self.reject()
            return
        super().closeEvent(ev)
