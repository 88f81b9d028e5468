"""``export_pdf``: one document, its attachments and its furniture, to one sealed-ready file.

Steps: check every attachment (nothing is written if one is bad) → lay the document out
with ReportLab, a divider and blank furnished pages reserved for each attachment → with
pypdf, draw each attachment page onto its reserved page and repeat the set for each
sealed copy, stamping «第 k 份 共 N 份» on its first page → write to a temporary file in
the target folder and move it into place, so a failure or a cancel never leaves a
half-written PDF.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from smedesk.export.fingerprint import document_fingerprint, short_fingerprint
from smedesk.export.pdf.attachments import Attachment, place_page, prepare
from smedesk.export.pdf.canvas import FurnishedCanvas, Furniture, copy_stamp
from smedesk.export.pdf.parts import Context, attachment_part
from smedesk.export.pdf.scheme import scheme_view
from smedesk.export.pdf.styles import (
    FONT,
    LANDSCAPE_MARGINS,
    PAGE,
    PAGE_LANDSCAPE,
    PORTRAIT_MARGINS,
    register_font,
)
from smedesk.export.pdf.template import (
    LANDSCAPE,
    PORTRAIT,
    SealedDocTemplate,
    story_units,
)
from smedesk.forms import Document
from smedesk.progress import Progress
from smedesk.safe_write import atomic_path

Layout = Callable[[Any, Context], list[Flowable]]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int  # pages of one set
    copies: int
    fingerprint: str  # full SHA-256
    footer: str  # the identity line printed on every page and carried by the QR


def _layouts() -> dict[str, tuple[Layout, str]]:
    # Imported here so that importing the builder does not lay anything out.
    from smedesk.export.pdf import application, creation, opinion, recommendation, summary

    return {
        "application-report": (application.story, PORTRAIT),
        "creation-application": (creation.story, PORTRAIT),
        "recommendation-form": (recommendation.story, PORTRAIT),
        "recommendation-summary": (summary.story, LANDSCAPE),
        "expert-opinion": (opinion.expert_story, PORTRAIT),
        "panel-opinion": (opinion.panel_story, PORTRAIT),
    }


def revision_label(number: int) -> str:
    """The footer's version for a stored document: its revision number, «第 12 版»."""
    return f"第 {number} 版"


def identity_line(doc: Document, fingerprint: str, version: str | None = None) -> str:
    """The footer (and QR) text: document id, version, short fingerprint.

    ``version`` is what the caller knows of the document's version: the editor passes
    the stored revision (:func:`revision_label`); without one (the CLI, which reads a
    JSON file) the scheme and its version stand in, «miit-2017@2017.1».
    """
    shown = version or f"{doc.scheme.id}@{doc.scheme.version}"
    return f"编号 {doc.doc_id} · 版本 {shown} · 指纹 {short_fingerprint(fingerprint)}"


