"""Page images from scans, their QR codes, and small thumbnails to tell pages apart.

Both libraries are imported when a check runs, not at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smedesk.errors import UserError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
SCAN_DPI = 200  # a QR of 20 mm has 45 modules: ~3.5 px each at 200 dpi, enough to read
THUMB = (96, 136)


class ScanError(UserError):
    """A scanned file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class ScannedPage:
    source: str  # file name, with the page within it for PDFs and multi-page TIFFs
    codes: tuple[str, ...]  # the QR codes found on the page, as text
    thumb: Any  # PIL image (grayscale, cropped to the ink, THUMB size)


def thumbnail(image: Any) -> Any:
    """The page's ink cropped and scaled to THUMB: comparable across scans and renders."""
    from PIL import ImageOps

    gray = image.convert("L")
    box = ImageOps.invert(gray).point(lambda v: 255 if v > 60 else 0).getbbox()
    if box is not None:
        gray = gray.crop(box)
    return gray.resize(THUMB)


def difference(a: Any, b: Any) -> float:
    """Mean absolute grey-level difference of two thumbnails (0 = the same page)."""
    from PIL import ImageChops, ImageStat

    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])


def qr_codes(image: Any) -> tuple[str, ...]:
    import zxingcpp

    out = []
    for code in zxingcpp.read_barcodes(image):
        if code.format != zxingcpp.BarcodeFormat.QRCode:
            continue
        try:
            out.append(bytes(code.bytes).decode("utf-8"))  # the exporter writes UTF-8 bytes
        except UnicodeDecodeError:
            out.append(code.text)
    return tuple(out)


def pdf_pages(path: Path, dpi: int = SCAN_DPI) -> Iterator[Any]:
    """The pages of a PDF as PIL images."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise ScanError(f"无法读取 PDF 文件「{path.name}」：{exc}") from exc
    try:
        for index in range(len(pdf)):
            yield pdf[index].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()


def _images(path: Path) -> Iterator[tuple[str, Any]]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if path.suffix.lower() == ".pdf":
        for number, image in enumerate(pdf_pages(path), start=1):
            yield f"{path.name} 第 {number} 页", image
        return
    try:
        with Image.open(path) as opened:
            frames = [frame.copy() for frame in ImageSequence.Iterator(opened)]
    except (UnidentifiedImageError, OSError) as exc:
        raise ScanError(f"「{path.name}」不是可读取的图像或 PDF 文件。") from exc
    for number, frame in enumerate(frames, start=1):
        yield (path.name if len(frames) == 1 else f"{path.name} 第 {number} 页"), frame


def read_scans(paths: list[Path], progress: Any = None) -> list[ScannedPage]:
    """Every page of the given files, in the order given (files sorted by the caller)."""
    pages = []
    for done, path in enumerate(paths):
        for source, image in _images(path):
            pages.append(ScannedPage(source, qr_codes(image), thumbnail(image)))
        if progress is not None:
            progress(done + 1, len(paths))
    return pages


def expected_thumbnails(pdf: Path) -> list[Any]:
    """Thumbnails of the pages of the file as it should be (low resolution is enough)."""
    return [thumbnail(image) for image in pdf_pages(pdf, dpi=60)]
