"""Errors of signing and of reading keys."""

from __future__ import annotations

from smedesk.errors import UserError


class SigningError(UserError):
    """A key that cannot be read or made, or a signature that cannot be made."""
