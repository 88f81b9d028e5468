"""``EditorWidget``: one document open for editing — tree, page, self-check, autosave.

The main window creates it with ``EditorWidget(ctx, doc_id)`` and calls ``flush()``
before closing or switching documents. Every edit is an undo command that changes the
``DocumentState``; the autosaver stores it within a second; nothing asks to save.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms import editable_data
from smedesk.forms.walk import spec_at
from smedesk.schemes import Finding
from smedesk.store import SaveConflict
from smedesk.ui.context import AppContext
from smedesk.ui.editor.attachments_page import AttachmentsPage
from smedesk.ui.editor.autosave import Autosaver
from smedesk.ui.editor.conflict_dialog import ConflictDialog
from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.editor.form_page import FormPage
from smedesk.ui.editor.list_page import ListPage
from smedesk.ui.editor.section_tree import SectionTree
from smedesk.ui.editor.sections import Section, build_sections, section_for_path
from smedesk.ui.editor.self_check import SelfCheckPanel
from smedesk.ui.editor.undo import SetValueCommand
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Handle, Operation, Reporter


def _pdf_export() -> Any:
    """The PDF dialog's entry, imported on first use (ReportLab is slow to load)."""
    from smedesk.ui.pdf_export_dialog import open_pdf_export

    return open_pdf_export


