"""``--help`` of every command: Chinese only, each heading once, columns aligned, words whole."""

from __future__ import annotations

import argparse
import itertools
import os
import re

import pytest

from smedesk.cli import build_parser, main
from smedesk.cli_help import display_width, wrap

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program's")


def commands() -> list[list[str]]:
    """Every command path: [], ["check"], ["export", "pdf"], …"""
    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


def source_words() -> set[str]:
    """Latin words in every text the parsers were given (help, description, epilog)."""
    texts: list[str] = []

    def walk(parser: argparse.ArgumentParser) -> None:
        texts.extend([parser.prog, parser.description or "", parser.format_help()])
        for action in parser._actions:
            texts.extend([action.help or "", str(action.metavar or ""), *action.option_strings])
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    walk(sub)

    os.environ["COLUMNS"] = "400"  # wide enough that nothing wraps: the words as written
    try:
        walk(build_parser())
    finally:
        del os.environ["COLUMNS"]
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_.@'-]*", "\n".join(texts)))


def help_of(path: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main([*path, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("columns", ["50", "80"])
def test_help_is_chinese_aligned_and_whole(
    columns: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    words = source_words()
    monkeypatch.setenv("COLUMNS", columns)
    for path in commands():
        shown = help_of(path, capsys)
        where = f"smedesk {' '.join(path)} --help at {columns} columns"
        assert shown.startswith("用法："), where
        assert "显示帮助信息并退出" in shown, where
        for english in ENGLISH:
            assert english not in shown, f"{english!r} in {where}"
        lines = shown.splitlines()
        # Each heading once: a section title «命令：» is not followed by «命令» again.
        for above, below in itertools.pairwise(lines):
            if above.endswith("："):
                assert below.strip() != above[:-1], f"heading {above!r} twice in {where}"
        # Help texts start in one column (by display width) within each help screen.
        starts = set()
        for line in lines:
            m = re.match(r"^(  \S.*?\S)  +(\S.*)$", line)
            if m and not line.startswith("用法") and line.startswith("  ") and "  " in line[2:]:
                starts.add(display_width(line) - display_width(m.group(2)))
        assert len(starts) <= 1, f"help texts start at columns {sorted(starts)} in {where}"
        # No English word is broken across lines.
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_.@'-]*", shown):
            assert word.rstrip(".") in words or word in words, f"{word!r} broken in {where}"
        # Below the usage (whose bracketed parts argparse never breaks) nothing overflows.
        body = lines[lines.index("") :]
        assert all(display_width(ln) <= int(columns) for ln in body), where
        if columns == "80":  # wide enough for every part: the usage fits as well
            assert all(display_width(ln) <= 80 for ln in lines), where


def test_wrap_measures_chinese_as_two_columns_and_keeps_words() -> None:
    assert display_width("文件 a") == 6
    lines = wrap("列出投资方 investors 与股东 shareholders 的名单，逐行", 16)
    assert all(display_width(x) <= 16 for x in lines), lines
    assert "".join(lines).replace(" ", "") == "列出投资方investors与股东shareholders的名单，逐行"
    words = " ".join(lines).split()
    assert "investors" in words and "shareholders" in words, lines
    assert not any(x.startswith("，") for x in lines)
