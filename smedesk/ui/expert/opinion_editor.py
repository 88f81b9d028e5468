"""The opinion sheet as the expert fills it: one row per criterion of the scheme, a comment
per row, the overall opinion, the conclusion of the stage, and the signature pad.

Quantitative rows arrive filled (the applicant's figure, the threshold, what the self-check
found) and stay read-only; the expert gives each row an assessment and, where useful, a
comment. There is no score, total or rank anywhere (national measures Art. 8). ``changed``
fires on every edit so the workspace can autosave :meth:`document`; ``sign_requested``
carries the strokes when the expert asks to sign. A signed sheet is shown read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.enums import Assessment, Conclusion, Stage
from smedesk.forms.fields import spec_of
from smedesk.forms.opinion import CriterionAssessment, ExpertOpinion
from smedesk.forms.strokes import Stroke, format_strokes, parse_strokes
from smedesk.ui.i18n import tr
from smedesk.ui.spacing import MARGIN, SPACING
from smedesk.ui.widgets.signature_pad import SignaturePad

COLUMNS = ("label", "figure", "threshold", "engine_outcome", "assessment", "comment")
ASSESSMENT_COLUMN = COLUMNS.index("assessment")
COMMENT_COLUMN = COLUMNS.index("comment")
_ASSESSMENTS = {a.value: a for a in Assessment}
_PAIRS = (
    (Conclusion.RECOMMEND, Conclusion.NOT_RECOMMEND),
    (Conclusion.CREATE, Conclusion.NOT_CREATE),
    (Conclusion.ACCEPT, Conclusion.NOT_ACCEPT),
)


def conclusion_pair(doc: ExpertOpinion) -> tuple[Conclusion, Conclusion]:
    """The two conclusions of the sheet's regime: creation, acceptance, or recommendation."""
    for pair in _PAIRS:
        if doc.conclusion in pair:
            return pair
    return _PAIRS[1] if doc.stage is Stage.CREATION else _PAIRS[0]


