"""The autosave written without reading first (saving.py, pgsave.py), and every way out of it.

Once a store has saved a document, its next save based on that version is written at once
(``UPDATE … WHERE version = <base>``; on PostgreSQL one statement with the chunks and the
revision). These tests prime that path and then make the store's memory wrong in each way it
can be — another program saved, trashed or deleted the document, or wrote a revision — and
check the save still does what the full path does: merge, conflict, refuse, or fold into the
right revision. Run on SQLite and on PostgreSQL (conftest.py).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy import event, text

from smedesk.store import Database, DocumentStore, SaveConflict, StoreError
from smedesk.store.jsontext import dumps

DATA: dict[str, Any] = {
    "form": {"basic": {"name": "平台", "assets": 100, "staff": 10}},
    "rows": [{"name": f"企业{i:03d}", "fee": i} for i in range(450)],  # stored in 5 chunks
}


def edited(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["form"]["basic"][key] = value
    return data


@pytest.fixture
def primed(store: DocumentStore) -> tuple[DocumentStore, str, dict[str, Any], int]:
    """A document the store has saved once: its next save goes the quick way."""
    doc_id = store.create("application-report", "申请", copy.deepcopy(DATA), scheme_id="s",
                          scheme_version="1", author="甲")  # fmt: skip
    data = edited(DATA, "assets", 101)
    version = store.save(doc_id, data, base_version=1, author="甲").version
    return store, doc_id, data, version


def statements_of(database: Database, action: Any) -> list[str]:
    seen: list[str] = []

    def trace(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE
            seen.append(" ".join(statement.split()))

    event.listen(database.engine, "before_cursor_execute", trace)
    try:
        action()
    finally:
        event.remove(database.engine, "before_cursor_execute", trace)
    return seen


def test_a_primed_autosave_reads_nothing_first(primed: Any, database: Database) -> None:
    store, doc_id, data, version = primed
    data["rows"][321]["fee"] = -1
    seen = statements_of(database, lambda: store.save(doc_id, data, base_version=version,
                                                      author="甲"))  # fmt: skip
    assert not [s for s in seen if s.startswith("SELECT")], seen
    if database.engine.dialect.name == "postgresql":
        assert len(seen) == 1 and seen[0].startswith("WITH d AS")  # one round trip
    else:
        assert len(seen) == 3  # the row, the chunk, the revision
    fresh = DocumentStore(database).get(doc_id)
    assert fresh.version == version + 1 and dumps(fresh.data) == dumps(data)


def test_another_save_in_between_is_merged(primed: Any, database: Database) -> None:
    store, doc_id, data, version = primed
    other = DocumentStore(database)
    theirs = other.get(doc_id)
    other.save(doc_id, edited(theirs.data, "name", "乙改的名称"), base_version=version,
               author="乙")  # fmt: skip
    result = store.save(doc_id, edited(data, "staff", 12), base_version=version, author="甲")
    assert result.version == version + 2
    assert result.merged is not None
    assert result.merged["form"]["basic"] == {"name": "乙改的名称", "assets": 101, "staff": 12}
    assert DocumentStore(database).get(doc_id).data == result.merged


def test_another_save_of_the_same_field_is_a_conflict_and_nothing_is_written(
    primed: Any, database: Database
) -> None:
    store, doc_id, data, version = primed
    other = DocumentStore(database)
    other.save(doc_id, edited(other.get(doc_id).data, "name", "乙"), base_version=version,
               author="乙")  # fmt: skip
    before = DocumentStore(database).get(doc_id)
    revisions = store.revisions(doc_id)
    with pytest.raises(SaveConflict) as caught:
        store.save(doc_id, edited(data, "name", "甲"), base_version=version, author="甲")
    [item] = caught.value.conflicts
    assert (item.path, item.mine, item.theirs) == ("form.basic.name", "甲", "乙")
    after = DocumentStore(database).get(doc_id)
    assert (after.version, after.data) == (before.version, before.data)
    assert store.revisions(doc_id) == revisions


def test_a_document_trashed_meanwhile_is_refused(primed: Any, database: Database) -> None:
    store, doc_id, data, version = primed
    DocumentStore(database).trash(doc_id)  # trashing does not change the version
    with pytest.raises(StoreError, match="回收站"):
        store.save(doc_id, edited(data, "staff", 1), base_version=version, author="甲")
    assert DocumentStore(database).get(doc_id).data == data


def test_a_document_deleted_meanwhile_is_refused(primed: Any, database: Database) -> None:
    store, doc_id, data, version = primed
    other = DocumentStore(database)
    other.trash(doc_id)
    assert other.empty_trash() == 1
    with pytest.raises(StoreError, match="找不到文档"):
        store.save(doc_id, edited(data, "staff", 1), base_version=version, author="甲")


def test_a_revision_written_without_the_store_knowing_is_folded_into_not_past(
    primed: Any, database: Database
) -> None:
    """The remembered newest revision is checked by the statement that folds into it."""
    store, doc_id, data, version = primed
    [_, remembered] = store.revisions(doc_id)
    with database.engine.begin() as connection:  # as another program might: no version bump
        connection.execute(
            text(
                "INSERT INTO revisions (document_id, number, action, author, created_at, "
                "summary, changes, change_count) VALUES (:doc, :number, 'edit', '甲', "
                ":created, '外部', '[]', 0)"
            ),
            {"doc": doc_id, "number": remembered.number + 1,
             "created": remembered.created_at.replace(tzinfo=None)},
        )  # fmt: skip
    data = edited(data, "staff", 11)
    revision = store.save(doc_id, data, base_version=version, author="甲").revision
    assert revision is not None and revision.number == remembered.number + 1
    assert [c.path for c in revision.changes] == ["form.basic.staff"]
    infos = {r.number: r for r in store.revisions(doc_id)}
    assert infos[remembered.number] == remembered  # the old one untouched
    assert store.revision_data(doc_id, revision.number) == data


def test_many_quick_saves_keep_the_history_a_full_read_would_give(
    database: Database, clock: Any
) -> None:
    """Folds, new revisions past the window, a revision whose edits cancel out, lists that
    grow and shrink (chunks added and dropped): the same as a store that reads every time."""
    quick = DocumentStore(database, clock=clock)
    doc_id = quick.create("application-report", "申请", copy.deepcopy(DATA), scheme_id="s",
                          scheme_version="1", author="甲")  # fmt: skip
    data, version = copy.deepcopy(DATA), 1
    expected: list[dict[str, Any]] = []
    for step in range(24):
        clock.advance(25)  # a new revision every third save or so
        if step % 6 == 5:
            data["rows"] = data["rows"][:150] if len(data["rows"]) > 300 else DATA["rows"] * 2
        else:
            data["rows"][step * 17 % len(data["rows"])]["fee"] = step
        data["form"]["basic"]["staff"] = step
        result = quick.save(doc_id, data, base_version=version, author="甲")
        version = result.version
        expected.append(copy.deepcopy(data))
    fresh = DocumentStore(database)
    assert fresh.get(doc_id).data == data
    infos = fresh.revisions(doc_id)
    assert infos[-1].number == len(infos)
    assert all(fresh.revision_data(doc_id, r.number) in expected for r in infos[1:])
    # Edits that cancel out drop the newest revision, as they do on the full path.
    clock.advance(120)
    newer = copy.deepcopy(data)
    newer["form"]["basic"]["name"] = "临时"
    version = quick.save(doc_id, newer, base_version=version, author="甲").version
    assert quick.save(doc_id, data, base_version=version, author="甲").revision is None
    assert [r.number for r in fresh.revisions(doc_id)] == [r.number for r in infos]
