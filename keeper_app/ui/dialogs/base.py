"""What every counter workflow dialog shares: a form, the signatures, a message strip, and
a submit that runs the service call off the GUI thread and shows its refusal, if any."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.session import Session
from ..context import UiContext
from ..labels import join
from ..ops import worker_session
from ..widgets.banner import Banner
from ..widgets.signers import SignersBox


class WorkflowDialog(QDialog):
    """Subclasses fill ``self.form`` and ``self.signers`` and implement :meth:`perform`
    (runs on a worker with its own session; returns what :meth:`confirmation` shows)."""

    #: emitted with the confirmation text after the service accepted the entry
    completed = Signal(str)

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.heading = QLabel(f"<h3>{title}</h3>")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.signers = SignersBox(ctx)
        self.banner = Banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(
            self.submit_text(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("submit")
        # Enter registers (or, while signatures are missing, opens the next signer's box);
        # Cancel is never where the focus starts nor what Enter presses
        self.submit_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.signers.changed.connect(self._focus_next_signer)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.summary)
        lay.addLayout(self.form)
        self.body = QVBoxLayout()
        lay.addLayout(self.body)
        lay.addWidget(self.signers)
        lay.addWidget(self.banner)
        lay.addWidget(self.buttons)

    def showEvent(self, ev: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(ev)
        first = next(
            (
                w
                for i in range(self.form.rowCount())
                if (item := self.form.itemAt(i, QFormLayout.ItemRole.FieldRole)) is not None
                and (w := item.widget()) is not None
                and w.isEnabled()
                and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            ),
            None,
        )
        if first is not None:
            first.setFocus()
        else:
            self._focus_next_signer()

    def _focus_next_signer(self) -> None:
        slot = next(
            (s for s in self.signers.slots.values() if s.required and s.credential is None), None
        )
        (slot.button if slot is not None else self.submit_button).setFocus()

    def submit_text(self) -> str:
        return self.tr("Register and sign")

    def set_summary(self, html: str) -> None:
        self.summary.setText(html)
        self.summary.show()

    # ------------------------------------------------------------------ submit
    def values(self) -> dict[str, Any]:
        """The form's values, read on the GUI thread before the work starts."""
        return {}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        raise NotImplementedError

    def confirmation(self, result: Any) -> str:
        return self.tr("Registered.")

    def submit(self) -> None:
        missing = self.signers.missing()
        if missing:
            self.banner.say("warn", self.tr("Still to sign: %1").replace("%1", join(missing)))
            # the next signer's box opens: the whole form can be done from the keyboard
            key = next(
                k for k, s in self.signers.slots.items() if s.required and s.credential is None
            )
            self.signers.open_dialog(key)
            return
        v = self.values()
        self.buttons.setEnabled(False)  # no cancel while the entry is being written
        self.banner.say("info", self.tr("Registering…"))
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: self.perform(worker_session(db, s), v),
            success=self._done,
            failure=self._failed,
            owner=self,
        )

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.completed.emit(self.confirmation(result))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.banner.refuse(exc)
        self.ctx.feedback.refused()

    # ------------------------------------------------------------------ scans
    def handle_scan(self, text: str) -> None:
        """A scan while the dialog is open fills the focused text field (a seal bag's
        barcode, say); otherwise it is shown and ignored."""
        w = QApplication.focusWidget()
        if (
            isinstance(w, QLineEdit)
            and w.isEnabled()
            and not w.isReadOnly()
            and w.echoMode() == QLineEdit.EchoMode.Normal
            and self.isAncestorOf(w)
        ):
            w.setText(text.strip())
            return
        self.banner.say(
            "info",
            self.tr("Scanned %1: finish or cancel this form first.").replace("%1", text.strip()),
        )
