"""Hostile inputs made on the fly (no committed binaries), and a runner that measures memory.

Workbooks are built from a small valid list written by openpyxl, then their XML parts are
rewritten: a merged range over the whole sheet, one huge shared string, whitespace padding,
thousands of sheets, broken XML, out-of-range indexes, values that lie about their type.
:func:`run_cli` runs ``python -m smedesk`` in a child process and reads the child's own
peak memory from ``os.wait4`` (so each case's figure is its own).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from support.xlsx_helpers import rows_for

MEASURED = Path(__file__).with_name("measured_smedesk.py")
ENGLISH_INTERNALS = re.compile(
    r"Traceback|Error\b|Exception|invalid literal|Invalid datetime|could not convert|"
    r"__del__|MemoryError|内部错误"
)


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float


def run_cli(*args: str, timeout: float = 60, env: dict[str, str] | None = None) -> Run:
    """``python -m smedesk ARGS`` in a child; its exit code, output and peak RSS (MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smedesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"smedesk {' '.join(args)} did not finish in {timeout} s") from None
    # communicate() has reaped the child; its rusage is in the children's total, so the
    # per-child figure is taken with wait4 in run_measured for the cases that need it.
    return Run(proc.returncode, out.decode(), err.decode(), 0.0, time.monotonic() - start)


