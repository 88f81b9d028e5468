"""The expert opinion sheets on the selected application: who judged, and what, counted.

Two tables: the experts (in the order their sheets came in, never ranked) with their
conclusion, signature and conflict declaration; and each criterion with how many sheets
judged it 符合 / 基本符合 / 不符合 or left it. Above them the conclusions counted; below, the
button that puts the signed sheets into the 推荐表 as its experts' table and panel opinion.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.enums import Assessment
from smedesk.forms.fields import spec_of
from smedesk.forms.opinion import CriterionAssessment, ExpertOpinion
from smedesk.forms.opinion_tally import UNJUDGED, tally
from smedesk.ui import spacing
from smedesk.ui.i18n import tr
from smedesk.ui.rounds.tables import fill_table, read_only_table


class OpinionsTab(QWidget):
    """The sheets of one application; ``compose_requested`` asks for the panel opinion."""

    compose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(spacing.SMALL_MARGIN, spacing.SMALL_MARGIN, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        # The sheet's own labels (forms.opinion), as the expert saw them on the sheet.
        sheet = ["expert_name", "expert_title", "employer", "conclusion", "signed", "conflict"]
        self.experts = read_only_table([spec_of(ExpertOpinion, name).label for name in sheet])
        self.criteria = read_only_table(
            [spec_of(CriterionAssessment, "label").label, *(tr(a.label) for a in Assessment),
             tr(UNJUDGED)]
        )  # fmt: skip
        # Criteria read as sentences: the label takes the room left by the counts, wrapped.
        head = self.criteria.horizontalHeader()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.criteria.setWordWrap(True)
        self.criteria.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        split = QSplitter()
        split.addWidget(self.experts)
        split.addWidget(self.criteria)
        split.setSizes([520, 520])
        column.addWidget(split, 1)
        row = QHBoxLayout()
        self.compose_button = QPushButton(tr("汇总到推荐表"))
        self.compose_button.setToolTip(
            tr("用已签字的专家评审意见表生成推荐表中的专家名单和专家组评审意见初稿")
        )
        self.compose_button.clicked.connect(self.compose_requested)
        row.addStretch(1)
        row.addWidget(self.compose_button)
        column.addLayout(row)
        self.show_sheets(None, [])

    def show_sheets(self, applicant: str | None, sheets: list[ExpertOpinion]) -> None:
        """Fill from the sheets on ``applicant`` (None: nothing selected)."""
        signed = [s for s in sheets if s.signed]
        self.compose_button.setEnabled(bool(signed))
        if applicant is None:
            self.note.setText(tr("选择一家申报单位，查看专家评审意见的汇总。"))
        elif not sheets:
            self.note.setText(tr("「{name}」还没有专家评审意见表。").format(name=applicant))
        else:
            given = tally(signed).conclusions_text() if signed else tr("无")
            text = tr("「{name}」：专家评审意见表 {n} 份，已签字 {m} 份。已签字的评审结论：{c}。")
            text = text.format(name=applicant, n=len(sheets), m=len(signed), c=given)
            if len(signed) < len(sheets):
                text += tr("未签字的意见表不计入汇总。")
            self.note.setText(text + tr("只计各份意见表的结论，不排序、不打分。"))
        fill_table(self.experts, [
            [s.expert_name or "", s.expert_title or "", s.employer or "",
             s.conclusion.label if s.conclusion else tr("未填写"),
             tr("已签字") if s.signed else tr("未签字"),
             tr("无需回避") if s.conflict.clear else tr("未全部确认")]
            for s in sheets
        ])  # fmt: skip
        counted = tally(signed)
        fill_table(self.criteria, [
            [c.label, *(str(c.counts.get(a, 0)) for a in Assessment), str(c.unjudged)]
            for c in counted.criteria
        ])  # fmt: skip
