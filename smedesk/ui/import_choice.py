"""The question before an import into the editor: never replace rows unasked.

After a workbook's rows are read (all valid), :func:`decide_import` refuses an import of 0
rows (it would empty the list) and, when the list already has rows, asks: replace them,
append after them, or cancel — naming both counts. The store is backed up before the rows
go in (:func:`backup_before_import`). The decision logic itself lives in
``smedesk.export.xlsx.import_plan`` and is shared with the CLI's ``--replace``/``--append``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from smedesk.export.xlsx.import_plan import (
    ImportMode,
    ImportRefused,
    choice_question,
    needs_choice,
    refuse_empty,
)
from smedesk.ui.i18n import tr

#: Answers of the question, as :func:`ask_replace_append` returns them.
REPLACE, APPEND, CANCEL = "replace", "append", "cancel"


def ask_replace_append(parent: QWidget | None, question: str) -> str:
    """Ask replace / append / cancel in a message box; cancel is the default (Esc)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("导入名单"))
    box.setText(question)
    box.setInformativeText(tr("替换前会自动备份数据库；导入后也可以撤销。"))
    replace = box.addButton(tr("替换原有行"), QMessageBox.ButtonRole.DestructiveRole)
    append = box.addButton(tr("追加在后面"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return REPLACE
    if clicked is append:
        return APPEND
    return CANCEL


def decide_import(
    parent: QWidget | None,
    key: str,
    existing: int,
    imported: int,
    *,
    ask: Callable[[QWidget | None, str], str] | None = None,
    warn: Callable[[QWidget | None, str], Any] | None = None,
) -> ImportMode | None:
    """How to put ``imported`` rows into a list of ``existing`` ones; None to import nothing."""
    warn = warn or (lambda p, text: QMessageBox.warning(p, tr("未导入"), text))
    try:
        refuse_empty(key, [None] * imported, existing)
    except ImportRefused as exc:
        warn(parent, exc.message)
        return None
    if not needs_choice(existing):
        return ImportMode.REPLACE
    answer = (ask or ask_replace_append)(parent, choice_question(key, existing, imported))
    if answer == REPLACE:
        return ImportMode.REPLACE
    if answer == APPEND:
        return ImportMode.APPEND
    return None


def store_of(widget: QWidget | None) -> Any:
    """The DocumentStore of the editor holding ``widget`` (through its parents), or None."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        store = getattr(ctx, "store", None)
        if store is not None:
            return store
        widget = widget.parentWidget()
    return None


def backup_before_import(widget: QWidget | None) -> bool:
    """Back the store up before an import; False (and a message) if that failed."""
    from smedesk.errors import UserError
    from smedesk.store.backup import backup_before

    store = store_of(widget)
    if store is None:
        return True  # no database behind this page (a test, a file opened alone)
    try:
        backup_before(store, "import")
    except UserError as exc:
        QMessageBox.warning(widget, tr("未导入"), exc.message + tr("为安全起见，未导入任何数据。"))
        return False
    return True
