"""The settings page's database section: writes the server URL, never the password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smedesk.store import StoreError, server
from smedesk.ui.app import open_settings
from smedesk.ui.database_settings import DATABASE_URL, configured_url
from smedesk.ui.settings_dialog import SettingsDialog


def test_server_url_is_written_without_password(qtbot: Any, settings_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(server, "_keyring", lambda: None)  # no keyring: memory only
    monkeypatch.setattr(server, "_session_passwords", {})
    settings = open_settings(settings_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    box = dialog.database_box
    assert box.local.isChecked() and not box.host.isEnabled()
    box.server.setChecked(True)
    box.host.setText("db.gdgxt.gov.cn")
    box.database.setText("smedesk")
    box.user.setText("wangke")
    box.password.setText("s3cret-口令")
    dialog.accept()
    assert configured_url(settings) == "postgresql+psycopg://wangke@db.gdgxt.gov.cn:5432/smedesk"
    assert "s3cret" not in settings_path.read_text(encoding="utf-8")
    monkeypatch.delenv("SMEDESK_DB")  # the environment variable would win over the setting
    assert server.choose_database_url(configured_url(settings)).endswith(
        "wangke:s3cret-%E5%8F%A3%E4%BB%A4@db.gdgxt.gov.cn:5432/smedesk"
    )


def test_bad_address_keeps_the_dialog_open_and_the_setting_unchanged(
    qtbot: Any, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = open_settings(settings_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))  # fmt: skip
    dialog.database_box.server.setChecked(True)
    dialog.database_box.port.setText("五四三二")
    dialog.accept()
    assert warnings and "地址" in warnings[0]
    assert settings.value(DATABASE_URL, "") == ""
    with pytest.raises(StoreError):
        dialog.database_box.address()
