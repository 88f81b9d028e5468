"""One small typed function per user action on the store, run off the GUI thread (as Anki does).

Each ``*_document`` function does exactly one store call (or a few, for several selected
documents) and returns :class:`Changes`, a summary of what changed; screens refresh from
that summary instead of the main window pushing updates around.

:class:`OperationRunner` runs those functions on one worker thread, in the order they were
asked for, shows a busy cursor while one runs, and reports success or failure in one place:
a ``StoreError`` becomes its own Chinese message; anything else is logged and reported as
an internal error, never as a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from smedesk.ui.i18n import tr

if TYPE_CHECKING:
    # Types only: the store (SQLAlchemy) is imported after the window shows (see app.py).
    from smedesk.store import DocumentId, DocumentStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewDocumentRequest:
    """Everything needed to create an application: what the new-document dialog returns."""

    kind: str
    title: str
    scheme_id: str
    scheme_version: str
    data: dict[str, Any]
    owner_role: str = "applicant"


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the documents touched and a line for the status bar."""

    document_ids: tuple[DocumentId, ...] = ()
    message: str = ""
    #: The document the user will want selected (or opened) after the operation.
    focus: DocumentId | None = None
    open_after: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


# --- the operations -------------------------------------------------------------------------


def create_document(store: DocumentStore, request: NewDocumentRequest, *, author: str) -> Changes:
    doc_id = store.create(
        request.kind,
        request.title,
        request.data,
        scheme_id=request.scheme_id,
        scheme_version=request.scheme_version,
        owner_role=request.owner_role,
        author=author,
    )
    return Changes(
        (doc_id,),
        tr("已新建「{title}」").format(title=request.title),
        focus=doc_id,
        open_after=True,
    )


def duplicate_document(
    store: DocumentStore, doc_id: DocumentId, new_title: str, *, author: str
) -> Changes:
    new_id = store.duplicate(doc_id, new_title, author=author)
    return Changes(
        (doc_id, new_id), tr("已复制为「{title}」").format(title=new_title), focus=new_id
    )


def rename_document(store: DocumentStore, doc_id: DocumentId, title: str) -> Changes:
    from smedesk.store import StoreError

    title = title.strip()
    if not title:
        raise StoreError(tr("名称不能为空。"))
    store.rename(doc_id, title)
    return Changes((doc_id,), tr("已重命名为「{title}」").format(title=title), focus=doc_id)


def trash_documents(store: DocumentStore, doc_ids: Sequence[DocumentId]) -> Changes:
    for doc_id in doc_ids:
        store.trash(doc_id)
    return Changes(
        tuple(doc_ids),
        tr("已将 {count} 份申报移到回收站，可在回收站中恢复").format(count=len(doc_ids)),
    )


def restore_documents(store: DocumentStore, doc_ids: Sequence[DocumentId]) -> Changes:
    for doc_id in doc_ids:
        store.restore_from_trash(doc_id)
    focus = doc_ids[0] if doc_ids else None
    return Changes(
        tuple(doc_ids),
        tr("已从回收站恢复 {count} 份申报").format(count=len(doc_ids)),
        focus=focus,
    )


def empty_trash(store: DocumentStore) -> Changes:
    count = store.empty_trash()
    return Changes((), tr("已清空回收站，永久删除 {count} 份").format(count=count))


# --- running them ---------------------------------------------------------------------------


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits on it, so delivery is queued to the GUI."""

    done = Signal(object, object, object)  # token, Changes | None, error message | None


class _Job(QRunnable):
    def __init__(self, relay: _Relay, token: object, fn: Callable[[], Changes]) -> None:
        super().__init__()
        self._relay, self._token, self._fn = relay, token, fn

    def run(self) -> None:
        from smedesk.store import StoreError

        try:
            result = self._fn()
        except StoreError as exc:
            self._relay.done.emit(self._token, None, exc.message)
        except Exception as exc:  # reported in one place, never as a traceback
            log.exception("operation failed")
            message = tr("内部错误：{error}。这是程序的缺陷，不是您的操作问题，请反馈。")
            self._relay.done.emit(self._token, None, message.format(error=type(exc).__name__))
        else:
            self._relay.done.emit(self._token, result, None)


class OperationRunner(QObject):
    """Runs operations one after another on a worker thread; reports back on the GUI thread."""

    started = Signal(str)  # label, for the status bar
    succeeded = Signal(object)  # Changes
    failed = Signal(str)  # a Chinese (or translated) message for the user
    finished = Signal()  # after either; tests wait on this

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One thread: operations apply in the order asked (rename, then trash…).
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._callbacks: dict[int, Callable[[Changes], None] | None] = {}
        self._next = 0

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(
        self,
        label: str,
        fn: Callable[[], Changes],
        on_success: Callable[[Changes], None] | None = None,
    ) -> None:
        """Run ``fn`` off the GUI thread; ``on_success`` gets its Changes on the GUI thread."""
        self._next += 1
        token = self._next
        if not self._callbacks:
            from PySide6.QtCore import Qt  # not at import: see smedesk.ui.app_list

            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._callbacks[token] = on_success
        self.started.emit(label)
        self._pool.start(_Job(self._relay, token, fn))

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until queued operations are done (used when the window closes)."""
        return self._pool.waitForDone(msecs)

    def _on_done(self, token: object, result: object, error: object) -> None:
        callback = self._callbacks.pop(int(token), None)  # type: ignore[call-overload]
        if not self._callbacks:
            QApplication.restoreOverrideCursor()
        if error is not None:
            self.failed.emit(str(error))
        elif isinstance(result, Changes):
            if callback is not None:
                callback(result)
            self.succeeded.emit(result)
        self.finished.emit()