class OpinionSheetEditor(QWidget):
    changed = Signal()
    sign_requested = Signal(list)

    def __init__(self, doc: ExpertOpinion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._loading = True
        E = ExpertOpinion
        header = QFormLayout()
        for name in ("applicant_name", "stage", "expert_name"):
            value = getattr(doc, name)
            shown = value.label if isinstance(value, Stage) else (value or "")
            header.addRow(spec_of(E, name).label, QLabel(str(shown), self))
        # The expert's own title and employer: printed in the panel's table of the 推荐表 and
        # compared with the applicant and its partners (the authority's conflict check).
        self.title_edit = self._line(doc.expert_title, spec_of(E, "expert_title").label)
        self.employer_edit = self._line(doc.employer, spec_of(E, "employer").label)
        header.addRow(spec_of(E, "expert_title").label + " *", self.title_edit)
        header.addRow(spec_of(E, "employer").label + " *", self.employer_edit)
        self.table = QTableWidget(len(doc.criteria), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [spec_of(CriterionAssessment, c).label for c in COLUMNS]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COMMENT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._combos: list[QComboBox] = []
        for row, criterion in enumerate(doc.criteria):
            self._fill_row(row, criterion)
        self.table.itemChanged.connect(self._edited)
        self.overall = QPlainTextEdit(doc.overall_opinion or "", self)
        self.overall.setPlaceholderText(tr("综合各项评审情况，写明总体意见"))
        self.overall.setAccessibleName(spec_of(E, "overall_opinion").label)
        self.overall.textChanged.connect(self._edited)
        self.conclusion_group = QButtonGroup(self)
        conclusion_row = QHBoxLayout()
        for i, choice in enumerate(conclusion_pair(doc)):
            button = QRadioButton(choice.label, self)
            button.setChecked(doc.conclusion is choice)
            self.conclusion_group.addButton(button, i)
            conclusion_row.addWidget(button)
        conclusion_row.addStretch(1)
        self.conclusion_group.idToggled.connect(self._edited)
        self.pad = SignaturePad(self)
        self.pad.set_strokes(parse_strokes(doc.signature_strokes))
        self.pad.setMinimumHeight(150)
        self.sign_button = QPushButton(tr("签署意见表"), self)
        self.sign_button.clicked.connect(lambda: self.sign_requested.emit(self.pad.strokes()))
        self.pad.changed.connect(self._pad_changed)
        bottom = QHBoxLayout()
        opinion_box = QGroupBox(spec_of(E, "overall_opinion").label, self)
        opinion_layout = QVBoxLayout(opinion_box)
        opinion_layout.addWidget(self.overall)
        conclusion_box = QGroupBox(spec_of(E, "conclusion").label, self)
        conclusion_box.setLayout(conclusion_row)
        opinion_layout.addWidget(conclusion_box)
        sign_box = QGroupBox(spec_of(E, "signature_strokes").label, self)
        sign_layout = QVBoxLayout(sign_box)
        sign_layout.addWidget(self.pad, 1)
        sign_layout.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignRight)
        bottom.addWidget(opinion_box, 3)
        bottom.addWidget(sign_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(header)
        layout.addWidget(QLabel(spec_of(E, "criteria").label, self))
        layout.addWidget(self.table, 3)
        layout.addLayout(bottom, 2)
        self._pad_changed()
        if doc.signed:
            self._read_only()
        self._loading = False

    def _line(self, value: str | None, label: str) -> QLineEdit:
        edit = QLineEdit(value or "", self)
        edit.setAccessibleName(label)
        edit.setMaxLength(100)
        edit.textEdited.connect(self._edited)
        return edit

    def _fill_row(self, row: int, criterion: CriterionAssessment) -> None:
        for column, name in enumerate(COLUMNS):
            if name == "assessment":
                combo = QComboBox(self.table)
                combo.addItem(tr("（请选择）"), None)
                for option in Assessment:
                    combo.addItem(option.label, option.value)
                if criterion.assessment is not None:
                    combo.setCurrentIndex(combo.findData(criterion.assessment.value))
                combo.setAccessibleName(
                    f"{criterion.label}：{spec_of(CriterionAssessment, name).label}"
                )
                combo.currentIndexChanged.connect(self._edited)
                self._combos.append(combo)
                self.table.setCellWidget(row, column, combo)
                continue
            item = QTableWidgetItem(str(getattr(criterion, name) or ""))
            if name != "comment":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _pad_changed(self) -> None:
        self.sign_button.setEnabled(not self.pad.canvas.is_empty() and not self._doc.signed)
        self._edited()

    def _read_only(self) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for combo in self._combos:
            combo.setEnabled(False)
        self.overall.setReadOnly(True)
        self.title_edit.setReadOnly(True)
        self.employer_edit.setReadOnly(True)
        for button in self.conclusion_group.buttons():
            button.setEnabled(False)
        self.pad.setEnabled(False)
        self.sign_button.setEnabled(False)
        self.sign_button.setText(tr("已签署"))

    def document(self) -> ExpertOpinion:
        """The sheet with what is on screen (the strokes included, not yet signed)."""
        rows = []
        for row, criterion in enumerate(self._doc.criteria):
            code = self._combos[row].currentData()
            item = self.table.item(row, COMMENT_COLUMN)
            comment = (item.text().strip() if item is not None else "") or None
            rows.append(
                criterion.model_copy(
                    update={
                        "assessment": _ASSESSMENTS.get(code) if code else None,
                        "comment": comment,
                    }
                )
            )
        pair = conclusion_pair(self._doc)
        chosen = self.conclusion_group.checkedId()
        strokes: list[Stroke] = self.pad.strokes()
        return self._doc.model_copy(
            update={
                "criteria": rows,
                "expert_title": self.title_edit.text().strip() or None,
                "employer": self.employer_edit.text().strip() or None,
                "overall_opinion": self.overall.toPlainText().strip() or None,
                "conclusion": pair[chosen] if chosen >= 0 else None,
                "signature_strokes": format_strokes(strokes) or None,
            }
        )
