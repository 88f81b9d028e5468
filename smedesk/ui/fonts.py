"""Registering the bundled CJK font so Chinese shows on a machine that has none installed.

A fresh Linux (and some locked-down Windows images) ships no Chinese font; Qt would then
draw every 汉字 as a box. The bundled WenQuanYi Micro Hei is added to the application's
font database at start-up and made the application font, so every widget inherits it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from smedesk.resources import FONT_FAMILY, FONT_FILE, resource_path

log = logging.getLogger(__name__)

#: Point size of the interface text: 10 pt reads well at 1366×768 and on 1080p laptops.
BASE_POINT_SIZE = 10

_registered: list[str] = []


def register_bundled_font() -> str | None:
    """Add the bundled font to Qt's database (once); its family name, or None on failure."""
    if _registered:
        return _registered[0]
    path = resource_path(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("bundled font could not be loaded: %s", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    # The TTC holds a proportional and a monospaced face; the proportional one is the UI font.
    family = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else None)
    if family:
        _registered.append(family)
    return family


def apply_application_font(app: QApplication) -> str | None:
    """Register the bundled font and make it the font every widget inherits."""
    family = register_bundled_font()
    if family is None:
        return None
    font = QFont(app.font())
    # The bundled face first, then whatever the system has, for symbols it lacks.
    font.setFamilies([family, *font.families()])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    return family
