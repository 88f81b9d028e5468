"""The UI's hook for scheduled backups: a timer that asks the schedule once a minute.

``start_backup_timer(window, store)`` (called once the store is open) checks every minute;
:class:`smedesk.store.backup.BackupSchedule` decides — a backup when 30 minutes have passed
and the data changed since the last one. Given the program's runner, a due backup runs as
an operation beside the window's work (no busy cursor: the user is not waiting for it);
without one (tests, tools) it runs on the calling thread. A failure (a full disk) is
logged (and, on the calling thread, shown on the status bar) and retried at the next tick.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer

from smedesk.errors import UserError
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Operation, OperationRunner

log = logging.getLogger(__name__)
TICK_MS = 60_000


def start_backup_timer(
    parent: QObject,
    store: Any,
    *,
    tick_ms: int = TICK_MS,
    interval: timedelta | None = None,
    runner: OperationRunner | None = None,
) -> QTimer | None:
    """A running timer that backs the store up on schedule; None for a non-SQLite store.

    With ``runner`` a due backup runs as an operation on the store lane (after the saves
    queued before it), so the window never waits for the copy.
    """
    from smedesk.store.backup import INTERVAL, BackupError, BackupSchedule, sqlite_path

    try:
        sqlite_path(store)
    except BackupError:
        return None
    schedule = BackupSchedule(store, interval=INTERVAL if interval is None else interval)
    schedule.maybe_backup(datetime.now(UTC))  # records the starting state

    def tick() -> None:
        if runner is not None:
            runner.run(
                Operation(
                    tr("正在备份数据库…"),
                    lambda _r: schedule.maybe_backup(datetime.now(UTC)),
                    lane="export",
                ),
                on_failure=lambda message: log.warning("scheduled backup failed: %s", message),
            )
            return
        try:
            made = schedule.maybe_backup(datetime.now(UTC))
        except UserError as exc:
            log.warning("scheduled backup failed: %s", exc.message)
            show = getattr(parent, "statusBar", None)
            if callable(show):
                show().showMessage(exc.message, 15_000)
            return
        if made is not None:
            log.info("scheduled backup %s", made.id)

    timer = QTimer(parent)
    timer.setInterval(tick_ms)
    timer.timeout.connect(tick)
    timer.start()
    return timer
