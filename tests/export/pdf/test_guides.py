"""Guide marks (the dashed seal circles and their «（盖章）») never cover text, and are optional.

The same document is exported with and without guide marks; the pixels that differ
between the two renderings are the marks. No word of the page (read with
``pdftotext -bbox`` from the copy without marks) may lie on one of those pixels.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from smedesk.demo import build_demo_set
from smedesk.export.pdf import export_pdf

from support.pdf_helpers import needs_poppler, page_count, words

DPI = 40
DEMO = build_demo_set()
SEALED = [
    "application-miit-2017-shenyang-info.json",
    "creation-liaoning-dalian-professional.json",
    "recommendation-form-miit-2017-shenyang.json",
]


def _render(pdf: Path, stem: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(stem)], check=True)
    return [Image.open(p) for p in sorted(stem.parent.glob(f"{stem.name}-*.png"))]


@needs_poppler
@pytest.mark.slow
@pytest.mark.parametrize("name", SEALED)
def test_guide_marks_never_cover_text(name: str, tmp_path: Path) -> None:
    with_marks, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    export_pdf(DEMO[name], with_marks)
    export_pdf(DEMO[name], without, guides=False)
    assert page_count(with_marks) == page_count(without)
    on = _render(with_marks, tmp_path / "on")
    off = _render(without, tmp_path / "off")
    marked_pages = 0
    for number, (a, b, page_words) in enumerate(zip(on, off, words(without), strict=True), 1):
        diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 40 else 0)
        if diff.getbbox() is None:
            continue
        marked_pages += 1
        scale = DPI / 72
        for text, x0, y0, x1, y1 in page_words:
            box = tuple(round(v * scale) for v in (x0, y0, x1, y1))
            if box[2] <= box[0] or box[3] <= box[1]:
                continue
            assert diff.crop(box).getbbox() is None, f"guide mark over {text!r} on page {number}"
    assert marked_pages >= 1, "no guide mark at all: the test would prove nothing"


@needs_poppler
def test_without_guides_no_seal_caption_is_printed(tmp_path: Path) -> None:
    from support.pdf_helpers import pdf_text

    doc = DEMO["application-miit-2017-shenyang-info.json"]
    export_pdf(doc, tmp_path / "on.pdf")
    export_pdf(doc, tmp_path / "off.pdf", guides=False)
    # The declaration's circle carries «（盖章）»; the printed line «申报单位（盖章）» stays.
    on, off = pdf_text(tmp_path / "on.pdf"), pdf_text(tmp_path / "off.pdf")
    assert on.count("（盖章）") == off.count("（盖章）") + 1
