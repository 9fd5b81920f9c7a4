"""The documents of seized storage media (issue 15; supervision draft Art. 123-134), drawn from
the plain dataclasses below, or from dicts of their fields (:func:`seizure_from`,
:func:`release_from`, :func:`tag_from`: what ``services.documents`` hands over; nothing here
reads the register):

- :func:`tags_pdf` — the item's **tag**: a 99.1 x 67.7 mm label (eight to an A4 sheet, as
  Avery L7165), the Keeper id as a Code 128 barcode and as text, the case, the item, the
  seizure date and, large, 查封 or 扣押; filled from the first free position of a sheet and
  moved by the printer's calibration like the disc labels;
- :func:`inventory_pdf` — the **查封/扣押财物、文件清单** (Art. 126-128(4), 130): the header
  (case, cause of action, persons concerned, time and place, the record it belongs to), one
  row per item with the fields of Art. 128(4) and its barcode, for data extracted instead of
  the original medium the reason, the medium's location and the data's source (Art. 123),
  the refusal-to-sign line and the signature boxes (two or more investigators, the
  witnesses, the possessor, the keeper);
- :func:`release_notice_pdf` — the **解除查封/扣押通知书** to the possessor (Art. 124, 134),
  with its receipt slip;
- :func:`release_inventory_pdf` — the **解除查封/扣押财物、文件清单** attached to it, for the
  possessor to sign; :func:`release_pdf` — both in one PDF, each numbered on its own.

The three documents are A4 (the inventories landscape, for their columns), Chinese by
default and English with ``lang="en"``; every page carries the audit chain's head as text
(footer) and as a QR code (top right), "page n of N", and — when the document has more than
one page — a line for the signers' initials, so that no page can be swapped unnoticed. A list
longer than a page continues with the document's header line and the table's column header
repeated; a tall row is split rather than leaving half a page blank, its continuation
marked; the signature boxes stay together with their heading. Stored values (a type of
medium, an item's kind) are shown in the document's language (:func:`word`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, cast

from .barcodes import MM, barcode_width_mm, draw_code128
from .common import (
    Placement,
    Rendered,
    Target,
    binary_streams,
    clip_to_width,
    coverage_warnings,
    fit_size,
    new_canvas,
    save,
    wrap,
)
from .errors import PrintError
from .fonts import ensure_font, text_width
from .forms import LINE, Form
from .i18n import check_lang, colon
from .layouts import Calibration

PT_MM = 25.4 / 72.0
A4_W, A4_H = 210.0, 297.0
MEASURES = ("seal", "seize")

# ------------------------------------------------------------------ the words
_W: dict[str, tuple[str, str]] = {
    # the measure, alone (the tag, a column) and in titles
    "seal": ("查封", "SEALED"),
    "seize": ("扣押", "SEIZED"),
    "measure_any": ("查封/扣押", "SEALED/SEIZED"),
    "tag_title": ("查封/扣押物品标签", "Seized item tag"),
    "inventory_title_seal": ("查封财物、文件清单", "Inventory of sealed property and documents"),
    "inventory_title_seize": ("扣押财物、文件清单", "Inventory of seized property and documents"),
    "inventory_title_any": (
        "查封/扣押财物、文件清单",
        "Inventory of sealed/seized property and documents",
    ),
    "release_notice_seal": ("解除查封通知书", "Notice of release from sealing"),
    "release_notice_seize": ("解除扣押通知书", "Notice of release from seizure"),
    "release_notice_any": ("解除查封/扣押通知书", "Notice of release from sealing/seizure"),
    "release_inventory_seal": (
        "解除查封财物、文件清单",
        "Inventory of property and documents released from sealing",
    ),
    "release_inventory_seize": (
        "解除扣押财物、文件清单",
        "Inventory of property and documents released from seizure",
    ),
    "release_inventory_any": (
        "解除查封/扣押财物、文件清单",
        "Inventory of property and documents released from sealing/seizure",
    ),
    # header fields
    "unit": ("办案机关", "Issued by"),
    "inventory_no": ("清单编号", "Inventory no."),
    "case_no": ("案件编号", "Case number"),
    "case_name": ("案件名称", "Case name"),
    "cause": ("案由", "Cause of action"),
    "persons": ("当事人", "Persons concerned"),
    "at": ("{m}时间", "Time of {m}"),
    "place": ("{m}地点", "Place of {m}"),
    "record": ("所属笔录", "Record"),
    "notice_no": ("{m}通知书文号", "Notice of {m} no."),
    "possessor": ("持有人", "Possessor"),
    "seized_at": ("{m}日期", "Date of {m}"),
    "item": ("物品", "Item"),
    "description": ("描述", "Description"),
    # the columns (Art. 128(4))
    "col_no": ("序号", "No."),
    "col_code": ("编号", "Keeper id"),
    "col_name": ("名称/类型", "Name / type"),
    "col_spec": ("规格", "Specification"),
    "col_capacity": ("长度/容量", "Length / capacity"),
    "col_formats": ("文件格式", "File formats"),
    "col_copies": ("份数/长度", "Copies / length"),
    "col_content": ("内容", "Content"),
    "col_features": ("特征", "Features"),
    "col_remarks": ("备注", "Remarks"),
    "continued": ("（续）", "(cont.)"),
    "extracted": (
        "提取电子数据（原始存储介质未查封/扣押）",
        "Electronic data extracted (the original medium was not sealed/seized)",
    ),
    "extract_reason": ("原因", "why"),
    "extract_location": ("原始存储介质位置", "the original medium is at"),
    "extract_source": ("电子数据来源", "the data came from"),
    "count": ("共 {n} 件", "{n} item(s) in all"),
    # signatures
    "signatures": ("签名", "Signatures"),
    "investigator": ("调查人员", "Investigator"),
    "witness": ("见证人", "Witness"),
    "keeper": ("保管人员", "Keeper"),
    "recipient": ("领取人（持有人）", "Received by (possessor)"),
    "notified": ("被通知人", "Notified person"),
    "sign_here": ("签名（盖章）", "Signature (or seal)"),
    "date": ("日期", "Date"),
    "signed_electronically": ("已电子签名", "signed electronically"),
    "refusal": (
        "持有人拒绝签名的，注明情况",
        "If the possessor refuses to sign, note the circumstances",
    ),
    "refusal_release": (
        "领取人拒绝签名的，注明情况",
        "If the recipient refuses to sign, note the circumstances",
    ),
    "initials": ("本页签名", "Initials on this page"),
    "page_of": ("第 {n} 页 / 共 {total} 页", "Page {n} of {total}"),
    "audit_head": ("审计链 第{seq}号事件 哈希", "Audit chain event {seq}, hash"),
    # the release notice
    "notice_no_label": ("文号", "No."),
    "to": ("致", "To"),
    "release_intro": (
        "本机关于{at}在{place}对{possessor}的财物、文件予以{measure}（{record}）。",
        "On {at} at {place} this office {measure} property and documents of {possessor} "
        "({record}).",
    ),
    "release_reason": ("经查，{reason}。", "On examination: {reason}."),
    "release_decision": (
        "依照规定（第一百二十四条、第一百三十四条），经{approver}于{approved_at}批准，"
        "决定对所附清单所列财物、文件共{n}件解除{measure}，予以退还。",
        "Under Articles 124 and 134, with the approval of {approver} on {approved_at}, the "
        "{n} item(s) on the attached inventory are released and returned.",
    ),
    "release_due": (
        "自{found_at}查明之日起三日内（{due_at}前）退还。",
        "They are returned within three days of {found_at}, when this was found (by {due_at}).",
    ),
    "late": ("已逾期", "LATE"),
    "release_sign_ask": (
        "请核对所附清单并在清单上签名或盖章。",
        "Please check the attached inventory and sign it or affix a seal.",
    ),
    "attached": ("附：{title}（共{n}件）", "Attached: {title} ({n} item(s))"),
    "issued": ("{unit}（盖章）", "{unit} (seal)"),
    "issued_at": ("签发日期", "Issued on"),
    "receipt_slip": ("回执", "Receipt"),
    "receipt_text": (
        "本通知书及所附清单已收到。",
        "I have received this notice and the attached inventory.",
    ),
    "release_no": ("解除通知书文号", "Release notice no."),
    "release_reason_label": ("解除原因", "Reason for the release"),
    "approved": ("批准", "Approved"),
    "found_at": ("查明时间", "Found on"),
    "due_at": ("应退还期限", "Return due by"),
    "released_at": ("退还时间", "Returned on"),
    "returned_to": ("退还对象", "Returned to"),
    "original_measure": ("原{m}", "Original {m}"),
    # the types of medium and of item (services: domain.seized.MEDIA_TYPES, the item's kind)
    "audio_tape": ("录音带", "audio tape"),
    "video_tape": ("录像带", "video tape"),
    "usb_stick": ("U盘", "USB stick"),
    "hard_drive": ("硬盘", "hard drive"),
    "memory_card": ("存储卡", "memory card"),
    "optical_disc": ("光盘", "optical disc"),
    "phone": ("手机", "phone"),
    "computer": ("计算机", "computer"),
    "other": ("其他", "other"),
    "kind_original": ("原始存储介质", "original medium"),
    "kind_extracted": ("提取的电子数据", "extracted data"),
    "copies_n": ("{n}份", "{n} cop{ies}"),
    "seal_no": ("封条编号", "seal no."),
    "tag_seal_no": ("封条编号", "Seal no."),
    "location": ("存放位置", "kept at"),
    "possessor_refused": ("持有人拒绝签名", "The possessor refused to sign"),
    "possessor_absent": ("持有人不在场", "The possessor was not present"),
    "recipient_refused": ("领取人拒绝签名", "The recipient refused to sign"),
    "recipient_absent": ("领取人不在场", "The recipient was not present"),
}

#: the values the services pass as they are stored (types of medium, kinds of item), and
#: their words
_VALUES = {
    v: v
    for v in (
        "audio_tape",
        "video_tape",
        "usb_stick",
        "hard_drive",
        "memory_card",
        "optical_disc",
        "phone",
        "computer",
        "other",
    )
} | {"original": "kind_original", "extracted": "kind_extracted"}


def word(value: str, lang: str) -> str:
    """A stored value (a type of medium, an item's kind) in ``lang``; other text as it is."""
    return w(_VALUES[value], lang) if value in _VALUES else value


def w(key: str, lang: str, **kw: object) -> str:
    pair = _W[key]
    s = pair[0] if lang == "zh" else pair[1]
    return s.format(**kw) if kw else s


#: the measure as a noun in the labels ("{m}时间", "Time of {m}")
_NOUN = {
    "seal": ("查封", "sealing"),
    "seize": ("扣押", "seizure"),
    "any": ("查封/扣押", "sealing/seizure"),
}


def noun(measure: str, lang: str) -> str:
    pair = _NOUN[_measure_key(measure)]
    return pair[0] if lang == "zh" else pair[1]


def _measure_key(measure: str) -> str:
    if measure in MEASURES:
        return measure
    if measure == "":
        return "any"
    raise PrintError(
        "bad_measure", f"the measure must be 'seal' (查封) or 'seize' (扣押), not {measure!r}"
    )


# ------------------------------------------------------------------ the data
@dataclass(frozen=True)
class Audit:
    """The audit chain's head when the document was made: footer text and QR code
    (``services.heads.head_text``)."""

    seq: int
    hash: str
    qr: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "qr": self.qr}


