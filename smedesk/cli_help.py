"""``smedesk --help`` entirely in Chinese, its columns aligned on a terminal.

argparse writes its own words in English («usage:», «options:», «show this help message
and exit»), measures text with ``len()`` — but a Chinese character takes two columns
of a terminal (Unicode East Asian Width "W"/"F") — and wraps with ``textwrap``, which
breaks Chinese only at spaces and cuts long English words in two. This formatter
measures display width, wraps by the same line-breaking rule as the PDF
(:mod:`smedesk.export.pdf.linebreak`: Latin words stay whole, no line starts with
«，»), lists a group's sub-commands once under the group's heading, and says
«用法：». :class:`ChineseParser` supplies the Chinese help option and section titles.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from smedesk.export.pdf.linebreak import explode, fill, segments

USAGE_PREFIX = "用法："
HELP_TEXT = "显示帮助信息并退出"
VERSION_TEXT = "显示版本号并退出"
POSITIONALS = "位置参数"
OPTIONALS = "选项"

_SPACES = re.compile(r"[ \t\r\f\v]+")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for wide (Chinese) characters."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def wrap(text: str, limit: int) -> list[str]:
    """One paragraph (no newlines) in lines of at most ``limit`` columns."""
    pieces = segments(text)
    widths = [float(display_width(p)) for p in pieces]
    pieces, widths = explode(pieces, widths, limit, lambda c: float(display_width(c)))
    ranges = fill(pieces, widths, lambda _n: float(limit))
    return ["".join(pieces[a:b]) for a, b in ranges] or [""]


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` display columns."""
    return text + " " * max(0, columns - display_width(text))


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter measuring display width, wrapping Chinese by its rules."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("max_help_position", 28)
        super().__init__(prog, **kwargs)

    def add_usage(
        self, usage: Any, actions: Iterable[argparse.Action], groups: Any, prefix: Any = None
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

    def start_section(self, heading: Any) -> None:
        # As argparse's own, with «选项：» rather than «选项:».
        self._indent()
        section = _Section(self, self._current_section, heading)  # type: ignore[arg-type]
        self._add_item(section.format_help, [])
        self._current_section = section

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        # argparse wraps the usage by len(); Chinese metavars take two columns each, so
        # it is laid out again on a narrower width until every line fits the terminal.
        width = self._width
        try:
            for _ in range(4):
                text = self._usage_once(usage, actions, groups, prefix)
                over = max(display_width(line) for line in text.split("\n")) - width
                if over <= 0 or self._width - over < 20:
                    break
                self._width -= over
        finally:
            self._width = width
        return text

    def _usage_once(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        text = str(super()._format_usage(usage, actions, groups, prefix))
        if prefix is None:
            return text
        # argparse indents continuation lines by len(prefix + prog): «用法：» is three
        # characters but six columns, so they get the difference.
        indent = " " * (len(prefix) + len(self._prog) + 1)
        extra = " " * (display_width(prefix) - len(prefix))
        lines = text.split("\n")
        return "\n".join(
            [lines[0]] + [extra + ln if ln.startswith(indent) else ln for ln in lines[1:]]
        )

    def add_argument(self, action: argparse.Action) -> None:
        if action.help is argparse.SUPPRESS:
            return
        # A sub-command group is listed by its sub-commands only, at the group's indent.
        shown = _subactions(action) if _is_group(action) else [action]
        for item in shown:
            width = display_width(self._format_action_invocation(item)) + self._current_indent
            self._action_max_length = max(self._action_max_length, width)
        self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        if _is_group(action):
            # Its heading is the section title already: not printed a second time.
            return self._join_parts([self._format_action(a) for a in _subactions(action)])
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 20)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if not action.help:
            parts = [f"{indent}{header}\n"]
        elif display_width(header) <= action_width:
            parts = [f"{indent}{pad(header, action_width)}  "]
            first = 0
        else:
            parts = [f"{indent}{header}\n"]
            first = help_position
        if action.help and action.help.strip():
            lines = self._split_lines(self._expand_help(action), help_width)
            parts.append(" " * first + lines[0] + "\n")
            parts += [" " * help_position + line + "\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        return self._join_parts(parts)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(_SPACES.sub(" ", text.replace("\n", " ")).strip(), max(width, 20))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # Newlines in a description or epilog are kept; a line's own leading spaces
        # indent its continuation lines too.
        out = []
        for raw in text.strip("\n").splitlines():
            body = raw.lstrip(" ")
            lead = indent + " " * (len(raw) - len(body))
            limit = max(width - display_width(lead), 20)
            out += [lead + line for line in wrap(_SPACES.sub(" ", body).rstrip(), limit)]
        return "\n".join(out)


class _Section(argparse.HelpFormatter._Section):
    def format_help(self) -> str:
        text = str(super().format_help())
        if self.heading is not argparse.SUPPRESS and self.heading is not None:
            text = text.replace(f"{self.heading}:\n", f"{self.heading}：\n", 1)
        return text


def _is_group(action: argparse.Action) -> bool:
    return isinstance(action, argparse._SubParsersAction)


def _subactions(action: argparse.Action) -> list[argparse.Action]:
    get = getattr(action, "_get_subactions", None)
    return list(get()) if get is not None else []


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Chinese (help option, section titles)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", help=HELP_TEXT)
