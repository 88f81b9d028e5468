"""Page furniture: the QR matches the footer, copies are numbered, progress can cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smedesk.export.pdf import ExportCancelled, export_pdf
from smedesk.export.pdf.styles import (
    LANDSCAPE_MARGINS,
    PORTRAIT_MARGINS,
    SEAL_DIAMETER,
    Margins,
)

from support import pdf_samples as samples
from support.pdf_helpers import (
    decode_qr,
    needs_poppler,
    needs_zbar,
    page_count,
    page_size,
    pdf_text,
    render,
    words,
)


@needs_poppler
@needs_zbar
def test_qr_decodes_to_the_footer_text(tmp_path: Path) -> None:
    doc = samples.recommendation_form()
    out = tmp_path / "rec.pdf"
    result = export_pdf(doc, out)
    assert result.footer in pdf_text(out, raw=False)
    for page in (1, result.pages):
        (tmp_path / f"p{page}").mkdir()
        png = render(out, tmp_path / f"p{page}", dpi=200, first=page, last=page)[0]
        assert decode_qr(png) == [result.footer]
    assert doc.doc_id in result.footer and result.fingerprint[:16] in result.footer


@needs_poppler
def test_footer_changes_with_one_figure(tmp_path: Path) -> None:
    doc = samples.application_report(served=3)
    a = export_pdf(doc, tmp_path / "a.pdf")
    doc.form.operations[0].smes_served = 821
    b = export_pdf(doc, tmp_path / "b.pdf")
    assert a.fingerprint != b.fingerprint and a.footer != b.footer
    assert b.footer in pdf_text(tmp_path / "b.pdf", raw=False)


@needs_poppler
def test_numbered_copies(tmp_path: Path) -> None:
    out = tmp_path / "three.pdf"
    result = export_pdf(samples.recommendation_form(), out, copies=3)
    assert page_count(out) == 3 * result.pages
    text = pdf_text(out).replace(" ", "")
    for k in (1, 2, 3):
        assert f"第{k}份共3份" in text
    # each set counts its own pages
    assert text.count(f"第1页共{result.pages}页") == 3


@needs_poppler
def test_one_copy_has_no_copy_number(tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    export_pdf(samples.panel_opinion(), out)
    assert "份" not in pdf_text(out).replace("份号", "")


@needs_poppler
def test_cross_seal_marks(tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    export_pdf(samples.panel_opinion(), plain)
    export_pdf(samples.panel_opinion(), marked, cross_seal=True)
    assert "骑缝章" in pdf_text(marked).replace("\n", "")
    assert "骑缝章" not in pdf_text(plain).replace("\n", "")


@needs_poppler
@pytest.mark.parametrize(
    ("make", "margins"),
    [
        (samples.panel_opinion, PORTRAIT_MARGINS),
        (samples.recommendation_summary, LANDSCAPE_MARGINS),
    ],
    ids=["portrait", "landscape"],
)
def test_cross_seal_marks_sit_on_the_binding_edge(
    tmp_path: Path, make: Callable[[], Any], margins: Margins
) -> None:
    """The half seal stands on the left (binding) edge, inside the margin, clear of text."""
    from PIL import Image, ImageChops

    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    export_pdf(make(), plain)
    export_pdf(make(), marked, cross_seal=True)
    radius = SEAL_DIAMETER / 2
    assert radius < margins.left  # the mark fits the binding margin
    page = words(marked)[0]
    _width, height = page_size(marked)
    mid = height / 2
    caption = [w for w in page if w[0] in "骑缝章"]
    assert len(caption) == 3
    for _, x0, y0, x1, y1 in caption:
        assert x0 > 0 and x1 < radius  # in the binding margin, not near the opening edge
        assert mid - radius < y0 and y1 < mid + radius
    # Nothing else on the page reaches into the mark's half circle.
    others = [w for w in page if w not in caption]
    assert others
    for text, x0, y0, _x1, y1 in others:
        overlaps = x0 < radius and y0 < mid + radius and y1 > mid - radius
        assert not overlaps, text
    # Drawn marks (arc, edge line, caption) are the only difference from the plain page,
    # and they all lie in the left strip, about the middle of the page's height.
    dpi = 60
    (tmp_path / "p").mkdir()
    (tmp_path / "m").mkdir()
    a = Image.open(render(plain, tmp_path / "p", dpi=dpi)[0]).convert("L")
    b = Image.open(render(marked, tmp_path / "m", dpi=dpi)[0]).convert("L")
    box = ImageChops.difference(a, b).getbbox()
    assert box is not None
    px = dpi / 72
    left, top, right, bottom = box
    assert left <= 2 and right <= radius * px + 2
    assert abs((top + bottom) / 2 - mid * px) <= 2
    assert bottom - top >= 2 * radius * px - 4  # the whole half circle, not just the caption


def test_progress_reaches_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    export_pdf(samples.application_report(served=200), tmp_path / "p.pdf", progress=progress)
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and len(calls) > 10


def test_cancel_leaves_no_file_and_keeps_an_existing_one(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous export")

    def progress(done: int, total: int) -> None:
        if done >= total // 3:
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        export_pdf(samples.application_report(served=300), out, progress=progress)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_copies_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_pdf(samples.panel_opinion(), tmp_path / "x.pdf", copies=0)
