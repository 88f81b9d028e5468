"""The live self-check: the scheme's findings for the document, grouped, each clickable.

Evaluation is an operation on the runner's ``check`` lane, from a snapshot of the document,
at most one at a time and only after typing pauses, so a 3,000-row document stays smooth to
type in. Results for an older snapshot than the newest requested are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.enums import Stage
from smedesk.schemes import Citation, Finding, Outcome, Scheme, SchemeError, evaluate, load_scheme
from smedesk.ui.editor.document_state import DocumentState, lenient_validate
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Operation, OperationRunner

DEBOUNCE_MS = 400
ORDER = (Outcome.NOT_MET, Outcome.RELAXED, Outcome.JUDGEMENT, Outcome.MET, Outcome.NOTE)
COLOURS = {
    Outcome.NOT_MET: "#d93025",
    Outcome.RELAXED: "#e37400",
    Outcome.JUDGEMENT: "#1a73e8",
    Outcome.MET: "#188038",
    Outcome.NOTE: "#5f6368",
}
_INPUT_CITATION = Citation("表格填写要求", "数字、日期和选项须按格式填写")


def run_check(
    model_type: Any, data: dict[str, Any], scheme: Scheme | None, stage: str | None
) -> list[Finding]:
    """Findings for one snapshot: the engine's, plus values that could not be read."""
    doc, unreadable = lenient_validate(model_type, data)
    findings = [
        Finding(
            rule_id=f"input:{path}",
            title=tr("无法识别的取值"),
            outcome=Outcome.NOT_MET,
            message=f"{path}：{message}",
            citation=_INPUT_CITATION,
            path=path,
            group="consistency",
        )
        for path, message in unreadable.items()
    ]
    if scheme is not None:
        findings = evaluate(doc, scheme, stage=stage) + findings
    return findings


class SelfCheckPanel(QWidget):
    """Grouped findings (not met / relaxed / needs judgement / met); click to go there."""

    finding_activated = Signal(object)  # Finding
    evaluated = Signal(list)  # list[Finding], after each evaluation

    def __init__(
        self,
        state: DocumentState,
        parent: QWidget | None = None,
        *,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner or OperationRunner(parent=self)
        self.findings: list[Finding] = []
        self.scheme: Scheme | None = None
        self.scheme_error = ""
        try:
            self.scheme = load_scheme(state.scheme_id)
        except SchemeError as exc:
            self.scheme_error = str(exc)
        self._running = False
        self._closed = False
        self._wanted = -1  # revision of the newest request
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.evaluate_now)
        self._build()
        state.value_changed.connect(lambda _path: self._timer.start())

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 10, 8, 8)
        title = QLabel(tr("自查"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        column.addWidget(title)
        scheme = QLabel(self.scheme.title if self.scheme else self.scheme_error)
        scheme.setWordWrap(True)
        scheme.setStyleSheet("color: #555; font-size: 12px;")
        column.addWidget(scheme)
        self.stage = QComboBox()
        for code in self.scheme.stages if self.scheme else ():
            member = Stage.from_label(code)
            self.stage.addItem(member.label if member else code, code)
        self.stage.currentIndexChanged.connect(lambda _i: self.evaluate_now())
        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel(tr("阶段")))
        stage_row.addWidget(self.stage, 1)
        holder = QWidget()
        holder.setLayout(stage_row)
        stage_row.setContentsMargins(0, 0, 0, 0)
        holder.setVisible(self.stage.count() > 1)
        column.addWidget(holder)
        self.summary = QLabel(tr("正在检查…"))
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setIndentation(12)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        column.addWidget(self.tree, 1)

    # evaluation -----------------------------------------------------------------------

    def evaluate_now(self) -> None:
        """Check the document as it is now (after any running check finishes)."""
        self._timer.stop()
        self._wanted = self.state.revision
        if self._running:
            return  # _show starts the next one
        self._running = True
        revision = self._wanted
        args = (self.state.model_type, self.state.snapshot(), self.scheme, self.stage.currentData())
        self.runner.run(
            Operation(tr("自查"), lambda _reporter: run_check(*args), lane="check"),
            on_success=lambda findings: self._show(revision, findings),
            on_failure=lambda message: self._show(revision, message),
        )

    def wait(self) -> None:
        """Let a running check finish (before the editor goes away); drop its result."""
        self._timer.stop()
        self._closed = True
        self.runner.wait(lane="check")

    def _show(self, revision: int, result: list[Finding] | str) -> None:
        self._running = False
        if self._closed:
            return
        if revision != self._wanted:
            self.evaluate_now()  # typed meanwhile: this result is stale
            return
        if isinstance(result, str):
            self.summary.setText(tr("自查未能完成：") + result)
            return
        self.findings = list(result)
        self._fill()
        self.evaluated.emit(self.findings)

    def _fill(self) -> None:
        counts = {o: 0 for o in ORDER}
        for f in self.findings:
            counts[f.outcome] = counts.get(f.outcome, 0) + 1
        self.summary.setText(
            "　".join(
                f'<span style="color:{COLOURS[o]}">{o.label} <b>{counts[o]}</b></span>'
                for o in ORDER[:4]
            )
        )
        expanded: dict[str, bool] = {}
        for i in range(self.tree.topLevelItemCount()):
            top_item = self.tree.topLevelItem(i)
            if top_item is not None:
                expanded[top_item.text(0).split(" ")[0]] = top_item.isExpanded()
        self.tree.clear()
        self._items: list[Finding] = []
        bold = QFont()
        bold.setBold(True)
        for outcome in ORDER:
            group = [f for f in self.findings if f.outcome is outcome]
            if not group:
                continue
            top = QTreeWidgetItem([f"{outcome.label} （{len(group)}）"])
            top.setForeground(0, QBrush(QColor(COLOURS[outcome])))
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for f in group:
                item = QTreeWidgetItem([f"{f.message}\n{f.citation}"])
                item.setToolTip(0, f"{f.title}\n{f.message}\n{f.citation}")
                item.setData(0, 256, len(self._items))  # Qt.UserRole: index into _items
                self._items.append(f)
                top.addChild(item)
            top.setExpanded(expanded.get(outcome.label, outcome is not Outcome.MET))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, 256)
        if isinstance(index, int) and 0 <= index < len(self._items):
            self.finding_activated.emit(self._items[index])
