"""The key form (issue 10, point 2): a person's signing key certified on paper. Given the
dict of ``services.enrolment.key_form``: who the person is, why and when the key was made,
its fingerprint in large type, and boxes for the person and the administrator to sign."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .barcodes import MM
from .common import Rendered, Target
from .forms import Form
from .i18n import t
from .reports import _render


def key_form_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    title = t("key_form_title", lang)
    sep = "、" if lang == "zh" else ", "

    def body(f: Form) -> None:
        f.title(title)
        f.text(t("key_form_intro", lang), 9)
        f.kv(
            [
                (t("kf_name", lang), str(data["name"])),
                (t("kf_badge", lang), str(data["badge"])),
                (t("kf_unit", lang), str(data.get("unit", ""))),
                (t("kf_department", lang), str(data.get("department", ""))),
                (t("kf_roles", lang), sep.join(t(r, lang) for r in data.get("roles", []))),
                (t("kf_reason", lang), t(str(data.get("reason", "")), lang)),
                (t("kf_made_at", lang), str(data.get("made_at", ""))),
                (t("kf_key_no", lang), str(data.get("key_no", ""))),
            ]
        )
        f.text(t("kf_fingerprint", lang), 10)
        groups = str(data["fingerprint"]).split()
        f.need(22)
        f.c.setFont("Courier-Bold", 13)
        for i in range(0, len(groups), 8):
            f.y -= 7.0
            f.c.drawString(f.m * MM, f.y * MM, "  ".join(groups[i : i + 8]))
        f.y -= 5.0
        f.text(t("kf_check", lang), 8)
        f.y -= 4.0
        f.sign_boxes([t("kf_person_sig", lang), t("kf_admin_sig", lang)], height_mm=24.0)

    texts = [(t("kf_name", lang), str(data["name"])), (t("kf_unit", lang), str(data.get("unit")))]
    texts.append((t("kf_department", lang), str(data.get("department", ""))))
    return _render(out, title, lang, data, texts, body)
