"""Autosave: every edit reaches the store within a second, with no Save button.

Saving waits for a short pause in typing (300 ms) so a burst of keystrokes is one write,
but never longer than ``MAX_WAIT_MS`` after the first unsaved edit, so continuous typing is
still stored within a second. The store folds quick saves into one revision and writes
only what changed; a crash loses at most the edits of the last wait.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from smedesk.store import DocumentStore, StoreError
from smedesk.ui.editor.document_state import DocumentState

DEBOUNCE_MS = 300
MAX_WAIT_MS = 700


class Autosaver(QObject):
    """Watches a ``DocumentState`` and stores it after each edit."""

    saved = Signal(float)  # time.time() of the save
    failed = Signal(str)  # a Chinese message for the status line
    title_changed = Signal(str)

    def __init__(
        self, state: DocumentState, store: DocumentStore, author: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.store = store
        self.author = author
        self.last_save_seconds = 0.0  # how long the last store.save took (for the status line)
        self._saved_revision = state.revision
        self._title = ""
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._debounce.timeout.connect(self.flush)
        self._max_wait.timeout.connect(self.flush)
        state.value_changed.connect(self._on_change)

    @property
    def pending(self) -> bool:
        return self.state.revision != self._saved_revision

    def _on_change(self, _path: str) -> None:
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def flush(self) -> bool:
        """Store pending edits now; False if the store refused (the edits stay pending)."""
        self._debounce.stop()
        self._max_wait.stop()
        if not self.pending:
            return True
        revision = self.state.revision
        started = time.perf_counter()
        try:
            self.store.save(self.state.doc_id, self.state.data, author=self.author)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return False
        self.last_save_seconds = time.perf_counter() - started
        self._saved_revision = revision
        self.saved.emit(time.time())
        self._update_title()
        return True

    def _update_title(self) -> None:
        title = self.state.title()
        if title != self._title:
            self._title = title
            try:
                self.store.rename(self.state.doc_id, title)
            except StoreError as exc:
                self.failed.emit(str(exc))
            self.title_changed.emit(title)
