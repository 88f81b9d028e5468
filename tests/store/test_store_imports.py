"""The read-only mark of imported documents, and undoing an import."""

from __future__ import annotations

from smedesk.store import Database, DocumentStore
from smedesk.store.imports import import_origin, is_read_only, mark_imported, remove_imported


def test_mark_read_and_remove(store: DocumentStore, database: Database) -> None:
    a = store.create(
        "application-report", "甲", {"doc_id": "a"}, scheme_id="s", scheme_version="1", author="x"
    )
    b = store.create(
        "application-report", "乙", {"doc_id": "b"}, scheme_id="s", scheme_version="1", author="x"
    )
    store.add_attachment(a, "licence", "f.pdf", b"%PDF", "application/pdf")
    mark_imported(database, a, "导入申报包（甲），只读")
    assert is_read_only(database, a) and not is_read_only(database, b)
    assert import_origin(database, a) == "导入申报包（甲），只读"
    assert store.revisions(a)[0].action == "import"
    remove_imported(database, [a])
    assert [d.id for d in store.list(include_deleted=True)] == [b]
    assert import_origin(database, a) is None
