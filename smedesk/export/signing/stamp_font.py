"""The stamp's font: the bundled CJK face, cut down to the stamp's characters at 1000 units/em.

pyHanko embeds one OpenType font, not a ``.ttc`` collection, so face 0 of the bundled
WenQuanYi Micro Hei is read in memory with fontTools. pyHanko 0.38 copies glyph widths in the
font's own units into the PDF, which expects 1000 per em; WenQuanYi has 2048, so unscaled
Chinese would be set twice its width. Subsetting to the stamp's few characters and rescaling
that subset to 1000 units/em fixes both size and speed (well under a second).
"""

from __future__ import annotations

import io
from functools import lru_cache

from fontTools import subset, ttLib
from fontTools.ttLib.scaleUpem import scale_upem

from smedesk.resources import FONT_FILE, resource_path

UNITS_PER_EM = 1000


def stamp_font(text: str) -> bytes:
    """A TrueType font holding the characters of ``text`` (and ASCII), at 1000 units/em."""
    chars = "".join(sorted(set(text) | {chr(c) for c in range(0x20, 0x7F)}))
    return _subset(chars)


@lru_cache(maxsize=16)
def _subset(chars: str) -> bytes:
    font = ttLib.TTFont(str(resource_path(*FONT_FILE)), fontNumber=0, lazy=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    scale_upem(font, UNITS_PER_EM)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
