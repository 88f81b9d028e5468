"""Chinese by default, English when chosen, and every interface string in the catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from smedesk.resources import resource_path
from smedesk.ui import i18n
from smedesk.ui.settings_dialog import LANGUAGE, SettingsDialog, read_setting

from support.i18n_strings import marked_strings

UI_DIR = Path(__file__).resolve().parents[2] / "smedesk" / "ui"


def test_every_ui_string_has_an_english_entry():
    catalogue = json.loads(resource_path("translations", "en.json").read_text("utf-8"))
    marked = marked_strings(sorted(UI_DIR.rglob("*.py")))
    assert len(marked) > 100, "the scan found too few tr() strings: is it reading smedesk/ui?"
    missing = sorted(marked - set(catalogue))
    assert missing == []


def test_english_entries_keep_their_placeholders():
    catalogue = json.loads(resource_path("translations", "en.json").read_text("utf-8"))
    for chinese, english in catalogue.items():
        assert sorted(re.findall(r"\{\w+\}", chinese)) == sorted(re.findall(r"\{\w+\}", english)), (
            chinese
        )


def test_unknown_language_falls_back_to_chinese():
    assert i18n.set_language("xx") == "zh_CN"
    assert i18n.tr("新建申报") == "新建申报"


def _visible_texts(window) -> set[str]:
    texts = {w.text() for w in window.findChildren(QPushButton) if w.isVisible()}
    texts |= {w.text() for w in window.findChildren(QLabel) if w.isVisible()}
    texts |= {a.text() for a in window.menuBar().actions()}
    return texts


def test_switching_to_english_in_settings(qtbot, make_window, on_modal, settings_path):
    window = make_window()
    before = _visible_texts(window)
    assert {"新建申报", "我的申报", "申报单位"} <= before

    def choose_english(dialog):
        assert isinstance(dialog, SettingsDialog)
        dialog.set_value(LANGUAGE, "en")
        dialog.accept()

    state = on_modal(choose_english)
    window.open_settings()
    state.check()

    # Widgets added to a shown window are shown on the next turn of the event loop.
    qtbot.waitUntil(lambda: "New application" in _visible_texts(window))
    after = _visible_texts(window)
    assert {"New application", "My applications", "Applicant", "&File"} <= after
    assert "新建申报" not in after
    assert window.ctx.language == "en"
    assert window.windowTitle() == "smedesk"
    # Remembered for the next start.
    from smedesk.ui.app import open_settings

    assert read_setting(open_settings(settings_path), LANGUAGE) == "en"

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: "新建申报" in _visible_texts(window))


def test_language_switch_keeps_the_open_application(qtbot, make_window, store):
    from smedesk.ui.new_document_dialog import build_request, scheme_choice

    request = build_request(scheme_choice("miit-2017"), applicant_name="甲公司", province=None)
    doc_id = store.create(
        request.kind, request.title, request.data,
        scheme_id=request.scheme_id, scheme_version=request.scheme_version, author="t",
    )  # fmt: skip
    window = make_window()
    window.open_document(doc_id)
    window.set_language("en")
    assert window.current_doc_id == doc_id
    assert window.applicant.stack.currentWidget() is window.applicant.editor_page
    qtbot.mouseClick(window.applicant.back_button, Qt.MouseButton.LeftButton)
    headers = window.list_page.model.headers()
    assert headers[0] == "Name"
    assert window.list_page.model.data(window.list_page.model.index(0, 2)) == "Application report"
