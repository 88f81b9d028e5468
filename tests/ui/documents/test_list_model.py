"""The document list's table model, tested directly (no window)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from smedesk.store import DocumentId, DocumentInfo
from smedesk.ui.documents.list_model import COLUMNS, DocumentListModel


def info(number: int, **kw: Any) -> DocumentInfo:
    moment = datetime(2026, 11, number, 8, 30, tzinfo=UTC)
    values: dict[str, Any] = dict(
        id=DocumentId(f"doc-{number}"), kind="application-report", title=f"申请{number}",
        scheme_id="miit-2017", scheme_version="2017.1", created_at=moment,
        updated_at=moment, deleted_at=None, owner_role="applicant", version=3,
        uscc="91210100MA0Y7XKB2C", organisation="沈阳市中小企业服务中心",
    )  # fmt: skip
    values.update(kw)
    return DocumentInfo(**values)


def test_rows_show_the_summary_columns(qtbot: Any) -> None:
    model = DocumentListModel()
    model.set_rows([info(1), info(2, uscc=None)], in_trash=False)
    assert model.rowCount() == 2 and model.columnCount() == COLUMNS == len(model.headers())
    display = Qt.ItemDataRole.DisplayRole
    assert model.data(model.index(0, 0), display) == "申请1"
    assert model.data(model.index(0, 1), display) == "91210100MA0Y7XKB2C"
    assert model.data(model.index(1, 1), display) == ""
    assert model.data(model.index(0, 2), display) == "申请报告"
    assert model.headers()[1] == "统一社会信用代码"
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "沈阳市中小企业服务中心" in tooltip
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole) == "doc-2"
    assert model.row_of("doc-2") == 1 and model.row_of("nope") == -1


def test_trash_shows_when_moved_there(qtbot: Any) -> None:
    model = DocumentListModel()
    trashed = info(3, deleted_at=datetime(2026, 11, 20, 1, 0, tzinfo=UTC))
    model.set_rows([trashed], in_trash=True)
    assert model.headers()[4] == "移入回收站"
    assert model.data(model.index(0, 4), Qt.ItemDataRole.DisplayRole).startswith("2026-11-20")
