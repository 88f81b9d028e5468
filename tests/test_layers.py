"""The layers import one way (ui → export, store, schemes → forms), checked on the source.

Imports are read with ``ast`` (no module is imported), including imports inside
functions, so a lazy import across a layer is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smedesk"


def source_files(*parts: str) -> list[Path]:
    root = PACKAGE.joinpath(*parts)
    return sorted(root.rglob("*.py")) if root.is_dir() else []


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in files:
        for module in sorted(imported_modules(path)):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE.parent)}: {module}")
    return out


def test_the_package_is_where_the_test_expects() -> None:
    assert (PACKAGE / "__init__.py").is_file()
    assert source_files("forms"), "smedesk/forms has no source"


def test_qt_only_under_ui() -> None:
    outside_ui = [p for p in source_files() if "ui" not in p.relative_to(PACKAGE).parts[:1]]
    assert offenders(outside_ui, ("PySide6", "shiboken6", "PyQt5", "PyQt6")) == []


@pytest.mark.parametrize("layer", ["forms", "schemes"])
def test_pure_layers_import_no_heavy_library(layer: str) -> None:
    heavy = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "PySide6", "pypdf")
    assert offenders(source_files(layer), heavy) == []


@pytest.mark.parametrize("layer", ["forms", "schemes"])
def test_pure_layers_import_no_upper_layer(layer: str) -> None:
    upper = ("smedesk.store", "smedesk.export", "smedesk.ui", "smedesk.cli", "smedesk.commands")
    assert offenders(source_files(layer), upper) == []


def test_forms_do_not_import_schemes() -> None:
    assert offenders(source_files("forms"), ("smedesk.schemes",)) == []


@pytest.mark.parametrize("layer", ["store", "export"])
def test_storage_and_export_never_import_the_ui(layer: str) -> None:
    assert offenders(source_files(layer), ("smedesk.ui", "PySide6")) == []


def test_cli_imports_no_qt_at_module_level() -> None:
    """``smedesk --version`` must stay fast: the CLI core imports the UI only lazily."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top_level.add(node.module)
    heavy = {"PySide6", "sqlalchemy", "reportlab", "openpyxl", "pydantic", "smedesk.ui"}
    assert not {m for m in top_level if m.split(".")[0] in heavy or m in heavy}


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in imported_modules(bad)


@pytest.mark.parametrize("name", ["safe_write.py", "safe_read.py", "errors.py"])
def test_shared_safety_modules_stay_at_the_bottom(name: str) -> None:
    """Every layer (forms and schemes included) may use these; they import no layer."""
    imported = {m for m in imported_modules(PACKAGE / name) if m.startswith("smedesk")}
    assert imported <= {"smedesk.errors", "smedesk.errors.UserError"}, imported
    heavy = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "PySide6", "pypdf", "pydantic")
    assert offenders([PACKAGE / name], heavy) == []
