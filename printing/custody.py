"""The chain-of-custody report (issue 16), A4 portrait: what it covers, the discs, the audit
chain's head it was made at, then one table row per audit event of the discs' lives, oldest
first — when, what, who made it, the event's number and hash, and each register entry it
wrote with what it says, its content hash and who signed it in which capacity and when.

The table's rows never break across pages (a row taller than a page is split at a line,
its header repeated); every page repeats the column headers, carries the head as a QR code
at the top right and as text in the footer, and its number "第 N 页 共 M 页": the pages are
laid out first, then drawn. Given the dict of ``services.custody_report`` (``asdict``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .barcodes import MM
from .common import Rendered, Target, binary_streams, coverage_warnings, new_canvas, save, wrap
from .fonts import ensure_font, text_width
from .headqr import draw_head_qr, qr_side_mm
from .i18n import check_lang, colon, t

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 14.0
FOOTER_Y = 7.0
BODY_BOTTOM = 14.0
SIZE = 7.0
MONO = "Courier"
MONO_SIZE = 6.3
PAD = 1.2
LINE = 1.3  # line height in font sizes
#: column widths (mm): no., time, event, entries with their hashes and signatures
WIDTHS = (9.0, 19.0, 38.0, PAGE_W - 2 * MARGIN - 66.0)

_W: dict[str, tuple[str, str]] = {
    "title": ("讯问录音录像光盘保管链报告", "Chain-of-custody report"),
    "scope_disc": ("光盘", "Disc"),
    "scope_pair": ("一对光盘（正本、副本）", "Pair of discs (original and duplicate)"),
    "scope_case": ("案件全部光盘", "Every disc of the case"),
    "scope": ("报告范围", "Covers"),
    "department": ("办案部门", "Case department"),
    "discs": ("光盘", "Discs"),
    "head": ("报告时的审计链链头", "Audit chain head at the time of the report"),
    "head_qr": ("二维码内容", "QR code text"),
    "how": (
        "说明：每一行为审计链上的一个事件，按发生顺序排列。事件哈希为该事件在链上的SHA-256哈希；"
        "内容哈希为该登记规范化内容的SHA-256，即签名所针对的内容。链头亦印于每页页脚及右上角二维码，"
        "可与审计链及其见证（光盘、检查点单、备份）核对。",
        "Each row is one event of the audit chain, in the order it happened. The event hash is "
        "the event's SHA-256 on the chain; an entry's content hash is the SHA-256 of its "
        "canonical content, which its signatures cover. The head is printed in every footer "
        "and as the QR code at the top right, to be held against the chain and its witnesses "
        "(discs, checkpoint slips, backups).",
    ),
    "col_time": ("时间", "Time"),
    "col_event": ("事件", "Event"),
    "col_detail": ("登记、内容哈希及签名", "Entries, content hashes, signatures"),
    "event_no": ("审计事件第{seq}号", "Audit event {seq}"),
    "event_hash": ("事件哈希", "Event hash"),
    "content_hash": ("内容哈希", "Content hash"),
    "signed_hash": ("签名所针对的内容哈希（与现内容不符）", "Content signed (NOT the entry now)"),
    "by": ("操作人", "By"),
    "unanchored": ("未见于审计链", "NOT ON THE AUDIT CHAIN"),
    "no_events": ("无记录", "nothing recorded"),
    "events_count": ("共 {n} 个事件", "{n} events"),
    "page": ("第 {n} 页 共 {total} 页", "Page {n} of {total}"),
    # the actions of the chain
    "act_register_pair": ("刻录登记", "Burned and registered"),
    "act_verify_medium": ("回读校验", "Read back and checked"),
    "act_fixity_failed": ("定期回读未通过", "Fixity read-back failed"),
    "act_handover": ("移交保管", "Handed over"),
    "act_request_retrieval": ("申请调取", "Retrieval requested"),
    "act_decide_retrieval": ("审批调取", "Retrieval decided"),
    "act_retrieve": ("调取", "Retrieved"),
    "act_return": ("归还", "Returned"),
    "act_request_unseal": ("申请启封", "Unsealing requested"),
    "act_decide_approval": ("审批启封", "Unsealing decided"),
    "act_unseal": ("启封", "Unsealed"),
    "act_reseal": ("重新封存", "Resealed"),
    "act_reproduce_duplicate": ("重新制作副本", "Duplicate reproduced"),
    "act_ack_incident": ("负责人签收报告", "Report acknowledged"),
    "act_register_court_request": ("登记法院/检察院调取", "Court request registered"),
    "act_court_transfer": ("移送法院/检察院", "Transferred to the court"),
    "act_court_item_reason": ("调取项目办结", "Request item closed"),
    "act_court_late": ("调取逾期", "Court request late"),
    "act_ack_court_late": ("负责人签收逾期", "Lateness acknowledged"),
    "act_archive_handover": ("移交档案部门", "Handed to the archives"),
    "act_set_location": ("变更存放位置", "Shelf changed"),
    "act_correct": ("更正", "Corrected"),
    "act_supplement_incident": ("补充说明", "Supplement"),
    "act_mark_late": ("超时标记", "Marked late"),
    "act_report_missing": ("清点未找到", "Reported missing"),
    # the entries
    "tbl_media": ("光盘登记", "Disc"),
    "tbl_verifications": ("回读校验", "Read-back"),
    "tbl_handovers": ("移交登记", "Handover"),
    "tbl_seal_events": ("封存登记", "Seal entry"),
    "tbl_approvals": ("启封申请", "Unseal request"),
    "tbl_approval_decisions": ("启封审批", "Unseal decision"),
    "tbl_unseal_grounds": ("启封依据", "Grounds"),
    "tbl_retrieval_requests": ("调取申请", "Retrieval request"),
    "tbl_retrieval_decisions": ("调取审批", "Retrieval decision"),
    "tbl_retrieval_request_uses": ("调取依据", "Approval used"),
    "tbl_retrievals": ("调取登记", "Retrieval"),
    "tbl_returns": ("归还登记", "Return"),
    "tbl_return_checks": ("归还校验", "Return check"),
    "tbl_incidents": ("情况报告", "Incident"),
    "tbl_incident_acks": ("负责人签收", "Acknowledgement"),
    "tbl_corrections": ("更正/补充", "Correction / supplement"),
    "tbl_court_requests": ("法院/检察院调取", "Court request"),
    "tbl_court_request_items": ("调取项目", "Request item"),
    "tbl_court_transfers": ("移送登记", "Court transfer"),
    "tbl_court_item_closures": ("项目办结", "Item closed"),
    "tbl_court_late_marks": ("逾期标记", "Late mark"),
    "tbl_archive_handovers": ("移交档案", "Archive handover"),
    "tbl_location_changes": ("存放位置", "Shelf"),
    "tbl_original_uses": ("正本使用", "Use of the original"),
    "tbl_reseal_inspections": ("重新封存检查", "Reseal inspection"),
    "tbl_reproductions": ("副本重制", "Reproduction"),
    "tbl_late_marks": ("超时标记", "Late mark"),
    "tbl_medium_findings": ("发现情况", "Finding"),
    # facts and their values
    "volume_id": ("卷标", "Volume id"),
    "purpose": ("用途", "Purpose"),
    "result": ("结果", "Result"),
    "files_checked": ("校验文件数", "Files checked"),
    "read_errors": ("读取错误", "Read errors"),
    "drive": ("光驱", "Drive"),
    "seal_kind": ("类别", "Kind"),
    "reason": ("事由", "Reason"),
    "requested_by": ("申请人", "Requested by"),
    "decision": ("决定", "Decision"),
    "doubted_by": ("提出质疑者", "Doubted by"),
    "doubt": ("质疑内容", "Doubt"),
    "est_usage_hours": ("预计使用小时数", "Est. usage (hours)"),
    "request_no": ("申请号", "Request no."),
    "verification": ("校验", "Verification"),
    "verification_no": ("校验记录号", "Read-back no."),
    "unchecked_reason": ("未校验原因", "Why not checked"),
    "corrected_entry": ("更正对象", "Entry corrected"),
    "field": ("字段", "Field"),
    "old_value": ("原值", "Was"),
    "new_value": ("新值", "Now"),
    "reason_text": ("理由", "Reason"),
    "org_kind": ("机关类别", "Kind"),
    "transfer_no": ("移送号", "Transfer no."),
    "open_items": ("未办结项目", "Open items"),
    "user": ("使用人", "Used by"),
    "replaced": ("被替换副本", "Replaced"),
    "new_duplicate": ("新副本", "New duplicate"),
    "late_kind": ("超时类别", "Late"),
    "finding": ("情况", "Finding"),
    "manifest_sha256": ("清单哈希", "Manifest SHA-256"),
    "purpose_burn": ("刻录回读", "read-back after burning"),
    "purpose_return": ("归还回读", "read-back on return"),
    "purpose_on_demand": ("随时回读", "read-back on demand"),
    "purpose_fixity": ("定期回读", "fixity read-back"),
    "unreadable": ("无法读取", "unreadable"),
    "approved": ("同意", "approved"),
    "refused": ("不同意", "refused"),
    "seal": ("封存", "sealed"),
    "unseal": ("启封", "unsealed"),
    "reseal": ("重新封存", "resealed"),
    "handover": ("移交", "handover"),
    "burned": ("已刻录", "burned"),
    "in_custody": ("在库", "in custody"),
    "sealed": ("已封存", "sealed"),
    "unsealed": ("已启封", "unsealed"),
    "out": ("已调出", "out"),
    "transferred": ("已移送", "transferred"),
    "archived": ("已移交档案", "archived"),
    "retired": ("已替换", "retired"),
    "recipient": ("接收人", "Recipient"),
}


def w(key: str, lang: str, **kw: object) -> str:
    """This document's word for ``key``, else the shared one (``i18n.t``)."""
    pair = _W.get(key)
    if pair is None:
        return t(key, lang, **kw)
    s = pair[0] if lang == "zh" else pair[1]
    return s.format(**kw) if kw else s


