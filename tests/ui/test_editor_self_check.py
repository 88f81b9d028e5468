"""The self-check panel: grouped findings, badges, and a click that lands in the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smedesk.schemes import Outcome
from smedesk.ui.editor.form_page import FormPage
from smedesk.ui.editor.list_page import ListPage

pytest_plugins = ["support.editor_fixtures"]


def evaluated(qtbot: Any, editor: Any) -> list[Any]:
    panel = editor.self_check_panel
    with qtbot.waitSignal(panel.evaluated, timeout=10000) as blocker:
        panel.evaluate_now()
    return list(blocker.args[0])


def click_finding(qtbot: Any, editor: Any, path: str) -> None:
    """Click the panel's line of the first finding about ``path``."""
    tree = editor.self_check_panel.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        group.setExpanded(True)
        for j in range(group.childCount()):
            item = group.child(j)
            index = item.data(0, 256)
            if editor.self_check_panel._items[index].path == path:
                tree.scrollToItem(item)
                rect = tree.visualItemRect(item)
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError(f"no finding about {path}")


def test_click_on_a_finding_focuses_its_field(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    findings = evaluated(qtbot, editor)
    paths = {f.path for f in findings if f.outcome is Outcome.NOT_MET}
    assert "form.basic.total_assets" in paths

    click_finding(qtbot, editor, "form.basic.total_assets")
    page = editor.stack.currentWidget()
    assert isinstance(page, FormPage) and page.section.key == "form.basic"
    assert QApplication.focusWidget() is page.editors["form.basic.total_assets"].focus_widget()


def test_finding_in_a_table_selects_the_cell(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    page = editor.show_page("served_enterprises")
    assert isinstance(page, ListPage)
    page.paste_text("甲公司\t123\n")
    findings = evaluated(qtbot, editor)
    uscc = next(f for f in findings if f.path and f.path.startswith("served_enterprises[0].uscc"))
    editor.show_page("cover")
    editor.open_finding(uscc)
    assert editor.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.table
    current = page.proxy.mapToSource(page.table.currentIndex())
    assert (current.row(), current.column()) == (0, page.model.column_of("uscc"))


def test_badges_count_not_met_per_section_and_follow_edits(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    evaluated(qtbot, editor)
    badge = editor.tree.items["form.basic"].text(1)
    assert badge and int(badge) > 0
    group = int(editor.tree.items["form"].text(1))
    assert group >= int(badge)
    before = int(badge)
    page = editor.show_page("form.basic")
    editor.request_edit("form.basic.total_assets", 500.0, "上年末总资产")
    evaluated(qtbot, editor)
    assert int(editor.tree.items["form.basic"].text(1) or 0) < before
    assert page.editors["form.basic.total_assets"].input.text() == "500"


def test_creation_scheme_offers_its_stages(qtbot: Any, open_editor: Any, creation_id: str) -> None:
    editor = open_editor(creation_id)
    panel = editor.self_check_panel
    evaluated(qtbot, editor)
    stages = [panel.stage.itemData(i) for i in range(panel.stage.count())]
    if len(stages) > 1:
        with qtbot.waitSignal(panel.evaluated, timeout=10000):
            panel.stage.setCurrentIndex(1)
        assert all(f.stage in (None, stages[1]) for f in panel.findings)


def test_click_on_a_computed_figure_focuses_its_input(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    from smedesk.schemes import Citation, Finding

    editor = open_editor(application_id)
    # 占总人数 (qualified_staff_percent) is computed from the staff counts above it.
    path = "form.basic.qualified_staff_percent"
    editor.open_finding(
        Finding("t", "占总人数", Outcome.NOT_MET, "", Citation("d", "a"), path=path)
    )
    page = editor.stack.currentWidget()
    assert isinstance(page, FormPage)
    assert page.editors[path].spec.derived
    wanted = page.editors["form.basic.qualified_staff"].focus_widget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wanted, timeout=5000)


def test_an_invalid_credit_code_says_why_beside_the_field(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    page = editor.show_page("form.basic")
    field = page.editors["form.basic.uscc"]
    assert field.error_label.isHidden()
    editor.request_edit("form.basic.uscc", "91210100MA0XXXXXX1", "统一社会信用代码")
    qtbot.waitUntil(lambda: field.error_label.isVisible(), timeout=5000)
    reason = field.error_label.text()
    assert reason and reason == field.input.toolTip()  # the same words, now on screen
    assert reason in field.input.accessibleDescription()
    editor.request_edit("form.basic.uscc", None, "统一社会信用代码")
    qtbot.waitUntil(lambda: field.error_label.isHidden(), timeout=5000)


def test_inputs_have_accessible_names(qtbot: Any, open_editor: Any, application_id: str) -> None:
    editor = open_editor(application_id)
    page = editor.show_page("form.basic")
    for path, field in page.editors.items():
        name = field.focus_widget().accessibleName()
        assert name.startswith(field.spec.label), (path, name)
