"""Fixtures of the editor's GUI tests: a stored application and an editor over it.

Imported from the test modules with ``pytest_plugins`` so the shell's ``conftest.py``
stays theirs. The database file is reopened by a new store to prove what was saved.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import smedesk.ui.editor  # noqa: F401  (forms before Qt; None kept alive: see the package)
from smedesk.forms import ApplicationReport, CreationApplication, Document, SchemeRef
from smedesk.schemes import load_scheme
from smedesk.store import DocumentStore, open_database
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.editor import EditorWidget


def new_document(kind: type[Document], scheme_id: str) -> Document:
    scheme = load_scheme(scheme_id)
    return kind(scheme=SchemeRef(id=scheme.id, version=scheme.version))


def store_document(store: DocumentStore, doc: Document) -> str:
    data = json.loads(doc.model_dump_json())
    return store.create(
        doc.kind, doc.display_title(), data, scheme_id=doc.scheme.id,
        scheme_version=doc.scheme.version, author="测试员",
    )  # fmt: skip


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'editor.db'}"


@pytest.fixture
def editor_store(db_url: str) -> Iterator[DocumentStore]:
    database = open_database(db_url)
    yield DocumentStore(database)
    database.close()


@pytest.fixture
def application_id(editor_store: DocumentStore) -> str:
    return store_document(editor_store, new_document(ApplicationReport, "miit-2017"))


@pytest.fixture
def creation_id(editor_store: DocumentStore) -> str:
    return store_document(editor_store, new_document(CreationApplication, "miit-creation"))


@pytest.fixture
def open_editor(
    qtbot: Any, editor_store: DocumentStore, tmp_path: Path
) -> Callable[[str], EditorWidget]:
    """An editor of ``doc_id``, shown at 1366×768 and active (so focus is real)."""

    def make(doc_id: str) -> EditorWidget:
        ctx = AppContext(editor_store, open_settings(tmp_path / "s.ini"), user_name="测试员")
        editor = EditorWidget(ctx, doc_id)
        qtbot.addWidget(editor)
        editor.resize(1366, 768)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        return editor

    return make


@pytest.fixture
def reopened(db_url: str) -> Callable[[str], dict[str, Any]]:
    """The document as a brand-new store over the same file reads it."""

    def read(doc_id: str) -> dict[str, Any]:
        database = open_database(db_url)
        try:
            return DocumentStore(database).get(doc_id).data
        finally:
            database.close()

    return read
