"""Issue 9 item 6: the editor's 期限 panel lists the dates that apply to the document."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel

from smedesk.demo import build_demo_set
from smedesk.forms import ApplicationReport, SchemeRef
from smedesk.forms.keys import strip_derived
from smedesk.store import DocumentStore
from smedesk.ui.editor import EditorWidget
from smedesk.ui.editor.deadlines_panel import DeadlinesPanel
from smedesk.ui.editor.document_state import DocumentState

from support.editor_fixtures import store_document

pytest_plugins = ["support.editor_fixtures"]


def _state(province: str) -> DocumentState:
    doc = build_demo_set()["application-miit-2017-shenyang-info.json"]
    assert isinstance(doc, ApplicationReport)
    doc = doc.model_copy(deep=True)
    doc.scheme = SchemeRef(id="miit-2019-call", version="2019.1")
    doc.region.province = province
    data = strip_derived(ApplicationReport, json.loads(doc.model_dump_json()))
    return DocumentState("d1", ApplicationReport, data, version=1)


def _rows(panel: DeadlinesPanel) -> dict[str, tuple[str, str]]:
    shown = {label.text() for label in panel.body.findChildren(QLabel)}
    out = {}
    for label, when, source in panel.rows():
        assert any(html.escape(when) in text and html.escape(label) in text for text in shown)
        out[label] = (when, source)
    return out


def test_guangdong_sees_the_provincial_deadline_and_it_moves_with_the_province(qtbot: Any) -> None:
    state = _state("广东省")
    panel = DeadlinesPanel(state, today=lambda: dt.date(2019, 7, 1))
    qtbot.addWidget(panel)
    rows = _rows(panel)
    gd = "广东：报送省工业和信息化厅截止日期（另附电子文档光盘）"
    assert rows[gd][0] == "2019-06-28（已过）" and "二（三）" in rows[gd][1]
    assert rows["评审结果公示期"][0] == "15 个工作日"
    assert any("2025-12-31" in when for when, _ in rows.values())
    state.set_value("region.province", "北京市")
    panel.refresh()
    rows = _rows(panel)
    assert gd not in rows
    assert rows["报送工业和信息化部截止日期（邮政特快专递，另附电子文档光盘）"][0] == "2019-07-15"


def test_the_editor_shows_the_panel_under_the_self_check(
    qtbot: Any, editor_store: DocumentStore, open_editor: Callable[[str], EditorWidget]
) -> None:
    doc = build_demo_set()["creation-miit-creation-hangzhou-comprehensive.json"]
    editor = open_editor(store_document(editor_store, doc))
    qtbot.waitUntil(lambda: bool(editor.deadlines_panel.items), timeout=10000)
    rows = _rows(editor.deadlines_panel)
    assert "创建期" in rows and "最早至" in rows["创建期"][0]
    assert editor.deadlines_panel.isVisible()
