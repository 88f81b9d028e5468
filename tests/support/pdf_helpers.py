"""Reading back what the exporter wrote, with the poppler and zbar tools CI installs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts, pdftoppm) not installed",
)
needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools not installed")


def pdf_text(path: Path, *, raw: bool = True) -> str:
    """The text in drawing order (-raw): table cells come row by row, as laid out."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace: a label wrapped in a narrow cell reads whole again."""
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, labels: list[str]) -> None:
    flat = squeeze(text)
    pos = 0
    for label in labels:
        found = flat.find(squeeze(label), pos)
        assert found >= 0, f"label {label!r} not found after position {pos} (in order)"
        pos = found + len(squeeze(label))


def words(path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, each word with its box in points from the top-left: (text, x0, y0, x1, y1)."""
    args = ["pdftotext", "-enc", "UTF-8", "-bbox", str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    pages: list[list[tuple[str, float, float, float, float]]] = []
    for line in out.splitlines():
        if "<page " in line:
            pages.append([])
        elif m := re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            pages[-1].append((m.group(5), x0, y0, x1, y1))
    return pages


def fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    lines = out.stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the flags are the 5th to 3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def page_size(path: Path, index: int = 0) -> tuple[float, float]:
    from pypdf import PdfReader

    box = PdfReader(str(path)).pages[index].mediabox
    return float(box.width), float(box.height)


def render(path: Path, out_dir: Path, *, dpi: int, first: int = 1, last: int = 1) -> list[Path]:
    prefix = out_dir / path.stem
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png", str(path),
         str(prefix)],
        check=True,
    )  # fmt: skip
    return sorted(out_dir.glob(f"{path.stem}*.png"))


def decode_qr(png: Path) -> list[str]:
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False
    )
    return [line for line in out.stdout.splitlines() if line.strip()]
