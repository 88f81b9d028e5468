"""The wheel carries every package and the resources; pyproject lists every package.

pyproject.toml lists packages explicitly (resources/ installs as smedesk._resources),
so a new sub-package left out of the list would be missing from an installed copy.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_LEFTOVERS = (
    ".git", "build", "dist", "*.egg-info", "__pycache__", ".mypy_cache", ".ruff_cache",
    ".pytest_cache", ".hypothesis", ".venv", "out",
)  # fmt: skip


def pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def declared_packages() -> list[str]:
    setuptools_cfg = pyproject()["tool"]["setuptools"]  # type: ignore[index]
    return list(setuptools_cfg["packages"])  # type: ignore[index]


def test_every_package_folder_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "smedesk").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = sorted(found - set(declared_packages()))
    assert missing == [], f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_declared_packages_exist() -> None:
    for name in declared_packages():
        if name == "smedesk._resources":
            assert (ROOT / "resources").is_dir()
            continue
        assert (ROOT.joinpath(*name.split(".")) / "__init__.py").is_file(), name


def test_console_script_is_declared() -> None:
    scripts = pyproject()["project"]["scripts"]  # type: ignore[index]
    assert scripts["smedesk"] == "smedesk.cli:main"  # type: ignore[index]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for module in ("setuptools", "wheel"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed; cannot build a wheel offline")
    out = tmp_path_factory.mktemp("wheel")
    # Build from a copy so the checkout's build/ and egg-info are neither used nor touched.
    tree = tmp_path_factory.mktemp("src") / "smedesk"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*BUILD_LEFTOVERS))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(tree),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if (
        result.returncode != 0
        and "setuptools" in result.stderr
        and "version" in result.stderr.lower()
    ):
        pytest.skip("the installed setuptools is too old to build this project")
    assert result.returncode == 0, result.stderr[-3000:]
    (wheel_file,) = out.glob("smedesk-*.whl")
    return wheel_file


def test_wheel_carries_font_and_schemes(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "smedesk/_resources/fonts/wqy-microhei.ttc" in names
    assert "smedesk/_resources/fonts/LICENSE-wqy-microhei.txt" in names
    assert "smedesk/_resources/schemes/miit-2017.toml" in names


def test_version_is_defined_once() -> None:
    project = pyproject()["project"]
    assert "version" not in project  # type: ignore[operator]
    assert "version" in project["dynamic"]  # type: ignore[index]
    dynamic = pyproject()["tool"]["setuptools"]["dynamic"]  # type: ignore[index]
    assert dynamic["version"] == {"attr": "smedesk.__version__"}


def test_wheel_version_is_the_package_version(wheel: Path) -> None:
    import smedesk

    assert wheel.name.startswith(f"smedesk-{smedesk.__version__}-")
    metadata = zipfile.ZipFile(wheel).read(f"smedesk-{smedesk.__version__}.dist-info/METADATA")
    assert f"Version: {smedesk.__version__}\n" in metadata.decode()


def test_wheel_carries_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in declared_packages():
        init = package.replace(".", "/") + "/__init__.py"
        if package == "smedesk._resources":
            continue  # a data folder, not a Python package
        assert init in names, init
    assert "smedesk/cli.py" in names and "smedesk/__main__.py" in names
