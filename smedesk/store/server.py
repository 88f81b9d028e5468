"""Connecting to a shared PostgreSQL server: the address kept in the settings, the password not.

A province's office shares one database on a PostgreSQL server. The settings page keeps the
server's address as a URL *without* password (``postgresql+psycopg://user@host:5432/db``);
the password goes to the system keyring (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux) through the ``keyring`` package. Where no keyring works (a bare
Linux session), the password is kept in memory for this run only and asked again at the next
start — it is never written to a plain file.

Precedence when the program opens its database (:func:`choose_database_url`): the
``SMEDESK_DB`` environment variable, then the server in the settings, then the SQLite file in
the user data folder (``engine.default_database_url``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from smedesk.store.engine import ENV_VAR, default_database_url
from smedesk.store.errors import StoreError

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
KEYRING_SERVICE = "smedesk-database"

#: Passwords given during this run when no keyring could keep them (never on disk).
_session_passwords: dict[str, str] = {}


@dataclass(frozen=True)
class ServerAddress:
    """Where the shared database is: everything of the URL except the password."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL; with ``password`` only when opening, never for storing."""
        return URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    @property
    def account(self) -> str:
        """The keyring's account name: one password per user on one server."""
        return f"{self.user}@{self.host}:{self.port}"

    @classmethod
    def from_url(cls, text: str) -> ServerAddress | None:
        """The address in a stored setting; None when it is empty or not a PostgreSQL URL."""
        if not text.strip():
            return None
        try:
            url = make_url(text.strip())
        except ArgumentError:
            return None
        if url.get_backend_name() != "postgresql" or not url.host:
            return None
        return cls(
            host=url.host,
            port=url.port or DEFAULT_PORT,
            database=url.database or "",
            user=url.username or "",
        )


def validate(host: str, port: str, database: str, user: str) -> ServerAddress:
    """The address typed on the settings page, or a StoreError naming what is wrong."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host:
        raise StoreError("请填写数据库服务器的地址（主机名或 IP 地址）。")
    try:
        number = int(port.strip() or DEFAULT_PORT)
    except ValueError:
        raise StoreError(f"端口「{port}」不是数字；PostgreSQL 默认端口为 5432。") from None
    if not 0 < number < 65536:
        raise StoreError(f"端口 {number} 超出范围（1–65535）。")
    if not database:
        raise StoreError("请填写数据库名称。")
    if not user:
        raise StoreError("请填写登录数据库的用户名。")
    return ServerAddress(host=host, port=number, database=database, user=user)


def _keyring() -> object | None:
    """The keyring module when a real backend is available here, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the program
        return None
    if isinstance(backend, fail.Keyring):
        return None
    module: object = keyring
    return module


def keyring_available() -> bool:
    return _keyring() is not None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Keep the password: in the keyring (True), or for this run only (False)."""
    _session_passwords[address.account] = password
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, address.account, password)  # type: ignore[attr-defined]
    except Exception:  # locked or refused keyring: this run only, as without one
        return False
    return True


def stored_password(address: ServerAddress) -> str | None:
    """The password given this run, else the one in the keyring, else None."""
    if address.account in _session_passwords:
        return _session_passwords[address.account]
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, address.account)  # type: ignore[attr-defined]
    except Exception:
        return None
    return found if isinstance(found, str) else None


def choose_database_url(configured: str | None) -> str:
    """The URL to open: ``SMEDESK_DB`` first, then the configured server, then the local file.

    ``configured`` is the settings page's URL (no password); its password is added from the
    keyring or this run's memory. A server needing a password that is not known fails when
    connecting, with the store's Chinese message.
    """
    if os.environ.get(ENV_VAR, "").strip():
        return default_database_url()
    address = ServerAddress.from_url(configured or "")
    if address is None:
        return default_database_url()
    return address.url(stored_password(address))
