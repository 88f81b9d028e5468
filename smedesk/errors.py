"""The base of every error a user may see, and the one way work is cancelled.

Every expected failure — a store that cannot save, a scheme file that does not load, a
workbook or document that cannot be read, an export that cannot be written — derives from
:class:`UserError`, whose ``message`` is a complete Chinese sentence shown to the user as it
is. Anything else that escapes is a bug: the operations runner logs its traceback and shows
one «内部错误» message. Cancelling raises :class:`Cancelled` (or a subclass), which callers
treat as "nothing was changed", never as a failure.
"""

from __future__ import annotations


class UserError(Exception):
    """An expected failure; ``message`` is a Chinese sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Cancelled(Exception):
    """The user cancelled the work; nothing was written or changed."""
