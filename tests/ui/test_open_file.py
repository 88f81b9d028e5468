"""``smedesk FILE``: a document file given on the command line is stored once and opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from smedesk.cli import _is_document_path
from smedesk.demo import write_demo_set
from smedesk.store import DocumentStore
from smedesk.ui.main_window import MainWindow
from smedesk.ui.open_file import open_file_in_window


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *args: Any) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def demo_file(tmp_path: Path, prefix: str) -> Path:
    return next(f for f in write_demo_set(tmp_path / "demo") if f.name.startswith(prefix))


def test_a_document_file_is_stored_once_and_opened(
    make_window: Callable[[], MainWindow], store: DocumentStore, tmp_path: Path, warnings: list[str]
) -> None:
    window = make_window()
    path = demo_file(tmp_path, "application-miit-2017-shenyang")
    assert open_file_in_window(window, path)
    assert window.editor is not None and window.current_doc_id is not None
    assert [d.title for d in store.list()] == ["沈阳智汇企业服务有限公司"]
    # The same file again: the stored copy opens, nothing is imported twice.
    assert open_file_in_window(window, path)
    assert len(store.list()) == 1
    assert "未重复导入" in window.statusBar().currentMessage()
    assert warnings == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{", "JSON 格式错误"),
        (b"", "文件为空"),
        (b"\xff\xfe", "UTF-8"),
        (b"PK\x03\x04rest-of-a-zip", "不是有效的 smedesk 包"),
    ],
)
def test_a_bad_file_gives_a_message_and_stores_nothing(
    make_window: Callable[[], MainWindow],
    store: DocumentStore,
    tmp_path: Path,
    warnings: list[str],
    content: bytes,
    reason: str,
) -> None:
    window = make_window()
    bad = tmp_path / "bad.smedesk"
    bad.write_bytes(content)
    assert not open_file_in_window(window, bad)
    assert len(warnings) == 1 and reason in warnings[0] and "bad.smedesk" in warnings[0]
    assert store.list() == []


def test_a_missing_file_and_a_kind_without_screens(
    make_window: Callable[[], MainWindow],
    store: DocumentStore,
    tmp_path: Path,
    warnings: list[str],
) -> None:
    window = make_window()
    assert not open_file_in_window(window, tmp_path / "nowhere.json")
    assert not open_file_in_window(window, demo_file(tmp_path, "expert-opinion"))
    assert "找不到文件" in warnings[0] and "命令行" in warnings[1]
    assert store.list() == []


def test_which_arguments_are_files() -> None:
    assert _is_document_path("申报.smedesk") and _is_document_path("a.JSON")
    assert _is_document_path("/home/x/doc") and _is_document_path("docs/x")
    assert not _is_document_path("check") and not _is_document_path("--version")
