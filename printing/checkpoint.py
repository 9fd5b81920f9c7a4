"""The daily checkpoint slip (issue 10, 1e), one A4 page to be filed with the paper register:
the unit, when it was taken, the audit chain's head (sequence number, the head event's time,
the full hash grouped for reading), a large QR code of the head (``KH1-<seq>-<hash>``), both
signers with their badges and key fingerprints, and boxes to sign by hand. Given the dict of
``services.checkpoints.slip``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .barcodes import MM
from .common import Rendered, Target, binary_streams, coverage_warnings, new_canvas, save
from .forms import Form
from .i18n import check_lang, colon, t

A4 = (210.0 * MM, 297.0 * MM)
QR_MM = 62.0

_W: dict[str, tuple[str, str]] = {
    "title": ("审计链每日检查点单", "Daily checkpoint of the audit chain"),
    "intro": (
        "本单记录审计链在下列时刻的链头（事件序号与哈希），由值班保管员取得、部门负责人会签，"
        "二人均以个人密钥电子签名，并在下方手写签名。本单与纸质登记簿一并归档；"
        "此后若审计链被截断、回滚或改写，将与本单不符。",
        "This slip records the head of the audit chain (event number and hash) at the time "
        "below, taken by the keeper on duty and countersigned by a department head, both "
        "signing electronically with their personal keys and by hand below. File it with the "
        "paper register: a chain later cut back, rolled back or rewritten will disagree with it.",
    ),
    "unit": ("单位", "Unit"),
    "checkpoint_no": ("检查点编号", "Checkpoint no."),
    "taken_at": ("取得时间", "Taken at"),
    "head_seq": ("链头事件序号", "Head event no."),
    "head_at": ("链头事件时间", "Head event time"),
    "head_hash": ("链头哈希（SHA-256）", "Head hash (SHA-256)"),
    "qr_text": ("二维码内容", "QR code text"),
    "fingerprint": ("密钥指纹", "Key fingerprint"),
    "signed_at": ("签名时间", "Signed at"),
    "file": ("导出文件", "Exported file"),
}


def w(key: str, lang: str) -> str:
    pair = _W[key]
    return pair[0] if lang == "zh" else pair[1]


def draw_qr(c: Any, text: str, x_mm: float, y_mm: float, size_mm: float) -> None:
    """A QR code of ``text`` (error correction M, its quiet zone included) with its
    lower-left corner at (x, y) mm."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    size = size_mm * MM
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    renderPDF.draw(d, c, x_mm * MM, y_mm * MM)


def checkpoint_slip_pdf(data: Mapping[str, Any], out: Target, *, lang: str = "zh") -> Rendered:
    check_lang(lang)
    title = w("title", lang)
    unit = data.get("unit") or {}
    signers = list(data.get("signers") or [])
    texts = [(w("unit", lang), str(unit.get("name", "")))] + [
        (t(str(g.get("capacity", "")), lang), str(g.get("name", ""))) for g in signers
    ]
    problems, warnings = coverage_warnings(texts, lang)
    c = new_canvas(out, A4, title)
    h = str(data.get("hash", ""))
    with binary_streams():
        f = Form(c, lang, audit=data.get("audit"), header=title)
        f.title(title)
        f.text(w("intro", lang), 9)
        f.kv(
            [
                (w("unit", lang), f"{unit.get('name', '')} ({unit.get('code', '')})"),
                (w("checkpoint_no", lang), f"#{data.get('id', '')}"),
                (w("taken_at", lang), str(data.get("at", ""))),
                (w("head_seq", lang), str(data.get("seq", ""))),
                (w("head_at", lang), str(data.get("head_at", ""))),
            ],
            label_mm=42.0,
        )
        # the hash, large and grouped: two lines of four groups of eight
        groups = [h[i : i + 8] for i in range(0, len(h), 8)]
        f.text(w("head_hash", lang) + colon(lang), 9, gap=0.5)
        for line in (" ".join(groups[:4]), " ".join(groups[4:])):
            f.need(7)
            f.y -= 6.0
            c.setFont("Courier-Bold", 14)
            c.drawCentredString(f.w / 2 * MM, f.y * MM, line)
        f.y -= 4.0
        # the QR code of the head, centred
        f.need(QR_MM + 8)
        top = f.y
        draw_qr(c, str(data.get("qr", "")), (f.w - QR_MM) / 2, top - QR_MM, QR_MM)
        c.setFont("Courier", 7)
        c.drawCentredString(f.w / 2 * MM, (top - QR_MM - 3) * MM, str(data.get("qr", "")))
        f.y = top - QR_MM - 7
        f.text(t("signatures", lang), 10)
        rows = []
        for g in signers:
            rows.append(
                (
                    t(str(g.get("capacity", "")), lang),
                    f"{g.get('name', '')} ({g.get('badge', '')})    {w('signed_at', lang)}"
                    f"{colon(lang)}{g.get('signed_at', '')}    {t('signed_electronically', lang)}"
                    f"\n{w('fingerprint', lang)}{colon(lang)}{g.get('fingerprint', '')}",
                )
            )
        f.kv(_lines(rows), label_mm=30.0, size=9.0)
        if data.get("file"):
            f.text(f"{w('file', lang)}{colon(lang)}{data['file']}", 8)
        f.text(t("hand_signatures", lang), 10)
        f.sign_boxes([t("keeper", lang), t("dept_head", lang)], height_mm=18.0)
        pages = f.finish()
        save(c)
    return Rendered(pages=pages, warnings=warnings, coverage=problems)


def _lines(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Form.kv wraps a value but keeps no line breaks: a signer's two lines as two rows."""
    out: list[tuple[str, str]] = []
    for label, value in rows:
        first, _, second = value.partition("\n")
        out.append((label, first))
        if second:
            out.append(("", second))
    return out
