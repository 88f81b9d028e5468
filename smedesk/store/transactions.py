"""Running the store's transactions: the write lock up front, retries, and plain-word errors.

Several processes may write one database (two windows; two staff on a shared folder or a
shared PostgreSQL server). Two rules keep that safe:

* A write transaction takes the write lock when it begins (SQLite ``BEGIN IMMEDIATE``; on
  PostgreSQL the saved row is locked by its first statement: the ``UPDATE`` that checks its
  version, or a read ``FOR UPDATE``). A deferred SQLite transaction that reads
  first and writes later can find another writer ahead of it and fail at once with
  «database is locked», whatever the busy timeout; one that locks first only waits.
* Waiting is bounded and retried: when the lock stays busy past SQLite's busy timeout (or
  PostgreSQL reports a serialization failure or deadlock), the whole transaction runs again
  after a short pause, up to :data:`RETRY_SECONDS`. The function given must therefore be safe
  to run again: it reads what it needs inside the transaction.

Every driver error that still escapes becomes a :class:`StoreError` with a Chinese message
(busy, disk full, I/O error, read-only file, damaged file), so no raw driver text reaches a
user and callers need to catch one type only.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from smedesk.store.errors import StoreError

T = TypeVar("T")
log = logging.getLogger(__name__)

#: How long a write keeps retrying a busy database before telling the user.
RETRY_SECONDS = 30.0
#: Execution option that makes the SQLite ``begin`` hook issue ``BEGIN IMMEDIATE``.
WRITE_OPTION = "smedesk_write"

_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")
_RETRY_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock n/a


def is_busy(exc: DBAPIError) -> bool:
    """The lock was not had in time: worth running the transaction again."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    if any(word in text for word in _BUSY_WORDS):
        return True
    return getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES


def explain(exc: DBAPIError) -> StoreError:
    """The driver error as a sentence a user can act on."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if is_busy(exc):
        message = (
            f"数据库正被另一个窗口或同事占用，等待 {RETRY_SECONDS:.0f} 秒后仍未能保存。"
            "您的修改仍在窗口中，稍后会自动重试。"
        )
    elif "disk is full" in text or "no space" in text or sqlstate == "53100":
        message = (
            "磁盘空间已满，修改未能保存。请清理磁盘空间；您的修改仍在窗口中，空间恢复后会自动保存。"
        )
    elif "readonly" in text or "read-only" in text or sqlstate == "25006":
        message = "数据库文件是只读的，修改未能保存。请检查文件或文件夹的写入权限。"
    elif "disk i/o error" in text or "i/o error" in text:
        message = "读写数据库时发生磁盘错误（U 盘被拔出或网络盘断开？），修改未能保存。请检查存储设备后重试。"
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        message = "数据库文件已损坏，无法读写。请从备份恢复（设置 → 备份）。"
    elif "could not connect" in text or "connection" in text or sqlstate in {"08001", "08006"}:
        message = "无法连接数据库服务器，修改未能保存。请检查网络或服务器后重试。"
    else:
        message = f"数据库操作失败：{str(exc.orig if exc.orig is not None else exc)[:200]}"
    return StoreError(message)


def run_write(
    sessions: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Run ``work`` in one write transaction holding the write lock; its result.

    Retried as a whole while the database is busy, for up to :data:`RETRY_SECONDS`.
    ``StoreError`` raised by ``work`` itself passes through unchanged (and is not retried).
    """
    deadline = clock() + RETRY_SECONDS
    pause = 0.02
    while True:
        try:
            with sessions() as session:
                # Procuring the connection with the option begins the transaction with it.
                session.connection(execution_options={WRITE_OPTION: True})
                result = work(session)
                session.commit()
                return result
        except OperationalError as exc:
            if not is_busy(exc) or clock() >= deadline:
                raise explain(exc) from exc
        except DBAPIError as exc:
            if not is_busy(exc) or clock() >= deadline:
                raise explain(exc) from exc
        log.debug("database busy; retrying in %.2f s", pause)
        # Jitter, so two processes that collided do not collide again in step.
        sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 0.5)


def run_read(sessions: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    """Run ``work`` in a read transaction; driver errors become ``StoreError``."""
    try:
        with sessions() as session:
            return work(session)
    except DBAPIError as exc:
        raise explain(exc) from exc