class EditorWidget(QWidget):
    """The editor of one stored document."""

    title_changed = Signal(str)

    def __init__(self, ctx: AppContext, doc_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        stored = ctx.store.get(doc_id)
        # upgraded to this release's format; a newer release's field refuses the document
        model_type, data = editable_data(stored.data)
        self.state = DocumentState(doc_id, model_type, data, self, version=stored.version)
        self.state.reloaded.connect(self._reload_pages)
        self.undo_stack = QUndoStack(self)
        self.autosaver = Autosaver(self.state, ctx.store, ctx.user_name, self)
        self.autosaver._title = stored.title  # renamed only when the title really changes
        self.autosaver.title_changed.connect(self.title_changed)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        self.autosaver.merged.connect(self._note)
        self.autosaver.conflicted.connect(self._show_conflict)
        self.conflict_dialog: ConflictDialog | None = None
        self.sections = build_sections(self.state.model_type)
        self._by_key = {s.key: s for top in self.sections for s in top.walk()}
        self.pages: dict[str, QWidget] = {}
        self.tree = SectionTree(self.sections)
        self.tree.section_chosen.connect(self.show_page)
        self.stack = QStackedWidget()
        self.self_check_panel = SelfCheckPanel(self.state, runner=ctx.runner)
        self.self_check_panel.finding_activated.connect(self.open_finding)
        self.self_check_panel.evaluated.connect(self.tree.set_badges)
        self._build()
        self._add_actions()
        self.show_page(self.page_names()[0])
        self.self_check_panel.evaluate_now()

    # building -------------------------------------------------------------------------

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        #: The heading row; the workspace puts its «返回» button at its start.
        self.bar = bar
        self.heading = QLabel(self.title())
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title_changed.connect(self.heading.setText)
        bar.addWidget(self.heading, 1)
        self.save_status = QLabel(tr("所有修改都会自动保存"))
        self.save_status.setStyleSheet("color: #666;")
        bar.addWidget(self.save_status)
        self.undo_button = QPushButton(tr("撤销"))
        self.redo_button = QPushButton(tr("重做"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        pdf = QPushButton(tr("导出 PDF…"))
        pdf.clicked.connect(self.export_pdf)
        bar.addWidget(pdf)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.self_check_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 760, 330])
        splitter.setChildrenCollapsible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(splitter, 1)

    def _add_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, tr("撤销"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, tr("重做"))
        redo.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action: QAction = undo
        self.redo_action: QAction = redo

    def _make_page(self, section: Section) -> QWidget:
        if section.kind == "list":
            owner_key = section.key.rpartition(".")[0]
            owner = self._by_key.get(owner_key)
            owner_type = owner.model_type if owner and owner.model_type else self.state.model_type
            if not owner_key:
                owner_type = self.state.model_type
            return ListPage(section, self.state, self.undo_stack, owner_type)
        if section.kind == "attachments":
            return AttachmentsPage(section, self.state, self.ctx.store, runner=self.ctx.runner)
        page = FormPage(section, self.state, self.request_edit)
        page.open_section.connect(self.show_page)
        return page

    # the interface the main window uses -------------------------------------------------

    def title(self) -> str:
        return self.state.title()

    def page_names(self) -> list[str]:
        """Keys of every page (sections that are only groups lead to their first page)."""
        return [s.key for top in self.sections for s in top.walk() if s.kind != "group"]

    def page(self, name: str) -> QWidget:
        """The page of section ``name`` (a key or a title), built on first use."""
        section = self._by_key.get(name) or next(
            (s for s in self._by_key.values() if name in (s.title, s.short_title)), None
        )
        if section is None:
            raise KeyError(name)
        while section.kind == "group":
            section = section.children[0]
        if section.key not in self.pages:
            widget = self._make_page(section)
            self.pages[section.key] = widget
            self.stack.addWidget(widget)
        return self.pages[section.key]

    def show_page(self, name: str) -> QWidget:
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        key = next(k for k, w in self.pages.items() if w is widget)
        self.tree.select(key)
        return widget

    def flush(self) -> bool:
        """Store pending edits now (before closing or switching documents)."""
        return self.autosaver.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.flush()
        self.self_check_panel.wait()
        super().closeEvent(event)

    # editing ---------------------------------------------------------------------------

    def request_edit(self, path: str, value: Any, label: str) -> None:
        self.undo_stack.push(SetValueCommand(self.state, path, value, label))

    def open_finding(self, finding: Finding) -> None:
        """Open the page a finding is about and put the cursor in its field."""
        if finding.rule_id.startswith("material:"):
            page = self.show_page("materials") if "materials" in self._by_key else None
            if isinstance(page, AttachmentsPage):
                page.focus_material(finding.rule_id.partition(":")[2])
            return
        if not finding.path:
            return
        section = section_for_path(self.sections, finding.path)
        if section is None:
            return
        page = self.show_page(section.key)
        focus = getattr(page, "focus_path", None)
        if focus is not None:
            focus(finding.path)

    def export_pdf(self) -> Handle:
        """Store pending edits, read the attachments (an operation: they may be large), then
        open the export dialog on the stored revision."""
        saved = self.flush()
        doc, _unreadable = self.state.document()
        store, doc_id = self.ctx.store, self.state.doc_id

        def gather(reporter: Reporter) -> tuple[list[Any], int | None]:
            from smedesk.export.pdf.attachments import Attachment

            infos = store.attachments(doc_id)
            files = []
            for number, info in enumerate(infos):
                reporter(number, len(infos))
                files.append(
                    Attachment(info.material_id, info.filename, store.attachment_content(info.id))
                )
            # The footer names the stored revision the paper was printed from; if the edits
            # could not be stored, no revision holds what is printed, so none is named.
            revisions = store.revisions(doc_id) if saved else []
            return files, (revisions[-1].number if revisions else None)

        def show(gathered: tuple[list[Any], int | None]) -> None:
            files, revision = gathered
            _pdf_export()(self, doc, files, revision=revision, runner=self.ctx.runner)

        return self.ctx.runner.run(
            Operation(tr("正在读取附件…"), gather, long=True), on_success=show, parent=self
        )

    def _reload_pages(self) -> None:
        """The data was replaced (merged or resolved): rebuild the pages from it."""
        current = next((k for k, w in self.pages.items() if w is self.stack.currentWidget()), None)
        for widget in self.pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self.undo_stack.clear()  # the commands refer to values that are no longer there
        self.show_page(current or self.page_names()[0])
        self.self_check_panel.evaluate_now()

    def _show_conflict(self, conflict: SaveConflict) -> None:
        dialog = ConflictDialog(conflict, self.state.model_type, self)
        self.conflict_dialog = dialog
        self._failed(tr("与他人的修改冲突，请选择保留的值"))

        def done() -> None:
            self.conflict_dialog = None
            if self.autosaver.resolve(dialog.resolved(), conflict.version):
                self._note(tr("已按您的选择保存"))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def _note(self, text: str) -> None:
        self.save_status.setText(text)
        self.save_status.setStyleSheet("color: #666;")

    def _saved(self, when: float) -> None:
        stamp = dt.datetime.fromtimestamp(when).strftime("%H:%M:%S")
        self.save_status.setText(tr("已自动保存 {time}").format(time=stamp))
        self.save_status.setStyleSheet("color: #666;")

    def _failed(self, message: str) -> None:
        """A save the store refused: say why, and which fields wait (they keep their text
        here and are stored again by themselves, see ``Autosaver.retry``)."""
        labels = []
        for path in self.autosaver.unsaved_paths[:5]:
            spec = spec_at(self.state.model_type, path)
            labels.append(spec.label if spec is not None else path)
        waiting = tr("（未保存：{fields}）").format(fields="、".join(labels)) if labels else ""
        self.save_status.setText(tr("未能保存：") + message + waiting)
        self.save_status.setToolTip(message + waiting)
        self.save_status.setStyleSheet("color: #d93025; font-weight: bold;")
