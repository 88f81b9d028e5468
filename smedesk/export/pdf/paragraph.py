"""ReportLab's Paragraph, breaking its lines by the Chinese rule of :mod:`.linebreak`.

ReportLab wraps ``wordWrap="CJK"`` text one glyph at a time (``cjkFragSplit``) and
knows only one rule: a closing mark may hang at the end of a full line. This subclass
replaces that one step, :meth:`Paragraph.breakLinesCJK`: the glyphs are grouped into
the unbreakable pieces of :func:`~smedesk.export.pdf.linebreak.segments` and laid into
lines by :func:`~smedesk.export.pdf.linebreak.fill`; each line is then built exactly as
ReportLab builds it (``makeCJKParaLine``), so drawing, splitting across pages and
markup (``<br/>``, fonts, colours) work as before. Every layout imports this class.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl
from reportlab.platypus.paragraph import Paragraph as _Paragraph

from smedesk.export.pdf.linebreak import explode, fill, segments

# An empty glyph (an empty fragment, e.g. an anchor) stands for this in the text that
# is segmented: a character that may not start a line, so it stays with its neighbour.
_EMPTY = "\ufeff"


class Paragraph(_Paragraph):  # type: ignore[misc]
    """A Paragraph whose CJK line breaking follows :mod:`smedesk.export.pdf.linebreak`."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        # Structured as ReportLab's own method, only the line breaking replaced.
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        rl._handleBulletWidth(self.bulletText, style, maxWidths)
        frags = self.frags
        split = hasattr(self, "blPara") and getattr(self, "_splitpara", False)
        plain = len(frags) == 1 and not hasattr(frags[0], "cbDefn") and not style.endDots
        if plain:
            if split:  # a part of a split paragraph keeps its lines
                return frags[0].clone(kind=0, lines=self.blPara.lines)
            return _split_plain(frags[0], list(maxWidths))
        if split:
            return self.blPara
        if not frags:
            return rl.ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_frags(frags, list(maxWidths), auto_leading not in ("", "off"))


def _split_plain(frag: Any, max_widths: list[float]) -> Any:
    """One run of text in one font (most paragraphs): plain lines, as ReportLab's own
    single-fragment path makes them — much cheaper to lay out and draw than glyphs."""
    # The first part of a split paragraph has its words instead of its text.
    text = frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))
    text = text.decode("utf8") if isinstance(text, bytes) else text
    font, size = frag.fontName, frag.fontSize

    def measure(value: str) -> float:
        return float(stringWidth(value, font, size))

    def width_of(n: int) -> float:
        return max_widths[n] if n < len(max_widths) else max_widths[-1]

    pieces = segments(text)
    widths = [measure(p) for p in pieces]
    pieces, widths = explode(pieces, widths, min(width_of(0), width_of(1)), measure)
    ranges = fill(pieces, widths, width_of, hang=measure)
    lines = []
    for n, (a, b) in enumerate(ranges):
        line = "".join(pieces[a:b])
        lines.append((width_of(n) - sum(widths[a:b]), [line]))
    return frag.clone(kind=0, lines=lines, ascent=size, descent=-0.2 * size)


def split_frags(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """``cjkFragSplit`` with the shared rule: the frags of a paragraph as ParaLines."""
    glyphs: list[Any] = []
    for f in frags:
        value = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if value:
            glyphs += [rl.cjkU(t, f, "utf8") for t in value]
        else:
            glyphs.append(rl.cjkU(value, f, "utf8"))

    def width_of(n: int) -> float:
        return max_widths[n] if n < len(max_widths) else max_widths[-1]

    lines: list[Any] = []
    # A forced break (<br/>) ends a run; each run is filled on its own.
    start = 0
    for end in range(len(glyphs) + 1):
        last = end == len(glyphs)
        if last or hasattr(glyphs[end].frag, "lineBreak"):
            stop = end if last else end + 1
            if stop > start:
                _fill_run(glyphs[start:stop], lines, width_of, calc_bounds, forced=not last)
            start = stop
    return rl.ParaLines(kind=1, lines=lines)


def _fill_run(
    glyphs: list[Any], lines: list[Any], width_of: Any, calc_bounds: bool, *, forced: bool
) -> None:
    text = "".join(str(g) if len(g) == 1 else _EMPTY for g in glyphs)
    pieces = segments(text)
    widths: list[float] = []
    pos = 0
    for p in pieces:
        widths.append(sum(_width(glyphs[k]) for k in range(pos, pos + len(p))))
        pos += len(p)
    limit = min(width_of(len(lines) + k) for k in range(2))
    char_widths = {str(g): _width(g) for g in glyphs if len(g) == 1}
    pieces, widths = explode(pieces, widths, limit, lambda c: char_widths.get(c, 0.0))
    # The glyph range of each piece (one glyph per character of the text).
    spans: list[tuple[int, int]] = []
    pos = 0
    for p in pieces:
        spans.append((pos, pos + len(p)))
        pos += len(p)
    first = len(lines)
    ranges = fill(
        pieces, widths, lambda n: width_of(first + n), hang=lambda c: char_widths.get(c, 0.0)
    )
    if not ranges:  # only spaces, or a lone forced break: keep the line it makes
        ranges = [(0, len(pieces))] if forced else []
    for n, (a, b) in enumerate(ranges):
        g0 = spans[a][0] if a < len(spans) else len(glyphs)
        g1 = spans[b - 1][1] if b > a else g0
        is_last = n == len(ranges) - 1
        if is_last and forced:
            g1 = len(glyphs)  # the <br/> glyph ends this line, as ReportLab expects
        used = sum(widths[k] for k in range(a, b))
        max_width = width_of(first + n)
        lines.append(
            rl.makeCJKParaLine(
                glyphs[g0:g1],
                max_width,
                used,
                max_width - used,
                forced and is_last,
                calc_bounds,
            )
        )


def _width(glyph: Any) -> float:
    return float(glyph.width)
