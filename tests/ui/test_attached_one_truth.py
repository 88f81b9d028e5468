"""One truth for "attached": the self-check and the bound PDF agree.

A demo application lists a file for every material, but the store holds only one of
them. Both the live self-check and the files the editor hands to the PDF export say:
that one is attached, the others are not.
"""

from __future__ import annotations

import hashlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

import smedesk.ui.editor  # noqa: F401  (forms before Qt, as the editor's own tests do)
from smedesk.demo import build_demo_set
from smedesk.export.pdf import export_pdf
from smedesk.forms.common import AttachmentRef
from smedesk.schemes import Outcome
from smedesk.ui.editor import widget

from support.editor_fixtures import store_document
from support.pdf_helpers import needs_poppler, pdf_text

pytest_plugins = ["support.editor_fixtures"]


def _one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf)
    canv.drawString(72, 720, "licence")
    canv.save()
    return buf.getvalue()


PDF = _one_page_pdf()


@needs_poppler
def test_self_check_and_pdf_agree_on_attached(
    qtbot: Any, editor_store: Any, open_editor: Any, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    doc = build_demo_set()["application-miit-2017-shenyang-info.json"]
    first = doc.materials[0]
    real = AttachmentRef(
        material_id=first.material_id, filename="营业执照.pdf",
        sha256=hashlib.sha256(PDF).hexdigest(), size=len(PDF),
    )  # fmt: skip
    doc = doc.model_copy(update={"materials": [real, *doc.materials[1:]]})
    doc_id = store_document(editor_store, doc)
    editor_store.add_attachment(doc_id, real.material_id, real.filename, PDF, "application/pdf")

    editor = open_editor(doc_id)
    panel = editor.self_check_panel
    qtbot.waitUntil(lambda: bool(panel.findings), timeout=20000)
    materials = {f.rule_id.split(":", 1)[1]: f for f in panel.findings if f.group == "materials"}
    assert materials[real.material_id].outcome is Outcome.MET
    for ref in doc.materials[1:]:
        finding = materials[ref.material_id]
        assert finding.outcome is Outcome.NOT_MET, finding
        assert "不在本机资料库中" in finding.message

    # The materials page says the same: only the stored file is ticked.
    page = editor.show_page("materials")
    assert page.cards[real.material_id].status.text() == "✔"
    for ref in doc.materials[1:]:
        assert page.cards[ref.material_id].status.text() == "✘", ref.material_id

    handed: list[Any] = []
    monkeypatch.setattr(
        widget, "_pdf_export", lambda: lambda parent, d, files, **kw: handed.extend(files)
    )
    handle = editor.export_pdf()  # reads the files as an operation, then hands them over
    qtbot.waitUntil(lambda: not handle.running, timeout=10000)
    assert [a.material_id for a in handed] == [real.material_id]
    out = tmp_path / "bound.pdf"
    export_pdf(doc, out, attachments=handed)
    text = pdf_text(out)
    assert "营业执照.pdf" in text
    assert text.count("（未附）") == len(doc.materials) - 1
