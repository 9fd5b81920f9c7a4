"""A PDF page as a picture, for the preview: rasterised by poppler's ``pdftoppm`` (PySide6-
Essentials has no QtPdf) through Keeper's one runner of external programs
(``keeper_app.burning.jobs.ProcessJob``): a pdftoppm that hangs is stopped after its timeout.
Call it off the GUI thread."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from keeper_app.burning.jobs import JobState, Preparation, ProcessJob

from .errors import PrintError

PREVIEW_DPI = 96
TIMEOUT_S = 120.0
PDFTOPPM = "pdftoppm"


class PdftoppmJob(ProcessJob):
    """One page of a PDF into ``<out_stem>.png``."""

    program = PDFTOPPM
    grace_seconds = 2.0
    timeout_seconds = TIMEOUT_S

    def __init__(self, pdf: Path, page: int, dpi: int, out_stem: Path, timeout: float = TIMEOUT_S):
        super().__init__()
        self.pdf, self.page, self.dpi, self.out_stem = Path(pdf), page, dpi, Path(out_stem)
        self.timeout_seconds = timeout
        self.messages: list[str] = []

    def prepare(self) -> Preparation:
        exe = shutil.which(PDFTOPPM)
        if exe is None:
            return Preparation.refuse(
                "no_preview_tool",
                "pdftoppm is not installed (Debian package poppler-utils): no preview, "
                "but saving and printing work",
            )
        p = str(self.page)
        return Preparation.ready(
            [
                exe,
                "-png",
                "-r",
                str(self.dpi),
                "-f",
                p,
                "-l",
                p,
                "-singlefile",
                str(self.pdf),
                str(self.out_stem),
            ]
        )

    def on_line(self, stream: str, line: str) -> None:
        self.messages.append(line)

    def timeout_message(self) -> str:
        return f"the preview could not be made: pdftoppm took more than {self.timeout_seconds:g} s"


def rasterise(
    pdf: Path, page: int = 1, dpi: int = PREVIEW_DPI, timeout: float = TIMEOUT_S
) -> bytes:
    """Page ``page`` of ``pdf`` as PNG bytes."""
    with tempfile.TemporaryDirectory(prefix="keeper-preview-") as tmp:
        out = Path(tmp) / "page"
        job = PdftoppmJob(Path(pdf), page, dpi, out, timeout)
        r = job.run()
        if r.state == JobState.NOT_STARTED and r.code == "no_preview_tool":
            raise PrintError(r.code, r.message)
        if r.code == "timeout":
            raise PrintError("preview_failed", r.message)
        png = out.with_suffix(".png")
        data = png.read_bytes() if r.ok and png.is_file() else b""
        if not data.startswith(b"\x89PNG"):
            said = "; ".join(job.messages[-3:]) or r.message
            raise PrintError("preview_failed", f"the preview could not be made: {said}")
        return data