# ------------------------------------------------------------------ layout
@dataclass(frozen=True)
class _Line:
    """One line of a cell: segments of (text, font, size) set one after the other."""

    parts: tuple[tuple[str, str, float], ...]

    @property
    def height(self) -> float:
        return max(p[2] for p in self.parts) * 0.3528 * LINE


_Cell = list[_Line]


def _mono_width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, MONO, size))


def _text(text: str, width_mm: float, size: float = SIZE, max_lines: int = 12) -> list[_Line]:
    font = ensure_font()
    return [_Line(((s, font, size),)) for s in wrap(text, width_mm * MM, size, max_lines)]


def _hash_line(label: str, value: str, width_mm: float, indent: str = "") -> list[_Line]:
    """A label then a hash in Courier; on two lines when the column is too narrow."""
    font = ensure_font()
    head = f"{indent}{label} "
    if text_width(head, SIZE) + _mono_width(value, MONO_SIZE) <= width_mm * MM:
        return [_Line(((head, font, SIZE), (value, MONO, MONO_SIZE)))]
    half = len(value) // 2
    return [
        _Line(((head, font, SIZE), (value[:half], MONO, MONO_SIZE))),
        _Line(((indent + "  ", font, SIZE), (value[half:], MONO, MONO_SIZE))),
    ]


