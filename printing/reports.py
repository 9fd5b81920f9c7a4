"""Receipts and reports (A4 portrait): the handover receipt (with the 24-hour rule), the
incident report to the department head, the court/procuratorate transfer list and the
archive handover list. Each takes the dict its ``services.documents`` function returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .barcodes import MM, draw_code128
from .common import Rendered, Target, binary_streams, coverage_warnings, new_canvas, save
from .forms import Form
from .i18n import check_lang, colon, t

A4 = (210.0 * MM, 297.0 * MM)


def _pretty(code: str) -> str:
    if len(code) == 16:
        return f"{code[0:4]}-{code[4:8]}-{code[8:14]}-{code[14]}-{code[15]}"
    return code


def _render(
    out: Target,
    title: str,
    lang: str,
    data: Mapping[str, Any],
    texts: list[tuple[str, str]],
    body: Callable[[Form], None],
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    check_lang(lang)
    problems, warnings = coverage_warnings(texts, lang)
    c = new_canvas(out, A4, title, page_shift_mm=page_shift_mm)
    with binary_streams():
        form = Form(c, lang, audit=data.get("audit"), header=title)
        body(form)
        pages = form.finish()
        save(c)
    return Rendered(pages=pages, warnings=warnings, coverage=problems)


def handover_receipt_pdf(
    data: Mapping[str, Any],
    out: Target,
    *,
    lang: str = "zh",
    dpi: int = 300,
    page_shift_mm: tuple[float, float] = (0.0, 0.0),
) -> Rendered:
    """The handover of a pair from the case handler to the keeper (Art. 17), the 24-hour
    rule and whether it was kept, both discs' ids as barcodes, the signatures."""
    title = t("handover_title", lang)
    c_ = colon(lang)
    label = data.get("label") or {}

    def body(f: Form) -> None:
        f.title(title)
        f.text(
            f"{t('entry_ref', lang)}{c_}{data['id']}    {t('case_number', lang)}{c_}"
            f"{data['case_no']}    {data.get('department', '')}",
            9,
        )
        f.text(t("handover_rule", lang), 9)
        late = bool(data.get("late"))
        elapsed = f"{data.get('elapsed_hours')} {t('hours', lang)} — " + (
            t("late_24h", lang) if late else t("within_24h", lang)
        )
        rows = [
            (t("case_name", lang), str(data.get("case_name", ""))),
            (t("person_interrogated", lang), label.get("person_interrogated", "")),
            (t("production_unit", lang), label.get("production_unit", "")),
            (t("producer", lang), label.get("producer", "")),
            (t("original", lang), _pretty(str(data["original"]))),
            (t("duplicate", lang), _pretty(str(data["duplicate"]))),
            (t("disc_type", lang), str(data.get("disc_type", ""))),
            (t("burned_at", lang), str(data.get("burned_at", ""))),
            (t("handed_over_at", lang), str(data.get("at", ""))),
            (t("elapsed", lang), elapsed),
        ]
        if late:
            rows.append((t("late_reason", lang), str(data.get("late_reason", ""))))
        rows += [
            (t("seal_no", lang), str(data.get("seal_no", ""))),
            (t("original_location", lang), str(data.get("original_location", ""))),
            (t("duplicate_location", lang), str(data.get("duplicate_location", ""))),
        ]
        if data.get("note"):
            rows.append((t("note", lang), str(data["note"])))
        f.kv(rows)
        # both ids as barcodes, side by side
        f.need(22)
        top = f.y
        for i, key in enumerate(("original", "duplicate")):
            cx = f.m + (f.w - 2 * f.m) * (0.25 + 0.5 * i)
            box = draw_code128(f.c, str(data[key]), cx, top - 12.0, height_mm=10.0, dpi=dpi)
            f.c.setFont(f.font, 8)
            f.c.drawCentredString(
                cx * MM, (box.y_mm - 3.5) * MM, f"{t(key, lang)} {_pretty(str(data[key]))}"
            )
        f.y = top - 20.0
        f.text(t("signatures", lang), 10)
        f.signatures(data.get("signatures") or [])
        f.sign_boxes([t("case_handler", lang), t("keeper", lang)])

    texts = [(t("case_name", lang), str(data.get("case_name", "")))] + [
        (t(k, lang), str(v)) for k, v in label.items()
    ]
    return _render(out, title, lang, data, texts, body, page_shift_mm)


