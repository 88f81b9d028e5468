"""The document template: A4 page templates with furniture, and progress while laying out.

Progress is counted in rows and blocks: a table of 3,000 rows is 3,000 units, a
paragraph is one, so the bar moves evenly through a long list. The caller's callback
may answer False to cancel; the build then stops at the next flowable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table

from smedesk.errors import Cancelled
from smedesk.export.pdf.canvas import Furniture, furnish
from smedesk.export.pdf.styles import (
    LANDSCAPE_MARGINS,
    PAGE,
    PAGE_LANDSCAPE,
    PORTRAIT_MARGINS,
    Margins,
)
from smedesk.progress import Progress

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


class ExportCancelled(Cancelled):
    """The user cancelled the export; nothing was written."""


def units_of(flowable: Flowable) -> int:
    """Progress weight of a flowable: data rows for a table, one for anything else."""
    if isinstance(flowable, Table):
        return max(1, len(flowable._cellvalues) - int(flowable.repeatRows or 0))
    return 1


def story_units(story: Iterable[Flowable]) -> int:
    return sum(units_of(f) for f in story)


def _template(name: str, size: tuple[float, float], margins: Margins) -> PageTemplate:
    width, height = size
    frame = Frame(
        margins.left,
        margins.bottom,
        width - margins.left - margins.right,
        height - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )

    def on_page(canv: Any, doc: Any) -> None:
        furnish(canv, width, height, margins)

    return PageTemplate(id=name, frames=[frame], onPage=on_page, pagesize=size)


class SealedDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Portrait and landscape A4 with furniture; reports layout progress."""

    def __init__(
        self,
        target: Any,
        *,
        furniture: Furniture,
        first: str = PORTRAIT,
        total_units: int = 0,
        progress: Progress | None = None,
        progress_offset: int = 0,
        progress_total: int = 0,
        **kwargs: Any,
    ) -> None:
        templates = [
            _template(PORTRAIT, PAGE, PORTRAIT_MARGINS),
            _template(LANDSCAPE, PAGE_LANDSCAPE, LANDSCAPE_MARGINS),
        ]
        if first == LANDSCAPE:
            templates.reverse()
        super().__init__(
            target,
            pagesize=PAGE_LANDSCAPE if first == LANDSCAPE else PAGE,
            pageTemplates=templates,
            **kwargs,
        )
        self.furniture = furniture
        self._progress = progress
        self._done = progress_offset
        self._total = progress_total or total_units
        self._step = max(1, self._total // 200)  # about 200 updates, whatever the size
        self._last = -self._step

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._progress is None:
            return
        self._done += units_of(flowable)
        if self._done - self._last >= self._step:
            self._last = self._done
            self._progress(min(self._done, self._total), self._total)
