"""A small filesystem the test makes and removes: tmpfs mounted on a temporary folder.

Mounting needs root (CI runs as root in its container); elsewhere the tests that need it
are skipped with the reason. :func:`fill` leaves a chosen number of bytes free.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_filesystem(where: Path, size_kb: int, *, readonly: bool = False) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KiB mounted at ``where`` (created), unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small filesystem")
    options = f"size={size_kb}k" + (",ro" if readonly else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount(where: Path, *, readonly: bool) -> None:
    mode = "ro" if readonly else "rw"
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Write a filler file until at most ``leave`` bytes remain free; returns it."""
    filler = folder / "filler.bin"
    with open(filler, "ab") as fh:
        block = b"\0" * 65536
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave:
                break
            try:
                fh.write(block[: max(1, min(len(block), free - leave))])
                fh.flush()
            except OSError:
                break
    return filler


def no_partial_files(folder: Path) -> list[str]:
    """Names of temporary leftovers and zero-byte files (should be none)."""
    bad = []
    for p in folder.rglob("*"):
        if p.is_file() and (p.name.endswith(".part") or p.stat().st_size == 0):
            bad.append(p.name)
    return bad


def sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


__all__ = ["fill", "no_partial_files", "os", "remount", "sha", "small_filesystem"]
