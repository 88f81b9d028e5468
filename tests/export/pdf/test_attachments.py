"""Attachments: bound in checklist order after a divider each, numbered through; bad
ones (encrypted, truncated, an .exe renamed .pdf) stop the export with the file named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from smedesk.export.pdf import Attachment, AttachmentError, export_pdf
from smedesk.export.pdf.scheme import MaterialView, SchemeView
from smedesk.export.pdf.styles import FONT, register_font

from support import pdf_samples as samples
from support.pdf_helpers import fonts, needs_poppler, page_count, pdf_text

SCHEME = SchemeView(
    title="国家中小企业公共服务示范平台",
    issuer="工业和信息化部",
    materials=(
        MaterialView("report", "申请报告", "第十七条（一）", generated=True),
        MaterialView("licence", "营业执照副本", "第十七条（二）"),
        MaterialView("audit", "审计报告", "第十七条（三）"),
        MaterialView("premises", "场所证明", "第十七条（四）"),
    ),
)


def make_pdf(pages: int, marker: str, size: tuple[float, float] = A4) -> bytes:
    register_font()
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=size, initialFontName=FONT)
    for i in range(pages):
        canv.setFont(FONT, 24)
        canv.drawString(72, size[1] / 2, f"{marker}{i + 1}")
        canv.showPage()
    canv.save()
    return buf.getvalue()


def make_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 400), (180, 200, 240)).save(buf, "PNG")
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1, "SECRET"))))
    writer.encrypt("密码123", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@needs_poppler
def test_attachments_in_checklist_order_numbered_through(tmp_path: Path) -> None:
    atts = [
        Attachment("premises", "租赁合同.pdf", make_pdf(2, "PREMISES")),
        Attachment("licence", "营业执照.png", make_png()),
        Attachment("audit", "审计报告.pdf", make_pdf(1, "AUDIT", landscape(A4))),
    ]
    out = tmp_path / "bound.pdf"
    plain = export_pdf(samples.application_report(served=5), tmp_path / "plain.pdf", scheme=SCHEME)
    result = export_pdf(samples.application_report(served=5), out, attachments=atts, scheme=SCHEME)
    # a divider per attachment, then its pages (the image is one page)
    assert result.pages == plain.pages + (1 + 1) + (1 + 1) + (1 + 2)
    assert page_count(out) == result.pages
    text = pdf_text(out).replace(" ", "")
    order = [
        text.find(m) for m in ("营业执照副本", "营业执照.png", "AUDIT1", "PREMISES1", "PREMISES2")
    ]
    assert all(i >= 0 for i in order) and order[2:] == sorted(order[2:])
    assert text.rfind("营业执照副本") < text.find("AUDIT1") < text.find("PREMISES1")
    assert f"第{result.pages}页共{result.pages}页" in text
    assert all(f["emb"] == "yes" for f in fonts(out))
    # the materials list gives where each attachment starts
    reader = PdfReader(str(out))
    landscape_pages = [
        i for i, p in enumerate(reader.pages) if float(p.mediabox.width) > float(p.mediabox.height)
    ]
    assert len(landscape_pages) == 1


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("加密文件.pdf", "encrypted", "加密"),
        ("截断文件.pdf", "truncated", "损坏"),
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "不是 PDF"),
        ("空文件.pdf", b"", "为空"),
        ("坏图片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "图片"),
    ],
)
def test_bad_attachment_named_and_nothing_written(
    tmp_path: Path, name: str, content: object, words: str
) -> None:
    if content == "encrypted":
        content = encrypted_pdf()
    elif content == "truncated":
        whole = make_pdf(3, "TRUNC")
        content = whole[: len(whole) // 2]
    assert isinstance(content, bytes)
    out = tmp_path / "out.pdf"
    atts = [
        Attachment("licence", "好文件.pdf", make_pdf(1, "OK")),
        Attachment("audit", name, content),
    ]
    with pytest.raises(AttachmentError) as info:
        export_pdf(samples.application_report(served=3), out, attachments=atts, scheme=SCHEME)
    assert name in info.value.message and words in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_owner_password_only_pdf_is_accepted(tmp_path: Path) -> None:
    # Audit reports often carry an owner password (no editing) but open without one.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1, "AUDIT"))))
    writer.encrypt("", "owner-secret", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    result = export_pdf(
        samples.panel_opinion(), tmp_path / "ok.pdf",
        attachments=[Attachment("audit", "审计报告.pdf", buf.getvalue())], scheme=SCHEME,
    )  # fmt: skip
    assert result.pages == 1 + 2


@needs_poppler
def test_copies_with_attachments(tmp_path: Path) -> None:
    out = tmp_path / "two.pdf"
    result = export_pdf(
        samples.panel_opinion(), out, copies=2, scheme=SCHEME,
        attachments=[Attachment("licence", "执照.pdf", make_pdf(2, "LIC"))],
    )  # fmt: skip
    assert page_count(out) == 2 * result.pages
    text = pdf_text(out).replace(" ", "")
    assert text.count("LIC2") == 2 and "第1份共2份" in text and "第2份共2份" in text


@needs_poppler
def test_materials_list_gives_pages_and_start_page(tmp_path: Path) -> None:
    import re

    atts = [
        Attachment("premises", "租赁合同.pdf", make_pdf(2, "PREMISES")),
        Attachment("licence", "营业执照.png", make_png()),
        Attachment("audit", "审计报告.pdf", make_pdf(1, "AUDIT", landscape(A4))),
    ]
    doc = samples.application_report(served=5)
    report = export_pdf(doc, tmp_path / "plain.pdf", scheme=SCHEME).pages
    out = tmp_path / "bound.pdf"
    export_pdf(doc, out, attachments=atts, scheme=SCHEME)
    text = _layout_text(out)
    listed = text[text.index("附件材料清单") :]

    def row(name: str) -> tuple[int, int]:
        found = re.search(re.escape(name) + r"\s+(\d+)\s+(\d+)", listed)
        assert found, f"no pages and start page for {name}"
        return int(found.group(1)), int(found.group(2))

    # The report itself starts the bound PDF; each attachment starts at its divider.
    assert row("本申请报告") == (report, 1)
    assert row("营业执照.png") == (1, report + 1)
    assert row("审计报告.pdf") == (1, report + 3)
    assert row("租赁合同.pdf") == (2, report + 5)
    # Without attachments the report's own row is filled in too.
    plain = _layout_text(tmp_path / "plain.pdf")
    assert re.search(r"本申请报告\s+" + str(report) + r"\s+1\b", plain)


def _layout_text(path: Path) -> str:
    # -layout keeps a table row on one line (the page numbers are forms, drawn apart).
    import subprocess

    args = ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout
