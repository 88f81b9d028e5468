"""List sections: paste from Excel, row commands with undo, sort, search, inline validation."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from smedesk.forms.checks import uscc_check_character
from smedesk.ui.editor.list_page import ListPage

pytest_plugins = ["support.editor_fixtures"]


def uscc(n: int) -> str:
    first = f"91210100{n:09d}"
    return first + uscc_check_character(first)


def excel_block(count: int) -> str:
    """What Excel puts on the clipboard for ``count`` rows of the served-enterprise list."""
    lines = ["企业名称\t统一社会信用代码\t联系人\t联系电话\t服务内容\t服务时间\t服务评价"]
    for i in range(count):
        lines.append(
            f"沈阳测试{i}有限公司\t{uscc(i)}\t联系人{i}\t024-2345{i % 10000:04d}\t"
            f"政策咨询\t2024/3/{i % 28 + 1}\t{'很满意' if i % 3 else '基本满意'}"
        )
    return "\r\n".join(lines) + "\r\n"


def served_page(editor: Any) -> ListPage:
    page = editor.show_page("served_enterprises")
    assert isinstance(page, ListPage)
    return page


def test_paste_500_rows_then_undo(
    qtbot: Any, open_editor: Any, application_id: str, reopened: Any
) -> None:
    editor = open_editor(application_id)
    page = served_page(editor)
    assert page.paste_text(excel_block(500)) == 500
    assert page.model.rowCount() == 500
    first = page.model.rows[0]
    assert first["evaluation"] == "satisfied" and first["service_date"] == "2024-03-01"
    assert page.model.problems(0) == {}
    editor.flush()
    stored = reopened(application_id)["served_enterprises"]
    assert len(stored) == 500 and stored[499]["name"] == "沈阳测试499有限公司"

    editor.undo_stack.undo()
    assert page.model.rowCount() == 0
    editor.flush()
    assert reopened(application_id)["served_enterprises"] == []


def test_paste_over_existing_rows_keeps_other_columns(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    page = served_page(open_editor(application_id))
    page.paste_text(excel_block(3))
    # a single column pasted into 服务评价 from row 2 on overwrites only that column
    page.paste_text("不满意\n不满意\n", row=1, column=page.model.column_of("evaluation"))
    assert [r["evaluation"] for r in page.model.rows] == [
        "satisfied",
        "dissatisfied",
        "dissatisfied",
    ]
    assert page.model.rows[1]["name"] == "沈阳测试1有限公司"


def test_row_commands_sort_search_and_validation(
    qtbot: Any, open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    page = served_page(editor)
    page.paste_text(excel_block(5))
    page.table.setCurrentIndex(page.proxy.index(2, 0))
    page.delete_rows()
    assert page.model.rowCount() == 4
    page.table.setCurrentIndex(page.proxy.index(2, 0))
    page.insert_row()
    assert page.model.rows[2] == {}
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert [r["name"] for r in page.model.rows][2] == "沈阳测试2有限公司"
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    page.move_current(1)
    assert page.model.rows[1]["name"] == "沈阳测试0有限公司"

    page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    page.sort_by(0)
    assert page.model.rows[0]["name"] == "沈阳测试4有限公司"
    editor.undo_stack.undo()
    assert page.model.rows[1]["name"] == "沈阳测试0有限公司"

    page.search.setText("测试3")
    assert page.proxy.rowCount() == 1
    page.search.clear()

    model = page.model
    cell = model.index(0, model.column_of("uscc"))
    model.setData(cell, "91210100000000000X")
    assert "校验位" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    date = model.index(0, model.column_of("service_date"))
    model.setData(date, "下周")
    assert "日期" in model.data(date, Qt.ItemDataRole.ToolTipRole)


def test_ten_thousand_rows_stay_quick(qtbot: Any, open_editor: Any, application_id: str) -> None:
    editor = open_editor(application_id)
    page = served_page(editor)
    started = time.perf_counter()
    page.paste_text(excel_block(10_000))
    pasted = time.perf_counter() - started
    started = time.perf_counter()
    page.table.scrollToBottom()
    qtbot.wait(20)
    page.model.setData(page.model.index(9_999, 0), "最后一家")
    scrolled = time.perf_counter() - started
    assert page.model.rowCount() == 10_000
    # generous bounds for a slow CI machine; the benchmark prints the real figures
    assert pasted < 10 and scrolled < 2