def _pretty(code: str) -> str:
    if len(code) == 16:
        return f"{code[0:4]}-{code[4:8]}-{code[8:14]}-{code[14]}-{code[15]}"
    return code


#: facts whose values are words of their own: a read-back's purpose, a late mark's kind,
#: the table a correction is of
_PREFIX = {"purpose": "purpose_", "late_kind": "late_", "corrected_entry": "tbl_"}


def _fact(f: Mapping[str, Any], lang: str) -> str:
    label, value = str(f["label"]), str(f["value"])
    if f.get("enum"):
        key = _PREFIX.get(label, "") + value
        value = w(key, lang) if w(key, lang) != key else w(value, lang)
    return f"{w(label, lang)}{colon(lang)}{value}"


def _event_cells(n: int, ev: Mapping[str, Any], lang: str, several: bool) -> list[_Cell]:
    c = colon(lang)
    wd = [x - 2 * PAD for x in WIDTHS]
    date, _, time = str(ev["at"]).partition(" ")
    action = str(ev.get("action") or "")
    what = w(f"act_{action}", lang) if action else w("unanchored", lang)
    event = _text(what, wd[2], 8.0, 3)
    if several or not ev.get("codes"):
        for code in ev.get("codes") or ():
            event += _text(_pretty(str(code)), wd[2], 6.5, 1)
    if ev.get("actor_name"):
        event += _text(f"{w('by', lang)}{c}{ev['actor_name']} ({ev['actor_badge']})", wd[2])
    if ev.get("seq"):
        event += _text(w("event_no", lang, seq=ev["seq"]), wd[2])
    detail: list[_Line] = []
    if ev.get("hash"):
        detail += _hash_line(w("event_hash", lang), str(ev["hash"]), wd[3])
    sep = "；" if lang == "zh" else "; "
    for e in ev.get("entries") or ():
        head = f"■ {w('tbl_' + str(e['table']), lang)} #{e['id']}"
        if several and e.get("codes") and len(ev.get("codes") or ()) > 1:
            head += " " + ", ".join(_pretty(str(x)) for x in e["codes"])
        facts = sep.join(_fact(f, lang) for f in e.get("facts") or ())
        detail += _text(f"{head}{c}{facts}" if facts else head, wd[3])
        if e.get("content_sha256"):
            detail += _hash_line(w("content_hash", lang), str(e["content_sha256"]), wd[3], "  ")
        for g in e.get("signatures") or ():
            detail += _text(
                f"  {t(str(g['capacity']), lang)}{c}{g['name']} ({g['badge']})  "
                f"{g['signed_at']}  {t('signed_electronically', lang)}",
                wd[3],
            )
            if g.get("content_sha256") and g["content_sha256"] != e.get("content_sha256"):
                # the entry is not what was signed (`keeper audit verify` names it)
                detail += _hash_line(w("signed_hash", lang), str(g["content_sha256"]), wd[3], "  ")
    return [
        _text(str(n), wd[0]),
        _text(date, wd[1]) + (_text(time, wd[1]) if time else []),
        event,
        detail,
    ]