@dataclass(frozen=True)
class Signer:
    """Someone who signs: name, badge (or an identity document number), unit; ``signed_at``
    when they signed in Keeper (otherwise they sign on the paper only)."""

    name: str = ""
    badge: str = ""
    unit: str = ""
    signed_at: str = ""

    def shown(self) -> str:
        parts = [self.name]
        if self.badge:
            parts.append(f"({self.badge})")
        if self.unit:
            parts.append(self.unit)
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Extraction:
    """Electronic data extracted instead of sealing or seizing the original storage medium
    (Art. 123): why the medium could not be taken, where it is, where the data came from."""

    reason: str
    medium_location: str = ""
    data_source: str = ""


@dataclass(frozen=True)
class SeizedItem:
    """One seized item with the fields of Art. 128(4). ``code`` is its Keeper id (printed as
    a barcode), ``pretty`` that id as people read it; ``name`` and ``item_type`` may be
    stored values (``usb_stick``, ``original``...: shown in the document's language);
    ``copies`` a number (shown "N份") or text; ``seal_no`` and ``location`` go in the
    remarks; ``measure`` only where the items of one record were not all sealed or all
    seized."""

    code: str
    name: str
    item_type: str = ""
    specification: str = ""
    capacity: str = ""
    file_formats: str = ""
    copies: str = ""
    copy_length: str = ""
    content: str = ""
    features: str = ""
    remarks: str = ""
    seal_no: str = ""
    location: str = ""
    pretty: str = ""
    measure: str = ""
    extraction: Extraction | None = None

    @property
    def shown_code(self) -> str:
        return self.pretty or self.code


@dataclass(frozen=True)
class Seizure:
    """One sealing or seizure as recorded: the inventory's header, its items and who signs.
    ``measure``: "seal" (查封), "seize" (扣押), or "" when its items differ (each then says).
    ``possessor_signature``: "signed", "refused" or "absent" ("" not yet known), and
    ``possessor_note`` how it went (Art. 126, 127)."""

    measure: str
    case_no: str
    case_name: str = ""
    cause: str = ""
    persons: tuple[str, ...] = ()
    at: str = ""
    place: str = ""
    record: str = ""
    notice_no: str = ""
    inventory_no: str = ""
    unit: str = ""
    possessor: Signer | None = None
    investigators: tuple[Signer, ...] = ()
    witnesses: tuple[Signer, ...] = ()
    keeper: Signer | None = None
    possessor_signature: str = ""
    possessor_note: str = ""
    items: tuple[SeizedItem, ...] = ()
    audit: Audit | None = None


@dataclass(frozen=True)
class Release:
    """The release of (some of) a seizure's items (Art. 124, 134): the notice and the release
    inventory. ``items``: those released; ``due_at``: three days from ``found_at``;
    ``recipient_signature`` / ``recipient_note``: as the possessor's of a seizure."""

    seizure: Seizure
    items: tuple[SeizedItem, ...]
    notice_no: str = ""
    to: str = ""
    reason: str = ""
    found_at: str = ""
    due_at: str = ""
    late: bool = False
    approved_by: str = ""
    approved_at: str = ""
    issued_at: str = ""
    released_at: str = ""
    returned_to: Signer | None = None
    investigators: tuple[Signer, ...] = ()
    witnesses: tuple[Signer, ...] = ()
    keeper: Signer | None = None
    recipient_signature: str = ""
    recipient_note: str = ""
    audit: Audit | None = None


