"""Importing a package into the store: verify everything first, then write all or nothing.

Order: the package's structure and hashes (:func:`open_package`); the manifest's signature
and the signer's pinned key; every document parsed (older formats upgraded); for opinion
packages every PDF signature, its key bound to the package's signer, and the PDF bound to its
sheet. Only then is anything written. A document that exists locally with other content is
not written: it comes back as a conflict with a field-by-field difference, for the user to
decide (:func:`accept_incoming`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from smedesk.errors import UserError
from smedesk.exchange.common import document_data
from smedesk.exchange.signing import SIGNED_PDF_MATERIAL, signed_pdf_matches
from smedesk.export.package import (
    Manifest,
    Package,
    PackageError,
    PackageTampered,
    PackageUnreadable,
    open_package,
)
from smedesk.export.signing import SignatureCheck, TrustState, TrustStore, verify_manifest_signature
from smedesk.export.signing.pdf import PdfSignatureCheck, verify_pdf
from smedesk.forms import parse_document
from smedesk.forms.common import Document
from smedesk.forms.opinion import ExpertOpinion
from smedesk.progress import Progress
from smedesk.store import Change, Database, DocumentStore, StoreError, Transaction, diff_json
from smedesk.store.imports import import_mark, remove_imported

_OWNERS = {
    "application-report": "applicant",
    "creation-application": "applicant",
    "expert-opinion": "expert",
}


@dataclass(frozen=True)
class SheetCheck:
    """One opinion sheet as the recommender sees it on import."""

    doc_id: str
    expert: str | None
    application_id: str | None
    pdf: PdfSignatureCheck
    bound: bool  # the PDF's key is the package signer's, and it was printed from this sheet
    matched: bool  # the application it judges is in this store

    @property
    def valid(self) -> bool:
        return self.pdf.ok and self.bound

    @property
    def reason(self) -> str:
        if not self.pdf.ok:
            return self.pdf.reason
        if not self.bound:
            return "PDF 签名的密钥或内容与意见包不一致"
        return self.pdf.reason


@dataclass(frozen=True)
class ImportedDocument:
    """One document of the package and what the import did with it."""

    doc_id: str
    kind: str
    title: str
    purpose: str
    status: str  # "new" (written), "same" (already here, equal), "conflict" (not written)
    data: dict[str, Any]
    changes: tuple[Change, ...] = ()


#: Called with the transaction storing a new document, and the document (see import_package).
NewDocumentHook = Callable[[Transaction, ImportedDocument], None]


@dataclass
class ImportResult:
    manifest: Manifest
    signature: SignatureCheck | None
    documents: list[ImportedDocument] = field(default_factory=list)
    sheets: list[SheetCheck] = field(default_factory=list)

    @property
    def conflicts(self) -> list[ImportedDocument]:
        return [d for d in self.documents if d.status == "conflict"]

    def matched(self) -> dict[str, list[str]]:
        """Application id → the ids of the sheets on it that came in this package."""
        out: dict[str, list[str]] = {}
        for sheet in self.sheets:
            if sheet.application_id and sheet.matched:
                out.setdefault(sheet.application_id, []).append(sheet.doc_id)
        return out


def import_package(
    store: DocumentStore,
    database: Database,
    path: str | os.PathLike[str],
    *,
    author: str,
    trust: TrustStore | None = None,
    require_signature: bool | None = None,
    progress: Progress | None = None,
    on_created: NewDocumentHook | None = None,
) -> ImportResult:
    """Verify the package at ``path`` and bring its documents into the store.

    Opinion packages must be signed (``require_signature`` defaults to that); a signature
    that fails, or a signer whose key changed since first contact, refuses the package.
    ``on_created(transaction, document)`` runs in the transaction that stores each new
    document (a round import adds the round's entry there); what it raises refuses the
    package, and nothing of it stays.
    """
    package = open_package(path, progress=progress)
    manifest = package.manifest
    must_sign = manifest.kind == "opinion" if require_signature is None else require_signature
    trust = trust or TrustStore()
    check = _check_signature(package, trust, must_sign)
    parsed = _parse_all(package)
    result = ImportResult(manifest, check)
    if manifest.kind == "opinion":
        result.sheets = _check_sheets(store, package, parsed, check)
        bad = [s for s in result.sheets if not s.valid]
        if bad:
            raise PackageTampered(
                f"意见表「{bad[0].doc_id}」的 PDF 签名未通过校验：{bad[0].reason}",
                member=f"pdf/{bad[0].doc_id}.pdf",
            )
    _write(store, database, package, parsed, result, author, on_created)
    if check is not None and check.trust is TrustState.NEW and check.fingerprint:
        trust.pin(manifest.creator.name, check.fingerprint)  # pinned once the import stood
    return result


def _check_signature(package: Package, trust: TrustStore, must_sign: bool) -> SignatureCheck | None:
    if package.signature_bytes is None:
        if must_sign:
            raise PackageTampered(f"{package.manifest.label}未签名，无法确认其来源，已拒绝")
        return None
    check = verify_manifest_signature(
        package.manifest_bytes,
        package.signature_bytes,
        package.manifest.creator.name,
        trust=trust,
        pin=False,
    )
    if not check.trusted:
        raise PackageTampered(f"{package.manifest.label}的签名未通过校验：{check.reason}")
    return check


def _parse_all(package: Package) -> list[tuple[Any, Document]]:
    parsed = []
    for entry in package.manifest.documents:
        data = package.document_data(entry)
        try:
            # Fresh from the package and held by nobody else: parsed in place, not copied.
            doc = parse_document(data, owned=True)
        except UserError as exc:  # DocumentError, or FormatError for a newer document format
            raise PackageUnreadable(
                f"成员「{entry.path}」的文档无法读取：{exc.message}", member=entry.path
            ) from None
        parsed.append((entry, doc))
    return parsed


def _check_sheets(
    store: DocumentStore,
    package: Package,
    parsed: Sequence[tuple[Any, Document]],
    check: SignatureCheck | None,
) -> list[SheetCheck]:
    sheets = []
    pdfs = {m.document: m.path for m in package.manifest.members if m.type == "pdf"}
    for _entry, doc in parsed:
        if not isinstance(doc, ExpertOpinion) or doc.doc_id not in pdfs:
            continue
        pdf = package.read(pdfs[doc.doc_id])
        pdf_check = verify_pdf(pdf)
        bound = (
            check is not None
            and pdf_check.key_fingerprint == check.fingerprint
            and doc.signer_fingerprint == check.fingerprint
            and signed_pdf_matches(pdf, doc)
        )
        sheets.append(
            SheetCheck(
                doc.doc_id,
                doc.expert_name,
                doc.application_id,
                pdf_check,
                bound,
                matched=_exists(store, doc.application_id),
            )
        )
    return sheets


def _exists(store: DocumentStore, doc_id: str | None) -> bool:
    if not doc_id:
        return False
    try:
        store.get(doc_id)
    except StoreError:
        return False
    return True


def _write(
    store: DocumentStore,
    database: Database,
    package: Package,
    parsed: Sequence[tuple[Any, Document]],
    result: ImportResult,
    author: str,
    on_created: NewDocumentHook | None = None,
) -> None:
    manifest = package.manifest
    origin = (
        f"导入{manifest.label}（{manifest.creator.name}，{manifest.created_at:%Y-%m-%d %H:%M}）"
    )
    created: list[str] = []
    try:
        for entry, doc in parsed:
            data = document_data(doc)  # the package's indented text is not needed here
            if store.exists(doc.doc_id):
                local = store.get(doc.doc_id)
                local_data = document_data(parse_document(local.data, owned=True))
                changes = tuple(diff_json(local_data, data))
                status = "conflict" if changes else "same"
                result.documents.append(ImportedDocument(
                    doc.doc_id, doc.kind, entry.title, entry.purpose, status, data, changes))  # fmt: skip
                continue
            imported = ImportedDocument(doc.doc_id, doc.kind, entry.title, entry.purpose,
                                        "new", data)  # fmt: skip
            # Listed first: a failure inside _create (an attachment) must undo the document.
            created.append(doc.doc_id)
            _create(store, package, entry, doc, data, author, origin, imported, on_created)
            result.documents.append(imported)
    except BaseException:
        remove_imported(database, created)
        raise


def _create(
    store: DocumentStore,
    package: Package,
    entry: Any,
    doc: Document,
    data: dict[str, Any],
    author: str,
    origin: str,
    imported: ImportedDocument,
    on_created: NewDocumentHook | None,
) -> None:
    manifest = package.manifest
    template = entry.purpose == "template"
    hook = on_created
    also = None if hook is None else (lambda transaction: hook(transaction, imported))
    # A template becomes the expert's own sheet; everything else stays its author's, read-only
    # (an application forwarded in a review package is still the applicant's).
    role = "expert" if template else _OWNERS.get(doc.kind, manifest.creator.role)
    # Marked read-only by its first revision, written with it (one transaction, not two).
    mark = {} if template else import_mark(f"{origin}，只读")
    store.create(
        doc.kind,
        entry.title,
        data,
        scheme_id=doc.scheme.id,
        scheme_version=doc.scheme.version,
        owner_role=role,
        author=author,
        also=also,
        **mark,
    )
    for member in manifest.members:
        if member.document != doc.doc_id or member.type == "document":
            continue
        if member.type == "attachment":
            store.add_attachment(
                doc.doc_id,
                member.material_id or "other",
                member.filename or member.path.rsplit("/", 1)[-1],
                package.read(member.path),
                member.media_type or "application/octet-stream",
            )
        elif manifest.kind == "opinion":
            store.add_attachment(
                doc.doc_id, SIGNED_PDF_MATERIAL, f"{entry.title}（已签名）.pdf",
                package.read(member.path), "application/pdf",
            )  # fmt: skip


def accept_incoming(store: DocumentStore, document: ImportedDocument, *, author: str) -> None:
    """The user chose the package's version of a conflicting document: save it over the local
    one as a new revision (the local version stays in the history)."""
    if document.status != "conflict":
        raise PackageError("只有与本机内容不同的文档需要选择版本")
    # A deliberate replacement the user chose after seeing both: based on what is stored now.
    store.save(
        document.doc_id, document.data, base_version=store.version(document.doc_id), author=author
    )


def opinions_for(store: DocumentStore, application_id: str) -> list[ExpertOpinion]:
    """Every opinion sheet in the store on ``application_id`` (to show beside it)."""
    out = []
    for info in store.list(kind="expert-opinion"):
        doc = parse_document(store.get(info.id).data)
        if isinstance(doc, ExpertOpinion) and doc.application_id == application_id:
            out.append(doc)
    return out
