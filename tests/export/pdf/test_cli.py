"""``smedesk export pdf``: writes the file, or says what is wrong and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.cli import main

from support import pdf_samples as samples
from support.pdf_helpers import needs_poppler, page_count


def write_doc(tmp_path: Path) -> Path:
    path = tmp_path / "rec.json"
    path.write_text(samples.recommendation_form().model_dump_json(), encoding="utf-8")
    return path


@needs_poppler
def test_export_pdf_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rec.pdf"
    assert main(["export", "pdf", str(write_doc(tmp_path)), "-o", str(out), "--copies", "2",
                 "--cross-seal"]) == 0  # fmt: skip
    assert page_count(out) == 6
    assert "已导出" in capsys.readouterr().out


def test_bad_attachment_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "setup.pdf"
    evil.write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    out = tmp_path / "rec.pdf"
    code = main(["export", "pdf", str(write_doc(tmp_path)), "-o", str(out),
                 "--attach", f"licence={evil}"])  # fmt: skip
    assert code == 2
    assert "setup.pdf" in capsys.readouterr().err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rec.json", "setup.pdf"]


def test_bad_attach_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "pdf", str(write_doc(tmp_path)), "-o", str(tmp_path / "x.pdf"),
                 "--attach", "no-equals-sign"])  # fmt: skip
    assert code == 2
    assert "材料编号=路径" in capsys.readouterr().err


def test_missing_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "pdf", str(write_doc(tmp_path)), "-o", str(tmp_path / "no" / "x.pdf")])
    assert code == 2
    assert "不存在" in capsys.readouterr().err


def test_footer_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No store behind the CLI: scheme@version by default, or the label given."""
    doc = write_doc(tmp_path)
    ref = samples.recommendation_form().scheme
    assert main(["export", "pdf", str(doc), "-o", str(tmp_path / "a.pdf")]) == 0
    assert f"版本 {ref.id}@{ref.version} ·" in capsys.readouterr().out
    assert main(["export", "pdf", str(doc), "-o", str(tmp_path / "b.pdf"),
                 "--version-label", "第 3 版"]) == 0  # fmt: skip
    assert "版本 第 3 版 ·" in capsys.readouterr().out


@needs_poppler
def test_no_guides_flag_leaves_the_seal_circles_out(tmp_path: Path) -> None:
    from support.pdf_helpers import pdf_text

    doc = tmp_path / "app.json"
    doc.write_text(samples.application_report().model_dump_json(), encoding="utf-8")
    on, off = tmp_path / "on.pdf", tmp_path / "off.pdf"
    assert main(["export", "pdf", str(doc), "-o", str(on)]) == 0
    assert main(["export", "pdf", str(doc), "-o", str(off), "--no-guides"]) == 0
    # «（盖章）» inside the declaration's circle goes; the printed lines stay.
    assert pdf_text(off).count("（盖章）") == pdf_text(on).count("（盖章）") - 1
    assert page_count(off) == page_count(on)


def test_unknown_material_id_is_refused_with_the_valid_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "rec.pdf"
    code = main(["export", "pdf", str(write_doc(tmp_path)), "-o", str(out),
                 "--attach", f"foo={scan}"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "“foo”" in err and "licence" in err and "audit-report" in err
    assert not out.exists()


def test_help_lists_the_material_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "pdf", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "材料编号" in shown
    for scheme_id in ("miit-2017", "miit-creation", "casmeic-2019"):
        assert scheme_id in shown
    assert "licence" in shown and "other-and-declaration" in shown


@needs_poppler
def test_shortfalls_warn_and_mark_every_page_as_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smedesk.demo import write_demo_set

    from support.pdf_helpers import pdf_text

    write_demo_set(tmp_path)
    doc = tmp_path / "application-miit-2017-shenyang-info.json"  # its files are not given
    marked, clean = tmp_path / "draft.pdf", tmp_path / "clean.pdf"
    assert main(["export", "pdf", str(doc), "-o", str(marked)]) == 0
    err = capsys.readouterr().err
    assert "警告：自查尚有" in err and "草稿" in err
    pages = page_count(marked)
    assert pdf_text(marked).count("草稿 · 自查尚有") == pages
    assert main(["export", "pdf", str(doc), "-o", str(clean), "--no-draft-mark"]) == 0
    assert "警告：自查尚有" in capsys.readouterr().err  # still said, only not printed
    assert "草稿" not in pdf_text(clean)
    assert page_count(clean) == pages
