"""One input widget per field kind, built from the field's declaration.

Each editor shows and emits JSON values (see ``values.py``): an untouched field is
``None``, never 0; text a number field cannot read is kept and shown in red.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from smedesk.forms.fields import FieldSpec
from smedesk.ui.editor.values import choice_label, display_text, parse_text
from smedesk.ui.i18n import tr

_ERROR_STYLE = "background: #fde2e1; border: 1px solid #d93025;"
_DERIVED_STYLE = "background: #eef1f5; color: #333; border: 1px solid #d5dae1;"
_PLACEHOLDERS = {
    "uscc": "18 位，如 91110108MA01XXXXXX",
    "phone": "如 010-68205319",
    "mobile": "11 位手机号",
    "postcode": "6 位数字",
    "email": "如 name@example.com",
    "icp": "网址 + 备案号，如 www.example.cn 辽ICP备12345678号",
}


class UndoKeysToStack(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the document's undo stack instead of the text box's own.

    Text boxes claim the undo keys for their private undo; that history knows nothing of
    the document, so the keys are refused here and the editor's actions handle them.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = event.keyCombination().toCombined()
            for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                bindings = QKeySequence.keyBindings(key)
                if any(seq[0].toCombined() == combo for seq in bindings):  # type: ignore[index]
                    return True
            if QKeySequence("Ctrl+Y")[0].toCombined() == combo:  # type: ignore[index]
                return True
        return False


UNDO_KEYS = UndoKeysToStack()


class FieldEditor(QWidget):
    """A field's input with its unit; ``edited`` carries the new JSON value."""

    edited = Signal(object)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        # The input row, and under it the reason a value is wrong, in words: red alone
        # (or a tooltip nobody hovers) does not say what to fix.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self._layout = QHBoxLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self._value: Any = None
        self._updating = False

    def _finish(self, input_widget: QWidget, stretch: int = 1) -> None:
        self.input = input_widget
        input_widget.installEventFilter(UNDO_KEYS)
        self._layout.addWidget(input_widget, stretch)
        if self.spec.unit and self.spec.kind in ("int", "float"):
            unit = QLabel(self.spec.unit)
            unit.setObjectName("unit")
            self._layout.addWidget(unit)
        if stretch == 0:
            self._layout.addStretch(1)
        if self.spec.help:
            input_widget.setToolTip(self.spec.help)
        # What a screen reader announces: the field's label (with its unit), its help.
        suffix = f"（{self.spec.unit}）" if self.spec.unit else ""
        input_widget.setAccessibleName(f"{self.spec.label}{suffix}")
        input_widget.setAccessibleDescription(self.spec.help or "")

    def focus_widget(self) -> QWidget:
        return self.input

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show ``value`` (from the document); no ``edited`` signal."""
        if value == self._value and value is not None:
            return
        self._value = value
        self._updating = True
        try:
            self._show(value)
        finally:
            self._updating = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, value: Any) -> None:
        if self._updating or value == self._value:
            return
        self._value = value
        self.edited.emit(value)

    def set_error(self, message: str | None) -> None:
        self.input.setStyleSheet(_ERROR_STYLE if message else "")
        tip = message or self.spec.help or ""
        self.input.setToolTip(tip)
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.input.setAccessibleDescription(message or self.spec.help or "")


class LineEditor(FieldEditor):
    """Text and numbers: a line edit (numbers right-aligned, with a validator and unit)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        edit = QLineEdit()
        if spec.kind in ("int", "float"):
            pattern = (
                r"[-+]?[0-9０-９,，]*" if spec.kind == "int" else r"[-+]?[0-9０-９,，]*[.．]?[0-9]*"
            )
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaximumWidth(180)
        edit.setPlaceholderText(_PLACEHOLDERS.get(spec.format or "", ""))
        if spec.kind == "text":
            edit.setMaxLength(spec.max_length)  # the field's declared cap (forms.fields)
        edit.textEdited.connect(lambda text: self._emit(parse_text(self.spec, text)[0]))
        self.edit = edit
        self._finish(edit, 0 if spec.kind in ("int", "float") else 1)

    def _show(self, value: Any) -> None:
        if parse_text(self.spec, self.edit.text())[0] != value:
            self.edit.setText(display_text(self.spec, value))


