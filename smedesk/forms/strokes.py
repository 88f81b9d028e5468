"""A handwritten signature as vectors: strokes of points in a fixed box, as compact text.

The signature pad records each stroke (pen down to pen up) as a list of points; the PDF
draws them back as paths, so the signature prints sharp at any size. They are kept in the
opinion sheet as one string — «x,y x,y …» per stroke, strokes separated by «;» — in a box of
:data:`BOX_WIDTH` × :data:`BOX_HEIGHT` units with y growing downwards (as on the pad). A
string keeps the document a plain form field that every walker, diff and sheet handles.
"""

from __future__ import annotations

from collections.abc import Sequence

from smedesk.errors import UserError

BOX_WIDTH = 1000.0
BOX_HEIGHT = 400.0
#: More than this many points is no signature but a fill; capped so a document stays small.
MAX_POINTS = 20_000

Point = tuple[float, float]
Stroke = list[Point]


class StrokesError(UserError):
    """Signature strokes that cannot be read."""


def format_strokes(strokes: Sequence[Sequence[Point]]) -> str:
    """Strokes → text; points are clamped into the box and rounded to 0.1 unit."""
    parts = []
    for stroke in strokes:
        if not stroke:
            continue
        parts.append(
            " ".join(f"{_clamp(x, BOX_WIDTH):g},{_clamp(y, BOX_HEIGHT):g}" for x, y in stroke)
        )
    return ";".join(parts)


def parse_strokes(text: str | None) -> list[Stroke]:
    """Text → strokes; an empty or missing text is no signature (an empty list)."""
    if not text or not text.strip():
        return []
    strokes: list[Stroke] = []
    total = 0
    for chunk in text.split(";"):
        stroke: Stroke = []
        for pair in chunk.split():
            x_text, sep, y_text = pair.partition(",")
            try:
                x, y = float(x_text), float(y_text)
            except ValueError:
                raise StrokesError(f"手写签名的笔迹数据有误：无法识别的点「{pair[:20]}」") from None
            if not sep or not (0 <= x <= BOX_WIDTH and 0 <= y <= BOX_HEIGHT):
                raise StrokesError(f"手写签名的笔迹数据有误：点「{pair[:20]}」超出签名框")
            stroke.append((x, y))
        total += len(stroke)
        if total > MAX_POINTS:
            raise StrokesError(f"手写签名的笔迹点数超过 {MAX_POINTS} 个，无法作为签名保存")
        if stroke:
            strokes.append(stroke)
    return strokes


def _clamp(value: float, top: float) -> float:
    return round(min(max(float(value), 0.0), top), 1)
