"""The expert's last steps on a sheet: declaring a conflict (which closes it) or signing it.

Signing writes the strokes and the key's fingerprint into the sheet, saves it, prints its PDF
with the signature place left empty, and signs that PDF with a visible field (pyHanko). The
signed PDF is kept as an attachment of the sheet, so the opinion package can carry exactly
what was signed; its /Subject holds the sheet's fingerprint, which binds PDF and JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

from smedesk.exchange.common import document_bytes
from smedesk.exchange.errors import ExchangeError
from smedesk.export.fingerprint import document_fingerprint
from smedesk.export.pdf import export_pdf
from smedesk.export.pdf.hand_signature import reserve_signature_box
from smedesk.export.signing import Identity
from smedesk.export.signing.pdf import SignatureBox, sign_pdf
from smedesk.forms import parse_document
from smedesk.forms.fields import spec_of
from smedesk.forms.opinion import ConflictDeclaration, ExpertOpinion
from smedesk.forms.strokes import Stroke, format_strokes
from smedesk.store import DocumentStore

SIGNED_PDF_MATERIAL = "signed-opinion-pdf"


def conflict_declared(doc: ExpertOpinion) -> bool:
    """True when the expert declared a tie with the applicant (any answer «否»)."""
    return any(v is False for v in doc.conflict.model_dump(exclude={"clear"}).values())


def _sheet(store: DocumentStore, opinion_id: str) -> tuple[ExpertOpinion, int]:
    """The stored sheet and its version (the base of the save that follows)."""
    stored = store.get(opinion_id)
    doc = parse_document(stored.data)
    if not isinstance(doc, ExpertOpinion):
        raise ExchangeError("只有专家评审意见表可以签名或声明回避")
    return doc, stored.version


def _as_sheet(data: dict[str, object]) -> ExpertOpinion:
    """A dumped sheet read back (its derived fields are dropped by the parser)."""
    doc = parse_document(data)
    assert isinstance(doc, ExpertOpinion)
    return doc


def declare_conflict(
    store: DocumentStore, opinion_id: str, declaration: ConflictDeclaration, *, author: str
) -> ExpertOpinion:
    """Record the 回避声明. A declared tie closes the sheet: it can no longer be signed."""
    doc, version = _sheet(store, opinion_id)
    if doc.signed:
        raise ExchangeError("此意见表已签署，不能再修改回避声明")
    updated = doc.model_copy(update={"conflict": declaration})
    data, _ = document_bytes(updated)
    store.save(opinion_id, data, base_version=version, author=author)
    return _as_sheet(data)


def missing_for_signing(doc: ExpertOpinion) -> list[str]:
    """What must be filled before a sheet can be signed, as Chinese phrases."""
    missing = []
    for name in ("expert_title", "employer"):  # the panel's table prints them
        if not (getattr(doc, name) or "").strip():
            missing.append(spec_of(ExpertOpinion, name).label)
    if doc.conflict.clear is not True:
        missing.append("回避声明（四项均须确认）")
    unjudged = [row.label or row.rule_id for row in doc.criteria if row.assessment is None]
    if unjudged:
        missing.append(f"逐项评审中 {len(unjudged)} 项未给出结论（如「{unjudged[0]}」）")
    if not (doc.overall_opinion or "").strip():
        missing.append("综合评审意见")
    if doc.conclusion is None:
        missing.append("评审结论")
    return missing


def sign_opinion(
    store: DocumentStore,
    opinion_id: str,
    identity: Identity,
    strokes: list[Stroke],
    *,
    author: str,
    when: dt.datetime | None = None,
) -> bytes:
    """Sign the sheet: returns the signed PDF (also kept as the sheet's attachment)."""
    doc, version = _sheet(store, opinion_id)
    if conflict_declared(doc):
        raise ExchangeError("已声明需要回避，此意见表已关闭，不能签署")
    if (doc.expert_name or "").strip() != identity.name:
        raise ExchangeError(
            f"意见表的专家姓名「{doc.expert_name or ''}」与签名密钥的姓名「{identity.name}」不一致"
        )
    if not strokes:
        raise ExchangeError("请先在签名板上手写签名")
    missing = missing_for_signing(doc)
    if missing:
        raise ExchangeError("意见表尚未填写完整，不能签署：" + "；".join(missing))
    when = when or dt.datetime.now(dt.UTC)
    signed = doc.model_copy(
        update={
            "signature_strokes": format_strokes(strokes),
            "signer_fingerprint": identity.fingerprint,
            "signed": True,
            "sign_date": when.astimezone().date(),
        }
    )
    data, _ = document_bytes(signed)
    signed = _as_sheet(data)
    with tempfile.TemporaryDirectory(prefix="smedesk-sign-") as tmp:
        path = Path(tmp) / "opinion.pdf"
        with reserve_signature_box() as boxes:
            export_pdf(signed, path)
        if not boxes:
            raise ExchangeError("意见表的 PDF 中没有找到签名位置，无法签名")
        place = boxes[-1]
        box = SignatureBox(place.page - 1, place.x, place.y, place.width, place.height)
        pdf = sign_pdf(path.read_bytes(), identity, box, strokes, when=when)
    store.save(opinion_id, data, base_version=version, author=author)
    for old in store.attachments(opinion_id):
        if old.material_id == SIGNED_PDF_MATERIAL:
            store.remove_attachment(old.id)
    title = f"{signed.display_title()}（已签名）.pdf".replace("/", "-").replace("：", "-")
    store.add_attachment(opinion_id, SIGNED_PDF_MATERIAL, title, pdf, "application/pdf")
    return pdf


def signed_pdf_matches(pdf: bytes, doc: ExpertOpinion) -> bool:
    """True when the PDF was printed from exactly this sheet (its /Subject holds the
    fingerprint of the sheet's content)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        metadata = PdfReader(io.BytesIO(pdf)).metadata
    except (PdfReadError, ValueError, OSError):
        return False
    subject = metadata.get("/Subject", "") if metadata is not None else ""
    return str(subject) == f"SHA-256 {document_fingerprint(doc)}"
