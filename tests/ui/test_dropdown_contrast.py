"""Every drop-down's highlighted row is readable: WCAG contrast of at least 4.5 : 1.

The popup is rendered as the user sees it (the application's style and style sheet),
a row is highlighted, and the colours are read from the pixels: the row's background is
its most common colour, the text the pixel that differs most from it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from smedesk.ui.style import HIGHLIGHT, HIGHLIGHT_TEXT

WCAG_AA = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def row_colours(image: QImage, top: int, bottom: int) -> tuple[tuple[int, int, int], float]:
    """The background of a row of ``image`` and the highest contrast any pixel makes."""
    pixels = [
        QColor(image.pixel(x, y)).getRgb()[:3]
        for y in range(top, bottom)
        for x in range(2, image.width() - 2)
    ]
    background = Counter(pixels).most_common(1)[0][0]
    return background, max(contrast(background, p) for p in set(pixels))


def popup_rows(qtbot: Any, combo: QComboBox, highlighted: int) -> list[tuple[Any, float]]:
    holder = QWidget()
    QVBoxLayout(holder).addWidget(combo)
    qtbot.addWidget(holder)
    holder.show()
    combo.setCurrentIndex(0)
    combo.showPopup()
    view = combo.view()
    view.setCurrentIndex(view.model().index(highlighted, 0))
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    rows = []
    for r in range(combo.count()):
        rect = view.visualRect(view.model().index(r, 0))
        rows.append(row_colours(image, rect.top() + 1, rect.bottom()))
    combo.hidePopup()
    return rows


def test_palette_highlight_is_readable(qapp: QApplication) -> None:
    pal = qapp.palette()
    pair = (pal.color(QPalette.ColorRole.Highlight), pal.color(QPalette.ColorRole.HighlightedText))
    assert contrast(pair[0].getRgb()[:3], pair[1].getRgb()[:3]) >= WCAG_AA
    assert contrast(QColor(HIGHLIGHT).getRgb()[:3], QColor(HIGHLIGHT_TEXT).getRgb()[:3]) >= WCAG_AA


@pytest.mark.parametrize("highlighted", [0, 2])  # the current item, and another one
def test_highlighted_drop_down_row_is_readable(qtbot: Any, highlighted: int) -> None:
    combo = QComboBox()
    combo.addItems(["辽宁省", "广东省", "西藏自治区", "是", "否"])
    rows = popup_rows(qtbot, combo, highlighted)
    background, best = rows[highlighted]
    others = [bg for i, (bg, _) in enumerate(rows) if i != highlighted]
    assert all(bg != background for bg in others), "the highlighted row does not stand out"
    assert best >= WCAG_AA, f"highlighted row: contrast {best:.2f} on {background}"
    for i, (bg, ratio) in enumerate(rows):
        assert ratio >= WCAG_AA, f"row {i}: contrast {ratio:.2f} on {bg}"


def test_the_new_document_dialogs_drop_downs(qtbot: Any, tmp_path: Any) -> None:
    from smedesk.ui.new_document_dialog import NewDocumentDialog

    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    combos = dialog.findChildren(QComboBox)
    assert combos, "the dialog has drop-downs (适用方案, 所在省…)"
    for combo in combos:
        if combo.count() < 2:
            continue
        dialog.show()
        combo.showPopup()
        view = combo.view()
        view.setCurrentIndex(view.model().index(1, 0))
        QApplication.processEvents()
        image = view.viewport().grab().toImage()
        rect = view.visualRect(view.model().index(1, 0))
        _background, best = row_colours(image, rect.top() + 1, rect.bottom())
        combo.hidePopup()
        assert best >= WCAG_AA, f"{combo.objectName() or combo.accessibleName()}: {best:.2f}"
