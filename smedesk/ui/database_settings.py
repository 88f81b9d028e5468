"""The settings page's «数据库» section: this computer's file, or a shared PostgreSQL server.

Writes one setting, :data:`DATABASE_URL` — the server's URL without password (empty for the
local file). The password goes to the system keyring when one works, otherwise it is kept
for this run only and asked again at the next start; it never reaches the settings file.
``SMEDESK_DB`` in the environment still wins over this setting (``store.server``). A change
takes effect at the next start: the open documents stay on the database they came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui import spacing
from smedesk.ui.i18n import tr

if TYPE_CHECKING:
    from smedesk.store.server import ServerAddress

DATABASE_URL = "database/url"


def configured_url(settings: QSettings) -> str:
    """The server URL of the settings (no password), or "" for the local file."""
    value = settings.value(DATABASE_URL, "")
    return str(value) if value else ""


class DatabaseSettingsBox(QGroupBox):
    """Local file or server; host, port, database, user and password of the server."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(tr("数据库"), parent)
        # The store's modules (SQLAlchemy) load with the dialog, not at start-up.
        from smedesk.store.server import (
            DEFAULT_PORT,
            ServerAddress,
            keyring_available,
            stored_password,
        )

        self.settings = settings
        address = ServerAddress.from_url(configured_url(settings))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setSpacing(spacing.SPACING)
        outer.addLayout(form)
        self.local = QRadioButton(tr("本机数据文件（一人使用）"))
        self.server = QRadioButton(tr("共享的 PostgreSQL 数据库服务器（多人同时处理一轮推荐）"))
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        form.addRow(self.local)
        form.addRow(self.server)
        self.host = QLineEdit(address.host if address else "")
        self.host.setPlaceholderText(tr("例如 db.example.gov.cn 或 10.0.0.5"))
        self.port = QLineEdit(str(address.port if address else DEFAULT_PORT))
        self.database = QLineEdit(address.database if address else "smedesk")
        self.user = QLineEdit(address.user if address else "")
        self.password = QLineEdit(stored_password(address) or "" if address else "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Two fields a row: the settings dialog must still fit a 768-pixel-high screen.
        self.port.setMaximumWidth(80)
        for label, first, second_label, second in (
            (tr("服务器地址"), self.host, tr("端口"), self.port),
            (tr("数据库名称"), self.database, tr("用户名"), self.user),
        ):
            # Named for screen readers: a row of two fields has one form label.
            first.setAccessibleName(label)
            second.setAccessibleName(second_label)
            row = QHBoxLayout()
            row.addWidget(first, 1)
            row.addWidget(QLabel(second_label))
            row.addWidget(second, 1 if second is self.user else 0)
            form.addRow(label, row)
        self.password.setAccessibleName(tr("密码"))
        form.addRow(tr("密码"), self.password)
        where = (
            tr("密码保存在系统的密钥环（凭据管理器）中，不写入设置文件。")
            if keyring_available()
            else tr(
                "本机没有可用的系统密钥环：密码只在本次运行中记住，下次启动时会再次询问，不写入任何文件。"
            )
        )
        self.note = QLabel(where + tr("更改在下次启动程序时生效。"))
        self.note.setObjectName("mutedText")
        self.note.setWordWrap(True)
        # Below the form, not in a form row: a wrapped label in a row is given one line's
        # height and its second line is cut off.
        outer.addWidget(self.note)
        self.server.setChecked(address is not None)
        self.local.setChecked(address is None)
        self.server.toggled.connect(self._enable)
        self._enable(address is not None)

    def _enable(self, on: bool) -> None:
        for editor in (self.host, self.port, self.database, self.user, self.password):
            editor.setEnabled(on)

    def address(self) -> ServerAddress | None:
        """The typed server, None for the local file; StoreError when a field is wrong."""
        from smedesk.store.server import validate

        if not self.server.isChecked():
            return None
        return validate(self.host.text(), self.port.text(), self.database.text(), self.user.text())

    def apply(self) -> None:
        """Write the setting (and keep the password); StoreError leaves everything as it was."""
        from smedesk.store.server import remember_password

        address = self.address()
        if address is None:
            self.settings.setValue(DATABASE_URL, "")
            return
        if self.password.text():
            remember_password(address, self.password.text())
        self.settings.setValue(DATABASE_URL, address.url())


def ask_password_if_needed(url: str) -> None:
    """At start-up: ask for the server's password when it is neither in the keyring nor given.

    Only when the settings name a server and ``SMEDESK_DB`` does not override them. An empty
    answer is allowed (servers that trust the office network need none); cancelling too —
    the connection then fails with the server's reason, shown by the start-up.
    """
    import os

    if not url:
        return  # the local file: nothing of the store's is imported at start-up
    from smedesk.store.engine import ENV_VAR
    from smedesk.store.server import ServerAddress, remember_password, stored_password

    address = ServerAddress.from_url(url)
    if address is None or os.environ.get(ENV_VAR, "").strip() or stored_password(address):
        return
    from PySide6.QtWidgets import QInputDialog

    password, ok = QInputDialog.getText(
        None,
        tr("连接数据库服务器"),
        tr("登录 {account}/{database} 的密码：").format(
            account=address.account, database=address.database
        ),
        QLineEdit.EchoMode.Password,
    )
    if ok and password:
        remember_password(address, password)
