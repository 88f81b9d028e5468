"""The list of applications, driven as a user would (qtbot clicks), checked against the DB."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from smedesk.forms import parse_document
from smedesk.store import DocumentStore
from smedesk.ui.new_document_dialog import NewDocumentDialog, build_request, scheme_choice


def _add(store: DocumentStore, name: str, scheme_id: str = "miit-2017") -> str:
    choice = scheme_choice(scheme_id)
    assert choice is not None
    request = build_request(choice, applicant_name=name, province="江苏省")
    return store.create(
        request.kind,
        request.title,
        request.data,
        scheme_id=request.scheme_id,
        scheme_version=request.scheme_version,
        author="测试员",
    )


def _titles(window: Any) -> list[str]:
    return [info.title for info in window.list_page.model.rows]


def _run(qtbot: Any, window: Any, action: Any) -> None:
    """Do ``action`` and wait until the operation it starts has finished."""
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        action()


def test_create_through_the_dialog(qtbot, make_window, store, on_modal):
    window = make_window()
    page = window.list_page
    assert page.stack.currentWidget() is page.empty_label  # first start: an empty list

    def fill(dialog: Any) -> None:
        assert isinstance(dialog, NewDocumentDialog)
        dialog.select_scheme("miit-creation")
        assert dialog.org_type_box.isVisible()  # creation regimes ask platform or base
        dialog.org_type_box.setCurrentIndex(dialog.org_type_box.findData("platform"))
        assert dialog.platform_kind_box.isVisible()
        dialog.platform_kind_box.setCurrentIndex(dialog.platform_kind_box.findData("professional"))
        # QTest cannot type CJK key by key; insert() is what an input method commits.
        dialog.applicant_edit.insert("沈阳恒远精密机械服务有限公司")
        dialog.platform_name_edit.insert("沈阳恒远工业设计服务平台")
        dialog.province_box.setCurrentIndex(dialog.province_box.findData("辽宁省"))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    state = on_modal(fill)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    state.check()

    [info] = store.list()
    assert info.kind == "creation-application"
    assert info.scheme_id == "miit-creation"
    assert info.title == "沈阳恒远工业设计服务平台 · 创建申请书"
    doc = parse_document(store.get(info.id).data)
    assert doc.applicant.org_type == "platform"  # type: ignore[attr-defined]
    assert doc.applicant.platform_kind == "professional"  # type: ignore[attr-defined]
    assert doc.region.province == "辽宁省"  # type: ignore[attr-defined]
    # A new application opens at once, and is what the next start reopens.
    assert window.current_doc_id == info.id
    assert window.applicant.stack.currentWidget() is window.applicant.editor_page


def test_dialog_hides_platform_choice_for_recognition_schemes(qtbot):
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_scheme("miit-2017")
    assert not dialog.org_type_box.isVisible()
    assert not dialog.platform_name_edit.isVisible()
    request = dialog.request()
    assert request.kind == "application-report"
    assert parse_document(request.data).kind == "application-report"


def test_cancelled_dialog_creates_nothing(qtbot, make_window, store, on_modal):
    window = make_window()
    state = on_modal(lambda dialog: dialog.reject())
    qtbot.mouseClick(window.list_page.new_button, Qt.MouseButton.LeftButton)
    state.check()
    assert store.list() == []


def test_rename(qtbot, make_window, store, on_modal):
    doc_id = _add(store, "江苏华锐企业服务股份有限公司")
    window = make_window()
    page = window.list_page
    assert page.select(doc_id)

    def answer(dialog: Any) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("华锐 2024 年申请报告")
        dialog.accept()

    state = on_modal(answer)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    state.check()
    assert store.get(doc_id).title == "华锐 2024 年申请报告"
    assert _titles(window) == ["华锐 2024 年申请报告"]


def test_rename_to_blank_is_refused_with_a_message(qtbot, make_window, store, monkeypatch):
    doc_id = _add(store, "甲公司")
    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _run(qtbot, window, lambda: window.list_page.commands.rename(doc_id, "   "))
    assert shown == ["名称不能为空。"]
    assert store.get(doc_id).title == "甲公司 · 申请报告"


def test_duplicate_last_years_application(qtbot, make_window, store, on_modal):
    doc_id = _add(store, "江苏华锐企业服务股份有限公司")
    window = make_window()
    page = window.list_page
    page.select(doc_id)

    def answer(dialog: Any) -> None:
        assert dialog.textValue() == "江苏华锐企业服务股份有限公司 · 申请报告（副本）"
        dialog.setTextValue("华锐 2025")
        dialog.accept()

    state = on_modal(answer)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    state.check()
    copies = [info for info in store.list() if info.title == "华锐 2025"]
    assert len(copies) == 1
    assert store.get(copies[0].id).data["form"] == store.get(doc_id).data["form"]
    assert page.selected_ids() == [copies[0].id]  # the copy is selected, ready to open


def test_trash_restore_and_empty(qtbot, make_window, store, on_modal):
    keep = _add(store, "甲公司")
    gone = _add(store, "乙公司")
    window = make_window()
    page = window.list_page

    page.select(gone)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.trash_action_button, Qt.MouseButton.LeftButton)
    assert store.get(gone).in_trash
    assert _titles(window) == ["甲公司 · 申请报告"]
    assert page.trash_button.text() == "回收站（1）"

    qtbot.mouseClick(page.trash_button, Qt.MouseButton.LeftButton)
    assert page.showing_trash
    assert _titles(window) == ["乙公司 · 申请报告"]
    page.select(gone)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not store.get(gone).in_trash
    assert _titles(window) == []

    # Trash both, then empty the trash after confirming.
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    page.table.selectAll()
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [info.id for info in store.list()] == []
    qtbot.mouseClick(page.trash_button, Qt.MouseButton.LeftButton)
    assert sorted(_titles(window)) == ["乙公司 · 申请报告", "甲公司 · 申请报告"]

    def confirm(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    state = on_modal(confirm)
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        qtbot.mouseClick(page.empty_trash_button, Qt.MouseButton.LeftButton)
    state.check()
    assert store.list(include_deleted=True) == []
    assert page.stack.currentWidget() is page.empty_label
    assert keep not in [info.id for info in store.list(include_deleted=True)]


def test_empty_trash_can_be_cancelled(qtbot, make_window, store, on_modal):
    doc_id = _add(store, "甲公司")
    store.trash(doc_id)
    window = make_window()
    window.list_page.set_showing_trash(True)
    state = on_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.mouseClick(window.list_page.empty_trash_button, Qt.MouseButton.LeftButton)
    state.check()
    assert store.get(doc_id).in_trash  # still there


def test_search_and_filter(qtbot, make_window, store):
    _add(store, "沈阳恒远精密机械服务有限公司")
    _add(store, "江苏华锐企业服务股份有限公司")
    creation = _add(store, "大连金桥产业园运营管理有限公司", "miit-creation")
    window = make_window()
    page = window.list_page
    assert len(_titles(window)) == 3

    page.search_edit.insert("华锐")
    qtbot.waitUntil(lambda: _titles(window) == ["江苏华锐企业服务股份有限公司 · 申请报告"])
    assert page.count_label.text() == "共 1 份"

    page.search_edit.clear()
    page.search_edit.insert("没有这家")
    qtbot.waitUntil(lambda: _titles(window) == [])
    assert page.empty_label.text() == "没有符合筛选条件的申报。"

    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_titles(window)) == 3)
    page.kind_box.setCurrentIndex(page.kind_box.findData("creation-application"))
    assert [info.id for info in page.model.rows] == [creation]


def test_double_click_opens_the_editor(qtbot, make_window, store):
    doc_id = _add(store, "甲公司")
    window = make_window()
    page = window.list_page
    row = page.model.row_of(doc_id)
    rect = page.table.visualRect(page.model.index(row, 0))
    # Qt 6 item views want the press/release that precedes a real double click.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_doc_id == doc_id
    assert window.applicant.stack.currentWidget() is window.applicant.editor_page
    assert window.windowTitle().startswith("甲公司 · 申请报告")
    qtbot.mouseClick(window.applicant.back_button, Qt.MouseButton.LeftButton)
    assert window.applicant.stack.currentWidget() is window.list_page
    assert page.selected_ids() == [doc_id]


def test_the_role_switch_shows_each_roles_workspace(qtbot, make_window):
    window = make_window()
    qtbot.mouseClick(window.role_buttons["recommender"], Qt.MouseButton.LeftButton)
    assert window.current.ROLE == "recommender" and window.ctx.role == "recommender"
    assert window.current.new_button.text() == "新建推荐轮次…"
    # The expert's workspace is built: its inbox, empty, says how to fill it.
    qtbot.mouseClick(window.role_buttons["expert"], Qt.MouseButton.LeftButton)
    assert window.current.ROLE == "expert" and window.ctx.role == "expert"
    assert "评审包" in window.current.inbox.empty.text()
    qtbot.mouseClick(window.role_buttons["applicant"], Qt.MouseButton.LeftButton)
    assert window.applicant.stack.currentWidget() is window.list_page
