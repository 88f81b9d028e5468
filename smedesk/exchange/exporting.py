"""Writing the three packages: application (applicant), review (recommender, one per expert),
opinion (expert, signed)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from smedesk.exchange.common import add_attachments, document_bytes
from smedesk.exchange.errors import ExchangeError
from smedesk.exchange.inbox import mark_sent
from smedesk.exchange.signing import SIGNED_PDF_MATERIAL, conflict_declared, signed_pdf_matches
from smedesk.exchange.template import opinion_template
from smedesk.export.package import Creator, Manifest, PackageBuilder
from smedesk.export.package.manifest import SchemeStamp
from smedesk.export.pdf import export_pdf
from smedesk.export.signing import Identity, make_signer
from smedesk.forms import Document, parse_document
from smedesk.forms.opinion import ExpertOpinion
from smedesk.progress import Progress
from smedesk.schemes import load_scheme
from smedesk.store import DocumentStore

APPLICATION_KINDS = ("application-report", "creation-application")


def _load(store: DocumentStore, doc_id: str) -> tuple[Document, str]:
    stored = store.get(doc_id)
    return parse_document(stored.data), stored.title


def _stamp(doc: Document) -> SchemeStamp:
    return SchemeStamp(id=doc.scheme.id, version=doc.scheme.version)


def _add_pdf(builder: PackageBuilder, doc: Document, folder: Path) -> None:
    path = folder / f"{doc.doc_id}.pdf"
    export_pdf(doc, path)
    builder.add_file(f"pdf/{doc.doc_id}.pdf", path, "pdf", document=doc.doc_id)


def export_application_package(
    store: DocumentStore,
    doc_id: str,
    out: str | os.PathLike[str],
    *,
    creator_name: str,
    with_pdf: bool = True,
    identity: Identity | None = None,
    progress: Progress | None = None,
) -> Manifest:
    """The applicant's 申报包: the application, its attachments and its PDF."""
    doc, title = _load(store, doc_id)
    if doc.kind not in APPLICATION_KINDS:
        raise ExchangeError(f"「{title}」不是申请报告或创建申请书，不能导出为申报包")
    builder = PackageBuilder(
        "application", Creator(role="applicant", name=creator_name), _stamp(doc)
    )
    data, text = document_bytes(doc)
    builder.add_document(data, text, purpose="application", title=title)
    add_attachments(builder, store, doc_id)
    with tempfile.TemporaryDirectory(prefix="smedesk-pack-") as tmp:
        if with_pdf:
            _add_pdf(builder, doc, Path(tmp))
        sign = make_signer(identity) if identity is not None else None
        return builder.write(out, sign=sign, progress=progress)


def export_review_package(
    store: DocumentStore,
    application_ids: Sequence[str],
    expert_name: str,
    out: str | os.PathLike[str],
    *,
    creator_name: str,
    identity: Identity | None = None,
    progress: Progress | None = None,
) -> Manifest:
    """The recommender's 评审包 for one expert: the applications assigned to the expert (with
    attachments and PDFs) and one blank opinion sheet per application."""
    if not application_ids:
        raise ExchangeError("评审包中至少要有一份申请")
    docs = [_load(store, i) for i in application_ids]
    schemes = {(d.scheme.id, d.scheme.version) for d, _ in docs}
    if len(schemes) > 1:
        raise ExchangeError("一个评审包中的申请须适用同一方案；请按方案分别制作评审包")
    builder = PackageBuilder(
        "review",
        Creator(role="recommender", name=creator_name),
        _stamp(docs[0][0]),
        recipient=expert_name,
    )
    scheme = load_scheme(docs[0][0].scheme.id)
    with tempfile.TemporaryDirectory(prefix="smedesk-pack-") as tmp:
        for doc, title in docs:
            if doc.kind not in APPLICATION_KINDS:
                raise ExchangeError(f"「{title}」不是申请，不能放入评审包")
            data, text = document_bytes(doc)
            builder.add_document(data, text, purpose="application", title=title)
            add_attachments(builder, store, doc.doc_id)
            _add_pdf(builder, doc, Path(tmp))
            sheet = opinion_template(doc, scheme, expert_name)
            data, text = document_bytes(sheet)
            builder.add_document(data, text, purpose="template", title=sheet.display_title())
        sign = make_signer(identity) if identity is not None else None
        return builder.write(out, sign=sign, progress=progress)


def export_opinion_package(
    store: DocumentStore,
    opinion_ids: Sequence[str],
    identity: Identity,
    out: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
) -> Manifest:
    """The expert's 意见包, signed: each signed sheet with its signed PDF; a sheet closed by a
    declared conflict goes as it is (so the recommender knows to assign another expert)."""
    if not opinion_ids:
        raise ExchangeError("意见包中至少要有一份评审意见表")
    sheets = []
    for opinion_id in opinion_ids:
        doc, title = _load(store, opinion_id)
        if not isinstance(doc, ExpertOpinion):
            raise ExchangeError(f"「{title}」不是专家评审意见表")
        sheets.append((doc, title))
    builder = PackageBuilder(
        "opinion", Creator(role="expert", name=identity.name), _stamp(sheets[0][0])
    )
    for doc, title in sheets:
        data, text = document_bytes(doc)
        builder.add_document(data, text, purpose="opinion", title=title)
        if conflict_declared(doc):
            continue  # a declared conflict: no signature, the sheet is closed
        pdfs = [a for a in store.attachments(doc.doc_id) if a.material_id == SIGNED_PDF_MATERIAL]
        if not doc.signed or not pdfs:
            raise ExchangeError(f"「{title}」尚未签署，请先签名后再导出意见包")
        pdf = store.attachment_content(pdfs[-1].id)
        if not signed_pdf_matches(pdf, doc):
            raise ExchangeError(f"「{title}」在签名后又被修改，请重新签名后再导出意见包")
        builder.add_bytes(f"pdf/{doc.doc_id}.pdf", pdf, "pdf", document=doc.doc_id)
    manifest = builder.write(out, sign=make_signer(identity), progress=progress)
    mark_sent(store, [d.doc_id for d, _ in sheets], manifest, Path(out))
    return manifest
