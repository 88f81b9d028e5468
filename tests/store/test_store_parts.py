"""A document stored in pieces: long lists in chunks, a field edit rewriting only its chunk."""

from __future__ import annotations

import copy
import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine, event, text

from smedesk.store import Database, DocumentStore, open_database
from smedesk.store.jsontext import dumps
from smedesk.store.migrate import alembic_config, upgrade
from smedesk.store.parts import (
    CHUNK_ITEMS,
    SPLIT_ABOVE,
    assemble,
    chunk_name,
    parse_chunk_name,
    split,
)

from support.store_helpers import save_latest


def row(i: int) -> dict[str, Any]:
    return {"name": f"沈阳示范企业{i:04d}", "fee": 1200.5 + i, "free": i % 2 == 0, "tags": [i]}


def big(rows: int = 3000) -> dict[str, Any]:
    return {
        "doc_id": "x",
        "form": {"basic": {"name": "平台", "staff": 48}, "served": [row(i) for i in range(rows)]},
        "served_enterprises": [row(i) for i in range(rows)],
        "z_last": {"note": "键的顺序要保留"},
    }


def make(store: DocumentStore, data: dict[str, Any]) -> str:
    return store.create("application-report", "大文档", data, scheme_id="s", scheme_version="1",
                        author="张三")  # fmt: skip


def stored_parts(where: Path | Database, doc_id: str) -> dict[str, str]:
    """The stored chunks of a document, read with the engine's own SQL (SQLite file or server)."""
    if isinstance(where, Database):
        with where.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT part, data FROM document_parts WHERE document_id = :id"),
                {"id": doc_id},
            ).all()
        return {part: data for part, data in rows}
    with sqlite3.connect(where) as connection:
        found = connection.execute(
            "SELECT part, data FROM document_parts WHERE document_id = ?", (doc_id,)
        ).fetchall()
    return dict(found)


def test_names_and_split_round_trip() -> None:
    path = ("a/b", "~c", "d#1")
    assert parse_chunk_name(chunk_name(path, 12)) == (path, 12)
    data = {"x": 1, "a/b": {"~c": {"d#1": list(range(SPLIT_ABOVE + 1)), "k": "v"}}, "y": [1]}
    head_text, chunks = split(data)
    assert json.loads(head_text) == {"x": 1, "a/b": {"~c": {"d#1": [], "k": "v"}}, "y": [1]}
    assert sorted(chunks) == [chunk_name(path, 0), chunk_name(path, 1), chunk_name(path, 2)]
    back = assemble(head_text, reversed(list(chunks.items())))
    assert back == data and dumps(back) == dumps(data)


def test_small_document_is_one_readable_row(store: DocumentStore, database: Database) -> None:
    data = {"form": {"rows": [row(i) for i in range(SPLIT_ABOVE)]}}
    doc_id = make(store, data)
    assert stored_parts(database, doc_id) == {}
    with database.engine.connect() as connection:
        value = connection.execute(
            text("SELECT data FROM documents WHERE id = :id"), {"id": doc_id}
        ).scalar_one()
    assert json.loads(value) == data


def test_big_document_reads_back_identically(store: DocumentStore, database: Database) -> None:
    data = big()
    doc_id = make(store, data)
    parts = stored_parts(database, doc_id)
    assert len(parts) == 2 * 3000 // CHUNK_ITEMS
    assert json.loads(parts["/served_enterprises#25"]) == data["served_enterprises"][2500:2600]
    document = store.get(doc_id)
    assert dumps(document.data) == dumps(data)  # same values, same key order
    assert list(document.data) == list(data)
    assert store.revision_data(doc_id, 1) == data


