"""Small flowables the paper forms need: seal places, signature lines, tick boxes, markers.

Each one draws what ink will fill later (a dashed 42 mm circle for the seal, a rule
for the signature, boxes for the survey methods), or marks a page for the builder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from smedesk.export.pdf.canvas import REPORT_PAGES_FORM, seal_circle, start_page_form
from smedesk.export.pdf.styles import FONT, SEAL_DIAMETER, SIZE_3, SIZE_S4, text_width
from smedesk.export.pdf.values import date_text

#: Clear space between a seal guide circle and the nearest text.
SEAL_GAP = 4 * mm


class SealPlace(Flowable):  # type: ignore[misc]
    """Right-aligned sign-off: signature lines, then the sealed name and the date.

    The seal is struck over the issuing body's name and the date (GB/T 9704 端正、居中
    下压), but the dashed guide circle marking its place must not cover those words on
    a page printed before sealing: it is drawn beside the sealed lines, to their left,
    where there is room, and below them otherwise. ``signatures`` (e.g.
    «法定代表人（签字）：») come first.
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
        self._below = False

    def _block(self) -> float:
        lines = [*self.signatures, *self.sealed, date_text(self.date)]
        return max(text_width(t, self.size) for t in lines)

    def _x(self) -> float:
        right = self.width - 2 * SIZE_3  # 右空二字, as the ministry's forms sign off
        return max(0.0, right - self._block())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        sealed_h = (len(self.sealed) + 1) * self._line_h
        if self.seal:
            # Beside the lines when the circle fits to their left, else below them.
            self._below = self._x() < SEAL_DIAMETER + SEAL_GAP
            if self._below:
                sealed_h += SEAL_DIAMETER + SEAL_GAP
            else:
                sealed_h = max(sealed_h, SEAL_DIAMETER + 2 * mm)
        self.height = len(self.signatures) * self._line_h + sealed_h
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        sealed = [*self.sealed, date_text(self.date)]
        block = self._block()
        x = self._x()
        y = self.height - self._line_h
        canv.setFont(FONT, self.size)
        for t in self.signatures:
            canv.drawString(x, y + self.size * 0.3, t)
            y -= self._line_h
        sealed_top = y + self._line_h
        for t in sealed:
            canv.drawString(x, y + self.size * 0.3, t)
            y -= self._line_h
        if not self.seal:
            return
        radius = SEAL_DIAMETER / 2
        if self._below:
            seal_circle(canv, x + block / 2, y + self._line_h - SEAL_GAP - radius, self.caption)
        else:
            middle = (sealed_top + y + self._line_h) / 2 + self.size * 0.3
            seal_circle(canv, x - SEAL_GAP / 2 - radius, middle, self.caption)


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


class SealGuide(Flowable):  # type: ignore[misc]
    """A box of its own for the seal's guide circle, under a sealed line of a cover.

    The circle is centred ``from_right`` points left of the right edge (under the
    «（盖章）» at the end of the line above), in space no text uses.
    """

    def __init__(self, *, from_right: float, caption: str = "") -> None:
        super().__init__()
        self.from_right = from_right
        self.caption = caption

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = SEAL_DIAMETER + SEAL_GAP
        return self.width, self.height

    def draw(self) -> None:
        radius = SEAL_DIAMETER / 2
        cx = max(radius, self.width - self.from_right)
        seal_circle(self.canv, cx, self.height - SEAL_GAP / 2 - radius, self.caption)


class StartPage(Flowable):  # type: ignore[misc]
    """The page number where attachment ``index`` starts (a form defined at save)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width  # drawn at its middle
        return avail_width, 12

    def _form(self) -> str:
        self.canv.furniture.start_forms.add(self.index)
        return start_page_form(self.index)

    def draw(self) -> None:
        form = self._form()
        self.canv.saveState()
        self.canv.translate(self.width / 2, 2)  # the form is centred on its origin
        self.canv.doForm(form)
        self.canv.restoreState()


class ReportPages(StartPage):
    """The page count of the report itself, for its row of the materials list."""

    def __init__(self) -> None:
        super().__init__(-1)

    def _form(self) -> str:
        self.canv.furniture.report_form_used = True
        return REPORT_PAGES_FORM


class PageMark(Flowable):  # type: ignore[misc]
    """Invisible: records on which page something begins, for the builder."""

    def __init__(self, on_page: Any) -> None:
        super().__init__()
        self.on_page = on_page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.on_page(self.canv.furniture.pages)
