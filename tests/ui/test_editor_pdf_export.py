"""The editor's «导出 PDF…» hands the dialog the stored revision the paper is printed from."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

import smedesk.ui.editor  # noqa: F401  (forms before Qt, as the editor's own tests do)
from smedesk.store import DocumentStore, open_database
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.editor import EditorWidget, widget

from support import pdf_samples as samples


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DocumentStore]:
    database = open_database(f"sqlite:///{tmp_path / 'editor.db'}")
    yield DocumentStore(database, coalesce_seconds=0)  # every save a revision of its own
    database.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the editor passed to the PDF dialog's entry (which is not opened)."""
    calls: list[dict[str, Any]] = []

    def opener(parent: Any, doc: Any, attachments: Any, **kwargs: Any) -> None:
        calls.append({"doc": doc, **kwargs})

    monkeypatch.setattr(widget, "_pdf_export", lambda: opener)
    return calls


def _editor(qtbot: Any, store: DocumentStore, tmp_path: Path) -> tuple[EditorWidget, str]:
    doc = samples.panel_opinion()
    data = json.loads(doc.model_dump_json())
    doc_id = store.create(
        doc.kind, doc.display_title(), data, scheme_id=doc.scheme.id,
        scheme_version=doc.scheme.version, owner_role="expert", author="测试员",
    )  # fmt: skip
    store.save(
        doc_id, {**data, "opinion": "第二稿"}, base_version=store.version(doc_id), author="测试员"
    )
    ctx = AppContext(store, open_settings(tmp_path / "s.ini"), user_name="测试员")
    editor = EditorWidget(ctx, doc_id)
    qtbot.addWidget(editor)
    return editor, doc_id


def export(qtbot: Any, editor: EditorWidget) -> None:
    """Start the export and wait for its attachment-reading operation to hand over."""
    handle = editor.export_pdf()
    qtbot.waitUntil(lambda: not handle.running, timeout=10000)


def test_export_passes_the_newest_revision(
    qtbot: Any, store: DocumentStore, tmp_path: Path, opened: list[dict[str, Any]]
) -> None:
    editor, doc_id = _editor(qtbot, store, tmp_path)
    export(qtbot, editor)
    assert opened[-1]["revision"] == store.revisions(doc_id)[-1].number == 2
    # A pending edit is stored first, and the footer names the revision that holds it.
    editor.request_edit("opinion", "第三稿", "专家组评审意见")
    export(qtbot, editor)
    assert opened[-1]["revision"] == store.revisions(doc_id)[-1].number == 3
    assert opened[-1]["doc"].opinion == "第三稿"


def test_unsaved_edits_name_no_revision(
    qtbot: Any,
    store: DocumentStore,
    tmp_path: Path,
    opened: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor, _doc_id = _editor(qtbot, store, tmp_path)
    monkeypatch.setattr(editor, "flush", lambda: False)  # the store refused the edits
    export(qtbot, editor)
    assert opened[-1]["revision"] is None
