"""The shared-server setting: address without password, keyring or memory, env precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.store import StoreError, open_database, server
from smedesk.store.server import ServerAddress, choose_database_url, validate

from support.postgres import require_server


def test_address_round_trips_through_its_url_without_password() -> None:
    address = validate(" db.gd.gov ", "5433", "smedesk", "wang")
    stored = address.url()
    assert stored == "postgresql+psycopg://wang@db.gd.gov:5433/smedesk"
    assert ServerAddress.from_url(stored) == address
    assert ":secret@" in address.url("secret")


@pytest.mark.parametrize(
    ("host", "port", "database", "user", "words"),
    [("", "5432", "d", "u", "地址"), ("h", "五", "d", "u", "不是数字"),
     ("h", "70000", "d", "u", "超出范围"), ("h", "", "", "u", "数据库名称"),
     ("h", "", "d", "", "用户名")],
)  # fmt: skip
def test_bad_addresses_are_refused_in_chinese(
    host: str, port: str, database: str, user: str, words: str
) -> None:
    with pytest.raises(StoreError, match=words):
        validate(host, port, database, user)


def test_env_var_wins_then_setting_then_local_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configured = "postgresql+psycopg://wang@db:5432/smedesk"
    monkeypatch.setenv("SMEDESK_DB", str(tmp_path / "env.db"))
    assert choose_database_url(configured).endswith("env.db")
    monkeypatch.delenv("SMEDESK_DB")
    monkeypatch.setattr(server, "_keyring", lambda: None)
    monkeypatch.setattr(server, "_session_passwords", {})
    assert choose_database_url(configured) == configured  # no password known
    assert not server.remember_password(ServerAddress.from_url(configured), "pw")  # type: ignore[arg-type]
    assert choose_database_url(configured) == "postgresql+psycopg://wang:pw@db:5432/smedesk"
    assert choose_database_url("").startswith("sqlite:///")
    assert choose_database_url("sqlite:///x.db").startswith("sqlite:///")  # not a server


def test_settings_url_opens_the_server() -> None:
    url = require_server()
    address = ServerAddress.from_url(url)
    assert address is not None
    database = open_database(address.url())
    try:
        assert database.engine.dialect.name == "postgresql"
    finally:
        database.close()


def test_unreachable_server_is_a_chinese_store_error() -> None:
    with pytest.raises(StoreError, match="无法打开数据库"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
