"""Autosave: every edit is stored as soon as the event that made it is handled.

An edit schedules a save for the next turn of the event loop (a zero timer), so the edits
one user action makes (a paste of 500 rows touches the document 500 times) are one write,
and the save never waits for a pause in typing. The guarantee then holds on a saturated
machine too: a timer of a few hundred milliseconds fires late when the CPU is busy, a zero
timer runs as soon as the edit's own handler returns. A save costs a few milliseconds even
for a 3,000-row application: the store diffs against its copy and writes only the piece
touched, and folds quick saves into one revision (``store/history.py``). A crash or kill
loses at most the edit being handled.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from smedesk.store import DocumentStore, SaveConflict, StoreError
from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.i18n import tr

#: How often unsaved edits are tried again after the store refused them.
RETRY_MS = 5000


class Autosaver(QObject):
    """Watches a ``DocumentState`` and stores it after each edit."""

    saved = Signal(float)  # time.time() of the save
    failed = Signal(str)  # a Chinese message for the status line
    title_changed = Signal(str)
    #: another save changed the same fields: the editor shows both values (SaveConflict).
    conflicted = Signal(object)
    #: another save was merged in: the message says so (the data is already adopted).
    merged = Signal(str)

    def __init__(
        self, state: DocumentState, store: DocumentStore, author: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.store = store
        self.author = author
        self.last_save_seconds = 0.0  # how long the last store.save took (for the status line)
        self._saved_revision = state.revision
        #: Paths edited since the last successful save (named when a save fails).
        self.unsaved_paths: list[str] = []
        #: while the user resolves a conflict, saving waits (it would only conflict again).
        self.paused = False
        self._title = ""
        self._next_turn = QTimer(self, singleShot=True, interval=0)
        self._next_turn.timeout.connect(self.flush)
        # After a failed save (a full disk, a pulled stick, a busy server) the edits stay
        # pending and are stored again every few seconds until the store takes them: the
        # user frees space and sees «已自动保存» come back without typing anything.
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry.timeout.connect(self.flush)
        state.value_changed.connect(self._on_change)

    @property
    def pending(self) -> bool:
        return self.state.revision != self._saved_revision

    def _on_change(self, path: str) -> None:
        if path and path not in self.unsaved_paths:
            self.unsaved_paths.append(path)
        if not self._next_turn.isActive():
            self._next_turn.start()

    def flush(self) -> bool:
        """Store pending edits now; False if the store refused (the edits stay pending)."""
        self._next_turn.stop()
        if not self.pending or self.paused:
            return not self.pending
        revision = self.state.revision
        started = time.perf_counter()
        try:
            result = self.store.save(
                self.state.doc_id, self.state.data,
                base_version=self.state.version, author=self.author,
            )  # fmt: skip
        except SaveConflict as conflict:
            self.paused = True
            self.conflicted.emit(conflict)
            return False
        except StoreError as exc:
            self.failed.emit(str(exc))
            self.retry.start()
            return False
        self.retry.stop()
        self.unsaved_paths.clear()
        self.last_save_seconds = time.perf_counter() - started
        self.state.version = result.version
        if result.merged is not None:
            # Another window's or colleague's changes came in: show them too.
            self.state.replace_data(result.merged)
            revision = self.state.revision
        self._saved_revision = revision
        self.saved.emit(time.time())
        if result.merged is not None:
            self.merged.emit(tr("已合并他人同时保存的修改"))
        self._update_title()
        return True

    def resolve(self, data: dict[str, object], version: int) -> bool:
        """Save the user's resolution of a conflict: ``data`` is based on ``version``."""
        self.paused = False
        self.state.version = version
        self.state.replace_data(dict(data), changed=True)
        return self.flush()

    def _update_title(self) -> None:
        title = self.state.title()
        if title != self._title:
            self._title = title
            try:
                self.store.rename(self.state.doc_id, title)
            except StoreError as exc:
                self.failed.emit(str(exc))
            self.title_changed.emit(title)
