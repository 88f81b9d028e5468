"""`smedesk pack / verify / unpack / keys`: exit 0 intact, 1 altered, 2 unreadable."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from smedesk.cli import main
from smedesk.demo import write_demo_set

from support.packages import members, rezip


@pytest.fixture
def packed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    files = {p.name: p for p in write_demo_set(tmp_path / "demo")}
    attachment = tmp_path / "营业执照.pdf"
    attachment.write_bytes(b"%PDF-1.4 licence")
    out = tmp_path / "申报包.smedesk"
    doc = files["application-miit-2017-shenyang-info.json"]
    assert (
        main(["pack", str(doc), f"licence={attachment}", "-o", str(out), "--sign", "王建国"]) == 0
    )
    assert "已打包" in capsys.readouterr().out
    return out


def test_verify_intact_signed(packed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(packed)]) == 0
    out = capsys.readouterr().out
    assert "申报包完好" in out and "签名有效" in out and "王建国" in out


def test_verify_altered_is_1_with_the_member(
    packed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contents = members(packed)
    name = next(n for n in contents if n.startswith("attachments/"))
    contents[name] = contents[name].replace(b"licence", b"LICENCE")
    bad = rezip(tmp_path / "bad.smedesk", contents)
    assert main(["verify", str(bad)]) == 1
    assert name in capsys.readouterr().err


def test_verify_unreadable_is_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.smedesk"
    junk.write_bytes(b"PK\x03\x04 broken")
    assert main(["verify", str(junk)]) == 2
    assert "无法读取" in capsys.readouterr().err
    slip = tmp_path / "slip.smedesk"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("../../evil", b"x")
    assert main(["verify", str(slip)]) == 2
    assert "../../evil" in capsys.readouterr().err


def test_unpack_and_refuse_a_full_folder(
    packed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["unpack", str(packed), "-o", str(out)]) == 0
    assert (out / "manifest.json").is_file() and (out / "signature.json").is_file()
    assert any((out / "documents").iterdir())
    assert main(["unpack", str(packed), "-o", str(out)]) == 2
    assert "不是空文件夹" in capsys.readouterr().err


def test_keys_are_made_once_and_kept_for_one_name(
    capsys: pytest.CaptureFixture[str], smedesk_home: object
) -> None:
    assert main(["keys", "--name", "李秀英"]) == 0
    first = capsys.readouterr().out
    assert "SHA256:" in first
    assert main(["keys", "--name", "李秀英"]) == 0
    assert capsys.readouterr().out == first
    assert main(["keys", "--name", "张三"]) == 2
    assert "李秀英" in capsys.readouterr().err
