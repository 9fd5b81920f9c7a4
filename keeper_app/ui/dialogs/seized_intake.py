"""Intake of seized storage media (issue 15; supervision draft Art. 123, 126-128, 130): the
seizure record — case, cause of action, persons concerned, time and place, the record
(transcript) it belongs to — and its items, the Art. 128(4) inventory: type, specification,
length or capacity, file formats, number and length of copies, content, and the seal put on
each. Where the original medium could not be seized, the item is the electronic data
extracted, with the reason, the original's location and the data's source (Art. 123). Two
investigators seal on site and sign (Art. 126, 128, 129); the possessor signs the inventory, or
the refusal (or absence) is noted (Art. 126-127)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain import seized as seized_rules
from ...domain.errors import RuleViolation
from ...services import lookup, seized, storage
from ...services.session import Session
from ...timeutil import BadTime, parse_user, show
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog

#: the items table's columns: (key, kind of cell)
COLUMNS = (
    ("kind", "combo"),
    ("media_type", "combo"),
    ("specification", "text"),
    ("capacity", "text"),
    ("file_formats", "text"),
    ("copies", "spin"),
    ("copy_length", "text"),
    ("content", "text"),
    ("seal_no", "text"),
    ("not_seized_reason", "text"),
    ("original_location", "text"),
    ("data_source", "text"),
)
#: the columns only extracted data fills (Art. 123)
EXTRACTED = ("not_seized_reason", "original_location", "data_source")


def seized_recordings(s: Session, case_no: str) -> list[dict[str, Any]]:
    """The case's recordings a sealing or a handover may be linked to: those of a sealing or
    a search (Art. 56, 131), never an interrogation's."""
    return [
        r
        for r in storage.case_recordings(s, case_no)
        if r.get("kind") in seized_rules.RECORDING_KINDS
    ]


class SeizedIntakeDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Intake of seized storage media"), parent)
        self.setObjectName("seized_intake")
        self.setMinimumWidth(980)
        self.set_summary(
            self.tr(
                "The seizure record and its inventory (Art. 128(4)): one row per item seized. "
                "Where the original medium could not be seized, choose “electronic data "
                "extracted” and say why, where the original is and where the data came from "
                "(Art. 123). Two investigators seal and sign."
            )
        )
        self.case = QComboBox()
        self.case.setObjectName("seized_case")
        for c in lookup.cases(ctx.session):
            if c.get("status", "open") == "open":
                self.case.addItem(f"{c['case_no']}  {c['name']}", c["case_no"])
        self.cause = QLineEdit()
        self.cause.setObjectName("seized_cause")
        self.persons = QLineEdit()
        self.persons.setObjectName("seized_persons")
        self.record_ref = QLineEdit()
        self.record_ref.setObjectName("seized_record_ref")
        self.record_ref.setPlaceholderText(self.tr("e.g. the search record or transcript no."))
        self.seized_at = QLineEdit(show(ctx.session.now()))
        self.seized_at.setObjectName("seized_at")
        self.seized_at.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.place = QLineEdit()
        self.place.setObjectName("seized_place")
        self.possessor = QLineEdit()
        self.possessor.setObjectName("seized_possessor")
        self.witnesses = QLineEdit()
        self.witnesses.setObjectName("seized_witnesses")
        self.notice_no = QLineEdit()
        self.notice_no.setObjectName("seized_notice_no")
        self.form.addRow(self.tr("Case"), self.case)
        self.form.addRow(self.tr("Cause of action"), self.cause)
        self.form.addRow(self.tr("Persons concerned"), self.persons)
        self.form.addRow(self.tr("Record (transcript) it belongs to"), self.record_ref)
        self.form.addRow(self.tr("Time of the seizure"), self.seized_at)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Person in possession"), self.possessor)
        self.form.addRow(self.tr("Authenticating witnesses"), self.witnesses)
        self.form.addRow(self.tr("Notification of sealing no."), self.notice_no)
        self.sealed_at = QLineEdit(show(ctx.session.now()))
        self.sealed_at.setObjectName("sealed_at")
        self.sealed_at.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.recording = QComboBox()
        self.recording.setObjectName("sealing_recording")
        self.form.addRow(self.tr("Time written on the seals"), self.sealed_at)
        self.form.addRow(self.tr("Recording of the sealing"), self.recording)
        self.case.currentIndexChanged.connect(lambda _i: self.load_recordings())
        #: set once the inventory is registered (its sealing may still be refused: then only
        #: the sealing is done again)
        self.seizure_id: int | None = None
        self.codes: list[str] = []

        self.items = QTableWidget(0, len(COLUMNS))
        self.items.setObjectName("seized_items")
        self.items.setTabKeyNavigation(False)
        self.items.verticalHeader().setDefaultSectionSize(28)
        self.items.setMinimumHeight(170)
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Type"),
                self.tr("Specification"),
                self.tr("Length or capacity"),
                self.tr("File formats"),
                self.tr("Copies"),
                self.tr("Length of the copies"),
                self.tr("Content"),
                self.tr("Seal number"),
                self.tr("Why the original could not be seized"),
                self.tr("Where the original medium is"),
                self.tr("Source of the data"),
            ]
        )
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setObjectName("seized_add_item")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button = QPushButton(self.tr("Remove selected item"))
        self.remove_button.setObjectName("seized_remove_item")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_item)
        self.items_title = QLabel("<b>" + self.tr("Items (inventory)") + "</b>")
        row = QHBoxLayout()
        row.addWidget(self.items_title, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.body.addLayout(row)
        self.body.addWidget(self.items)

        # Art. 126-127: the possessor signs the inventory, or the refusal/absence is noted
        self.possessor_signature = QComboBox()
        self.possessor_signature.setObjectName("possessor_signature")
        for v in values("PossessorSignature"):
            self.possessor_signature.addItem(label("PossessorSignature", v), v)
        self.possessor_note = QLineEdit()
        self.possessor_note.setObjectName("possessor_note")
        self.possessor_note.setPlaceholderText(
            self.tr("required unless the possessor signed: what happened")
        )
        sig_row = QHBoxLayout()
        sig_row.addWidget(QLabel(self.tr("The possessor")))
        sig_row.addWidget(self.possessor_signature)
        sig_row.addWidget(self.possessor_note, 1)
        self.body.addLayout(sig_row)

        self.signers.add("investigator1", self.tr("Investigator (seals)"), role="case_handler")
        self.signers.add("investigator2", self.tr("Second investigator"), role="case_handler")
        self.signers.set_preset("investigator1", ctx.me.badge)
        self.add_item()
        self.load_recordings()

    def load_recordings(self) -> None:
        """The case's recordings: the sealing's own is linked to it (Art. 56)."""
        self.recording.clear()
        case_no = self.case.currentData()
        if not case_no:
            return
        for r in seized_recordings(self.ctx.session, case_no):
            self.recording.addItem(
                self.tr("#%1 %2 · %3")
                .replace("%1", str(r["id"]))
                .replace("%2", label("RecordingKind", r.get("kind")))
                .replace("%3", show(r["started_at"]) if r.get("started_at") else ""),
                r["id"],
            )
        self.recording.setCurrentIndex(self.recording.count() - 1)  # the newest

    # ------------------------------------------------------------------ the items
    def add_item(self, **preset: Any) -> int:
        r = self.items.rowCount()
        self.items.insertRow(r)
        for c, (key, kind) in enumerate(COLUMNS):
            if key == "kind":
                w = QComboBox()
                for v in values("ItemKind"):
                    w.addItem(label("ItemKind", v), v)
                w.currentIndexChanged.connect(lambda _i: self._extracted_columns())
                if preset.get("kind"):
                    w.setCurrentIndex(max(0, w.findData(preset["kind"])))
                self.items.setCellWidget(r, c, w)
            elif key == "media_type":
                w = QComboBox()
                for v in seized_rules.MEDIA_TYPES:
                    w.addItem(label("MediaType", v), v)
                if preset.get("media_type"):
                    w.setCurrentIndex(max(0, w.findData(preset["media_type"])))
                self.items.setCellWidget(r, c, w)
            elif kind == "spin":
                s = QSpinBox()
                s.setRange(0, 999)
                s.setValue(int(preset.get(key, 1)))
                self.items.setCellWidget(r, c, s)
            else:
                self.items.setItem(r, c, QTableWidgetItem(str(preset.get(key, ""))))
        self._extracted_columns()
        return r

    def remove_item(self) -> None:
        rows = sorted({ix.row() for ix in self.items.selectedIndexes()}, reverse=True)
        if not rows and self.items.currentRow() >= 0:
            rows = [self.items.currentRow()]
        for r in rows:
            self.items.removeRow(r)
        self._extracted_columns()

    def set_cell(self, row: int, key: str, value: Any) -> None:
        """Fill one cell of the items table (as a person types into it)."""
        c = [k for k, _ in COLUMNS].index(key)
        w = self.items.cellWidget(row, c)
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        else:
            self.items.setItem(row, c, QTableWidgetItem(str(value)))

    def _extracted_columns(self) -> None:
        any_extracted = any(self.item_values(r)["kind"] == "extracted" for r in range(self.rows()))
        for c, (key, _k) in enumerate(COLUMNS):
            if key in EXTRACTED:
                self.items.setColumnHidden(c, not any_extracted)

    def rows(self) -> int:
        return self.items.rowCount()

    def item_values(self, r: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for c, (key, _kind) in enumerate(COLUMNS):
            w = self.items.cellWidget(r, c)
            if isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            else:
                it = self.items.item(r, c)
                out[key] = it.text().strip() if it is not None else ""
        return out

    # ------------------------------------------------------------------ submit
    def values(self) -> dict[str, Any]:
        return {
            "seizure_id": self.seizure_id,
            "codes": list(self.codes),
            "case_no": self.case.currentData() or "",
            "fields": {
                "cause": self.cause.text(),
                "persons": self.persons.text(),
                "record_ref": self.record_ref.text(),
                "seized_at": self.seized_at.text(),
                "place": self.place.text(),
                "possessor": self.possessor.text(),
                "witnesses": self.witnesses.text(),
                "notice_no": self.notice_no.text(),
            },
            "items": [self.item_values(r) for r in range(self.rows())],
            "sealed_at": self.sealed_at.text(),
            "recording": self.recording.currentData(),
            "possessor_signature": self.possessor_signature.currentData(),
            "possessor_note": self.possessor_note.text(),
            "investigators": [
                self.signers.credential("investigator1"),
                self.signers.credential("investigator2"),
            ],
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        """The inventory registered (once), then the items sealed. A refused sealing leaves
        the inventory registered: the dialog says so and seals it on the next try."""
        sid, codes = v["seizure_id"], v["codes"]
        if sid is None:
            fields = dict(v["fields"])
            fields["seized_at"] = parse_user(fields["seized_at"])
            items = [{k: x for k, x in it.items() if k != "seal_no"} for it in v["items"]]
            got = seized.intake(s, v["case_no"], fields, items)
            sid, codes = int(got["seizure_id"]), list(got["codes"])
        out: dict[str, Any] = {"seizure_id": sid, "codes": codes, "sealing": None, "error": None}
        try:
            out["sealing"] = seized.seal(
                s,
                sid,
                {c: it["seal_no"] for c, it in zip(codes, v["items"], strict=False)},
                [c for c in v["investigators"] if c is not None],
                parse_user(v["sealed_at"]),
                v["recording"],
                v["possessor_signature"],
                v["possessor_note"],
            )
        except (RuleViolation, BadTime) as exc:
            out["error"] = exc
        return out

    def _done(self, result: Any) -> None:
        if result["error"] is None:
            super()._done(result)
            return
        self.registered(int(result["seizure_id"]), list(result["codes"]))
        self.buttons.setEnabled(True)
        self.signers.clear()  # the sealing is signed again, by the investigators who seal
        self.banner.refuse(result["error"])
        self.ctx.feedback.refused()

    def registered(self, seizure_id: int, codes: list[str]) -> None:
        """The inventory is registered (its fields are fixed): only the sealing is left."""
        self.seizure_id, self.codes = seizure_id, codes
        for w in (
            self.case,
            self.cause,
            self.persons,
            self.record_ref,
            self.seized_at,
            self.place,
            self.possessor,
            self.witnesses,
            self.notice_no,
            self.add_button,
            self.remove_button,
        ):
            w.setEnabled(False)
        for r in range(self.rows()):
            for c, (key, _k) in enumerate(COLUMNS):
                cell = self.items.cellWidget(r, c)
                if cell is not None:
                    cell.setEnabled(False)
                it = self.items.item(r, c)
                if it is not None and key != "seal_no":
                    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.summary.setText(
            self.tr(
                "The inventory is registered as seizure #%1 (%2 items), but not sealed yet: "
                "give each item its seal number; the investigators seal and sign."
            )
            .replace("%1", str(self.seizure_id))
            .replace("%2", str(len(self.codes)))
        )

    @classmethod
    def to_seal(
        cls, ctx: UiContext, rec: dict[str, Any], parent: QWidget | None = None
    ) -> SeizedIntakeDialog:
        """The sealing of a seizure whose inventory is registered (a seized item's record:
        the intake's sealing was refused or left undone)."""
        d = cls(ctx, parent)
        z = rec["seizure"]
        i = d.case.findData(rec["case_no"])
        if i < 0:
            d.case.addItem(f"{rec['case_no']}  {rec.get('case_name', '')}", rec["case_no"])
            i = d.case.count() - 1
        d.case.setCurrentIndex(i)
        for w, key in (
            (d.cause, "cause"),
            (d.persons, "persons"),
            (d.record_ref, "record_ref"),
            (d.seized_at, "seized_at"),
            (d.place, "place"),
            (d.possessor, "possessor"),
            (d.witnesses, "witnesses"),
            (d.notice_no, "notice_no"),
        ):
            w.setText(str(z.get(key) or ""))
        d.items.setRowCount(0)
        for item in z["items"]:
            d.add_item(**{k: v for k, v in item.items() if k in dict(COLUMNS)})
        d.registered(int(z["id"]), [str(item["code"]) for item in z["items"]])
        return d

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Seizure #%1 registered and sealed: %2 items.")
            .replace("%1", str(result["seizure_id"]))
            .replace("%2", str(len(result["codes"])))
        )
