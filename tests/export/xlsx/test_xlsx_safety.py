"""Formula injection: text that could run is written as text, and reads back as text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from smedesk.demo import build_demo_set
from smedesk.export.xlsx import write_list, write_summary
from smedesk.export.xlsx.safety import put_text

from support.xlsx_helpers import rows_for

DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://evil","点我")',
    "+86 138",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_put_text_writes_a_string_cell(tmp_path: Path, text: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    put_text(ws["A1"], text)
    path = tmp_path / "x.xlsx"
    wb.save(path)
    cell = openpyxl.load_workbook(path).active["A1"]  # type: ignore[index]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    streamed = next(openpyxl.load_workbook(path, read_only=True).active.iter_rows())[0]  # type: ignore[union-attr]
    assert streamed.data_type == "s"


def test_list_export_never_writes_a_formula(tmp_path: Path) -> None:
    rows = rows_for("served-enterprises", len(DANGEROUS))
    rows = [
        r.model_copy(update={"name": t, "contact": t}) for r, t in zip(rows, DANGEROUS, strict=True)
    ]
    path = tmp_path / "l.xlsx"
    write_list("served-enterprises", rows, path)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    for r, text in enumerate(DANGEROUS, start=2):
        for col in ("A", "C"):
            assert ws[f"{col}{r}"].value == text and ws[f"{col}{r}"].data_type == "s"


def test_summary_cells_never_hold_formulas(tmp_path: Path) -> None:
    doc = build_demo_set()["recommendation-summary-2019-liaoning.json"]
    first = doc.rows[0].model_copy(update={"platform_name": '=WEBSERVICE("x")', "statement": "@x"})  # type: ignore[attr-defined]
    doc = doc.model_copy(update={"rows": [first], "authority_name": "=1"})
    path = tmp_path / "s.xlsx"
    write_summary(doc, path)  # type: ignore[arg-type]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["B4"].value == '=WEBSERVICE("x")'