class DateEditor(FieldEditor):
    """A date typed as 2024-06-30 or picked from a calendar; blank until set."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setMaximumWidth(150)
        self.edit.textEdited.connect(lambda text: self._emit(parse_text(self.spec, text)[0]))
        self._finish(self.edit, 0)
        button = QToolButton()
        button.setText(tr("日历"))
        button.setToolTip(tr("从日历中选择日期"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # the drop-down arrow would sit on top of the text in the program's style
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.clicked.connect(menu.close)
        button.setMenu(menu)
        self._layout.insertWidget(1, button)

    def _prepare_calendar(self) -> None:
        value = self._value
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        self.calendar.setSelectedDate(QDate(day) if day else QDate.currentDate())

    def _pick(self, day: QDate) -> None:
        text = day.toString("yyyy-MM-dd")
        self.edit.setText(text)
        self._emit(text)

    def _show(self, value: Any) -> None:
        self.edit.setText(display_text(self.spec, value))


class ComboEditor(FieldEditor):
    """A choice, or a yes/no answer: blank first so an unanswered field stays unanswered."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        combo = QComboBox()
        combo.addItem(tr("（请选择）"), None)
        if spec.kind == "bool":
            combo.addItem(tr("是"), True)
            combo.addItem(tr("否"), False)
        else:
            for member in spec.choices:
                combo.addItem(choice_label(spec, member.value), member.value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(520)
        combo.setMinimumWidth(150)  # room for «（请选择）» whatever the style's padding
        combo.activated.connect(lambda i: self._emit(combo.itemData(i)))
        self.combo = combo
        self._finish(combo, 0)

    def _show(self, value: Any) -> None:
        index = next(
            (
                i
                for i in range(self.combo.count())
                if self.combo.itemData(i) == value
                and (value is None or type(self.combo.itemData(i)) is type(value))
            ),
            0,
        )
        self.combo.setCurrentIndex(index)


class MultiChoiceEditor(FieldEditor):
    """Several choices ticked (e.g. the service functions claimed)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for member in spec.choices:
            check = QCheckBox(choice_label(spec, member.value))
            check.toggled.connect(self._toggled)
            row.addWidget(check)
            self.boxes.append((str(member.value), check))
        row.addStretch(1)
        self._finish(box)

    def focus_widget(self) -> QWidget:
        return self.boxes[0][1] if self.boxes else self.input

    def _toggled(self) -> None:
        self._emit([code for code, check in self.boxes if check.isChecked()])

    def _show(self, value: Any) -> None:
        chosen = set(value or [])
        for code, check in self.boxes:
            check.setChecked(code in chosen)


class TextBoxEditor(FieldEditor):
    """Multi-line text with a live count against its limit, or a list typed one per line."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None, tall: bool = False) -> None:
        super().__init__(spec, parent)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setUndoRedoEnabled(False)  # the document's undo stack does this
        self.edit.setMinimumHeight(380 if tall else 90)
        if tall:
            self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        else:
            self.edit.setMaximumHeight(160)
        if spec.kind == "textlist":
            self.edit.setPlaceholderText(tr("每行填写一项"))
        self.edit.textChanged.connect(self._changed)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setObjectName("counter")
        column.addWidget(self.edit, 1)
        column.addWidget(self.counter)
        holder = QWidget()
        holder.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(holder, 1)
        self.input = self.edit
        self.edit.installEventFilter(UNDO_KEYS)
        if spec.help:
            self.edit.setToolTip(spec.help)
        self._count()

    def _changed(self) -> None:
        self._count()
        self._emit(parse_text(self.spec, self.edit.toPlainText())[0])

    def _count(self) -> None:
        text = self.edit.toPlainText()
        if self.spec.kind == "textlist":
            n = sum(1 for line in text.splitlines() if line.strip())
            self.counter.setText(tr("共 {n} 项").format(n=n))
            return
        n = len(text.rstrip())
        limit = self.spec.max_chars
        if limit:
            over = n > limit
            self.counter.setText(
                tr("{n} / {limit} 字").format(n=n, limit=limit) + (tr("（超出）") if over else "")
            )
            self.counter.setStyleSheet("color: #d93025;" if over else "color: #666;")
        else:
            self.counter.setText(tr("{n} 字").format(n=n))

    def _show(self, value: Any) -> None:
        if parse_text(self.spec, self.edit.toPlainText())[0] == value:
            return
        self.edit.setPlainText(display_text(self.spec, value))
        self._count()


class DerivedDisplay(FieldEditor):
    """A computed figure: read-only, grey, never typed."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setStyleSheet(_DERIVED_STYLE)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setMaximumWidth(180)
        edit.setPlaceholderText(tr("自动计算"))
        self.edit = edit
        self._finish(edit, 0)
        edit.setToolTip(tr("自动计算，无需填写") + (f"\n{spec.help}" if spec.help else ""))

    def _show(self, value: Any) -> None:
        self.edit.setText(display_text(self.spec, value))

    def set_error(self, message: str | None) -> None:
        self.edit.setStyleSheet(_ERROR_STYLE if message else _DERIVED_STYLE)


class RecordedDisplay(FieldEditor):
    """A value the program wrote from its own record (the round's draw): shown, selectable
    for copying, never typed over."""

    _tip = ""  # set once the input exists (the base class shows errors while building)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setStyleSheet(_DERIVED_STYLE)
        edit.setPlaceholderText(tr("由程序记录"))
        self.edit = edit
        self._finish(edit, 1)
        edit.setToolTip(
            tr("由程序根据记录填写，不能修改") + (f"\n{spec.help}" if spec.help else "")
        )

    def _show(self, value: Any) -> None:
        self.edit.setText(display_text(self.spec, value))
        self.edit.setCursorPosition(0)

    def set_error(self, message: str | None) -> None:
        super().set_error(message)  # the reason in words under it, as for any field
        if not message:
            self.edit.setStyleSheet(_DERIVED_STYLE)
            self.edit.setToolTip(self._tip)


def make_field_editor(spec: FieldSpec, *, tall: bool = False) -> FieldEditor:
    """The editor that fits ``spec``'s kind."""
    if spec.derived:
        return DerivedDisplay(spec)
    if spec.recorded:
        return RecordedDisplay(spec)
    if spec.kind == "date":
        return DateEditor(spec)
    if spec.kind in ("bool", "choice"):
        return ComboEditor(spec)
    if spec.kind == "multichoice":
        return MultiChoiceEditor(spec)
    if spec.kind in ("multiline", "textlist"):
        return TextBoxEditor(spec, tall=tall)
    return LineEditor(spec)
