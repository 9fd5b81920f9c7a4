"""The audit chain head as a QR code on every printed page (issue 10, 1b): on each page of a
multi-page register and of a multi-page form, read back by zbarimg from the page rasterised at
300 dpi, the same text as the footer's head; nothing printed inside its quiet zone, even next
to a long unit name."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from printing_tools import dark_box, page_count, pdf_text, rasterise, squash, tool

from printing import register as reg
from printing.common import new_canvas, save
from printing.forms import Form
from printing.headqr import QUIET_MODULES, qr_matrix, qr_side_mm
from printing.reports import A4

pytestmark = pytest.mark.realtool

HASH = "0f1e2d3c4b5a6978" * 4
AUDIT = {"seq": 4321, "hash": HASH, "qr": f"KH1-4321-{HASH.upper()}"}
DPI = 300


def qr_codes(image: Path) -> list[str]:
    r = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 4), r.stderr  # 4: nothing found
    return [line.strip() for line in r.stdout.splitlines() if line.strip()]


def check_pages(pdf: Path, tmp_path: Path, right_mm: float, top_mm: float) -> int:
    """Every page: one QR code, the head's text, the footer's head, a clear quiet zone.
    ``right_mm``/``top_mm``: the symbol's right and top edges from the page's top-left."""
    side = qr_side_mm(AUDIT["qr"], DPI)
    quiet = QUIET_MODULES * side / len(qr_matrix(AUDIT["qr"]))
    pages = page_count(pdf)
    for page in range(1, pages + 1):
        whole = rasterise(pdf, tmp_path / f"p{page}", dpi=DPI, page=page)
        assert qr_codes(whole) == [AUDIT["qr"]], page
        assert HASH in squash(pdf_text(pdf, page)), page  # the footer prints the same head
        box = (right_mm - side - quiet, top_mm - quiet, side + 2 * quiet, side + 2 * quiet)
        zone = rasterise(pdf, tmp_path / f"z{page}", dpi=DPI, page=page, crop_mm=box)
        dark = dark_box(zone)
        assert dark is not None
        px = DPI / 25.4
        # the dark pixels in the quiet zone's square are the symbol's, within a dot or two
        want = (quiet * px, quiet * px, (quiet + side) * px, (quiet + side) * px)
        assert all(abs(a - b) <= 3 for a, b in zip(dark, want, strict=True)), (dark, want)
    return pages


def test_every_register_page_carries_the_head_as_a_qr_code(tmp_path: Path) -> None:
    doc = {
        "rows": [{"no": i} for i in range(40)],
        "audit": AUDIT,
        "unit": "某某省某某市公安局某某分局刑事侦查大队第三中队",  # a long name next to it
        "filter": {},
    }
    pdf = tmp_path / "register.pdf"
    assert reg.register_pdf(doc, pdf).pages >= 3
    top = reg.PAGE_H - (reg.PAGE_H - reg.MARGIN - 9.0 + 1.5) - qr_side_mm(AUDIT["qr"], DPI)
    assert check_pages(pdf, tmp_path, reg.PAGE_W - reg.MARGIN, top) >= 3


def test_every_page_of_a_form_carries_the_head_as_a_qr_code(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    c = new_canvas(pdf, A4, "form")
    f = Form(c, "en", audit=AUDIT, header="A long list")
    f.title("A long list")
    for i in range(150):
        f.text(f"line {i}: " + "text " * 25)
    save_pages = f.finish()
    save(c)
    assert save_pages >= 3
    top = 297.0 - (297.0 - f.m + 1.5) - qr_side_mm(AUDIT["qr"], DPI)
    assert check_pages(pdf, tmp_path, 210.0 - f.m, top) == save_pages


def test_a_page_without_a_head_text_has_no_qr_code(tmp_path: Path) -> None:
    pdf = tmp_path / "plain.pdf"
    c = new_canvas(pdf, A4, "plain")
    f = Form(c, "en", audit={"seq": 1, "hash": HASH})
    f.text("no QR text given: no code drawn")
    f.finish()
    save(c)
    assert qr_codes(rasterise(pdf, tmp_path / "plain", dpi=DPI)) == []
