"""Burning a pair (Art. 17): the case handler picks one of their cases, ticks the recordings
of one person (a mix of persons or cases is refused with the rule's message), chooses where
the original and the duplicate are burned (two drives, one drive and the next disc, or image
files), sees the space needed and free, then burns: the original, read back and checked, then
the duplicate, read back and checked; only then is the pair registered. A failed or cancelled
disc registers nothing. Afterwards: the new codes, ready for the handover, and the labels."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ...burning.jobs import Progress
from ...devices import DeviceError, OpticalDrive, snapshot
from ...domain import rules
from ...domain.errors import RuleViolation
from ...services import catalogue, lookup, storage
from ...services.burning import PairBurn, PairResult
from ...services.session import Session
from ..context import UiContext
from ..labels import pretty
from ..ops import Ops, worker_session
from ..widgets.banner import Banner
from ..widgets.drive_picker import DrivePicker
from ..widgets.recordings_table import RecordingsTable, mb
from .print_dialog import PrintDialog
from .task_base import TaskDialog


def short(address: str) -> str:
    """A drive as the space line names it: /dev/sr0, or an image file's name."""
    return Path(address[6:]).name if address.startswith("stdio:") else address


class BurnPairDialog(TaskDialog):
    def __init__(self, ctx: UiContext, runner: Ops, parent: QWidget | None = None):
        super().__init__(ctx, runner, "", parent)
        self.settings = storage.StorageSettings.for_database(ctx.db.path)
        self.burn: PairBurn | None = None  # set on the worker while it burns
        self.next_disc_box: QMessageBox | None = None
        self._answer: tuple[threading.Event, dict[str, bool]] | None = None
        self._recordings_asked = 0  # the latest load of the recordings list (see below)
        self.case = QComboBox()
        self.case.setObjectName("case")
        self.table = RecordingsTable()
        self.selection = QLabel()
        self.selection.setWordWrap(True)
        self.rule = Banner()  # the selection refused by a rule (Art. 17)
        self.rule.setObjectName("rule")
        self.original = DrivePicker()
        self.duplicate = DrivePicker(allow_same=True)
        self.drives_note = QLabel()
        self.drives_note.setWordWrap(True)
        self.drives_note.setStyleSheet("color:#777")
        self.space = QLabel()
        self.space.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.setObjectName("check_space")
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_labels")
        self.print_button.hide()
        self.print_dialog: PrintDialog | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = [QLabel() for _ in range(4)]
        self.case_label, self.original_label, self.duplicate_label, self.space_label = labels
        self.form.addRow(self.case_label, self.case)
        self.form.addRow(self.original_label, self.original)
        self.form.addRow(self.duplicate_label, self.duplicate)
        space_row = QHBoxLayout()
        space_row.addWidget(self.space, 1)
        space_row.addWidget(self.check_button)
        self.form.addRow(self.space_label, space_row)
        self.recordings_label = QLabel()
        self.body.addLayout(self.form)
        self.body.addWidget(self.recordings_label)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.selection)
        self.body.addWidget(self.rule)
        self.body.addWidget(self.drives_note)
        self.body.addWidget(self.outcome)
        self.body.addWidget(self.print_button)

        self.case.currentIndexChanged.connect(lambda _i: self.load_recordings())
        self.table.selection_changed.connect(self.validate)
        self.original.changed.connect(self.validate)
        self.duplicate.changed.connect(self.validate)
        self.check_button.clicked.connect(self.check_space)
        self.go_button.clicked.connect(self.start_burn)
        self.print_button.clicked.connect(self.print_labels)
        self.retranslate()
        self.refresh_drives()
        self.load_cases()

    def retranslate(self) -> None:
        self.retranslate_task()
        self.setWindowTitle(self.tr("Burn a pair of discs"))
        self.heading.setText("<h3>" + self.tr("Burn a pair of discs") + "</h3>")
        self.case_label.setText(self.tr("Case"))
        self.original_label.setText(self.tr("Original in"))
        self.duplicate_label.setText(self.tr("Duplicate in"))
        self.space_label.setText(self.tr("Space"))
        self.recordings_label.setText(
            self.tr("Recordings (tick those of one person: one person per disc, Art. 17)")
        )
        self.check_button.setText(self.tr("Check discs and space"))
        self.go_button.setText(self.tr("Burn and verify"))
        self.print_button.setText(self.tr("Print labels…"))
        self.cancel_button.setText(self.tr("Cancel burn"))
        self.table.retranslate()
        self.original.retranslate()
        self.duplicate.retranslate()
        self.validate()

    # ------------------------------------------------------------------ loading
    def refresh_drives(self) -> None:
        """The burners attached now (udev); without udev only image files are offered."""
        drives: Sequence[OpticalDrive] = []
        try:
            drives = snapshot().drives
            self.drives_note.setText("" if drives else self.tr("No optical drive is attached."))
        except DeviceError as exc:
            self.drives_note.setText(
                self.tr("Optical drives cannot be listed (%1); image files can be burned.").replace(
                    "%1", str(exc)
                )
            )
        if not self.running:
            self.original.set_drives(drives)
            self.duplicate.set_drives(drives)

    def load_cases(self) -> None:
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: [c for c in lookup.cases(worker_session(db, s)) if c["status"] == "open"],
            success=self._cases_loaded,
            failure=self.banner.refuse,
            owner=self,
        )

    def _cases_loaded(self, cases: list[dict[str, Any]]) -> None:
        self.case.blockSignals(True)
        self.case.clear()
        for c in cases:
            self.case.addItem(f"{c['case_no']}  {c['name']}", c["case_no"])
        self.case.blockSignals(False)
        if not cases:
            self.banner.say("info", self.tr("You handle no open case."))
        self.load_recordings()

    def choose_case(self, case_no: str) -> None:
        self.case.setCurrentIndex(self.case.findData(case_no))

    def load_recordings(self, keep: list[int] | None = None) -> None:
        case_no = self.case.currentData()
        self._recordings_asked += 1
        ticket = self._recordings_asked
        if not case_no:
            self.table.set_rows([])
            return
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: storage.case_recordings(worker_session(db, s), case_no),
            success=lambda rows: self._recordings_loaded(ticket, case_no, rows, keep),
            failure=self.banner.refuse,
            owner=self,
        )

    def _recordings_loaded(
        self, ticket: int, case_no: str, rows: list[dict[str, Any]], keep: list[int] | None
    ) -> None:
        """Show what the LAST request found. Two loads run side by side on the workers (the
        list of cases loads the first case's recordings while the person already chose
        another); the older answer may come last and must not put another case's recordings
        under this case's name."""
        if ticket != self._recordings_asked or self.case.currentData() != case_no:
            return
        self.table.set_rows(rows, keep)
        self.validate()

    # ------------------------------------------------------------------ checking
    def drives(self) -> list[str]:
        o = self.original.address()
        return [o] if self.duplicate.is_same() else [o, self.duplicate.address()]

    def validate(self) -> bool:
        """The selection against Art. 17 and the drives chosen; the Burn button follows."""
        ok = self._validate()
        self.go_button.setEnabled(ok and not self.running)
        self.check_button.setEnabled(ok and not self.running)
        return ok

    def _validate(self) -> bool:
        rows = self.table.checked()
        try:
            rules.check_recordings_one_person_one_case(
                (int(r["case_id"]), str(r["person_name"])) for r in rows
            )
        except RuleViolation as exc:
            if exc.code == "no_recordings":
                self.selection.setText(self.tr("Tick the recordings to burn."))
                self.rule.clear_message()
            else:
                self.selection.setText("")
                self.rule.refuse(exc)
            return False
        self.rule.clear_message()
        size = sum(int(r["size"]) for r in rows)
        self.selection.setText(
            self.tr("Chosen: %1 recording(s) of %2, %3 in all")
            .replace("%1", str(len(rows)))
            .replace("%2", str(rows[0]["person_name"]))
            .replace("%3", mb(size))
        )
        drives = self.drives()
        if not all(drives):
            self.space.setText(self.tr("Choose where each disc is burned."))
            return False
        if len(drives) == 2 and drives[0] == drives[1]:
            self.space.setText(
                self.tr("The original and the duplicate need two drives, or the same drive twice.")
            )
            return False
        return True

    def _check(self, s: Session, ids: list[int], drives: list[str]) -> None:
        """On the worker: each drive's disc and space (no_disc, not_blank, too_small...)."""
        figures = []
        for d in dict.fromkeys(drives):
            b = PairBurn(s, ids, [d], self.settings)
            b.prepare()
            mc = b.media_check
            figures.append((d, mc.image_bytes if mc else 0, mc.free_bytes if mc else 0))
        self.report(("space", figures))

    def check_space(self) -> None:
        if not self.validate():
            self.ctx.feedback.refused()
            return
        ids, drives = self.table.checked_ids(), self.drives()
        self.start(lambda s: self._check(s, ids, drives))

    # ------------------------------------------------------------------ burning
    def start_burn(self) -> None:
        if not self.validate():
            self.ctx.feedback.refused()
            return
        ids, drives = self.table.checked_ids(), self.drives()
        self.outcome.hide()
        self.print_button.hide()

        def work(s: Session) -> PairResult:
            self._check(s, ids, drives)
            if self.cancel_event.is_set():
                raise RuleViolation("cancelled", "cancelled before burning", "Art. 17")
            burn = PairBurn(
                s,
                ids,
                drives,
                self.settings,
                ask_next_disc=self._ask_next_disc,
                progress=self.report,
            )
            self.burn = burn
            try:
                if self.cancel_event.is_set():
                    burn.cancel()
                return burn.run()
            finally:
                self.burn = None

        self.start(work)

    def cancel_job(self) -> None:
        burn = self.burn
        if burn is not None:
            burn.cancel()  # stops xorriso (or the read-back) at once
        if self._answer is not None:  # waiting for the next disc: the answer is no
            self._answer[1]["ok"] = False
            self._answer[0].set()
        if self.next_disc_box is not None:
            self.next_disc_box.reject()

    def _ask_next_disc(self, role: str, drive: str, problem: str) -> bool:
        """On the worker (one drive): ask in the GUI thread, wait for the answer."""
        done, answer = threading.Event(), {"ok": False}
        self._answer = (done, answer)
        self.report(("ask", role, drive, problem))
        while not done.wait(0.2):
            if self.cancel_event.is_set():
                break
        self._answer = None
        return answer["ok"] and not self.cancel_event.is_set()

    def update_from_worker(self, item: object) -> None:
        if not isinstance(item, tuple):
            return
        if item[0] == "space":
            parts = [
                self.tr("%1 free in %2").replace("%1", mb(free)).replace("%2", short(d))
                for d, _need, free in item[1]
            ]
            need = max((n for _d, n, _f in item[1]), default=0)
            self.space.setText(
                self.tr("Needed per disc: %1. ").replace("%1", mb(need)) + "; ".join(parts)
            )
        elif item[0] == "ask":
            self._show_next_disc(*item[1:])

    def _show_next_disc(self, role: str, drive: str, problem: str) -> None:
        text = self.tr(
            "The original is burned and verified. Take it out of %1, label it, and insert a "
            "blank disc for the duplicate."
        ).replace("%1", drive)
        if problem:
            text = self.tr("The disc inserted cannot be used: %1").replace("%1", problem)
            text += "\n" + self.tr("Insert a blank disc for the duplicate.")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Next disc"),
            text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Disc inserted"))

        def answered(_r: int) -> None:
            pending = self._answer
            if pending is not None:
                ok_button = box.button(QMessageBox.StandardButton.Ok)
                pending[1]["ok"] = box.clickedButton() is ok_button
                pending[0].set()
            self.next_disc_box = None
            box.deleteLater()

        box.finished.connect(answered)
        self.next_disc_box = box
        box.open()

    def stage_text(self, p: Progress) -> str:
        names = {
            "burn_original": self.tr("Burning the original…"),
            "verify_original": self.tr("Reading the original back, checking every file…"),
            "burn_duplicate": self.tr("Burning the duplicate…"),
            "verify_duplicate": self.tr("Reading the duplicate back, checking every file…"),
            "register": self.tr("Registering the pair…"),
        }
        head = names.get(p.stage, self.tr("Working…"))
        return f"{head} {round((p.fraction or 0) * 100)}%"

    def set_editable(self, on: bool) -> None:
        for w in (self.case, self.table, self.original, self.duplicate, self.check_button):
            w.setEnabled(on)
        if on:
            self.validate()

    def succeeded(self, result: Any) -> str:
        if not isinstance(result, PairResult):  # the check alone
            self.stage.setText(self.tr("The discs are blank and big enough."))
            self.banner.say("ok", self.tr("Ready to burn."))
            return ""
        o, d = pretty(result.original), pretty(result.duplicate)
        self.stage.setText(self.tr("Done."))
        self.outcome.setText(
            "<b>"
            + self.tr("The pair is burned, read back and verified.")
            + "</b><br>"
            + self.tr("Original: %1").replace("%1", f"<b>{o}</b>")
            + "<br>"
            + self.tr("Duplicate: %1").replace("%1", f"<b>{d}</b>")
            + "<br>"
            + self.tr(
                "Label both discs and hand them to a keeper within 24 hours (Art. 16); "
                "the keeper scans a code at the counter to register the handover."
            )
        )
        self.outcome.show()
        self.print_button.show()
        self.banner.say("ok", self.tr("Pair %1 registered as burned.").replace("%1", o))
        self.load_recordings()
        return self.tr("Pair %1 / %2 burned and verified.").replace("%1", o).replace("%2", d)

    def failed(self, exc: BaseException) -> None:
        self.load_recordings(self.table.checked_ids())

    def print_labels(self) -> PrintDialog | None:
        """Both labels of the new pair: preview, label sheet, printer (or save as PDF)."""
        if not isinstance(self.result_value, PairResult):
            return None
        code = self.result_value.original
        d = PrintDialog(self.ctx, catalogue.disc_labels(code), self)
        d.finished.connect(lambda _r: d.deleteLater())
        self.print_dialog = d
        d.open()
        return d