def incident_report_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    """Damage, replacement or loss reported to the head of the case department (Art. 20):
    what, when, which disc, the inspection, who reported it, the acknowledgement."""
    title = t("incident_title", lang)

    def body(f: Form) -> None:
        f.title(title)
        rows = [
            (t("entry_ref", lang), f"#{data['id']}"),
            (t("incident_to", lang), str(data.get("reported_to", ""))),
            (t("incident_kind", lang), t(str(data.get("kind", "")), lang)),
            (t("incident_at", lang), str(data.get("at", ""))),
            (
                t("medium_id", lang),
                f"{_pretty(str(data['code']))} ({t(str(data.get('copy_role', '')), lang)})",
            ),
            (t("case_number", lang), str(data.get("case_no", ""))),
            (t("case_name", lang), str(data.get("case_name", ""))),
            (t("incident_desc", lang), str(data.get("description", ""))),
            (t("reported_by", lang), str(data.get("reported_by", ""))),
        ]
        rows += [
            (t("incident_supplement", lang), f"{x.get('at', '')} {x.get('by', '')}: {x['text']}")
            for x in data.get("supplements") or []
        ]
        f.kv(rows)
        r = data.get("retrieval")
        if r:
            f.text(t("retrieval", lang), 10)
            f.kv(
                [
                    (t("col_retriever", lang), f"{r.get('retriever', '')} ({r.get('unit', '')})"),
                    (t("col_out", lang), str(r.get("out_at", ""))),
                    (t("col_reason", lang), t(str(r.get("reason", "")), lang)),
                    (t("col_returned", lang), str(r.get("returned_at", ""))),
                    (t("returned_by", lang), str(r.get("returned_by", ""))),
                    (
                        t("col_inspection", lang),
                        f"{t(str(r.get('inspection', '')), lang)}, "
                        f"{t(str(r.get('verification', '')), lang)}",
                    ),
                ]
            )
        f.signatures(data.get("signatures") or [])
        ack = data.get("acknowledged")
        f.text(t("acknowledged", lang), 10)
        if ack:
            f.kv(
                [
                    (
                        t("acknowledged", lang),
                        f"{ack.get('by', '')}  {ack.get('at', '')}  {ack.get('note', '')}",
                    )
                ]
            )
            f.signatures(ack.get("signatures") or [])
        else:
            f.text(t("not_acknowledged", lang), 9)
        f.sign_boxes([t("reported_by", lang), t("acknowledged", lang)])

    texts = [
        (t(k, lang), str(data.get(k, "")))
        for k in ("description", "case_name", "reported_by", "reported_to")
    ]
    return _render(out, title, lang, data, texts, body)


def court_transfer_list_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    """The discs transferred to a court or procuratorate for one request (Art. 19), with the
    3-day limit, each transfer's time and signers."""
    title = t("court_title", lang)

    def body(f: Form) -> None:
        f.title(title)
        f.kv(
            [
                (
                    t("requesting_org", lang),
                    f"{data.get('org_name', '')} ({t(str(data.get('org_kind', '')), lang)})",
                ),
                (t("document_no", lang), str(data.get("document_no", ""))),
                (t("requested_at", lang), str(data.get("requested_at", ""))),
                (t("due_by", lang), str(data.get("due_at", ""))),
                (t("case_number", lang), str(data.get("case_no", ""))),
                (t("case_name", lang), str(data.get("case_name", ""))),
                (t("request_state", lang), _court_state(data, lang)),
            ]
        )
        asked = data.get("asked") or []
        if asked:
            f.text(t("asked_title", lang), 10)
            f.table(
                [t("col_no", lang), t("asked_item", lang), t("item_state", lang), ""],
                [
                    [
                        str(i + 1),
                        _item_what(a, lang),
                        _item_state(a, lang),
                        t("late_mark", lang) if a.get("late") else "",
                    ]
                    for i, a in enumerate(asked)
                ],
                [8, 62, 70, 12],
            )
        items = data.get("items") or []
        f.table(
            [
                t("col_no", lang),
                t("medium_id", lang),
                t("copy_role", lang),
                t("person_interrogated", lang),
                t("transferred_at", lang),
                t("recipient", lang),
                t("keeper", lang),
            ],
            [
                [
                    str(i + 1),
                    it["pretty"],
                    t(it["copy_role"], lang),
                    it.get("person_interrogated", ""),
                    it.get("at", "") + (f" {t('late_mark', lang)}" if it.get("late") else ""),
                    f"{it.get('recipient', '')} {it.get('recipient_org', '')}",
                    it.get("keeper", ""),
                ]
                for i, it in enumerate(items)
            ],
            [8, 34, 12, 22, 26, 34, 16],
        )
        f.text(f"{t('count', lang)}{colon(lang)}{len(items)}", 9)
        for it in items:
            f.signatures(it.get("signatures") or [])
        f.sign_boxes([t("recipient", lang), t("keeper", lang)])

    texts = [(t("case_name", lang), str(data.get("case_name", "")))] + [
        (t("recipient", lang), str(it.get("recipient", ""))) for it in data.get("items") or []
    ]
    return _render(out, title, lang, data, texts, body)


