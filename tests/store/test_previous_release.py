"""A database the previous release wrote opens, its documents upgrade, parse and save back.

Only the store's public API is used (``open_database``, ``DocumentStore.list/get/save``), so
the test holds while the store's schema gains migrations. The committed file is copied
first: opening migrates it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from smedesk.forms import ApplicationReport, CreationApplication, DocumentError, parse_document
from smedesk.forms.upgrades import FORMAT_VERSION
from smedesk.store import DocumentStore, open_database

from support.fixtures import PREVIOUS_RELEASE

OLD_DATABASE = PREVIOUS_RELEASE / "smedesk-format-1.db"


@pytest.fixture
def old_store(tmp_path: Path) -> Iterator[DocumentStore]:
    copy = tmp_path / "smedesk.db"
    shutil.copyfile(OLD_DATABASE, copy)
    database = open_database(f"sqlite:///{copy}")
    yield DocumentStore(database)
    database.close()


def test_the_committed_database_stays_small() -> None:
    assert 0 < OLD_DATABASE.stat().st_size < 300_000


def test_the_previous_release_database_opens_and_every_document_upgrades(
    old_store: DocumentStore,
) -> None:
    infos = old_store.list()
    assert sorted(info.kind for info in infos) == ["application-report", "creation-application"]
    for info in infos:
        stored = old_store.get(info.id)
        assert stored.data["format_version"] == 1  # as the old release wrote it
        doc = parse_document(stored.data)
        assert doc.format_version == FORMAT_VERSION
        assert doc.doc_id == info.id
        assert doc.kind == info.kind
        # the old release's second revision (an edit of 联系人) is what get() returns
        if isinstance(doc, ApplicationReport):
            assert doc.form.basic.contact == "旧版联系人"
        else:
            assert isinstance(doc, CreationApplication)
            assert doc.applicant.contact == "旧版联系人"


def test_an_upgraded_document_saves_back_and_reads_again(old_store: DocumentStore) -> None:
    info = next(i for i in old_store.list() if i.kind == "application-report")
    doc = parse_document(old_store.get(info.id).data)
    assert isinstance(doc, ApplicationReport)
    doc.form.basic.contact = "新版联系人"
    old_store.save(
        info.id,
        doc.model_dump(mode="json"),
        base_version=old_store.version(info.id),
        author="新版本",
    )
    again = old_store.get(info.id).data
    assert again["format_version"] == FORMAT_VERSION
    assert parse_document(again) == doc


def test_a_stored_document_with_an_unknown_field_is_refused(old_store: DocumentStore) -> None:
    info = old_store.list()[0]
    data = old_store.get(info.id).data
    data["region"]["future_field"] = "新版本才有"
    # the store keeps JSON as given
    old_store.save(info.id, data, base_version=old_store.version(info.id), author="新版本")
    with pytest.raises(DocumentError, match=r"未知字段 region\.future_field："):
        parse_document(old_store.get(info.id).data)
