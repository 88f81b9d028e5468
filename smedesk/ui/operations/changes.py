"""What an operation changed: screens refresh from this, never from the main window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Types only: the store (SQLAlchemy) is imported after the window shows (see app.py).
    from smedesk.store import DocumentId


@dataclass(frozen=True)
class Changes:
    """The documents an operation touched and a line for the status bar.

    The runner emits it on ``AppEvents.changes_applied`` after the operation succeeds; every
    screen that shows documents listens there and refreshes what concerns it.
    """

    document_ids: tuple[DocumentId, ...] = ()
    message: str = ""
    #: The document the user will want selected (or opened) after the operation.
    focus: DocumentId | None = None
    open_after: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
