"""Qt's standard buttons follow the interface language (Chinese: 取消, not Cancel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

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
