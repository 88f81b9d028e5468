"""The import dialog: worker thread, progress, error table, annotated copy (offscreen Qt)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from support.xlsx_helpers import good_served_row, served_headers, write_rows

pytest.importorskip("PySide6")

from smedesk.ui.xlsx_import_dialog import XlsxImportDialog


def test_a_good_workbook_returns_the_rows(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = write_rows(
        tmp_path / "ok.xlsx", [served_headers()] + [good_served_row(i) for i in range(1200)]
    )
    dialog = XlsxImportDialog("served-enterprises", book)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.start()
    assert dialog.rows is not None and len(dialog.rows) == 1200
    assert dialog.rows[0].name == "企业0"


def test_bad_rows_fill_the_table_and_the_copy_can_be_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = good_served_row(1), good_served_row(2)
    b[1] = a[1]
    book = write_rows(tmp_path / "bad.xlsx", [served_headers(), a, b])
    dialog = XlsxImportDialog("served-enterprises", book)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20_000)
    assert dialog.rows is None
    assert dialog.table.item(0, 1).text() == "3" and dialog.table.item(0, 2).text() == "B"
    assert "与第 2 行重复" in dialog.table.item(0, 4).text()
    assert "未导入任何数据" in dialog.status.text()
    target = dialog.save_annotated_copy(tmp_path / "marked.xlsx")
    assert target is not None and openpyxl.load_workbook(target)["Sheet1"]["B3"].comment is not None


def test_an_unreadable_file_says_why(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "old.xls"
    book.write_bytes(b"x")
    dialog = XlsxImportDialog("staff", book)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: "另存为" in dialog.status.text(), timeout=20_000)
    assert dialog.rows is None and not dialog.table.isVisible()
