"""The main window's seized storage media (issue 15): the "Seized items…" button in the
toolbar, with "Intake…" (investigators), the temporary transfer out and back (keepers,
Art. 131) and the inspection of the register (department heads, Art. 261); the actions of a
seized item's record at the counter; after an intake, the offer to print the items' tags and
the inventory."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QToolBar

from ..domain.lifecycle import Action, allowed
from ..services import catalogue
from .dialogs.base import WorkflowDialog
from .dialogs.seized_actions import (
    SeizedInspectDialog,
    SeizedReceiveDialog,
    SeizedReleaseDialog,
    SeizedRequestDialog,
    SeizedResealDialog,
    SeizedUnsealDialog,
)
from .dialogs.seized_intake import SeizedIntakeDialog
from .dialogs.seized_transfer import SeizedTransferDialog
from .seized_record import approved_release

if TYPE_CHECKING:
    from .main_window import MainWindow


def seized_document(kind: str, ref: int | str) -> catalogue.Document:
    """A seized item's document from the catalogue: "tags" (of one item by its code, or of
    every item of a seizure by its number), "inventory" (of a seizure), "release" (the
    release notice with the release inventory, of a release request)."""
    if kind == "tags":
        return catalogue.seized_tags_of(ref)
    if kind == "inventory":
        return catalogue.seized_inventory_of(int(ref))
    return catalogue.seized_release_of(int(ref))


def seized_printable() -> bool:
    return True


def seized_documents(seizure_id: int) -> list[catalogue.Document]:
    """The documents printed after an intake: the items' tags and the inventory."""
    return [seized_document("tags", seizure_id), seized_document("inventory", seizure_id)]


#: the investigators' requests to the head, from a seized item's record
REQUESTS = ("request_unseal", "request_transfer", "request_extension", "find_unrelated")


