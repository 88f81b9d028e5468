"""Cell normalisation and rule lines, column by column."""

from __future__ import annotations

import datetime as dt

import pytest

from smedesk.export.xlsx.columns import columns_for, header_key
from smedesk.forms.enums import Evaluation
from smedesk.forms.fields import field_specs
from smedesk.forms.lists import LIST_KINDS, EquipmentItem, Investor, ServedEnterprise

SERVED = {c.name: c for c in columns_for(ServedEnterprise)}
EQUIP = {c.name: c for c in columns_for(EquipmentItem)}


@pytest.mark.parametrize("key", list(LIST_KINDS))
def test_headers_and_rules_come_from_the_declarations(key: str) -> None:
    model = LIST_KINDS[key].row_model
    cols = columns_for(model)
    specs = field_specs(model, include_derived=False)
    assert [c.header for c in cols] == [s.header for s in specs]
    for col in cols:
        assert col.rule.startswith("必填" if col.spec.required else "选填")
        if col.spec.help:
            assert col.spec.help in col.rule
        for label in col.choice_labels:
            assert label in col.rule


def test_rule_mentions_limits_and_units() -> None:
    ratio = {c.name: c for c in columns_for(Investor)}["ratio"]
    assert ratio.header == "投资比例（%）"
    assert "0～100" in ratio.rule


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(3, 3), (3.0, 3), ("3", 3), ("３", 3), (" 1,200 ", 1200), ("１２\u3000", 12), (None, None)],
)
def test_int_cells(raw: object, expected: int | None) -> None:
    assert EQUIP["quantity"].convert(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["三台", "2.5", 2.5, True])
def test_bad_int_cells(raw: object) -> None:
    value, message = EQUIP["quantity"].convert(raw)
    assert value is None and message is not None and "整数" in message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12.5", 12.5), ("１２．５", 12.5), (7, 7.0), (" 8 ", 8.0), ("3,000.5", 3000.5)],
)
def test_float_cells(raw: object, expected: float) -> None:
    assert EQUIP["price"].convert(raw) == (expected, None)


@pytest.mark.parametrize(
    "raw",
    [
        dt.datetime(2023, 5, 6),
        dt.date(2023, 5, 6),
        "2023-05-06",
        "2023/5/6",
        "2023.5.6",
        "2023年5月6日",
        "２０２３年５月６日",
        " 20230506 ",
        45052,  # Excel serial day of 2023-05-06
        45052.0,
    ],
)
def test_date_cells(raw: object) -> None:
    assert SERVED["service_date"].convert(raw) == (dt.date(2023, 5, 6), None)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("2023年13月1日", "日期不存在"), ("去年五月", "日期无法识别"), ("2023-05", "日期无法识别")],
)
def test_bad_date_cells(raw: str, fragment: str) -> None:
    value, message = SERVED["service_date"].convert(raw)
    assert value is None and message is not None and fragment in message


def test_codes_lose_spaces_and_full_width_forms() -> None:
    assert SERVED["uscc"].convert(" ９１２１ 0100ma0xyz12 ") == ("91210100MA0XYZ12", None)
    assert SERVED["phone"].convert(13800138000) == ("13800138000", None)
    assert SERVED["phone"].convert(13800138000.0) == ("13800138000", None)
    assert SERVED["phone"].convert("０２４－２３４５６７８") == ("024-2345678", None)


def test_text_keeps_full_width_brackets_but_loses_stray_spaces() -> None:
    assert SERVED["name"].convert("\u3000沈阳（分公司）有限公司 \u00a0") == (
        "沈阳（分公司）有限公司",
        None,
    )
    assert SERVED["name"].convert("   ") == (None, None)
    assert SERVED["name"].convert(12345.0) == ("12345", None)


def test_choices_by_label_or_code_with_spaces() -> None:
    convert = SERVED["evaluation"].convert
    assert convert("很满意") == (Evaluation.VERY_SATISFIED, None)
    assert convert(" 基本 满意 ") == (Evaluation.SATISFIED, None)
    assert convert("dissatisfied") == (Evaluation.DISSATISFIED, None)
    value, message = convert("满意")
    assert value is None and message == "“满意”不是可选的值，应为：很满意、基本满意、不满意"


def test_header_key_folds_width_spaces_and_breaks() -> None:
    assert header_key(" 数量\n（台(套)） ") == header_key("数量(台(套))")
