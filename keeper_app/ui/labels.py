"""Translatable names of the register's values (statuses, copy roles, reasons, ...).

The services return plain values such as ``"in_custody"``; the UI shows them through
:func:`label`, so a value never reaches the screen untranslated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.errors import RuleViolation
from ..services.catalogue import Document
from ..services.session import parse_code
from .noop import QT_TRANSLATE_NOOP

_GROUPS: dict[str, dict[str, str]] = {
    "Status": {
        "burned": QT_TRANSLATE_NOOP("Status", "burned, not handed over"),
        "sealed": QT_TRANSLATE_NOOP("Status", "sealed"),
        "unsealed": QT_TRANSLATE_NOOP("Status", "unsealed"),
        "in_custody": QT_TRANSLATE_NOOP("Status", "in custody"),
        "out": QT_TRANSLATE_NOOP("Status", "out"),
        "damaged": QT_TRANSLATE_NOOP("Status", "damaged"),
        "replaced": QT_TRANSLATE_NOOP("Status", "replaced"),
        "lost": QT_TRANSLATE_NOOP("Status", "lost"),
        "transferred": QT_TRANSLATE_NOOP("Status", "transferred"),
        "archived": QT_TRANSLATE_NOOP("Status", "archived"),
        "retired": QT_TRANSLATE_NOOP("Status", "retired, replaced by a reproduction"),
    },
    "CopyRole": {
        "original": QT_TRANSLATE_NOOP("CopyRole", "original"),
        "duplicate": QT_TRANSLATE_NOOP("CopyRole", "duplicate"),
        "hard_drive": QT_TRANSLATE_NOOP("CopyRole", "hard-drive volume"),
    },
    "CaseStatus": {
        "open": QT_TRANSLATE_NOOP("CaseStatus", "open"),
        "concluded": QT_TRANSLATE_NOOP("CaseStatus", "concluded"),
        "archived": QT_TRANSLATE_NOOP("CaseStatus", "archived"),
    },
    "Reason": {
        "case_handling": QT_TRANSLATE_NOOP("Reason", "case handling"),
        "case_review": QT_TRANSLATE_NOOP("Reason", "case review"),
        "supervision": QT_TRANSLATE_NOOP("Reason", "law-enforcement supervision"),
        "complaint": QT_TRANSLATE_NOOP("Reason", "complaint investigation"),
    },
    "UnsealReason": {
        "reproduce_duplicate": QT_TRANSLATE_NOOP(
            "UnsealReason", "reproduce a damaged or lost duplicate"
        ),
        "check_duplicate": QT_TRANSLATE_NOOP("UnsealReason", "check a duplicate in doubt"),
    },
    "Inspection": {
        "intact": QT_TRANSLATE_NOOP("Inspection", "intact"),
        "damaged": QT_TRANSLATE_NOOP("Inspection", "damaged"),
        "replaced": QT_TRANSLATE_NOOP("Inspection", "replaced"),
        "lost": QT_TRANSLATE_NOOP("Inspection", "lost"),
    },
    "Verification": {
        "not_checked": QT_TRANSLATE_NOOP("Verification", "not checked"),
        "match": QT_TRANSLATE_NOOP("Verification", "matches the manifest"),
        "mismatch": QT_TRANSLATE_NOOP("Verification", "does not match the manifest"),
    },
    "Org": {
        "court": QT_TRANSLATE_NOOP("Org", "people's court"),
        "procuratorate": QT_TRANSLATE_NOOP("Org", "people's procuratorate"),
    },
    "Role": {
        "keeper": QT_TRANSLATE_NOOP("Role", "keeper"),
        "case_handler": QT_TRANSLATE_NOOP("Role", "case handler"),
        "dept_head": QT_TRANSLATE_NOOP("Role", "department head"),
        "reviewer": QT_TRANSLATE_NOOP("Role", "reviewer"),
        "admin": QT_TRANSLATE_NOOP("Role", "administrator"),
        "outside_retriever": QT_TRANSLATE_NOOP("Role", "court/procuratorate staff"),
    },
    "PersonRole": {
        "suspect": QT_TRANSLATE_NOOP("PersonRole", "suspect"),
        "victim": QT_TRANSLATE_NOOP("PersonRole", "victim"),
        "witness": QT_TRANSLATE_NOOP("PersonRole", "witness"),
    },
    "RecordingKind": {
        "interrogation": QT_TRANSLATE_NOOP("RecordingKind", "interrogation"),
        "questioning": QT_TRANSLATE_NOOP("RecordingKind", "questioning"),
        "search": QT_TRANSLATE_NOOP("RecordingKind", "search"),
        "sealing": QT_TRANSLATE_NOOP("RecordingKind", "sealing and seizure"),
    },
    "DueKind": {
        "handover": QT_TRANSLATE_NOOP("DueKind", "hand over to the keeper"),
        "return": QT_TRANSLATE_NOOP("DueKind", "return"),
        "court_transfer": QT_TRANSLATE_NOOP("DueKind", "transfer to court/procuratorate"),
        "reseal": QT_TRANSLATE_NOOP("DueKind", "reseal the original"),
        "no_usable_duplicate": QT_TRANSLATE_NOOP("DueKind", "no usable duplicate: reproduce it"),
        "major_review": QT_TRANSLATE_NOOP(
            "DueKind", "major case: recordings to accompany the review submission"
        ),
        "inventory": QT_TRANSLATE_NOOP("DueKind", "resolve an inventory discrepancy"),
    },
    "History": {
        "handover": QT_TRANSLATE_NOOP("History", "handover"),
        "seal": QT_TRANSLATE_NOOP("History", "sealed"),
        "unseal": QT_TRANSLATE_NOOP("History", "unsealed"),
        "reseal": QT_TRANSLATE_NOOP("History", "resealed"),
        "retrieval": QT_TRANSLATE_NOOP("History", "retrieved"),
        "return": QT_TRANSLATE_NOOP("History", "returned"),
        "incident": QT_TRANSLATE_NOOP("History", "incident"),
        "court_transfer": QT_TRANSLATE_NOOP("History", "transferred"),
        "location": QT_TRANSLATE_NOOP("History", "moved"),
        "correction": QT_TRANSLATE_NOOP("History", "correction"),
        "original_use": QT_TRANSLATE_NOOP("History", "use of the original"),
        "inspection": QT_TRANSLATE_NOOP("History", "inspected at the reseal"),
        "reproduction": QT_TRANSLATE_NOOP("History", "duplicate reproduced"),
    },
    "Incident": {
        "damaged": QT_TRANSLATE_NOOP("Incident", "damaged"),
        "replaced": QT_TRANSLATE_NOOP("Incident", "replaced"),
        "lost": QT_TRANSLATE_NOOP("Incident", "lost"),
        "late_handover": QT_TRANSLATE_NOOP("Incident", "late handover"),
        "late_return": QT_TRANSLATE_NOOP("Incident", "late return"),
        "late_reseal": QT_TRANSLATE_NOOP("Incident", "late reseal"),
        "fixity_failed": QT_TRANSLATE_NOOP("Incident", "failed read-back"),
        "missing": QT_TRANSLATE_NOOP("Incident", "missing at inventory"),
    },
    # the fields a refusal names (RuleViolation.field: the services' own English names)
    "Field": {
        "a description of what was found": QT_TRANSLATE_NOOP(
            "Field", "A description of what was found"
        ),
        "case name": QT_TRANSLATE_NOOP("Field", "Case name"),
        "case number": QT_TRANSLATE_NOOP("Field", "Case number"),
        "court or procuratorate of the outside retriever": QT_TRANSLATE_NOOP(
            "Field", "Court or procuratorate of the outside retriever"
        ),
        "department name": QT_TRANSLATE_NOOP("Field", "Department name"),
        "name": QT_TRANSLATE_NOOP("Field", "Name"),
        "name of the court or procuratorate": QT_TRANSLATE_NOOP(
            "Field", "Name of the court or procuratorate"
        ),
        "number of the request document": QT_TRANSLATE_NOOP(
            "Field", "Number of the request document"
        ),
        "person interrogated": QT_TRANSLATE_NOOP("Field", "Person interrogated"),
        "place": QT_TRANSLATE_NOOP("Field", "Place"),
        "reason for the late handover": QT_TRANSLATE_NOOP("Field", "Reason for the late handover"),
        "reason for the refusal": QT_TRANSLATE_NOOP("Field", "Reason for the refusal"),
        "purpose": QT_TRANSLATE_NOOP("Field", "Purpose"),
        "reason of the interruption": QT_TRANSLATE_NOOP("Field", "Reason of the interruption"),
        "reason the item is not transferred": QT_TRANSLATE_NOOP(
            "Field", "Reason the item is not transferred"
        ),
        "retriever's unit": QT_TRANSLATE_NOOP("Field", "Retriever's unit"),
        "seal number": QT_TRANSLATE_NOOP("Field", "Seal number"),
        "shelf location": QT_TRANSLATE_NOOP("Field", "Shelf location"),
        "shelf location of the duplicate": QT_TRANSLATE_NOOP(
            "Field", "Shelf location of the duplicate"
        ),
        "shelf location of the original": QT_TRANSLATE_NOOP(
            "Field", "Shelf location of the original"
        ),
        "the corrected value": QT_TRANSLATE_NOOP("Field", "The corrected value"),
        "the supplement": QT_TRANSLATE_NOOP("Field", "The supplement"),
        "the reason for the correction": QT_TRANSLATE_NOOP(
            "Field", "The reason for the correction"
        ),
        "unit name": QT_TRANSLATE_NOOP("Field", "Unit name"),
        "who doubts the duplicate": QT_TRANSLATE_NOOP("Field", "Who doubts the duplicate"),
        "why the duplicate is in doubt": QT_TRANSLATE_NOOP(
            "Field", "Why the duplicate is in doubt"
        ),
        "cause of action": QT_TRANSLATE_NOOP("Field", "Cause of action"),
        "persons concerned": QT_TRANSLATE_NOOP("Field", "Persons concerned"),
        "record the seizure belongs to": QT_TRANSLATE_NOOP(
            "Field", "Record (transcript) it belongs to"
        ),
        "place of seizure": QT_TRANSLATE_NOOP("Field", "Place of the seizure"),
        "time of seizure": QT_TRANSLATE_NOOP("Field", "Time of the seizure"),
        "time of sealing": QT_TRANSLATE_NOOP("Field", "Time written on the seals"),
        "content": QT_TRANSLATE_NOOP("Field", "Content"),
        "type": QT_TRANSLATE_NOOP("Field", "Type"),
        "copies": QT_TRANSLATE_NOOP("Field", "Copies"),
        "items": QT_TRANSLATE_NOOP("Field", "Items"),
        "recording": QT_TRANSLATE_NOOP("Field", "Recording"),
        "reason the original medium could not be seized": QT_TRANSLATE_NOOP(
            "Field", "Why the original could not be seized"
        ),
        "location of the original medium": QT_TRANSLATE_NOOP(
            "Field", "Where the original medium is"
        ),
        "what happened when the possessor did not sign": QT_TRANSLATE_NOOP(
            "Field", "What happened when the possessor did not sign"
        ),
        "scanned codes": QT_TRANSLATE_NOOP("Field", "Scanned tags"),
        "badge number": QT_TRANSLATE_NOOP("Field", "Badge number"),
        "case handlers": QT_TRANSLATE_NOOP("Field", "Case handlers"),
        "roles": QT_TRANSLATE_NOOP("Field", "Roles"),
        "production unit": QT_TRANSLATE_NOOP("Field", "Production unit"),
        "producer": QT_TRANSLATE_NOOP("Field", "Producer"),
        "production time": QT_TRANSLATE_NOOP("Field", "Production time"),
    },
    "Action": {
        "handover": QT_TRANSLATE_NOOP("Action", "Handover…"),
        "retrieve": QT_TRANSLATE_NOOP("Action", "Retrieve…"),
        "return": QT_TRANSLATE_NOOP("Action", "Return…"),
        "request_unseal": QT_TRANSLATE_NOOP("Action", "Request unsealing…"),
        "unseal": QT_TRANSLATE_NOOP("Action", "Unseal…"),
        "reseal": QT_TRANSLATE_NOOP("Action", "Reseal…"),
        "reproduce_duplicate": QT_TRANSLATE_NOOP("Action", "Reproduce the duplicate…"),
        "court_transfer": QT_TRANSLATE_NOOP("Action", "Transfer to court…"),
        "archive_handover": QT_TRANSLATE_NOOP("Action", "Archive handover…"),
        "set_location": QT_TRANSLATE_NOOP("Action", "Move…"),
        "transfer_package": QT_TRANSLATE_NOOP("Action", "Write transfer package…"),
    },
    # seized storage media (issue 15; supervision draft Art. 123-134)
    "MediaType": {
        "audio_tape": QT_TRANSLATE_NOOP("MediaType", "audio tape"),
        "video_tape": QT_TRANSLATE_NOOP("MediaType", "videotape"),
        "usb_stick": QT_TRANSLATE_NOOP("MediaType", "USB stick"),
        "hard_drive": QT_TRANSLATE_NOOP("MediaType", "hard drive"),
        "memory_card": QT_TRANSLATE_NOOP("MediaType", "memory card"),
        "optical_disc": QT_TRANSLATE_NOOP("MediaType", "optical disc"),
        "phone": QT_TRANSLATE_NOOP("MediaType", "mobile phone"),
        "computer": QT_TRANSLATE_NOOP("MediaType", "computer"),
        "other": QT_TRANSLATE_NOOP("MediaType", "other"),
    },
    "ItemKind": {
        "original": QT_TRANSLATE_NOOP("ItemKind", "original medium seized"),
        "extracted": QT_TRANSLATE_NOOP("ItemKind", "electronic data extracted"),
    },
    "PossessorSignature": {
        "signed": QT_TRANSLATE_NOOP("PossessorSignature", "signed the inventory"),
        "refused": QT_TRANSLATE_NOOP("PossessorSignature", "refused to sign"),
        "absent": QT_TRANSLATE_NOOP("PossessorSignature", "was not at the scene"),
    },
    "SeizedStatus": {
        "seized": QT_TRANSLATE_NOOP("SeizedStatus", "seized, not yet sealed"),
        "sealed": QT_TRANSLATE_NOOP("SeizedStatus", "sealed, with the investigators"),
        "in_safekeeping": QT_TRANSLATE_NOOP("SeizedStatus", "in safekeeping"),
        "unsealed": QT_TRANSLATE_NOOP("SeizedStatus", "unsealed"),
        "out": QT_TRANSLATE_NOOP("SeizedStatus", "temporarily transferred out"),
        "missing": QT_TRANSLATE_NOOP("SeizedStatus", "missing"),
        "released": QT_TRANSLATE_NOOP("SeizedStatus", "released"),
    },
    "SeizedDue": {
        "seized_registration": QT_TRANSLATE_NOOP("SeizedDue", "register the inventory (20 days)"),
        "seized_safekeeping": QT_TRANSLATE_NOOP("SeizedDue", "hand to safekeeping (30 days)"),
        "seized_period": QT_TRANSLATE_NOOP("SeizedDue", "end of the sealing period"),
        "seized_release": QT_TRANSLATE_NOOP("SeizedDue", "release the unrelated items (3 days)"),
    },
    "SeizedRequest": {
        "unseal": QT_TRANSLATE_NOOP("SeizedRequest", "unsealing"),
        "transfer": QT_TRANSLATE_NOOP("SeizedRequest", "temporary transfer"),
        "extension": QT_TRANSLATE_NOOP("SeizedRequest", "extension of the sealing period"),
        "release": QT_TRANSLATE_NOOP("SeizedRequest", "release of unrelated items"),
    },
    "SeizedHistory": {
        "intake": QT_TRANSLATE_NOOP("SeizedHistory", "entered on the inventory"),
        "seal": QT_TRANSLATE_NOOP("SeizedHistory", "sealed"),
        "receive": QT_TRANSLATE_NOOP("SeizedHistory", "received into safekeeping"),
        "unseal": QT_TRANSLATE_NOOP("SeizedHistory", "unsealed"),
        "reseal": QT_TRANSLATE_NOOP("SeizedHistory", "resealed"),
        "transfer_out": QT_TRANSLATE_NOOP("SeizedHistory", "temporarily transferred out"),
        "transfer_in": QT_TRANSLATE_NOOP("SeizedHistory", "back from the transfer"),
        "release": QT_TRANSLATE_NOOP("SeizedHistory", "released"),
        "request_unseal": QT_TRANSLATE_NOOP("SeizedHistory", "unsealing requested"),
        "request_transfer": QT_TRANSLATE_NOOP("SeizedHistory", "transfer requested"),
        "request_extension": QT_TRANSLATE_NOOP("SeizedHistory", "extension requested"),
        "request_release": QT_TRANSLATE_NOOP("SeizedHistory", "found unrelated: release asked"),
        "incident": QT_TRANSLATE_NOOP("SeizedHistory", "incident"),
    },
    "SeizedIncident": {
        "damaged": QT_TRANSLATE_NOOP("SeizedIncident", "damaged"),
        "missing": QT_TRANSLATE_NOOP("SeizedIncident", "missing"),
        "discrepancy": QT_TRANSLATE_NOOP("SeizedIncident", "does not match the inventory"),
        "late_registration": QT_TRANSLATE_NOOP(
            "SeizedIncident", "inventory not registered within 20 days"
        ),
        "late_safekeeping": QT_TRANSLATE_NOOP(
            "SeizedIncident", "not handed to safekeeping within 30 days"
        ),
        "period_expired": QT_TRANSLATE_NOOP(
            "SeizedIncident", "sealing period ended without an extension"
        ),
        "late_release": QT_TRANSLATE_NOOP(
            "SeizedIncident", "unrelated items not released within 3 days"
        ),
    },
    "Condition": {
        "intact": QT_TRANSLATE_NOOP("Condition", "intact"),
        "damaged": QT_TRANSLATE_NOOP("Condition", "damaged"),
        "missing": QT_TRANSLATE_NOOP("Condition", "missing"),
    },
    # the titles of services.catalogue's documents (%1: which disc, entry or filter)
    "PrintDocs": {
        "labels": QT_TRANSLATE_NOOP("PrintDocs", "Disc labels of the pair %1"),
        "sleeve": QT_TRANSLATE_NOOP("PrintDocs", "Sleeve inserts of the pair %1"),
        "seal_bag": QT_TRANSLATE_NOOP("PrintDocs", "Seal-bag label of the original of %1"),
        "receipt": QT_TRANSLATE_NOOP("PrintDocs", "Handover receipt %1"),
        "incident": QT_TRANSLATE_NOOP("PrintDocs", "Incident report #%1"),
        "court": QT_TRANSLATE_NOOP("PrintDocs", "Transfer list for request #%1"),
        "archive": QT_TRANSLATE_NOOP("PrintDocs", "Archive handover list of case %1"),
        "custody": QT_TRANSLATE_NOOP("PrintDocs", "Chain-of-custody report of %1"),
        "register": QT_TRANSLATE_NOOP("PrintDocs", "Retrieval register pages"),
        "calibration": QT_TRANSLATE_NOOP("PrintDocs", "Calibration sheet"),
        "checkpoint": QT_TRANSLATE_NOOP("PrintDocs", "Daily checkpoint slip #%1"),
        "key_form": QT_TRANSLATE_NOOP("PrintDocs", "Key form of %1"),
        "spot_check": QT_TRANSLATE_NOOP("PrintDocs", "Spot check report #%1"),
        "inventory": QT_TRANSLATE_NOOP("PrintDocs", "Inventory record #%1"),
        "correction_sticker": QT_TRANSLATE_NOOP(
            "PrintDocs", "Correction sticker #%1 for the seal bag"
        ),
        # seized storage media (issue 15)
        "seized_tags": QT_TRANSLATE_NOOP("PrintDocs", "Tags of seized items %1"),
        "seized_inventory": QT_TRANSLATE_NOOP("PrintDocs", "Inventory of seizure %1"),
        "seized_release": QT_TRANSLATE_NOOP("PrintDocs", "Release notice and inventory #%1"),
    },
}


def label(group: str, value: object) -> str:
    """The translated name of ``value`` in ``group``; the value itself if unknown."""
    if value is None:
        return ""
    src = _GROUPS[group].get(str(value))
    return QCoreApplication.translate(group, src) if src else str(value)


def document_title(doc: Document) -> str:
    """A printable document's title in the UI language, naming what it is of."""
    title = label("PrintDocs", doc.key)
    if "%1" in title:
        return title.replace("%1", doc.shown)
    return f"{title} {doc.shown}" if doc.shown else title


def values(group: str) -> list[str]:
    return list(_GROUPS[group])


def roles_text(roles: str | list[str] | frozenset[object]) -> str:
    items = roles.split(",") if isinstance(roles, str) else [str(r) for r in roles]
    return join([label("Role", r) for r in sorted(items) if r])


def history_detail(kind: str, detail: str | None) -> str:
    """The detail column of a medium's history, with known values translated."""
    d = detail or ""
    if kind == "retrieval":
        return label("Reason", d)
    if kind == "return":
        return label("Inspection", d)
    if kind == "incident" and ":" in d:
        head, _, rest = d.partition(":")
        return f"{label('Incident', head)}: {rest.strip()}"
    return d


def join(items: list[str]) -> str:
    """A list in the UI language's way (、 in Chinese)."""
    return QCoreApplication.translate("Labels", ", ").join(items)


def pretty(code: object) -> str:
    """A medium code as printed under its barcode (3101-2026-000001-D-8)."""
    if not code:
        return ""
    try:
        return parse_code(str(code)).pretty
    except RuleViolation:
        return str(code)
