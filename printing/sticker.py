"""The correction sticker for the seal bag (issue 14): an A6 page to stick on the original's
sealed bag when a label field of the pair was corrected — the discs, the seal number, the field
with its old and its new value, why, who corrected it and when (signed electronically), a box
for the keeper's hand signature, and the audit chain's head. Given the dict of
``services.documents.correction_sticker``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .barcodes import MM
from .common import Rendered, Target, binary_streams, coverage_warnings, new_canvas, save
from .forms import Form
from .i18n import check_lang, t

A6 = (105.0, 148.0)

_W: dict[str, tuple[str, str]] = {
    "title": ("光盘标签更正贴", "Label correction"),
    "intro": (
        "本对光盘标签的下列项目已更正，正本与副本登记记录同时更正，原记录保留。",
        "This label field was corrected on both discs of the pair; the old entry is kept.",
    ),
    "correction_no": ("更正编号", "Correction no."),
    "discs": ("光盘", "Discs"),
    "field": ("更正项目", "Field"),
    "old_value": ("原内容", "Was"),
    "new_value": ("更正为", "Now"),
    "reason": ("更正原因", "Reason"),
    "at": ("更正时间", "Corrected at"),
}


def w(key: str, lang: str) -> str:
    pair = _W[key]
    return pair[0] if lang == "zh" else pair[1]


def correction_sticker_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    check_lang(lang)
    title = w("title", lang)
    discs = "  ".join(
        f"{d.get('code', '')} ({t(str(d.get('copy_role', '')), lang)})"
        for d in data.get("discs") or []
    )
    rows = [
        (w("correction_no", lang), f"#{data.get('id', '')}"),
        (t("case_number", lang), str(data.get("case_no", ""))),
        (w("discs", lang), discs),
        (t("seal_no", lang), str(data.get("seal_no", ""))),
        (w("field", lang), t(str(data.get("field", "")), lang)),
        (w("old_value", lang), str(data.get("old_value", ""))),
        (w("new_value", lang), str(data.get("new_value", ""))),
        (w("reason", lang), str(data.get("reason", ""))),
        (t("corrector", lang), f"{data.get('by', '')} ({data.get('by_badge', '')})"),
        (w("at", lang), str(data.get("at", ""))),
    ]
    problems, warnings = coverage_warnings(rows, lang)
    c = new_canvas(out, (A6[0] * MM, A6[1] * MM), title)
    with binary_streams():
        f = Form(c, lang, width_mm=A6[0], height_mm=A6[1], margin_mm=7.0, audit=None)
        f.title(title, 12.0)
        f.text(w("intro", lang), 7.0)
        f.kv(rows, label_mm=22.0, size=7.5)
        f.signatures(data.get("signatures") or [])
        f.sign_boxes([t("keeper", lang)], height_mm=12.0)
        a = data.get("audit") or {}
        if a:
            f.text(t("audit_head", lang, seq=a.get("seq", 0)), 5.5, gap=0.0)
            f.text(str(a.get("hash", "")), 5.5)
        pages = f.finish()
        save(c)
    return Rendered(pages=pages, warnings=warnings, coverage=problems)
