"""The start-up question when the database is damaged: use the newest good backup?

The store opener calls :func:`check_and_offer_recovery` with the database file before
opening it. A healthy file (the usual case: one ``quick_check``) returns True at once. A
damaged one does not crash the program: the user is told what happened and offered the
newest backup that passes ``integrity_check``; accepting keeps the damaged file aside
(renamed, never deleted) and puts the backup in its place.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from smedesk.errors import UserError
from smedesk.ui.i18n import tr


def _ask(parent: QWidget | None, text: str, can_recover: bool) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("数据库已损坏"))
    box.setText(text)
    if not can_recover:
        box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return False
    use = box.addButton(tr("改用该备份"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(use)
    box.exec()
    return box.clickedButton() is use


def check_and_offer_recovery(
    parent: QWidget | None,
    db_path: str | os.PathLike[str],
    *,
    ask: Callable[[QWidget | None, str, bool], bool] | None = None,
    tell: Callable[[QWidget | None, str], object] | None = None,
) -> bool:
    """True when the database at ``db_path`` can be opened (healthy, or recovered now)."""
    from smedesk.store.backup import recover_damaged
    from smedesk.store.startup import check_database

    check = check_database(db_path)
    if check.ok:
        return True
    if not (ask or _ask)(parent, check.message, check.backup is not None):
        return False
    tell = tell or (lambda p, text: QMessageBox.information(p, tr("数据库已损坏"), text))
    try:
        used = recover_damaged(db_path)
    except UserError as exc:
        tell(parent, exc.message)
        return False
    tell(parent, tr("已改用备份 {id}；损坏的文件已改名保留在同一文件夹中。").format(id=used.id))
    return True
