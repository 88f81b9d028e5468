"""The one rule for breaking Chinese text into lines, shared by every layout of the PDF.

Chinese may break between almost any two characters, but not everywhere (GB/T 15834
标点符号用法 and common 避头尾 practice, "kinsoku"):

- no line begins with closing punctuation («、，。；：？！）」』》〕» …) nor with «%»;
- no line ends with opening punctuation («（「『《〔» …);
- a number stays whole with its decimal point, its «%» and the measure word after it
  («89.13%», «100家», «2017年»); a Latin word or a date («2018-01-28») stays whole;
- a document number's year and serial never part («〔2017〕156号»);
- a block of text never ends with a line of a single character (an orphan «表»).

:func:`segments` cuts a text into the pieces that may not be split; :func:`fill` lays
pieces of known widths into lines. Both the plain-string cells of long tables
(:func:`smedesk.export.pdf.values.wrap`) and every Paragraph (:mod:`.paragraph`) use
them, so the rule lives only here. Pure Python: no ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: May not begin a line: closing brackets and quotes, pause and stop marks, percent signs,
#: the middle dot and the halves of «——» and «……» (which therefore never part).
CANNOT_START = frozenset("、，。．；：？！）］｝」』》〕】〗〉’”％‰℃°·・…—～,.;:?!)]}%\ufeff")
#: May not end a line: opening brackets and quotes, and signs that lead a number.
CANNOT_END = frozenset("（［｛「『《〔【〖〈‘“([{#$¥￥@§№")

_DOC_NO = r"〔\d{4}〕\d*号?"  # 〔2017〕156号: year and serial of a document number
_REST = r"""
    | [+-]?\d+(?:[.,:/\-]\d+)*[%％‰℃]?[\u4e00-\u9fff]?   # 89.13% · 2018-01-28 · 100家
    | [A-Za-z][A-Za-z0-9'’]*(?:[._\-/@:+][A-Za-z0-9]+)*   # a Latin word, an e-mail
    | \s+                                              # a space: where Latin text breaks
    | .                                                # any other single character
"""
#: What a line break may never fall inside, tried in this order. A document number
#: keeps its issuer's abbreviation («工信部企业〔2017〕156号», up to six characters);
#: where that is wider than the line, only «〔2017〕156号» is kept whole (``_ATOM_SHORT``).
_ATOM = re.compile(r"[\u4e00-\u9fff]{0,6}" + _DOC_NO + _REST, re.VERBOSE | re.DOTALL)
_ATOM_SHORT = re.compile(_DOC_NO + _REST, re.VERBOSE | re.DOTALL)


def segments(text: str, *, issuer: bool = True) -> list[str]:
    """``text`` cut into the pieces a line may not break inside (``"".join`` gives it back).

    Closing punctuation is glued to the piece before it, opening punctuation to the
    piece after it; a run of spaces is a piece of its own (a break opportunity).
    """
    out: list[str] = []
    glue_next = False
    for atom in (_ATOM if issuer else _ATOM_SHORT).findall(text):
        if atom.isspace():
            out.append(atom)
            glue_next = False
            continue
        if out and not out[-1].isspace() and (glue_next or atom[0] in CANNOT_START):
            out[-1] += atom
        elif len(out) > 1 and atom[0] in CANNOT_START:
            # «89.13 %»: a closing mark after a space still may not begin a line.
            space = out.pop()
            out[-1] += space + atom
        else:
            out.append(atom)
        glue_next = out[-1][-1] in CANNOT_END
    return out


#: A mark that may hang past the right margin when it ends a full line (ぶら下げ):
#: rather than push the word it closes to the next line, as ReportLab did too.
HANGING = frozenset("、，。．；：？！）］｝」』》〕】〗〉’”,.;:?!)]}")


def fill(
    pieces: Sequence[str],
    widths: Sequence[float],
    max_width: Callable[[int], float],
    *,
    hang: Callable[[str], float] | None = None,
) -> list[tuple[int, int]]:
    """Lay ``pieces`` (of ``widths``) into lines; returns each line as a (start, end) range.

    ``max_width(n)`` is the width of line ``n`` (the first line of an indented paragraph
    is shorter). Spaces at either end of a line are left out of its range. Pieces wider
    than a line are first cut by :func:`explode`. ``hang(ch)``, when given, is the width
    of a closing mark allowed to hang past the margin (see :data:`HANGING`). Greedy,
    then the last line is given a second character when it has only one.
    """
    lines: list[tuple[int, int]] = []
    start, used, n = 0, 0.0, len(pieces)
    i = 0
    while i < n:
        w = widths[i]
        hung = hang(pieces[i][-1]) if hang and pieces[i][-1] in HANGING else 0.0
        if used + w - hung > max_width(len(lines)) + 1e-6 and _has_ink(pieces, start, i):
            lines.append(_trim(pieces, start, i))
            start, used = i, 0.0
            if pieces[i].isspace():  # the space at the break is dropped
                start = i + 1
                i += 1
                continue
        used += w
        i += 1
    if _has_ink(pieces, start, n):
        lines.append(_trim(pieces, start, n))
    _no_orphan(pieces, widths, lines, max_width)
    return lines


def explode(
    pieces: list[str], widths: list[float], limit: float, char_width: Callable[[str], float]
) -> tuple[list[str], list[float]]:
    """Pieces wider than ``limit`` cut smaller, so that every line can be filled.

    First the issuer of a document number comes off, then what is still too wide (a
    long e-mail address, a run of glued punctuation) is cut into its characters.
    """
    if all(w <= limit + 1e-6 for w in widths):
        return pieces, widths
    out_p: list[str] = []
    out_w: list[float] = []
    for p, w in zip(pieces, widths, strict=True):
        if w <= limit + 1e-6 or len(p) == 1:
            out_p.append(p)
            out_w.append(w)
            continue
        for q in segments(p, issuer=False):
            qw = sum(char_width(c) for c in q)
            if qw <= limit + 1e-6 or len(q) == 1:
                out_p.append(q)
                out_w.append(qw)
            else:
                out_p += list(q)
                out_w += [char_width(c) for c in q]
    return out_p, out_w


def _has_ink(pieces: Sequence[str], start: int, end: int) -> bool:
    return any(not pieces[k].isspace() for k in range(start, end))


def _trim(pieces: Sequence[str], start: int, end: int) -> tuple[int, int]:
    while start < end and pieces[start].isspace():
        start += 1
    while end > start and pieces[end - 1].isspace():
        end -= 1
    return start, end


def _chars(pieces: Sequence[str], line: tuple[int, int]) -> int:
    return sum(len(pieces[k].strip()) for k in range(*line))


def _no_orphan(
    pieces: Sequence[str],
    widths: Sequence[float],
    lines: list[tuple[int, int]],
    max_width: Callable[[int], float],
) -> None:
    """A last line of one character takes the last piece of the line above with it."""
    if len(lines) < 2 or _chars(pieces, lines[-1]) != 1:
        return
    (a, b), (c, d) = lines[-2], lines[-1]
    if b - a < 2 or c != b:
        return  # the line above has nothing to give, or breaks at a space (Latin text)
    moved = sum(widths[k] for k in range(b - 1, d))
    if moved > max_width(len(lines) - 1) + 1e-6:
        return
    lines[-2] = _trim(pieces, a, b - 1)
    lines[-1] = (b - 1, d)
