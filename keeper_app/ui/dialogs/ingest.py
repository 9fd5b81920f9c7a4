"""Hard-drive storage (Art. 17): a recording copied from a folder or a USB disk onto the
dedicated storage device and its backup, hashed while copying, both copies read back and
compared, then registered with its interrogation record (start, end, place, interruptions;
read from ``keeper-record.json`` beside the files when there is one). Too little space is
refused before anything is written (Art. 14); a failure or a cancel keeps nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...burning.jobs import Progress
from ...devices import UsbDisk
from ...services import lookup, storage
from ...services.session import Session
from ...timeutil import from_db, parse_user, show
from ..context import UiContext
from ..labels import label, values
from ..ops import Ops, worker_session
from ..widgets.file_dialogs import folder_dialog
from ..widgets.recordings_table import mb
from .task_base import TaskDialog


class IngestDialog(TaskDialog):
    """Every file-system call (the source folder, a USB disk, the free space of the two
    roots, the roots' paths) runs on a worker through the storage service: a hung mount
    keeps a worker waiting, never the window."""

    def __init__(self, ctx: UiContext, runner: Ops, parent: QWidget | None = None):
        super().__init__(ctx, runner, "", parent)
        self.db_path = str(ctx.db.path)
        #: the roots (read on a worker: they are resolved on the file system)
        self.settings: storage.StorageSettings | None = None
        self.space_facts: dict[str, Any] | None = None
        self._space_checking = False
        self._space_again = False
        self.interruptions: list[dict[str, str]] = []
        self.need = 0
        self.case = QComboBox()
        self.usb = QComboBox()
        self.source = QLineEdit()
        self.source.setObjectName("source")
        self.browse = QPushButton()
        self.source_info = QLabel()
        self.source_info.setWordWrap(True)
        self.person = QLineEdit()
        self.person_role = QComboBox()
        for v in values("PersonRole"):
            self.person_role.addItem(label("PersonRole", v), v)
        self.kind = QComboBox()
        for v in values("RecordingKind"):
            self.kind.addItem(label("RecordingKind", v), v)
        self.started = QLineEdit()
        self.ended = QLineEdit()
        for w in (self.started, self.ended):
            w.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.place = QLineEdit()
        self.space = QLabel()
        self.space.setWordWrap(True)
        src_row = QHBoxLayout()
        src_row.addWidget(self.source, 1)
        src_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(10)]
        rows: list[Any] = [
            self.case,
            self.usb,
            src_row,
            self.source_info,
            self.person,
            self.person_role,
            self.kind,
            self.started,
            self.ended,
            self.place,
        ]
        for lab, w in zip(self.labels, rows, strict=True):
            self.form.addRow(lab, w)
        self.space_label = QLabel()
        self.form.addRow(self.space_label, self.space)
        self.body.addLayout(self.form)

        self.usb.currentIndexChanged.connect(self._usb_chosen)
        self.browse.clicked.connect(self._browse)
        self.source.editingFinished.connect(self.read_source)
        self.go_button.clicked.connect(self.start_ingest)
        self.retranslate()
        self.refresh_usb()
        self.show_space()
        s = ctx.session
        ctx.ops.run(
            lambda db: [c for c in lookup.cases(worker_session(db, s)) if c["status"] == "open"],
            success=self._cases_loaded,
            failure=self.banner.refuse,
            owner=self,
        )

    def retranslate(self) -> None:
        self.retranslate_task()
        title = self.tr("Ingest recordings")
        self.setWindowTitle(title)
        self.heading.setText(f"<h3>{title}</h3>")
        names = [
            self.tr("Case"),
            self.tr("USB disk"),
            self.tr("Folder or file"),
            "",
            self.tr("Person interrogated"),
            self.tr("Person is"),
            self.tr("Kind"),
            self.tr("Started"),
            self.tr("Ended"),
            self.tr("Place"),
        ]
        for lab, text in zip(self.labels, names, strict=True):
            lab.setText(text)
        self.space_label.setText(self.tr("Space"))
        self.browse.setText(self.tr("Choose folder…"))
        self.go_button.setText(self.tr("Copy, verify and register"))

    def _cases_loaded(self, cases: list[dict[str, Any]]) -> None:
        for c in cases:
            self.case.addItem(f"{c['case_no']}  {c['name']}", c["case_no"])

    # ------------------------------------------------------------------ the source
    def refresh_usb(self) -> None:
        """USB disks' mounted partitions, as sources (listed on a worker)."""
        self._usb_listed([])
        self.ctx.ops.run(
            lambda _db: storage.usb_sources(),
            success=self._usb_listed,
            failure=self.banner.refuse,
            owner=self,
            with_db=False,
        )

    def _usb_listed(self, disks: list[UsbDisk]) -> None:
        self.usb.blockSignals(True)
        self.usb.clear()
        self.usb.addItem(self.tr("— a folder —"), "")
        for u in disks:
            for p in u.partitions:
                text = f"{u.name} {p.devnode} {p.label}".strip()
                if p.mountpoint:
                    self.usb.addItem(f"{text} → {p.mountpoint}", p.mountpoint)
                else:
                    self.usb.addItem(text + " " + self.tr("(not mounted)"), "")
        self.usb.blockSignals(False)

    def _usb_chosen(self) -> None:
        if self.usb.currentData():
            self.set_source(str(self.usb.currentData()))

    def _browse(self) -> None:
        fd = folder_dialog(self, self.tr("Folder of the recording"))
        if fd.exec() and fd.selectedFiles():
            self.set_source(fd.selectedFiles()[0])

    def set_source(self, path: str) -> None:
        self.source.setText(path)
        self.read_source()

    def read_source(self) -> None:
        src = self.source.text().strip()
        if not src:
            return
        self.ctx.ops.run(
            lambda _db: storage.source_facts(Path(src)),
            success=self._source_read,
            failure=self._source_failed,
            owner=self,
            with_db=False,
        )

    def _source_failed(self, exc: BaseException) -> None:
        self.need = 0
        self.source_info.setText("")
        self.banner.refuse(exc)
        self.show_space()

    def _source_read(self, facts: dict[str, Any]) -> None:
        self.banner.clear_message()
        self.need = int(facts["size"])
        self.source_info.setText(
            self.tr("%1 file(s), %2")
            .replace("%1", str(facts["files"]))
            .replace("%2", mb(self.need))
        )
        rec = facts["record"]
        if rec:  # the interrogation record's data left beside the files
            if rec.get("case_no"):
                self.case.setCurrentIndex(max(0, self.case.findData(rec["case_no"])))
            for key, w in (("person_name", self.person), ("place", self.place)):
                if rec.get(key):
                    w.setText(str(rec[key]))
            for key, w in (("started_at", self.started), ("ended_at", self.ended)):
                if rec.get(key):
                    w.setText(show(from_db(str(rec[key]))))
            for key, combo in (("person_role", self.person_role), ("kind", self.kind)):
                if rec.get(key):
                    combo.setCurrentIndex(max(0, combo.findData(rec[key])))
            self.interruptions = storage.parse_interruptions(rec.get("interruptions"))
            self.source_info.setText(
                self.source_info.text() + " · " + self.tr("record read from keeper-record.json")
            )
        self.show_space()

    def show_space(self) -> None:
        """Read the roots' free space on a worker, then show it with what is needed. One
        reading at a time: while a root does not answer, no more workers wait on it."""
        self._show_space_text()
        if self._space_checking:
            self._space_again = True
            return
        self._space_checking = True
        db_path, settings = self.db_path, self.settings

        def work(_db: Any) -> tuple[storage.StorageSettings, dict[str, Any]]:
            st = settings or storage.StorageSettings.for_database(db_path)
            return st, storage.space(st)

        self.ctx.ops.run(
            work, success=self._space_read, failure=self._space_failed, owner=self, with_db=False
        )

    def _space_read(self, result: tuple[storage.StorageSettings, dict[str, Any]]) -> None:
        self.settings, self.space_facts = result
        self._space_done()

    def _space_failed(self, exc: BaseException) -> None:
        self.space_facts = None
        self.banner.refuse(exc)
        self._space_done()

    def _space_done(self) -> None:
        self._space_checking = False
        self._show_space_text()
        if self._space_again:
            self._space_again = False
            self.show_space()

    def _show_space_text(self) -> None:
        f = self.space_facts
        if f is None:
            self.space.setText(
                self.tr(
                    "Needed: %1 on each. Reading the free space of the storage device "
                    "and the backup…"
                ).replace("%1", mb(self.need))
            )
            return
        self.space.setText(
            self.tr("Needed: %1 on each. Storage %2: %3 free. Backup %4: %5 free.")
            .replace("%1", mb(self.need))
            .replace("%2", f["storage_root"])
            .replace("%3", mb(f["storage_free"]))
            .replace("%4", f["backup_root"])
            .replace("%5", mb(f["backup_free"]))
        )

    # ------------------------------------------------------------------ ingesting
    def start_ingest(self) -> None:
        try:
            v = {
                "source": Path(self.source.text().strip()),
                "case_no": self.case.currentData() or "",
                "person_name": self.person.text(),
                "person_role": self.person_role.currentData(),
                "kind": self.kind.currentData(),
                "started_at": parse_user(self.started.text()),
                "ended_at": parse_user(self.ended.text()),
                "place": self.place.text(),
                "interruptions": list(self.interruptions),
            }
        except ValueError as exc:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()
            return
        if not self.source.text().strip():
            self.banner.say("warn", self.tr("Choose the folder or USB disk of the recording."))
            return
        settings, cancel, db_path = self.settings, self.cancel_event, self.db_path

        def work(s: Session) -> Any:
            st = settings or storage.StorageSettings.for_database(db_path)
            rid, entries = storage.ingest(s, st, progress=self.report, cancel=cancel, **v)
            return rid, entries, storage.intake_report(s, rid)

        self.start(work)

    def cancel_job(self) -> None:
        pass  # the copy loop sees cancel_event and removes what it wrote

    def stage_text(self, p: Progress) -> str:
        if p.stage == "check":
            return self.tr("Reading both copies back and comparing…")
        return self.tr("Copying to the storage device and the backup… %1%").replace(
            "%1", str(round((p.fraction or 0) * 100))
        )

    def set_editable(self, on: bool) -> None:
        for w in (
            self.case,
            self.usb,
            self.source,
            self.browse,
            self.person,
            self.person_role,
            self.kind,
            self.started,
            self.ended,
            self.place,
        ):
            w.setEnabled(on)

    def succeeded(self, result: Any) -> str:
        rid, entries, found = result
        text = (
            self.tr(
                "Recording #%1 stored and backed up (%2 file(s)); both copies verified; registered."
            )
            .replace("%1", str(rid))
            .replace("%2", str(len(entries)))
        )
        self.stage.setText(self.tr("Done."))
        notes = self.findings(found)
        self.banner.say("warn" if notes else "ok", text, "\n".join(notes))
        self.show_space()
        return text

    def findings(self, found: dict[str, Any]) -> list[str]:
        """What intake found (storage.intake_report), in the UI's language: the same
        footage twice, a late upload (Art. 10, 13, 17), a duration that is not the record's."""
        out = []
        for f in found["flags"]:
            if f["kind"] == "same_footage":
                other = f"#{f['other_recording_id']}"
                if f.get("other_case_no"):
                    other += " (" + f["other_case_no"] + ")"
                out.append(
                    self.tr("The same footage is registered already for recording %1.").replace(
                        "%1", other
                    )
                )
            else:
                m = int(f["late_minutes"] or 0)
                out.append(
                    self.tr(
                        "Uploaded late: %1 h %2 min after the interrogation ended (the limit "
                        "is %3 h; Art. 17: at once)."
                    )
                    .replace("%1", str(m // 60))
                    .replace("%2", f"{m % 60:02d}")
                    .replace("%3", str(f["limit_hours"]))
                )
        d = found["duration"]
        if d is not None and d["result"] != "match":
            out.append(
                self.tr(
                    "The duration check does not match the record: the recording is on the "
                    "review list. %1"
                ).replace("%1", d["message"])
            )
        return out

    def failed(self, exc: BaseException) -> None:
        self.show_space()
