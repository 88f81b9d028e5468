"""DocumentStore: documents, revisions, coalesced autosaves, trash and attachments."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pytest
from sqlalchemy import func, select

from smedesk.store import Database, DocumentStore, StoreError
from smedesk.store.models import AttachmentRow, RevisionRow

from support.store_helpers import save_latest


def sample(total_assets: int = 250) -> dict[str, Any]:
    return {
        "form": {
            "basic": {"name": "辽宁省中小企业服务平台", "total_assets": total_assets},
            "investors": [{"name": f"股东{i}", "ratio": 10 * i} for i in range(4)],
        }
    }


def make(store: DocumentStore, title: str = "申请报告", **kwargs: Any) -> str:
    return store.create(
        "application-report",
        title,
        kwargs.pop("data", sample()),
        scheme_id="miit-2017",
        scheme_version="2017.1",
        author="张三",
        **kwargs,
    )


def test_create_and_get(store: DocumentStore) -> None:
    doc_id = make(store, data={**sample(), "doc_id": "0a0b0c0d-0000-4000-8000-000000000001"})
    assert doc_id == "0a0b0c0d-0000-4000-8000-000000000001"
    document = store.get(doc_id)
    assert document.title == "申请报告"
    assert document.kind == "application-report"
    assert document.owner_role == "applicant"
    assert document.data["form"]["basic"]["total_assets"] == 250
    assert document.created_at.tzinfo is not None
    assert [(r.number, r.summary, r.author) for r in store.revisions(doc_id)] == [
        (1, "新建", "张三")
    ]


def test_create_twice_and_bad_role_fail(store: DocumentStore) -> None:
    data = {**sample(), "doc_id": "same"}
    make(store, data=data)
    with pytest.raises(StoreError, match="已经存在"):
        make(store, data=data)
    with pytest.raises(StoreError, match="角色"):
        make(store, owner_role="boss")


def test_unknown_ids_give_store_errors(store: DocumentStore) -> None:
    for action in (
        lambda: store.get("nope"),
        lambda: save_latest(store, "nope", {}, author="张三"),
        lambda: store.rename("nope", "x"),
        lambda: store.trash("nope"),
        lambda: store.revisions("nope"),
        lambda: store.attachments("nope"),
    ):
        with pytest.raises(StoreError, match="找不到"):
            action()
    doc_id = make(store)
    with pytest.raises(StoreError, match="第 9 版"):
        store.revision_data(doc_id, 9)


def test_list_filters_and_search(store: DocumentStore) -> None:
    a = make(store, "沈阳 Platform 申请报告")
    b = store.create(
        "expert-opinion",
        "专家意见表",
        {},
        scheme_id="miit-2017",
        scheme_version="1",
        owner_role="expert",
        author="李四",
    )
    c = make(store, "100%_完成")
    assert {d.id for d in store.list()} == {a, b, c}
    assert [d.id for d in store.list(kind="expert-opinion")] == [b]
    assert [d.id for d in store.list(search="platform")] == [a]
    assert [d.id for d in store.list(search="%_")] == [c]
    assert store.list(search="zzz") == []
    store.trash(a)
    assert a not in {d.id for d in store.list()}
    assert a in {d.id for d in store.list(include_deleted=True)}


def test_save_writes_diffed_revision(store: DocumentStore, clock: Any) -> None:
    doc_id = make(store)
    data = sample(320)
    data["form"]["investors"][2]["ratio"] = 99
    revision = save_latest(store, doc_id, data, author="张三")
    assert revision is not None
    assert revision.number == 2
    assert [c.path for c in revision.changes] == [
        "form.basic.total_assets",
        "form.investors[2].ratio",
    ]
    assert revision.summary == "修改 form.basic.total_assets：250 → 320 等 2 处修改"
    assert store.get(doc_id).data == data
    assert store.revision(doc_id, 2).changes == revision.changes


def test_unchanged_save_makes_no_revision(store: DocumentStore) -> None:
    doc_id = make(store)
    assert save_latest(store, doc_id, sample(), author="张三") is None
    assert len(store.revisions(doc_id)) == 1


def test_scheme_change_alone_is_recorded_without_revision(store: DocumentStore) -> None:
    doc_id = make(store)
    assert save_latest(store, doc_id, sample(), author="张三", scheme_version="2019") is None
    assert store.get(doc_id).scheme_version == "2019"


def test_caller_mutating_its_dict_after_save_is_safe(
    store: DocumentStore, database: Database
) -> None:
    doc_id = make(store)
    data = sample()
    for value in (1, 2, 3):
        data["form"]["basic"]["total_assets"] = value
        data["form"]["investors"].append({"name": "新", "ratio": value})
        save_latest(store, doc_id, data, author="张三")
        assert store.get(doc_id).data == data
    assert DocumentStore(database).get(doc_id).data == data


def test_save_sees_writes_by_another_store(store: DocumentStore, database: Database) -> None:
    doc_id = make(store)
    other = DocumentStore(database)
    save_latest(store, doc_id, sample(1), author="张三")
    save_latest(other, doc_id, sample(2), author="李四")
    revision = save_latest(store, doc_id, sample(3), author="张三")
    assert revision is not None
    assert revision.changes[0].old == 2  # diffed against the other store's save
    assert store.get(doc_id).data == sample(3)


def test_coalescing_within_window(store: DocumentStore, clock: Any) -> None:
    doc_id = make(store)
    for value in range(300, 310):
        clock.advance(5)
        save_latest(store, doc_id, sample(value), author="张三")
    infos = store.revisions(doc_id)
    assert [r.number for r in infos] == [1, 2]  # ten saves in 50 s: one revision
    assert infos[1].summary == "修改 form.basic.total_assets：250 → 309"
    clock.advance(60)
    save_latest(store, doc_id, sample(400), author="张三")  # past the window: a new revision
    save_latest(store, doc_id, sample(401), author="李四")  # another author: a new revision
    infos = store.revisions(doc_id)
    assert [r.number for r in infos] == [1, 2, 3, 4]
    assert store.revision_data(doc_id, 2) == sample(309)
    assert store.revision_data(doc_id, 3) == sample(400)
    assert store.revision_data(doc_id, 4) == sample(401)
    assert store.revision_data(doc_id, 1) == sample()


def test_coalescing_window_is_a_parameter(database: Database, clock: Any) -> None:
    store = DocumentStore(database, coalesce_seconds=0, clock=clock)
    doc_id = make(store)
    save_latest(store, doc_id, sample(1), author="张三")
    save_latest(store, doc_id, sample(2), author="张三")
    assert len(store.revisions(doc_id)) == 3


def test_edits_that_cancel_out_leave_no_revision(store: DocumentStore) -> None:
    doc_id = make(store)
    save_latest(store, doc_id, sample(1), author="张三")
    save_latest(store, doc_id, sample(2), author="张三")
    assert save_latest(store, doc_id, sample(), author="张三") is None
    assert [r.number for r in store.revisions(doc_id)] == [1]
    assert store.get(doc_id).data == sample()


def test_creation_revision_never_absorbs_edits(store: DocumentStore) -> None:
    doc_id = make(store)
    save_latest(store, doc_id, sample(1), author="张三")
    assert store.revision_data(doc_id, 1) == sample()


def test_changes_are_capped(store: DocumentStore) -> None:
    doc_id = make(store, data={"rows": list(range(200))})
    revision = save_latest(store, doc_id, {"rows": [-i for i in range(1, 201)]}, author="张三")
    assert revision is not None
    assert revision.change_count == 200
    assert len(revision.changes) == 50
    assert revision.summary.endswith("等 200 处修改")


def test_restore_makes_new_revision(store: DocumentStore, clock: Any) -> None:
    doc_id = make(store)
    save_latest(store, doc_id, sample(1), author="张三")
    clock.advance(120)
    save_latest(store, doc_id, sample(2), author="张三")
    revision = store.restore(doc_id, 2, author="李四")
    assert revision.number == 4
    assert revision.summary == "恢复到第 2 版"
    assert store.get(doc_id).data == sample(1)
    # A restore point is never folded into by the next save.
    save_latest(store, doc_id, sample(5), author="李四")
    assert store.revision_data(doc_id, 4) == sample(1)
    assert len(store.revisions(doc_id)) == 5


def test_rename_and_duplicate(store: DocumentStore) -> None:
    doc_id = make(store, data={**sample(), "doc_id": "orig"})
    store.rename(doc_id, "新名字")
    assert store.get(doc_id).title == "新名字"
    store.add_attachment(doc_id, "licence", "执照.pdf", b"%PDF-1.4", "application/pdf")
    copy_id = store.duplicate(doc_id, "副本", author="李四")
    duplicate = store.get(copy_id)
    assert copy_id != doc_id
    assert duplicate.title == "副本"
    assert duplicate.data["doc_id"] == copy_id
    assert duplicate.data["form"] == sample()["form"]
    assert store.revisions(copy_id)[0].summary == "复制自《新名字》"
    assert [a.filename for a in store.attachments(copy_id)] == ["执照.pdf"]


def test_trash_restore_and_empty(store: DocumentStore, database: Database) -> None:
    keep = make(store, "留下")
    gone = make(store, "删除")
    store.add_attachment(gone, "m1", "a.txt", b"abc", "text/plain")
    save_latest(store, gone, sample(9), author="张三")
    store.trash(gone)
    assert store.get(gone).in_trash
    with pytest.raises(StoreError, match="回收站"):
        save_latest(store, gone, sample(10), author="张三")
    store.restore_from_trash(gone)
    assert not store.get(gone).in_trash
    store.trash(gone)
    assert store.empty_trash() == 1
    with pytest.raises(StoreError):
        store.get(gone)
    assert store.get(keep).title == "留下"
    with database.sessions() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(RevisionRow).where(RevisionRow.document_id == gone)
            )
            == 0
        )
        assert session.scalar(select(func.count()).select_from(AttachmentRow)) == 0


def test_deleting_document_cascades_in_database(store: DocumentStore, database: Database) -> None:
    doc_id = make(store)
    store.add_attachment(doc_id, "m1", "a.txt", b"abc", "text/plain")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM documents WHERE id = ?", (doc_id,))
        assert connection.exec_driver_sql("SELECT count(*) FROM revisions").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM attachments").scalar() == 0


def test_attachments(store: DocumentStore) -> None:
    doc_id = make(store)
    content = "营业执照扫描件".encode() * 100
    info = store.add_attachment(doc_id, "licence", "执照.png", content, "image/png")
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.size == len(content)
    assert store.attachments(doc_id) == [info]
    assert store.attachment_content(info.id) == content
    store.remove_attachment(info.id)
    assert store.attachments(doc_id) == []
    with pytest.raises(StoreError, match="找不到附件"):
        store.attachment_content(info.id)


def test_unserialisable_data_is_refused(store: DocumentStore) -> None:
    doc_id = make(store)
    bad = copy.deepcopy(sample())
    bad["form"]["basic"]["total_assets"] = float("nan")
    with pytest.raises(StoreError, match="无法保存"):
        save_latest(store, doc_id, bad, author="张三")
    assert store.get(doc_id).data == sample()
    # The failed save left no half-updated copy behind.
    assert save_latest(store, doc_id, sample(7), author="张三") is not None
    assert store.get(doc_id).data == sample(7)
