"""The one exception the store raises for expected failures.

Screens show ``StoreError.message`` as it is, so it is always a complete Chinese sentence
saying what went wrong and, where there is one, what the user can do about it.
"""

from __future__ import annotations

from smedesk.errors import UserError


class StoreError(UserError):
    """An expected failure of the store (unknown id, unreadable file, newer database, ...)."""
