"""``smedesk smoke``: the window opens a document, its PDF is written, the user's data untouched.

Here it runs offscreen, like the rest of the suite; ``.ci/run`` runs the same command on
Xvfb with Qt's xcb platform, where a missing system library would fail it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smedesk.cli import main
from smedesk.demo import build_demo_set, write_demo_set
from smedesk.ui.smoke import run_smoke


def test_smoke_opens_the_demo_and_exports_its_pdf(tmp_path: Path) -> None:
    before = {k: os.environ.get(k) for k in ("SMEDESK_DB", "SMEDESK_SETTINGS", "SMEDESK_DATA_DIR")}
    lines: list[str] = []
    document = build_demo_set()["application-miit-2017-shenyang-info.json"]
    result = run_smoke(
        document, tmp_path / "out.pdf", screenshot=tmp_path / "s.png", say=lines.append
    )
    assert result.platform == "offscreen"
    assert result.pdf_pages >= 1
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "s.png").stat().st_size > 0
    assert "沈阳智汇企业服务有限公司" in result.title
    assert any(line.startswith("PDF：") for line in lines)
    # The scratch database went to a temporary folder; the environment is as it was.
    assert {k: os.environ.get(k) for k in before} == before
    assert not Path(before["SMEDESK_DB"] or tmp_path / "smedesk.db").exists()


def test_smoke_command_opens_a_file_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = write_demo_set(tmp_path / "demo")
    creation = next(f for f in files if f.name.startswith("creation-liaoning-dalian"))
    code = main(["smoke", str(creation), "--pdf", str(tmp_path / "c.pdf")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "自检通过：offscreen 平台" in out
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")


def test_smoke_command_with_a_bad_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["smoke", str(bad)]) == 2
    assert "JSON" in capsys.readouterr().err
