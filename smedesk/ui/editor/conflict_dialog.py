"""When two saves changed the same field: both values side by side, the user picks.

Shown by the editor when the store raises ``SaveConflict``. Each conflicting place is a row
with the field's label, the value in this window and the value saved meanwhile by another
window or colleague; the user chooses per row (this window's by default: it is what they just
typed). Nothing is discarded without being shown, and the value not kept stays in the
document's revision history.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.walk import spec_at
from smedesk.store import Conflict, SaveConflict
from smedesk.store.merge import MISSING
from smedesk.ui import spacing
from smedesk.ui.i18n import tr

MINE, THEIRS = 0, 1


def shown_value(value: Any) -> str:
    """A value as a person reads it: blank for nothing, rows counted for a table."""
    if value is MISSING or value is None or value == "":
        return tr("（空）")
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, list):
        return tr("{count} 行").format(count=len(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)[:200]
    return str(value)


def field_label(model_type: Any, conflict: Conflict) -> str:
    """The field's Chinese label and its path (the path alone for a place with no label)."""
    path = conflict.path
    spec = spec_at(model_type, path) if path else None
    if spec is None:
        return path or tr("（整份文档）")
    return f"{spec.label}（{path}）"


def resolved_data(conflict: SaveConflict, choices: list[int]) -> dict[str, Any]:
    """The stored data with each conflicting place set to the chosen side's value."""
    data = copy.deepcopy(conflict.data)
    for item, choice in zip(conflict.conflicts, choices, strict=True):
        value = item.mine if choice == MINE else item.theirs
        data = _put(data, item.parts, value)
    return data


def _put(root: Any, parts: tuple[Any, ...], value: Any) -> Any:
    if not parts:
        return copy.deepcopy(value)
    node = root
    for part in parts[:-1]:
        node = node[part]
    last = parts[-1]
    if value is MISSING:
        if isinstance(node, dict):
            node.pop(last, None)
        return root
    node[last] = copy.deepcopy(value)
    return root


class ConflictDialog(QDialog):
    """Both values of every conflicting field; ``choices()`` after ``exec()``."""

    def __init__(self, conflict: SaveConflict, model_type: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(tr("同时修改了相同的内容"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "在您编辑期间，另一个窗口或同事保存了对以下内容的修改。"
                "请逐项选择保留哪个值；其余不冲突的修改已经合并，两边都没有丢失。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(spacing.MARGIN)
        for column, text in enumerate((tr("内容"), tr("本窗口的值"), tr("已保存的值（他人）"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        self._groups: list[QButtonGroup] = []
        for row, item in enumerate(conflict.conflicts, start=1):
            label = QLabel(field_label(model_type, item))
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for choice, value in ((MINE, item.mine), (THEIRS, item.theirs)):
                button = QRadioButton(shown_value(value))
                button.setAccessibleName(f"{label.text()}：{shown_value(value)}")
                group.addButton(button, choice)
                grid.addWidget(button, row, 1 + choice)
            group.button(MINE).setChecked(True)
            self._groups.append(group)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(conflict.conflicts) + 1, 1)  # rows packed at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("保留所选的值"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.resize(760, min(560, 200 + 48 * len(conflict.conflicts)))
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def choices(self) -> list[int]:
        return [group.checkedId() for group in self._groups]

    def resolved(self) -> dict[str, Any]:
        return resolved_data(self.conflict, self.choices())

    def reject(self) -> None:
        # Closing without choosing keeps this window's values: the user's typing is kept,
        # and the other values remain in the revision history.
        self.accept()
