"""The opinion sheet's PDF digital signature: pyHanko, ECDSA P-256, in a visible field that
shows the handwritten strokes and «专家签名：姓名 / 签名时间 / 指纹».

Validation reads pyHanko's ``bottom_line`` and ``intact``: ``valid`` alone stays true on a
tampered file (it says the CMS signature matches the digest it carries, not the document).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import content, layout, text
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from smedesk.export.signing.errors import SigningError
from smedesk.export.signing.keys import Identity
from smedesk.export.signing.stamp_font import stamp_font
from smedesk.forms.strokes import BOX_HEIGHT, BOX_WIDTH, Stroke

# pyHanko logs a traceback for every self-made certificate it cannot chain to a root, and
# fontTools notes each table it drops; the result object says all of it, so they stay quiet.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())
logging.getLogger("fontTools").addHandler(logging.NullHandler())

FIELD_NAME = "ExpertSignature"
FONT_SIZE = 7
#: Share of the field's width given to the strokes (left); the text sits on the right.
STROKES_SHARE = 0.45


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible field goes: page index (0-based) and its rectangle in points."""

    page: int
    x: float
    y: float
    width: float
    height: float


class _MemoryFont(FontEngineFactory):
    """pyHanko's glyph accumulator over a font held in memory (the subset made per stamp)."""

    def __init__(self, data: bytes, font_size: int) -> None:
        self.data = data
        self.font_size = font_size

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(self.data),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


def stamp_lines(name: str, when: dt.datetime, fingerprint: str) -> str:
    local = when.astimezone()
    return f"专家签名：{name}\n签名时间：{local:%Y-%m-%d %H:%M}\n密钥指纹：{fingerprint[:22]}…"


def strokes_content(strokes: list[Stroke], width: float, height: float) -> bytes:
    """PDF path operators drawing the strokes into the left part of a ``width`` × ``height``
    box (PDF y grows upwards; the pad's grows downwards), keeping the pad's aspect."""
    area = width * STROKES_SHARE
    scale = min(area / BOX_WIDTH, height / BOX_HEIGHT)
    left = (area - BOX_WIDTH * scale) / 2
    top = (height + BOX_HEIGHT * scale) / 2
    ops = ["q 0.05 0.1 0.45 RG 1.2 w 1 J 1 j"]
    for stroke in strokes:
        x0, y0 = stroke[0]
        ops.append(f"{left + x0 * scale:.2f} {top - y0 * scale:.2f} m")
        points = stroke[1:] or [stroke[0]]  # a dot is a zero-length line with round caps
        for x, y in points:
            ops.append(f"{left + x * scale:.2f} {top - y * scale:.2f} l")
        ops.append("S")
    ops.append("Q")
    return "\n".join(ops).encode("ascii")


def sign_pdf(
    pdf: bytes,
    identity: Identity,
    box: SignatureBox,
    strokes: list[Stroke],
    *,
    when: dt.datetime | None = None,
) -> bytes:
    """Return ``pdf`` with the expert's visible PDF signature added (an incremental update)."""
    when = when or dt.datetime.now(dt.UTC)
    lines = stamp_lines(identity.name, when, identity.fingerprint)
    font = _MemoryFont(stamp_font(lines), FONT_SIZE)
    style = TextStampStyle(
        stamp_text=lines,
        # The box's font size must equal the engine's, or each later line drifts.
        text_box_style=text.TextBoxStyle(font=font, font_size=FONT_SIZE, leading=FONT_SIZE + 2),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(right=2),
        ),
        border_width=0,
        background=content.RawContent(
            strokes_content(strokes, box.width, box.height),
            box=layout.BoxConstraints(width=box.width, height=box.height),
        ),
        background_opacity=1.0,
    )
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(identity),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            identity.p256.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(identity)]),  # type: ignore[no-untyped-call]
    )
    field_spec = fields.SigFieldSpec(
        FIELD_NAME,
        on_page=box.page,
        box=(round(box.x), round(box.y), round(box.x + box.width), round(box.y + box.height)),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        name=identity.name,
        reason="专家评审意见",
    )
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=field_spec)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = pdf_signer.sign_pdf(writer)
    except Exception as exc:  # pyHanko raises several types; the user needs one sentence
        raise SigningError(f"无法为评审意见表加上数字签名：{exc}") from exc
    return bytes(out.getvalue())


@dataclass(frozen=True)
class PdfSignatureCheck:
    """One PDF signature as the recommender sees it."""

    present: bool
    intact: bool
    valid: bool
    trusted: bool
    signer: str | None
    reason: str
    #: the package key's fingerprint the certificate names (its serialNumber attribute)
    key_fingerprint: str | None = None

    @property
    def ok(self) -> bool:
        return self.present and self.intact and self.valid


def verify_pdf(pdf: bytes, trusted: Identity | Any | None = None) -> PdfSignatureCheck:
    """Check the PDF's signature(s); ``trusted`` (an identity or an asn1crypto certificate)
    makes that signer's self-made certificate a trust root, so ``bottom_line`` can be true."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:
        return PdfSignatureCheck(False, False, False, False, None, "文件不是可读取的 PDF")
    if not embedded:
        return PdfSignatureCheck(False, False, False, False, None, "PDF 中没有数字签名")
    roots = []
    if isinstance(trusted, Identity):
        roots = [_asn1_cert(trusted)]
    elif trusted is not None:
        roots = [trusted]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    sig = embedded[-1]
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:
        return PdfSignatureCheck(True, False, False, False, None, f"签名无法校验：{exc}")
    subject = status.signing_cert.subject.native if status.signing_cert else {}
    signer = subject.get("common_name")
    key_fingerprint = subject.get("serial_number")
    # smedesk never updates a signed sheet, so the signature must cover the whole file: an
    # incremental update appended later (a note, a changed field) is a change after signing.
    covers_all = sig.coverage is not None and sig.coverage.name == "ENTIRE_FILE"
    intact = bool(status.intact) and covers_all
    if not status.intact:
        reason = "签名后 PDF 被改动（摘要不符）"
    elif not covers_all:
        reason = "签名后 PDF 被追加了修改（签名不覆盖整个文件）"
    elif not status.valid:
        reason = "签名值无效"
    elif not status.bottom_line:
        reason = "签名完好，但签名证书不在信任列表中"
    else:
        reason = "签名有效，文件签名后未被改动"
    return PdfSignatureCheck(
        True, intact, bool(status.valid), bool(status.bottom_line), signer, reason, key_fingerprint
    )


def _asn1_cert(identity: Identity) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(identity.certificate.public_bytes(serialization.Encoding.DER))
