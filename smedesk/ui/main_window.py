"""The main window: role switch, the list of applications, and the editor of the open one.

Pages sit in a QStackedWidget: the list, the editor (``smedesk.ui.editor.EditorWidget``,
embedded when that package is installed, otherwise an honest placeholder) and, for the
recommender and expert roles, a page that says what their screens will do.

The window remembers its geometry, the role and the last opened application in QSettings,
and, on a language switch, builds its widgets again so every visible string follows.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from smedesk import __version__
from smedesk.ui import i18n, settings_dialog, shortcuts, spacing
from smedesk.ui.app_list import ApplicationListPage
from smedesk.ui.context import AppContext
from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations import Changes, OperationRunner
from smedesk.ui.screen_fit import fit_to_screen
from smedesk.ui.settings_dialog import GEOMETRY, LAST_OPENED, REOPEN_LAST, ROLE

log = logging.getLogger(__name__)

EDITOR_WAS_OPEN = "documents/editor_was_open"

ROLES: tuple[tuple[str, str], ...] = (
    ("applicant", N_("申报单位")),
    ("recommender", N_("推荐单位")),
    ("expert", N_("评审专家")),
)
_ROLE_KEYS = {
    "applicant": shortcuts.ROLE_APPLICANT,
    "recommender": shortcuts.ROLE_RECOMMENDER,
    "expert": shortcuts.ROLE_EXPERT,
}
# What the other roles' screens will do, said plainly instead of showing a mock-up.
_PLANNED = {
    "recommender": (
        N_("推荐单位工作台（计划中）"),
        N_(
            "推荐单位的界面将在后续版本提供，计划包括：\n"
            "· 导入申报单位提交的申报包，逐份查看并按方案自查；\n"
            "· 随机抽取不少于 10 家服务企业，记录测评情况，填写推荐表；\n"
            "· 核对推荐名额，生成推荐汇总表（Excel 与 PDF）；\n"
            "· 分发评审包给专家，收回意见包并汇总专家组意见。"
        ),
    ),
    "expert": (
        N_("评审专家工作台（计划中）"),
        N_(
            "评审专家的界面将在后续版本提供，计划包括：\n"
            "· 导入评审包，逐份阅读申报材料和自查结果；\n"
            "· 填写回避声明，按方案的每项标准给出评价和意见；\n"
            "· 填写总体意见和结论，签字后导出意见包交回推荐单位。\n"
            "按规定，评审结果不排序、不打总分。"
        ),
    ),
}


def editor_class() -> Any:
    """``EditorWidget`` if the editor package is installed and imports cleanly, else None."""
    try:
        from smedesk.ui.editor import EditorWidget
    except ImportError:
        return None
    except Exception:  # a broken editor must not keep the list from opening
        log.exception("editor package failed to import")
        return None
    return EditorWidget


class MainWindow(QMainWindow):
    """The one top-level window; everything it needs comes in through ``ctx``."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, store_pending: bool = False
    ) -> None:
        """``store_pending``: the store is still opening (start-up); call ``store_ready()``."""
        super().__init__(parent)
        self.ctx = ctx
        self._store_pending = store_pending
        self.runner = OperationRunner(self)
        self.runner.started.connect(lambda label: self.statusBar().showMessage(label))
        self.runner.succeeded.connect(self._after_operation)
        self.runner.failed.connect(self._show_failure)
        self.editor: QWidget | None = None
        self.current_doc_id: str | None = None
        self._doc_title = ""
        self.setMinimumSize(*spacing.MIN_WINDOW)
        self._build_ui()
        self._restore_geometry()

    # building ------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        """Create every widget; run again after a language switch."""
        self.menuBar().clear()
        for old in self.findChildren(QToolBar):
            self.removeToolBar(old)
            old.deleteLater()
        self._build_toolbar()
        self._build_menus()
        self.stack = QStackedWidget()
        self.list_page = ApplicationListPage(self.ctx, self.runner, load=not self._store_pending)
        self.list_page.open_requested.connect(self.open_document)
        self.stack.addWidget(self.list_page)
        self.editor_page = QWidget()
        self._editor_layout = QVBoxLayout(self.editor_page)
        self._editor_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.editor_page)
        # The other roles' page is built when first shown: most starts never need it.
        self.planned_page: QWidget | None = None
        old_central = self.centralWidget()
        self.setCentralWidget(self.stack)
        if old_central is not None:
            old_central.deleteLater()
        self.statusBar().showMessage(tr("就绪"))
        self._show_role(self.ctx.role)
        self._update_title()

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("主工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        brand = QLabel(tr("中小企业公共服务示范平台申报助手"))
        brand.setObjectName("brand")
        bar.addWidget(brand)
        self.back_button = QPushButton(tr("← 返回申报列表"))
        self.back_button.clicked.connect(self.show_list)
        self._back_action = bar.addWidget(self.back_button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(tr("当前角色：")))
        self.role_group = QButtonGroup(self)
        self.role_buttons: dict[str, QPushButton] = {}
        for number, (role, label) in enumerate(ROLES):
            button = QPushButton(tr(label))
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setToolTip(shortcuts.key(_ROLE_KEYS[role]).toString())
            self.role_group.addButton(button, number)
            self.role_buttons[role] = button
            bar.addWidget(button)
        self.role_group.idClicked.connect(lambda number: self.set_role(ROLES[number][0]))
        settings_button = QPushButton(tr("设置"))
        settings_button.clicked.connect(self.open_settings)
        bar.addWidget(settings_button)
        self.addToolBar(bar)  # the top area
        self.toolbar = bar

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(tr("文件(&F)"))
        self._action(menu, tr("新建申报…"), shortcuts.NEW_DOCUMENT, self._new_document)
        self._action(menu, tr("返回申报列表"), shortcuts.BACK_TO_LIST, self.show_list)
        menu.addSeparator()
        self._action(menu, tr("设置…"), shortcuts.SETTINGS, self.open_settings)
        menu.addSeparator()
        self._action(menu, tr("退出"), shortcuts.QUIT, self.close)
        view = self.menuBar().addMenu(tr("角色(&R)"))
        self.role_actions = QActionGroup(self)
        for role, label in ROLES:
            action = self._action(
                view, tr(label), _ROLE_KEYS[role], lambda _c=False, r=role: self.set_role(r)
            )
            action.setCheckable(True)
            action.setData(role)
            self.role_actions.addAction(action)
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        self._action(help_menu, tr("关于 smedesk"), None, self.show_about)

    def _action(self, menu: Any, text: str, key: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if key is not None:
            shortcuts.assign(action, key)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_planned_page(self) -> tuple[QWidget, QLabel, QLabel]:
        from PySide6.QtCore import Qt  # not at import: see smedesk.ui.app_list

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(spacing.MARGIN * 3, spacing.MARGIN * 3, spacing.MARGIN * 3, 0)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(
            spacing.MARGIN * 2, spacing.MARGIN, spacing.MARGIN * 2, spacing.MARGIN
        )
        inner.setSpacing(spacing.SECTION_GAP)
        title = QLabel()
        title.setObjectName("plannedTitle")
        text = QLabel()
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(tr("在此之前，申报单位的功能已可使用：点击上方「申报单位」切换回去。"))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        for widget in (title, text, note):
            # A fixed width lets the wrapped labels report their true height; with only a
            # maximum, a centred card is laid out from a guessed width and cuts lines off.
            widget.setFixedWidth(spacing.TEXT_WIDTH)
            inner.addWidget(widget)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        return page, title, text

    # roles and pages -----------------------------------------------------------------------

    def set_role(self, role: str) -> None:
        if role not in _ROLE_KEYS:
            return
        if role != "applicant":
            self._close_editor()
        self.ctx.role = role
        self.ctx.settings.setValue(ROLE, role)
        self._show_role(role)

    def _show_role(self, role: str) -> None:
        self.role_buttons[role].setChecked(True)
        for action in self.role_actions.actions():
            action.setChecked(action.data() == role)
        if role == "applicant":
            self.stack.setCurrentWidget(self.editor_page if self.editor else self.list_page)
        else:
            if self.planned_page is None:
                self.planned_page, self._planned_title, self._planned_text = (
                    self._build_planned_page()
                )
                self.stack.addWidget(self.planned_page)
            title, text = _PLANNED[role]
            self._planned_title.setText(tr(title))
            self._planned_text.setText(tr(text))
            self.stack.setCurrentWidget(self.planned_page)
        self._back_action.setVisible(self.stack.currentWidget() is self.editor_page)
        self._update_title()

    def show_list(self) -> None:
        self._close_editor()
        if self.ctx.role != "applicant":
            self.set_role("applicant")
        self.stack.setCurrentWidget(self.list_page)
        self._back_action.setVisible(False)
        self.list_page.reload(focus=self.current_doc_id)
        self.list_page.table.setFocus()
        self._update_title()

    def _new_document(self) -> None:
        if self.ctx.role != "applicant":
            self.set_role("applicant")
        self.show_list()
        self.list_page.new_document()

    # the editor ----------------------------------------------------------------------------

    def open_document(self, doc_id: str) -> bool:
        """Show the editor for ``doc_id``; False (with a message) if it cannot be opened."""
        from smedesk.store import StoreError

        self._close_editor()
        if self.ctx.role != "applicant":
            self.set_role("applicant")
        try:
            info = self.ctx.store.get(doc_id)
        except StoreError as exc:
            self._show_failure(exc.message)
            return False
        if info.in_trash:
            self._show_failure(tr("这份申报在回收站中，请先恢复再打开。"))
            return False
        cls = editor_class()
        try:
            editor = (
                cls(self.ctx, doc_id, self.editor_page) if cls else self._placeholder(info.title)
            )
        except StoreError as exc:
            self._show_failure(exc.message)
            return False
        if cls is not None and hasattr(editor, "title_changed"):
            editor.title_changed.connect(self._set_doc_title)
        self.editor = editor
        self.current_doc_id = doc_id
        self._doc_title = info.title
        self._editor_layout.addWidget(editor)
        self.ctx.settings.setValue(LAST_OPENED, doc_id)
        self.stack.setCurrentWidget(self.editor_page)
        self._back_action.setVisible(True)
        self._update_title()
        self.statusBar().showMessage(tr("已打开「{title}」").format(title=info.title), 4000)
        return True

    def _placeholder(self, title: str) -> QWidget:
        from PySide6.QtCore import Qt

        page = QLabel(
            tr("「{title}」\n\n编辑器正在开发中，稍后的版本中可在这里逐节填写申报材料。").format(
                title=title
            )
        )
        page.setObjectName("emptyState")
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.setWordWrap(True)
        return page

    def flush_editor(self) -> None:
        """Save the open editor's pending edits now (before closing or switching)."""
        flush = getattr(self.editor, "flush", None)
        if callable(flush):
            from smedesk.store import StoreError

            try:
                flush()
            except StoreError as exc:
                self._show_failure(exc.message)

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        self.flush_editor()
        # close() lets the editor finish its own work (a running self-check) before deletion.
        self.editor.close()
        self._editor_layout.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None

    def reopen_last(self) -> None:
        """Open the application that was open when the program last closed, if it still is."""
        if not settings_dialog.read_setting(self.ctx.settings, REOPEN_LAST):
            return
        doc_id = self.ctx.settings.value(LAST_OPENED)
        if not doc_id or self.ctx.role != "applicant":
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

    def _set_doc_title(self, title: str) -> None:
        self._doc_title = title
        self._update_title()

    def _update_title(self) -> None:
        # Qt appends the program's name (i18n.APP_TITLE) itself: it is not repeated here.
        shown = self.editor is not None and self._doc_title and self.ctx.role == "applicant"
        self.setWindowTitle(self._doc_title if shown else tr(i18n.APP_TITLE))

    # operations, settings, closing ---------------------------------------------------------

    def _after_operation(self, changes: Changes) -> None:
        self.statusBar().showMessage(changes.message, 6000)
        if changes.open_after and changes.focus:
            self.open_document(changes.focus)

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 8000)
        QMessageBox.warning(self, tr("操作未完成"), message)

    def open_settings(self) -> None:
        dialog = settings_dialog.SettingsDialog(self.ctx.settings, self)
        if dialog.exec() == settings_dialog.SettingsDialog.DialogCode.Accepted:
            self.apply_settings()

    def apply_settings(self) -> None:
        """Take over changed settings: the author name, and the language (rebuilding the UI)."""
        settings = self.ctx.settings
        self.ctx.user_name = settings_dialog.read_setting(settings, settings_dialog.USER_NAME)
        language = settings_dialog.read_setting(settings, settings_dialog.LANGUAGE)
        if language != self.ctx.language:
            self.set_language(language)

    def set_language(self, language: str) -> None:
        self.ctx.language = i18n.set_language(language)
        self.ctx.settings.setValue(settings_dialog.LANGUAGE, self.ctx.language)
        reopen = self.current_doc_id if self.editor is not None else None
        self._close_editor()
        self._build_ui()
        if reopen:
            self.open_document(reopen)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            tr("关于 smedesk"),
            tr(
                "smedesk {version}\n中小企业公共服务示范平台（基地）申报、推荐与评审的离线桌面工具。\n"
                "数据只保存在本机，不联网。\n界面字体：文泉驿微米黑（Apache-2.0）。"
            ).format(version=__version__),
        )

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.value(GEOMETRY)
        if not (isinstance(saved, QByteArray | bytes) and self.restoreGeometry(QByteArray(saved))):
            self.resize(*spacing.DEFAULT_WINDOW)
        fit_to_screen(self)  # a 1280×720 laptop, or a saved size from a bigger screen

    def store_ready(self) -> None:
        """The store has opened (start-up): fill the list, reopen the last application."""
        self._store_pending = False
        self._shown_once = True
        self.list_page.reload()
        self.reopen_last()

    def setVisible(self, visible: bool) -> None:
        # Overrides setVisible rather than showEvent: a Python showEvent makes PySide build
        # the QEvent wrapper types (some milliseconds) before the first frame.
        super().setVisible(visible)
        if visible and not getattr(self, "_shown_once", False) and not self._store_pending:
            self._shown_once = True
            # After the first paint: the window appears first, the editor fills in next.
            QTimer.singleShot(0, self.reopen_last)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        event.accept()

    def save_state(self) -> None:
        """Flush the editor, finish queued operations and remember the window (idempotent).

        Called on close and on ``QApplication.aboutToQuit`` (a session logout quits without
        closing windows).
        """
        self.flush_editor()
        self.runner.wait()
        settings = self.ctx.settings
        settings.setValue(GEOMETRY, self.saveGeometry())
        # Closed from the list, the next start shows the list (with the last one selected).
        settings.setValue(EDITOR_WAS_OPEN, self.editor is not None)
        settings.sync()
