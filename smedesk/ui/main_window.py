"""The main window: a thin shell around one workspace per role.

It holds the toolbar with the role switch, the menus, the status bar and a stack of the
role workspaces (``smedesk.ui.workspaces``), each built the first time its role is chosen.
Everything a role does lives in its workspace; the shell only switches, shows the
operations runner's messages, and remembers the window and the role.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from smedesk import __version__
from smedesk.ui import i18n, settings_dialog, shortcuts, spacing
from smedesk.ui.context import AppContext
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Changes, OperationRunner
from smedesk.ui.settings_dialog import GEOMETRY, ROLE
from smedesk.ui.workspaces import WORKSPACES, Workspace, workspace_class
from smedesk.ui.workspaces.applicant import ApplicantWorkspace

_ROLE_KEYS = {
    "applicant": shortcuts.ROLE_APPLICANT,
    "recommender": shortcuts.ROLE_RECOMMENDER,
    "expert": shortcuts.ROLE_EXPERT,
}
PROGRAM_TITLE = "smedesk 申报助手"


class MainWindow(QMainWindow):
    """The one top-level window; everything it needs comes in through ``ctx``."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, store_pending: bool = False
    ) -> None:
        """``store_pending``: the store is still opening (start-up); call ``store_ready()``."""
        super().__init__(parent)
        self.ctx = ctx
        self._store_pending = store_pending
        self.runner: OperationRunner = ctx.runner
        self.runner.started.connect(lambda label: self.statusBar().showMessage(label))
        self.runner.failed.connect(self._show_failure)
        ctx.events.changes_applied.connect(self._after_operation)
        self.workspaces: dict[str, Workspace] = {}
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
        for workspace in self.workspaces.values():
            workspace.deleteLater()
        self.workspaces = {}
        self._build_toolbar()
        self.stack = QStackedWidget()
        old_central = self.centralWidget()
        self.setCentralWidget(self.stack)
        if old_central is not None:
            old_central.deleteLater()
        self.statusBar().showMessage(tr("就绪"))
        self._show_role(self.ctx.role)

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("主工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        brand = QLabel(tr("中小企业公共服务示范平台申报助手"))
        brand.setObjectName("brand")
        bar.addWidget(brand)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(tr("当前角色：")))
        self.role_group = QButtonGroup(self)
        self.role_buttons: dict[str, QPushButton] = {}
        roles = list(WORKSPACES)
        for number, role in enumerate(roles):
            button = QPushButton(tr(WORKSPACES[role][0]))
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setToolTip(shortcuts.key(_ROLE_KEYS[role]).toString())
            self.role_group.addButton(button, number)
            self.role_buttons[role] = button
            bar.addWidget(button)
        self.role_group.idClicked.connect(lambda number: self.set_role(roles[number]))
        settings_button = QPushButton(tr("设置"))
        settings_button.clicked.connect(self.open_settings)
        bar.addWidget(settings_button)
        self.addToolBar(bar)  # the top area
        self.toolbar = bar

    def _build_menus(self, workspace: Workspace) -> None:
        self.menuBar().clear()
        menu = self.menuBar().addMenu(tr("文件(&F)"))
        for action in workspace.menu_actions():
            menu.addAction(action)
        menu.addSeparator()
        self._action(menu, tr("设置…"), shortcuts.SETTINGS, self.open_settings)
        menu.addSeparator()
        self._action(menu, tr("退出"), shortcuts.QUIT, self.close)
        view = self.menuBar().addMenu(tr("角色(&R)"))
        self.role_actions = QActionGroup(self)
        for role, (label, _where) in WORKSPACES.items():
            action = self._action(
                view, tr(label), _ROLE_KEYS[role], lambda _c=False, r=role: self.set_role(r)
            )
            action.setCheckable(True)
            action.setChecked(role == workspace.ROLE)
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

    # roles -------------------------------------------------------------------------------

    def workspace(self, role: str) -> Workspace:
        """The workspace of ``role``, built the first time it is asked for."""
        if role not in self.workspaces:
            cls = workspace_class(role)
            if cls is ApplicantWorkspace:
                made: Workspace = ApplicantWorkspace(self.ctx, store_pending=self._store_pending)
            else:
                made = cls(self.ctx)
            made.title_changed.connect(self._update_title)
            made.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.workspaces[role] = made
            self.stack.addWidget(made)
        return self.workspaces[role]

    @property
    def current(self) -> Workspace:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Workspace)
        return widget

    def set_role(self, role: str) -> None:
        if role not in WORKSPACES:
            return
        if self.stack.count() and role != self.current.ROLE:
            self.current.deactivate()
        self.ctx.role = role
        self.ctx.settings.setValue(ROLE, role)
        self._show_role(role)

    def _show_role(self, role: str) -> None:
        workspace = self.workspace(role)
        self.stack.setCurrentWidget(workspace)
        self.role_buttons[role].setChecked(True)
        self._build_menus(workspace)
        self._update_title()

    def _update_title(self) -> None:
        part = self.current.window_title() if self.stack.count() else ""
        # Qt appends the application display name itself: the title names only the
        # document (or workspace) and the program once.
        self.setWindowTitle(f"{part} — {tr(PROGRAM_TITLE)}" if part else tr(PROGRAM_TITLE))

    # the applicant's workspace, for the shell's callers and tests ------------------------

    @property
    def applicant(self) -> ApplicantWorkspace:
        workspace = self.workspace("applicant")
        assert isinstance(workspace, ApplicantWorkspace)
        return workspace

    @property
    def list_page(self) -> Any:
        return self.applicant.list_page

    @property
    def editor(self) -> QWidget | None:
        return self.applicant.editor

    @property
    def current_doc_id(self) -> str | None:
        return self.applicant.current_doc_id

    def open_document(self, doc_id: str) -> bool:
        """Open ``doc_id`` in its role's workspace (switching to it)."""
        self.set_role("applicant")
        return self.applicant.open_document(doc_id)

    def show_list(self) -> None:
        self.set_role("applicant")
        self.applicant.show_list()

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
        applicant = self.workspaces.get("applicant")
        reopen = applicant.current_doc_id if isinstance(applicant, ApplicantWorkspace) else None
        if isinstance(applicant, ApplicantWorkspace) and applicant.editor is None:
            reopen = None
        for workspace in self.workspaces.values():
            workspace.deactivate()
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
        if isinstance(saved, QByteArray | bytes) and self.restoreGeometry(QByteArray(saved)):
            return
        self.resize(*spacing.DEFAULT_WINDOW)

    def store_ready(self) -> None:
        """The store has opened (start-up): let every built workspace fill in."""
        self._store_pending = False
        self._shown_once = True
        for workspace in self.workspaces.values():
            workspace.store_ready()

    def setVisible(self, visible: bool) -> None:
        # Overrides setVisible rather than showEvent: a Python showEvent makes PySide build
        # the QEvent wrapper types (some milliseconds) before the first frame.
        super().setVisible(visible)
        if visible and not getattr(self, "_shown_once", False) and not self._store_pending:
            self._shown_once = True
            # After the first paint: the window appears first, the workspace fills in next.
            QTimer.singleShot(0, self._first_shown)

    def _first_shown(self) -> None:
        if "applicant" in self.workspaces:
            self.applicant.reopen_last()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        event.accept()

    def save_state(self) -> None:
        """Store pending edits, finish queued operations and remember the window (idempotent).

        Called on close and on ``QApplication.aboutToQuit`` (a session logout quits without
        closing windows).
        """
        for workspace in self.workspaces.values():
            workspace.deactivate()
        self.runner.wait()
        settings = self.ctx.settings
        settings.setValue(GEOMETRY, self.saveGeometry())
        applicant = self.workspaces.get("applicant")
        if isinstance(applicant, ApplicantWorkspace):
            applicant.remember()
        settings.sync()