def export_pdf(
    doc: Document,
    out_path: str | os.PathLike[str],
    *,
    attachments: Iterable[Attachment] = (),
    copies: int = 1,
    cross_seal: bool = False,
    scheme: Any = None,
    progress: Progress | None = None,
    version: str | None = None,
) -> ExportResult:
    """Write the sealed-ready PDF of ``doc`` to ``out_path``.

    ``progress(done, total)`` is called as the layout advances; it cancels by raising
    ``Cancelled`` (see ``smedesk.progress``). ``version`` is the footer's version text (see
    :func:`identity_line`). A bad attachment raises :class:`AttachmentError`. In
    both cases no file is left at ``out_path`` (an existing one is left untouched).
    """
    if copies < 1:
        raise ValueError("份数至少为 1")
    layouts = _layouts()
    if doc.kind not in layouts:
        raise ValueError(f"不支持导出此类文档：{doc.kind}")
    register_font()
    view = scheme_view(doc, scheme)
    prepared = prepare(attachments, view)
    fingerprint = document_fingerprint(doc)
    footer = identity_line(doc, fingerprint, version)
    furniture = Furniture(footer=footer, qr_payload=footer, cross_seal=cross_seal)
    ctx = Context(scheme=view, attachments=prepared, furniture=furniture)
    layout, first = layouts[doc.kind]
    story = layout(doc, ctx) + attachment_part(ctx)
    layout_units = story_units(story)
    merge_units = sum(p.page_count for p in prepared if p.kind == "pdf")
    total = layout_units + merge_units + 1
    if progress is not None:
        progress(0, total)

    out = Path(out_path)
    # The PDF is written beside ``out`` and renamed over it only when whole and synced
    # (smedesk.safe_write): a full disk or a pulled USB stick leaves the old file as it was.
    with atomic_path(out, what="PDF 文件") as tmp:
        post = merge_units > 0 or copies > 1
        target: Any = io.BytesIO() if post else str(tmp)
        template = SealedDocTemplate(
            target,
            furniture=furniture,
            first=first,
            progress=progress,
            progress_total=total,
            title=doc.display_title(),
            author="",
            subject=f"SHA-256 {fingerprint}",
            creator="smedesk",
            keywords=[doc.doc_id],
        )
        with _binary_streams():
            template.build(story, canvasmaker=partial(FurnishedCanvas, furniture=furniture))
        if post:
            _assemble(target.getvalue(), ctx, copies, first, tmp, progress, layout_units, total)
        if progress is not None:
            progress(total, total)
    return ExportResult(out, furniture.pages, copies, fingerprint, footer)


def _assemble(
    base: bytes,
    ctx: Context,
    copies: int,
    first: str,
    tmp: Path,
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    from pypdf import PageObject, PdfReader, PdfWriter

    # pypdf edits only pages that belong to a writer: the laid-out set is copied into one.
    laid = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    for number, (att, index) in sorted(ctx.placeholders.items()):
        assert att.reader is not None
        place_page(laid.pages[number - 1], att.reader.pages[index])
        done += 1
        if progress is not None:
            progress(min(done, total), total)
    if copies == 1:
        out = laid
    else:
        # Each copy's pages share the content streams of the laid-out set; only its first
        # page is a new page (the set's first page plus «第 k 份 共 N 份»), because
        # merging onto a shared page would stamp every copy at once.
        out = PdfWriter()
        stamps = _copy_stamps(copies, first)
        head = laid.pages[0]
        width, height = float(head.mediabox.width), float(head.mediabox.height)
        for k in range(copies):
            page = PageObject.create_blank_page(out, width, height)
            page.merge_page(head)
            page.merge_page(stamps.pages[k])
            out.add_page(page)
            for rest in laid.pages[1:]:
                out.add_page(rest)
        out.add_metadata(_metadata(laid))
    with open(tmp, "wb") as fh:
        out.write(fh)


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Compressed streams without the ASCII85 layer ReportLab adds by default.

    ASCII85 only matters for 7-bit channels; it makes the file a quarter larger and
    costs a fifth of the layout time of a long list (pure-Python encoder).
    """
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _metadata(writer: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (writer.metadata or {}).items()}


def _copy_stamps(copies: int, first: str) -> Any:
    """One page per copy with only «第 k 份 共 N 份», merged onto that copy's first page."""
    from pypdf import PdfReader
    from reportlab.lib.units import mm

    size = PAGE_LANDSCAPE if first == LANDSCAPE else PAGE
    margins = LANDSCAPE_MARGINS if first == LANDSCAPE else PORTRAIT_MARGINS
    buf = io.BytesIO()
    canv = FurnishedCanvas(buf, pagesize=size, furniture=Furniture("", ""))
    for k in range(1, copies + 1):
        canv.setFont(FONT, 12)
        copy_stamp(canv, k, copies, margins.left, size[1] - margins.top + 12 * mm)
        canv.showPage()
    # The stamp canvas has no furnished pages, so its deferred forms are never referenced.
    canv.furniture.pages = copies
    canv.save()
    return PdfReader(io.BytesIO(buf.getvalue()))
