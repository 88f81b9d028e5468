"""Reading a PDF back line by line (``pdftotext -bbox-layout``) to check Chinese line breaking.

poppler groups the text into blocks (a paragraph, a table cell) and lines; each line is
read with its height, so headings and body text (三号 and larger) can be told from the
small type of tables.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_NS = "{http://www.w3.org/1999/xhtml}"

#: What a line may not begin or end with (the issue's lists; the rule has more).
NO_START = "、，。；：？！）」』》%"
NO_END = "（「『《"
_YEAR_SPLIT = re.compile(r"〔\d{0,3}$|^\d{0,3}〕")


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    height: float
    block: tuple[str, ...]  # every line of its block


def lines(path: Path) -> list[Line]:
    args = ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(out)
    found: list[Line] = []
    for number, page in enumerate(root.iter(f"{_NS}page"), 1):
        for block in page.iter(f"{_NS}block"):
            texts, heights = [], []
            for line in block.iter(f"{_NS}line"):
                # Words of one line are joined without spaces: Chinese has none between
                # them, and a space does not matter to the rules checked here.
                texts.append("".join(w.text or "" for w in line.iter(f"{_NS}word")))
                heights.append(float(line.get("yMax", 0)) - float(line.get("yMin", 0)))
            found += [Line(number, t, h, tuple(texts)) for t, h in zip(texts, heights, strict=True)]
    return found


def faults(path: Path, *, title_height: float = 15.0) -> list[str]:
    """Every break against the rule, described; empty when the PDF is typeset correctly."""
    out = []
    for ln in lines(path):
        where = f"{path.name} p.{ln.page}: {ln.text!r} in {list(ln.block)}"
        if ln.text[:1] in NO_START:
            out.append(f"begins with closing punctuation — {where}")
        if ln.text[-1:] in NO_END:
            out.append(f"ends with opening punctuation — {where}")
        if _YEAR_SPLIT.search(ln.text):
            out.append(f"document number split — {where}")
        if ln.height >= title_height and len(ln.block) > 1 and len(ln.text) == 1:
            out.append(f"a line of one character — {where}")
    return out
