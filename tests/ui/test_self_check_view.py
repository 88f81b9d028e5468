"""The self-check panel's view: whole citations wrapped, one entry per missing field, English."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from smedesk.ui import i18n
from smedesk.ui.editor.self_check_entries import merge_missing

pytest_plugins = ["support.editor_fixtures"]


def evaluated(qtbot: Any, editor: Any) -> list[Any]:
    panel = editor.self_check_panel
    with qtbot.waitSignal(panel.evaluated, timeout=10000) as blocker:
        panel.evaluate_now()
    return list(blocker.args[0])


def fits(tree: Any, index: Any) -> bool:
    """The row is tall enough for its text wrapped at the row's own width."""
    rect = tree.visualRect(index)
    metrics = QFontMetrics(tree.font())
    width = rect.width() - 10  # the item's text margins
    flags = int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, width, 100000), flags, index.data()).height()
    return rect.height() >= needed


def items(tree: Any) -> list[Any]:
    out = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        group.setExpanded(True)
        out += [group.child(j) for j in range(group.childCount())]
    return out


def test_citations_whole_and_wrapped(qtbot: Any, open_editor: Any, application_id: str) -> None:
    editor = open_editor(application_id)
    evaluated(qtbot, editor)
    tree = editor.self_check_panel.tree
    shown = items(tree)
    assert shown
    for item in shown:
        finding = editor.self_check_panel._items[item.data(0, 256)]
        assert str(finding.citation) in item.text(0)  # the whole citation, 项 included
        index = tree.indexFromItem(item)
        tree.scrollToItem(item)
        assert fits(tree, index), f"cut: {item.text(0)!r}"
    # A narrower panel wraps into more lines; nothing is cut there either.
    tree.resize(220, tree.height())
    qtbot.wait(10)
    for item in shown[:5]:
        tree.scrollToItem(item)
        assert fits(tree, tree.indexFromItem(item)), item.text(0)


def test_a_missing_field_is_listed_once(qtbot: Any, open_editor: Any, application_id: str) -> None:
    editor = open_editor(application_id)
    findings = evaluated(qtbot, editor)
    path = "form.basic.total_assets"
    about = [f for f in findings if f.path == path and f.missing]
    assert about, "the demo leaves 资产总额 empty"
    lines = [i.text(0) for i in items(editor.self_check_panel.tree) if
             editor.self_check_panel._items[i.data(0, 256)].path == path]  # fmt: skip
    assert len(lines) == 1, lines
    assert all(str(f.citation) in lines[0] for f in about)  # both citations under it
    # Different materials share the path "materials": they stay separate entries.
    materials = [f for f in findings if f.group == "materials" and f.missing]
    merged = [e for e in merge_missing(findings) if e.finding.group == "materials"]
    assert len([e for e in merged if e.finding.missing]) == len(materials)


def test_counts_follow_the_interface_language(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    i18n.set_language("en")
    try:
        editor = open_editor(application_id)
        evaluated(qtbot, editor)
        panel = editor.self_check_panel
        assert "Not met" in panel.summary.text() and "不符合" not in panel.summary.text()
        assert panel.tree.topLevelItem(0).text(0).startswith("Not met")
    finally:
        i18n.set_language("zh_CN")
