"""Small flowables the paper forms need: seal places, signature lines, tick boxes, markers.

Each one draws what ink will fill later (a dashed 42 mm circle for the seal, a rule
for the signature, boxes for the survey methods), or marks a page for the builder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from smedesk.export.pdf.canvas import seal_circle, start_page_form
from smedesk.export.pdf.styles import FONT, SEAL_DIAMETER, SIZE_3, SIZE_S4, text_width
from smedesk.export.pdf.values import date_text


class SealPlace(Flowable):  # type: ignore[misc]
    """Right-aligned sign-off: signature lines, then the sealed name and the date.

    GB/T 9704: the seal is struck centred over the issuing body's name and the date
    (端正、居中下压), so the dashed 42 mm circle is drawn over those two lines.
    ``signatures`` (e.g. «法定代表人（签字）：») come first and stay clear of it.
    """

    def __init__(
        self,
        sealed: Sequence[str] = (),
        *,
        signatures: Sequence[str] = (),
        date: Any = None,
        seal: bool = True,
        size: float = SIZE_3,
        caption: str = "（盖章）",
    ) -> None:
        super().__init__()
        self.sealed = list(sealed)
        self.signatures = list(signatures)
        self.date = date
        self.seal = seal
        self.size = size
        self.caption = caption
        self._line_h = size * 2.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        sealed_h = (len(self.sealed) + 1) * self._line_h
        if self.seal:
            sealed_h = max(sealed_h, SEAL_DIAMETER + 2 * mm)
        self.height = len(self.signatures) * self._line_h + sealed_h
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        sealed = [*self.sealed, date_text(self.date)]
        block = max(text_width(t, self.size) for t in [*self.signatures, *sealed])
        right = self.width - 2 * SIZE_3  # 右空二字, as the ministry's forms sign off
        x = max(0.0, right - block)
        y = self.height - self._line_h
        canv.setFont(FONT, self.size)
        for t in self.signatures:
            canv.drawString(x, y + self.size * 0.3, t)
            y -= self._line_h
        sealed_top = y + self._line_h
        for t in sealed:
            canv.drawString(x, y + self.size * 0.3, t)
            y -= self._line_h
        if self.seal:
            middle = (sealed_top + y + self._line_h) / 2 + self.size * 0.3
            seal_circle(canv, x + block / 2, middle, self.caption)


class SignatureLine(Flowable):  # type: ignore[misc]
    """«{label}：________  日期：____年__月__日» for a hand signature."""

    def __init__(self, label: str, *, date: Any = None, size: float = SIZE_S4) -> None:
        super().__init__()
        self.label = label
        self.date = date
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 3
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(FONT, self.size)
        y = self.size
        label = f"{self.label}："
        canv.drawString(0, y, label)
        x0 = text_width(label, self.size) + 2
        canv.setLineWidth(0.5)
        canv.line(x0, y - 2, x0 + 45 * mm, y - 2)
        date = f"日期：{date_text(self.date)}"
        canv.drawRightString(self.width, y, date)


class TickBoxes(Flowable):  # type: ignore[misc]
    """A row of «□ label» options with the chosen ones ticked (测评方法 on the 推荐表)."""

    def __init__(self, options: Sequence[tuple[str, bool]], *, size: float = 10.5) -> None:
        super().__init__()
        self.options = list(options)
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        gap = self.size * 1.5
        lines, used = 1, 0.0
        for label, _ in self.options:
            w = self.size * 1.4 + text_width(label, self.size) + gap
            if used + w > avail_width and used:
                lines += 1
                used = 0.0
            used += w
        self.height = lines * self.size * 1.8
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        s = self.size
        gap = s * 1.5
        x, y = 0.0, self.height - s * 1.3
        canv.setFont(FONT, s)
        canv.setLineWidth(0.6)
        for label, ticked in self.options:
            w = s * 1.4 + text_width(label, s) + gap
            if x + w > self.width and x:
                x, y = 0.0, y - s * 1.8
            canv.rect(x, y - 1, s * 0.95, s * 0.95, stroke=1, fill=0)
            if ticked:
                # A drawn tick: the font has ✓ but a stroke reads better inside a box.
                p = canv.beginPath()
                p.moveTo(x + s * 0.15, y + s * 0.45)
                p.lineTo(x + s * 0.4, y + s * 0.1)
                p.lineTo(x + s * 0.85, y + s * 0.85)
                canv.setLineWidth(1.2)
                canv.drawPath(p, stroke=1, fill=0)
                canv.setLineWidth(0.6)
            canv.drawString(x + s * 1.3, y, label)
            x += w


class StartPage(Flowable):  # type: ignore[misc]
    """The page number where attachment ``index`` starts (a form defined at save)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 12

    def draw(self) -> None:
        self.canv.furniture.start_forms.add(self.index)
        self.canv.saveState()
        self.canv.translate(self.width / 2 - 6, 2)
        self.canv.doForm(start_page_form(self.index))
        self.canv.restoreState()


class PageMark(Flowable):  # type: ignore[misc]
    """Invisible: records on which page something begins, for the builder."""

    def __init__(self, on_page: Any) -> None:
        super().__init__()
        self.on_page = on_page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.on_page(self.canv.furniture.pages)
