"""The layers import one way, as declared in ``docs/layers.toml``; checked on the source.

The map (read from the checkout beside this file) says which modules make up each layer,
which layers each may import, and which libraries only some layers may use. Imports are
read with ``ast`` (no module is imported): top-level ones and those inside functions,
absolute and relative (``from . import x``, ``from ..store import y``). Every module of
``smedesk/`` must belong to exactly one layer.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smedesk"
LAYERS_FILE = ROOT / "docs" / "layers.toml"


@dataclass(frozen=True)
class Layer:
    name: str
    modules: frozenset[str]
    packages: tuple[str, ...]
    may_import: frozenset[str]
    planned: bool

    def owns(self, module: str) -> bool:
        """Whether ``module`` is one of this layer's (exactly listed, or under a package)."""
        return module in self.modules or any(
            module == p or module.startswith(p + ".") for p in self.packages
        )


@dataclass(frozen=True)
class LayerMap:
    layers: dict[str, Layer]
    libraries: dict[str, frozenset[str]]

    def owners(self, module: str) -> list[str]:
        return [layer.name for layer in self.layers.values() if layer.owns(module)]

    def layer_of_import(self, target: str) -> str | None:
        """The layer of an imported name: the module itself, else its nearest parent.

        ``from smedesk import __version__`` names ``smedesk.__version__``, an attribute of
        the package ``smedesk``; so does ``from smedesk.forms import parse_document``.
        """
        parts = target.split(".")
        while parts:
            owners = self.owners(".".join(parts))
            if owners:
                return owners[0]
            parts.pop()
        return None


def read_map(path: Path = LAYERS_FILE) -> LayerMap:
    with path.open("rb") as fh:
        raw: dict[str, Any] = tomllib.load(fh)
    layers = {
        name: Layer(
            name=name,
            modules=frozenset(spec.get("modules", [])),
            packages=tuple(spec.get("packages", [])),
            may_import=frozenset(spec.get("may_import", [])),
            planned=bool(spec.get("planned", False)),
        )
        for name, spec in raw["layers"].items()
    }
    libraries = {lib: frozenset(allowed) for lib, allowed in raw.get("libraries", {}).items()}
    return LayerMap(layers, libraries)


@cache
def layer_map() -> LayerMap:
    return read_map()


