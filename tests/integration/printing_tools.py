"""Looking at printed PDFs the way a person or a scanner would: text with pdftotext (and its
word boxes), pages rasterised with pdftoppm, barcodes read with zbarimg, bars measured on
the raster. Shared by tests/integration/test_printing_*.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

MM_PER_PT = 25.4 / 72.0


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: run scripts/install-deps.sh"
    return path


def pdf_text(pdf: Path, page: int | None = None) -> str:
    args = [tool("pdftotext"), "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True, timeout=120)
    return out.stdout.decode("utf-8")


def squash(text: str) -> str:
    """Text without white space (pdftotext spaces CJK and splits lines as it likes)."""
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    out = subprocess.run(
        [tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert m, out
    return int(m.group(1))


@dataclass
class Word:
    text: str
    x0: float  # mm from the page's left edge
    y0: float  # mm from the top edge
    x1: float
    y1: float


def words(pdf: Path, page: int = 1) -> list[Word]:
    """Every word with its box, in mm from the top-left of the page."""
    out = subprocess.run(
        [
            tool("pdftotext"),
            "-bbox",
            "-enc",
            "UTF-8",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            "-",
        ],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout.decode("utf-8")
    found = []
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
        r'yMax="([\d.]+)">([^<]*)</word>',
        out,
    ):
        x0, y0, x1, y1 = (float(m.group(i)) * MM_PER_PT for i in range(1, 5))
        found.append(Word(m.group(5), x0, y0, x1, y1))
    return found


def rasterise(
    pdf: Path,
    out_stem: Path,
    *,
    dpi: int = 300,
    page: int = 1,
    crop_mm: tuple[float, float, float, float] | None = None,
) -> Path:
    """Page ``page`` as a grey image at ``dpi``; ``crop_mm`` = (left, top, width, height)
    from the page's top-left corner, in mm."""
    args = [
        tool("pdftoppm"),
        "-r",
        str(dpi),
        "-gray",
        "-singlefile",
        "-f",
        str(page),
        "-l",
        str(page),
    ]
    if crop_mm is not None:
        px = dpi / 25.4
        x, y, w, h = crop_mm
        args += [
            "-x",
            str(int(x * px)),
            "-y",
            str(int(y * px)),
            "-W",
            str(int(w * px)),
            "-H",
            str(int(h * px)),
        ]
    subprocess.run([*args, str(pdf), str(out_stem)], check=True, capture_output=True, timeout=120)
    return out_stem.with_suffix(".pgm")


def decode(image: Path) -> list[str]:
    """Every Code 128 symbol zbarimg reads in ``image``."""
    r = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Scode128.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 4), r.stderr  # 4: nothing found
    return [line.strip() for line in r.stdout.splitlines() if line.strip()]


def dark_box(image: Path, threshold: int = 128) -> tuple[float, float, float, float] | None:
    """Bounding box (left, top, right, bottom) in pixels of the dark pixels of ``image``."""
    im = Image.open(image).point(lambda v: 255 if v < threshold else 0)
    return im.getbbox()
