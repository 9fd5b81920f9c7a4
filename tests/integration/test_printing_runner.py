"""lp and the preview's pdftoppm through the one runner of external programs: a print system
that accepts the connection but never answers, and a PDF that never comes (a FIFO nobody
writes), each stop the real tool after its timeout with a message that says so, and leave no
process behind."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from printing import PrintError, cups
from printing.preview import rasterise

pytestmark = pytest.mark.realtool


def running_with(arg: str) -> list[int]:
    """Live processes with ``arg`` on their command line."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{name}/cmdline").read_bytes().split(b"\0")
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if arg.encode() in cmd and state not in "ZX":
            found.append(int(name))
    return found


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "page.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "Keeper")
    c.save()
    return path


@pytest.fixture
def deaf_cups(tmp_path: Path) -> Iterator[str]:
    """A socket where a scheduler would be: it takes connections and never answers."""
    path = str(tmp_path / "deaf-cups.sock")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    s.listen(16)
    try:
        yield path
    finally:
        s.close()


def test_lp_is_stopped_when_the_print_system_does_not_answer(pdf: Path, deaf_cups: str) -> None:
    job = cups.LpJob(pdf, "KeeperPDF", server=deaf_cups, timeout=2)
    job.argv = [cups._tool("lp"), "-h", deaf_cups, "-d", "KeeperPDF", "--", str(pdf)]
    with pytest.raises(PrintError) as e:
        job.run()
    assert e.value.code == "cups_timeout"
    assert "lp did not answer within 2 s" in str(e.value)
    assert running_with(deaf_cups) == []


def test_the_preview_is_made_by_pdftoppm(pdf: Path) -> None:
    png = rasterise(pdf, 1, dpi=30)
    assert png.startswith(b"\x89PNG")


def test_a_preview_that_never_comes_is_given_up(tmp_path: Path) -> None:
    fifo = tmp_path / "never.pdf"
    os.mkfifo(fifo)  # pdftoppm waits for a writer that never comes
    with pytest.raises(PrintError) as e:
        rasterise(fifo, 1, timeout=1)
    assert e.value.code == "preview_failed" and "took more than 1 s" in str(e.value)
    assert running_with(str(fifo)) == []


def test_a_damaged_pdf_says_why_there_is_no_preview(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really\n")
    with pytest.raises(PrintError) as e:
        rasterise(bad)
    assert e.value.code == "preview_failed" and "could not be made" in str(e.value)