# --- reading the source -------------------------------------------------------------------


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    return {
        module_name(path, package): path
        for path in sorted(package.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def imported_names(path: Path, module: str) -> set[str]:
    """Every name ``path`` (the module ``module``) imports, anywhere in it, made absolute.

    ``from a.b import c`` gives both ``a.b`` and ``a.b.c`` (``c`` may be a module or a
    name defined in ``a.b``; the layer map resolves either).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                anchor = here[: len(here) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


@dataclass(frozen=True)
class Violation:
    module: str
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.module} imports {self.imported}: {self.why}"


def violations(modules: dict[str, Path], layers: LayerMap) -> list[Violation]:
    """Every import of ``modules`` the layer map does not allow."""
    out = []
    for module, path in modules.items():
        owners = layers.owners(module)
        if len(owners) != 1:
            continue  # reported by test_every_module_is_in_exactly_one_layer
        layer = layers.layers[owners[0]]
        libraries_used: set[str] = set()
        for name in sorted(imported_names(path, module)):
            top = name.split(".")[0]
            if top == "smedesk":
                target = layers.layer_of_import(name)
                if target is None:
                    out.append(Violation(module, name, "imports a module in no layer"))
                elif target != layer.name and target not in layer.may_import:
                    out.append(
                        Violation(module, name, f"layer {layer.name} may not import {target}")
                    )
            else:
                libraries_used.add(top)
        for top in sorted(libraries_used & set(layers.libraries)):
            if layer.name not in layers.libraries[top]:
                allowed = ", ".join(sorted(layers.libraries[top])) or "no layer"
                out.append(Violation(module, top, f"{top} is for {allowed} only"))
    return out


# --- the checks ---------------------------------------------------------------------------


def test_the_map_and_the_package_are_where_the_test_expects() -> None:
    assert (PACKAGE / "__init__.py").is_file()
    assert LAYERS_FILE.is_file()
    assert "smedesk.forms.registry" in source_modules()


def test_every_module_is_in_exactly_one_layer() -> None:
    layers = layer_map()
    problems = {
        module: layers.owners(module)
        for module in source_modules()
        if len(layers.owners(module)) != 1
    }
    assert problems == {}, "place each module in one layer of docs/layers.toml"


def test_the_map_names_only_layers_it_declares() -> None:
    layers = layer_map()
    for layer in layers.layers.values():
        assert layer.may_import <= set(layers.layers), layer.name
        assert layer.name not in layer.may_import, layer.name
    for library, allowed in layers.libraries.items():
        assert allowed <= set(layers.layers), library


def test_a_layer_has_code_unless_it_is_planned() -> None:
    layers = layer_map()
    modules = source_modules()
    for layer in layers.layers.values():
        has_code = any(layer.owns(m) for m in modules)
        assert has_code != layer.planned, f"layer {layer.name}: " + (
            "drop `planned` now it has code" if has_code else "no module: mark it planned"
        )


def test_every_import_follows_the_map() -> None:
    found = violations(source_modules(), layer_map())
    assert found == [], "\n".join(map(str, found))


def test_the_map_keeps_the_project_rules() -> None:
    """The map may grow, but not against the architecture (README, architecture.md)."""
    layers = layer_map().layers
    libraries = layer_map().libraries

    def reach(name: str) -> set[str]:
        seen: set[str] = set()
        todo = [name]
        while todo:
            for nxt in layers[todo.pop()].may_import - seen:
                seen.add(nxt)
                todo.append(nxt)
        return seen

    assert layers["errors"].may_import == set()
    # the pure layers: besides each other, only the leaf modules (errors, bounded file reads)
    assert reach("files") <= {"errors"}
    assert reach("forms") <= {"errors", "files"}
    assert reach("schemes") <= {"forms", "errors", "resources", "files"}
    # storage and export never import each other, nor the UI or the command line
    assert "export" not in reach("store") and "store" not in reach("export")
    for lower in ("forms", "schemes", "store", "export", "exchange", "demo"):
        assert not {"ui", "cli"} & reach(lower), lower
    assert "cli" not in reach("ui")
    # Qt only in the UI; the pure layers use no heavy library
    for qt in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
        assert libraries[qt] <= {"ui"}, qt
    for heavy in ("sqlalchemy", "alembic", "reportlab", "openpyxl", "pypdf", "PySide6"):
        assert not {"forms", "schemes"} & libraries[heavy], heavy


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


# --- the checker itself, on a small package made for the purpose ----------------------------

TOY_MAP = """
[layers.low]
packages = ["smedesk.low"]
may_import = []
[layers.high]
packages = ["smedesk.high"]
modules = ["smedesk.top"]
may_import = ["low"]
[libraries]
PySide6 = ["high"]
"""


@pytest.fixture
def toy(tmp_path: Path) -> tuple[dict[str, Path], LayerMap]:
    pkg = tmp_path / "smedesk"
    files = {
        "__init__.py": "",
        "top.py": "from smedesk.low import thing\n",
        "stray.py": "",
        "low/__init__.py": "",
        "low/a.py": "from . import b\nfrom .b import helper\n",
        "low/b.py": "def helper():\n    from ..high import ui_bits\n",
        "low/c.py": "def f():\n    from PySide6.QtWidgets import QWidget\n",
        "high/__init__.py": "from ..low.a import *\n",
        "high/ui_bits.py": "import PySide6.QtCore\nfrom smedesk import __version__\n",
    }
    for name, text in files.items():
        path = pkg / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "layers.toml").write_text(TOY_MAP, encoding="utf-8")
    return source_modules(pkg), read_map(tmp_path / "layers.toml")


def test_relative_and_function_level_imports_are_resolved(
    toy: tuple[dict[str, Path], LayerMap],
) -> None:
    modules, _layers = toy
    assert imported_names(modules["smedesk.low.a"], "smedesk.low.a") == {
        "smedesk.low",
        "smedesk.low.b",
        "smedesk.low.b.helper",
    }
    assert "smedesk.high.ui_bits" in imported_names(modules["smedesk.low.b"], "smedesk.low.b")
    assert "smedesk.low.a" in imported_names(modules["smedesk.high"], "smedesk.high")


def test_the_checker_reports_each_kind_of_violation(
    toy: tuple[dict[str, Path], LayerMap],
) -> None:
    modules, layers = toy
    assert layers.owners("smedesk.stray") == []  # in no layer: the coverage test's case
    assert layers.owners("smedesk.top") == ["high"]
    found = {(v.module, v.imported) for v in violations(modules, layers)}
    assert found == {
        ("smedesk.low.b", "smedesk.high"),  # upward, relative, inside a function
        ("smedesk.low.b", "smedesk.high.ui_bits"),
        ("smedesk.low.c", "PySide6"),  # a library kept for another layer
        ("smedesk.high.ui_bits", "smedesk"),  # the root is in no layer of this map
        ("smedesk.high.ui_bits", "smedesk.__version__"),
    }
