"""Attached materials: checked before anything is laid out, then merged page by page.

Attachments arrive as plain data (the store keeps them as blobs; export never imports
the store). Every one is opened and every page touched before the export starts, so an
encrypted, broken or mislabelled file is reported by name and nothing is written.
PDFs are read and merged with pypdf; images go through ReportLab (Pillow underneath).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pypdf import PageObject, PdfReader, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.units import mm

from smedesk.errors import UserError
from smedesk.export.pdf.scheme import SchemeView

#: Image formats accepted (Pillow decodes them; ReportLab embeds JPEG as it is).
IMAGE_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "BMP": "BMP", "TIFF": "TIFF"}
#: A scanned certificate is a few MB; a 600 dpi A4 scan is 35 MP. Beyond these the file is
#: refused before it is decoded (a 12000×12000 JPEG would take 1.5 GB of memory).
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000


@dataclass(frozen=True)
class Attachment:
    """One attached file: which checklist item it belongs to, its name and its bytes."""

    material_id: str
    filename: str
    content: bytes


class AttachmentError(UserError):
    """An attachment that cannot go into the bound PDF; ``message`` names the file."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        super().__init__(f"附件“{filename}”无法使用：{reason}。导出已停止，未生成文件。")


@dataclass
class PreparedAttachment:
    """A checked attachment, in binding order, with what the layout needs to place it."""

    index: int
    attachment: Attachment
    label: str  # the material's name on the checklist
    citation: str
    kind: Literal["pdf", "image"]
    #: (width, height) in points of each page, rotation applied
    page_sizes: list[tuple[float, float]] = field(default_factory=list)
    reader: PdfReader | None = None

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)


def prepare(attachments: Iterable[Attachment], scheme: SchemeView) -> list[PreparedAttachment]:
    """Check every attachment and put them in the order of the scheme's checklist."""
    items = list(attachments)
    ordered = sorted(enumerate(items), key=lambda p: (scheme.order_of(p[1].material_id), p[0]))
    out = []
    for index, (_, att) in enumerate(ordered):
        material = scheme.material(att.material_id)
        label = material.label if material else att.material_id
        citation = material.citation if material else ""
        out.append(_check(index, att, label, citation))
    return out


def check_attachment(filename: str, data: bytes) -> None:
    """:class:`AttachmentError` unless ``data`` can be bound into the PDF (as export checks)."""
    try:
        _check(0, Attachment("", filename, data), "", "")
    except AttachmentError as exc:
        exc.message = f"附件“{filename}”无法添加：{exc.reason}。未添加此文件。"
        exc.args = (exc.message,)
        raise


def _check(index: int, att: Attachment, label: str, citation: str) -> PreparedAttachment:
    data = att.content
    if not data:
        raise AttachmentError(att.filename, "文件为空")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            att.filename,
            f"文件过大（{len(data) / 1024 / 1024:.0f} MB），超过 "
            f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限",
        )
    if b"%PDF-" in data[:1024]:
        reader, sizes = _read_pdf(att.filename, data)
        return PreparedAttachment(index, att, label, citation, "pdf", sizes, reader)
    size = _read_image(att.filename, data)
    if size is None:
        raise AttachmentError(
            att.filename,
            "既不是 PDF，也不是可识别的图片（PNG、JPEG、GIF、BMP、TIFF），文件内容与扩展名不符",
        )
    return PreparedAttachment(index, att, label, citation, "image", [size])


def _read_pdf(filename: str, data: bytes) -> tuple[PdfReader, list[tuple[float, float]]]:
    # pypdf logs every repair it makes; a broken file is reported as one message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # Files with an owner password only (audit reports often have one) open with
            # the empty user password; a real password cannot be asked for here.
            raise AttachmentError(filename, "PDF 已加密，需要密码才能打开，请提供未加密的文件")
        sizes = []
        for page in reader.pages:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()  # forces the page's stream to be read: truncation shows
            sizes.append(_shown_size(page))
    except AttachmentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise AttachmentError(filename, f"PDF 文件已损坏或不完整（{type(exc).__name__}）") from None
    except Exception as exc:  # pypdf raises a wide range on hostile input
        raise AttachmentError(filename, f"PDF 文件无法解析（{type(exc).__name__}）") from None
    if not sizes:
        raise AttachmentError(filename, "PDF 文件没有页面")
    return reader, sizes


def _read_image(filename: str, data: bytes) -> tuple[float, float] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns (in English, on stderr) about large images; the cap below decides.
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as img:
                if img.format not in IMAGE_FORMATS:
                    return None
                pixels = img.width * img.height
                if pixels > MAX_IMAGE_PIXELS:
                    raise AttachmentError(
                        filename,
                        f"图片过大（{img.width}×{img.height} 像素），超过 "
                        f"{MAX_IMAGE_PIXELS // 1_000_000} 百万像素的上限，请缩小后再附加",
                    )
                img.verify()
        with warnings.catch_warnings(), Image.open(io.BytesIO(data)) as img:
            warnings.simplefilter("ignore")
            img.load()  # verify() does not decode; a truncated image fails only here
            return float(img.width), float(img.height)
    except UnidentifiedImageError:
        return None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise AttachmentError(filename, f"图片文件已损坏或过大（{type(exc).__name__}）") from None


def extra_pages(prepared: Sequence[PreparedAttachment]) -> int:
    """Pages the attachments add: a divider each, then their own pages."""
    return sum(1 + p.page_count for p in prepared)


# Where an attachment page is placed on its A4 sheet: clear of the binding margin and of
# the footer band that carries the page number, identity line and QR code.
PLACE_LEFT = 22 * mm
PLACE_RIGHT = 12 * mm
PLACE_TOP = 12 * mm
PLACE_BOTTOM = 30 * mm


def _shown_size(page: PageObject) -> tuple[float, float]:
    """Width and height of a page as a viewer shows it (its /Rotate applied)."""
    box = page.cropbox
    w, h = float(box.width), float(box.height)
    return (h, w) if (page.rotation or 0) % 180 else (w, h)


def place_page(target: PageObject, source: PageObject) -> None:
    """Draw ``source`` scaled into ``target``'s free area, underneath its furniture.

    The source page is not modified (pypdf no longer edits pages it has not copied):
    its /Rotate is turned into the transformation instead.
    """
    tw, th = float(target.mediabox.width), float(target.mediabox.height)
    box = source.cropbox
    w, h = float(box.width), float(box.height)
    sw, sh = _shown_size(source)
    ctm = Transformation().translate(-float(box.left), -float(box.bottom))
    rotation = (source.rotation or 0) % 360
    # /Rotate turns the page clockwise for display; the same turn maps its content
    # into an upright box with its lower-left corner at the origin.
    if rotation == 90:
        ctm = ctm.rotate(-90).translate(0, w)
    elif rotation == 180:
        ctm = ctm.rotate(180).translate(w, h)
    elif rotation == 270:
        ctm = ctm.rotate(90).translate(h, 0)
    bw = tw - PLACE_LEFT - PLACE_RIGHT
    bh = th - PLACE_TOP - PLACE_BOTTOM
    scale = min(bw / sw, bh / sh, 1.0)
    x = PLACE_LEFT + (bw - sw * scale) / 2
    y = PLACE_BOTTOM + (bh - sh * scale) / 2
    ctm = ctm.scale(scale, scale).translate(x, y)
    target.merge_transformed_page(source, ctm, over=False)
