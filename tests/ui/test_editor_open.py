"""Opening a stored document: older formats are upgraded, unknown fields refuse the document.

Also: the editor's features are always there (no button hidden by an import probe).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from smedesk.forms import (
    ApplicationReport,
    UnknownFieldsError,
    parse_document,
)
from smedesk.forms.keys import unknown_fields
from smedesk.forms.upgrades import FORMAT_VERSION
from smedesk.store import DocumentStore
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.editor import EditorWidget, workbook
from smedesk.ui.editor.document_state import lenient_validate
from smedesk.ui.editor.list_page import ListPage
from smedesk.ui.new_document_dialog import build_request, scheme_choice

from support.fixtures import PREVIOUS_RELEASE, load_json

pytest_plugins = ["support.editor_fixtures"]


def stored_as(store: DocumentStore, data: dict[str, Any]) -> str:
    return store.create(
        data["kind"], "测试", data, scheme_id=data["scheme"]["id"],
        scheme_version=data["scheme"]["version"], author="测试员",
    )  # fmt: skip


def test_a_document_with_an_unknown_field_is_not_opened(
    qtbot: Any, editor_store: DocumentStore, tmp_path: Path
) -> None:
    data = load_json(PREVIOUS_RELEASE / "application-format-1.json")
    data["form"]["basic"]["future_field"] = "新版本才有"
    doc_id = stored_as(editor_store, data)
    ctx = AppContext(editor_store, open_settings(tmp_path / "s.ini"), user_name="测试员")
    with pytest.raises(UnknownFieldsError) as caught:
        EditorWidget(ctx, doc_id)
    assert caught.value.paths == ["form.basic.future_field"]
    assert "未知字段 form.basic.future_field：" in caught.value.message
    assert editor_store.get(doc_id).data == data  # nothing saved over it
    assert len(editor_store.revisions(doc_id)) == 1


def test_an_older_format_opens_upgraded_and_saves_in_this_format(
    open_editor: Any, editor_store: DocumentStore, reopened: Any
) -> None:
    old = load_json(PREVIOUS_RELEASE / "application-format-1.json")
    assert old["format_version"] == 1 and "is_western" in old["region"]
    doc_id = stored_as(editor_store, old)
    editor = open_editor(doc_id)
    assert editor.state.data["format_version"] == FORMAT_VERSION
    assert "is_western" not in editor.state.data["region"]  # derived: recomputed, not kept
    editor.state.set_value("form.basic.contact", "新版联系人")
    assert editor.flush()
    saved = reopened(doc_id)
    assert saved["format_version"] == FORMAT_VERSION
    doc = parse_document(saved)
    assert isinstance(doc, ApplicationReport)
    assert doc.form.basic.contact == "新版联系人"
    assert doc.form.basic.applicant_name == old["form"]["basic"]["applicant_name"]


def test_the_pdf_and_workbook_buttons_are_always_there(
    open_editor: Any, application_id: str
) -> None:
    editor = open_editor(application_id)
    texts = {b.text() for b in editor.findChildren(QPushButton)}
    assert "导出 PDF…" in texts
    page = editor.show_page("served_enterprises")
    assert isinstance(page, ListPage)
    assert [text for text, _slot in workbook.actions(page)] == [
        "从 Excel 导入…",
        "下载模板…",
        "导出 Excel…",
    ]


def test_lenient_reading_drops_bad_values_but_never_an_unknown_field() -> None:
    data = load_json(PREVIOUS_RELEASE / "application-format-1.json")
    data["form"]["basic"]["employees"] = "很多"
    doc, problems = lenient_validate(ApplicationReport, data)
    assert doc.form.basic.employees is None
    assert problems == {"form.basic.employees": "应为整数"}
    data["form"]["basic"]["future_field"] = 1
    with pytest.raises(UnknownFieldsError, match=r"form\.basic\.future_field"):
        lenient_validate(ApplicationReport, data)


@pytest.mark.parametrize("scheme_id", ["miit-2017", "miit-creation"])
def test_a_new_document_starts_in_this_release_format(scheme_id: str) -> None:
    choice = scheme_choice(scheme_id)
    assert choice is not None
    request = build_request(choice, applicant_name="甲公司", province="辽宁省")
    assert request.data["format_version"] == FORMAT_VERSION
    assert unknown_fields(type(parse_document(request.data)), request.data) == []
