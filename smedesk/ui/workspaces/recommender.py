"""The recommending authority's workspace (推荐单位): its rounds and what is done in them.

Left, the rounds; right, the chosen round (``ui.rounds.round_page``): its applications with
state and flags, the round rules and cross-checks, upcoming deadlines, the survey draw and
the paper check. Every action that touches the store or files is an operation on
``ctx.runner`` (store lane; the paper check, which lays out a PDF and reads scans, on the
export lane with a progress dialog); the page is refilled from the result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import shortcuts, spacing
from smedesk.ui.context import AppContext
from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations import Operation
from smedesk.ui.workspaces.base import Workspace, discard_editor, flush_editor

if TYPE_CHECKING:
    from smedesk.rounds.overview import RoundOverview
    from smedesk.rounds.service import RoundStore

USER_ROLE = 256  # Qt.UserRole, without importing the Qt namespace at start-up


class RecommenderWorkspace(Workspace):
    ROLE = "recommender"
    LABEL = N_("推荐单位")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from smedesk.ui.rounds.round_page import RoundPage

        self.round_id: str | None = None
        self.last_failure = ""
        self._reading_names: set[str] = set()  # doc ids whose served names are being read
        self.last_checklist = ""
        self.editor: QWidget | None = None  # the open 推荐表, in place of the round
        self.form_id: str | None = None
        self._form_title = ""
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.round_view = QWidget()
        view = QHBoxLayout(self.round_view)
        view.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        splitter = QSplitter()
        view.addWidget(splitter)
        self.stack.addWidget(self.round_view)
        self.form_page = QWidget()
        self._form_layout = QVBoxLayout(self.form_page)
        self._form_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.form_page)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, spacing.SPACING, 0)
        title = QLabel(tr("推荐轮次"))
        title.setObjectName("pageHeading")
        self.rounds_list = QListWidget()
        self.rounds_list.setSpacing(4)
        self.new_button = QPushButton(tr("新建推荐轮次…"))
        self.new_button.setObjectName("primaryButton")
        column.addWidget(title)
        column.addWidget(self.rounds_list, 1)
        column.addWidget(self.new_button)
        self.page = RoundPage()
        self.empty = QLabel(
            tr("还没有推荐轮次。点击「新建推荐轮次…」开始：选择方案、年度和推荐单位。")
        )
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        right = QWidget()
        stack = QVBoxLayout(right)
        stack.setContentsMargins(spacing.SPACING, 0, 0, 0)
        stack.addWidget(self.empty)
        stack.addWidget(self.page, 1)
        self.page.hide()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 1060])
        self.new_button.clicked.connect(self.new_round)
        self.rounds_list.currentItemChanged.connect(self._round_chosen)
        self.page.add_requested.connect(self.add_application)
        self.page.import_requested.connect(self.import_packages)
        self.page.advance_requested.connect(self.advance)
        self.page.draw_requested.connect(self.draw)
        self.page.paper_requested.connect(self.check_paper)
        self.page.submit_requested.connect(self.submit)
        self.page.form_requested.connect(self.open_form)
        self.page.compose_requested.connect(self.compose_panel)
        self.page.firm_names_needed.connect(self.read_firm_names)
        ctx.events.changes_applied.connect(lambda _changes: self.refresh())

    def window_title(self) -> str:
        if self.editor is not None:
            return self._form_title
        return tr(self.LABEL)

    def menu_actions(self) -> list[QAction]:
        back = QAction(tr("返回推荐轮次"), self)
        shortcuts.assign(back, shortcuts.BACK_TO_LIST)
        back.triggered.connect(self.show_round)
        return [back]

    def store_ready(self) -> None:
        self.reload_rounds()

    def deactivate(self) -> bool:
        return self.flush_form()

    # running work ---------------------------------------------------------------------------

    def _rounds(self) -> RoundStore:
        from smedesk.rounds.service import RoundStore

        return RoundStore(self.ctx.store)

    def _run(self, label: str, work: Any, on_success: Any, *, long: bool = False,
             lane: str = "store") -> None:  # fmt: skip
        self.ctx.runner.run(Operation(label, work, long=long, lane=lane),
                            on_success=on_success, on_failure=self._failed, parent=self)  # fmt: skip

    def _failed(self, message: str) -> None:
        self.last_failure = message
        self.status_message.emit(message)
        if self.isVisible():
            QMessageBox.warning(self, tr("操作未完成"), message)

    def reload_rounds(self, select: str | None = None) -> None:
        def shown(rounds: list[Any]) -> None:
            self.rounds_list.blockSignals(True)
            self.rounds_list.clear()
            for r in rounds:
                item = QListWidgetItem(f"{r.year} · {r.authority_name}\n{r.authority_type.label}")
                item.setData(USER_ROLE, r.id)
                self.rounds_list.addItem(item)
            self.rounds_list.blockSignals(False)
            self.empty.setVisible(not rounds)
            self.page.setVisible(bool(rounds))
            target = select or self.round_id or (rounds[0].id if rounds else None)
            for row in range(self.rounds_list.count()):
                if self.rounds_list.item(row).data(USER_ROLE) == target:
                    self.rounds_list.setCurrentRow(row)

        self._run(tr("正在读取推荐轮次…"), lambda _r: self._rounds().rounds(), shown)

    def _round_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        self.round_id = str(item.data(USER_ROLE))
        self.refresh()

    def refresh(self) -> None:
        round_id = self.round_id
        if round_id is None:
            return
        from smedesk.rounds.overview import load_overview

        def shown(overview: RoundOverview) -> None:
            if overview.round.id == self.round_id:
                self.page.show_overview(overview)
                self.title_changed.emit()

        self._run(tr("正在核查本轮推荐…"),
                  lambda _r: load_overview(self._rounds(), round_id, dt.date.today()), shown)  # fmt: skip

    def read_firm_names(self, doc_id: str) -> None:
        """The names on an applicant's served list, for the shared-firms tab (read once)."""
        if doc_id in self._reading_names:
            return
        self._reading_names.add(doc_id)

        def shown(names: dict[str, str]) -> None:
            self._reading_names.discard(doc_id)
            self.page.set_firm_names(doc_id, names)

        def failed(message: str) -> None:
            self._reading_names.discard(doc_id)
            self._failed(message)

        self.ctx.runner.run(
            Operation(tr("正在读取服务企业名单…"), lambda _r: self._rounds().firm_names(doc_id)),
            on_success=shown, on_failure=failed, parent=self,
        )  # fmt: skip

    # actions --------------------------------------------------------------------------------

    def new_round(self) -> None:
        from smedesk.schemes import available_schemes
        from smedesk.ui.rounds.new_round_dialog import NewRoundDialog

        schemes = [(s.id, f"{s.title}（{s.document}）") for s in available_schemes()]
        dialog = NewRoundDialog(schemes, self)
        if dialog.exec() != NewRoundDialog.DialogCode.Accepted:
            return
        request, author = dialog.request(), self.ctx.user_name

        def work(_reporter: Any) -> Any:
            return self._rounds().create_round(
                request.scheme_id, request.year, request.authority_name,
                request.authority_type, request.deadline, author=author,
            )  # fmt: skip

        self._run(tr("正在新建推荐轮次…"), work, lambda r: self.reload_rounds(select=r.id))

    def add_application(self) -> None:
        round_id = self.round_id
        if round_id is None:
            return
        taken = {e.doc_id for e in self.page.overview.entries} if self.page.overview else set()

        def candidates(_reporter: Any) -> list[Any]:
            store = self.ctx.store
            found = store.list("application-report") + store.list("creation-application")
            return [d for d in found if d.id not in taken]

        def chosen(documents: list[Any]) -> None:
            if not documents:
                self._failed(tr("没有可加入的申请：请先导入申报包或新建申请报告。"))
                return
            labels = [f"{d.organisation or d.title}（{d.uscc or tr('未填统一社会信用代码')}）"
                      for d in documents]  # fmt: skip
            label, ok = QInputDialog.getItem(self, tr("加入申请"), tr("选择一份申请："),
                                             labels, 0, False)  # fmt: skip
            if not ok:
                return
            doc_id = documents[labels.index(label)].id
            author = self.ctx.user_name
            self._run(tr("正在加入申请…"),
                      lambda _r: self._rounds().add_application(round_id, doc_id, author=author),
                      lambda _entry: self.refresh())  # fmt: skip

        self._run(tr("正在读取申请…"), candidates, chosen)

    def import_packages(self, paths: list[Path] | None = None) -> None:
        """Import applicants' 申报包 (.smedesk) and add their applications to the round."""
        round_id, author = self.round_id, self.ctx.user_name
        if round_id is None:
            return
        if paths is None:
            from PySide6.QtWidgets import QFileDialog

            names, _ = QFileDialog.getOpenFileNames(self, tr("选择申报包"), "",
                                                    tr("申报包 (*.smedesk)"))  # fmt: skip
            paths = [Path(n) for n in names]
            if not paths:
                return
        chosen = list(paths)

        def work(reporter: Any) -> Any:
            from smedesk.rounds.importing import import_into_round

            return import_into_round(self.ctx.store, round_id, chosen, author=author,
                                     progress=reporter)  # fmt: skip

        def done(result: Any) -> None:
            self.status_message.emit(tr("已加入 {n} 份申请。").format(n=len(result.added)))
            if result.refused:
                self._failed("\n".join(result.refused))
            self.refresh()

        self._run(tr("正在导入申报包…"), work, done, long=True)

    def advance(self, doc_id: str) -> None:
        from smedesk.rounds.procedure import is_creation, next_states
        from smedesk.schemes import load_scheme

        overview, round_id = self.page.overview, self.round_id
        if overview is None or round_id is None:
            return
        entry = next(e for e in overview.entries if e.doc_id == doc_id)
        creation = is_creation(load_scheme(overview.round.scheme_id).stages)
        states = list(next_states(entry.state, creation=creation))
        if not states:
            self._failed(tr("这份申请已到程序的最后一步。"))
            return
        label, ok = QInputDialog.getItem(self, tr("推进状态"), tr("「{now}」之后：").format(
            now=entry.state.label), [s.label for s in states], 0, False)  # fmt: skip
        if not ok:
            return
        state, author = states[[s.label for s in states].index(label)], self.ctx.user_name
        self._run(tr("正在更新状态…"),
                  lambda _r: self._rounds().set_state(round_id, doc_id, state, author=author),
                  lambda _entry: self.refresh())  # fmt: skip

    def draw(self, doc_id: str, seed: int | None = None) -> None:
        round_id, author = self.round_id, self.ctx.user_name
        if round_id is None:
            return

        def work(_reporter: Any) -> str:
            from smedesk.store import StoreError

            rounds = self._rounds()
            made = rounds.draw(round_id, doc_id, author=author, seed=seed)
            try:
                rounds.fill_survey(round_id, doc_id, made, author=author)
            except StoreError as exc:  # the draw stands; the form keeps its results
                return exc.message
            return tr("抽中的企业已填入推荐表的测评情况。")

        self._run(tr("正在随机抽取服务企业…"), work, self._after_draw)

    def _after_draw(self, message: str) -> None:
        self.status_message.emit(message)
        self.page.tabs.setCurrentWidget(self.page.draw_tab)
        self.refresh()

    def check_paper(self, doc_id: str, files: list[Path] | None = None) -> None:
        round_id, author = self.round_id, self.ctx.user_name
        if round_id is None:
            return
        if files is None:
            from PySide6.QtWidgets import QFileDialog

            names, _ = QFileDialog.getOpenFileNames(
                self, tr("选择扫描的纸质材料（图像或 PDF，按页序）"), "",
                tr("扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp)"),
            )  # fmt: skip
            files = sorted(Path(n) for n in names)
            if not files:
                return
        chosen = list(files)

        def work(reporter: Any) -> None:
            from smedesk.rounds.paper import check_stored_document

            report = check_stored_document(self.ctx.store, doc_id, chosen, reporter)
            self._rounds().record(round_id, doc_id, "paper-check",
                                  {**report.as_json(), "problems": report.problems(),
                                   "files": [p.name for p in chosen]}, author=author)  # fmt: skip

        self._run(tr("正在核对纸质材料…"), work, lambda _none: self._after_paper(),
                  long=True, lane="export")  # fmt: skip

    def _after_paper(self) -> None:
        self.page.tabs.setCurrentWidget(self.page.paper_tab)
        self.refresh()

    def submit(self, folder: Path | None = None) -> None:
        """Write the round's submission (summary, workbook, bound PDFs, checklist) to a folder."""
        round_id = self.round_id
        if round_id is None:
            return
        if folder is None:
            from PySide6.QtWidgets import QFileDialog

            chosen = QFileDialog.getExistingDirectory(self, tr("选择保存报送材料的文件夹"))
            if not chosen:
                return
            folder = Path(chosen) / tr("报送材料")
        target = folder

        def work(reporter: Any) -> Any:
            from smedesk.rounds.submission import submit_round

            return submit_round(self._rounds(), round_id, target, reporter)

        def done(checklist: Any) -> None:
            self.last_checklist = checklist.text()
            self.status_message.emit(tr("报送材料已生成：{path}").format(path=target))
            if self.isVisible():
                QMessageBox.information(self, tr("报送材料已生成"), self.last_checklist)

        self._run(tr("正在生成报送材料…"), work, done, long=True, lane="export")

    # the 推荐表 ------------------------------------------------------------------------------

    def open_form(self, doc_id: str) -> None:
        """Open the applicant's 推荐表 in the editor (created and prefilled if there is none)."""
        round_id, author = self.round_id, self.ctx.user_name
        if round_id is None:
            return
        self._run(tr("正在打开推荐表…"),
                  lambda _r: self._rounds().open_form(round_id, doc_id, author=author),
                  self._show_form)  # fmt: skip

    def _show_form(self, form_id: str) -> None:
        from smedesk.errors import UserError
        from smedesk.ui.editor import EditorWidget

        self._close_form()
        try:
            editor = EditorWidget(self.ctx, form_id, self.form_page)
        except UserError as exc:
            self._failed(exc.message)
            return
        back = QPushButton(tr("← 返回推荐轮次"))
        back.setToolTip(shortcuts.key(shortcuts.BACK_TO_LIST).toString())
        back.clicked.connect(self.show_round)
        editor.bar.insertWidget(0, back)
        editor.title_changed.connect(self._set_form_title)
        self.editor, self.form_id = editor, form_id
        self._form_title = editor.title()
        self._form_layout.addWidget(editor)
        self.stack.setCurrentWidget(self.form_page)
        self.title_changed.emit()
        self.status_message.emit(tr("已打开「{title}」").format(title=self._form_title))

    def _set_form_title(self, title: str) -> None:
        self._form_title = title
        self.title_changed.emit()

    def flush_form(self) -> bool:
        """Store the open 推荐表's pending edits now (before closing or switching)."""
        return flush_editor(self.editor)

    def _close_form(self) -> None:
        if self.editor is None:
            return
        discard_editor(self.editor, self._form_layout)
        self.editor, self.form_id = None, None

    def show_round(self) -> None:
        """Back from the 推荐表 to the round it belongs to."""
        self._close_form()
        self.stack.setCurrentWidget(self.round_view)
        self.title_changed.emit()
        self.refresh()

    def compose_panel(self, doc_id: str, *, ask: bool = True) -> None:
        """The signed sheets into the 推荐表: its experts' table and a draft panel opinion."""
        round_id, author = self.round_id, self.ctx.user_name
        if round_id is None:
            return
        if ask and self.isVisible():
            answer = QMessageBox.question(
                self, tr("汇总到推荐表"),
                tr("用已签字的专家评审意见表重新生成推荐表中的专家名单和专家组评审意见？"
                   "推荐表中已写的专家组评审意见将被替换（原文字保留在修改历史中）。"),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return

        def done(panel: Any) -> None:
            self.status_message.emit(
                tr("已将 {n} 位专家的已签字意见汇总到推荐表。").format(n=len(panel.members))
            )
            self.open_form(doc_id)

        self._run(tr("正在汇总专家意见…"),
                  lambda _r: self._rounds().compose_into_form(round_id, doc_id, author=author),
                  done)  # fmt: skip
