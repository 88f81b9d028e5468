"""The expert's signature block: the handwritten strokes drawn as vector paths, the date, and
the signing key's fingerprint; or, when the sheet is about to be signed digitally, the empty
place where the visible signature field will go (its rectangle is reported to the signer).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from smedesk.export.pdf.styles import FONT, SIZE_S4, text_width
from smedesk.export.pdf.values import date_text
from smedesk.forms.strokes import BOX_HEIGHT, BOX_WIDTH, Stroke

# The place reaches up into the space kept above the line (the sheet keeps its page count).
BOX_W = 70 * mm
BOX_H = 14 * mm
INK = colors.HexColor("#0D1A73")


@dataclass
class PlacedBox:
    """Where the signature place was drawn: 1-based page number and rectangle in points."""

    page: int
    x: float
    y: float
    width: float
    height: float


#: Set while exporting a sheet that will be signed: the block leaves its box empty and
#: records where it is (the last drawing wins: a multi-pass build draws it more than once).
_RESERVE: ContextVar[list[PlacedBox] | None] = ContextVar("smedesk_signature_box", default=None)


@contextlib.contextmanager
def reserve_signature_box() -> Iterator[list[PlacedBox]]:
    """Export inside this block to leave the signature place empty and learn where it is."""
    found: list[PlacedBox] = []
    token = _RESERVE.set(found)
    try:
        yield found
    finally:
        _RESERVE.reset(token)


class HandSignature(Flowable):  # type: ignore[misc]
    """«{label}：[strokes]   日期：…» with «密钥指纹：…» below when the sheet was signed."""

    def __init__(
        self,
        label: str,
        strokes: list[Stroke],
        *,
        date: Any = None,
        fingerprint: str | None = None,
        size: float = SIZE_S4,
    ) -> None:
        super().__init__()
        self.label = label
        self.strokes = strokes
        self.date = date
        self.fingerprint = fingerprint
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 3
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        base = self.size * 2  # the label's baseline, the fingerprint line below it
        canv.setFont(FONT, self.size)
        label = f"{self.label}："
        canv.drawString(0, base, label)
        x0 = text_width(label, self.size) + 2
        canv.drawRightString(self.width, base, f"日期：{date_text(self.date)}")
        if self.fingerprint:
            canv.setFont(FONT, 7.5)
            canv.drawString(0, 2, f"密钥指纹：{self.fingerprint}")
        reserve = _RESERVE.get()
        if reserve is not None:
            x, y = canv.absolutePosition(x0, base - 4)
            reserve.append(PlacedBox(canv.getPageNumber(), x, y, BOX_W, BOX_H))
            return
        canv.setLineWidth(0.5)
        canv.line(x0, base - 2, x0 + 45 * mm, base - 2)
        if self.strokes:
            self._strokes(x0, base - 4)

    def _strokes(self, left: float, bottom: float) -> None:
        canv = self.canv
        scale = min(BOX_W / BOX_WIDTH, BOX_H / BOX_HEIGHT)
        top = bottom + BOX_HEIGHT * scale
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        for stroke in self.strokes:
            path = canv.beginPath()
            x, y = stroke[0]
            path.moveTo(left + x * scale, top - y * scale)
            for x, y in stroke[1:] or stroke:
                path.lineTo(left + x * scale, top - y * scale)
            canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()
