"""Drawn signature images in the register: read when their row is drawn, embedded small.

An 8-bit grey or RGB PNG that is not interlaced and has no transparency is embedded as it
is: its IDAT data is already a zlib stream with PNG row filters, which PDF reads with
``/FlateDecode`` and ``/Predictor 15`` — no decoding, no re-compression, ~2 KB per signature.
Any other image (with alpha, palette, 16-bit, JPEG, ...) is decoded with Pillow, put on white,
turned grey and shrunk to at most :data:`MAX_PX` before reportlab embeds it — about ten times
slower. Store drawn signatures as grey PNG to get the fast path.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Callable
from typing import Any

MAX_PX = (240, 80)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

SignatureLoader = Callable[[int], bytes | None]


def png_passthrough(png: bytes) -> tuple[int, int, int, bytes] | None:
    """(width, height, colours, zlib data) of a PNG that PDF can show as it is, else None."""
    if not png.startswith(PNG_MAGIC):
        return None
    pos, n = 8, len(png)
    header = None
    idat: list[bytes] = []
    while pos + 8 <= n:
        length, ctype = struct.unpack(">I4s", png[pos : pos + 8])
        data = png[pos + 8 : pos + 8 + length]
        if ctype == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif ctype == b"IDAT":
            idat.append(data)
        elif ctype in (b"tRNS", b"PLTE"):
            return None
        elif ctype == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        return None
    w, h, depth, colour, _comp, _filt, interlace = header
    if depth != 8 or colour not in (0, 2) or interlace != 0 or w == 0 or h == 0:
        return None
    return w, h, (1 if colour == 0 else 3), b"".join(idat)


def _png_xobject_class() -> Any:
    from reportlab.pdfbase.pdfdoc import (
        PDFDictionary,
        PDFImageXObject,
        PDFName,
        PDFStream,
    )

    class PngXObject(PDFImageXObject):  # type: ignore[misc]
        """An image XObject whose stream is a PNG's IDAT data, read by PDF viewers with
        the PNG predictor."""

        def __init__(self, name: str, w: int, h: int, colours: int, data: bytes):
            super().__init__(name)
            self.width, self.height = w, h
            self.bitsPerComponent = 8
            self.colorSpace = "DeviceGray" if colours == 1 else "DeviceRGB"
            self.streamContent = data
            self._colours = colours
            self.mask = None

        def format(self, document: Any) -> bytes:
            s = PDFStream(content=self.streamContent, filters=[])
            d = s.dictionary
            d["Type"] = PDFName("XObject")
            d["Subtype"] = PDFName("Image")
            d["Width"] = self.width
            d["Height"] = self.height
            d["BitsPerComponent"] = 8
            d["ColorSpace"] = PDFName(self.colorSpace)
            d["Filter"] = PDFName("FlateDecode")  # a name: DecodeParms is then one dict
            d["DecodeParms"] = PDFDictionary(
                {
                    "Predictor": 15,
                    "Colors": self._colours,
                    "BitsPerComponent": 8,
                    "Columns": self.width,
                }
            )
            return bytes(s.format(document))

    return PngXObject


class SignatureImages:
    """Draws drawn signatures into a canvas, each distinct image embedded once."""

    def __init__(self, canv: Any, load: SignatureLoader | None):
        self.canv = canv
        self.load = load
        self.failed = 0
        self._xobj = _png_xobject_class()
        self._sizes: dict[str, tuple[int, int]] = {}

    def draw(self, sig_id: int, x: float, y: float, w: float, h: float) -> bool:
        """Fit the image of signature ``sig_id`` into the box (points), centred; False if
        there is none or it cannot be read."""
        if self.load is None:
            return False
        png = self.load(sig_id)
        if not png:
            return False
        name = "sig" + hashlib.sha1(png).hexdigest()
        c = self.canv
        doc = c._doc
        reg = doc.getXObjectName(name)
        size = self._sizes.get(name)
        if size is None:
            size = self._embed(png, name, reg)
            if size is None:
                self.failed += 1
                return False
            self._sizes[name] = size
        iw, ih = size
        scale = min(w / iw, h / ih)
        dw, dh = iw * scale, ih * scale
        c._code.append(
            f"q {dw:.2f} 0 0 {dh:.2f} {x + (w - dw) / 2:.2f} {y + (h - dh) / 2:.2f} cm /{reg} Do Q"
        )
        c._formsinuse.append(name)
        c._currentPageHasImages = 1
        return True

    def _embed(self, png: bytes, name: str, reg: str) -> tuple[int, int] | None:
        doc = self.canv._doc
        raw = png_passthrough(png)
        if raw is not None:
            w, h, colours, data = raw
            obj = self._xobj(name, w, h, colours, data)
        else:
            im = _decode_small(png)
            if im is None:
                return None
            from reportlab.lib.utils import ImageReader
            from reportlab.pdfbase.pdfdoc import PDFImageXObject

            obj = PDFImageXObject(name, ImageReader(im))
            w, h = im.size
        obj.name = name
        doc.Reference(obj, reg)
        doc.addForm(name, obj)
        return w, h


def normalize_signature_png(png: bytes, max_px: tuple[int, int] = (480, 160)) -> bytes:
    """A drawn signature as Keeper should store it: on white, grey, at most ``max_px``, as
    an 8-bit grey PNG (which the register embeds without decoding — ten times faster than
    an RGBA PNG with a transparent background, as a Qt ARGB32 pad saves it). Call it once
    when the signature is captured."""

    im = _decode_small(png, max_px)
    if im is None:
        raise ValueError("not an image")
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    out = buf.getvalue()
    assert png_passthrough(out) is not None
    return out


def _decode_small(data: bytes, max_px: tuple[int, int] = MAX_PX) -> Any:
    from PIL import Image, UnidentifiedImageError

    im: Any
    try:
        im = Image.open(io.BytesIO(data))
        im.draft("L", max_px)
        im.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        bg.alpha_composite(im)
        im = bg
    im = im.convert("L")
    if im.width > max_px[0] or im.height > max_px[1]:
        f = max(im.width / max_px[0], im.height / max_px[1])
        im = im.resize(
            (max(1, int(im.width / f)), max(1, int(im.height / f))), Image.Resampling.BOX
        )
    return im
