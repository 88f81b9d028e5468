"""The canonical JSON text the store writes: compact, UTF-8 kept, no NaN, string keys.

Documents are stored in chunks (see ``parts``), so an edit re-serialises only the chunk it
touched; every chunk goes through ``dumps`` so equal values always give equal text.
"""

from __future__ import annotations

import json
from typing import Any

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(value: Any) -> str:
    """The canonical text of a JSON value: compact, UTF-8 characters kept, no NaN.

    Raises TypeError or ValueError for what JSON cannot hold (NaN, dates, non-string keys).
    """
    _check_keys(value)
    return _encoder.encode(value)


def _check_keys(value: Any) -> None:
    # The encoder would silently turn a key 1 into "1"; the text would then no longer read
    # back as the value we diff against.
    if isinstance(value, dict) and not all(isinstance(key, str) for key in value):
        raise TypeError("JSON object keys must be strings")
