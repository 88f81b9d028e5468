"""The reader's refusals, one by one, each naming the member at fault."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from smedesk.export.package import (
    Limits,
    PackageError,
    PackageTampered,
    PackageUnreadable,
    extract_package,
    open_package,
)

from support.packages import members, rezip, small_package


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return small_package(tmp_path / "good.smedesk")


def _with_member(tmp_path: Path, good: Path, name: str, data: bytes = b"x") -> Path:
    contents = members(good)
    contents[name] = data
    return rezip(tmp_path / "bad.smedesk", contents)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("../evil.txt", ".."),
        ("documents/../../evil.txt", ".."),
        ("/etc/passwd", "绝对路径"),
        ("C:/Windows/evil.txt", "盘符"),
        ("c:evil.txt", "盘符"),
        ("documents\\..\\evil.txt", "反斜杠"),
        ("documents//x.json", ".."),
        ("CON.txt", "Windows"),
        ("evil. ", "Windows"),
        ("dir/", "文件夹"),
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, good: Path, name: str, words: str) -> None:
    bad = _with_member(tmp_path, good, name)
    with pytest.raises(PackageUnreadable, match=words) as caught:
        open_package(bad)
    assert caught.value.member == name


def test_duplicate_and_case_duplicate_names(tmp_path: Path, good: Path) -> None:
    bad = tmp_path / "dup.smedesk"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in members(good).items():
            zf.writestr(name, data)
        with pytest.warns(UserWarning):
            zf.writestr("pdf/doc-1.pdf", b"other")
    with pytest.raises(PackageUnreadable, match="重名"):
        open_package(bad)
    case = _with_member(tmp_path, good, "PDF/doc-1.pdf")
    with pytest.raises(PackageUnreadable, match="重名"):
        open_package(case)


def test_symlink_member_is_refused(tmp_path: Path, good: Path) -> None:
    bad = tmp_path / "link.smedesk"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in members(good).items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(PackageUnreadable, match="符号链接"):
        open_package(bad)


def test_missing_extra_and_mismatched_members(tmp_path: Path, good: Path) -> None:
    extra = _with_member(tmp_path, good, "attachments/extra.bin")
    with pytest.raises(PackageTampered, match=r"未列出的成员「attachments/extra.bin」"):
        open_package(extra)
    contents = members(good)
    del contents["pdf/doc-1.pdf"]
    with pytest.raises(PackageTampered, match=r"缺少.*pdf/doc-1.pdf"):
        open_package(rezip(tmp_path / "missing.smedesk", contents))
    contents = members(good)
    contents["pdf/doc-1.pdf"] = contents["pdf/doc-1.pdf"].replace(b"signed", b"SIGNED")
    with pytest.raises(PackageTampered, match=r"pdf/doc-1.pdf.*校验值"):
        open_package(rezip(tmp_path / "changed.smedesk", contents))


def test_unknown_format_version(tmp_path: Path, good: Path) -> None:
    contents = members(good)
    manifest = json.loads(contents["manifest.json"])
    manifest["format_version"] = 99
    contents["manifest.json"] = json.dumps(manifest).encode()
    with pytest.raises(PackageUnreadable, match="格式版本 99"):
        open_package(rezip(tmp_path / "v99.smedesk", contents))


def test_caps_on_count_size_and_ratio(tmp_path: Path, good: Path) -> None:
    with pytest.raises(PackageUnreadable, match="成员过多"):
        open_package(good, limits=Limits(max_members=2))
    with pytest.raises(PackageUnreadable, match="总大小"):
        open_package(good, limits=Limits(max_total_bytes=1000))
    bomb = _with_member(tmp_path, good, "bomb.bin", bytes(20 * 1024 * 1024))
    with pytest.raises(PackageUnreadable, match="压缩比") as caught:
        open_package(bomb)
    assert caught.value.member == "bomb.bin"


def test_not_a_zip_and_truncated(tmp_path: Path, good: Path) -> None:
    junk = tmp_path / "junk.smedesk"
    junk.write_bytes(b"hello")
    with pytest.raises(PackageUnreadable, match="不是有效的 smedesk 包"):
        open_package(junk)
    cut = tmp_path / "cut.smedesk"
    cut.write_bytes(good.read_bytes()[:-30])
    with pytest.raises(PackageError):
        open_package(cut)


def test_extract_writes_only_inside_and_keeps_nothing_on_failure(
    tmp_path: Path, good: Path
) -> None:
    out = tmp_path / "out"
    extract_package(good, out)
    assert (out / "pdf" / "doc-1.pdf").is_file() and (out / "manifest.json").is_file()
    contents = members(good)
    contents["pdf/doc-1.pdf"] = b"changed" * 10
    contents_manifest = json.loads(contents["manifest.json"])
    for entry in contents_manifest["members"]:
        if entry["path"] == "pdf/doc-1.pdf":
            entry["size"] = 70
    contents["manifest.json"] = json.dumps(contents_manifest).encode()
    bad = rezip(tmp_path / "bad.smedesk", contents)
    target = tmp_path / "target"
    with pytest.raises(PackageTampered, match=r"pdf/doc-1.pdf"):
        extract_package(bad, target)
    assert not target.exists()  # the folder it made is gone again
    target.mkdir()
    with pytest.raises(PackageTampered):
        extract_package(bad, target)
    assert list(target.iterdir()) == []  # a folder that was there stays, empty
    with pytest.raises(PackageError, match="不是空文件夹"):
        extract_package(good, out)
    assert sorted(os.listdir(tmp_path)) == ["bad.smedesk", "good.smedesk", "out", "target"]


def test_the_writer_refuses_what_readers_would(tmp_path: Path) -> None:
    from smedesk.export.package import Creator, PackageBuilder
    from smedesk.export.package.manifest import SchemeStamp

    builder = PackageBuilder(
        "application",
        Creator(role="applicant", name="甲"),
        SchemeStamp(id="miit-2017", version="2017.1"),
        limits=Limits(max_member_bytes=10),
    )
    builder.add_bytes("attachments/a/000001.pdf", b"x" * 11, "attachment", filename="大.pdf")
    with pytest.raises(PackageError, match=r"大\.pdf"):
        builder.write(tmp_path / "p.smedesk")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(PackageError, match=r"\.\."):
        builder.add_bytes("../x", b"", "attachment")


def test_a_document_is_read_as_it_was_verified_and_other_members_are_checked_again(
    tmp_path: Path, good: Path
) -> None:
    """The file swapped after opening: the document's verified bytes, the PDF refused."""
    package = open_package(good)
    verified = package.read("documents/doc-1.json")
    contents = members(good)
    contents["documents/doc-1.json"] = contents["documents/doc-1.json"].replace(
        "同意".encode(), "反对".encode()
    )
    contents["pdf/doc-1.pdf"] = contents["pdf/doc-1.pdf"].replace(b"signed", b"SIGNED")
    rezip(good, contents)  # the same path, other contents
    assert package.read("documents/doc-1.json") == verified
    assert "同意推荐" in verified.decode()
    with pytest.raises(PackageTampered, match=r"pdf/doc-1.pdf.*校验值"):
        package.read("pdf/doc-1.pdf")
