"""Fuzzing the two parsers of untrusted files: document JSON and the workbook reader.

At least 1,000 generated inputs each (hypothesis, no shrinking deadline). The only
acceptable outcomes: a parsed document / imported rows, or a :class:`UserError` whose
message is Chinese and leaks no English internals. Anything else is a bug.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smedesk.errors import UserError

from support import hostile

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LEAK = re.compile(r"Traceback|Error\b|Exception|invalid literal|Invalid|could not|object has no")

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["application-report", "miit-2017", "2017", "", "很满意", "2024-13-45"]),
)
json_value = st.recursive(
    json_leaf,
    lambda kids: st.one_of(
        st.lists(kids, max_size=5), st.dictionaries(st.text(max_size=12), kids, max_size=5)
    ),
    max_leaves=30,
)


def demo_documents() -> list[dict[str, Any]]:
    from smedesk.demo import build_demo_set

    return [json.loads(doc.model_dump_json()) for doc in build_demo_set().values()]


DEMOS = demo_documents()


def paths_of(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths_of(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            out += paths_of(v, (*prefix, i))
    return out


@st.composite
def mutated_document(draw: st.DrawFn) -> str:
    """A demo document with one to three values replaced by arbitrary JSON."""
    doc = json.loads(json.dumps(draw(st.sampled_from(DEMOS))))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in paths_of(doc) if p]
        path = draw(st.sampled_from(paths))
        node = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = draw(json_value)
    return json.dumps(doc, ensure_ascii=False)


def clean_outcome(call: Any) -> None:
    try:
        call()
    except UserError as exc:
        assert exc.message and re.search(r"[\u4e00-\u9fff]", exc.message), exc.message
        assert not LEAK.search(exc.message), exc.message


@FUZZ
@given(st.one_of(mutated_document(), json_value.map(json.dumps), st.text(max_size=200)))
def test_document_parsing_refuses_cleanly(text: str) -> None:
    from smedesk.forms import parse_document_json

    clean_outcome(lambda: parse_document_json(text))


@FUZZ
@given(st.binary(max_size=300))
def test_document_bytes_refuse_cleanly(data: bytes) -> None:
    from smedesk.forms import parse_document_json

    clean_outcome(lambda: parse_document_json(data))


BASE_BOOK = hostile.staff_workbook(4)
BASE_SHEET = hostile.sheet_xml(BASE_BOOK)
PARTS = zipfile.ZipFile(io.BytesIO(BASE_BOOK)).namelist()


@st.composite
def mutated_workbook(draw: st.DrawFn) -> bytes:
    """The staff list with its sheet XML or another part mangled."""
    choice = draw(st.integers(0, 3))
    if choice == 0:  # flip bytes of the sheet
        sheet = bytearray(BASE_SHEET)
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(sheet) - 1))
            sheet[i] = draw(st.integers(0, 255))
        return hostile.rewrite_parts(BASE_BOOK, {"xl/worksheets/sheet1.xml": bytes(sheet)})
    if choice == 1:  # cut the sheet or another part short
        part = draw(st.sampled_from(PARTS))
        data = zipfile.ZipFile(io.BytesIO(BASE_BOOK)).read(part)
        return hostile.rewrite_parts(BASE_BOOK, {part: data[: draw(st.integers(0, len(data)))]})
    if choice == 2:  # a cell of row 3 with an arbitrary type and value
        kind = draw(st.sampled_from([b"n", b"s", b"b", b"d", b"e", b"str", b"inlineStr", b"x"]))
        value = draw(st.text(alphabet="0123456789-.eE:TZabc ", max_size=12)).encode()
        return hostile.lying_cell(kind, value)
    ref = draw(st.from_regex(r"[A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7}", fullmatch=True))
    merge = b'<mergeCells count="1"><mergeCell ref="' + ref.encode() + b'"/></mergeCells>'
    sheet = BASE_SHEET.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
    return hostile.rewrite_parts(BASE_BOOK, {"xl/worksheets/sheet1.xml": sheet})


@FUZZ
@given(mutated_workbook())
def test_workbook_reader_refuses_cleanly(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    from smedesk.export.xlsx.importer import import_list

    book = Path(tmp_path_factory.mktemp("fuzz")) / "staff.xlsx"
    book.write_bytes(data)
    clean_outcome(lambda: import_list(book, "staff"))
