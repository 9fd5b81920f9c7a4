"""A Code 128 barcode drawn on screen (python-barcode gives the modules; QPainter draws them),
for the scanner check in Settings: the keeper scans it off the screen."""

from __future__ import annotations

import barcode
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 10  # modules of white on each side


class BarcodeView(QWidget):
    def __init__(
        self, text: str, module_px: int = 2, height: int = 70, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.text = text
        self.modules = "".join(barcode.get("code128", text).build())
        self.module_px = module_px
        self.setFixedSize(QSize((len(self.modules) + 2 * QUIET) * module_px, height))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        black = QColor("black")
        x = QUIET * self.module_px
        for m in self.modules:
            if m == "1":
                p.fillRect(x, 4, self.module_px, self.height() - 8, black)
            x += self.module_px
        p.end()
