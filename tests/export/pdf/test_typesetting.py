"""Every demo document's PDF, read back with pdftotext, is typeset by the Chinese rules.

No line begins with closing punctuation or ends with opening punctuation, no
«〔2017〕» is split, and no heading or body line (三号 and larger) is a single character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.demo import build_demo_set
from smedesk.export.pdf import export_pdf

from support.pdf_helpers import needs_poppler
from support.typesetting import faults, lines

DEMO = build_demo_set()


@needs_poppler
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_pdf_is_typeset_by_the_rules(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.pdf"
    export_pdf(DEMO[name], out)
    assert lines(out), "no text read back"
    assert faults(out) == []


@needs_poppler
def test_the_checker_sees_each_fault(tmp_path: Path) -> None:
    # A PDF drawn line by line with every fault, bypassing the layouts.
    from reportlab.pdfgen.canvas import Canvas

    from smedesk.export.pdf.styles import FONT, register_font

    register_font()
    path = tmp_path / "bad.pdf"
    canv = Canvas(str(path))
    for i, text in enumerate(["第一行文字（", "，第二行", "《工信部企业〔201", "7〕156号》"]):
        canv.setFont(FONT, 10.5)
        canv.drawString(72, 700 - i * 14, text)
    canv.setFont(FONT, 22)
    canv.drawString(72, 400, "示范平台申请")
    canv.drawString(72, 372, "表")
    canv.save()
    found = " ".join(faults(path))
    assert "begins with closing punctuation" in found
    assert "ends with opening punctuation" in found
    assert "document number split" in found
    assert "a line of one character" in found
