"""Asking for a new round: scheme, year, authority name and type, and the notice's deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from smedesk.forms.enums import AuthorityType
from smedesk.ui import spacing
from smedesk.ui.i18n import tr


@dataclass(frozen=True)
class RoundRequest:
    scheme_id: str
    year: int
    authority_name: str
    authority_type: AuthorityType
    deadline: dt.date | None


class NewRoundDialog(QDialog):
    def __init__(self, schemes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("新建推荐轮次"))
        form = QFormLayout(self)
        form.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        self.scheme = QComboBox()
        for scheme_id, title in schemes:
            self.scheme.addItem(title, scheme_id)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData("miit-2019-call")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(tr("例如 辽宁省工业和信息化厅"))
        self.authority.setMinimumWidth(spacing.DIALOG_FIELD_WIDTH)
        self.kind = QComboBox()
        for member in AuthorityType:
            self.kind.addItem(member.label, member.value)  # document wording: Chinese
        self.has_deadline = QCheckBox(tr("通知规定了报送截止日期"))
        self.deadline = QDateEdit(QDate.currentDate().addMonths(1))
        self.deadline.setCalendarPopup(True)
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        form.addRow(tr("方案"), self.scheme)
        form.addRow(tr("年度"), self.year)
        form.addRow(tr("推荐单位名称"), self.authority)
        form.addRow(tr("推荐单位类别"), self.kind)
        form.addRow(self.has_deadline)
        form.addRow(tr("截止日期"), self.deadline)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def request(self) -> RoundRequest:
        kind = next(m for m in AuthorityType if m.value == self.kind.currentData())
        day = self.deadline.date()
        deadline = (
            dt.date(day.year(), day.month(), day.day()) if self.has_deadline.isChecked() else None
        )
        return RoundRequest(str(self.scheme.currentData()), self.year.value(),
                            self.authority.text().strip(), kind, deadline)  # fmt: skip
