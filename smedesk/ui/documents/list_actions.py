"""What the document list's buttons do: new, duplicate, rename, trash, restore, empty trash.

Each asks what it must (a name, a confirmation) and then runs one operation of
:mod:`smedesk.ui.operations.documents` through the runner; the list refreshes from the
runner's change summary, not from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from smedesk.ui.i18n import tr
from smedesk.ui.operations import Changes, Operation
from smedesk.ui.operations import documents as ops

if TYPE_CHECKING:
    from smedesk.store import DocumentId
    from smedesk.ui.documents.list_page import ApplicationListPage


class DocumentListActions:
    """The acting half of the list page (the page owns one)."""

    def __init__(self, page: ApplicationListPage) -> None:
        self.page = page

    def _run(self, label: str, work: Callable[[], Changes]) -> None:
        self.page.ctx.runner.run(Operation(label, lambda _reporter: work()), parent=self.page)

    # acting --------------------------------------------------------------------------------

    def new_document(self) -> None:
        from smedesk.ui.new_document_dialog import NewDocumentDialog

        dialog = NewDocumentDialog(self.page)
        if dialog.exec() != NewDocumentDialog.DialogCode.Accepted:
            return
        self.create_from_request(dialog.request())

    def create_from_request(self, request: ops.NewDocumentRequest) -> None:
        store, author = self.page.ctx.store, self.page.ctx.user_name
        if self.page.showing_trash:
            self.page.set_showing_trash(False)
        self._run(
            tr("正在新建…"),
            lambda: ops.create_document(store, request, author=author),
        )

    def duplicate_selected(self) -> None:
        ids = self.page.selected_ids()
        if len(ids) != 1 or self.page.showing_trash:
            return
        info = self.page.info(ids[0])
        assert info is not None
        suggested = tr("{title}（副本）").format(title=info.title)
        title, ok = QInputDialog.getText(
            self.page, tr("复制为新申报"), tr("新申报的名称："), text=suggested
        )
        if ok and title.strip():
            self.duplicate(ids[0], title.strip())

    def duplicate(self, doc_id: DocumentId, title: str) -> None:
        store, author = self.page.ctx.store, self.page.ctx.user_name
        self._run(
            tr("正在复制…"),
            lambda: ops.duplicate_document(store, doc_id, title, author=author),
        )

    def rename_selected(self) -> None:
        ids = self.page.selected_ids()
        if len(ids) != 1 or self.page.showing_trash:
            return
        info = self.page.info(ids[0])
        assert info is not None
        title, ok = QInputDialog.getText(self.page, tr("重命名"), tr("新名称："), text=info.title)
        if ok and title.strip() and title.strip() != info.title:
            self.rename(ids[0], title.strip())

    def rename(self, doc_id: DocumentId, title: str) -> None:
        store = self.page.ctx.store
        self._run(tr("正在重命名…"), lambda: ops.rename_document(store, doc_id, title))

    def trash_selected(self) -> None:
        ids = self.page.selected_ids()
        if ids and not self.page.showing_trash:
            store = self.page.ctx.store
            self._run(tr("正在移到回收站…"), lambda: ops.trash_documents(store, ids))

    def restore_selected(self) -> None:
        ids = self.page.selected_ids()
        if ids and self.page.showing_trash:
            store = self.page.ctx.store
            self._run(tr("正在恢复…"), lambda: ops.restore_documents(store, ids))

    def empty_trash(self, *, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self.page,
                tr("清空回收站"),
                tr(
                    "永久删除回收站中的 {count} 份申报及其所有历史版本和附件？此操作不能撤销。"
                ).format(count=len(self.page.model.rows)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        store = self.page.ctx.store
        self._run(tr("正在清空回收站…"), lambda: ops.empty_trash(store))

    def context_menu(self, pos: Any) -> None:
        menu = QMenu(self.page)
        if self.page.showing_trash:
            menu.addAction(tr("恢复"), self.restore_selected)
        else:
            menu.addAction(tr("打开"), self.page.open_selected)
            menu.addAction(tr("复制为新申报"), self.duplicate_selected)
            menu.addAction(tr("重命名"), self.rename_selected)
            menu.addSeparator()
            menu.addAction(tr("移到回收站"), self.trash_selected)
        menu.exec(self.page.table.viewport().mapToGlobal(pos))
