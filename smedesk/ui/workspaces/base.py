"""The one small interface every role's workspace has; the main window knows only this.

A workspace is a page of the main window for one role (applicant, recommender, expert): it
says its title, adds its actions to the window's «文件» menu, opens a document of its role,
learns when the store is ready, and keeps nothing unsaved when the window switches away
from it or closes.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLayout, QWidget

from smedesk.ui.context import AppContext


class Workspace(QWidget):
    """Base of the role workspaces."""

    #: The role's code name (``smedesk.store.records.OWNER_ROLES``).
    ROLE: ClassVar[str] = ""
    #: The role's name on the role switch (marked with ``N_`` for translation).
    LABEL: ClassVar[str] = ""

    #: The part of the window title that names what the workspace shows changed.
    title_changed = Signal()
    #: A line for the window's status bar.
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def window_title(self) -> str:
        """What the window title shows before the program's name ("" for nothing)."""
        return ""

    def menu_actions(self) -> list[QAction]:
        """Actions for the window's «文件» menu while this workspace is showing."""
        return []

    def open_document(self, doc_id: str) -> bool:
        """Show the document ``doc_id`` of this role; False (with a message) if it cannot."""
        return False

    def store_ready(self) -> None:
        """The store has opened (start-up): fill in what needs it."""

    def deactivate(self) -> bool:
        """The window switches away or closes: store what is pending; False if it could not."""
        return True


def flush_editor(editor: QWidget | None) -> bool:
    """Store an embedded editor's pending edits now; False if they could not be stored."""
    flush = getattr(editor, "flush", None)
    return bool(flush()) if callable(flush) else True


def discard_editor(editor: QWidget, layout: QLayout) -> None:
    """Take an embedded editor off its page, its edits stored first.

    close() lets the editor finish its own work (a running self-check) before deletion.
    """
    flush_editor(editor)
    editor.close()
    layout.removeWidget(editor)
    editor.deleteLater()
