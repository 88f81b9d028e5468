"""The UI's hook for scheduled backups: a timer that asks the schedule once a minute.

``start_backup_timer(window, store)`` (called once the store is open) checks every minute;
:class:`smedesk.store.backup.BackupSchedule` decides — a backup when 30 minutes have passed
and the data changed since the last one. The backup runs on the GUI thread: SQLite's
online backup of a typical database takes well under a second and is rare. A failure (a
full disk) is reported on the status bar once and retried at the next tick.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer

from smedesk.errors import UserError

log = logging.getLogger(__name__)
TICK_MS = 60_000


def start_backup_timer(
    parent: QObject, store: Any, *, tick_ms: int = TICK_MS, interval: timedelta | None = None
) -> QTimer | None:
    """A running timer that backs the store up on schedule; None for a non-SQLite store."""
    from smedesk.store.backup import INTERVAL, BackupError, BackupSchedule, sqlite_path

    try:
        sqlite_path(store)
    except BackupError:
        return None
    schedule = BackupSchedule(store, interval=INTERVAL if interval is None else interval)
    schedule.maybe_backup(datetime.now(UTC))  # records the starting state

    def tick() -> None:
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
