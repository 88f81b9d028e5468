"""The bundle against the source install: size on disk, .deb size, start-up time.

Start-up is timed as in ``ui_startup.py``: from spawning the program to the moment it reports
its window shown (``SMEDESK_STARTUP_PROBE``), and again until the list is filled
(``SMEDESK_STARTUP_PROBE=ready``). The bundle's ``smedesk`` and the source install's
``smedesk`` console script (a virtual environment with ``pip install .``) run alternately
against one database migrated beforehand, so machine noise hits both alike. Prints medians
and ratios against the goals (installed ≤ 200 MB, .deb ≤ 70 MB, start-up ≤ 1.2× the source
install's); asserts nothing.

Run: ``python benchmarks/bundle_size_startup.py --bundle installer/out/dist/smedesk
--source-venv installer/out/build-venv [--deb FILE] [--runs 15]`` (``installer/build.sh``
runs it). Offscreen unless ``QT_QPA_PLATFORM`` is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1024 * 1024


def tree_size(path: Path) -> int:
    """Bytes of every file under ``path`` (links not followed, as ``du`` counts apparent size)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def site_packages_size(venv: Path) -> tuple[int, int]:
    """What the source install adds to Python: its virtual environment, and its site-packages
    without the build tools (pip, setuptools, PyInstaller) that a user's install does not have.
    """
    site = next(venv.glob("lib/python3*/site-packages"))
    build_tools = ("pip", "setuptools", "wheel", "PyInstaller", "pyinstaller", "_pyinstaller")
    total = 0
    for child in site.iterdir():
        if child.name.startswith(build_tools) or child.name == "altgraph":
            continue
        total += tree_size(child) if child.is_dir() else child.stat().st_size
    return tree_size(venv), total


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stderr}")
    line = next(x for x in done.stdout.splitlines() if x.startswith("shown "))
    return float(line.split()[1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the bundle folder")
    parser.add_argument("--source-venv", type=Path, required=True, help="venv with smedesk")
    parser.add_argument("--deb", type=Path, help="the .deb built from the bundle")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    bundle_exe = args.bundle / "smedesk"
    source_exe = args.source_venv / "bin" / "smedesk"
    bundle_bytes = tree_size(args.bundle)
    venv_bytes, site_bytes = site_packages_size(args.source_venv)
    print(f"bundle folder            {bundle_bytes / MB:7.1f} MB  (goal installed <= 200 MB)")
    if args.deb:
        print(f".deb (xz)                {args.deb.stat().st_size / MB:7.1f} MB  (goal <= 70 MB)")
    print(
        f"source install           {site_bytes / MB:7.1f} MB  site-packages without build tools"
        f" (whole venv {venv_bytes / MB:.1f} MB), plus the system's Python"
    )
    print(f"ratio bundle / source    {bundle_bytes / site_bytes:7.2f}x")

    with tempfile.TemporaryDirectory(prefix="smedesk-bundle-bench-") as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.update(
            SMEDESK_STARTUP_PROBE="1",
            SMEDESK_DB=str(Path(tmp) / "smedesk.db"),
            SMEDESK_SETTINGS=str(Path(tmp) / "settings.ini"),
            SMEDESK_DATA_DIR=tmp,
        )
        ready_env = dict(env, SMEDESK_STARTUP_PROBE="ready")
        first = timed([str(bundle_exe)], env)  # creates and migrates the database
        timed([str(source_exe)], env)  # warm the OS file cache for both alike
        shown: dict[str, list[float]] = {"bundle": [], "source": []}
        ready: dict[str, list[float]] = {"bundle": [], "source": []}
        for _ in range(args.runs):
            for name, exe in (("source", source_exe), ("bundle", bundle_exe)):
                shown[name].append(timed([str(exe)], env))
                ready[name].append(timed([str(exe)], ready_env))
    print(f"runs: {args.runs} each, alternating; platform: {env['QT_QPA_PLATFORM']}")
    for name in ("source", "bundle"):
        print(
            f"{name:7s} window shown  median {statistics.median(shown[name]) * 1000:6.0f} ms"
            f"  (min {min(shown[name]) * 1000:.0f});  list filled median"
            f" {statistics.median(ready[name]) * 1000:6.0f} ms"
        )
    ratio = statistics.median(shown["bundle"]) / statistics.median(shown["source"])
    ratio_ready = statistics.median(ready["bundle"]) / statistics.median(ready["source"])
    print(f"ratio bundle / source    window {ratio:.2f}x, list {ratio_ready:.2f}x  (goal <= 1.2x)")
    print(f"bundle's first start (creates the database): {first * 1000:.0f} ms")
    print(f"python for the source install: {sys.version.split()[0]} ({sys.executable})")


if __name__ == "__main__":
    main()
