"""Interface language: Simplified Chinese source strings, an English catalogue beside them.

Every string a screen shows is written in Chinese in the code and passed through
:func:`tr`. For English, ``tr`` looks the Chinese text up in
``resources/translations/en.json`` (a flat object ``{"中文": "English"}``); a string with no
entry is shown in Chinese rather than not at all.

Why not Qt Linguist (.ts → .qm): ``lrelease`` is not guaranteed on the machines that build
the installer, a compiled .qm is a binary blob in the repository that nobody can review in a
diff, and Qt's ``tr`` keys on the class name as context, which breaks when a string moves
between widgets. A JSON catalogue keyed on the Chinese text needs no build step, is checked
by a test (every ``tr("…")`` literal in ``smedesk/ui`` has an entry), and works the same in
screens, message boxes and the screenshot command.

Formatting: write placeholders in the source and format the translated text, e.g.
``tr("共 {count} 份").format(count=n)``, so word order can differ between languages.

Documents themselves are always Chinese (the regulations require it): field labels read
from ``smedesk.forms`` are not passed through ``tr``.
"""

from __future__ import annotations

from functools import cache

from smedesk.resources import resource_path

#: Language codes the settings offer, with their names written in their own language.
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
#: The program's name in window titles. Qt adds it after a window's own title
#: (« — smedesk 申报助手») unless the title is this name, so windows never repeat it.
APP_TITLE = "smedesk 申报助手"
DEFAULT_LANGUAGE = "zh_CN"

_state: dict[str, dict[str, str]] = {"catalogue": {}}
_current = [DEFAULT_LANGUAGE]


@cache
def load_catalogue(language: str) -> dict[str, str]:
    """The translation table of ``language`` (empty for Chinese, the source language)."""
    if language == DEFAULT_LANGUAGE:
        return {}
    import json  # only for a language other than Chinese: not at every start

    path = resource_path("translations", f"{language}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A missing or damaged catalogue must not stop the program: Chinese is shown.
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str) and v}


def set_language(language: str) -> str:
    """Switch the interface language for every later ``tr``; returns the language used."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _current[0] = language
    _state["catalogue"] = load_catalogue(language)
    _qt_follows(language)
    return language


def _qt_follows(language: str) -> None:
    """Qt's own dialogs and buttons switch too, once the application exists."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        from PySide6.QtGui import QGuiApplication

        from smedesk.ui.qt_locale import apply_qt_language

        apply_qt_language(app, language)
        if isinstance(app, QGuiApplication):
            app.setApplicationDisplayName(tr(APP_TITLE))


def current_language() -> str:
    return _current[0]


def tr(text: str) -> str:
    """``text`` (Chinese) in the current interface language."""
    return _state["catalogue"].get(text, text)


def N_(text: str) -> str:  # the gettext name, so extractors recognise it
    """Mark a string in a table for translation; ``tr`` translates it where it is shown."""
    return text
