"""The window title names the program once: Qt appends the display name, we do not repeat it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from smedesk.ui import i18n


def shown_title(window: Any) -> str:
    """The title as a desktop shows it: Qt adds « — display name» unless it is the name."""
    title, name = window.windowTitle(), QGuiApplication.applicationDisplayName()
    return title if not name or title == name else f"{title} — {name}"


def test_program_name_once(make_window: Any, store: Any) -> None:
    from smedesk.ui.new_document_dialog import build_request, scheme_choice

    request = build_request(scheme_choice("miit-2017"), applicant_name="甲公司", province="江苏省")
    doc = store.create(request.kind, request.title, request.data, scheme_id=request.scheme_id,
                       scheme_version=request.scheme_version, author="测试员")  # fmt: skip
    window = make_window()
    assert shown_title(window) == "smedesk 申报助手"
    window.open_document(doc)
    assert shown_title(window) == "甲公司 · 申请报告 — smedesk 申报助手"
    assert shown_title(window).count("smedesk") == 1
    i18n.set_language("en")
    try:
        window.set_language("en")
        assert shown_title(window).count("smedesk") == 1
    finally:
        window.set_language("zh_CN")
