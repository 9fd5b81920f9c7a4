"""The catalogue of printable documents: the one list the application, the `keeper` command
and the reports print from. Each entry names a document's data query (in :mod:`.documents`),
its layout (a ``printing`` function, given that data), its file name, and who may print it;
a :class:`Document` is an entry for one thing (a disc, a handover, a register filter) and
makes its PDF with :meth:`Document.make`. :func:`period` is the one rule for a period typed
by a person (the register on screen, on paper and in ``keeper register``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from printing.layouts import Calibration  # no reportlab: the drawing modules load lazily

from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from .documents import (
    Period,
    archive_handover_list,
    correction_sticker,
    court_transfer_list,
    handover_of,
    handover_receipt,
    incident_report,
    label_data,
    pair_label_data,
    period,
    register_document,
    seized_inventory,
    seized_release,
    seized_tags,
    signature_loader,
)
from .enrolment import key_form as _key_form_data
from .session import Session, parse_code

__all__ = [
    "CATALOGUE",
    "CustodyRef",
    "Document",
    "Entry",
    "Options",
    "Period",
    "RegisterRef",
    "period",
]


# ------------------------------------------------------------------ the catalogue
@dataclass(frozen=True)
class Options:
    """How a document is drawn: language, and for disc labels the sheet, the first free
    position on it, the printer's calibration and (preview only) the label outlines."""

    lang: str = "zh"
    sheet: str = "avery-l7676"
    start: int = 1
    calibration: Calibration = field(default_factory=Calibration)
    guides: bool = False


#: query(session, ref) -> the document's data; layout(data, out, options) -> Rendered
Query = Callable[[Session, Any], Any]
Layout = Callable[[Any, Path, Options], Any]


@dataclass(frozen=True)
class Entry:
    """One printable document: its title (English, ``%1`` the reference; the application
    translates it), its data query, its layout, its file name (``{ref}``), who may print
    it (``action``; None: it reads nothing from the register), and whether it goes on a
    label sheet (sheet, first free position, printer calibration)."""

    key: str
    title: str
    query: Query | None
    layout: Layout
    filename: str
    action: Action | None
    on_sheet: bool = False


@dataclass(frozen=True)
class Document:
    """An entry of the catalogue for one thing (a disc, a handover, a filter...)."""

    entry: Entry
    ref: Any = None
    shown: str = ""  # the reference as people read it (a disc's pretty code, "#12")

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def filename(self) -> str:
        return self.entry.filename.format(ref=_safe(self.shown) or "all")

    @property
    def job_title(self) -> str:
        """The CUPS job's title."""
        return f"{self.entry.key.replace('_', ' ')} {self.shown}".strip()

    @property
    def on_sheet(self) -> bool:
        return self.entry.on_sheet

    @property
    def needs_db(self) -> bool:
        return self.entry.query is not None

    def make(self, s: Session | None, o: Options, out: Path) -> Any:
        """Read the data (with the permission of the entry) and draw it to ``out``;
        returns ``printing.common.Rendered``. Runs anywhere (a worker, the command)."""
        data = None
        if self.entry.query is not None:
            if s is None:
                raise RuleViolation("not_signed_in", f"{self.entry.key} needs a signed-in person")
            if self.entry.action is not None:
                s.require(self.entry.action)
            data = self.entry.query(s, self.ref)
        return self.entry.layout(data, out, o)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text).strip("-")


@dataclass(frozen=True)
class LabelRef:
    code: str
    single: bool = False  # only this disc, not the pair


@dataclass(frozen=True)
class RegisterRef:
    """A register filter as typed: the period's ends (read by :func:`period` when the pages
    are made), a case number, a disc, a person's badge."""

    date_from: str = ""
    date_to: str = ""
    case_no: str | None = None
    code: str | None = None
    badge: str | None = None


def _labels(s: Session, ref: LabelRef) -> list[dict[str, Any]]:
    return [label_data(s, ref.code)] if ref.single else pair_label_data(s, ref.code)


