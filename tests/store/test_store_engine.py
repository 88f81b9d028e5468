"""Opening databases: location, SQLite settings, migrations, and clear failures."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from smedesk.store import Database, StoreError, default_database_url, migrate, open_database
from smedesk.store.migrate import alembic_config, head_revision, upgrade
from smedesk.store.models import Base


def test_fresh_database_has_tables_and_head_revision(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {"documents", "document_parts", "revisions", "attachments", "alembic_version"} <= tables
    with database.engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == head_revision() == "0004"


def test_migrations_match_models(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_pragmas_are_on(database: Database) -> None:
    with database.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert pragma("PRAGMA busy_timeout").scalar() == 5000


def test_upgrade_from_0001_keeps_rows(db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (id, kind, title, scheme_id, scheme_version, data,"
                " created_at, updated_at, owner_role) VALUES ('d1', 'application-report',"
                " '旧文档', 'miit-2017', '1', '{\"a\": 1}', '2024-01-01 00:00:00.000000',"
                " '2024-01-01 00:00:00.000000', 'applicant')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO revisions (document_id, number, action, author, created_at,"
                " summary, changes, change_count, data) VALUES ('d1', 1, 'create', '张三',"
                " '2024-01-01 00:00:00.000000', '新建', '[]', 0, NULL)"
            )
        )
    tables = set(inspect(engine).get_table_names())
    assert "attachments" not in tables
    engine.dispose()

    from smedesk.store import DocumentStore

    database = open_database(f"sqlite:///{db_path}")
    try:
        store = DocumentStore(database)
        document = store.get("d1")
        assert document.title == "旧文档"
        assert document.data == {"a": 1}
        assert document.deleted_at is None
        assert [r.summary for r in store.revisions("d1")] == ["新建"]
        assert store.attachments("d1") == []
    finally:
        database.close()


def test_newer_database_is_refused(db_path: Path) -> None:
    open_database(f"sqlite:///{db_path}").close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="比本程序新"):
        open_database(f"sqlite:///{db_path}")


def test_foreign_database_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE notes (x TEXT)")
    with pytest.raises(StoreError, match="不是 smedesk 数据库"):
        open_database(f"sqlite:///{db_path}")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="文件夹"):
        open_database(f"sqlite:///{tmp_path}")


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(StoreError, match="不是 smedesk 数据库文件"):
        open_database(f"sqlite:///{path}")


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="不存在"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_file_is_refused(db_path: Path) -> None:
    open_database(f"sqlite:///{db_path}").close()
    db_path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="只读"):
            open_database(f"sqlite:///{db_path}")
    finally:
        db_path.chmod(0o644)


def test_env_override_with_plain_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "other.db"
    monkeypatch.setenv("SMEDESK_DB", str(path))
    url = default_database_url()
    assert url.startswith("sqlite:///") and url.endswith("other.db")
    open_database().close()
    assert path.is_file()


def test_env_override_with_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'u.db'}"
    monkeypatch.setenv("SMEDESK_DB", url)
    assert default_database_url() == url


def test_default_location_is_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("SMEDESK_DB", raising=False)
    folder = tmp_path / "data" / "smedesk"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(folder))
    url = default_database_url()
    assert folder.is_dir()
    assert url == f"sqlite:///{folder / 'smedesk.db'}"


def test_alembic_config_needs_no_ini_file() -> None:
    config = alembic_config()
    assert config.config_file_name is None
    location = Path(config.get_main_option("script_location") or "")
    assert (location / "env.py").is_file()


def test_schema_head_constant_is_alembic_head() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_up_to_date_database_opens_without_alembic(db_path: Path) -> None:
    """Start-up fast path: a current database is recognised without importing Alembic."""
    open_database(f"sqlite:///{db_path}").close()
    code = (
        "import sys; from smedesk.store import open_database; "
        f"open_database({f'sqlite:///{db_path}'!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
