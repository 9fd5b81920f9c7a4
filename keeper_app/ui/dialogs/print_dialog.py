"""Preview, save and print one document. The PDF is made off the GUI thread (with the
worker's own database connection), its pages rasterised for the preview, and then saved
(always possible) or sent to the chosen CUPS printer through the application's print queue
(one job at a time per printer). Disc labels take the label sheet, the first free position
of a partly used sheet and the chosen printer's calibration; changing any re-makes them.

Characters the embedded font lacks are named before anything is printed."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from printing import PrintError, layouts

from ...domain.errors import RuleViolation
from ...files import copy_private
from ...services.catalogue import Document, Options
from ..context import UiContext
from ..labels import document_title, join
from ..ops import worker_session
from ..print_queue import PrintJob, PrintQueue
from ..settings import LABEL_SHEET, PRINTER, SAVE_FOLDER
from ..widgets.banner import Banner
from ..widgets.file_dialogs import file_dialog
from ..widgets.pdf_preview import PdfPreview, rasterise
from ..widgets.printer_choice import PrinterChoice


class PrintDialog(QDialog):
    saved = Signal(str)  # the file written

    def __init__(
        self,
        ctx: UiContext,
        doc: Document,
        parent: QWidget | None = None,
        *,
        printer: str | None = None,
        sheet: str | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.doc = ctx, doc
        self.queue: PrintQueue = ctx.print_queue or PrintQueue(ctx.ops, self)
        self.pdf: Path | None = None
        self.result: Any = None
        self.file_dialog: QFileDialog | None = None
        self._gen = 0
        self._sheet_id = sheet or ctx.settings.get(LABEL_SHEET)
        self._made_with: Options | None = None
        self._jobs: set[PrintJob] = set()
        self._tmp = tempfile.TemporaryDirectory(prefix="keeper-doc-")
        self.setWindowTitle(document_title(doc))
        self.setMinimumSize(980, 720)

        self.preview = PdfPreview(ctx.ops)
        self.heading = QLabel(f"<h3>{_esc(document_title(doc))}</h3>")
        self.heading.setWordWrap(True)
        self.sheet = QComboBox()
        self.start = QSpinBox()
        self.printer = PrinterChoice(ctx.ops, printer or ctx.settings.get(PRINTER))
        self.calibration_note = QLabel()
        self.calibration_note.setWordWrap(True)
        self.coverage = Banner()
        self.banner = Banner()
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print")
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))

        form = QFormLayout()
        if doc.on_sheet:
            self._fill_sheets()
            form.addRow(self.tr("Label sheet"), self.sheet)
            if doc.key != "calibration":  # the test sheet covers every position
                form.addRow(self.tr("First free label"), self.start)
        form.addRow(self.tr("Printer"), self.printer)
        side = QVBoxLayout()
        side.addWidget(self.heading)
        side.addLayout(form)
        side.addWidget(self.calibration_note)
        side.addWidget(self.coverage)
        side.addWidget(self.banner)
        side.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        side.addLayout(buttons)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(400)
        lay = QHBoxLayout(self)
        lay.addWidget(self.preview, 1)
        lay.addWidget(panel)
        self.calibration_note.setVisible(doc.on_sheet)

        self._again = QTimer(self, singleShot=True, interval=250)
        self._again.timeout.connect(self.make_pdf)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.start.valueChanged.connect(lambda _v: self._changed())
        self.printer.changed.connect(lambda _name: self._printer_changed())
        self.save_button.clicked.connect(self.ask_save)
        self.print_button.clicked.connect(self.send)
        self.close_button.clicked.connect(self.reject)
        self.queue.queued.connect(self._queued)
        self.queue.sent.connect(self._sent)
        self.queue.printed.connect(self._printed)
        self.queue.failed.connect(self._job_failed)
        self.finished.connect(lambda _r: self._tmp.cleanup())
        self._ready(False)
        self._printer_changed()
        self.make_pdf()

    # ------------------------------------------------------------------ options
    def _fill_sheets(self) -> None:
        lang = self.ctx.settings.document_language
        try:
            sheets = layouts.sheets()
        except PrintError as exc:
            self.banner.refuse(exc)
            sheets = []
        for sh in sheets:
            self.sheet.addItem(sh.title(lang), sh.id)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(self._sheet_id)))
        self._sheet_positions()

    def _sheet_positions(self) -> None:
        try:
            n = len(layouts.sheet(self.sheet.currentData() or layouts.DEFAULT_SHEET).positions)
        except PrintError:
            n = 1
        self.start.setRange(1, max(1, n))

    def _sheet_changed(self) -> None:
        self._sheet_positions()
        self._changed()

    def _changed(self) -> None:
        """An option changed: the PDF made is no longer what would be printed."""
        self._ready(False)
        self._again.start()

    def _calibration(self) -> layouts.Calibration:
        printer = self.printer.name()
        try:
            return layouts.calibration_for(printer)
        except PrintError as exc:
            self.calibration_note.setText(
                self.tr("Calibration cannot be read: %1").replace("%1", str(exc))
            )
            return layouts.Calibration()

    def options(self) -> Options:
        return Options(
            lang=self.ctx.settings.document_language,
            sheet=self.sheet.currentData() or self.ctx.settings.get(LABEL_SHEET),
            start=self.start.value() if self.doc.on_sheet else 1,
            calibration=self._calibration() if self.doc.on_sheet else layouts.Calibration(),
        )

    # ------------------------------------------------------------------ the document
    def make_pdf(self) -> None:
        self._gen += 1
        gen, opts, doc, s = self._gen, self.options(), self.doc, self.ctx.session
        path = Path(self._tmp.name) / f"document-{gen}.pdf"
        self._made_with = opts
        self._ready(False)
        self.preview.clear(self.tr("Making the document…"))
        self.banner.say("info", self.tr("Making the document…"))

        def work(db: Any) -> tuple[Any, Any]:
            made = doc.make(worker_session(db, s) if db is not None else None, opts, path)
            try:
                return made, rasterise(path, 1)
            except PrintError as exc:
                return made, exc

        self.ctx.ops.run(
            work,
            success=lambda r: self._made(gen, path, r),
            failure=lambda exc: self._not_made(gen, exc),
            owner=self,
            with_db=doc.needs_db,
        )

    def _made(self, gen: int, path: Path, r: tuple[Any, Any]) -> None:
        if gen != self._gen:
            path.unlink(missing_ok=True)  # options changed meanwhile: a newer one is coming
            return
        result, first = r
        if self.pdf is not None and self.pdf != path:
            self.pdf.unlink(missing_ok=True)
        self.pdf, self.result = path, result
        # without a first page (no pdftoppm) the preview tries again and says why it cannot
        self.preview.show_pdf(
            path, result.pages, None if isinstance(first, BaseException) else first
        )
        self._show_warnings(result)
        self.banner.clear_message()
        self._ready(True)

    def _not_made(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.preview.clear("")
        self.banner.refuse(exc)
        self.ctx.feedback.refused()
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def _ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _show_warnings(self, result: Any) -> None:
        lines = []
        font_msgs = {p.message(self.ctx.settings.document_language) for p in result.coverage}
        seen: set[tuple[tuple[str, ...], str]] = set()
        for p in result.coverage:
            if (p.chars, p.text) in seen:  # the same name on both discs of the pair
                continue
            seen.add((p.chars, p.text))
            chars = join([f"“{c}” (U+{ord(c):04X})" for c in p.chars])
            lines.append(
                self.tr(
                    "The printing font has no %1 (in “%2”): it would print blank. "
                    "Write it in by hand on the paper."
                )
                .replace("%1", chars)
                .replace("%2", p.text)
            )
        lines += [
            w for w in result.warnings if w not in font_msgs and not any(m in w for m in font_msgs)
        ]
        if lines:
            self.coverage.say("warn", "\n".join(lines))
        else:
            self.coverage.clear_message()

    # ------------------------------------------------------------------ printers
    def _printer_changed(self) -> None:
        if not self.doc.on_sheet:
            return
        cal = self._calibration()
        name = self.printer.name()
        if name:
            self.calibration_note.setText(
                self.tr("Calibration of %1: %2 mm right, %3 mm down.")
                .replace("%1", name)
                .replace("%2", f"{cal.dx_mm:+.1f}")
                .replace("%3", f"{cal.dy_mm:+.1f}")
            )
        else:
            self.calibration_note.setText(self.tr("No printer chosen: no calibration."))
        if self._made_with is not None and cal != self._made_with.calibration:
            self._changed()

    # ------------------------------------------------------------------ save, print
    def ask_save(self) -> None:
        folder = self.ctx.settings.get(SAVE_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        fd = file_dialog(self, self.tr("Save as PDF"))
        fd.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        fd.setNameFilter(self.tr("PDF documents (*.pdf)"))
        fd.setDefaultSuffix("pdf")
        if folder and Path(folder).is_dir():
            fd.setDirectory(folder)
        fd.selectFile(self.doc.filename)
        fd.fileSelected.connect(self.save_to)
        fd.finished.connect(lambda _r: fd.deleteLater())
        self.file_dialog = fd
        fd.open()

    def save_to(self, name: str) -> None:
        if self.pdf is None or not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            # private (0600), never through a link; an existing file is replaced (in one
            # step) only when it is the name the Save dialog asked about
            copy_private(self.pdf, target, replace=target == Path(name))
        except RuleViolation as exc:
            self.banner.refuse(PrintError(exc.code, exc.message))
            self.ctx.feedback.refused()
            return
        self.ctx.settings.set(SAVE_FOLDER, str(target.parent))
        self.banner.say("ok", self.tr("Saved as %1.").replace("%1", str(target)))
        self.saved.emit(str(target))

    def send(self) -> None:
        if self.pdf is None:
            return
        printer = self.printer.name()
        ahead = self.queue.pending(printer) if printer else 0
        try:
            job = self.queue.submit(
                self.pdf, printer, media=self.result.media, title=self.doc.job_title
            )
        except PrintError as exc:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()
            return
        self._jobs.add(job)
        if ahead:
            self._queued(job, ahead)
        else:
            self.banner.say("info", self.tr("Sending to %1…").replace("%1", printer))

    def _queued(self, job: PrintJob, ahead: int) -> None:
        if job in self._jobs:
            self.banner.say(
                "info",
                self.tr("Waiting for %1: %2 job(s) before this one.")
                .replace("%1", job.printer)
                .replace("%2", str(ahead)),
            )

    def _sent(self, job: PrintJob) -> None:
        if job in self._jobs:
            self.banner.say(
                "info",
                self.tr("Sent to %1 as job %2; printing…")
                .replace("%1", job.printer)
                .replace("%2", job.job_id),
            )

    def _printed(self, job: PrintJob) -> None:
        if job in self._jobs:
            self.banner.say(
                "ok",
                self.tr("Printed on %1 (job %2).")
                .replace("%1", job.printer)
                .replace("%2", job.job_id),
            )
            self.ctx.feedback.accepted()

    def _job_failed(self, job: PrintJob, exc: BaseException) -> None:
        if job in self._jobs:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()

    # ------------------------------------------------------------------ scans
    def handle_scan(self, text: str) -> None:
        self.banner.say(
            "info", self.tr("Scanned %1: close the printing first.").replace("%1", text.strip())
        )


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