@dataclass(frozen=True)
class Tag:
    """What an item's tag shows."""

    code: str
    measure: str
    case_no: str
    case_name: str = ""
    name: str = ""
    item_type: str = ""
    description: str = ""
    seized_at: str = ""
    seal_no: str = ""
    pretty: str = ""


# ------------------------------------------------------------------ from plain dicts
def _pick(cls: type, d: Mapping[str, Any], **made: Any) -> Any:
    """``cls`` from the dict ``d`` (its keys the field names; ``made``: fields converted by
    the caller); a key that is no field is refused, so that a misspelt one is not lost."""
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(d) - names)
    if unknown:
        raise PrintError(
            "bad_document_data", f"{cls.__name__} has no field {', '.join(map(repr, unknown))}"
        )
    try:
        return cls(**({k: v for k, v in d.items() if k not in made} | made))
    except TypeError as exc:  # a required field missing
        raise PrintError("bad_document_data", f"{cls.__name__}: {exc}") from None


def signer_from(d: Mapping[str, Any] | Signer | None) -> Signer | None:
    if d is None or isinstance(d, Signer):
        return d
    return cast(Signer, _pick(Signer, d))


def audit_from(d: Mapping[str, Any] | Audit | None) -> Audit | None:
    if d is None or isinstance(d, Audit):
        return d
    return cast(Audit, _pick(Audit, d))


def item_from(d: Mapping[str, Any] | SeizedItem) -> SeizedItem:
    if isinstance(d, SeizedItem):
        return d
    x = d.get("extraction")
    extraction = None if x is None or isinstance(x, Extraction) else _pick(Extraction, x)
    return cast(SeizedItem, _pick(SeizedItem, d, extraction=extraction))


def _signers(v: Any) -> tuple[Signer, ...]:
    return tuple(x for x in (signer_from(d) for d in v or ()) if x is not None)


def seizure_from(d: Mapping[str, Any] | Seizure) -> Seizure:
    """A :class:`Seizure` from a dict of its fields (signers, items and the head as dicts
    too): what ``services.documents`` hands over."""
    if isinstance(d, Seizure):
        return d
    return cast(
        Seizure,
        _pick(
            Seizure,
            d,
            persons=tuple(d.get("persons") or ()),
            possessor=signer_from(d.get("possessor")),
            investigators=_signers(d.get("investigators")),
            witnesses=_signers(d.get("witnesses")),
            keeper=signer_from(d.get("keeper")),
            items=tuple(item_from(x) for x in d.get("items") or ()),
            audit=audit_from(d.get("audit")),
        ),
    )


def release_from(d: Mapping[str, Any] | Release) -> Release:
    if isinstance(d, Release):
        return d
    return cast(
        Release,
        _pick(
            Release,
            d,
            seizure=seizure_from(d["seizure"]),
            items=tuple(item_from(x) for x in d.get("items") or ()),
            returned_to=signer_from(d.get("returned_to")),
            investigators=_signers(d.get("investigators")),
            witnesses=_signers(d.get("witnesses")),
            keeper=signer_from(d.get("keeper")),
            audit=audit_from(d.get("audit")),
        ),
    )


def tag_from(d: Mapping[str, Any] | Tag) -> Tag:
    return d if isinstance(d, Tag) else cast(Tag, _pick(Tag, d))


# ------------------------------------------------------------------ the tag sheet
@dataclass(frozen=True)
class TagSheet:
    """Rectangular labels on A4: the size of one and the top-left corner of each (mm from
    the page's top-left), numbered from 1 across then down."""

    id: str
    width_mm: float
    height_mm: float
    corners: tuple[tuple[float, float], ...]
    page_w_mm: float = A4_W
    page_h_mm: float = A4_H
    cups_media: str = "A4"


#: 99.1 x 67.7 mm, 2 across and 4 down (Avery L7165 and its equivalents)
TAG_SHEET = TagSheet(
    "l7165",
    99.1,
    67.7,
    tuple((4.65 + col * 101.6, 13.1 + row * 67.7) for row in range(4) for col in range(2)),
)
TAG_MARGIN = 3.5
TAG_BARCODE_H = 9.0
TAG_MAX_SIZE, TAG_MIN_SIZE = 10.5, 6.0
TAG_LINE = 1.25  # line height, in font sizes


def _tag_fields(tag: Tag, lang: str) -> list[tuple[str, str]]:
    """(label, value) in the order printed."""
    item = " / ".join(word(x, lang) for x in (tag.name, tag.item_type) if x)
    out = [
        (w("case_no", lang), tag.case_no),
        (w("case_name", lang), tag.case_name),
        (w("item", lang), item),
        (w("description", lang), tag.description),
        (w("seized_at", lang, m=noun(tag.measure, lang)), tag.seized_at),
    ]
    if tag.seal_no:
        out.append((w("tag_seal_no", lang), tag.seal_no))
    return out


def _tag_lines(
    tag: Tag, lang: str, width_pt: float, height_mm: float
) -> tuple[float, list[str], bool]:
    """The field lines at the largest size from TAG_MAX_SIZE down at which all fit
    ``height_mm``; if none does, at TAG_MIN_SIZE each field keeps what fits, leaving a line
    for each field after it, and the rest is cut (``clipped``)."""
    texts = [f"{label}{colon(lang)}{value}" for label, value in _tag_fields(tag, lang)]
    size = TAG_MAX_SIZE
    while True:
        budget = int(height_mm / (size * PT_MM * TAG_LINE))
        full = [wrap(x, width_pt, size, 50) for x in texts]
        if sum(len(x) for x in full) <= budget:
            return size, [line for x in full for line in x], False
        if size <= TAG_MIN_SIZE:
            break
        size = max(TAG_MIN_SIZE, size - 0.25)
    lines: list[str] = []
    for i, text in enumerate(texts):
        room = max(1, budget - len(lines) - (len(texts) - i - 1))
        lines += wrap(text, width_pt, size, room)
    return size, lines, True


