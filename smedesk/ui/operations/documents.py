"""One small typed function per user action on the list of documents (as Anki does).

Each function does exactly one store call (or a few, for several selected documents) and
returns :class:`Changes`; the screens run them through the operations runner
(``Operation(label, lambda _r: rename_document(store, …))``) and refresh from the change
summary the runner emits, instead of the main window pushing updates around.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smedesk.ui.i18n import tr
from smedesk.ui.operations.changes import Changes

if TYPE_CHECKING:
    # Types only: the store (SQLAlchemy) is imported after the window shows (see app.py).
    from smedesk.store import DocumentId, DocumentStore


@dataclass(frozen=True)
class NewDocumentRequest:
    """Everything needed to create an application: what the new-document dialog returns."""

    kind: str
    title: str
    scheme_id: str
    scheme_version: str
    data: dict[str, Any]
    owner_role: str = "applicant"


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
