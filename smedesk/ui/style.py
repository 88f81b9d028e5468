"""The application style sheet: a calm, flat look on top of Qt's Fusion style.

Fusion looks the same on Windows and Linux, so what the screenshots show is what users get.
Widgets opt into the accents by object name (``primaryButton``, ``pageHeading``…), never by
setting colours themselves, so the palette lives here only.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from smedesk.resources import resource_path

ACCENT = "#1f5fbf"
ACCENT_DARK = "#174a96"
DANGER = "#b3261e"
MUTED = "#5f6b7a"
BORDER = "#d5dbe3"
SURFACE = "#f5f7fa"
SELECTION = "#dbe7fb"
TEXT = "#1d2733"
#: The highlighted row of a drop-down (and any list's current item in the palette):
#: white on the accent blue, a WCAG contrast of 6.1 : 1. The QComboBox rule above the
#: popup's white background would otherwise leave it white on white.
HIGHLIGHT = ACCENT
HIGHLIGHT_TEXT = "#ffffff"

_CHEVRON = resource_path("icons", "chevron-down.svg").as_posix()

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #ffffff; }}
QToolBar#mainToolBar {{
    background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER};
    padding: 4px 10px; spacing: 8px;
}}
QLabel#brand {{ font-size: 13pt; font-weight: bold; color: {ACCENT_DARK}; padding-right: 12px; }}
QLabel#pageHeading {{ font-size: 15pt; font-weight: bold; color: #1d2733; }}
QLabel#mutedText {{ color: {MUTED}; }}
QLabel#emptyState {{
    color: {MUTED}; font-size: 11pt; padding: 40px; qproperty-alignment: AlignCenter;
}}
QLabel#plannedTitle {{ font-size: 15pt; font-weight: bold; color: #1d2733; }}
QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; }}
QPushButton {{
    padding: 5px 14px; border: 1px solid {BORDER}; border-radius: 4px; background: #ffffff;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #a0a8b3; background: #f7f8fa; }}
QPushButton#primaryButton {{
    background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; font-weight: bold;
    padding: 6px 18px;
}}
QPushButton#primaryButton:hover {{ background: {ACCENT_DARK}; }}
QPushButton#dangerButton {{ color: {DANGER}; }}
QPushButton#segment, QToolButton#segment {{
    border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 14px; background: #ffffff;
}}
QPushButton#segment:checked, QToolButton#segment:checked {{
    background: {SELECTION}; border-color: {ACCENT}; color: {ACCENT_DARK}; font-weight: bold;
}}
QTableView {{
    border: 1px solid {BORDER}; border-radius: 4px; gridline-color: {BORDER};
    selection-background-color: {SELECTION}; selection-color: #1d2733;
    alternate-background-color: #fafbfd;
}}
QHeaderView::section {{
    background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: bold; color: #36414f;
}}
QTableView {{ outline: 0; }}
QLineEdit, QComboBox {{
    padding: 4px 6px; border: 1px solid {BORDER}; border-radius: 4px; background: #ffffff;
}}
QComboBox {{ padding-right: 24px; }}
QComboBox::drop-down {{ border: none; width: 22px; }}
QComboBox::down-arrow {{ image: url("{_CHEVRON}"); width: 12px; height: 12px; }}
QLineEdit:focus, QComboBox:focus {{ border-color: {ACCENT}; }}
QComboBox QAbstractItemView {{
    background: #ffffff; color: {TEXT}; border: 1px solid {BORDER}; outline: 0;
    selection-background-color: {HIGHLIGHT}; selection-color: {HIGHLIGHT_TEXT};
}}
QComboBox::item {{ color: {TEXT}; }}
QComboBox::item:selected {{ background: {HIGHLIGHT}; color: {HIGHLIGHT_TEXT}; padding-left: 0; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QGroupBox {{ font-weight: bold; border: 1px solid {BORDER}; border-radius: 6px;
    margin-top: 12px; padding: 12px 8px 8px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""


#: The Qt style under the sheet; ``run()`` passes it as ``-style`` when it creates the app.
STYLE = "Fusion"


def apply_style(app: QApplication, *, style_set: bool = False) -> None:
    """Fusion plus the style sheet, for the whole application.

    ``style_set``: the application was created with ``-style Fusion``. Then ``setStyle`` is
    skipped: it hands back the QStyle, and wrapping that makes PySide build QStyle's enums
    (some milliseconds) before the window shows.
    """
    if not style_set:
        app.setStyle(STYLE)
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(HIGHLIGHT))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(HIGHLIGHT_TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(QIcon(str(resource_path("icons", "smedesk.svg"))))
