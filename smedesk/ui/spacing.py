"""Every spacing and size constant of the interface, in one place (as git-cola does).

Screens use these names instead of bare numbers so that margins stay consistent and one
change here retunes the whole program.
"""

from __future__ import annotations

#: Space between neighbouring widgets in a layout.
SPACING = 8
#: Margin around the contents of a page or dialog.
MARGIN = 16
#: Margin inside a compact group (toolbars, filter rows).
SMALL_MARGIN = 6
#: Extra space between groups of a form or between page sections.
SECTION_GAP = 16
#: Height of a row in list tables: room for CJK glyphs, which sit taller than Latin ones.
ROW_HEIGHT = 30
#: Icon size in the tool bar.
TOOLBAR_ICON = 20
#: Smallest window that still shows the whole list and editor without clipping.
MIN_WINDOW = (1024, 640)
#: The size a first start opens at, and the screenshot size: a common office laptop screen.
DEFAULT_WINDOW = (1366, 768)
#: Width of a dialog's label column and of its input fields.
DIALOG_FIELD_WIDTH = 360
#: Largest width of explanatory text, so long Chinese lines stay readable.
TEXT_WIDTH = 640
