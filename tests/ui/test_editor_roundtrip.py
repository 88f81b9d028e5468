"""Typing into every kind of field, then reopening from a new store: everything is there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from smedesk.ui.editor import EditorWidget
from smedesk.ui.editor.form_page import FormPage

pytest_plugins = ["support.editor_fixtures"]


def field(editor: EditorWidget, page: str, path: str) -> Any:
    form = editor.show_page(page)
    assert isinstance(form, FormPage)
    return form.editors[path]


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` key by key; QTest's keyClicks only knows ASCII, so 汉字 are sent as
    key events carrying their text, the way an input method delivers them."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick an item the way a keyboard user does (the combo emits ``activated``)."""
    combo.setFocus()
    target = combo.findText(text)
    assert target > 0, text
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_every_field_kind_survives_reopening(
    qtbot: Any, open_editor: Any, application_id: str, reopened: Any
) -> None:
    editor = open_editor(application_id)
    name = field(editor, "form.basic", "form.basic.applicant_name").input
    type_into(qtbot, name, "沈阳测试服务有限公司")
    employees = field(editor, "form.basic", "form.basic.employees").input
    type_into(qtbot, employees, "25")
    capital = field(editor, "form.basic", "form.basic.registered_capital").input
    type_into(qtbot, capital, "1,250.5")
    date = field(editor, "form.basic", "form.basic.registration_date").input
    type_into(qtbot, date, "2015-03-01")
    legal = field(editor, "form.basic", "form.basic.independent_legal_person").input
    choose(qtbot, legal, "是")
    text = field(editor, "narratives.basics", "narratives.basics").input
    assert isinstance(text, QPlainTextEdit)
    type_into(qtbot, text, "创立于2015年。\n服务沈阳中小企业。")
    claimed = field(editor, "functions", "functions.claimed")
    qtbot.mouseClick(claimed.boxes[0][1], Qt.MouseButton.LeftButton)
    # a choice column of a list, typed as its label
    staff = editor.show_page("staff")
    staff.add_row()
    model = staff.model
    model.setData(model.index(0, model.column_of("education")), "大学本科")
    model.setData(model.index(0, model.column_of("name")), "王芳")

    assert editor.flush()
    editor.close()  # (pytest-qt destroys it at teardown)

    data = reopened(application_id)
    basic = data["form"]["basic"]
    assert basic["applicant_name"] == "沈阳测试服务有限公司"
    assert basic["employees"] == 25
    assert basic["registered_capital"] == 1250.5
    assert basic["registration_date"] == "2015-03-01"
    assert basic["independent_legal_person"] is True
    assert data["narratives"]["basics"] == "创立于2015年。\n服务沈阳中小企业。"
    assert data["functions"]["claimed"] == ["information"]
    assert data["staff"] == [{"education": "bachelor", "name": "王芳"}]
    # untouched stays empty: no 0 stored for a number nobody typed
    assert basic["total_assets"] is None
    assert basic["equipment_count"] is None


def test_choice_field_of_a_creation_application(
    qtbot: Any, open_editor: Any, creation_id: str, reopened: Any
) -> None:
    editor = open_editor(creation_id)
    combo = field(editor, "applicant", "applicant.org_type").input
    choose(qtbot, combo, "基地")
    editor.flush()
    assert reopened(creation_id)["applicant"]["org_type"] == "base"


def test_derived_figure_follows_its_inputs(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    type_into(qtbot, field(editor, "form.basic", "form.basic.employees").input, "40")
    type_into(qtbot, field(editor, "form.basic", "form.basic.qualified_staff").input, "30")
    derived = field(editor, "form.basic", "form.basic.qualified_staff_percent")
    assert isinstance(derived.input, QLineEdit) and derived.input.isReadOnly()
    assert derived.input.text() == "75"


def test_undo_and_redo_restore_a_field(
    qtbot: Any, open_editor: Any, application_id: str, reopened: Any
) -> None:
    editor = open_editor(application_id)
    edit = field(editor, "form.basic", "form.basic.legal_representative").input
    type_into(qtbot, edit, "张三")
    assert editor.state.value("form.basic.legal_representative") == "张三"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.state.value("form.basic.legal_representative") is None
    assert edit.text() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "张三"
    editor.flush()
    assert reopened(application_id)["form"]["basic"]["legal_representative"] == "张三"


def test_unreadable_number_is_kept_and_marked(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    ratio_page = editor.show_page("form.basic.investors")
    ratio_page.add_row()
    model = ratio_page.model
    model.setData(model.index(0, model.column_of("ratio")), "150")
    index = model.index(0, model.column_of("ratio"))
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "不能大于 100.0"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
