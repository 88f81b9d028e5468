"""Closing and starting again: a new window over the same database and settings file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smedesk.ui.app import open_settings
from smedesk.ui.new_document_dialog import build_request, scheme_choice
from smedesk.ui.settings_dialog import GEOMETRY, LAST_OPENED, REOPEN_LAST


def _add(store, name):
    choice = scheme_choice("miit-2017")
    request = build_request(choice, applicant_name=name, province="江苏省")
    return store.create(
        request.kind, request.title, request.data,
        scheme_id=request.scheme_id, scheme_version=request.scheme_version, author="测试员",
    )  # fmt: skip


def test_list_geometry_and_last_opened_come_back(qtbot, make_window, store, settings_path):
    first_id = _add(store, "甲公司")
    second_id = _add(store, "乙公司")
    window = make_window()
    window.resize(1200, 700)
    window.move(40, 30)
    window.list_page.select(second_id)
    window.list_page.open_selected()
    assert window.current_doc_id == second_id
    window.close()
    assert open_settings(settings_path).value(LAST_OPENED) == second_id

    again = make_window()
    # The last application opens again once the window is up.
    qtbot.waitUntil(lambda: again.current_doc_id == second_id, timeout=3000)
    assert again.applicant.stack.currentWidget() is again.applicant.editor_page
    assert (again.width(), again.height()) == (1200, 700)
    qtbot.mouseClick(again.applicant.back_button, Qt.MouseButton.LeftButton)
    titles = sorted(info.title for info in again.list_page.model.rows)
    assert titles == ["乙公司 · 申请报告", "甲公司 · 申请报告"]
    assert {info.id for info in again.list_page.model.rows} == {first_id, second_id}


def test_closed_from_the_list_starts_on_the_list(qtbot, make_window, store):
    doc_id = _add(store, "甲公司")
    window = make_window()
    window.open_document(doc_id)
    window.show_list()
    window.close()

    again = make_window()
    qtbot.wait(50)  # give the deferred reopen its turn
    assert again.applicant.stack.currentWidget() is again.list_page
    assert again.list_page.selected_ids() == [doc_id]


def test_a_trashed_last_application_is_not_reopened(qtbot, make_window, store):
    doc_id = _add(store, "甲公司")
    window = make_window()
    window.open_document(doc_id)
    window.close()
    store.trash(doc_id)

    again = make_window()
    qtbot.wait(50)
    assert again.editor is None
    assert again.applicant.stack.currentWidget() is again.list_page


def test_reopening_can_be_turned_off(qtbot, make_window, store, settings_path):
    doc_id = _add(store, "甲公司")
    window = make_window()
    window.open_document(doc_id)
    window.close()
    settings = open_settings(settings_path)
    settings.setValue(REOPEN_LAST, False)
    settings.sync()

    again = make_window()
    qtbot.wait(50)
    assert again.editor is None


def test_role_is_remembered(qtbot, make_window):
    window = make_window()
    window.set_role("recommender")
    window.close()
    again = make_window()
    # make_window builds a fresh context; the program reads the role back in run().
    assert open_settings(again.ctx.settings.fileName()).value("ui/role") == "recommender"


def test_geometry_is_written_to_the_given_file_only(make_window, settings_path):
    window = make_window()
    window.close()
    assert settings_path.exists()
    assert open_settings(settings_path).value(GEOMETRY) is not None
