"""What an imported package brought: its origin and signature, each document's fate, the
opinion sheets' signatures, and — for a document that differs from the local one — both
versions field by field with the choice of which to keep.

A conflicting document was *not* written by the import (``smedesk.exchange.importing``):
«保留本机版本» leaves the store as it is; «采用包中版本» saves the package's version as a new
revision (:func:`smedesk.exchange.accept_incoming`, run on the store lane), so the local one
stays in the history either way.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui.i18n import N_, tr
from smedesk.ui.operations import Operation, OperationRunner
from smedesk.ui.spacing import MARGIN, SPACING

if TYPE_CHECKING:
    from smedesk.exchange import ImportedDocument, ImportResult
    from smedesk.store import Change, DocumentStore

STATUS = {"new": N_("新导入"), "same": N_("本机已有，内容相同"), "conflict": N_("与本机内容不同")}
PURPOSE = {
    "application": N_("申请"),
    "template": N_("评审意见表"),
    "opinion": N_("评审意见表（已签署）"),
}
CHOICE = {"kept": N_("已保留本机版本"), "incoming": N_("已采用包中版本")}


def model_of(data: dict[str, Any]) -> Any:
    """The document model of ``data`` (it was parsed by the import, so it parses)."""
    from smedesk.forms import parse_document

    return type(parse_document(data))


def field_spec(model: Any, path: str) -> Any:
    from smedesk.forms.walk import spec_at

    return spec_at(model, path) if model is not None else None


def field_label(spec: Any, path: str) -> str:
    """The field's label from the model («资产总额（form.basic.total_assets）»), else the path."""
    return f"{spec.label}（{path}）" if spec is not None else path


def shown(value: Any, spec: Any = None) -> str:
    """A JSON value as the user reads it: 是/否, a choice's label, text; JSON for the rest."""
    if value is None:
        return tr("（无）")
    if isinstance(value, bool):
        return "是" if value else "否"  # document values are Chinese, as on the forms
    for choice in getattr(spec, "choices", ()) or ():
        if getattr(choice, "value", None) == value:
            return str(getattr(choice, "label", value))
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)[:500]


