"""A pad to draw a handwritten signature with a mouse, a finger (touch) or a pen (tablet,
with pressure). The drawing is kept as a PNG with the signature (printed on register pages
later); it confirms nothing by itself — the signer's password does."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#10204a")


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(360, 140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._image = QImage(self._size(), QImage.Format.Format_ARGB32)
        self._image.fill(Qt.GlobalColor.transparent)
        self._last: QPointF | None = None
        self._strokes = 0
        self._bounds = QRectF()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 160)

    def _size(self) -> QSize:
        return self.size().expandedTo(QSize(480, 160))

    # ------------------------------------------------------------------ drawing
    def is_empty(self) -> bool:
        return self._strokes == 0

    def clear(self) -> None:
        self._image.fill(Qt.GlobalColor.transparent)
        self._strokes = 0
        self._last = None
        self._bounds = QRectF()
        self.update()
        self.changed.emit()

    def begin(self, p: QPointF) -> None:
        self._last = p
        self._strokes += 1
        self.line_to(p, 0.5)

    def line_to(self, p: QPointF, pressure: float = 0.5) -> None:
        if self._last is None:
            self._last = p
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(
            INK,
            1.2 + 3.2 * max(0.05, min(pressure, 1.0)),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        painter.drawLine(self._last, p)
        painter.end()
        self._bounds = self._bounds.united(QRectF(p, p).adjusted(-1, -1, 1, 1))
        self._last = p
        self.update()

    def end(self) -> None:
        self._last = None
        self.changed.emit()

    def to_png(self) -> bytes | None:
        """The drawing cropped to what was drawn, as PNG bytes; None when nothing was."""
        if self.is_empty():
            return None
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        crop = self._bounds.toAlignedRect().adjusted(-8, -8, 8, 8) & QRect(
            0, 0, self._image.width(), self._image.height()
        )
        # PySide takes the format as str here; its stub says bytes, which it refuses at run time
        self._image.copy(crop).save(buf, "PNG")  # type: ignore[call-overload]
        buf.close()
        return bytes(data.data())

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            self.begin(ev.position())

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.buttons() & Qt.MouseButton.LeftButton:
            self.line_to(ev.position())

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            self.end()

    def tabletEvent(self, ev: QTabletEvent) -> None:  # noqa: N802
        t = ev.type()
        if t == QEvent.Type.TabletPress:
            self.begin(ev.position())
        elif t == QEvent.Type.TabletMove and self._last is not None:
            self.line_to(ev.position(), ev.pressure())
        elif t == QEvent.Type.TabletRelease:
            self.end()
        ev.accept()

    def event(self, ev: QEvent) -> bool:
        t = ev.type()
        if t in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(ev, QTouchEvent)
            pts = ev.points()
            if pts:
                p = pts[0].position()
                if t == QEvent.Type.TouchBegin:
                    self.begin(p)
                elif t == QEvent.Type.TouchUpdate:
                    self.line_to(p, pts[0].pressure() or 0.5)
                else:
                    self.end()
            ev.accept()
            return True
        return super().event(ev)

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#fbfbf7"))
        p.setPen(QPen(QColor("#b8b8b0"), 1, Qt.PenStyle.DashLine))
        y = self.height() - 28
        p.drawLine(16, y, self.width() - 16, y)
        p.drawImage(0, 0, self._image)
        p.setPen(QColor("#999"))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802
        if self._image.size() != self._size():
            bigger = QImage(self._size(), QImage.Format.Format_ARGB32)
            bigger.fill(Qt.GlobalColor.transparent)
            p = QPainter(bigger)
            p.drawImage(0, 0, self._image)
            p.end()
            self._image = bigger
        super().resizeEvent(ev)
