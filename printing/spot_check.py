"""The spot check report (issue 16; supervision Art. 261), A4 portrait, for the department
head: the draw (when, by whom, the audit chain's head that seeded it, the population's size
and digest, the size rule), each drawn disc with its outcome and who signed it, and the
closing. Given the dict of ``services.spot_checks.show`` (with ``audit``: the head now)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .common import Rendered, Target
from .i18n import t
from .reports import _pretty, _render

_W: dict[str, tuple[str, str]] = {
    "title": ("光盘抽查报告", "Spot check report"),
    "intro": (
        "本次抽查的样本由保管员抽取，但不由任何人挑选：以抽取时审计链链头为种子，"
        "对排序后的在库复制件光盘按 sha256(链头‖序号) 依次抽取，持有链头和总体即可复核。"
        "原件光盘封存，不因抽查启封（第十八条）。抽中的光盘由保管员以外的法制审核人员或"
        "部门负责人逐张回读、与登记的文件清单核对并签名；不一致或无法读取的，标记为损坏并报告"
        "该案办案部门负责人。",
        "The keeper drew this sample, but nobody picked it: it is drawn from the audit chain's "
        "head at the moment of the draw, over the duplicates in custody sorted by code, pick k "
        "being sha256(head || k); anyone holding the head and the population can redo it. "
        "Sealed originals are not opened for it (Art. 18). Each drawn disc is read back "
        "against its registered manifest and signed by a reviewer or a department head, never "
        "a keeper; a disc that does not match or cannot be read is marked damaged and "
        "reported to the head of its case's department.",
    ),
    "no": ("抽查编号", "Spot check no."),
    "drawn_at": ("抽取时间", "Drawn at"),
    "drawn_by": ("抽取人（保管员）", "Drawn by (keeper)"),
    "head": ("种子：审计链链头", "Seed: audit chain head"),
    "population": ("总体（在库复制件）", "Population (duplicates in custody)"),
    "digest": ("总体摘要（SHA-256）", "Population digest (SHA-256)"),
    "size": ("样本量", "Sample size"),
    "rule_default": ("按规则 max(3, ⌈√n⌉)，至多 20", "by rule max(3, ceil(sqrt(n))), at most 20"),
    "rule_chosen": ("指定", "chosen"),
    "discs": ("抽中光盘及核对结果", "Discs drawn and their outcomes"),
    "col_no": ("序", "#"),
    "col_code": ("光盘编号", "Disc"),
    "col_location": ("存放位置", "Shelf"),
    "col_outcome": ("核对结果", "Outcome"),
    "col_checked": ("核对人及时间", "Checked by, at"),
    "col_detail": ("说明", "Details"),
    "not_checked": ("未核对", "not checked"),
    "unreadable": ("无法读取", "UNREADABLE"),
    "incident": ("已报告事故 #", "incident #"),
    "closing": ("抽查结论", "Outcome of the spot check"),
    "open": ("尚未结束", "not closed yet"),
    "all_match": ("全部一致", "all discs match"),
    "findings": ("发现问题", "FINDINGS"),
    "incomplete": ("未全部核对", "incomplete"),
    "closed_by": ("结束人及时间", "Closed by, at"),
    "counts": ("已核对／不一致或无法读取／未核对", "Checked / failed / not checked"),
    "reason": ("未核对原因", "Why not checked"),
    "files": ("个文件", " files"),
    "read_errors": ("读错误", "read errors"),
}


def w(key: str, lang: str) -> str:
    pair = _W[key]
    return pair[0] if lang == "zh" else pair[1]


def _outcome(o: Any, lang: str) -> str:
    if o is None:
        return w("not_checked", lang)
    if o == "unreadable":
        return w("unreadable", lang)
    return t(str(o), lang)


def spot_check_report_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    title = w("title", lang)
    items = list(data.get("items") or [])
    closing = data.get("closing")

    def body(f: Any) -> None:
        f.title(title)
        f.text(w("intro", lang), 8.5)
        rule = w("rule_default" if data.get("size_rule") == "default" else "rule_chosen", lang)
        f.kv(
            [
                (w("no", lang), f"#{data.get('id', '')}"),
                (w("drawn_at", lang), str(data.get("at", ""))),
                (w("drawn_by", lang), str(data.get("drawn_by", ""))),
                (w("head", lang), f"{data.get('head_seq', '')}  {data.get('head_hash', '')}"),
                (w("population", lang), str(data.get("population", ""))),
                (w("digest", lang), str(data.get("population_sha256", ""))),
                (w("size", lang), f"{data.get('sample_size', '')} ({rule})"),
            ],
            label_mm=42.0,
        )
        f.text(w("discs", lang), 10)
        rows = []
        for i in items:
            detail = []
            if i.get("files_checked") is not None:
                detail.append(f"{i['files_checked']}{w('files', lang)}")
            if i.get("read_errors"):
                detail.append(f"{w('read_errors', lang)} {i['read_errors']}")
            detail += [str(p) for p in i.get("problems") or []]
            if i.get("incident"):
                detail.append(f"{w('incident', lang)}{i['incident']}")
            rows.append(
                [
                    str(i.get("position", "")),
                    _pretty(str(i.get("code", ""))),
                    str(i.get("location", "")),
                    _outcome(i.get("outcome"), lang),
                    f"{i.get('checker', '')} {i.get('checked_at', '')}".strip(),
                    "; ".join(detail),
                ]
            )
        f.table(
            [
                w(k, lang)
                for k in (
                    "col_no",
                    "col_code",
                    "col_location",
                    "col_outcome",
                    "col_checked",
                    "col_detail",
                )
            ],
            rows,
            [8, 38, 20, 22, 36, 60],
        )
        f.text(w("closing", lang), 10)
        if closing:
            kv = [
                (w("closing", lang), w(str(closing.get("outcome", "")), lang)),
                (w("closed_by", lang), f"{closing.get('by', '')}  {closing.get('at', '')}"),
                (
                    w("counts", lang),
                    f"{closing.get('checked', 0)} / {closing.get('failed', 0)} / "
                    f"{closing.get('unchecked', 0)}",
                ),
            ]
            if closing.get("reason"):
                kv.append((w("reason", lang), str(closing["reason"])))
            kv += [(t("signatures", lang), str(g)) for g in closing.get("signatures") or []]
            f.kv(kv, label_mm=42.0)
        else:
            f.text(w("open", lang), 9)
        f.sign_boxes([t("checker", lang), t("dept_head", lang)])

    texts = [(w("drawn_by", lang), str(data.get("drawn_by", "")))] + [
        (w("col_checked", lang), str(i.get("checker", ""))) for i in items
    ]
    if closing and closing.get("reason"):
        texts.append((w("reason", lang), str(closing["reason"])))
    return _render(out, title, lang, data, texts, body)
