"""A pad to sign on by hand: mouse, pen (tablet) or touch; the strokes are kept as vectors.

Points are recorded in the box of :mod:`smedesk.forms.strokes` (1000 × 400 units, y down),
whatever the pad's size on screen, so the sheet's PDF draws them back as paths at any scale.
The pad keeps the box's aspect ratio and letterboxes the rest of the widget.

Keyboard: the pad takes focus (Tab); Ctrl+Z takes back the last stroke, Delete or Backspace
clears all; the «撤销一笔» and «清除» buttons do the same and are reachable with Tab. A
keyboard-only user cannot draw; the sheet's digital signature (the key) does not depend on
the strokes' shape, only on someone having drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from smedesk.forms.strokes import BOX_HEIGHT, BOX_WIDTH, MAX_POINTS, Point, Stroke
from smedesk.ui.i18n import tr
from smedesk.ui.spacing import SPACING

INK = QColor("#0D1A73")
GUIDE = QColor("#B0B0B0")
#: A new point closer than this (in box units) to the last one is dropped: the pen shakes.
MIN_STEP = 1.5


class SignatureCanvas(QWidget):
    """The drawing surface. ``changed`` is emitted after each stroke, undo or clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 120)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(tr("手写签名板"))
        self.setAccessibleDescription(
            tr("用鼠标、手写笔或手指在框内签名；Ctrl+Z 撤销一笔，Delete 清除")
        )

    # -- the strokes ------------------------------------------------------------------------

    def strokes(self) -> list[Stroke]:
        return [list(s) for s in self._strokes]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self._strokes = [list(s) for s in strokes if s]
        self._current = None
        self.update()

    def is_empty(self) -> bool:
        return not self._strokes

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        if self._strokes:
            self._strokes.clear()
            self.update()
            self.changed.emit()

    # -- geometry ---------------------------------------------------------------------------

    def box(self) -> QRectF:
        """The signing box on screen: the largest 5:2 rectangle in the widget, centred."""
        margin = 4.0
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(w / BOX_WIDTH, h / BOX_HEIGHT)
        bw, bh = BOX_WIDTH * scale, BOX_HEIGHT * scale
        return QRectF((self.width() - bw) / 2, (self.height() - bh) / 2, bw, bh)

    def to_box(self, pos: QPointF) -> Point:
        box = self.box()
        x = (pos.x() - box.left()) / box.width() * BOX_WIDTH
        y = (pos.y() - box.top()) / box.height() * BOX_HEIGHT
        return (min(max(x, 0.0), BOX_WIDTH), min(max(y, 0.0), BOX_HEIGHT))

    def _to_screen(self, point: Point) -> QPointF:
        box = self.box()
        return QPointF(
            box.left() + point[0] / BOX_WIDTH * box.width(),
            box.top() + point[1] / BOX_HEIGHT * box.height(),
        )

    # -- input: one path for mouse, pen and touch ------------------------------------------

    def begin(self, pos: QPointF) -> None:
        if sum(len(s) for s in self._strokes) >= MAX_POINTS:
            return
        self._current = [self.to_box(pos)]
        self._strokes.append(self._current)
        self.update()

    def extend(self, pos: QPointF) -> None:
        if self._current is None:
            return
        point = self.to_box(pos)
        last = self._current[-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= MIN_STEP:
            self._current.append(point)
            self.update()

    def end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self.extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end()
        event.accept()  # no synthesised mouse events: each point once

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend(pos)
                else:
                    self.end()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        box = self.box()
        painter.fillRect(box, QColor("white"))
        guide = QPen(GUIDE, 1, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.drawRect(box)
        baseline = box.top() + box.height() * 0.78
        painter.drawLine(QPointF(box.left() + 12, baseline), QPointF(box.right() - 12, baseline))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        ink = QPen(INK, max(2.0, box.height() / 110), Qt.PenStyle.SolidLine)
        ink.setCapStyle(Qt.PenCapStyle.RoundCap)
        ink.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(ink)
        for stroke in self._strokes:
            if len(stroke) == 1:  # a dot: Qt draws nothing for a zero-length path
                painter.drawPoint(self._to_screen(stroke[0]))
                continue
            path = QPainterPath(self._to_screen(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(self._to_screen(point))
            painter.drawPath(path)
        painter.end()


class SignaturePad(QWidget):
    """The canvas with a hint and the «撤销一笔» / «清除» buttons."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = SignatureCanvas(self)
        self.hint = QLabel(tr("请在框内手写签名"), self)
        self.undo_button = QPushButton(tr("撤销一笔"), self)
        self.clear_button = QPushButton(tr("清除"), self)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.canvas.changed.connect(self._changed)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.hint, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        self.setTabOrder(self.canvas, self.undo_button)
        self.setTabOrder(self.undo_button, self.clear_button)
        self._changed(emit=False)

    def strokes(self) -> list[Stroke]:
        return self.canvas.strokes()

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self.canvas.set_strokes(strokes)
        self._changed(emit=False)

    def _changed(self, emit: bool = True) -> None:
        empty = self.canvas.is_empty()
        self.undo_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)
        if emit:
            self.changed.emit()
