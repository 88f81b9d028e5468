"""An imported application, read-only: its sections, its self-check findings, its PDF.

The expert (and the recommender) read an application that came in a package; it is the
applicant's, so nothing here can change it. The sections are a tree of label → value read
from the models' field declarations; the findings are the scheme's evaluation
(:func:`smedesk.schemes.evaluate`, on the runner's ``check`` lane); «预览 PDF…» opens the
program's PDF export dialog, which builds the PDF in the background and shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui.i18n import tr
from smedesk.ui.operations import Operation
from smedesk.ui.spacing import MARGIN, SPACING

if TYPE_CHECKING:
    from smedesk.forms import Document
    from smedesk.schemes import Finding
    from smedesk.ui.context import AppContext


def value_text(value: Any, unit: str | None) -> str:
    from smedesk.export.pdf.values import text

    shown = text(value)
    if not shown:
        return tr("（未填）")
    return f"{shown} {unit}" if unit else shown


def fill_tree(parent: QTreeWidgetItem, model: BaseModel) -> None:
    """One item per declared field: nested models and list rows as branches."""
    from smedesk.forms.fields import field_specs

    for spec in field_specs(type(model), include_derived=False):
        value = getattr(model, spec.name, None)
        if spec.kind == "model" and isinstance(value, BaseModel):
            branch = QTreeWidgetItem(parent, [spec.label, ""])
            fill_tree(branch, value)
        elif spec.kind == "list" and isinstance(value, list):
            branch = QTreeWidgetItem(
                parent, [spec.label, tr("{count} 行").format(count=len(value))]
            )
            for number, row in enumerate(value, start=1):
                if isinstance(row, BaseModel):
                    item = QTreeWidgetItem(branch, [tr("第 {n} 行").format(n=number), ""])
                    fill_tree(item, row)
                else:
                    QTreeWidgetItem(
                        branch, [tr("第 {n} 行").format(n=number), value_text(row, None)]
                    )
        else:
            QTreeWidgetItem(parent, [spec.label, value_text(value, spec.unit)])


def check_application(doc: Document) -> list[Finding]:
    """The scheme's findings at the stage the sheet judges (creation or recognition)."""
    from smedesk.exchange.template import stage_of
    from smedesk.schemes import evaluate, load_scheme

    scheme = load_scheme(doc.scheme.id)
    return evaluate(doc, scheme, stage=stage_of(doc, scheme))


class ApplicationViewer(QWidget):
    """Read-only: «申报内容» and «自查结果» tabs, and «预览 PDF…»."""

    def __init__(self, ctx: AppContext, doc_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from smedesk.forms import parse_document

        self.ctx = ctx
        self.doc_id = doc_id
        stored = ctx.store.get(doc_id)
        self.doc: Document = parse_document(stored.data)
        self.title = stored.title
        self.findings: list[Finding] | None = None
        heading = QLabel(self.title, self)
        heading.setObjectName("plannedTitle")
        heading.setWordWrap(True)
        self.origin = QLabel(self._origin_text(), self)
        self.origin.setObjectName("mutedText")
        self.origin.setWordWrap(True)
        self.pdf_button = QPushButton(tr("预览 PDF…"), self)
        self.pdf_button.clicked.connect(self.preview_pdf)
        top = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(self.origin)
        top.addLayout(column, 1)
        top.addWidget(self.pdf_button)
        self.tabs = QTabWidget(self)
        self.sections = QTreeWidget(self)
        self.sections.setHeaderLabels([tr("项目"), tr("内容")])
        self.sections.setWordWrap(True)
        self.sections.setColumnWidth(0, 320)
        root = self.sections.invisibleRootItem()
        fill_tree(root, self.doc)
        for i in range(root.childCount()):
            child = root.child(i)
            if child is not None:
                child.setExpanded(True)
        self.check = QTreeWidget(self)
        self.check.setHeaderLabels([tr("结果"), tr("说明"), tr("依据")])
        self.check.setWordWrap(True)
        self.check.setColumnWidth(0, 110)
        self.check.setColumnWidth(1, 520)
        self.check_summary = QLabel(tr("正在检查…"), self)
        check_page = QWidget(self)
        check_layout = QVBoxLayout(check_page)
        check_layout.addWidget(self.check_summary)
        check_layout.addWidget(self.check, 1)
        self.tabs.addTab(self.sections, tr("申报内容"))
        self.tabs.addTab(check_page, tr("自查结果"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._start_check()

    def _origin_text(self) -> str:
        from smedesk.store.imports import import_origin
        from smedesk.ui.expert.exchange_ops import DATABASE

        database = self.ctx.extras.get(DATABASE)
        origin = import_origin(database, self.doc_id) if database is not None else None  # type: ignore[arg-type]
        note = tr("只读：这是申报单位的材料，不能在此修改。")
        return f"{note}{tr('来源：')}{origin}" if origin else note

    def _start_check(self) -> None:
        doc = self.doc
        self.ctx.runner.run(
            Operation(tr("自查"), lambda _r: check_application(doc), lane="check"),
            on_success=self._show_findings,
            on_failure=lambda message: self.check_summary.setText(tr("自查未能完成：") + message),
        )

    def _show_findings(self, findings: list[Finding]) -> None:
        from smedesk.ui.editor.self_check import ORDER

        self.findings = list(findings)
        counts = {o: sum(1 for f in findings if f.outcome is o) for o in ORDER}
        self.check_summary.setText(
            "　".join(f"{o.label} {counts[o]}" for o in ORDER[:4])
            + tr("（申报单位自查的结果，仅供参考，由专家判断）")
        )
        self.check.clear()
        for outcome in ORDER:
            for finding in (f for f in findings if f.outcome is outcome):
                item = QTreeWidgetItem([outcome.label, finding.message, str(finding.citation)])
                item.setToolTip(1, finding.message)
                self.check.addTopLevelItem(item)

    def preview_pdf(self) -> None:
        from smedesk.export.pdf import Attachment
        from smedesk.ui.pdf_export_dialog import open_pdf_export

        store = self.ctx.store
        files = [
            Attachment(info.material_id, info.filename, store.attachment_content(info.id))
            for info in store.attachments(self.doc_id)
        ]
        self.pdf_dialog = open_pdf_export(self, self.doc, files, runner=self.ctx.runner)
