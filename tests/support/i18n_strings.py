"""The interface strings marked for translation in source files (read with ``ast``)."""

from __future__ import annotations

import ast
from pathlib import Path


def marked_strings(paths: list[Path]) -> set[str]:
    """Every literal passed to tr() or N_() in ``paths``."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found