def draw_tag(
    c: Any, tag: Tag, x: float, y: float, sheet: TagSheet, lang: str, dpi: int, guides: bool
) -> tuple[Any, list[str]]:
    """One tag with its lower-left corner at (x, y) mm; returns its barcode box and any
    warnings."""
    font = ensure_font()
    tw, th, m = sheet.width_mm, sheet.height_mm, TAG_MARGIN
    warnings: list[str] = []
    if guides:
        c.saveState()
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.3)
        c.roundRect(x * MM, y * MM, tw * MM, th * MM, 2 * MM)
        c.restoreState()
    top = y + th - m
    # the title left, the measure large at the right, a rule under both
    measure = w(_measure_key(tag.measure), lang)
    msize = fit_size(measure, 34 * MM, 16.0, 9.0)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, msize)
    c.drawRightString((x + tw - m) * MM, (top - msize * PT_MM * 0.86) * MM, measure)
    title_w = tw - 2 * m - text_width(measure, msize) / MM - 3
    c.setFont(font, 8)
    c.drawString(
        (x + m) * MM, (top - 3.6) * MM, clip_to_width(w("tag_title", lang), title_w * MM, 8)
    )
    rule = top - max(msize * PT_MM, 4.5) - 1.2
    c.setLineWidth(0.5)
    c.line((x + m) * MM, rule * MM, (x + tw - m) * MM, rule * MM)
    # the barcode and the id at the bottom
    code = tag.code
    box = draw_code128(c, code, x + tw / 2, y + m + 3.6, height_mm=TAG_BARCODE_H, dpi=dpi)
    c.setFont(font, 8.5)
    c.drawCentredString((x + tw / 2) * MM, (y + m + 0.4) * MM, tag.pretty or code)
    # the fields between
    avail = rule - 1.0 - (box.y_mm + TAG_BARCODE_H + 1.5)
    size, lines, clipped = _tag_lines(tag, lang, (tw - 2 * m) * MM, avail)
    if clipped:
        warnings.append(
            "标签上的文字过长，已截断，请核对"
            if lang == "zh"
            else "a field is too long for the tag and was cut short"
        )
    c.setFont(font, size)
    lh = size * PT_MM * TAG_LINE
    yy = rule - 1.0
    for line in lines:
        yy -= lh
        if yy < box.y_mm + TAG_BARCODE_H + 1.0:
            break
        c.drawString((x + m) * MM, (yy + lh * 0.22) * MM, line)
    return box, warnings


def _check_tag(tag: Tag, sheet: TagSheet, dpi: int) -> None:
    _measure_key(tag.measure or "?")
    width = barcode_width_mm(tag.code, dpi)
    if width > sheet.width_mm - 2:
        raise PrintError(
            "label_too_small",
            f"the barcode of {tag.code} ({width:.1f} mm with its quiet zones) does not fit "
            f"on a {sheet.width_mm} mm tag",
        )