def _row_height(cells: Sequence[_Cell]) -> float:
    return max(sum(x.height for x in cell) for cell in cells) + 2 * PAD


def _split(cells: list[_Cell], room: float) -> tuple[list[_Cell], list[_Cell]]:
    """The lines of a row that fit ``room`` mm, and the rest (a row taller than a page)."""
    head: list[_Cell] = []
    rest: list[_Cell] = []
    for cell in cells:
        used, k = 2 * PAD, 0
        while k < len(cell) and used + cell[k].height <= room:
            used += cell[k].height
            k += 1
        head.append(cell[:k])
        rest.append(cell[k:])
    return head, rest


class _Page:
    def __init__(self) -> None:
        self.rows: list[list[_Cell]] = []


def _top_of_table(first: bool, info_h: float) -> float:
    """Where the column headers start, from the page's bottom (mm)."""
    return PAGE_H - MARGIN - 10.0 - (info_h if first else 0.0)


def _paginate(rows: list[list[_Cell]], info_h: float, header_h: float) -> list[_Page]:
    pages = [_Page()]
    y = _top_of_table(True, info_h) - header_h
    full = _top_of_table(False, 0.0) - header_h - BODY_BOTTOM
    for cells in rows:
        while True:
            h = _row_height(cells)
            if y - h >= BODY_BOTTOM:
                pages[-1].rows.append(cells)
                y -= h
                break
            if h > full and y - BODY_BOTTOM > 20.0:  # taller than a page: split at a line
                head, cells = _split(cells, y - BODY_BOTTOM)
                pages[-1].rows.append(head)
                # the rest says which event it goes on: its number, time and action again
                cells = [
                    c or h_[:limit] for c, h_, limit in zip(cells, head, (9, 9, 1, 0), strict=True)
                ]
            pages.append(_Page())
            y = _top_of_table(False, 0.0) - header_h
    return pages


def _info_lines(data: Mapping[str, Any], lang: str) -> list[_Line]:
    c = colon(lang)
    width = PAGE_W - 2 * MARGIN
    scope = str(data.get("scope", "disc"))
    ref = str(data.get("ref", ""))
    lines = _text(
        f"{w('scope', lang)}{c}{w('scope_' + scope, lang)} "
        f"{_pretty(ref) if scope != 'case' else ref}",
        width,
        9.0,
    )
    lines += _text(
        f"{t('case_number', lang)}{c}{data.get('case_no', '')}    {t('case_name', lang)}{c}"
        f"{data.get('case_name', '')}    {w('department', lang)}{c}{data.get('department', '')}",
        width,
        9.0,
    )
    for d in data.get("discs") or ():
        parts = [
            _pretty(str(d["code"])),
            w(str(d["copy_role"]), lang),
            w(str(d["status"]), lang),
            f"{t('burned_at', lang)}{c}{d.get('burned_at', '')}",
        ]
        if d.get("seal_no"):
            parts.append(f"{t('seal_no', lang)}{c}{d['seal_no']}")
        if d.get("location"):
            parts.append(f"{t('location', lang)}{c}{d['location']}")
        lines += _text(f"{w('discs', lang)}{c}" + "  ".join(parts), width, 8.0)
    head = data.get("head") or {}
    lines += _text(f"{w('head', lang)}{c}{w('event_no', lang, seq=head.get('seq', 0))}", width, 8.0)
    lines += _hash_line(w("event_hash", lang), str(head.get("hash", "")), width)
    lines += _text(f"{w('head_qr', lang)}{c}{head.get('qr', '')}", width, 7.0)
    count = w("events_count", lang, n=len(data.get("events") or ()))
    lines += _text(
        f"{t('printed_by', lang)}{c}{data.get('printed_by', '')}    {t('printed_at', lang)}{c}"
        f"{data.get('printed_at', '')}    {count}",
        width,
        8.0,
    )
    lines += _text(w("how", lang), width, 7.0, 6)
    return lines