def test_edit_in_row_2500_rewrites_only_its_chunk(store: DocumentStore, database: Database) -> None:
    data = big()
    doc_id = make(store, data)
    save_latest(store, doc_id, data, author="张三")  # nothing changed: fills the store's copy
    before = stored_parts(database, doc_id)
    statements: list[tuple[str, Any]] = []

    def trace(_conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        statements.append((statement, params))

    event.listen(database.engine, "before_cursor_execute", trace)
    data["served_enterprises"][2500]["fee"] = 1.0
    revision = save_latest(store, doc_id, data, author="张三")
    event.remove(database.engine, "before_cursor_execute", trace)
    assert revision is not None and revision.changes[0].path == "served_enterprises[2500].fee"
    writes = [(s, p) for s, p in statements if not s.lstrip().upper().startswith("SELECT")]
    # SQLite's driver takes a tuple of parameters, psycopg a dict: compare the values. On
    # PostgreSQL the save's writes are one WITH statement (store/pgsave.py): count its parts.
    part_writes = [
        (s, list(p.values()) if isinstance(p, dict) else list(p))
        for s, p in writes
        if "document_parts" in s
    ]
    assert len(part_writes) == 1 and "/served_enterprises#25" in part_writes[0][1]
    assert sum(s.count(" document_parts ") for s, _ in part_writes) == 1  # one chunk written
    document_sets = [
        s.split("UPDATE documents SET", 1)[1].split("WHERE", 1)[0]
        for s, _ in writes
        if "UPDATE documents SET" in s
    ]
    assert len(document_sets) == 1 and "data" not in document_sets[0]
    after = stored_parts(database, doc_id)
    assert {name for name in after if after[name] != before[name]} == {"/served_enterprises#25"}
    assert DocumentStore(database).get(doc_id).data == data


def test_growing_shrinking_and_replacing_lists(store: DocumentStore, database: Database) -> None:
    data = big(250)
    doc_id = make(store, data)
    rng = random.Random(7)
    for step in range(60):
        served = data["served_enterprises"]
        choice = rng.randrange(6)
        if choice == 0:
            served.extend(row(1000 + step) for _ in range(rng.randrange(1, 120)))
        elif choice == 1:
            del served[max(0, len(served) - rng.randrange(1, 150)) :]
        elif choice == 2 and served:
            served[rng.randrange(len(served))]["name"] = f"改{step}"
        elif choice == 3:
            data["form"]["served"] = [row(i) for i in range(rng.choice([10, 201, 450]))]
        elif choice == 4:
            data["form"]["basic"]["staff"] = step
        else:
            data["form"] = {"moved": data.pop("served_enterprises"), **data["form"]}
            data["served_enterprises"] = data["form"].pop("moved")[: rng.randrange(500)]
        save_latest(store, doc_id, data, author="张三")
        # (Key order is the stored one: like the diff, saving ignores a mere reordering.)
        assert store.get(doc_id).data == data == DocumentStore(database).get(doc_id).data
        assert stored_parts(database, doc_id) == split(data)[1]
    assert store.revision_data(doc_id, len(store.revisions(doc_id))) == data


def test_new_revision_snapshots_the_whole_previous_document(
    store: DocumentStore, clock: Any
) -> None:
    data = big()
    doc_id = make(store, data)
    first = copy.deepcopy(data)
    data["served_enterprises"][10]["fee"] = 0.5
    save_latest(store, doc_id, data, author="张三")
    second = copy.deepcopy(data)
    clock.advance(120)
    data["served_enterprises"][2999]["name"] = "最后一家"
    save_latest(store, doc_id, data, author="张三")
    assert store.revision_data(doc_id, 1) == first
    assert store.revision_data(doc_id, 2) == second
    assert store.revision_data(doc_id, 3) == data
    store.restore(doc_id, 2, author="李四")
    assert store.get(doc_id).data == second


def test_upgrade_from_0002_splits_documents_and_downgrade_joins_them(db_path: Path) -> None:
    data = big(450)
    small = {"form": {"a": 1}}
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0002")
    with engine.begin() as connection:
        for doc_id, value in (("big", data), ("small", small)):
            connection.execute(
                text(
                    "INSERT INTO documents (id, kind, title, scheme_id, scheme_version, data,"
                    " created_at, updated_at, owner_role) VALUES (:id, 'application-report',"
                    " '旧', 's', '1', :data, '2024-01-01 00:00:00.000000',"
                    " '2024-01-01 00:00:00.000000', 'applicant')"
                ),
                {"id": doc_id, "data": json.dumps(value, ensure_ascii=False)},
            )
            connection.execute(
                text(
                    "INSERT INTO revisions (document_id, number, action, author, created_at,"
                    " summary, changes, change_count, data) VALUES (:id, 1, 'create', '张三',"
                    " '2024-01-01 00:00:00.000000', '新建', '[]', 0, NULL)"
                ),
                {"id": doc_id},
            )
    engine.dispose()
    database = open_database(f"sqlite:///{db_path}")
    try:
        store = DocumentStore(database)
        assert dumps(store.get("big").data) == dumps(data)
        assert store.get("small").data == small
        assert store.revision_data("big", 1) == data
        assert len(stored_parts(db_path, "big")) == 2 * 5  # two lists of 450 items
        assert stored_parts(db_path, "small") == {}
        data["served_enterprises"][400]["fee"] = 2.0
        save_latest(store, "big", data, author="张三")
    finally:
        database.close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
        whole = connection.execute(text("SELECT data FROM documents WHERE id = 'big'")).scalar()
    engine.dispose()
    assert json.loads(str(whole)) == data
