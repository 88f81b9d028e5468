"""Opening the database: where it lives, the SQLite settings, and migrating it on open.

The program works on a SQLite file in the user's data folder; setting ``SMEDESK_DB`` points
it elsewhere (another file, or a shared PostgreSQL server for a province's office).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from smedesk.store import migrate
from smedesk.store.errors import StoreError
from smedesk.store.transactions import WRITE_OPTION

ENV_VAR = "SMEDESK_DB"
DB_FILENAME = "smedesk.db"
BUSY_TIMEOUT_MS = 5000
WAL_AUTOCHECKPOINT_PAGES = 4000
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Database:
    """An open database: the engine and the factory of sessions the repositories use."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def url(self) -> URL:
        return self.engine.url

    def close(self) -> None:
        """Release every pooled connection (and with them SQLite's file handles)."""
        self.engine.dispose()


def _sqlite_url(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def default_database_url() -> str:
    """``SMEDESK_DB`` if set, else ``smedesk.db`` in the user data folder (created if missing).

    ``SMEDESK_DB`` may be a URL (``sqlite:///…``, ``postgresql+psycopg://…``) or a plain file
    path, which is taken as a SQLite file.
    """
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        if "://" in override:
            return override
        return _sqlite_url(Path(override).expanduser().resolve())
    folder = Path(platformdirs.user_data_dir("smedesk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return _sqlite_url(folder / DB_FILENAME)


def sqlite_file(url: str | None = None) -> Path | None:
    """The SQLite file behind ``url`` (default: the program's database), or None when the
    database is not a local file (a PostgreSQL server, an in-memory database)."""
    parsed = make_url(url if url is not None else default_database_url())
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any, *, foreign_keys: bool) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _begin),
    # so that DDL and DML alike are inside one real transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a committed save survives the program crashing or
        # being killed (the WAL is in the OS's hands at commit); a power cut can lose the
        # last commits since the previous checkpoint but never corrupts the file. FULL would
        # add an fsync to every autosave; that is what we avoid.
        cursor.execute("PRAGMA synchronous=NORMAL")
        # A checkpoint (copying the WAL into the file, with an fsync) every ~16 MB instead of
        # every 4 MB: an autosave of a big document writes ~1 MB, and checkpointing every few
        # saves made them ~40% slower. Repeated saves rewrite the same pages, so one rarer
        # checkpoint also copies less.
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def _make_engine(url: URL, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":

        def on_connect(dbapi_connection: Any, record: Any) -> None:
            _set_sqlite_pragmas(dbapi_connection, record, foreign_keys=foreign_keys)

        def on_begin(connection: Any) -> None:
            # Writes take the lock up front (see transactions.py); reads stay deferred, so
            # in WAL mode they never wait for a writer.
            immediate = connection.get_execution_options().get(WRITE_OPTION)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", on_begin)
    return engine


def _check_sqlite_path(url: URL) -> Path | None:
    """Fail early, in plain words, on paths SQLite would reject with a cryptic message."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    if path.is_dir():
        raise StoreError(f"「{path}」是一个文件夹，不是数据库文件。请选择一个文件。")
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(f"无法创建数据库「{path}」：文件夹「{path.parent}」不存在。")
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"无法创建数据库「{path}」：没有写入文件夹「{path.parent}」的权限。")
        return path
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件「{path}」：{exc.strerror or exc}。") from exc
    if header and header != _SQLITE_MAGIC:
        raise StoreError(f"「{path}」不是 smedesk 数据库文件（也不是 SQLite 文件）。")
    if not os.access(path, os.W_OK):
        raise StoreError(f"数据库文件「{path}」是只读的，无法保存修改。请检查文件权限。")
    return path


def open_database(url: str | None = None) -> Database:
    """Open (creating if needed) the database at ``url`` and migrate it to the newest schema.

    Without ``url``, ``default_database_url()`` decides. Every expected failure — a folder
    instead of a file, an unwritable or foreign file, a database from a newer program — is a
    ``StoreError`` with a Chinese message, and leaves the file as it was.
    """
    try:
        parsed = make_url(url if url is not None else default_database_url())
    except ArgumentError as exc:
        raise StoreError(f"数据库地址「{url}」的格式不对。") from exc
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed)
    try:
        # Migrations run with foreign keys off: SQLite's batch mode rebuilds a table by
        # dropping it, and with foreign keys on that drop would cascade to child rows.
        migration_engine = _make_engine(parsed, foreign_keys=False)
        try:
            migrate.upgrade(migration_engine)
        finally:
            migration_engine.dispose()
        engine = _make_engine(parsed)
    except NoSuchModuleError as exc:
        raise StoreError(f"不支持的数据库类型：{parsed.drivername}。") from exc
    except DBAPIError as exc:
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(f"无法打开数据库「{shown}」：{reason}") from exc
    except ImportError as exc:
        raise StoreError(f"缺少连接数据库所需的驱动程序：{exc.name}。") from exc
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