def tags_pdf(
    tags: Sequence[Tag | Mapping[str, Any]],
    out: Target,
    *,
    sheet: TagSheet = TAG_SHEET,
    start: int = 1,
    calibration: Calibration | None = None,
    lang: str = "zh",
    guides: bool = False,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """One tag per item, filled into the sheet from position ``start`` (the first free
    label of a partly used sheet), continuing on fresh sheets; ``calibration`` undoes the
    printer's offset as for the disc labels; ``guides`` draws the outlines (preview)."""
    check_lang(lang)
    cal = (calibration or Calibration()).check()
    made = [tag_from(x) for x in tags]
    if not made:
        raise PrintError("nothing_to_print", "no tags to print")
    if not 1 <= start <= len(sheet.corners):
        raise PrintError(
            "bad_start_position",
            f"label position {start} does not exist on the tag sheet: "
            f"it has positions 1 to {len(sheet.corners)}",
        )
    for tag in made:
        _check_tag(tag, sheet, cal.dpi)
    texts = [
        (f"{tag.code} {label}", value) for tag in made for label, value in _tag_fields(tag, lang)
    ]
    problems, warnings = coverage_warnings(texts, lang)
    c = new_canvas(
        out,
        (sheet.page_w_mm * MM, sheet.page_h_mm * MM),
        w("tag_title", lang),
        page_shift_mm=page_shift_mm,
    )
    result = Rendered(pages=0, warnings=warnings, coverage=problems, media=sheet.cups_media)
    pos, page = start, 1
    with binary_streams():
        for tag in made:
            if pos > len(sheet.corners):
                c.showPage()
                page += 1
                pos = 1
            left, top = sheet.corners[pos - 1]
            x = left - cal.dx_mm
            y = sheet.page_h_mm - top - sheet.height_mm + cal.dy_mm
            box, warn = draw_tag(c, tag, x, y, sheet, lang, cal.dpi, guides)
            result.warnings.extend(f"{tag.code}: {m}" for m in warn)
            centre = (left + sheet.width_mm / 2, top + sheet.height_mm / 2)
            result.placements.append(Placement(page, pos, tag.code, centre, box))
            pos += 1
        c.showPage()
        save(c)
    result.pages = page
    return result


# ------------------------------------------------------------------ the page flow
#: the lowest a line of content goes (mm from the bottom): above the footer, and on a
#: document of several pages above the line for the initials too
BOTTOM_ONE, BOTTOM = 14.0, 22.0


class _Pages(Form):
    """A form whose footer says "page n of N" (``total`` is known on the last pass) and, on
    a document of more than one page, has a line for the signers' initials."""

    def __init__(
        self, c: Any, lang: str, *, total: int, initials: Sequence[str], bottom: float, **kw: Any
    ):
        self.total = total
        self.initials = list(initials)
        self.bottom = bottom
        super().__init__(c, lang, **kw)

    def need(self, mm: float) -> None:
        if self.y - mm < self.bottom:
            self.new_page()

    def _footer(self) -> None:
        c, lang = self.c, self.lang
        c.setFillColorRGB(0, 0, 0)
        if self.total > 1 and self.initials:
            c.setFont(self.font, 8)
            x = self.m
            c.drawString(x * MM, 13 * MM, f"{w('initials', lang)}{colon(lang)}")
            x += text_width(w("initials", lang) + colon(lang), 8) / MM + 2
            step = (self.w - self.m - x) / len(self.initials)
            for i, who in enumerate(self.initials):
                x0 = x + i * step
                c.drawString(x0 * MM, 13 * MM, who)
                lw = text_width(who, 8) / MM + 1
                c.setLineWidth(0.4)
                c.line((x0 + lw) * MM, 12.6 * MM, (x0 + step - 4) * MM, 12.6 * MM)
        c.setFont(self.font, 6.5)
        if self.audit:
            c.drawString(
                self.m * MM,
                7 * MM,
                f"{w('audit_head', lang, seq=self.audit.get('seq', 0))} "
                f"{self.audit.get('hash', '')}",
            )
        c.setFont(self.font, 8)
        page = w("page_of", lang, n=self.page, total=self.total or "?")
        c.drawRightString((self.w - self.m) * MM, 7 * MM, page)


@dataclass
class _Part:
    """One document of a PDF: its page size (mm), the header line of its continuation
    pages, who initials its pages, how its body is drawn, its texts (for the font check),
    and the starts of the texts its table had to cut (filled while drawing)."""

    size_mm: tuple[float, float]
    header: str
    initials: Sequence[str]
    body: Callable[[_Pages], None]
    texts: list[tuple[str, str]]
    margin_mm: float = 15.0
    cut: list[str] = field(default_factory=list)


def _render(
    out: Target,
    title: str,
    lang: str,
    audit: Audit | None,
    parts: Sequence[_Part],
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """Draw the parts one after the other into one PDF, each numbered "page n of N" on its
    own: first to count the pages, a part as one page (no line for initials); a part that
    takes more is drawn again with room for the initials; then for real."""
    texts = list(dict.fromkeys(x for p in parts for x in p.texts))  # each field once
    problems, warnings = coverage_warnings(texts, lang)
    audit_d = audit.as_dict() if audit else None

    def draw(target: Target, bottoms: list[float], totals: list[int]) -> list[int]:
        first = parts[0].size_mm
        c = new_canvas(target, (first[0] * MM, first[1] * MM), title, page_shift_mm=page_shift_mm)
        counted = []
        for part, bottom, total in zip(parts, bottoms, totals, strict=True):
            c.setPageSize((part.size_mm[0] * MM, part.size_mm[1] * MM))
            part.cut.clear()
            f = _Pages(
                c,
                lang,
                total=total,
                initials=part.initials,
                bottom=bottom,
                width_mm=part.size_mm[0],
                height_mm=part.size_mm[1],
                margin_mm=part.margin_mm,
                audit=audit_d,
                header=part.header,
            )
            part.body(f)
            counted.append(f.finish())
        if target is out:
            save(c)
        return counted

    with binary_streams():
        one = [BOTTOM_ONE] * len(parts)
        totals = draw(io.BytesIO(), one, [0] * len(parts))
        bottoms = [BOTTOM_ONE if n == 1 else BOTTOM for n in totals]
        if bottoms != one:
            totals = draw(io.BytesIO(), bottoms, [0] * len(parts))
        draw(out, bottoms, totals)
    cut = [x for p in parts for x in p.cut]
    warnings += [_cut_warning(x, lang) for x in dict.fromkeys(cut)]
    return Rendered(pages=sum(totals), warnings=warnings, coverage=problems)


def _cut_warning(start: str, lang: str) -> str:
    if lang == "zh":
        return f"“{start}…”过长，清单中已截断，请核对"
    return f"'{start}…' is too long for the list and was cut short"


def _kv2(f: Form, rows: Sequence[tuple[str, str]], label_mm: float, size: float = 9.0) -> None:
    """Label/value pairs two to a line (a long value takes the whole line); values wrap."""
    half = (f.w - 2 * f.m) / 2
    lh = size * PT_MM * LINE
    pad = 1.5

    def lines(label: str, value: str, width: float) -> tuple[list[str], list[str]]:
        return (
            wrap(label, (label_mm - 2 * pad) * MM, size, 3),
            wrap(value, (width - label_mm - 2 * pad) * MM, size, 12),
        )

    def cells(pairs: list[tuple[str, str]], width: float) -> None:
        laid = [lines(lab, val, width) for lab, val in pairs]
        h = max(max(len(a), len(b)) for a, b in laid) * lh + 2 * pad
        f.need(h)
        top = f.y
        c = f.c
        c.setLineWidth(0.5)
        c.setFont(f.font, size)
        for i, (lab, val) in enumerate(laid):
            x0 = f.m + i * width
            c.rect(x0 * MM, (top - h) * MM, width * MM, h * MM)
            c.line((x0 + label_mm) * MM, top * MM, (x0 + label_mm) * MM, (top - h) * MM)
            for j, s in enumerate(lab):
                c.drawString((x0 + pad) * MM, (top - pad - (j + 0.8) * lh) * MM, s)
            for j, s in enumerate(val):
                c.drawString((x0 + label_mm + pad) * MM, (top - pad - (j + 0.8) * lh) * MM, s)
        f.y = top - h

    def long(value: str) -> bool:
        return text_width(value, size) > (half - label_mm - 2 * pad) * MM * 2

    pending: list[tuple[str, str]] = []
    for label, value in rows:
        if long(value):
            if pending:
                cells(pending, half)
                pending = []
            cells([(label, value)], 2 * half)
            continue
        pending.append((label, value))
        if len(pending) == 2:
            cells(pending, half)
            pending = []
    if pending:
        cells(pending, half)
    f.y -= 3.0


# ------------------------------------------------------------------ the item table
_COLUMNS: tuple[tuple[str, float], ...] = (
    ("col_name", 28.0),
    ("col_spec", 28.0),
    ("col_capacity", 15.0),
    ("col_formats", 20.0),
    ("col_copies", 14.0),
    ("col_content", 44.0),
    ("col_features", 30.0),
    ("col_remarks", 26.0),
)
NO_W = 9.0
CELL = 8.0  # cell text, points
CELL_PAD = 1.2
ROW_BARCODE_H = 8.0
MAX_CELL_LINES = 400  # a row this tall runs over several pages


def _item_cells(item: SeizedItem, seizure_measure: str, lang: str) -> list[str]:
    name = " / ".join(word(x, lang) for x in (item.name, item.item_type) if x)
    if not seizure_measure and item.measure:
        name = f"[{w(_measure_key(item.measure), lang)}] {name}"
    copies = item.copies
    if copies.isdigit():
        n = int(copies)
        copies = w("copies_n", lang, n=n, ies="y" if n == 1 else "ies")
    sep = colon(lang)
    remarks = [item.remarks] if item.remarks else []
    if item.seal_no:
        remarks.append(f"{w('seal_no', lang)}{sep}{item.seal_no}")
    if item.location:
        remarks.append(f"{w('location', lang)}{sep}{item.location}")
    return [
        name,
        item.specification,
        item.capacity,
        item.file_formats,
        " / ".join(x for x in (copies, item.copy_length) if x),
        item.content,
        item.features,
        ("；" if lang == "zh" else "; ").join(remarks),
    ]


def _extraction_text(x: Extraction, lang: str) -> str:
    sep = colon(lang)
    parts = [f"{w('extract_reason', lang)}{sep}{x.reason}"]
    if x.medium_location:
        parts.append(f"{w('extract_location', lang)}{sep}{x.medium_location}")
    if x.data_source:
        parts.append(f"{w('extract_source', lang)}{sep}{x.data_source}")
    joiner = "；" if lang == "zh" else "; "
    return f"{w('extracted', lang)}{sep}" + joiner.join(parts)


class _ItemTable:
    """The items as a grid: number, the Keeper id as a barcode with its text, the fields of
    Art. 128(4); the column header at the top of every page the table is on; under an item
    whose data was extracted, a row across the fields saying why and from where."""

    def __init__(self, f: _Pages, items: Sequence[SeizedItem], measure: str, dpi: int):
        self.f, self.items, self.measure, self.dpi = f, items, measure, dpi
        lang = f.lang
        total = f.w - 2 * f.m
        code_w = max([34.0] + [barcode_width_mm(i.code, dpi) + 2.0 for i in items])
        rest = total - NO_W - code_w
        scale = rest / sum(wd for _, wd in _COLUMNS)
        self.widths = [NO_W, code_w] + [wd * scale for _, wd in _COLUMNS]
        self.headers = [w("col_no", lang), w("col_code", lang)] + [w(k, lang) for k, _ in _COLUMNS]
        self.lh = CELL * PT_MM * LINE
        self.warnings: list[str] = []

    def _wrap(self, text: str, width: float) -> list[str]:
        lines = wrap(text, (width - 2 * CELL_PAD) * MM, CELL, MAX_CELL_LINES)
        if len(lines) == MAX_CELL_LINES and lines[-1].endswith("…"):
            self.warnings.append(text[:20])
        return lines

    def _header(self) -> None:
        f = self.f
        wrapped = [self._wrap(h, wd) for h, wd in zip(self.headers, self.widths, strict=True)]
        h = max(len(x) for x in wrapped) * self.lh + 2 * CELL_PAD
        top = f.y
        c = f.c
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(f.m * MM, (top - h) * MM, sum(self.widths) * MM, h * MM, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        self._cells(wrapped, top, h, 0)
        f.y = top - h

    def _cells(self, wrapped: list[list[str]], top: float, h: float, first: int = 0) -> None:
        """Draw the cells of one row from ``top``, ``h`` high: the number and id columns as
        given, the fields' lines from ``first`` on (a row continued on the next page)."""
        c = self.f.c
        c.setLineWidth(0.5)
        c.setFont(self.f.font, CELL)
        x = self.f.m
        for col, (lines, wd) in enumerate(zip(wrapped, self.widths, strict=True)):
            c.rect(x * MM, (top - h) * MM, wd * MM, h * MM)
            for i, s in enumerate(lines if col < 2 else lines[first:]):
                y = top - CELL_PAD - (i + 0.8) * self.lh
                if y < top - h:
                    break
                c.drawString((x + CELL_PAD) * MM, y * MM, s)
            x += wd

    def _span(self, text_lines: list[str], top: float, h: float) -> None:
        """A row whose text runs across every column after the number's."""
        f, c = self.f, self.f.c
        c.setLineWidth(0.5)
        x0 = f.m + self.widths[0]
        c.rect(f.m * MM, (top - h) * MM, self.widths[0] * MM, h * MM)
        c.rect(x0 * MM, (top - h) * MM, (sum(self.widths) - self.widths[0]) * MM, h * MM)
        c.setFont(f.font, CELL)
        for i, s in enumerate(text_lines):
            c.drawString((x0 + CELL_PAD) * MM, (top - CELL_PAD - (i + 0.8) * self.lh) * MM, s)

    def _barcode(self, item: SeizedItem, top: float) -> None:
        f = self.f
        cx = f.m + self.widths[0] + self.widths[1] / 2
        box = draw_code128(
            f.c,
            item.code,
            cx,
            top - CELL_PAD - 0.6 - ROW_BARCODE_H,
            height_mm=ROW_BARCODE_H,
            dpi=self.dpi,
        )
        f.c.setFont(f.font, 7.5)
        f.c.drawCentredString(cx * MM, (box.y_mm - 3.0) * MM, item.shown_code)

    def _page_break(self) -> None:
        self.f.new_page()
        self._header()

    def draw(self) -> None:
        f, lang = self.f, self.f.lang
        room = f.h - f.m - f.bottom - 15.0  # a fresh page below its header lines
        f.need(self.lh * 3 + 2 * CELL_PAD + ROW_BARCODE_H + 6)
        self._header()
        min_h = CELL_PAD * 2 + 0.6 + ROW_BARCODE_H + 4.0  # the barcode and its text
        span_w = sum(self.widths) - self.widths[0]
        for n, item in enumerate(self.items, start=1):
            cells = [[str(n)], []] + [
                self._wrap(v, wd)
                for v, wd in zip(
                    _item_cells(item, self.measure, lang), self.widths[2:], strict=True
                )
            ]
            lines = max(len(x) for x in cells)
            h = max(min_h, lines * self.lh + 2 * CELL_PAD)
            span: list[str] = []
            if item.extraction is not None:
                span = wrap(
                    _extraction_text(item.extraction, lang), (span_w - 2 * CELL_PAD) * MM, CELL, 12
                )
            span_h = len(span) * self.lh + 2 * CELL_PAD if span else 0.0
            if f.y - (h + span_h) < f.bottom and h + span_h <= room * 0.25:
                # a short row is kept together with its extraction note; a tall one is
                # split rather than leaving much of the page blank
                self._page_break()
            if f.y - h >= f.bottom:
                top = f.y
                self._cells(cells, top, h, 0)
                self._barcode(item, top)
                f.y = top - h
            else:  # a tall row: as many lines as fit, the rest continued on the next page
                first = 0
                while first < lines:
                    if f.y - max(min_h, 3 * self.lh + 2 * CELL_PAD) < f.bottom:
                        self._page_break()
                    fit = max(1, int((f.y - f.bottom - 2 * CELL_PAD) / self.lh))
                    part = min(fit, lines - first)
                    ph = max(min_h if first == 0 else 0.0, part * self.lh + 2 * CELL_PAD)
                    top = f.y
                    if first == 0:
                        self._cells(cells, top, ph)
                        self._barcode(item, top)
                    else:
                        more = [[str(n), w("continued", lang)], []] + cells[2:]
                        self._cells(more, top, ph, first)
                    f.y = top - ph
                    first += part
            if span:
                if f.y - span_h < f.bottom:
                    self._page_break()
                top = f.y
                self._span(span, top, span_h)
                f.y = top - span_h
        f.y -= 3.0


# ------------------------------------------------------------------ signatures
SIGN_H = 18.0  # a box to sign in


def _sign_grid(
    f: Form,
    boxes: Sequence[tuple[str, Signer | None]],
    height_mm: float = SIGN_H,
    heading: str = "",
) -> None:
    """Boxes for signatures by hand under ``heading``, kept together on one page, as many to
    a line as fit (at least 40 mm each; the lines as even as may be): the role, the name
    printed (and "signed electronically" with the time, if so), lines to sign and date."""
    lang = f.lang
    total = f.w - 2 * f.m
    gap = 3.0
    most = max(1, int((total + gap) // (40.0 + gap)))
    lines = -(-len(boxes) // most)
    per_line = -(-len(boxes) // lines)
    bw = (total - gap * (per_line - 1)) / per_line
    f.need(lines * (height_mm + 3.0) + (8.0 if heading else 0.0))
    if heading:
        f.text(heading, 10, gap=1.0)
    c = f.c
    sep = colon(lang)
    for start in range(0, len(boxes), per_line):
        f.need(height_mm + 2)
        top = f.y
        for i, (role, who) in enumerate(boxes[start : start + per_line]):
            x = f.m + i * (bw + gap)
            c.setLineWidth(0.5)
            c.rect(x * MM, (top - height_mm) * MM, bw * MM, height_mm * MM)
            head = f"{role}{sep}{who.shown() if who else ''}"
            size = fit_size(head, (bw - 3) * MM, 8.0, 6.5)
            c.setFont(f.font, size)
            c.drawString((x + 1.5) * MM, (top - 4) * MM, clip_to_width(head, (bw - 3) * MM, size))
            if who is not None and who.signed_at:
                said = f"{w('signed_electronically', lang)} {who.signed_at}"
                size = fit_size(said, (bw - 3) * MM, 7.0, 5.5)
                c.setFont(f.font, size)
                c.drawString(
                    (x + 1.5) * MM, (top - 8) * MM, clip_to_width(said, (bw - 3) * MM, size)
                )
            c.setFont(f.font, 7.5)
            c.drawString(
                (x + 1.5) * MM, (top - height_mm + 6.5) * MM, f"{w('sign_here', lang)}{sep}"
            )
            c.drawString((x + 1.5) * MM, (top - height_mm + 2) * MM, f"{w('date', lang)}{sep}")
        f.y = top - height_mm - 3.0


def _at_least(signers: Sequence[Signer], n: int) -> list[Signer | None]:
    return list(signers) + [None] * max(0, n - len(signers))


def _refusal_line(f: Form, label: str, note: str) -> None:
    """ "If the possessor refuses to sign, note the circumstances": the note, or a line to
    write it on."""
    lang = f.lang
    text = f"{label}{colon(lang)}"
    if note:
        f.text(text + note, 9)
        return
    f.need(12)
    f.y -= 9 * PT_MM * LINE
    f.c.setFont(f.font, 9)
    f.c.drawString(f.m * MM, f.y * MM, text)
    x = f.m + text_width(text, 9) / MM + 1
    f.c.setLineWidth(0.4)
    f.c.line(x * MM, (f.y - 0.8) * MM, (f.w - f.m) * MM, (f.y - 0.8) * MM)
    f.y -= 6.0
    f.c.line(f.m * MM, (f.y - 0.8) * MM, (f.w - f.m) * MM, (f.y - 0.8) * MM)
    f.y -= 3.0


def _signature_note(who: str, signature: str, note: str, lang: str) -> str:
    """What goes on the refusal line: that the possessor (recipient) refused or was absent,
    and the note; nothing when they signed and nothing was noted."""
    if signature not in ("", "signed", "refused", "absent"):
        raise PrintError(
            "bad_signature_state",
            f"the {who}'s signature is 'signed', 'refused' or 'absent', not {signature!r}",
        )
    said = w(f"{who}_{signature}", lang) if signature in ("refused", "absent") else ""
    sep = "；" if lang == "zh" else "; "
    return sep.join(x for x in (said, note) if x)


def _check_items(items: Sequence[SeizedItem], dpi: int) -> None:
    if not items:
        raise PrintError("nothing_to_print", "no seized items to list")
    for it in items:
        width = barcode_width_mm(it.code, dpi)
        if width > 80.0:
            raise PrintError(
                "label_too_small",
                f"the barcode of {it.code} ({width:.1f} mm) is too long for the list",
            )
        if it.measure:
            _measure_key(it.measure)


def _item_texts(items: Sequence[SeizedItem], lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for it in items:
        for key, value in zip([k for k, _ in _COLUMNS], _item_cells(it, "x", lang), strict=True):
            out.append((f"{it.shown_code} {w(key, lang)}", value))
        if it.extraction is not None:
            out.append(
                (f"{it.shown_code} {w('extracted', lang)}", _extraction_text(it.extraction, lang))
            )
    return out


# ------------------------------------------------------------------ the inventory
def _seizure_rows(s: Seizure, lang: str) -> list[tuple[str, str]]:
    sep = "、" if lang == "zh" else ", "
    m = noun(s.measure, lang)
    rows = [
        (w("case_no", lang), s.case_no),
        (w("case_name", lang), s.case_name),
        (w("cause", lang), s.cause),
        (w("persons", lang), sep.join(s.persons)),
        (w("at", lang, m=m), s.at),
        (w("place", lang, m=m), s.place),
        (w("record", lang), s.record),
        (w("notice_no", lang, m=m), s.notice_no),
        (w("possessor", lang), s.possessor.shown() if s.possessor else ""),
        (w("unit", lang), s.unit),
    ]
    return rows


def _doc_header(title: str, s: Seizure, lang: str, number: str = "") -> str:
    """The line at the top of every continuation page."""
    bits = [title, f"{w('case_no', lang)}{colon(lang)}{s.case_no}"]
    if number:
        bits.append(number)
    bits.append(w("continued", lang))
    return "  ".join(bits)


def inventory_pdf(
    seizure: Seizure | Mapping[str, Any],
    out: Target,
    *,
    lang: str = "zh",
    dpi: int = 300,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """The 查封/扣押财物、文件清单 of one sealing or seizure (A4 landscape); ``seizure`` may be
    a dict of its fields (:func:`seizure_from`)."""
    check_lang(lang)
    z = seizure_from(seizure)
    part = _inventory_part(z, lang, dpi)
    return _render(
        out,
        w(f"inventory_title_{_measure_key(z.measure)}", lang),
        lang,
        z.audit,
        [part],
        page_shift_mm,
    )


def _list_part(
    title: str,
    header: str,
    rows: list[tuple[str, str]],
    items: Sequence[SeizedItem],
    measure: str,
    refusal: tuple[str, str],
    boxes: list[tuple[str, Signer | None]],
    initials: Sequence[str],
    lang: str,
    dpi: int,
) -> _Part:
    """An inventory (A4 landscape): the title, the header's label/value pairs, the items'
    table, the count, the refusal line (its label and what is noted) and the signature
    boxes."""
    _check_items(items, dpi)
    cut: list[str] = []

    def body(f: _Pages) -> None:
        f.title(title)
        _kv2(f, rows, label_mm=34.0)
        table = _ItemTable(f, items, measure, dpi)
        table.draw()
        cut.extend(table.warnings)
        f.text(w("count", lang, n=len(items)), 9.5)
        _refusal_line(f, *refusal)
        _sign_grid(f, boxes, heading=w("signatures", lang))

    texts = rows + _item_texts(items, lang) + [refusal]
    texts += [(role, who.shown()) for role, who in boxes if who is not None]
    return _Part((A4_H, A4_W), header, initials, body, texts, cut=cut)


def _inventory_part(seizure: Seizure, lang: str, dpi: int) -> _Part:
    title = w(f"inventory_title_{_measure_key(seizure.measure)}", lang)
    number = ""
    rows = _seizure_rows(seizure, lang)
    if seizure.inventory_no:
        number = f"{w('inventory_no', lang)}{colon(lang)}{seizure.inventory_no}"
        rows.insert(0, (w("inventory_no", lang), seizure.inventory_no))
    boxes: list[tuple[str, Signer | None]] = [
        (w("investigator", lang), x) for x in _at_least(seizure.investigators, 2)
    ]
    boxes += [(w("witness", lang), x) for x in _at_least(seizure.witnesses, 1)]
    boxes += [(w("possessor", lang), seizure.possessor), (w("keeper", lang), seizure.keeper)]
    note = _signature_note("possessor", seizure.possessor_signature, seizure.possessor_note, lang)
    return _list_part(
        title,
        _doc_header(title, seizure, lang, number),
        rows,
        seizure.items,
        seizure.measure,
        (w("refusal", lang), note),
        boxes,
        [w("investigator", lang), w("witness", lang), w("possessor", lang)],
        lang,
        dpi,
    )


# ------------------------------------------------------------------ the release
def _release_measure(r: Release) -> str:
    return _measure_key(r.seizure.measure)


def release_inventory_pdf(
    release: Release | Mapping[str, Any],
    out: Target,
    *,
    lang: str = "zh",
    dpi: int = 300,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """The 解除查封/扣押财物、文件清单 attached to the release notice, for the possessor (or
    whoever receives the items) to sign (Art. 134). A4 landscape; ``release`` may be a dict
    (:func:`release_from`)."""
    check_lang(lang)
    r = release_from(release)
    title = w(f"release_inventory_{_release_measure(r)}", lang)
    return _render(
        out, title, lang, r.audit, [_release_inventory_part(r, lang, dpi)], page_shift_mm
    )


def _release_inventory_part(release: Release, lang: str, dpi: int) -> _Part:
    s = release.seizure
    title = w(f"release_inventory_{_release_measure(release)}", lang)
    number = ""
    if release.notice_no:
        number = f"{w('release_no', lang)}{colon(lang)}{release.notice_no}"
    due = release.due_at + (f"  {w('late', lang)}" if release.late else "")
    rows = _seizure_rows(s, lang)[:4] + [
        (
            w("original_measure", lang, m=noun(s.measure, lang)),
            "  ".join(x for x in (s.at, s.place, s.record) if x),
        ),
        (w("release_no", lang), release.notice_no),
        (w("release_reason_label", lang), release.reason),
        (w("approved", lang), f"{release.approved_by}  {release.approved_at}".strip()),
        (w("found_at", lang), release.found_at),
        (w("due_at", lang), due),
        (w("returned_to", lang), release.returned_to.shown() if release.returned_to else ""),
        (w("released_at", lang), release.released_at),
    ]
    boxes: list[tuple[str, Signer | None]] = [
        (w("investigator", lang), x) for x in _at_least(release.investigators, 2)
    ]
    boxes += [(w("witness", lang), x) for x in release.witnesses]
    boxes += [(w("recipient", lang), release.returned_to), (w("keeper", lang), release.keeper)]
    note = _signature_note("recipient", release.recipient_signature, release.recipient_note, lang)
    return _list_part(
        title,
        _doc_header(title, s, lang, number),
        rows,
        release.items,
        s.measure,
        (w("refusal_release", lang), note),
        boxes,
        [w("investigator", lang), w("recipient", lang)],
        lang,
        dpi,
    )


def release_notice_pdf(
    release: Release | Mapping[str, Any], out: Target, *, lang: str = "zh"
) -> Rendered:
    """The 解除查封/扣押通知书 to the possessor, the unit or the family (Art. 124, 134): what was
    sealed or seized and when, why it is released, who approved it, the three days, the
    items (their ids and names; the attached inventory has the rest), the issuing office,
    and a receipt slip for the person notified to sign. A4 portrait; ``release`` may be a
    dict (:func:`release_from`)."""
    check_lang(lang)
    r = release_from(release)
    title = w(f"release_notice_{_release_measure(r)}", lang)
    return _render(out, title, lang, r.audit, [_release_notice_part(r, lang)])


def release_pdf(
    release: Release | Mapping[str, Any],
    out: Target,
    *,
    lang: str = "zh",
    dpi: int = 300,
) -> Rendered:
    """The release notice (A4 portrait) with the release inventory attached (A4 landscape)
    in one PDF, each numbered on its own: what is handed to the possessor to sign."""
    check_lang(lang)
    r = release_from(release)
    parts = [_release_notice_part(r, lang), _release_inventory_part(r, lang, dpi)]
    title = w(f"release_notice_{_release_measure(r)}", lang)
    return _render(out, title, lang, r.audit, parts)


def _release_notice_part(release: Release, lang: str) -> _Part:
    s = release.seizure
    mk = _release_measure(release)
    if not release.items:
        raise PrintError("nothing_to_print", "no released items to list")
    title = w(f"release_notice_{mk}", lang)
    sep = colon(lang)
    measure = w(mk, lang) if mk != "any" else w("measure_any", lang)
    if lang == "en":
        measure = {"seal": "sealed", "seize": "seized"}.get(mk, "sealed or seized")
    possessor = s.possessor.name if s.possessor else release.to
    record = (
        "，".join(x for x in (s.record, s.notice_no) if x)
        if lang == "zh"
        else ", ".join(x for x in (s.record, s.notice_no) if x)
    )
    n = len(release.items)
    paragraphs = [
        w(
            "release_intro",
            lang,
            at=s.at,
            place=s.place,
            possessor=possessor,
            measure=measure,
            record=record,
        ),
    ]
    if release.reason:
        reason = release.reason.rstrip("。.")
        if lang == "zh" and reason.startswith("经"):  # "经审查…" says already how it was found
            paragraphs.append(f"{reason}。")
        else:
            paragraphs.append(w("release_reason", lang, reason=reason))
    paragraphs.append(
        w(
            "release_decision",
            lang,
            approver=release.approved_by,
            approved_at=release.approved_at,
            n=n,
            measure=measure,
        )
    )
    if release.due_at:
        due = release.due_at + (f"（{w('late', lang)}）" if release.late and lang == "zh" else "")
        if release.late and lang == "en":
            due += f" ({w('late', lang)})"
        paragraphs.append(w("release_due", lang, found_at=release.found_at, due_at=due))
    paragraphs.append(w("release_sign_ask", lang))
    inv_title = w(f"release_inventory_{mk}", lang)
    number = f"{w('notice_no_label', lang)}{sep}{release.notice_no}" if release.notice_no else ""

    def body(f: _Pages) -> None:
        f.title(title)
        if number:
            f.c.setFont(f.font, 9.5)
            f.y -= 4.5
            f.c.drawCentredString(f.w / 2 * MM, f.y * MM, number)
            f.y -= 3.0
        f.text(
            f"{w('case_no', lang)}{sep}{s.case_no}    {w('case_name', lang)}{sep}{s.case_name}", 9
        )
        f.y -= 2.0
        f.text(f"{release.to}：" if lang == "zh" else f"{w('to', lang)}{sep}{release.to}", 11)
        for p in paragraphs:
            f.text(("　　" if lang == "zh" else "") + p, 10.5, gap=1.0)
        f.y -= 2.0
        f.text(w("attached", lang, title=inv_title, n=n), 9.5)
        f.kv(
            [
                (
                    f"{i}. {it.shown_code}",
                    " / ".join(word(x, lang) for x in (it.name, it.item_type) if x),
                )
                for i, it in enumerate(release.items, start=1)
            ],
            label_mm=55.0,
            size=8.5,
        )
        f.need(22)
        f.y -= 8.0
        f.c.setFont(f.font, 10.5)
        right = (f.w - f.m) * MM
        f.c.drawRightString(right, f.y * MM, w("issued", lang, unit=s.unit))
        f.y -= 6.0
        f.c.drawRightString(right, f.y * MM, f"{w('issued_at', lang)}{sep}{release.issued_at}")
        f.y -= 6.0
        # the receipt slip, behind a dashed cut line
        f.need(48)
        f.c.saveState()
        f.c.setDash(3, 2)
        f.c.setLineWidth(0.4)
        f.c.line(f.m * MM, f.y * MM, (f.w - f.m) * MM, f.y * MM)
        f.c.restoreState()
        f.y -= 2.0
        f.title(f"{title} — {w('receipt_slip', lang)}", 12.0)
        f.text(w("receipt_text", lang) + (f"  {number}" if number else ""), 9.5)
        _refusal_line(
            f,
            w("refusal_release", lang),
            _signature_note("recipient", release.recipient_signature, release.recipient_note, lang),
        )
        _sign_grid(f, [(w("notified", lang), release.returned_to)], height_mm=18.0)

    texts = [
        (w("to", lang), release.to),
        (w("release_reason_label", lang), release.reason),
        (w("case_name", lang), s.case_name),
        (w("unit", lang), s.unit),
        (w("possessor", lang), possessor),
        (w("place", lang, m=noun(s.measure, lang)), s.place),
    ] + [(it.shown_code, it.name) for it in release.items]
    header = f"{title}  {number}  {w('continued', lang)}"
    return _Part((A4_W, A4_H), header, [], body, texts, margin_mm=18.0)


__all__ = [
    "TAG_SHEET",
    "Audit",
    "Extraction",
    "Release",
    "SeizedItem",
    "Seizure",
    "Signer",
    "Tag",
    "TagSheet",
    "inventory_pdf",
    "release_inventory_pdf",
    "release_notice_pdf",
    "release_pdf",
    "tags_pdf",
    "release_from",
    "seizure_from",
    "tag_from",
]
