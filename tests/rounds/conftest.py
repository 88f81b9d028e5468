"""Round tests run on a SQLite file and, when the server is there, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smedesk.rounds.service import RoundStore
from smedesk.store import DocumentStore, open_database

from support.postgres import fresh_database


@pytest.fixture(params=["sqlite", "postgresql"])
def rounds(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RoundStore]:
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'rounds.db'}")
        yield RoundStore(DocumentStore(database))
        database.close()
        return
    with fresh_database() as url:
        database = open_database(url)
        yield RoundStore(DocumentStore(database))
        database.close()
