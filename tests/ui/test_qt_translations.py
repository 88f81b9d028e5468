"""Qt's own dialogs and buttons speak the interface language (qtbase_zh_CN + a supplement)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton

from smedesk.ui import i18n

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _file_dialog_texts(qtbot: Any) -> list[str]:
    dialog = QFileDialog(None, "选择附件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    texts += [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text()]
    dialog.close()
    return texts


def test_file_dialog_is_chinese(qtbot: Any) -> None:
    texts = _file_dialog_texts(qtbot)
    assert any("查找范围" in t for t in texts), texts
    assert any("文件名称" in t for t in texts), texts
    assert any("文件类型" in t for t in texts), texts
    assert "取消" in texts, texts
    assert not [t for t in texts if LATIN_WORD.search(t)], texts
    assert QLocale().name() == "zh_CN"


def test_standard_buttons_follow_the_language(qtbot: Any) -> None:
    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()

    assert cancel_text() == "取消"
    i18n.set_language("en")
    try:
        assert cancel_text() == "Cancel"
        assert QLocale().name() == "en_US"
    finally:
        i18n.set_language("zh_CN")
    assert cancel_text() == "取消"
