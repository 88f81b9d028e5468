"""Shared test set-up: Qt without a screen, and a private home for every test.

``QT_QPA_PLATFORM`` is set at import time, before any test module can import Qt.
The autouse fixture points HOME, the XDG folders, ``SMEDESK_DB`` and
``SMEDESK_SCHEMES_DIR`` at a temporary folder, so no test (nor a subprocess it
starts, which inherits the environment) reads or writes the user's real data.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep hypothesis' example database out of the checkout and out of the user's home.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "smedesk-hypothesis")
)


@dataclass(frozen=True)
class SmedeskHome:
    """Where a test's smedesk keeps its data."""

    root: Path
    home: Path
    db: Path
    schemes_dir: Path
    data_home: Path
    config_home: Path


@pytest.fixture(autouse=True)
def smedesk_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SmedeskHome]:
    root = tmp_path_factory.mktemp("smedesk-home")
    paths = SmedeskHome(
        root=root,
        home=root / "home",
        db=root / "data" / "smedesk.db",
        schemes_dir=root / "schemes",
        data_home=root / "xdg-data",
        config_home=root / "xdg-config",
    )
    for folder in (
        paths.home,
        paths.db.parent,
        paths.schemes_dir,
        paths.data_home,
        paths.config_home,
    ):
        folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(paths.home))
    monkeypatch.setenv("XDG_DATA_HOME", str(paths.data_home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(paths.config_home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "xdg-state"))
    monkeypatch.setenv("SMEDESK_DB", str(paths.db))
    monkeypatch.setenv("SMEDESK_SCHEMES_DIR", str(paths.schemes_dir))
    monkeypatch.delenv("SMEDESK_DEBUG", raising=False)
    yield paths