def custody_report_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    """The report for ``data`` (``asdict(services.custody_report.custody_report(...))``)."""
    check_lang(lang)
    title = w("title", lang)
    events = list(data.get("events") or ())
    several = len(data.get("discs") or ()) > 1
    names = [(t("case_name", lang), str(data.get("case_name", "")))] + [
        (str(g["capacity"]), str(g["name"]))
        for ev in events
        for e in ev.get("entries") or ()
        for g in e.get("signatures") or ()
    ]
    problems, warnings = coverage_warnings(sorted(set(names)), lang)
    headers = [
        _text(t("col_no", lang), WIDTHS[0] - 2 * PAD),
        _text(w("col_time", lang), WIDTHS[1] - 2 * PAD),
        _text(w("col_event", lang), WIDTHS[2] - 2 * PAD),
        _text(w("col_detail", lang), WIDTHS[3] - 2 * PAD),
    ]
    header_h = _row_height(headers)
    info = _info_lines(data, lang)
    info_h = sum(x.height for x in info) + 3.0
    rows = [_event_cells(i + 1, ev, lang, several) for i, ev in enumerate(events)]
    if not rows:
        rows = [[[], [], _text(w("no_events", lang), WIDTHS[2]), []]]
    pages = _paginate(rows, info_h, header_h)
    head = data.get("head") or {}
    qr = str(head.get("qr") or "")
    footer = f"{t('audit_head', lang, seq=head.get('seq', 0))} {head.get('hash', '')}"
    c = new_canvas(out, (PAGE_W * MM, PAGE_H * MM), title)
    xs = [MARGIN]
    for width in WIDTHS:
        xs.append(xs[-1] + width)
    with binary_streams():
        for n, page in enumerate(pages, start=1):
            top = PAGE_H - MARGIN
            if qr:  # at the top right, above the table and its quiet zone clear of it
                draw_head_qr(c, qr, PAGE_W - MARGIN, top + 1.0 - qr_side_mm(qr))
            c.setFont(ensure_font(), 13 if n == 1 else 9)
            c.drawString(MARGIN * MM, (top - 5.0) * MM, title)
            if n > 1:
                c.setFont(ensure_font(), 8)
                c.drawString(
                    (MARGIN + text_width(title, 9) / MM + 4) * MM,
                    (top - 5.0) * MM,
                    f"{data.get('case_no', '')} {_pretty(str(data.get('ref', '')))}",
                )
            y = top - 10.0
            if n == 1:
                y = _draw_lines(c, info, MARGIN, y) - 3.0
            y = _draw_row(c, headers, xs, y, shade=True)
            for cells in page.rows:
                y = _draw_row(c, cells, xs, y)
            c.setFont(ensure_font(), 6.5)
            c.drawString(MARGIN * MM, FOOTER_Y * MM, footer)
            c.setFont(ensure_font(), 8)
            c.drawRightString(
                (PAGE_W - MARGIN) * MM, FOOTER_Y * MM, w("page", lang, n=n, total=len(pages))
            )
            c.showPage()
        save(c)
    return Rendered(pages=len(pages), warnings=warnings, coverage=problems, media="A4")


def _draw_lines(c: Any, lines: Sequence[_Line], x: float, y: float) -> float:
    for line in lines:
        y -= line.height
        _draw_line(c, line, x, y + 0.25 * line.height)
    return y


def _draw_line(c: Any, line: _Line, x: float, y: float) -> None:
    pos = x * MM
    for text, font, size in line.parts:
        c.setFont(font, size)
        c.drawString(pos, y * MM, text)
        pos += _mono_width(text, size) if font == MONO else text_width(text, size)


def _draw_row(
    c: Any, cells: Sequence[_Cell], xs: Sequence[float], top: float, shade: bool = False
) -> float:
    h = _row_height(cells)
    c.setLineWidth(0.4)
    if shade:
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(xs[0] * MM, (top - h) * MM, (xs[-1] - xs[0]) * MM, h * MM, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
    for k, cell in enumerate(cells):
        c.rect(xs[k] * MM, (top - h) * MM, (xs[k + 1] - xs[k]) * MM, h * MM)
        _draw_lines(c, cell, xs[k] + PAD, top - PAD)
    return top - h
