"""The record of an inventory session (issue 16; Art. 20, Art. 261 of the supervision seed),
A4 portrait: where and when, the keeper and the witness, the expected population with each
observation, the media found that were not expected, the discrepancies and the heads they
were reported to, the electronic signatures and boxes for signing by hand. Takes the dict
``services.inventory.record`` returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .common import Rendered, Target
from .forms import Form
from .i18n import t
from .reports import _pretty, _render

#: the words of this document (zh, en)
_L: dict[str, tuple[str, str]] = {
    "title": ("光盘保管盘点记录", "Inventory record — recording discs"),
    "session": ("盘点编号", "Inventory"),
    "where": ("盘点范围", "Location"),
    "whole_room": ("全部存放位置", "the whole room"),
    "started": ("开始时间", "Started"),
    "closed": ("结束时间", "Closed"),
    "open": ("未结束", "not closed"),
    "expected": ("应在清单", "Expected population"),
    "unexpected": ("不应在此的光盘", "Found, not expected here"),
    "discrepancies": ("差异及报告", "Discrepancies and reports"),
    "status_start": ("开始时登记状态", "Status at start"),
    "observed": ("核查结果", "Observation"),
    "out_on": ("调出/移交记录", "Out on"),
    "reported_to": ("报告对象", "Reported to"),
    "resolve_by": ("处理期限", "Resolve by"),
    "resolved": ("处理情况", "Resolved"),
    "none": ("无", "none"),
    "no_case": ("未登记，无所属案件", "not registered: no case"),
    "totals": (
        "应在 {e} 件，不应在此 {u} 件，差异 {d} 项",
        "{e} expected, {u} unexpected, {d} discrepancies",
    ),
    "shelf": ("在架核对", "on the shelf"),
    "sealed": ("封存完好", "sealed, seal intact"),
    "seal_broken": ("封条不完好", "SEAL NOT INTACT"),
    "out": ("已调出/移交（经核对）", "out on record (confirmed)"),
    "missing": ("未找到", "NOT LOCATED"),
    "not_located": ("未找到", "not located"),
    "unexpected_kind": ("不应在此", "unexpected"),
    "read_match": ("回读一致", "read back: match"),
    "read_mismatch": ("回读不一致", "read back: MISMATCH"),
    "read_unreadable": ("回读失败", "read back: unreadable"),
    "in_custody": ("在库", "in custody"),
    "unsealed": ("已启封", "unsealed"),
    "transferred": ("已移交法院/检察院", "transferred"),
    "out_status": ("已调出", "out"),
    "sealed_status": ("封存", "sealed"),
}


def _w(key: str, lang: str, **kw: object) -> str:
    zh, en = _L[key]
    s = zh if lang == "zh" else en
    return s.format(**kw) if kw else s


def _status(status: str, lang: str) -> str:
    key = {"out": "out_status", "sealed": "sealed_status"}.get(status, status)
    return _w(key, lang) if key in _L else status


def _kind(kind: str | None, lang: str) -> str:
    if not kind:
        return ""
    if kind == "unexpected":
        return _w("unexpected_kind", lang)
    return _w(kind, lang) if kind in _L else kind


def _read_back(r: Mapping[str, Any], lang: str) -> str:
    """The disc's read-back during the session, if one was made."""
    if not r.get("read_back"):
        return ""
    return f"; {_w('read_' + str(r['read_back']), lang)}"


def inventory_report_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    title = _w("title", lang)
    exp = list(data.get("expected") or [])
    unexp = list(data.get("unexpected") or [])
    disc = list(data.get("discrepancies") or [])

    def body(f: Form) -> None:
        f.title(title)
        closed = data.get("closed_at") if data.get("closed") else _w("open", lang)
        f.kv(
            [
                (_w("session", lang), f"#{data['id']}"),
                (_w("where", lang), str(data.get("location") or _w("whole_room", lang))),
                (t("keeper", lang), f"{data.get('keeper', '')} ({data.get('keeper_badge', '')})"),
                (
                    t("witness", lang),
                    f"{data.get('witness', '')} ({data.get('witness_badge', '')})"
                    if data.get("witness")
                    else "",
                ),
                (_w("started", lang), str(data.get("started_at", ""))),
                (_w("closed", lang), str(closed or "")),
            ]
        )
        f.text(_w("totals", lang, e=len(exp), u=len(unexp), d=len(disc)), 9)
        f.text(_w("expected", lang), 10)
        f.table(
            [
                t("col_no", lang),
                t("medium_id", lang),
                t("case_number", lang),
                t("location", lang),
                _w("status_start", lang),
                _w("observed", lang),
                _w("out_on", lang),
            ],
            [
                [
                    str(i + 1),
                    _pretty(str(r["code"])),
                    str(r.get("case_no") or ""),
                    str(r.get("location") or ""),
                    _status(str(r.get("status") or ""), lang),
                    _kind(r.get("kind"), lang) + _read_back(r, lang),
                    str(r.get("out_on") or "") if r.get("status") in ("out", "transferred") else "",
                ]
                for i, r in enumerate(exp)
            ],
            [8, 34, 20, 18, 18, 30, 26],
        )
        f.text(_w("unexpected", lang), 10)
        if unexp:
            f.table(
                [
                    t("col_no", lang),
                    t("medium_id", lang),
                    t("case_number", lang),
                    t("status", lang),
                    t("location", lang),
                ],
                [
                    [
                        str(i + 1),
                        _pretty(str(r["code"])),
                        str(r.get("case_no") or _w("no_case", lang)),
                        _status(str(r.get("status") or ""), lang),
                        str(r.get("location") or ""),
                    ]
                    for i, r in enumerate(unexp)
                ],
                [8, 40, 34, 24, 30],
            )
        else:
            f.text(_w("none", lang), 9)
        f.text(_w("discrepancies", lang), 10)
        if disc:
            f.table(
                [
                    t("col_no", lang),
                    _w("observed", lang),
                    t("medium_id", lang),
                    t("case_number", lang),
                    _w("reported_to", lang),
                    _w("resolve_by", lang),
                    _w("resolved", lang),
                ],
                [
                    [
                        str(d["id"]),
                        _kind(str(d["kind"]), lang),
                        _pretty(str(d["code"])),
                        str(d.get("case_no") or ""),
                        f"{d['head']} ({d['head_badge']})" if d.get("head") else "",
                        str(d.get("due_at") or ""),
                        f"{d.get('resolved_at') or ''} {d.get('resolution') or ''}".strip(),
                    ]
                    for d in disc
                ],
                [10, 18, 32, 20, 26, 30, 22],
            )
        else:
            f.text(_w("none", lang), 9)
        if data.get("signatures"):
            f.signatures(data["signatures"])
        f.sign_boxes([t("keeper", lang), t("witness", lang)])

    texts = [(t("keeper", lang), str(data.get("keeper", "")))] + [
        (t("location", lang), str(r.get("location", ""))) for r in [*exp, *unexp]
    ]
    return _render(out, title, lang, data, texts, body)
