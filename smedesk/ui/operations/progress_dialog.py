"""The progress dialog of a long operation: appears after half a second, can cancel.

Short work never flashes a dialog: Qt's ``minimumDuration`` keeps it hidden until the work
has run for 0.5 s (and is then expected to take longer). «取消» asks the operation to stop;
the dialog says so and closes when the operation has rolled back and ended.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProgressDialog, QWidget

from smedesk.ui.i18n import tr

SHOW_AFTER_MS = 500


class OperationProgressDialog(QProgressDialog):
    """Shows one operation's progress; «取消» cancels it."""

    def __init__(self, label: str, handle: Any, parent: QWidget | None = None) -> None:
        super().__init__(label, tr("取消"), 0, 0, parent)
        self.handle = handle
        self.setWindowTitle(tr("请稍候"))
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(self._cancel)
        self.setValue(0)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))

    def _cancel(self) -> None:
        self.handle.cancel()
        self.setLabelText(tr("正在取消……"))

    def finish(self) -> None:
        self.reset()
        self.close()
        self.deleteLater()
