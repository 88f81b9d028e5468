"""Local storage of smedesk: documents, their revisions and attachments in SQLite (or PostgreSQL).

Typical use::

    database = open_database()          # the user's smedesk.db, migrated to the newest schema
    store = DocumentStore(database)
    doc_id = store.create("application-report", "申请报告", data, scheme_id="miit-2017",
                          scheme_version="2017", author="张三")
    result = store.save(doc_id, edited, base_version=1, author="张三")  # autosave
    # result.version is the base of the next save; result.merged is set when another save
    # came in between and was merged (adopt it); SaveConflict when both changed one field.

The store works with plain JSON-able dicts; it knows nothing of the form models or the UI.
"""

from smedesk.store.diff import Change, apply_changes, describe_change, diff_json, summarise_changes
from smedesk.store.engine import Database, default_database_url, open_database
from smedesk.store.errors import SaveConflict, StoreError
from smedesk.store.merge import Conflict
from smedesk.store.records import (
    AttachmentId,
    AttachmentInfo,
    DocumentId,
    DocumentInfo,
    Revision,
    RevisionInfo,
    SaveResult,
    StoredDocument,
)
from smedesk.store.repository import DEFAULT_COALESCE_SECONDS, DocumentStore, Transaction

__all__ = [
    "DEFAULT_COALESCE_SECONDS",
    "AttachmentId",
    "AttachmentInfo",
    "Change",
    "Conflict",
    "Database",
    "DocumentId",
    "DocumentInfo",
    "DocumentStore",
    "Revision",
    "RevisionInfo",
    "SaveConflict",
    "SaveResult",
    "StoreError",
    "StoredDocument",
    "Transaction",
    "apply_changes",
    "default_database_url",
    "describe_change",
    "diff_json",
    "open_database",
    "summarise_changes",
]
