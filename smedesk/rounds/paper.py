"""The paper check of a stored document: render the file as stored, read the scans, compare."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from smedesk.export.fingerprint import document_fingerprint
from smedesk.export.paper.check import PaperReport, check_paper
from smedesk.export.paper.reading import expected_thumbnails, read_scans
from smedesk.export.pdf import export_pdf
from smedesk.export.pdf.attachments import Attachment
from smedesk.forms.registry import parse_document
from smedesk.store import DocumentStore

Progress = Callable[[int, int], None]


def check_stored_document(
    store: DocumentStore, doc_id: str, scans: list[Path], progress: Progress | None = None
) -> PaperReport:
    """Check scanned pages (image files or PDFs, in order) against the stored document.

    The document is laid out again exactly as its PDF export does, attachments included,
    to learn its pages; nothing is written outside a temporary folder.
    """
    stored = store.get(doc_id)
    doc = parse_document(stored.data)
    files = [Attachment(info.material_id, info.filename, store.attachment_content(info.id))
             for info in store.attachments(doc_id)]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="smedesk-paper-") as folder:
        pdf = Path(folder) / "stored.pdf"
        export_pdf(doc, pdf, attachments=files)
        expected = expected_thumbnails(pdf)
    pages = read_scans(scans, progress)
    return check_paper(doc.doc_id, document_fingerprint(doc), expected, pages)
