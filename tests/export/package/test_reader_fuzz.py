"""Fuzzing the package reader: hostile, broken and lying zips give clean refusals only.

Each example builds a zip from generated members (zip-slip names, absolute paths, drive
letters, duplicates, links), or starts from a real package or a zip bomb, then truncates it,
flips bytes or overwrites size fields. The reader must either accept it or raise
:class:`PackageError`; nothing may be written outside the import folder; Python's peak
memory over the whole run stays under 500 MB.
"""

from __future__ import annotations

import contextlib
import io
import json
import stat
import tempfile
import tracemalloc
import warnings
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smedesk.export.package import PackageError, extract_package

from support.packages import small_package

NASTY = [
    "../x", "../../etc/passwd", "/abs", "C:/win.txt", "c:x", "a\\..\\b", "a/./b", "a//b", "./a",
    "documents/../../../x", "CON", "aux.json", "a\x00b", "dir/", "manifest.json", "signature.json",
    "MANIFEST.JSON", "documents/doc-1.json", "pdf/doc-1.pdf", "é", "é", "x" * 300, "a:b",
]  # fmt: skip
MB = 1024 * 1024
PEAK_LIMIT = 500 * MB


@cache
def real_package() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return small_package(Path(tmp) / "p.smedesk").read_bytes()


@cache
def bomb() -> bytes:
    """A zip whose one member inflates to 1 GiB of zeros (about 1 MB on disk)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("manifest.json", "w", force_zip64=True) as member,
    ):
        zero = bytes(MB)
        for _ in range(1024):
            member.write(zero)
    return out.getvalue()


names = st.one_of(st.sampled_from(NASTY), st.text(alphabet="ab./\\:_-", min_size=1, max_size=12))
member = st.tuples(names, st.binary(max_size=300), st.booleans(), st.booleans())


@st.composite
def packages(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(["members", "real", "bomb", "manifest"]))
    if base == "real":
        raw = bytearray(real_package())
    elif base == "bomb":
        raw = bytearray(bomb())
    else:
        out = io.BytesIO()
        with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as zf:
            warnings.simplefilter("ignore")  # duplicate names are wanted here
            if base == "manifest":
                manifest = {"format": "smedesk-package", "format_version": draw(st.sampled_from([1, 2, "1", None])),
                            "kind": "application", "created_at": "2024-01-01T00:00:00Z",
                            "creator": {"role": "applicant", "name": "x"},
                            "scheme": {"id": "s", "version": "1"}, "documents": [],
                            "members": [{"path": draw(names), "size": 1, "sha256": "0" * 64, "type": "pdf"}]}  # fmt: skip
                zf.writestr("manifest.json", json.dumps(manifest))
            for name, data, link, deflate in draw(st.lists(member, max_size=6)):
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
                if link:
                    info.create_system = 3
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                with contextlib.suppress(ValueError):
                    zf.writestr(info, data)
        raw = bytearray(out.getvalue())
    for kind in draw(st.lists(st.sampled_from(["truncate", "flip", "size"]), max_size=3)):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        if kind == "truncate":
            del raw[at:]
        elif kind == "flip":
            raw[at] ^= draw(st.integers(1, 255))
        else:  # overwrite four bytes with a lie about a size or an offset
            value = draw(st.sampled_from([0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 2**31, 1000]))
            raw[at : at + 4] = value.to_bytes(4, "little")
    return bytes(raw)


@pytest.fixture(scope="module")
def memory() -> object:
    tracemalloc.start()
    yield None
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < PEAK_LIMIT, f"peak Python memory {peak / MB:.0f} MB"


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=packages())
def test_reader_refuses_cleanly_and_writes_only_inside(memory: object, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "in.smedesk"
        source.write_bytes(data)
        target = root / "import"
        try:
            extract_package(source, target)
        except PackageError as exc:
            assert exc.message and "Traceback" not in exc.message
        outside = [
            p for p in root.rglob("*") if p != source and p != target and target not in p.parents
        ]
        assert outside == []
        if target.exists():  # kept only when the package was accepted
            assert (target / "manifest.json").is_file()
            assert not any(p.name.startswith(".unpacking-") for p in target.iterdir())
    assert tracemalloc.get_traced_memory()[1] < PEAK_LIMIT
