"""A PDF's pages shown as pictures. PySide6-Essentials has no QtPdf, so each page is
rasterised with poppler's ``pdftoppm`` (:func:`printing.preview.rasterise`) off the GUI thread,
one page when it is first shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from printing import PrintError
from printing.preview import PREVIEW_DPI, rasterise

from ..errors import refusal
from ..ops import Ops

__all__ = ["PREVIEW_DPI", "PdfPreview", "rasterise"]


class PdfPreview(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.pdf: Path | None = None
        self.pages = 0
        self.page = 0
        self._images: dict[int, QImage] = {}
        self._asked: set[int] = set()
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setObjectName("preview_picture")
        self.picture.setStyleSheet("background:#8a8f96;")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.picture)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setMinimumSize(420, 420)
        self.prev_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        self.where = QLabel()
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.where)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll_area, 1)
        lay.addLayout(nav)
        self.clear(self.tr("Making the document…"))

    def clear(self, text: str = "") -> None:
        self.pdf, self.pages, self.page = None, 0, 0
        self._images.clear()
        self._asked.clear()
        self.picture.setPixmap(QPixmap())
        self.picture.setText(text)
        self._nav()

    def show_pdf(self, pdf: Path, pages: int, first_png: bytes | None = None) -> None:
        self.clear()
        self.pdf, self.pages = pdf, pages
        if first_png is not None:
            self._loaded(pdf, 1, first_png)
        self.go(1)

    def go(self, page: int) -> None:
        if self.pdf is None or not 1 <= page <= self.pages:
            return
        self.page = page
        self._nav()
        if page in self._images:
            self._draw()
            return
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("Drawing page %1…").replace("%1", str(page)))
        if page in self._asked:
            return
        self._asked.add(page)
        pdf = self.pdf
        self.ops.run(
            lambda _n: rasterise(pdf, page),
            success=lambda png: self._loaded(pdf, page, png),
            failure=self._failed,
            owner=self,
            with_db=False,
        )

    def _loaded(self, pdf: Path, page: int, png: Any) -> None:
        if pdf != self.pdf:
            return  # a page of an earlier version of the document
        img = QImage.fromData(png)  # a PNG: the format is read from its signature
        if img.isNull():
            self._failed(PrintError("preview_failed", "the preview could not be read"))
            return
        self._images[page] = img
        if page == self.page:
            self._draw()

    def _failed(self, exc: BaseException) -> None:
        self.picture.setPixmap(QPixmap())
        self.picture.setText(refusal(exc).text())

    def _nav(self) -> None:
        self.where.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.page)).replace("%2", str(self.pages))
            if self.pages
            else ""
        )
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < self.pages)

    def _draw(self) -> None:
        img = self._images.get(self.page)
        if img is None:
            return
        width = max(200, self.scroll_area.viewport().width() - 24)
        pix = QPixmap.fromImage(img)
        if pix.width() > width:
            pix = pix.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.picture.setText("")
        self.picture.setPixmap(pix)

    def has_page(self, page: int) -> bool:
        return page in self._images

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self._draw()
