"""Fixtures of the store tests: a fresh migrated database, on SQLite and on PostgreSQL.

Every test that takes ``database`` (or ``store``) runs twice: on a SQLite file in a temporary
folder and on a new database of the PostgreSQL server named by ``SMEDESK_TEST_PG_URL``
(skipped, with the reason, when that is unset; CI always sets it). Tests about SQLite itself
(the file, its pragmas) take ``db_path`` or ``sqlite_database`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smedesk.store import Database, DocumentStore, open_database

from support.postgres import fresh_database

ENGINES = ["sqlite", "postgresql"]


class FakeClock:
    """A clock the test moves by hand, to step through the coalescing window."""

    def __init__(self) -> None:
        self.now = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)  # distinct, increasing timestamps
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "smedesk.db"


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    with fresh_database() as url:
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    yield db
    db.close()


@pytest.fixture
def sqlite_database(db_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{db_path}")
    yield db
    db.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(database: Database, clock: FakeClock) -> DocumentStore:
    return DocumentStore(database, clock=clock)
