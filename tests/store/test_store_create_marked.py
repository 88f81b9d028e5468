"""A document created already marked as imported (one transaction), and its summary read alone."""

from __future__ import annotations

import pytest

from smedesk.store import Database, DocumentStore, StoreError
from smedesk.store.imports import import_mark, import_origin, is_read_only

SERVED = [{"name": f"企业{i}", "uscc": f"91210100MA{i:08d}"} for i in range(450)]


def test_created_with_the_import_mark(store: DocumentStore, database: Database) -> None:
    data = {"doc_id": "a", "served_enterprises": SERVED}  # long enough to be stored in chunks
    a = store.create("application-report", "甲", data, scheme_id="s", scheme_version="1",
                     author="乙", **import_mark("导入申报包（甲），只读"))  # fmt: skip
    b = store.create("application-report", "丙", {"doc_id": "b"}, scheme_id="s",
                     scheme_version="1", author="乙")  # fmt: skip
    assert is_read_only(database, a) and not is_read_only(database, b)
    assert import_origin(database, a) == "导入申报包（甲），只读"
    [first] = store.revisions(a)
    assert (first.number, first.action, first.author, first.summary) == (
        1, "import", "乙", "导入申报包（甲），只读")  # fmt: skip
    assert store.revisions(b)[0].action == "create"
    assert store.get(a).data == data and store.get(a).version == 1
    assert store.revision_data(a, 1) == data
    # The mark's summary is capped like mark_imported's.
    assert import_mark("长" * 3000)["summary"] == "长" * 2000


def test_info_is_the_list_line_without_the_data(store: DocumentStore) -> None:
    data = {"doc_id": "a", "served_enterprises": SERVED}
    a = store.create("application-report", "甲", data, scheme_id="s", scheme_version="1",
                     author="乙")  # fmt: skip
    [listed] = store.list()
    info = store.info(a)
    assert info == listed
    assert not hasattr(info, "data")
    with pytest.raises(StoreError, match="找不到文档"):
        store.info("missing")
