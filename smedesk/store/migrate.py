"""Bringing a database's schema up to the program's: Alembic, run in-process.

No alembic.ini is shipped; the configuration is built here and the scripts are found beside
this file, so the same code works from a checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from smedesk.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision in ``migrations/versions`` (a test keeps the two equal). Knowing it
#: without Alembic lets an up-to-date database open without importing Alembic at all,
#: which is most of the time from start-up to the filled application list.
SCHEMA_HEAD = "0004"


def is_up_to_date(engine: Engine) -> bool:
    """True when the database already records ``SCHEMA_HEAD`` (no Alembic needed)."""
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except (OperationalError, ProgrammingError):
        return False  # no version table yet: a new (or foreign) database
    return row is not None and row[0] == SCHEMA_HEAD


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the bundled scripts (and ``connection``, if any)."""
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation would read a "%" in the install path as a placeholder.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this program knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # only if the versions folder were missing from the install
        raise StoreError("程序安装不完整：找不到数据库迁移脚本，请重新安装 smedesk。")
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``target`` in one transaction.

    Refuses, with a ``StoreError``, a database written by a newer program (its revision is
    unknown here, and guessing at its schema could destroy data) and a database that holds
    tables but no smedesk revision (some other program's file).
    """
    if target == "head" and is_up_to_date(engine):
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as connection:
        current = current_revision(connection)
        if current is not None and current not in known:
            raise StoreError(
                f"数据库的版本（{current}）比本程序新，是用更新版本的 smedesk 保存的。"
                "请升级 smedesk 后再打开它；本程序没有改动这个文件。"
            )
        if current is None and inspect(connection).get_table_names():
            raise StoreError("这个文件是别的程序的数据库，不是 smedesk 数据库，本程序没有改动它。")
        if current is not None:
            # An existing database is about to change shape: keep a copy of it first.
            from smedesk.store.backup import backup_before

            backup_before(engine, "migration")
        command.upgrade(alembic_config(connection), target)
        connection.commit()
