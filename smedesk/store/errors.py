"""The one exception the store raises for expected failures.

Screens show ``StoreError.message`` as it is, so it is always a complete Chinese sentence
saying what went wrong and, where there is one, what the user can do about it.
"""

from __future__ import annotations


class StoreError(Exception):
    """An expected failure of the store (unknown id, unreadable file, newer database, ...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
