"""回避声明: asked before an opinion sheet opens.

Four statements (labels from :class:`smedesk.forms.opinion.ConflictDeclaration`), each
answered 是 / 否. All 是: the sheet opens. Any 否: the expert declares a conflict, which is
recorded and closes the sheet (the recommender assigns another expert). Nothing is assumed:
an unanswered statement keeps both buttons of the decision disabled.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.fields import spec_of
from smedesk.forms.opinion import ConflictDeclaration
from smedesk.ui.i18n import tr
from smedesk.ui.spacing import MARGIN, SECTION_GAP, SPACING, TEXT_WIDTH

STATEMENTS = tuple(name for name in ConflictDeclaration.model_fields)


class ConflictDeclarationDialog(QDialog):
    """Ask the four statements; :attr:`outcome` is "clear" or "conflict" once accepted."""

    def __init__(
        self,
        applicant: str,
        declaration: ConflictDeclaration | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("回避声明"))
        self.outcome: str | None = None
        intro = QLabel(
            tr(
                "在查看「{applicant}」的申请并填写评审意见前，请逐项确认您与申报单位之间"
                "近三年内不存在下列关系。如存在任一关系，请声明回避：意见表将被关闭，"
                "推荐单位会另行安排专家。"
            ).format(applicant=applicant),
            self,
        )
        intro.setWordWrap(True)
        intro.setMaximumWidth(TEXT_WIDTH)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SECTION_GAP)
        grid.setVerticalSpacing(SPACING)
        self._groups: dict[str, QButtonGroup] = {}
        current = declaration or ConflictDeclaration()
        for row, name in enumerate(STATEMENTS):
            label = QLabel(spec_of(ConflictDeclaration, name).label, self)
            yes = QRadioButton(tr("是"), self)
            no = QRadioButton(tr("否"), self)
            yes.setAccessibleName(f"{label.text()}：{tr('是')}")
            no.setAccessibleName(f"{label.text()}：{tr('否')}")
            group = QButtonGroup(self)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            value = getattr(current, name)
            if value is not None:
                (yes if value else no).setChecked(True)
            group.idToggled.connect(self._update)
            self._groups[name] = group
            grid.addWidget(label, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
        grid.setColumnStretch(3, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(tr("确认无需回避，打开意见表"), self)
        self.conflict_button = QPushButton(tr("声明回避并关闭意见表"), self)
        self.cancel_button = QPushButton(tr("取消"), self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.conflict_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(lambda: self._finish("clear"))
        self.conflict_button.clicked.connect(lambda: self._finish("conflict"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SECTION_GAP)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update()

    def declaration(self) -> ConflictDeclaration:
        """The answers given so far (None where a statement is unanswered)."""
        values: dict[str, bool | None] = {}
        for name, group in self._groups.items():
            checked = group.checkedId()
            values[name] = None if checked < 0 else bool(checked)
        return ConflictDeclaration(**values)

    def _update(self, *_: object) -> None:
        answers = [g.checkedId() for g in self._groups.values()]
        all_clear = all(a == 1 for a in answers)
        any_tie = any(a == 0 for a in answers)
        self.open_button.setEnabled(all_clear)
        self.conflict_button.setEnabled(any_tie)
        if any_tie:
            self.status.setText(
                tr("您确认了存在关系，应当回避。声明后此意见表关闭，不能再填写或签名。")
            )
        elif all_clear:
            self.status.setText(tr("四项均已确认，无需回避。"))
        else:
            left = sum(1 for a in answers if a < 0)
            self.status.setText(tr("还有 {count} 项未确认。").format(count=left))

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        self.accept()
