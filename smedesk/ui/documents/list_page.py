"""The list of the applicant's documents: filter bar, table, and the buttons that act on it.

The page reads from the store on the GUI thread (a list query reads only the summary
columns, so it is cheap); what the buttons do lives in :mod:`list_actions`, which changes
the store only through operations. The page refreshes from the runner's ``changes_applied``
signal after any operation — its own or another screen's.

Start-up: the page is built before the database is open and shows only "opening the
database" until then. Everything that needs ``PySide6.QtCore.Qt`` waits for the first
``reload()``: PySide builds that namespace's ~90 Python enums at once on first use (some
15 ms), so the window shows without it. That is why ``Qt`` is imported inside functions
here, the table gets its model on first load, and the empty-state label is centred by the
style sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import shortcuts, spacing
from smedesk.ui.context import AppContext
from smedesk.ui.documents.list_actions import DocumentListActions
from smedesk.ui.documents.list_model import COLUMNS, DocumentListModel
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Changes

if TYPE_CHECKING:
    # Types only: the store (SQLAlchemy) is imported after the window shows (see app.py).
    from smedesk.store import DocumentId, DocumentInfo


class ApplicationListPage(QWidget):
    """The applicant's home page: the list with its filter bar and actions."""

    open_requested = Signal(str)  # a document id

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DocumentListModel(self)
        self.commands = DocumentListActions(self)
        self._trash_count = 0
        self._finished = False
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.reload)
        ctx.events.changes_applied.connect(self._after_operation)
        if load:
            self.reload()
        else:
            self.show_loading()

    # building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.SPACING)

        header = QHBoxLayout()
        self.heading = QLabel(tr("我的申报"))
        self.heading.setObjectName("pageHeading")
        header.addWidget(self.heading)
        self.count_label = QLabel()
        self.count_label.setObjectName("mutedText")
        header.addWidget(self.count_label)  # aligned to the bottom in _finish()
        self._header = header
        header.addStretch(1)
        self.new_button = QPushButton(tr("新建申报"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.commands.new_document)
        header.addWidget(self.new_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        filters.setSpacing(spacing.SPACING)
        self.scope_group = QButtonGroup(self)
        self.active_button = QPushButton(tr("在用"))
        self.trash_button = QPushButton(tr("回收站"))
        for number, button in enumerate((self.active_button, self.trash_button)):
            button.setCheckable(True)
            button.setObjectName("segment")
            self.scope_group.addButton(button, number)
            filters.addWidget(button)
        self.active_button.setChecked(True)
        self.scope_group.idClicked.connect(lambda _id: self.reload())
        filters.addSpacing(spacing.SECTION_GAP)
        self.kind_box = QComboBox()
        self.kind_box.addItem(tr("全部表格"), None)
        self.kind_box.currentIndexChanged.connect(lambda _i: self.reload())
        filters.addWidget(self.kind_box)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr("按名称搜索…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        filters.addWidget(self.search_edit, 1)
        layout.addLayout(filters)

        self.stack = QStackedWidget()
        self.table = QTableView()  # its model is set in _finish()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(spacing.ROW_HEIGHT)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.customContextMenuRequested.connect(self.commands.context_menu)
        self.stack.addWidget(self.table)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")  # centred by the style sheet
        self.empty_label.setWordWrap(True)
        self.stack.addWidget(self.empty_label)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        actions.setSpacing(spacing.SPACING)
        self.open_button = QPushButton(tr("打开"))
        self.duplicate_button = QPushButton(tr("复制为新申报"))
        self.rename_button = QPushButton(tr("重命名"))
        self.trash_action_button = QPushButton(tr("移到回收站"))
        self.restore_button = QPushButton(tr("恢复"))
        self.empty_trash_button = QPushButton(tr("清空回收站"))
        self.empty_trash_button.setObjectName("dangerButton")
        act = self.commands
        for button, slot in (
            (self.open_button, self.open_selected),
            (self.duplicate_button, act.duplicate_selected),
            (self.rename_button, act.rename_selected),
            (self.trash_action_button, act.trash_selected),
            (self.restore_button, act.restore_selected),
            (self.empty_trash_button, act.empty_trash),
        ):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("mutedText")
        actions.addWidget(self.hint_label)
        layout.addLayout(actions)
        self.actions_by_name: dict[str, QAction] = {}

    def _finish(self) -> None:
        """The parts that need ``Qt`` (see the module): on the first load, once."""
        from PySide6.QtCore import Qt

        self._finished = True
        self._header.setAlignment(self.count_label, Qt.AlignmentFlag.AlignBottom)
        self.table.setModel(self.model)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # Actions on the page (not the window) so they act only while the list is showing.
        act = self.commands
        for name, key, slot in (
            ("new", shortcuts.NEW_DOCUMENT, act.new_document),
            ("open", shortcuts.OPEN_DOCUMENT, self.open_selected),
            ("duplicate", shortcuts.DUPLICATE, act.duplicate_selected),
            ("rename", shortcuts.RENAME, act.rename_selected),
            ("trash", shortcuts.TRASH, act.trash_selected),
            ("restore", shortcuts.RESTORE, act.restore_selected),
            ("find", shortcuts.FIND, self.search_edit.setFocus),
            ("refresh", shortcuts.REFRESH, self.reload),
        ):
            action = QAction(self)
            shortcuts.assign(action, key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action

    # reading -------------------------------------------------------------------------------

    def show_loading(self) -> None:
        """While the database opens (start-up): say so, and offer nothing to act on yet."""
        self.empty_label.setText(tr("正在打开数据库…"))
        self.stack.setCurrentWidget(self.empty_label)
        for button in (self.open_button, self.duplicate_button, self.rename_button):
            button.setEnabled(False)
        self.trash_action_button.setEnabled(False)
        self.restore_button.setVisible(False)
        self.empty_trash_button.setVisible(False)

    @property
    def showing_trash(self) -> bool:
        return self.trash_button.isChecked()

    def set_showing_trash(self, trash: bool) -> None:
        (self.trash_button if trash else self.active_button).setChecked(True)
        self.reload()

    def reload(self, focus: str | None = None) -> None:
        """Read the list again from the store, keeping (or moving) the selection."""
        from smedesk.ui.new_document_dialog import APPLICANT_KINDS, kind_title

        if not self._finished:
            self._finish()
        if self.kind_box.count() == 1:
            # Filled on first use, not when built: the kinds' names come from the form
            # models (pydantic), which the window must not wait for at start-up.
            self.kind_box.blockSignals(True)
            for kind in APPLICANT_KINDS:
                self.kind_box.addItem(tr(kind_title(kind)), kind)
            self.kind_box.blockSignals(False)
        keep = focus or (self.selected_ids()[0] if self.selected_ids() else None)
        kind = self.kind_box.currentData()
        search = self.search_edit.text().strip() or None
        store = self.ctx.store
        everything = [
            info
            for info in store.list(kind=kind, include_deleted=True, search=search)
            if info.owner_role == "applicant" and info.kind in APPLICANT_KINDS
        ]
        trashed = [info for info in everything if info.in_trash]
        if self.showing_trash:
            rows = sorted(trashed, key=lambda i: i.deleted_at or i.updated_at, reverse=True)
        else:
            rows = [info for info in everything if not info.in_trash]
        self._trash_count = len(trashed) if search is None and kind is None else -1
        self.model.set_rows(rows, self.showing_trash)
        self._update_labels(len(rows), search is not None or kind is not None)
        if keep:
            self.select(keep)
        if not self.selected_ids() and rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_labels(self, shown: int, filtered: bool) -> None:
        self.count_label.setText(tr("共 {count} 份").format(count=shown))
        trash_text = tr("回收站")
        if self._trash_count > 0:
            trash_text = tr("回收站（{count}）").format(count=self._trash_count)
        self.trash_button.setText(trash_text)
        if shown:
            self.stack.setCurrentWidget(self.table)
            return
        if filtered:
            text = tr("没有符合筛选条件的申报。")
        elif self.showing_trash:
            text = tr("回收站是空的。\n移到回收站的申报会保留在这里，直到清空回收站。")
        else:
            text = tr("还没有申报。\n点击右上角的「新建申报」开始，也可以复制往年的申报再修改。")
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        trash = self.showing_trash
        for button in (self.open_button, self.duplicate_button, self.rename_button):
            button.setVisible(not trash)
            button.setEnabled(count == 1)
        self.trash_action_button.setVisible(not trash)
        self.trash_action_button.setEnabled(count >= 1)
        self.restore_button.setVisible(trash)
        self.restore_button.setEnabled(count >= 1)
        self.empty_trash_button.setVisible(trash)
        self.empty_trash_button.setEnabled(bool(self.model.rows))
        hint = tr("双击打开；Delete 移到回收站") if not trash else tr("选中后点「恢复」放回列表")
        self.hint_label.setText(hint if self.model.rows else "")

    def selected_ids(self) -> list[DocumentId]:
        if not self._finished:  # not loaded yet
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row].id for row in rows if row < len(self.model.rows)]

    def select(self, doc_id: str) -> bool:
        row = self.model.row_of(doc_id)
        if row < 0:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def info(self, doc_id: str) -> DocumentInfo | None:
        row = self.model.row_of(doc_id)
        return self.model.rows[row] if row >= 0 else None

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and not self.showing_trash:
            self.open_requested.emit(ids[0])

    def _after_operation(self, changes: Changes) -> None:
        self.reload(focus=changes.focus)