class SeizedTools(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        roles = self.ctx.me.roles
        self.may_intake = allowed(roles, Action.SEIZED_INTAKE)
        self.may_keep = allowed(roles, Action.SEIZED_KEEP)
        self.button = QPushButton(window)
        self.button.setObjectName("seized_items")
        self.menu = QMenu(self.button)
        self.intake_action = self.menu.addAction("")
        self.intake_action.setObjectName("seized_intake_action")
        self.intake_action.setVisible(self.may_intake)
        self.intake_action.triggered.connect(lambda: self.open_intake())
        self.out_action = self.menu.addAction("")
        self.out_action.setVisible(self.may_keep)
        self.out_action.triggered.connect(lambda: self.open_transfer("out"))
        self.in_action = self.menu.addAction("")
        self.in_action.setVisible(self.may_keep)
        self.in_action.triggered.connect(lambda: self.open_transfer("in"))
        self.may_inspect = allowed(roles, Action.SEIZED_INSPECT)
        self.inspect_action = self.menu.addAction("")
        self.inspect_action.setVisible(self.may_inspect)
        self.inspect_action.triggered.connect(lambda: self.open_inspection())
        self.button.setMenu(self.menu)
        bar = window.findChild(QToolBar)
        visible = self.may_intake or self.may_keep or self.may_inspect
        if bar is not None and visible:
            bar.insertWidget(bar.actions()[1], self.button)  # after the title
        self.button.setVisible(visible)
        self.offer: QMessageBox | None = None
        self.offer_print: QPushButton | None = None
        counter = window.counter
        if counter is not None:
            counter.seized_record.action_requested.connect(self.run_action)
            counter.seized_record.print_requested.connect(self.print_for_record)
            counter.seized_record.set_printable(seized_printable())
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Seized items…"))
        self.intake_action.setText(self.tr("Intake…"))
        self.out_action.setText(self.tr("Temporary transfer out…"))
        self.in_action.setText(self.tr("Back from a temporary transfer…"))
        self.inspect_action.setText(self.tr("Inspect the register…"))

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ------------------------------------------------------------------ the dialogs
    def _open(self, d: WorkflowDialog) -> WorkflowDialog:
        self.window._open(d)
        d.completed.connect(lambda _t, d=d: self.after(d))
        return d

    def open_intake(self) -> SeizedIntakeDialog:
        d = SeizedIntakeDialog(self.ctx, self.window)
        self._open(d)
        return d

    def open_transfer(self, direction: str, rec: Any = None) -> SeizedTransferDialog:
        d = SeizedTransferDialog(self.ctx, direction, rec, self.window)
        self._open(d)
        return d

    def open_inspection(self) -> SeizedInspectDialog:
        d = SeizedInspectDialog(self.ctx, self.window)
        self._open(d)
        return d

    def run_action(self, action: str) -> None:
        """An action of the seized item shown at the counter."""
        counter = self.window.counter
        rec = counter.current_seized() if counter is not None else None
        if rec is None:
            return
        if action == "transfer_out":
            self.open_transfer("out", rec)
        elif action == "transfer_in":
            self.open_transfer("in", rec)
        elif action == "receive":
            self._open(SeizedReceiveDialog(self.ctx, rec, self.window))
        elif action == "seal":
            self._open(SeizedIntakeDialog.to_seal(self.ctx, rec, self.window))
        elif action == "release":
            self._open(SeizedReleaseDialog(self.ctx, rec, self.window))
        elif action == "unseal":
            self._open(SeizedUnsealDialog(self.ctx, rec, self.window))
        elif action == "reseal":
            self._open(SeizedResealDialog(self.ctx, rec, self.window))
        elif action in REQUESTS:
            self._open(SeizedRequestDialog(self.ctx, action, rec, self.window))
        else:
            self.window.statusBar().showMessage(
                self.tr("Not at the counter yet: use the command line (keeper seized …)."),
                15_000,
            )

    def print_for_record(self, kind: str) -> None:
        """The seized item shown at the counter: its tag, every tag of its seizure, the
        seizure's inventory."""
        counter = self.window.counter
        rec = counter.current_seized() if counter is not None else None
        if rec is None:
            return
        if kind == "release":
            rid = approved_release(rec)
            if rid is None:
                self.window.statusBar().showMessage(
                    self.tr("No approved release of this item: nothing to print yet."), 15_000
                )
                return
            doc = seized_document("release", rid)
        elif kind == "tag":
            doc = seized_document("tags", rec["code"])
        else:
            doc = seized_document("tags" if kind == "tags" else "inventory", rec["seizure"]["id"])
        self.window.extras.open(doc)

    # ------------------------------------------------------------------ after an intake
    def after(self, d: WorkflowDialog) -> None:
        if d.result_value is None:
            return
        if isinstance(d, SeizedReleaseDialog) and d.request is not None:
            rid = int(d.request["id"])
            title = self.tr("Release #%1").replace("%1", str(rid))
            text = self.tr(
                "The items are released. Print the release notice and the release inventory "
                "for the person in possession to sign now?"
            )
            docs = [seized_document("release", rid)]
            QTimer.singleShot(0, self, lambda: self._offer(title, text, docs))
            return
        if not isinstance(d, SeizedIntakeDialog):
            return
        sid = int(d.result_value["seizure_id"])
        title = self.tr("Seizure #%1").replace("%1", str(sid))
        text = self.tr(
            "The seizure is registered and sealed. Print the items' tags and the inventory now?"
        )
        docs = seized_documents(sid)
        QTimer.singleShot(0, self, lambda: self._offer(title, text, docs))

    def _offer(self, title: str, text: str, docs: list[catalogue.Document]) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        yes = box.addButton(self.tr("Print…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda b: self._print(docs) if b is yes else None)
        box.finished.connect(lambda _r: self._offer_closed(box))
        self.offer, self.offer_print = box, yes
        box.open()

    def _print(self, docs: list[catalogue.Document]) -> None:
        """The tags first; the inventory once its dialog is closed."""
        first, rest = docs[0], docs[1:]
        d = self.window.extras.open(first)
        if rest:
            d.finished.connect(lambda _r: QTimer.singleShot(0, self, lambda: self._print(rest)))

    def _offer_closed(self, box: QMessageBox) -> None:
        if self.offer is box:
            self.offer, self.offer_print = None, None
        box.deleteLater()
