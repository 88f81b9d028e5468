"""The backups page of the settings dialog: list, back up now, restore a chosen backup.

Backups are made and checked by :mod:`smedesk.store.backup` (SQLite's online backup API,
``integrity_check``). Restoring asks first, backs up the current state, then puts the
chosen backup back; the dialog says which backup holds the state before, so a mistaken
restore can itself be undone. ``restored`` is emitted so the window can reload what it shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.errors import UserError
from smedesk.ui import spacing
from smedesk.ui.i18n import tr


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class BackupsPage(QWidget):
    """The database's backups, newest first, with «立即备份» and «恢复所选备份…»."""

    restored = Signal(str)  # the id of the backup put back

    def __init__(self, database: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing.SPACING)
        note = QLabel(
            tr("每 30 分钟（有修改时）、导入和升级前自动备份；每个备份都经过完整性检查。")
        )
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("编号"), tr("时间"), tr("原因"), tr("大小")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(tr("立即备份"))
        self.restore_button = QPushButton(tr("恢复所选备份…"))
        self.create_button.clicked.connect(lambda: self.back_up_now())
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        from smedesk.store.backup import list_backups

        try:
            backups = list_backups(self.database)
        except UserError as exc:
            backups = []
            self.status.setText(exc.message)
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            when = b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            for col, text in enumerate((b.id, when, b.reason_text, _size(b.size))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(backups))

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def back_up_now(self) -> str | None:
        from smedesk.store.backup import create_backup, prune

        try:
            made = create_backup(self.database, "manual")
            prune(self.database)
        except UserError as exc:
            self.status.setText(exc.message)
            return None
        self.status.setText(tr("已备份（已通过完整性检查）：") + made.id)
        self.refresh()
        return made.id

    def restore_selected(self, *, confirm: bool = True) -> str | None:
        from smedesk.store.backup import restore_backup

        chosen = self.selected_id()
        if chosen is None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("恢复备份"),
                tr("把数据恢复到备份 {id} 时的状态？当前状态会先备份，可以再恢复回来。").format(
                    id=chosen
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            before = restore_backup(self.database, chosen)
        except UserError as exc:
            self.status.setText(exc.message)
            return None
        self.status.setText(
            tr("已恢复到备份 {id}。恢复前的状态已备份为 {before}。").format(
                id=chosen, before=before.id
            )
        )
        self.refresh()
        self.restored.emit(chosen)
        return chosen
