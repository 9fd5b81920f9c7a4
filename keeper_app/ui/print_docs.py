"""What the application prints: each :class:`Document` knows its title and how to make its
PDF on a worker (reading through ``services.catalogue`` with the worker's own session and
drawing with ``printing``), the same way ``keeper label`` / ``keeper print`` do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from printing.layouts import Calibration  # no reportlab: the drawing modules load lazily

from ..services import catalogue
from ..services.session import Session
from ..timeutil import parse_user


@dataclass(frozen=True)
class RenderOptions:
    lang: str = "zh"
    sheet: str = "avery-l7676"
    start: int = 1
    calibration: Calibration = field(default_factory=Calibration)


#: make(session or None, options, output path) -> printing.common.Rendered; runs on a worker
Make = Callable[[Session | None, RenderOptions, Path], Any]


@dataclass
class Document:
    key: str  # labels, sleeve, seal_bag, receipt, incident, court, archive, register, calibration
    title: str  # shown (translated)
    job_title: str  # the CUPS job's title
    filename: str  # suggested when saving
    make: Make
    on_sheet: bool = False  # disc labels: sheet, first free position, printer calibration
    needs_db: bool = True
    meta: dict[str, Any] = field(default_factory=dict)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text).strip("-")


# ------------------------------------------------------------------ labels
def disc_labels(code: str, pretty: str) -> Document:
    """Both disc labels of the pair (original first), on the label sheet."""

    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import labels

        assert s is not None
        data = catalogue.pair_label_data(s, code)
        return labels.disc_label_pdf(
            data, out, sheet=o.sheet, start=o.start, calibration=o.calibration, lang=o.lang
        )

    return Document(
        "labels",
        QCoreApplication.translate("PrintDocs", "Disc labels of the pair %1").replace("%1", pretty),
        f"labels {code}",
        f"labels-{_safe(pretty)}.pdf",
        make,
        on_sheet=True,
    )


def sleeve_inserts(code: str, pretty: str) -> Document:
    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import inserts

        assert s is not None
        return inserts.sleeve_insert_pdf(catalogue.pair_label_data(s, code), out, lang=o.lang)

    return Document(
        "sleeve",
        QCoreApplication.translate("PrintDocs", "Sleeve inserts of the pair %1").replace(
            "%1", pretty
        ),
        f"sleeve {code}",
        f"sleeves-{_safe(pretty)}.pdf",
        make,
    )


def seal_bag(code: str, pretty: str) -> Document:
    """The seal-bag label of the pair's original."""

    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import inserts

        assert s is not None
        data = catalogue.pair_label_data(s, code)
        originals = [d for d in data if d["copy_role"] == "original"]
        return inserts.seal_bag_label_pdf(originals, out, lang=o.lang)

    return Document(
        "seal_bag",
        QCoreApplication.translate("PrintDocs", "Seal-bag label of the original of %1").replace(
            "%1", pretty
        ),
        f"seal bag {code}",
        f"seal-bag-{_safe(pretty)}.pdf",
        make,
    )


def calibration_sheet() -> Document:
    """The alignment test sheet, printed without any offset: what it shows is the
    printer's own offset, to be entered as its calibration."""

    def make(_s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import labels

        return labels.calibration_sheet_pdf(
            out, sheet=o.sheet, calibration=Calibration(0.0, 0.0, o.calibration.dpi), lang=o.lang
        )

    return Document(
        "calibration",
        QCoreApplication.translate("PrintDocs", "Calibration sheet"),
        "calibration",
        "calibration.pdf",
        make,
        on_sheet=True,
        needs_db=False,
    )


# ------------------------------------------------------------------ receipts, reports, lists
def handover_receipt(code: str | None = None, handover_id: int | None = None) -> Document:
    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import reports

        assert s is not None
        hid = handover_id if handover_id is not None else catalogue.handover_of(s, str(code))
        return reports.handover_receipt_pdf(catalogue.handover_receipt(s, hid), out, lang=o.lang)

    ref = f"#{handover_id}" if handover_id is not None else str(code)
    return Document(
        "receipt",
        QCoreApplication.translate("PrintDocs", "Handover receipt %1").replace("%1", ref),
        f"receipt {ref}",
        f"handover-{_safe(ref)}.pdf",
        make,
    )


def incident_report(incident_id: int) -> Document:
    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import reports

        assert s is not None
        data = catalogue.incident_report(s, incident_id)
        return reports.incident_report_pdf(data, out, lang=o.lang)

    return Document(
        "incident",
        QCoreApplication.translate("PrintDocs", "Incident report #%1").replace(
            "%1", str(incident_id)
        ),
        f"incident {incident_id}",
        f"incident-{incident_id}.pdf",
        make,
    )


def court_transfer_list(request_id: int) -> Document:
    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import reports

        assert s is not None
        data = catalogue.court_transfer_list(s, request_id)
        return reports.court_transfer_list_pdf(data, out, lang=o.lang)

    return Document(
        "court",
        QCoreApplication.translate("PrintDocs", "Transfer list for request #%1").replace(
            "%1", str(request_id)
        ),
        f"court {request_id}",
        f"transfer-{request_id}.pdf",
        make,
    )


def archive_list(case_no: str) -> Document:
    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import reports

        assert s is not None
        data = catalogue.archive_handover_list(s, case_no)
        return reports.archive_handover_list_pdf(data, out, lang=o.lang)

    return Document(
        "archive",
        QCoreApplication.translate("PrintDocs", "Archive handover list of case %1").replace(
            "%1", case_no
        ),
        f"archive {case_no}",
        f"archive-{_safe(case_no)}.pdf",
        make,
    )


# ------------------------------------------------------------------ register
def register_pages(f: dict[str, Any]) -> Document:
    """Register pages for the register view's filter: ``since`` / ``until`` as typed
    (a date alone in ``until`` includes that day), ``case_no``, ``code``, ``badge``."""

    def make(s: Session | None, o: RenderOptions, out: Path) -> Any:
        from printing import register

        assert s is not None
        since = parse_user(f["since"]) if f.get("since") else None
        until = parse_user(f["until"]) if f.get("until") else None
        if until is not None and len(f["until"]) <= 10:
            until += timedelta(days=1)
        doc = catalogue.register_document(
            s,
            since=since,
            until=until,
            case_no=f.get("case_no"),
            code=f.get("code"),
            badge=f.get("badge"),
        )
        loader = catalogue.signature_loader(s)
        return register.register_pdf(doc, out, load_signature=loader, lang=o.lang)

    span = " – ".join(x for x in (f.get("since") or "", f.get("until") or "") if x)
    return Document(
        "register",
        QCoreApplication.translate("PrintDocs", "Retrieval register pages")
        + (f" {span}" if span else ""),
        "register",
        f"register-{_safe(span) or 'all'}.pdf",
        make,
    )
