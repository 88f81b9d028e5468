"""The applicant's workspace (申报单位): the list of applications and the editor of one.

Two pages in a stack: the list (``documents.list_page``) and the editor of the open
application with a bar to go back. The workspace remembers which application was open and
whether the editor was showing, so the next start reopens it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from smedesk.ui import settings_dialog, shortcuts
from smedesk.ui.context import AppContext
from smedesk.ui.documents.list_page import ApplicationListPage
from smedesk.ui.i18n import N_, tr
from smedesk.ui.settings_dialog import LAST_OPENED, REOPEN_LAST
from smedesk.ui.workspaces.base import Workspace

EDITOR_WAS_OPEN = "documents/editor_was_open"


class ApplicantWorkspace(Workspace):
    """List of applications ⇄ editor of one."""

    ROLE = "applicant"
    LABEL = N_("申报单位")

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, store_pending: bool = False
    ) -> None:
        super().__init__(ctx, parent)
        self._store_pending = store_pending
        self.editor: QWidget | None = None
        self.current_doc_id: str | None = None
        self._doc_title = ""
        self.stack = QStackedWidget()
        self.list_page = ApplicationListPage(ctx, load=not store_pending)
        self.list_page.open_requested.connect(self.open_document)
        self.stack.addWidget(self.list_page)
        self.editor_page = QWidget()
        self._editor_layout = QVBoxLayout(self.editor_page)
        self._editor_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.editor_page)
        self.back_button: QPushButton | None = None  # one per open editor, in its heading row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # the interface ---------------------------------------------------------------------------

    def window_title(self) -> str:
        return self._doc_title if self.editor is not None else ""

    def menu_actions(self) -> list[QAction]:
        new = QAction(tr("新建申报…"), self)
        shortcuts.assign(new, shortcuts.NEW_DOCUMENT)
        new.triggered.connect(self.new_document)
        back = QAction(tr("返回申报列表"), self)
        shortcuts.assign(back, shortcuts.BACK_TO_LIST)
        back.triggered.connect(self.show_list)
        return [new, back]

    def store_ready(self) -> None:
        self._store_pending = False
        self.list_page.reload()
        self.reopen_last()

    def deactivate(self) -> bool:
        return self.flush_editor()

    # the list ----------------------------------------------------------------------------------

    def show_list(self) -> None:
        self._close_editor()
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.reload(focus=self.current_doc_id)
        self.list_page.table.setFocus()
        self.title_changed.emit()

    def new_document(self) -> None:
        self.show_list()
        self.list_page.commands.new_document()

    # the editor ----------------------------------------------------------------------------

    def open_document(self, doc_id: str) -> bool:
        """Show the editor for ``doc_id``; False (with a message) if it cannot be opened."""
        from smedesk.errors import UserError
        from smedesk.ui.editor import EditorWidget

        self._close_editor()
        try:
            info = self.ctx.store.get(doc_id)
            if info.in_trash:
                raise UserError(tr("这份申报在回收站中，请先恢复再打开。"))
            # A document this release cannot read (an unknown field) is refused, not opened.
            editor = EditorWidget(self.ctx, doc_id, self.editor_page)
        except UserError as exc:
            self.ctx.runner.failed.emit(exc.message)
            return False
        editor.title_changed.connect(self._set_doc_title)
        # The way back sits at the start of the editor's heading row: no extra row of height.
        self.back_button = QPushButton(tr("← 返回申报列表"))
        self.back_button.setToolTip(shortcuts.key(shortcuts.BACK_TO_LIST).toString())
        self.back_button.clicked.connect(self.show_list)
        editor.bar.insertWidget(0, self.back_button)
        self.editor = editor
        self.current_doc_id = doc_id
        self._doc_title = info.title
        self._editor_layout.addWidget(editor)
        self.ctx.settings.setValue(LAST_OPENED, doc_id)
        self.stack.setCurrentWidget(self.editor_page)
        self.title_changed.emit()
        self.status_message.emit(tr("已打开「{title}」").format(title=info.title))
        return True

    def flush_editor(self) -> bool:
        """Store the open editor's pending edits now (before closing or switching)."""
        flush = getattr(self.editor, "flush", None)
        return bool(flush()) if callable(flush) else True

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        self.flush_editor()
        # close() lets the editor finish its own work (a running self-check) before deletion.
        self.editor.close()
        self._editor_layout.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None
        self.back_button = None

    def reopen_last(self) -> None:
        """Open the application that was open when the program last closed, if it still is."""
        if not settings_dialog.read_setting(self.ctx.settings, REOPEN_LAST):
            return
        doc_id = self.ctx.settings.value(LAST_OPENED)
        if not doc_id:
            return
        from smedesk.store import StoreError

        try:
            info = self.ctx.store.get(str(doc_id))
        except StoreError:
            return  # permanently deleted since: stay on the list
        was_open = str(self.ctx.settings.value(EDITOR_WAS_OPEN, "true")).lower() == "true"
        if info.in_trash or not was_open:
            self.list_page.select(info.id)
            return
        self.open_document(info.id)

    def remember(self) -> None:
        """Closed from the list, the next start shows the list (with the last one selected)."""
        self.ctx.settings.setValue(EDITOR_WAS_OPEN, self.editor is not None)

    def _set_doc_title(self, title: str) -> None:
        self._doc_title = title
        self.title_changed.emit()
