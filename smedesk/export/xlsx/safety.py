"""Reading untrusted workbooks safely and writing text that Excel never runs.

Two directions of the same concern:

* **in**: a file handed over on a USB stick may be an old ``.xls``, a WPS ``.et``,
  a password-protected workbook (an OLE compound file, not a zip), a zip that is not a
  workbook, or a zip bomb. :func:`check_workbook_file` looks at the bytes before openpyxl
  does and answers with one Chinese sentence; :func:`open_workbook` then opens it
  read-only with openpyxl's XML parsing hardened by defusedxml.
* **out**: text that starts with ``= + - @`` or a tab would be taken as a formula by
  Excel or WPS (formula injection, CWE-1236). :func:`put_text` stores such text as a
  string cell with the quote-prefix style, so it is shown, never evaluated.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smedesk.export.xlsx.errors import WorkbookError
from smedesk.forms.fields import LIST_LIMIT
from smedesk.forms.text import clean_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook

#: Larger files are refused before parsing: real lists are a few MB at most.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Sum of the unpacked parts; a zip bomb unpacks to far more than its size.
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
#: Rows a list may have (the documents' own cap): beyond it the file is not a list.
MAX_ROWS = LIST_LIMIT
#: Worksheets a workbook may have (each is scanned for the header); real ones have a few.
MAX_SHEETS = 200
#: Unpacked size of one worksheet part: a full list (MAX_ROWS rows of a dozen cells) takes
#: about a quarter of it. A sheet padded with whitespace or empty cells is refused unparsed.
MAX_SHEET_BYTES = 64 * 1024 * 1024
#: Unpacked size of the shared-strings part, which openpyxl reads whole on opening.
MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLD_FORMATS = {
    ".xls": "旧版 Excel（.xls）",
    ".et": "WPS 表格（.et）",
    ".ett": "WPS 表格模板（.ett）",
}
_SAVE_AS = "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。"

#: Leading characters that make Excel or WPS read typed text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def check_workbook_file(path: str | os.PathLike[str]) -> None:
    """Raise :class:`WorkbookError` unless ``path`` looks like a readable .xlsx workbook."""
    p = Path(path)
    if not p.exists():
        raise WorkbookError(f"找不到文件：{p}")
    if p.is_dir():
        raise WorkbookError(f"这是文件夹，不是工作簿文件：{p}")
    if not p.is_file():
        raise WorkbookError(
            f"「{p}」不是普通文件（是设备、管道或其他特殊文件），不能作为工作簿读取。"
        )
    suffix = p.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise WorkbookError(f"“{p.name}”是{_OLD_FORMATS[suffix]}格式，不能直接导入。{_SAVE_AS}")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            f"文件过大（{size / 1024 / 1024:.1f} MB），超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限。"
            "请确认选择的是名单文件，或删除无关的工作表、图片后再导入。"
        )
    if size == 0:
        raise WorkbookError(f"文件“{p.name}”是空文件（0 字节），不是 Excel 工作簿。")
    with p.open("rb") as fh:
        head = fh.read(8)
        if head == _OLE_MAGIC:
            raise WorkbookError(_describe_ole(p.name, head + fh.read()))
    if not head.startswith(_ZIP_MAGICS):
        raise WorkbookError(_describe_non_zip(p.name, head))
    _check_zip(p)


def _describe_ole(name: str, data: bytes) -> str:
    # Both an encrypted .xlsx and an old .xls are OLE compound files; the directory
    # entries (UTF-16 names) tell them apart.
    if "EncryptionInfo".encode("utf-16-le") in data:
        return (
            f"“{name}”已设置打开密码（加密的工作簿），无法读取。"
            "请在 Excel 或 WPS 中打开，取消密码（文件→信息→保护工作簿）并另存为 .xlsx 后再导入。"
        )
    return f"“{name}”实际是旧版 Excel（.xls）或 WPS（.et）格式，只是扩展名为 .xlsx。{_SAVE_AS}"


def _describe_non_zip(name: str, head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"<?xml", b"<html", b"<HTML", b"<table")):
        return f"“{name}”是 XML/HTML 表格（可能是另存为“XML 表格”或网页的文件），不是 .xlsx 工作簿。{_SAVE_AS}"
    if head.startswith(b"%PDF"):
        return f"“{name}”是 PDF 文件，不是 Excel 工作簿。"
    return f"“{name}”不是 Excel 工作簿（.xlsx）。如为 CSV 或文本文件，{_SAVE_AS}"


def _check_zip(p: Path) -> None:
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookError(f"“{p.name}”已损坏，无法作为压缩包（.xlsx）打开。{_SAVE_AS}") from None
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        raise WorkbookError(f"“{p.name}”是二进制工作簿（.xlsb），不支持。{_SAVE_AS}")
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookError(
            f"“{p.name}”是一个 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。"
            "请选择 .xlsx 名单文件。"
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookError(
            f"“{p.name}”解压后过大（{unpacked / 1024 / 1024:.0f} MB），超过 "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB 的上限，不予读取。"
        )
    sheets = [
        i for i in infos if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")
    ]
    if len(sheets) > MAX_SHEETS:
        raise WorkbookError(
            f"“{p.name}”有 {len(sheets)} 个工作表，超过 {MAX_SHEETS} 个的上限，不像是一份名单，不予读取。"
        )
    for info in sheets:
        if info.file_size > MAX_SHEET_BYTES:
            raise WorkbookError(
                f"“{p.name}”中有一个工作表解压后达 {info.file_size / 1024 / 1024:.0f} MB，超过 "
                f"{MAX_SHEET_BYTES // 1024 // 1024} MB 的上限（可能含有大量空白或空单元格），不予读取。"
                "请只保留名单所在的区域后再导入。"
            )
    for info in infos:
        if info.filename == "xl/sharedStrings.xml" and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise WorkbookError(
                f"“{p.name}”中的文字内容（共享字符串）解压后达 {info.file_size / 1024 / 1024:.0f} MB，"
                f"超过 {MAX_SHARED_STRINGS_BYTES // 1024 // 1024} MB 的上限，不予读取。"
            )


def open_workbook(path: str | os.PathLike[str], *, read_only: bool = True) -> Workbook:
    """Check the file, then open it with openpyxl's safe settings.

    read_only streams the sheets (large lists); keep_links=False ignores external
    links; formulas are kept as text (data_only=False) so they can be found and refused.
    """
    import openpyxl
    import openpyxl.xml

    check_workbook_file(path)
    # openpyxl parses with the standard library unless defusedxml is importable
    # (entity expansion, external entities); refuse rather than parse unsafely.
    if not openpyxl.xml.DEFUSEDXML:
        raise WorkbookError("缺少安全组件 defusedxml，为安全起见不读取工作簿。请重新安装 smedesk。")
    try:
        return openpyxl.load_workbook(
            path, read_only=read_only, data_only=False, keep_links=False, keep_vba=False
        )
    except WorkbookError:
        raise
    except Exception:  # openpyxl raises many kinds on malformed parts
        # The exception's own text is English and technical: the user gets the remedy.
        raise WorkbookError(
            f"“{Path(path).name}”的内容已损坏，无法解析为 Excel 工作簿。{_SAVE_AS}"
        ) from None


def is_formula_like(text: str) -> bool:
    """Whether Excel would read this typed text as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def put_text(cell: Cell | Any, text: str) -> None:
    """Store ``text`` so that Excel shows it and never evaluates it.

    openpyxl turns any str starting with "=" into a formula cell; forcing the data type
    back to "s" writes a plain string, and quotePrefix is Excel's own "typed with a
    leading apostrophe" flag, which keeps Excel from re-reading it as a formula on edit.
    """
    text = clean_text(text)  # older stored text may still hold characters XML cannot
    cell.value = text
    if text and is_formula_like(text):
        cell.data_type = "s"
        cell.quotePrefix = True