def _court_state(data: Mapping[str, Any], lang: str) -> str:
    """Issue 14: a request is done once each item ended; late for good past 3 days."""
    state = t("request_open", lang) if data.get("open") else t("request_done", lang)
    return f"{state}, {t('request_late', lang)}" if data.get("late") else state


def _item_what(a: Mapping[str, Any], lang: str) -> str:
    """A disc asked for by its code; a recording by its number, person, role and start."""
    if a.get("medium_code"):
        return str(a.get("medium_pretty") or a["medium_code"])
    if a.get("person_name"):
        role = t(f"person_role_{a.get('person_role')}", lang)
        return (
            f"{t('recording_no', lang, n=a.get('recording_id'))} {a['person_name']} "
            f"({role}) {a.get('started_at', '')}"
        )
    return str(a.get("what", ""))


def _item_state(a: Mapping[str, Any], lang: str) -> str:
    when = f" ({a['closed_at']})" if a.get("closed_at") else ""
    if a.get("transferred_code"):
        code = a.get("transferred_pretty") or a["transferred_code"]
        return t("item_transferred", lang, code=code) + when
    if a.get("closed"):
        return t("item_reason", lang, reason=a.get("reason") or "") + when
    return t("item_open", lang)


def archive_handover_list_pdf(
    data: Mapping[str, Any], out: Target, *, lang: str = "zh"
) -> Rendered:
    """The discs of a concluded case handed to the archives department (Art. 16)."""
    title = t("archive_title", lang)

    def body(f: Form) -> None:
        f.title(title)
        f.kv(
            [
                (t("case_number", lang), str(data.get("case_no", ""))),
                (t("case_name", lang), str(data.get("case_name", ""))),
                (t("concluded_at", lang), str(data.get("concluded_at", ""))),
                (t("handed_over_at", lang), str(data.get("at", ""))),
                (t("keeper", lang), str(data.get("keeper", ""))),
                (
                    t("receiver", lang),
                    f"{data.get('receiver', '')} {data.get('receiver_department', '')}",
                ),
            ]
        )
        items = data.get("items") or []
        f.table(
            [
                t("col_no", lang),
                t("medium_id", lang),
                t("copy_role", lang),
                t("person_interrogated", lang),
                t("production_time", lang),
                t("seal_no", lang),
                t("location", lang),
            ],
            [
                [
                    str(i + 1),
                    it["pretty"],
                    t(it["copy_role"], lang),
                    it.get("person_interrogated", ""),
                    it.get("production_time", ""),
                    it.get("seal_no", ""),
                    it.get("location", ""),
                ]
                for i, it in enumerate(items)
            ],
            [8, 34, 12, 22, 26, 24, 20],
        )
        f.text(f"{t('count', lang)}{colon(lang)}{len(items)}", 9)
        f.signatures(data.get("signatures") or [])
        f.sign_boxes([t("keeper", lang), t("receiver", lang)])

    texts = [(t("case_name", lang), str(data.get("case_name", "")))]
    return _render(out, title, lang, data, texts, body)
