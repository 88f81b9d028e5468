"""smedesk.safe_write: the whole file or the old one, normal permissions, Chinese messages."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from smedesk.safe_write import (
    OutputRefused,
    WriteFailed,
    atomic_path,
    check_output_path,
    copy_file,
    describe_write_error,
    write_bytes,
    write_text,
)


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


def test_an_os_error_in_the_body_becomes_a_chinese_message(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    with pytest.raises(WriteFailed) as caught, atomic_path(target, what="Excel 工作簿"):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert "磁盘空间不足" in caught.value.message and "a.xlsx" in caught.value.message
    assert not target.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EDQUOT, "磁盘空间不足"),
        (errno.EROFS, "只读"),
        (errno.EACCES, "没有写入"),
        (errno.EIO, "U 盘"),
        (errno.ENODEV, "U 盘"),
        (errno.ENAMETOOLONG, "文件名过长"),
    ],
)
def test_every_error_is_worded_in_chinese(code: int, words: str) -> None:
    text = describe_write_error(OSError(code, "English"), Path("/media/u/x.pdf"), "PDF 文件")
    assert words in text and "English" not in text and "x.pdf" in text


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "a.json", "{}")
        write_bytes(tmp_path / "b.bin", b"x")
        copy_file(tmp_path / "b.bin", tmp_path / "c.bin")
    finally:
        os.umask(old)
    for name in ("a.json", "b.bin", "c.bin"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_replacing_keeps_nothing_of_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    write_text(target, "x" * 1000)
    write_text(target, "短")
    assert target.read_text(encoding="utf-8") == "短"


def test_output_checks(tmp_path: Path) -> None:
    doc = tmp_path / "doc.json"
    doc.write_text("{}")
    with pytest.raises(OutputRefused, match="文件夹"):
        check_output_path(tmp_path)
    with pytest.raises(OutputRefused, match="就是输入文件"):
        check_output_path(doc, inputs=[doc])
    with pytest.raises(OutputRefused, match="就是输入文件"):
        check_output_path(tmp_path / "." / "doc.json", inputs=[str(doc)])
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="不是普通文件"):
        check_output_path(fifo)
    with pytest.raises(OutputRefused, match="不存在"):
        check_output_path(tmp_path / "missing" / "x.pdf")
    assert check_output_path(tmp_path / "new.pdf", inputs=[doc]) == tmp_path / "new.pdf"


def test_save_workbook_failure_prints_no_zipfile_noise(tmp_path: Path) -> None:
    """openpyxl saves into memory first: a failed disk write leaves no half-open ZipFile."""
    import subprocess
    import sys

    code = (
        "import errno, os\n"
        "from openpyxl import Workbook\n"
        "import smedesk.safe_write as sw\n"
        "def boom(*a, **k):\n"
        "    raise OSError(errno.ENOSPC, 'full')\n"
        "sw._finish = boom\n"
        "try:\n"
        f"    sw.save_workbook(Workbook(), {str(tmp_path / 'w.xlsx')!r})\n"
        "except sw.WriteFailed as e:\n"
        "    print(e.message)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "磁盘空间不足" in done.stdout
    assert done.stderr == ""
    assert list(tmp_path.iterdir()) == []
