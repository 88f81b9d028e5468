"""Qt's standard buttons follow the interface language (取消, not Cancel); the About box's version."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from smedesk.ui.app import prepare_application


def cancel_text() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_chinese_interface_has_chinese_standard_buttons(qapp: QApplication) -> None:
    prepare_application(qapp, "zh_CN")
    assert cancel_text() == "取消"


def test_english_interface_keeps_qt_english(qapp: QApplication) -> None:
    prepare_application(qapp, "en")
    assert cancel_text() == "Cancel"
    prepare_application(qapp, "zh_CN")
    assert cancel_text() == "取消"


def test_about_box_shows_the_one_version(make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import smedesk

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _w, _t, text: shown.append(text)))
    make_window().show_about()
    assert shown and f"smedesk {smedesk.__version__}" in shown[0]
