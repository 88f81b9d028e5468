"""Keyboard only and a screen reader's view: Tab goes top to bottom, Escape closes, Enter
accepts, and every input has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from smedesk.ui.app import open_settings
from smedesk.ui.new_document_dialog import NewDocumentDialog
from smedesk.ui.settings_dialog import SettingsDialog

INPUTS = (QLineEdit, QComboBox, QPlainTextEdit, QSpinBox, QAbstractButton)


def dialogs(tmp_path: Path) -> dict[str, Any]:
    return {
        "new-document": lambda: NewDocumentDialog(),
        "settings": lambda: SettingsDialog(open_settings(tmp_path / "s.ini")),
    }


def tab_walk(qtbot: Any, dialog: QDialog) -> list[Any]:
    seen: list[Any] = []
    for _ in range(30):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def spoken_name(widget: Any) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name) if face is not None else ""


@pytest.mark.parametrize("name", ["new-document", "settings"])
def test_tab_goes_top_to_bottom_and_every_input_is_named(
    qtbot: Any, tmp_path: Path, name: str
) -> None:
    dialog = dialogs(tmp_path)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    order = tab_walk(qtbot, dialog)
    assert len(order) >= 3
    rows = [w.mapTo(dialog, w.rect().topLeft()).y() for w in order]
    # Tab goes round: read the cycle from its topmost widget.
    start = rows.index(min(rows))
    rows = rows[start:] + rows[:start]
    assert rows == sorted(rows), f"Tab order jumps: {rows}"
    for widget in dialog.findChildren(QWidget):
        if (
            isinstance(widget, INPUTS)
            and widget.isVisible()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            what = f"{type(widget).__name__} {widget.objectName()!r} in {name}"
            # Buttons speak their text; inputs need a name of their own (on Linux Qt
            # speaks a drop-down's current value as its name, so that is not enough).
            name = (
                spoken_name(widget)
                if isinstance(widget, QAbstractButton)
                else (widget.accessibleName())
            )
            assert name.strip(), f"{what} has no name"


def test_escape_closes_and_enter_accepts(qtbot: Any, tmp_path: Path) -> None:
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.applicant_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.applicant_edit.setText("甲公司")
    qtbot.keyClick(dialog.applicant_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request().data is not None