def _originals(s: Session, ref: LabelRef) -> list[dict[str, Any]]:
    data = _labels(s, ref)
    return data if ref.single else [d for d in data if d["copy_role"] == "original"]


def _receipt(s: Session, ref: int | str) -> dict[str, Any]:
    return handover_receipt(s, ref if isinstance(ref, int) else handover_of(s, ref))


def _register(s: Session, ref: RegisterRef) -> dict[str, Any]:
    doc = register_document(
        s,
        period=period(ref.date_from, ref.date_to),
        case_no=ref.case_no,
        code=ref.code,
        badge=ref.badge,
    )
    return {"doc": doc, "loader": signature_loader(s)}


def _disc_labels_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import labels

    return labels.disc_label_pdf(
        data,
        out,
        sheet=o.sheet,
        start=o.start,
        calibration=o.calibration,
        lang=o.lang,
        guides=o.guides,
    )


def _calibration_pdf(_data: Any, out: Path, o: Options) -> Any:
    """Printed without any offset: what it shows is the printer's own offset, to be
    entered as its calibration."""
    from printing import labels

    return labels.calibration_sheet_pdf(
        out, sheet=o.sheet, lang=o.lang, calibration=Calibration(0.0, 0.0, o.calibration.dpi)
    )


def _insert_pdf(kind: str) -> Layout:
    def layout(data: Any, out: Path, o: Options) -> Any:
        from printing import inserts

        return inserts.inserts_pdf(inserts.LAYOUTS[kind], data, out, lang=o.lang)

    return layout


def _report_pdf(name: str) -> Layout:
    def layout(data: Any, out: Path, o: Options) -> Any:
        from printing import reports

        return getattr(reports, name)(data, out, lang=o.lang)

    return layout


def _register_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import register

    return register.register_pdf(data["doc"], out, load_signature=data["loader"], lang=o.lang)


def _sticker_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import sticker

    return sticker.correction_sticker_pdf(data, out, lang=o.lang)


@dataclass(frozen=True)
class CustodyRef:
    """What a chain-of-custody report covers: a disc (``pair``: and its pair), or a case."""

    code: str | None = None
    pair: bool = False
    case_no: str | None = None


def _custody(s: Session, ref: CustodyRef) -> dict[str, Any]:
    from dataclasses import asdict

    from . import custody_report as report

    return asdict(report.custody_report(s, ref.code, pair=ref.pair, case_no=ref.case_no))


def _custody_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import custody

    return custody.custody_report_pdf(data, out, lang=o.lang)


def _checkpoint(s: Session, ref: int) -> dict[str, Any]:
    from . import checkpoints

    return checkpoints.slip(s, int(ref))


def _checkpoint_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import checkpoint

    return checkpoint.checkpoint_slip_pdf(data, out, lang=o.lang)


def _spot_check(s: Session, ref: int) -> dict[str, Any]:
    from . import documents, spot_checks

    data = spot_checks.show(s, int(ref))
    data["audit"] = documents.audit_head(s)
    return data


def _spot_check_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import spot_check

    return spot_check.spot_check_report_pdf(data, out, lang=o.lang)


def _inventory(s: Session, ref: int) -> dict[str, Any]:
    from . import inventory

    return inventory.record(s, int(ref))


def _inventory_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import inventory

    return inventory.inventory_report_pdf(data, out, lang=o.lang)


def _seized_tags_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import seized

    return seized.tags_pdf(
        data, out, start=o.start, calibration=o.calibration, lang=o.lang, guides=o.guides
    )


def _seized_pdf(name: str) -> Layout:
    def layout(data: Any, out: Path, o: Options) -> Any:
        from printing import seized

        return getattr(seized, name)(data, out, lang=o.lang)

    return layout


def _key_form_pdf(data: Any, out: Path, o: Options) -> Any:
    from printing import keyform

    return keyform.key_form_pdf(data, out, lang=o.lang)


