"""The error of a scheme that cannot be used (a broken file, an unknown id)."""

from __future__ import annotations

from smedesk.errors import UserError


class SchemeError(UserError):
    """A scheme that cannot be used; ``message`` is a Chinese sentence for the user."""
