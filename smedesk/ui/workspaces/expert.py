"""The expert's workspace (评审专家): review packages in, signed opinion packages out.

Three pages in a stack:

* the inbox (:class:`~smedesk.ui.expert.inbox.ExpertInbox`): every opinion sheet that came
  in a review package, with the application it judges and its state (待评审 / 评审中 /
  已签署 / 已发送 / 已回避), and the actions «导入评审包…» and «导出意见包…»;
* a sheet (:class:`~smedesk.ui.expert.sheet_page.SheetPage`), opened only after the
  回避声明: declaring a tie records it and closes the sheet;
* an application, read-only (:class:`~smedesk.ui.expert.application_viewer.ApplicationViewer`).

Imports, signing and exports are operations (progress, cancel); the inbox is read on the
store lane, so a workspace built while the database is still opening simply waits for it.
Never a score total or a rank (national measures Art. 8): the sheets hold judgements.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import shortcuts, spacing
from smedesk.ui.context import AppContext
from smedesk.ui.expert.inbox import ExpertInbox
from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations import Operation
from smedesk.ui.workspaces.base import Workspace

READY_TO_SEND = ("signed", "conflict")


class ExpertWorkspace(Workspace):
    ROLE = "expert"
    LABEL = N_("评审专家")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[Any] = []  # InboxItem, as last read
        self.sheet: Any = None  # SheetPage while a sheet is open
        self.viewer: Any = None  # ApplicationViewer while an application is shown
        self.declaration_dialog: Any = None
        self.result_dialog: Any = None
        self.last_export: Path | None = None
        self.stack = QStackedWidget(self)
        self.inbox_page = self._build_inbox_page()
        self._labels: set[str] = set()  # what our operations put in the status bar
        self.sheet_page, self._sheet_holder, self._sheet_bar = self._page(
            tr("← 返回评审任务"), stretch=False
        )
        self.viewer_page, self._viewer_holder, _bar = self._page(tr("← 返回"))
        ctx.runner.finished.connect(self._clear_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Not now: at start-up this workspace is built before the store's opening is queued
        # on the store lane, and a read queued ahead of it would wait for it forever.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.reload)

    # building ---------------------------------------------------------------------------------

    def _build_inbox_page(self) -> QWidget:
        page = QWidget(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(spacing.MARGIN, spacing.SPACING, spacing.MARGIN, 0)
        heading = QLabel(tr("评审任务"), page)
        heading.setObjectName("plannedTitle")
        bar.addWidget(heading)
        bar.addStretch(1)
        self.import_button = QPushButton(tr("导入评审包…"), page)
        self.import_button.clicked.connect(self.choose_import)
        self.open_button = QPushButton(tr("填写意见表"), page)
        self.open_button.clicked.connect(self._open_selected)
        self.view_button = QPushButton(tr("查看申请"), page)
        self.view_button.clicked.connect(self._view_selected)
        self.export_button = QPushButton(tr("导出意见包…"), page)
        self.export_button.clicked.connect(self.choose_export)
        for button in (self.import_button, self.open_button, self.view_button, self.export_button):
            bar.addWidget(button)
        self.inbox = ExpertInbox(page)
        self.inbox.open_requested.connect(self.open_sheet)
        self.note = QLabel(
            tr("打开意见表前须先作回避声明。评审意见只作逐项判断，不打总分、不排序。"), page
        )
        self.note.setObjectName("mutedText")
        self.note.setContentsMargins(spacing.MARGIN, 0, spacing.MARGIN, spacing.SPACING)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.inbox, 1)
        column.addWidget(self.note)
        self.stack.addWidget(page)
        return page

    def _page(
        self, back_text: str, *, stretch: bool = True
    ) -> tuple[QWidget, QVBoxLayout, QHBoxLayout]:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(spacing.MARGIN, spacing.SPACING, spacing.MARGIN, 0)
        back = QPushButton(back_text, page)
        back.setToolTip(shortcuts.key(shortcuts.BACK_TO_LIST).toString())
        back.clicked.connect(self.show_inbox)
        bar.addWidget(back)
        if stretch:  # the sheet's page puts its own bar (which stretches) here instead
            bar.addStretch(1)
        column.addLayout(bar)
        holder = QVBoxLayout()
        column.addLayout(holder, 1)
        self.stack.addWidget(page)
        return page, holder, bar

    def _run(self, operation: Operation[Any], **callbacks: Any) -> None:
        """Run one of the workspace's operations (its label is cleared when all are done)."""
        self._labels.add(operation.label)
        self.ctx.runner.run(operation, **callbacks)

    def _clear_status(self) -> None:
        """«正在…» stays in the status bar after work that reports nothing else: clear it."""
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status) and not self.ctx.runner.busy:
            bar = status()
            if bar.currentMessage() in self._labels:
                bar.clearMessage()

    # the interface ----------------------------------------------------------------------------

    def window_title(self) -> str:
        if self.stack.currentWidget() is self.sheet_page and self.sheet is not None:
            return str(self.sheet.document().display_title())
        if self.stack.currentWidget() is self.viewer_page and self.viewer is not None:
            return str(self.viewer.title)
        return tr(self.LABEL)

    def menu_actions(self) -> list[QAction]:
        actions = []
        for text, slot in (
            (tr("导入评审包…"), self.choose_import),
            (tr("导出意见包…"), self.choose_export),
            (tr("签名…"), self.sign_open_sheet),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            actions.append(action)
        back = QAction(tr("返回评审任务"), self)
        shortcuts.assign(back, shortcuts.BACK_TO_LIST)
        back.triggered.connect(self.show_inbox)
        return [*actions, back]

    def open_document(self, doc_id: str) -> bool:
        from smedesk.store import StoreError

        try:
            kind = self.ctx.store.get(doc_id).kind
        except StoreError as exc:
            self.ctx.runner.failed.emit(exc.message)
            return False
        if kind == "expert-opinion":
            self.open_sheet(doc_id)
            return True
        return self.view_application(doc_id)

    def store_ready(self) -> None:
        self.reload()

    def deactivate(self) -> bool:
        return bool(self.sheet.flush()) if self.sheet is not None else True

    # the inbox --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the inbox (on the store lane: after the store has opened)."""
        ctx = self.ctx

        def work(_reporter: Any) -> list[Any]:
            from smedesk.exchange import expert_inbox

            return expert_inbox(ctx.store)

        self._run(Operation(tr("正在读取评审任务…"), work), on_success=self._set_items)

    def _set_items(self, items: list[Any]) -> None:
        self.items = list(items)
        self.inbox.set_items(self.items)
        ready = [i for i in self.items if i.state in READY_TO_SEND]
        self.export_button.setEnabled(bool(ready))
        has_rows = bool(self.items)
        self.open_button.setEnabled(has_rows)
        self.view_button.setEnabled(has_rows)

    def _selected(self) -> Any:
        row = self.inbox.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _open_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self.open_sheet(item.opinion_id)

    def _view_selected(self) -> None:
        item = self._selected()
        if item is not None and item.application_id:
            self.view_application(item.application_id)

    def show_inbox(self) -> None:
        self._close_sheet()
        self._close_viewer()
        self.stack.setCurrentWidget(self.inbox_page)
        self.title_changed.emit()
        self.reload()

    # importing --------------------------------------------------------------------------------

    def choose_import(self) -> None:
        from smedesk.ui.expert.exchange_ops import PACKAGE_FILTER

        path, _ = QFileDialog.getOpenFileName(
            self, tr("导入评审包"), str(Path.home()), tr(PACKAGE_FILTER)
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Import the package at ``path`` (an operation); then show what came in."""
        from smedesk.errors import UserError
        from smedesk.ui.expert.exchange_ops import import_operation

        try:
            operation = import_operation(self.ctx, path)
        except UserError as exc:
            self.ctx.runner.failed.emit(exc.message)
            return
        self._run(operation, on_success=self._imported, parent=self)

    def _imported(self, result: Any) -> None:
        from smedesk.ui.expert.import_result import ImportResultDialog

        self.show_inbox()
        new = sum(1 for d in result.documents if d.purpose == "template" and d.status == "new")
        self.status_message.emit(
            tr("已导入{kind}：新增 {count} 份意见表").format(
                kind=tr(result.manifest.label), count=new
            )
        )
        self.result_dialog = ImportResultDialog(
            result, self.ctx.store, self.ctx.runner, self.ctx.user_name, self
        )
        self.result_dialog.finished.connect(lambda _code: self.reload())
        self.result_dialog.open()

    # a sheet ----------------------------------------------------------------------------------

    def open_sheet(self, opinion_id: str) -> None:
        """Open a sheet: the 回避声明 first (unless it was made, or the sheet is signed)."""
        from smedesk.exchange.signing import conflict_declared
        from smedesk.ui.expert.conflict_dialog import ConflictDeclarationDialog
        from smedesk.ui.expert.exchange_ops import load_sheet

        doc = load_sheet(self.ctx.store, opinion_id)
        if conflict_declared(doc):
            self.status_message.emit(tr("您已声明回避，此意见表已关闭。"))
            return
        if doc.signed or doc.conflict.clear:
            self._show_sheet(opinion_id)
            return
        applicant = doc.applicant_name or tr("（未填申报单位）")
        dialog = ConflictDeclarationDialog(applicant, doc.conflict, self)
        dialog.accepted.connect(lambda: self._declared(opinion_id, dialog))
        dialog.rejected.connect(lambda: setattr(self, "declaration_dialog", None))
        self.declaration_dialog = dialog
        dialog.open()

    def _declared(self, opinion_id: str, dialog: Any) -> None:
        from smedesk.exchange import declare_conflict

        self.declaration_dialog = None
        declaration, outcome = dialog.declaration(), dialog.outcome
        store, author = self.ctx.store, self.ctx.user_name

        def done(_doc: Any) -> None:
            if outcome == "clear":
                self._show_sheet(opinion_id)
            else:
                self.show_inbox()
                self.status_message.emit(
                    tr("已记录回避声明，此意见表已关闭；导出意见包时会告知推荐单位另行安排专家。")
                )

        self._run(
            Operation(
                tr("正在记录回避声明…"),
                lambda _r: declare_conflict(store, opinion_id, declaration, author=author),
            ),
            on_success=done,
        )

    def _show_sheet(self, opinion_id: str) -> None:
        from smedesk.ui.expert.sheet_page import SheetPage

        self._close_sheet()
        self._close_viewer()
        self.sheet = SheetPage(self.ctx, opinion_id, self.sheet_page)
        self.sheet.signed.connect(lambda _id: self.reload())
        self.sheet.view_application.connect(self.view_application)
        self._sheet_holder.addWidget(self.sheet)
        self._sheet_bar.insertWidget(1, self.sheet.toolbar, 1)
        self.stack.setCurrentWidget(self.sheet_page)
        self.title_changed.emit()

    def _close_sheet(self) -> None:
        if self.sheet is None:
            return
        self.sheet.flush()
        self._sheet_holder.removeWidget(self.sheet)
        self._sheet_bar.removeWidget(self.sheet.toolbar)
        for widget in (self.sheet.toolbar, self.sheet):
            widget.hide()  # now: deleteLater waits for the event loop
            widget.deleteLater()
        self.sheet = None

    def sign_open_sheet(self) -> None:
        if self.sheet is not None and self.stack.currentWidget() is self.sheet_page:
            self.sheet.sign_from_pad()
        else:
            self.status_message.emit(tr("请先打开一份意见表，在签名板上签名后再签署。"))

    # an application ---------------------------------------------------------------------------

    def view_application(self, application_id: str) -> bool:
        from smedesk.store import StoreError
        from smedesk.ui.expert.application_viewer import ApplicationViewer

        try:
            viewer = ApplicationViewer(self.ctx, application_id, self.viewer_page)
        except StoreError:
            self.ctx.runner.failed.emit(tr("本机没有这份申请：请重新导入评审包。"))
            return False
        self._close_viewer()
        self.viewer = viewer
        self._viewer_holder.addWidget(viewer)
        self.stack.setCurrentWidget(self.viewer_page)
        self.title_changed.emit()
        return True

    def _close_viewer(self) -> None:
        if self.viewer is not None:
            self._viewer_holder.removeWidget(self.viewer)
            self.viewer.hide()
            self.viewer.deleteLater()
            self.viewer = None

    # exporting --------------------------------------------------------------------------------

    def ready_to_send(self) -> list[Any]:
        return [i for i in self.items if i.state in READY_TO_SEND]

    def choose_export(self) -> None:
        from smedesk.ui.expert.exchange_ops import PACKAGE_FILTER, opinion_package_name

        ready = self.ready_to_send()
        if not ready:
            self.ctx.runner.failed.emit(
                tr("没有可导出的意见表：请先签署意见表（或声明回避）后再导出意见包。")
            )
            return
        name = opinion_package_name(self._expert_name(ready[0].opinion_id))
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出意见包"), str(Path.home() / name), tr(PACKAGE_FILTER)
        )
        if path:
            self.export_to(Path(path))

    def _expert_name(self, opinion_id: str) -> str:
        from smedesk.ui.expert.exchange_ops import load_sheet

        return load_sheet(self.ctx.store, opinion_id).expert_name or ""

    def export_to(self, path: Path) -> None:
        """Export every signed (or declared) sheet not yet sent into one signed 意见包."""
        from smedesk.ui.expert.exchange_ops import export_opinions_operation, with_suffix

        path = with_suffix(path)
        if self.sheet is not None:
            self.sheet.flush()
        ready = self.ready_to_send()
        if not ready:
            return
        ids = [i.opinion_id for i in ready]
        operation = export_opinions_operation(self.ctx, ids, self._expert_name(ids[0]), path)
        self._run(operation, on_success=lambda _m: self._exported(path, len(ids)), parent=self)

    def _exported(self, path: Path, count: int) -> None:
        self.last_export = path
        self.status_message.emit(
            tr("已导出意见包「{name}」：{count} 份意见表").format(
                name=self.last_export.name, count=count
            )
        )
        self.reload()
