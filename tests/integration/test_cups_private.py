"""The tests' private cupsd leaves the machine's CUPS as it found it (issue 12, 9): its
cups-pdf queue prints into the test's folder, with settings that exist only in cupsd's own
mount namespace — nothing of the tests is ever written under the machine's /etc/cups."""

from __future__ import annotations

from pathlib import Path

import pytest
from cups_helpers import PRINTER, printed
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from printing import cups

pytestmark = pytest.mark.realtool


def test_the_private_queue_prints_and_etc_cups_holds_nothing_of_it(cups_server, tmp_path):
    before = sorted(p.name for p in Path("/etc/cups").iterdir())
    pdf = tmp_path / "page.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawString(72, 720, "keeper test page")
    c.save()
    job = cups.print_pdf(pdf, PRINTER, title="keeper test page", server=cups_server.socket)
    out = printed(cups_server, job)  # cups-pdf wrote where the private settings say
    assert out.is_relative_to(cups_server.out) and out.stat().st_size > 0
    assert [p.name for p in Path("/etc/cups").glob("cups-pdf-keepertest*")] == []
    assert sorted(p.name for p in Path("/etc/cups").iterdir()) == before