_V, _R = Action.VIEW_MEDIA, Action.VIEW_REGISTER
#: every printable document, by key
CATALOGUE: dict[str, Entry] = {
    e.key: e
    for e in (
        Entry(
            "labels",
            "Disc labels of the pair %1",
            _labels,
            _disc_labels_pdf,
            "labels-{ref}.pdf",
            _V,
            on_sheet=True,
        ),
        Entry(
            "sleeve",
            "Sleeve inserts of the pair %1",
            _labels,
            _insert_pdf("sleeve"),
            "sleeves-{ref}.pdf",
            _V,
        ),
        Entry(
            "seal_bag",
            "Seal-bag label of the original of %1",
            _originals,
            _insert_pdf("seal_bag"),
            "seal-bag-{ref}.pdf",
            _V,
        ),
        Entry(
            "correction_sticker",
            "Correction sticker #%1 for the seal bag",
            correction_sticker,
            _sticker_pdf,
            "correction-{ref}.pdf",
            _V,
        ),
        Entry(
            "receipt",
            "Handover receipt %1",
            _receipt,
            _report_pdf("handover_receipt_pdf"),
            "handover-{ref}.pdf",
            _V,
        ),
        Entry(
            "incident",
            "Incident report #%1",
            incident_report,
            _report_pdf("incident_report_pdf"),
            "incident-{ref}.pdf",
            _V,
        ),
        Entry(
            "court",
            "Transfer list for request #%1",
            court_transfer_list,
            _report_pdf("court_transfer_list_pdf"),
            "transfer-{ref}.pdf",
            _V,
        ),
        Entry(
            "archive",
            "Archive handover list of case %1",
            archive_handover_list,
            _report_pdf("archive_handover_list_pdf"),
            "archive-{ref}.pdf",
            _V,
        ),
        Entry(
            "custody",
            "Chain-of-custody report of %1",
            _custody,
            _custody_pdf,
            "custody-{ref}.pdf",
            _V,
        ),
        Entry(
            "register",
            "Retrieval register pages",
            _register,
            _register_pdf,
            "register-{ref}.pdf",
            _R,
        ),
        Entry(
            "checkpoint",
            "Daily checkpoint slip #%1",
            _checkpoint,
            _checkpoint_pdf,
            "checkpoint-{ref}.pdf",
            Action.VERIFY_AUDIT,
        ),
        Entry(
            "spot_check",
            "Spot check report #%1",
            _spot_check,
            _spot_check_pdf,
            "spot-check-{ref}.pdf",
            Action.VIEW_REGISTER,
        ),
        Entry(
            "inventory",
            "Inventory record #%1",
            _inventory,
            _inventory_pdf,
            "inventory-{ref}.pdf",
            Action.INVENTORY,
        ),
        Entry(
            "key_form",
            "Key form of %1",
            _key_form_data,  # one's own; an administrator: anyone's (checked by the query)
            _key_form_pdf,
            "key-form-{ref}.pdf",
            None,
        ),
        Entry(
            "seized_tags",
            "Tags of seized items %1",
            seized_tags,
            _seized_tags_pdf,
            "seized-tags-{ref}.pdf",
            _V,
            on_sheet=True,
        ),
        Entry(
            "seized_inventory",
            "Inventory of seizure %1",
            seized_inventory,
            _seized_pdf("inventory_pdf"),
            "seized-inventory-{ref}.pdf",
            _V,
        ),
        Entry(
            "seized_release",
            "Release notice and inventory #%1",
            seized_release,
            _seized_pdf("release_pdf"),
            "seized-release-{ref}.pdf",
            _V,
        ),
        Entry(
            "calibration",
            "Calibration sheet",
            None,
            _calibration_pdf,
            "calibration.pdf",
            None,
            on_sheet=True,
        ),
    )
}


def disc_labels(code: str, single: bool = False) -> Document:
    """Both disc labels of the pair (original first), on the label sheet; or one disc's."""
    return Document(CATALOGUE["labels"], LabelRef(code, single), parse_code(code).pretty)


def sleeve_inserts(code: str, single: bool = False) -> Document:
    return Document(CATALOGUE["sleeve"], LabelRef(code, single), parse_code(code).pretty)


