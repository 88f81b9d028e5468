"""The table model of a document list: one row per stored document, from its summary columns.

Rows are ``DocumentInfo`` records (the store's indexed columns: title, kind, scheme,
organisation, 统一社会信用代码, times), never loaded documents, so a list of a thousand
applications costs one query.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from smedesk.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    # Types only: the store (SQLAlchemy) is imported after the window shows (see app.py).
    from smedesk.store import DocumentInfo

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = 6


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class DocumentListModel(QAbstractTableModel):
    """Rows of DocumentInfo; the columns a user sorts and recognises applications by."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentInfo] = []
        self.in_trash = False

    def headers(self) -> list[str]:
        changed = tr("移入回收站") if self.in_trash else tr("最后修改")
        return [
            tr("名称"),
            tr("统一社会信用代码"),
            tr("表格"),
            tr("适用方案"),
            changed,
            tr("新建于"),
        ]

    def set_rows(self, rows: list[DocumentInfo], in_trash: bool) -> None:
        self.beginResetModel()
        self.rows, self.in_trash = rows, in_trash
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        # Imported when rows are shown, not with the page: the window shows before the list fills.
        from PySide6.QtCore import Qt

        from smedesk.ui.new_document_dialog import kind_title, scheme_choice, scheme_title

        info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return info.title
            if column == 1:
                return info.uscc or ""
            if column == 2:
                return tr(kind_title(info.kind))
            if column == 3:
                return scheme_title(info.scheme_id)
            if column == 4:
                return _local_time(info.deleted_at if self.in_trash else info.updated_at)
            return _local_time(info.created_at)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            choice = scheme_choice(info.scheme_id)
            name = choice.long_name if choice else info.scheme_id
            organisation = f"\n{info.organisation}" if info.organisation else ""
            return f"{info.title}{organisation}\n{name}  {tr('版本')} {info.scheme_version}"
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def row_of(self, doc_id: str) -> int:
        for row, info in enumerate(self.rows):
            if info.id == doc_id:
                return row
        return -1
