"""The expert's inbox: the opinion sheets from the review packages, with their state.

The rows come from :func:`smedesk.exchange.expert_inbox` (the workspace loads them off the
GUI thread and calls :meth:`ExpertInbox.set_items`); Enter or a double click asks to open a
sheet (``open_requested``), which the workspace answers with the 回避声明 first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.exchange.inbox import STATE_LABELS, InboxItem
from smedesk.ui.i18n import N_, tr
from smedesk.ui.spacing import MARGIN, ROW_HEIGHT, SPACING

HEADERS = (N_("申报单位"), N_("申请编号"), N_("方案"), N_("状态"), N_("更新时间"))
# The states are named in smedesk.exchange.inbox; marked here for the catalogue.
_STATES = (N_("待评审"), N_("评审中"), N_("已签署"), N_("已发送"), N_("已回避"))


class _Table(QTableWidget):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
        else:
            super().keyPressEvent(event)


class ExpertInbox(QWidget):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[InboxItem] = []
        self.summary = QLabel(self)
        self.table = _Table(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(tr("评审任务"))
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        self.table.activated_row.connect(self._open)
        self.empty = QLabel(tr("还没有评审任务。请导入推荐单位发来的评审包（.smedesk）。"), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.set_items([])

    def set_items(self, items: Sequence[InboxItem]) -> None:
        self._items = list(items)
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            local = item.updated_at.astimezone()
            cells = (
                item.applicant_name or tr("（未填申报单位）"),
                (item.application_id or "")[:8],
                item.scheme_id,
                tr(item.state_label),
                f"{local:%Y-%m-%d %H:%M}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        counts = Counter(i.state for i in self._items)
        parts = [f"{tr(label)} {counts[state]}" for state, label in STATE_LABELS.items()]
        self.summary.setText(
            tr("共 {count} 份意见表：").format(count=len(self._items)) + " · ".join(parts)
        )
        self.empty.setVisible(not self._items)
        self.table.setVisible(bool(self._items))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.open_requested.emit(self._items[row].opinion_id)
