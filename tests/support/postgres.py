"""A fresh PostgreSQL database per test, on the server named by ``SMEDESK_TEST_PG_URL``.

``.ci/run`` starts a private server and sets the variable (``.ci/postgres.sh``); without it
the PostgreSQL variants of the store tests are skipped with that reason. Each test gets its
own database (``CREATE DATABASE``, dropped afterwards), so migrations start from nothing and
no test sees another's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, make_url, text

ENV_VAR = "SMEDESK_TEST_PG_URL"
SKIP_REASON = (
    f"{ENV_VAR} is not set: no PostgreSQL server to test against "
    "(source .ci/postgres.sh to start one; CI always does)"
)


def server_url() -> str | None:
    return os.environ.get(ENV_VAR, "").strip() or None


def require_server() -> str:
    url = server_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    return url


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database on the test server; dropped on exit."""
    base = make_url(require_server())
    name = f"smedesk_t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
