"""Qt's own Chinese: standard buttons and dialogs (确定, 取消, 是, 否 ...) in the interface language.

Our strings go through ``smedesk.ui.i18n``; the words Qt itself draws (QMessageBox buttons,
QFileDialog, the context menus of text fields) come from Qt's translation files
(``qtbase_zh_CN.qm``), which PySide6 ships and the bundle carries. Without them a Chinese
window shows "Cancel" and "Yes".
"""

from __future__ import annotations

from typing import Any

_installed: list[Any] = []  # the translator in use; Qt does not own it, so it is kept here


def install_qt_translations(app: Any, language: str) -> bool:
    """Load Qt's translation for ``language`` ("zh_CN"; English needs none); True if loaded."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False  # a Qt without translations: English buttons, nothing worse
    app.installTranslator(translator)
    _installed.append(translator)
    return True
