"""Committed fixture files: documents and databases written by earlier releases.

Read from the checkout beside the tests (``tests/fixtures``), never from the installed
package. A format's fixtures are named ``*-format-N.*`` so a test can find, for every
earlier format version, the files that version wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PREVIOUS_RELEASE = FIXTURES / "previous-release"


def format_fixtures(version: int, suffix: str = ".json") -> list[Path]:
    """Every committed fixture written in document format ``version``."""
    return sorted(FIXTURES.rglob(f"*-format-{version}{suffix}"))


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