class ImportResultDialog(QDialog):
    """The import's outcome; conflicts are chosen here, one document at a time."""

    def __init__(
        self,
        result: ImportResult,
        store: DocumentStore,
        runner: OperationRunner,
        author: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.imported, self.store, self.runner, self.author = result, store, runner, author
        self.choices: dict[str, str] = {}  # doc id → "kept" / "incoming"
        manifest = result.manifest
        self.setWindowTitle(tr("导入{kind}").format(kind=tr(manifest.label)))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.documents = self._documents_table()
        layout.addWidget(self.documents, 1)
        if result.sheets:
            layout.addWidget(self._sheets_table(), 1)
        self.conflict_box = self._conflict_box()
        layout.addWidget(self.conflict_box, 2)
        self.conflict_box.setVisible(bool(result.conflicts))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not result.conflicts and not result.sheets:
            self.resize(900, 400)

    # the parts ------------------------------------------------------------------------------

    def _summary_text(self) -> str:
        from smedesk.export.package.manifest import ROLE_LABELS

        manifest, result = self.imported.manifest, self.imported
        counts = {s: sum(1 for d in result.documents if d.status == s) for s in STATUS}
        lines = [
            tr("{kind}来自{role}「{name}」，制作于 {when:%Y-%m-%d %H:%M}。").format(
                kind=tr(manifest.label),
                role=tr(ROLE_LABELS.get(manifest.creator.role, manifest.creator.role)),
                name=manifest.creator.name,
                when=manifest.created_at.astimezone(),
            ),
            tr("新导入 {new} 份，本机已有且相同 {same} 份，与本机内容不同 {conflict} 份。").format(
                **counts
            ),
        ]
        check = result.signature
        if check is None:
            lines.append(tr("此包未签名。"))
        else:
            trust = check.trust.label if check.trust is not None else ""
            lines.append(
                tr("签名有效：{signer}，密钥指纹 {fingerprint}。{trust}").format(
                    signer=check.signer, fingerprint=check.fingerprint or "", trust=trust
                )
            )
        if result.conflicts:
            lines.append(tr("与本机内容不同的文档没有被覆盖：请在下方逐份比较后选择保留哪个版本。"))
        return "\n".join(lines)

    def _documents_table(self) -> QTableWidget:
        docs = self.imported.documents
        table = QTableWidget(len(docs), 3, self)
        table.setHorizontalHeaderLabels([tr("文档"), tr("用途"), tr("导入结果")])
        for row, doc in enumerate(docs):
            cells = (doc.title, tr(PURPOSE.get(doc.purpose, doc.purpose)), tr(STATUS[doc.status]))
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        _read_only(table)
        return table

    def _sheets_table(self) -> QTableWidget:
        sheets = self.imported.sheets
        table = QTableWidget(len(sheets), 4, self)
        table.setHorizontalHeaderLabels([tr("评审专家"), tr("签名"), tr("说明"), tr("对应申请")])
        for row, sheet in enumerate(sheets):
            cells = (
                sheet.pdf.signer or sheet.expert or "",
                tr("有效") if sheet.valid else tr("无效"),
                sheet.reason,
                tr("已在本机找到") if sheet.matched else tr("本机没有这份申请"),
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        _read_only(table)
        return table

    def _conflict_box(self) -> QGroupBox:
        box = QGroupBox(tr("与本机内容不同的文档"), self)
        self.conflict_list = QListWidget(box)
        self.conflict_list.setWordWrap(True)
        for doc in self.imported.conflicts:
            self.conflict_list.addItem(doc.title)
            item = self.conflict_list.item(self.conflict_list.count() - 1)
            if item is not None:
                item.setToolTip(doc.title)
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.diff = QTableWidget(0, 3, box)
        self.diff.setHorizontalHeaderLabels([tr("字段"), tr("本机版本"), tr("包中版本")])
        self.diff.setWordWrap(True)
        _read_only(self.diff)
        # Rows follow their wrapped text at the table's real width (known only once shown).
        self.diff.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(tr("保留本机版本"), box)
        self.take_button = QPushButton(tr("采用包中版本"), box)
        self.keep_button.clicked.connect(self.keep_local)
        self.take_button.clicked.connect(self.take_incoming)
        self.choice_label = QLabel(box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choice_label, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        right = QVBoxLayout()
        right.addWidget(self.diff, 1)
        right.addLayout(buttons)
        row = QHBoxLayout(box)
        row.addWidget(self.conflict_list, 1)
        row.addLayout(right, 3)
        if self.imported.conflicts:
            self.conflict_list.setCurrentRow(0)
        return box

    # conflicts ------------------------------------------------------------------------------

    def current_conflict(self) -> ImportedDocument | None:
        row = self.conflict_list.currentRow()
        conflicts = self.imported.conflicts
        return conflicts[row] if 0 <= row < len(conflicts) else None

    def _show_conflict(self, _row: int) -> None:
        doc = self.current_conflict()
        changes: tuple[Change, ...] = doc.changes if doc is not None else ()
        self.diff.setRowCount(len(changes))
        model = model_of(doc.data) if doc is not None else None
        for row, change in enumerate(changes):
            spec = field_spec(model, change.path)
            cells = (
                field_label(spec, change.path),
                shown(change.old, spec),
                shown(change.new, spec),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.diff.setItem(row, column, item)
        self._update_choice()

    def _update_choice(self) -> None:
        doc = self.current_conflict()
        choice = self.choices.get(doc.doc_id) if doc is not None else None
        self.choice_label.setText(tr(CHOICE[choice]) if choice else "")
        self.keep_button.setEnabled(doc is not None and choice is None)
        self.take_button.setEnabled(doc is not None and choice is None)

    def keep_local(self) -> None:
        doc = self.current_conflict()
        if doc is not None:
            self.choices[doc.doc_id] = "kept"
            self._update_choice()

    def take_incoming(self) -> None:
        doc = self.current_conflict()
        if doc is None:
            return
        from smedesk.exchange import accept_incoming

        store, author = self.store, self.author
        self.take_button.setEnabled(False)
        self.runner.run(
            Operation(
                tr("正在采用包中版本…"), lambda _r: accept_incoming(store, doc, author=author)
            ),
            on_success=lambda _none: self._chosen(doc.doc_id, "incoming"),
            on_failure=self._failed,
        )

    def _chosen(self, doc_id: str, choice: str) -> None:
        self.choices[doc_id] = choice
        self._update_choice()

    def _failed(self, message: str) -> None:
        self.choice_label.setText(message)
        self._update_choice()


def _read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    head = table.horizontalHeader()
    head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
