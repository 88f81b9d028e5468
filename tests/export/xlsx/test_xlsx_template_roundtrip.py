"""Templates from the declarations; export → import gives the same rows for every list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from smedesk.export.xlsx import import_list, write_list, write_template
from smedesk.export.xlsx.columns import columns_for
from smedesk.export.xlsx.template import EXAMPLE_MARK
from smedesk.forms.lists import LIST_KINDS

from support.xlsx_helpers import rows_for, uscc

KEYS = list(LIST_KINDS)


@pytest.mark.parametrize("key", KEYS)
def test_template_layout(key: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template(key, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    cols = columns_for(LIST_KINDS[key].row_model)
    assert [c.value for c in ws[1]] == [c.header for c in cols]
    assert [c.value for c in ws[2]] == [c.rule for c in cols]
    assert ws.freeze_panes == "A3"
    for cell, col in zip(ws[1], cols, strict=True):
        assert cell.comment is not None and cell.comment.text == col.rule
    lists = {
        str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    for i, col in enumerate(cols):
        letter = "ABCDEFGH"[i]
        if col.spec.kind == "choice":
            assert lists[letter] == '"' + ",".join(col.choice_labels) + '"'
    # The example row is there and is not imported.
    assert any(isinstance(c.value, str) and c.value.startswith(EXAMPLE_MARK) for c in ws[3])
    assert import_list(path, key).rows == []


def test_filled_template_imports(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template("served-enterprises", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.append(["沈阳甲公司", uscc(1), "张三", "13800138000", "咨询", dt.date(2023, 3, 1), "很满意"])
    ws.append(["沈阳乙公司", uscc(2), "李四", "024-2345678", "培训", "2023-04-02", "基本满意"])
    wb.save(path)
    result = import_list(path, "served-enterprises")
    assert [r.name for r in result.rows] == ["沈阳甲公司", "沈阳乙公司"]
    assert result.source_rows == [4, 5]
    assert result.rows[1].service_date == dt.date(2023, 4, 2)


def test_overwritten_example_row_is_data(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template("investors", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    for cell, value in zip(ws[3], ["某某集团", "国有", 60], strict=True):
        cell.value = value
    wb.save(path)
    assert [r.name for r in import_list(path, "investors").rows] == ["某某集团"]


@pytest.mark.parametrize("key", KEYS)
def test_export_then_import_gives_the_same_rows(key: str, tmp_path: Path) -> None:
    rows = rows_for(key, 9)
    path = tmp_path / "list.xlsx"
    assert write_list(key, rows, path) == 9
    assert import_list(path, key).rows == rows


def test_export_of_the_demo_lists_round_trips(tmp_path: Path) -> None:
    from smedesk.demo import build_demo_set

    docs = build_demo_set()
    report = docs["application-miit-2017-shenyang-info.json"]
    form = docs["recommendation-form-miit-2017-shenyang.json"]
    for key, rows in (
        ("served-enterprises", report.served_enterprises),  # type: ignore[attr-defined]
        ("equipment", report.equipment),  # type: ignore[attr-defined]
        ("staff", report.staff),  # type: ignore[attr-defined]
        ("investors", report.form.basic.investors),  # type: ignore[attr-defined]
        ("services", report.form.capability.services),  # type: ignore[attr-defined]
        ("sampled-enterprises", form.survey.sampled),  # type: ignore[attr-defined]
    ):
        path = tmp_path / f"{key}.xlsx"
        write_list(key, rows, path)
        assert import_list(path, key).rows == rows, key