def run_measured(*args: str, timeout: float = 120) -> Run:
    """Like :func:`run_cli`, with the child's own peak memory in MB.

    The child reports its ``VmHWM`` (see ``measured_smedesk.py``); where /proc is missing,
    ``ru_maxrss`` from ``wait4`` is used instead (an upper bound: it includes the parent's
    size at fork).
    """
    import tempfile

    start = time.monotonic()
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile(suffix=".peak") as peak,
    ):
        proc = subprocess.Popen(
            [sys.executable, str(MEASURED), *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "SMEDESK_PEAK_FILE": peak.name},
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise AssertionError(f"smedesk {' '.join(args)} did not finish in {timeout} s")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        reported = Path(peak.name).read_text(encoding="ascii").strip()
        peak_kib = int(reported) if reported else usage.ru_maxrss
        return Run(
            proc.returncode,
            out.read().decode(),
            err.read().decode(),
            peak_kib / 1024,
            time.monotonic() - start,
        )


# ---- workbooks ------------------------------------------------------------------------


def staff_workbook(rows: int = 3) -> bytes:
    """A valid staff list (header, rows) as .xlsx bytes, written by openpyxl."""
    from openpyxl import Workbook

    from smedesk.export.xlsx.columns import columns_for
    from smedesk.forms.lists import StaffMember

    cols = columns_for(StaffMember)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([c.header for c in cols])
    for row in rows_for("staff", rows):
        ws.append([c.to_cell(getattr(row, c.name)) for c in cols])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rewrite(data: bytes, **changes: bytes | None) -> bytes:
    """A copy of the zip ``data`` with parts replaced (``None`` removes; new names are added).

    Part names are given with ``/`` written as ``__`` and ``.`` as ``_`` — e.g.
    ``xl__worksheets__sheet1_xml`` — or via :func:`rewrite_parts`.
    """
    parts = {k.replace("__", "/").replace("_xml", ".xml"): v for k, v in changes.items()}
    return rewrite_parts(data, parts)


def rewrite_parts(data: bytes, parts: dict[str, bytes | None]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in parts:
                new = parts[info.filename]
                if new is not None:
                    dst.writestr(info.filename, new)
            else:
                dst.writestr(info, src.read(info.filename))
        for name, new in parts.items():
            if name not in src.namelist() and new is not None:
                dst.writestr(name, new)
    return out.getvalue()


def sheet_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def merged_bomb() -> bytes:
    """One merged range ``A2:XFD1048576`` (17 billion cells) in a 7 KB staff list."""
    base = staff_workbook()
    sheet = sheet_xml(base)
    merge = b'<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>'
    sheet = sheet.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
    return rewrite_parts(base, {"xl/worksheets/sheet1.xml": sheet})


_SST_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_shared_strings(sst_body: bytes, index: int) -> bytes:
    """The staff list with a shared-strings part ``sst_body`` and cell A3 pointing at ``index``.

    openpyxl writes inline strings, so the part, its relationship and its content type
    are added here, as Excel would have written them.
    """
    base = staff_workbook()
    z = zipfile.ZipFile(io.BytesIO(base))
    types = z.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = z.read("xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    sheet = re.sub(
        rb'<c r="A3"[^>]*>.*?</c>',
        b'<c r="A3" t="s"><v>' + str(index).encode() + b"</v></c>",
        sheet_xml(base),
        count=1,
    )
    return rewrite_parts(
        base,
        {
            "[Content_Types].xml": types,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/sharedStrings.xml": sst_body,
            "xl/worksheets/sheet1.xml": sheet,
        },
    )


def huge_shared_string(size: int = 64 * 1024 * 1024) -> bytes:
    """A shared-strings part holding one string of ``size`` characters (compresses to ~0.1%)."""
    body = (
        b'<?xml version="1.0"?><sst xmlns="'
        + _SST_NS
        + b'" count="1" uniqueCount="1"><si><t>'
        + b"a" * size
        + b"</t></si></sst>"
    )
    return with_shared_strings(body, 0)


def whitespace_sheet(size: int) -> bytes:
    """The list's sheet with ``size`` bytes of whitespace between its rows."""
    base = staff_workbook()
    sheet = sheet_xml(base)
    sheet = sheet.replace(b"</row>", b"</row>" + b" " * (size // 3), 3)
    return rewrite_parts(base, {"xl/worksheets/sheet1.xml": sheet})


def many_sheets(count: int = 5000) -> bytes:
    """The staff list plus ``count`` more (empty) worksheet parts, declared in the workbook."""
    base = staff_workbook()
    z = zipfile.ZipFile(io.BytesIO(base))
    sheets = b"".join(
        b'<sheet name="S%d" sheetId="%d" r:id="rIdX%d"/>' % (i, i + 2, i) for i in range(count)
    )
    workbook = z.read("xl/workbook.xml").replace(b"</sheets>", sheets + b"</sheets>", 1)
    rels = z.read("xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b"".join(
            b'<Relationship Id="rIdX%d" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/worksheet" Target="worksheets/s%d.xml"/>' % (i, i)
            for i in range(count)
        )
        + b"</Relationships>",
    )
    empty = b'<worksheet xmlns="' + _SST_NS + b'"><sheetData/></worksheet>'
    parts: dict[str, bytes | None] = {
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels,
    }
    parts.update({f"xl/worksheets/s{i}.xml": empty for i in range(count)})
    return rewrite_parts(base, parts)


def broken_sheet_xml() -> bytes:
    """The sheet part cut in the middle of a row (the workbook itself opens)."""
    base = staff_workbook(200)
    sheet = sheet_xml(base)
    return rewrite_parts(base, {"xl/worksheets/sheet1.xml": sheet[: len(sheet) * 2 // 3]})


def shared_index_out_of_range() -> bytes:
    body = b'<sst xmlns="' + _SST_NS + b'" count="1" uniqueCount="1"><si><t>x</t></si></sst>'
    return with_shared_strings(body, 99999)


def lying_cell(kind: bytes, value: bytes) -> bytes:
    """Row 3's first cell declared as type ``kind`` with ``value`` (e.g. n / "abc")."""
    base = staff_workbook()
    sheet = re.sub(
        rb'<c r="A3"[^>]*>.*?</c>',
        b'<c r="A3" t="' + kind + b'"><v>' + value + b"</v></c>",
        sheet_xml(base),
        count=1,
    )
    return rewrite_parts(base, {"xl/worksheets/sheet1.xml": sheet})


def header_only() -> bytes:
    return staff_workbook(0)


# ---- images -----------------------------------------------------------------------------


def giant_jpeg_header(width: int = 12000, height: int = 12000) -> bytes:
    """A small JPEG whose frame header claims ``width`` × ``height`` pixels."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    assert sof > 0
    data[sof + 5 : sof + 7] = height.to_bytes(2, "big")
    data[sof + 7 : sof + 9] = width.to_bytes(2, "big")
    return bytes(data)
