"""A form page: one part of the document laid out from its field declarations.

Label (with a red * when required) on the left, the input that fits the field on the
right, its help underneath; derived figures read-only right after their inputs; small
sub-parts as framed groups; tables as a link to their own page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smedesk.forms.checks import FORMAT_CHECKS
from smedesk.forms.fields import FieldSpec
from smedesk.ui.editor.document_state import DocumentState, lenient_validate
from smedesk.ui.editor.field_widgets import FieldEditor, make_field_editor
from smedesk.ui.editor.layout_rules import derived_anchor, has_own_page, ordered_specs
from smedesk.ui.editor.sections import Section, path_matches
from smedesk.ui.i18n import tr

LABEL_WIDTH = 250
EditRequest = Callable[[str, Any, str], None]  # path, new value, label


def field_problem(spec: FieldSpec, value: Any) -> str | None:
    """The format or length problem of one filled text value (same wording as the check)."""
    if not isinstance(value, str) or not value:
        return None
    check = FORMAT_CHECKS.get(spec.format or "")
    message = check(value) if check else None
    if message is None and spec.max_chars and len(value) > spec.max_chars:
        message = tr("超过 {limit} 字（现 {n} 字）").format(limit=spec.max_chars, n=len(value))
    return message


def page_title(text: str, help_text: str | None) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 6)
    title = QLabel(text)
    title.setObjectName("pageTitle")
    title.setWordWrap(True)
    title.setStyleSheet("font-size: 17px; font-weight: bold;")
    column.addWidget(title)
    if help_text:
        column.addWidget(_help_label(help_text))
    return box


def _help_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #666; font-size: 12px;")
    return label


class FormPage(QScrollArea):
    """The fields of one section; edits go out through ``request_edit``."""

    open_section = Signal(str)

    def __init__(
        self,
        section: Section,
        state: DocumentState,
        request_edit: EditRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.state = state
        self.request_edit = request_edit
        self.editors: dict[str, FieldEditor] = {}
        self.links: dict[str, tuple[QLabel, QPushButton]] = {}
        # owner path -> its model: derived figures and errors are computed per owner part
        self.owners: dict[str, type[BaseModel]] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(18, 14, 18, 18)
        self.column.addWidget(page_title(section.title, section.help))
        if section.kind == "chapter":
            self._build_chapter()
        else:
            owner = "" if section.key == "cover" else section.key
            grid = self._grid()
            self.column.addLayout(grid)
            self._add_entries(grid, section.entries, owner, section.model_type)
            self.column.addStretch(1)
        self.setWidget(body)
        state.value_changed.connect(self._on_change)
        self.refresh_all()

    # building ---------------------------------------------------------------------------

    @staticmethod
    def _grid() -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_chapter(self) -> None:
        ((path, spec),) = self.section.entries
        editor = make_field_editor(spec, tall=True)
        self._connect(path, spec, editor)
        self.column.addWidget(editor, 1)
        self.owners[path.rsplit(".", 1)[0]] = self.section.model_type  # type: ignore[assignment]

    def _add_entries(
        self,
        grid: QGridLayout,
        entries: list[tuple[str, FieldSpec]],
        owner: str,
        model_type: type[BaseModel] | None,
    ) -> None:
        if model_type is not None:
            self.owners[owner] = model_type
        for path, spec in entries:
            row = grid.rowCount()
            if spec.kind == "list" or (spec.kind == "model" and has_own_page(spec)):
                self._add_link(grid, row, path, spec)
            elif spec.kind == "model" and spec.item_model is not None:
                group = QGroupBox(spec.label)
                inner = self._grid()
                group.setLayout(inner)
                sub = [(f"{path}.{s.name}", s) for s in ordered_specs(spec.item_model)]
                self._add_entries(inner, sub, path, spec.item_model)
                grid.addWidget(group, row, 0, 1, 2)
            else:
                self._add_field(grid, row, path, spec)

    def _label(self, spec: FieldSpec) -> QLabel:
        text = spec.label
        if spec.unit and spec.kind not in ("int", "float"):
            text += f"（{spec.unit}）"
        if spec.required:
            text += ' <span style="color:#d93025">*</span>'
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFixedWidth(LABEL_WIDTH)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if spec.derived:
            label.setStyleSheet("color: #555;")
        return label

    def _add_field(self, grid: QGridLayout, row: int, path: str, spec: FieldSpec) -> None:
        editor = make_field_editor(spec)
        label = self._label(spec)
        label.setBuddy(editor.focus_widget())
        tall = spec.kind in ("multiline", "textlist", "multichoice")
        if tall:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(label, row, 0)
        grid.addWidget(editor, row, 1)
        if spec.help and not spec.derived:
            grid.addWidget(_help_label(spec.help), row + 1, 1)
        self._connect(path, spec, editor)

    def _connect(self, path: str, spec: FieldSpec, editor: FieldEditor) -> None:
        self.editors[path] = editor
        if not spec.derived and not spec.recorded:
            editor.edited.connect(lambda value: self.request_edit(path, value, spec.label))

    def _add_link(self, grid: QGridLayout, row: int, path: str, spec: FieldSpec) -> None:
        grid.addWidget(self._label(spec), row, 0)
        line = QHBoxLayout()
        count = QLabel()
        button = QPushButton(tr("打开表格") if spec.kind == "list" else tr("打开"))
        button.clicked.connect(lambda: self.open_section.emit(path))
        line.addWidget(count)
        line.addWidget(button)
        line.addStretch(1)
        grid.addLayout(line, row, 1)
        self.links[path] = (count, button)

    # keeping up with the document ------------------------------------------------------

    def refresh_all(self) -> None:
        for path, editor in self.editors.items():
            if not editor.spec.derived:
                editor.set_value(self.state.value(path))
        for owner in self.owners:
            self._refresh_owner(owner)
        for path in self.links:
            self._refresh_link(path)

    def _on_change(self, path: str) -> None:
        editor = self.editors.get(path)
        if editor is not None:
            editor.set_value(self.state.value(path))
        for owner in self.owners:
            if owner == "" or path_matches(path, owner):
                self._refresh_owner(owner)
        for link in self.links:
            if path_matches(path, link) or path_matches(link, path):
                self._refresh_link(link)

    def _refresh_link(self, path: str) -> None:
        value = self.state.value(path)
        count, _button = self.links[path]
        if isinstance(value, list):
            count.setText(tr("共 {n} 行").format(n=len(value)))

    def _refresh_owner(self, owner: str) -> None:
        model_type = self.owners[owner]
        if owner:
            data = self.state.value(owner)
        else:  # the document root: its tables play no part in the fields shown here
            data = {k: v for k, v in self.state.data.items() if not isinstance(v, list)}
        model, errors = lenient_validate(model_type, data if isinstance(data, dict) else {})
        prefix = f"{owner}." if owner else ""
        for path, editor in self.editors.items():
            if not path.startswith(prefix) or "." in path[len(prefix) :]:
                continue
            name = path[len(prefix) :]
            if editor.spec.derived:
                editor.set_value(getattr(model, name, None))
                continue
            editor.set_error(errors.get(name) or field_problem(editor.spec, editor.value()))

    # self-check navigation ---------------------------------------------------------------

    def focus_path(self, path: str) -> bool:
        """Scroll to and focus the field ``path`` names (or the nearest one shown here)."""
        target: QWidget | None = None
        best = ""
        for candidate, editor in self.editors.items():
            if path_matches(path, candidate) and len(candidate) > len(best):
                best, target = candidate, editor.focus_widget()
        for candidate, (_count, button) in self.links.items():
            if path_matches(path, candidate) and len(candidate) > len(best):
                best, target = candidate, button
        if target is None:
            return False
        chosen = self.editors.get(best)
        if chosen is not None and chosen.spec.derived:
            # A computed figure cannot be typed into: show it, then put the cursor in
            # the input it is computed from, so typing goes somewhere.
            self.ensureWidgetVisible(target, 40, 80)
            target = self._input_of(best) or target
        self.ensureWidgetVisible(target, 40, 80)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _input_of(self, derived_path: str) -> QWidget | None:
        """The input a derived figure is computed from, or the first input of its group."""
        owner, _, name = derived_path.rpartition(".")
        model = self.owners.get(owner)
        anchor = derived_anchor(model, name) if model is not None else None
        if anchor:
            path = f"{owner}.{anchor}" if owner else anchor
            editor = self.editors.get(path)
            if editor is not None and not editor.spec.derived:
                return editor.focus_widget()
            if path in self.links:
                return self.links[path][1]  # a table's figure: the button that opens it
        prefix = f"{owner}." if owner else ""
        for path, editor in self.editors.items():
            rest = path[len(prefix) :]
            if path.startswith(prefix) and "." not in rest and not editor.spec.derived:
                return editor.focus_widget()
        return None
