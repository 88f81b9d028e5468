"""The one place a failure becomes what the user reads.

A :class:`~smedesk.errors.UserError` is expected (a busy database, a bad workbook, a full
disk): its Chinese message is shown as it is. :class:`~smedesk.errors.Cancelled` is not a
failure. Anything else is a defect: its traceback goes to the log (the user data folder's
error log, through logging) and the user reads one «内部错误» sentence naming the type.
"""

from __future__ import annotations

import logging

from smedesk.errors import Cancelled, UserError
from smedesk.ui.i18n import tr

log = logging.getLogger("smedesk.operations")

INTERNAL = "内部错误：{error}。这是程序的缺陷，不是您的操作问题，请反馈。已保存的内容不受影响。"


def internal_error_message(exc: BaseException) -> str:
    """The sentence shown for a defect (the traceback is logged by the caller)."""
    return tr(INTERNAL).format(error=type(exc).__name__)


def message_for(exc: BaseException, *, what: str = "") -> str | None:
    """The message for ``exc``; None for a cancellation. Defects are logged here."""
    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, OSError) and exc.strerror:
        # Files the user chose (a folder without write permission, a full disk): not a bug.
        where = f"「{exc.filename}」" if exc.filename else ""
        return tr("无法读写文件{where}：{reason}").format(where=where, reason=exc.strerror)
    log.error("operation failed: %s", what or "(unnamed)", exc_info=exc)
    return internal_error_message(exc)
