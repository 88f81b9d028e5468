"""The applicant's workspace (申报单位): the list of applications and the editor of one.

Two pages in a stack: the list (``documents.list_page``) and the editor of the open
application with a bar to go back. The workspace remembers which application was open and
whether the editor was showing, so the next start reopens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from smedesk.ui import settings_dialog, shortcuts
from smedesk.ui.context import AppContext
from smedesk.ui.documents.list_page import ApplicationListPage
from smedesk.ui.i18n import N_, tr
from smedesk.ui.settings_dialog import LAST_OPENED, REOPEN_LAST
from smedesk.ui.workspaces.base import Workspace, discard_editor, flush_editor

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

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
        self.last_package: Path | None = None  # the last 申报包 written (status, tests)
        self.stack = QStackedWidget()
        self.list_page = ApplicationListPage(ctx, load=not store_pending)
        self.list_page.open_requested.connect(self.open_document)
        self.stack.addWidget(self.list_page)
        self.editor_page = QWidget()
        self._editor_layout = QVBoxLayout(self.editor_page)
        self._editor_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.editor_page)
        # One of each per open editor, in its heading row (no extra row of height).
        self.back_button: QPushButton | None = None
        self.package_button: QPushButton | None = None
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
        package = QAction(tr("导出申报包…"), self)
        package.triggered.connect(self.choose_package_export)
        return [new, package, back]

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
            editor: QWidget
            self.back_button = QPushButton(tr("← 返回申报列表"))
            self.back_button.setToolTip(shortcuts.key(shortcuts.BACK_TO_LIST).toString())
            self.back_button.clicked.connect(self.show_list)
            if self._imported(doc_id):
                # Someone else's application that came in a package: shown, never edited.
                from smedesk.ui.expert.application_viewer import ApplicationViewer

                editor = QWidget(self.editor_page)
                column = QVBoxLayout(editor)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(self.back_button, 0, _align_left())
                column.addWidget(ApplicationViewer(self.ctx, doc_id, editor), 1)
                self.package_button = None
            else:
                made = EditorWidget(self.ctx, doc_id, self.editor_page)
                made.title_changed.connect(self._set_doc_title)
                # The way back and the package sit in the editor's heading row.
                made.bar.insertWidget(0, self.back_button)
                self.package_button = QPushButton(tr("导出申报包…"))
                self.package_button.setToolTip(
                    tr("申请、附件和 PDF 打成一个 .smedesk 文件，交给推荐单位")
                )
                self.package_button.clicked.connect(self.choose_package_export)
                made.bar.addWidget(self.package_button)
                editor = made
        except UserError as exc:
            self.ctx.runner.failed.emit(exc.message)
            return False
        self.editor = editor
        self.current_doc_id = doc_id
        self._doc_title = info.title
        self._editor_layout.addWidget(editor)
        self.ctx.settings.setValue(LAST_OPENED, doc_id)
        self.stack.setCurrentWidget(self.editor_page)
        self.title_changed.emit()
        self.status_message.emit(tr("已打开「{title}」").format(title=info.title))
        return True

    def _imported(self, doc_id: str) -> bool:
        """True for an application imported from a package (read-only on this machine)."""
        from smedesk.store.imports import is_read_only

        database = self.ctx.extras.get("database")
        return database is not None and is_read_only(database, doc_id)  # type: ignore[arg-type]

    def flush_editor(self) -> bool:
        """Store the open editor's pending edits now (before closing or switching)."""
        return flush_editor(self.editor)

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        discard_editor(self.editor, self._editor_layout)
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

    # the application package -------------------------------------------------------------------

    def package_target(self) -> str | None:
        """The open application, else the one selected in the list."""
        if self.editor is not None and self.current_doc_id:
            return self.current_doc_id
        ids = self.list_page.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def choose_package_export(self) -> None:
        """«导出申报包…»: ask where, named after the application, then export."""
        from PySide6.QtWidgets import QFileDialog

        from smedesk.ui.expert.exchange_ops import PACKAGE_FILTER, package_file_name

        doc_id = self.package_target()
        if doc_id is None:
            self.ctx.runner.failed.emit(tr("请先打开或选中一份申报，再导出申报包。"))
            return
        self.flush_editor()
        title = self.ctx.store.get(doc_id).title
        suggested = Path.home() / package_file_name(title)
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出申报包"), str(suggested), tr(PACKAGE_FILTER)
        )
        if path:
            self.export_package(doc_id, Path(path))

    def export_package(self, doc_id: str, path: Path) -> None:
        """Export ``doc_id``'s 申报包 to ``path`` as an operation (progress, cancel)."""
        from smedesk.ui.expert.exchange_ops import export_application_operation, with_suffix

        out = with_suffix(path)
        self.flush_editor()
        self.ctx.runner.run(
            export_application_operation(self.ctx, doc_id, out),
            on_success=lambda _manifest: self._package_exported(out),
            parent=self,
        )

    def _package_exported(self, out: Path) -> None:
        self.last_package = out
        self.status_message.emit(tr("已导出申报包「{name}」").format(name=self.last_package.name))


def _align_left() -> Qt.AlignmentFlag:
    from PySide6.QtCore import Qt  # not at import: see smedesk.ui.documents.list_page

    return Qt.AlignmentFlag.AlignLeft
