"""Windows and dialogs no larger than the screen they open on.

A dialog sized for a desktop monitor (the PDF preview asks for 900 pixels) would put its
buttons below the bottom edge of a 1366×768 laptop, where no keyboard or mouse reaches
them. :func:`fit_to_screen` shrinks a top-level widget to the available area of its
screen (task bar excluded), keeping a margin for the window frame.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

#: Room for the title bar and frame the window manager adds around the client area.
FRAME_MARGIN = 48


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (not yet shown or shown) to fit its screen's available area."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(widget.width(), area.width() - FRAME_MARGIN // 2)
    height = min(widget.height(), area.height() - FRAME_MARGIN)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, 200), max(height, 150))