def seal_bag(code: str, single: bool = False) -> Document:
    """The seal-bag label of the pair's original (``single``: of this disc, which must be
    an original)."""
    return Document(CATALOGUE["seal_bag"], LabelRef(code, single), parse_code(code).pretty)


def correction_sticker_of(correction_id: int) -> Document:
    """The sticker for the seal bag of a label correction (both discs of the pair)."""
    return Document(CATALOGUE["correction_sticker"], int(correction_id), str(correction_id))


def receipt(code: str | None = None, handover_id: int | None = None) -> Document:
    """The handover receipt, by the handover's number or by either disc of its pair."""
    if handover_id is not None:
        return Document(CATALOGUE["receipt"], int(handover_id), f"#{handover_id}")
    return Document(CATALOGUE["receipt"], str(code), str(code))


def incident(incident_id: int) -> Document:
    return Document(CATALOGUE["incident"], int(incident_id), str(incident_id))


def court_list(request_id: int) -> Document:
    return Document(CATALOGUE["court"], int(request_id), str(request_id))


def archive_list(case_no: str) -> Document:
    return Document(CATALOGUE["archive"], case_no, case_no)


def custody_report(
    code: str | None = None, *, pair: bool = False, case_no: str | None = None
) -> Document:
    """The chain-of-custody report of a disc (``pair``: of its pair) or of a case's discs."""
    if case_no is not None and case_no.strip():
        return Document(CATALOGUE["custody"], CustodyRef(None, False, case_no.strip()), case_no)
    shown = parse_code(str(code)).pretty
    return Document(
        CATALOGUE["custody"], CustodyRef(str(code), pair), f"{shown}-pair" if pair else shown
    )


def register_pages(ref: RegisterRef) -> Document:
    """Register pages for a filter."""
    shown = " – ".join(x.strip() for x in (ref.date_from, ref.date_to) if x and x.strip())
    return Document(CATALOGUE["register"], ref, shown)


def checkpoint_slip(checkpoint_id: int) -> Document:
    """The daily checkpoint's slip, to be filed with the paper register."""
    return Document(CATALOGUE["checkpoint"], int(checkpoint_id), str(checkpoint_id))


def spot_check_report(spot_check_id: int) -> Document:
    """A spot check's report for the department head: the draw, each check, the outcome."""
    return Document(CATALOGUE["spot_check"], int(spot_check_id), str(spot_check_id))


def inventory_report(session_id: int) -> Document:
    """An inventory session's record: population, observations, discrepancies, signatures."""
    return Document(CATALOGUE["inventory"], int(session_id), str(session_id))


def key_form(badge: str) -> Document:
    """A person's key form: their current key's fingerprint, to be signed by hand."""
    return Document(CATALOGUE["key_form"], badge.strip().upper(), badge.strip().upper())


def _seized_ref(ref: int | str) -> tuple[int | str, str]:
    """A seizure's number, or a seized item's code (checked, shown pretty)."""
    text = str(ref).strip()
    if text.isdigit():
        return int(text), f"#{int(text)}"
    mc = parse_code(text)
    return mc.text, mc.pretty


def seized_tags_of(ref: int | str) -> Document:
    """The tag of a seized item (by its code), or of every item of a seizure (by its
    number), on the tag sheet (first free position, the printer's calibration)."""
    r, shown = _seized_ref(ref)
    return Document(CATALOGUE["seized_tags"], r, shown)


def seized_inventory_of(ref: int | str) -> Document:
    """The 查封/扣押财物、文件清单 of a seizure (by its number or one of its items' codes)."""
    r, shown = _seized_ref(ref)
    return Document(CATALOGUE["seized_inventory"], r, shown)


def seized_release_of(request_id: int) -> Document:
    """The release notice with the release inventory, of a release request (Art. 134)."""
    return Document(CATALOGUE["seized_release"], int(request_id), str(int(request_id)))


def calibration_sheet() -> Document:
    return Document(CATALOGUE["calibration"])
