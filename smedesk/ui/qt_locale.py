"""Qt's own words and formats in the interface language.

Qt draws some text itself: the buttons of message boxes and file dialogs («Cancel»,
«Look in:», «File name:»), context menus of text fields, the calendar's month and day
names, dates. Our catalogue (:mod:`smedesk.ui.i18n`) cannot reach them; the translations
Qt ships — ``qtbase_zh_CN.qm`` in PySide6's ``translations`` folder — and the default
QLocale do. :func:`apply_qt_language` installs them for Chinese and removes them for
English, so a language switch takes effect for windows opened afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Interface language → (Qt's catalogue name, the locale of dates and numbers).
QT_LANGUAGES = {"zh_CN": ("qtbase_zh_CN", "zh_CN"), "en": ("", "en_US")}

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators

#: Strings this Qt asks for that its shipped ``qtbase_zh_CN.qm`` (made for an older Qt)
#: lacks, seen on the file dialog: (context, source) → Chinese.
MISSING_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Alias"): "别名",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
}


class _Supplement(QTranslator):
    """The few strings :data:`MISSING_ZH` adds; asked before Qt's own catalogue."""

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) tells Qt to ask the next translator; "" would not.
        return MISSING_ZH.get((context, source))


def apply_qt_language(app: QCoreApplication, language: str) -> bool:
    """Install Qt's translation of ``language``; True when one was found and installed."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    catalogue, locale = QT_LANGUAGES.get(language, ("", "en_US"))
    QLocale.setDefault(QLocale(locale))
    if not catalogue:
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(catalogue, folder):
        return False  # a PySide6 without its translations: Qt's English stays
    app.installTranslator(translator)
    supplement = _Supplement(app)
    app.installTranslator(supplement)  # the last installed is asked first
    _installed.extend([translator, supplement])
    return True
