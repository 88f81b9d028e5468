"""Full disk, read-only folder: every export fails with a clear message and costs nothing.

On a tmpfs the test mounts (and removes), each export is first written once, the disk is
then filled, and the export repeated: it must exit 2 with «磁盘空间不足», print no traceback
(no ``ZipFile.__del__`` noise either), keep the earlier file's SHA-256, and leave no
temporary or zero-byte file. The exchange-package writer goes through :mod:`smedesk.safe_write`
too and has the same test.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from support.hostile import ENGLISH_INTERNALS, run_cli
from support.smallfs import fill, no_partial_files, remount, sha, small_filesystem

DOC = "application-miit-2017-shenyang-info.json"


@pytest.fixture(scope="module")
def demo_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from smedesk.demo import write_demo_set

    folder = tmp_path_factory.mktemp("demo")
    write_demo_set(folder)
    return folder / DOC


EXPORTS = {
    "pdf": ("out.pdf", lambda doc, out: ("export", "pdf", str(doc), "-o", str(out))),
    "xlsx-list": (
        "staff.xlsx",
        lambda doc, out: ("export", "list", "served-enterprises", str(doc), "-o", str(out)),
    ),
    "xlsx-template": ("tpl.xlsx", lambda doc, out: ("template", "staff", "-o", str(out))),
    "package": ("out.smedesk", lambda doc, out: ("pack", str(doc), "-o", str(out))),
    "xlsx-authority": (
        "authority.xlsx",
        lambda doc, out: ("export", "authority", str(doc), "-o", str(out)),
    ),
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_export_on_a_full_disk(kind: str, tmp_path: Path, demo_doc: Path) -> None:
    name, args = EXPORTS[kind]
    with small_filesystem(tmp_path / "stick", 4096) as stick:
        out = stick / name
        first = run_cli(*args(demo_doc, out))
        assert first.code == 0, first.stderr
        before = sha(out)
        fill(stick, leave=4096)
        again = run_cli(*args(demo_doc, out))
        assert again.code == 2, again.stderr
        assert "磁盘空间不足" in again.stderr and "原有文件未被改动" in again.stderr
        assert not ENGLISH_INTERNALS.search(again.stderr), again.stderr
        assert sha(out) == before
        (stick / "filler.bin").unlink()
        assert no_partial_files(stick) == []


def test_export_into_a_read_only_folder(tmp_path: Path, demo_doc: Path) -> None:
    with small_filesystem(tmp_path / "ro", 2048) as folder:
        (folder / "keep.pdf").write_bytes(b"%PDF-old")
        remount(folder, readonly=True)
        run = run_cli("export", "pdf", str(demo_doc), "-o", str(folder / "keep.pdf"))
        assert run.code == 2 and "只读" in run.stderr, run.stderr
        assert not ENGLISH_INTERNALS.search(run.stderr)
        assert (folder / "keep.pdf").read_bytes() == b"%PDF-old"


def test_demo_on_a_full_disk_leaves_no_zero_byte_file(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "stick", 512) as stick:
        fill(stick, leave=20_000)
        run = run_cli("demo", str(stick / "demo"))
        assert run.code == 2 and "磁盘空间不足" in run.stderr, run.stderr
        assert not ENGLISH_INTERNALS.search(run.stderr)
        (stick / "filler.bin").unlink()
        assert no_partial_files(stick) == []


def test_import_into_a_document_on_a_full_disk(tmp_path: Path, demo_doc: Path) -> None:
    from support.hostile import staff_workbook

    book = tmp_path / "staff.xlsx"
    book.write_bytes(staff_workbook(3))
    with small_filesystem(tmp_path / "stick", 2048) as stick:
        doc = stick / DOC
        doc.write_bytes(demo_doc.read_bytes())
        before = sha(doc)
        fill(stick, leave=1024)
        run = run_cli("import", "staff", str(book), "--into", str(doc), "--replace")
        assert run.code == 2 and "磁盘空间不足" in run.stderr, run.stderr
        assert sha(doc) == before
        (stick / "filler.bin").unlink()
        assert no_partial_files(stick) == []


def test_backup_and_database_on_a_full_disk(tmp_path: Path) -> None:
    """A backup that does not fit fails cleanly; the database stays intact and usable."""
    from smedesk.store import DocumentStore, open_database
    from smedesk.store.backup import BackupError, create_backup, integrity_ok, list_backups

    with small_filesystem(tmp_path / "data", 3072) as folder:
        db_path = folder / "smedesk.db"
        database = open_database(f"sqlite:///{db_path}")
        store = DocumentStore(database)
        doc = store.create(
            "application-report", "报告", {"n": 0, "text": "x" * 200_000},
            scheme_id="miit-2017", scheme_version="2017", author="测试",
        )  # fmt: skip
        first = create_backup(database)
        fill(folder, leave=50_000)
        with pytest.raises(BackupError) as caught:
            create_backup(database)
        assert "磁盘空间不足" in caught.value.message
        assert [b.id for b in list_backups(database)] == [first.id]
        from smedesk.store import StoreError

        with pytest.raises(StoreError) as refused:
            for n in range(1, 40):  # grow the document until the disk refuses
                store.save(
                    doc,
                    {"n": n, "text": "y" * 200_000 * n},
                    base_version=store.version(doc),
                    author="测试",
                )
        # A Chinese sentence the editor shows as it is (no driver text).
        assert "磁盘空间已满" in refused.value.message
        assert not ENGLISH_INTERNALS.search(refused.value.message)
        database.close()
        assert integrity_ok(db_path)
        (folder / "filler.bin").unlink()
        reopened = DocumentStore(open_database(f"sqlite:///{db_path}"))
        reopened.save(doc, {"n": 99}, base_version=reopened.version(doc), author="测试")
        assert reopened.get(doc).data == {"n": 99}
        with sqlite3.connect(db_path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert no_partial_files(folder / "backups") == []
