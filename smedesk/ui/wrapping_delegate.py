"""List and tree items shown whole: the text wrapped to the view's width, never elided.

Qt sizes an item once, without knowing the width it will get, and cuts what does not
fit with «…». A citation («《工信部企业〔2017〕156号》第十二条第（一）项») loses its
项 that way — the part that matters. This delegate measures each item's text wrapped
at the width its column actually has, and lays the view out again when that changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

#: Space Qt's item drawing keeps around the text (focus frame and text margins).
TEXT_MARGIN = 10


class WrappingDelegate(QStyledItemDelegate):
    """Wraps every item's text to the view's width; rows grow as tall as they need."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        if isinstance(view, QTreeView):
            view.setWordWrap(True)
            view.setUniformRowHeights(False)
        view.setItemDelegate(self)
        view.viewport().installEventFilter(self)
        self._width = view.viewport().width()

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """Pixels the text of ``index`` may use: the viewport less indentation and margins."""
        view = self._view
        width = view.viewport().width() - TEXT_MARGIN
        if isinstance(view, QTreeView):
            if view.model() is not None and view.model().columnCount() > 1:
                width = view.columnWidth(index.column()) - TEXT_MARGIN
            if index.column() == 0:  # the tree's indentation is in the first column
                depth, parent = 0, index.parent()
                while parent.isValid():
                    depth += 1
                    parent = parent.parent()
                levels = depth + (1 if view.rootIsDecorated() else 0)
                width -= view.indentation() * levels
        return max(width, 40)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.text_width(index)
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= opt.decorationSize.width() + 4
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        box = opt.fontMetrics.boundingRect(QRect(0, 0, max(width, 20), 100000), flags, opt.text)
        base = super().sizeHint(option, index)
        return QSize(base.width() if base.width() < width else width, box.height() + 6)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self._view.doItemsLayout()  # the rows' heights follow the new width
        return False
