"""Builders shared by the xlsx tests: valid rows for every list, and workbooks made by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from smedesk.forms.checks import uscc_check_character
from smedesk.forms.enums import Education, EmploymentType, Evaluation, TitleLevel
from smedesk.forms.lists import (
    EquipmentItem,
    Investor,
    SampledEnterprise,
    ServedEnterprise,
    ServiceContent,
    StaffMember,
)


def uscc(i: int) -> str:
    body = f"91210100{i:09d}"
    return body + uscc_check_character(body)


def rows_for(key: str, n: int = 5) -> list[Any]:
    """``n`` valid rows of list ``key``, with some optional cells left empty."""
    evals = list(Evaluation)
    if key == "served-enterprises":
        return [
            ServedEnterprise(
                name=f"沈阳第{i}科技有限公司（分公司）",
                uscc=uscc(i),
                contact="张三",
                phone="024-2345678" if i % 2 else "13800138000",
                service_content="政策咨询、融资对接",
                service_date=dt.date(2023, 1 + i % 12, 1 + i % 28),
                evaluation=evals[i % 3],
            )
            for i in range(n)
        ]
    if key == "equipment":
        return [
            EquipmentItem(
                name=f"三坐标测量机{i}",
                model_spec="CMM-800" if i % 2 else None,
                quantity=i + 1,
                price=12.5 + i,
                purchase_date=dt.date(2020, 5, 1) if i % 2 else None,
                purpose="与中小企业共享",
            )
            for i in range(n)
        ]
    if key == "staff":
        return [
            StaffMember(
                name=f"李{i}",
                position="服务部经理",
                education=list(Education)[i % 5],
                title="高级工程师" if i % 2 else None,
                title_level=list(TitleLevel)[i % 4],
                speciality="机械",
                employment=list(EmploymentType)[i % 2],
            )
            for i in range(n)
        ]
    if key == "investors":
        return [
            Investor(name=f"投资方{i}", nature="民营", ratio=round(100 / n, 2)) for i in range(n)
        ]
    if key == "services":
        return [
            ServiceContent(content=f"培训服务{i}", scale=100 * (i + 1), income_share=10.5)
            for i in range(n)
        ]
    if key == "sampled-enterprises":
        return [
            SampledEnterprise(
                name=f"抽样企业{i}",
                interviewee="王五",
                position="总经理" if i % 2 else None,
                phone="13900139000",
                service_content="技术咨询",
                evaluation=evals[i % 3],
            )
            for i in range(n)
        ]
    raise KeyError(key)


def served_headers() -> list[str]:
    from smedesk.export.xlsx.columns import columns_for

    return [c.header for c in columns_for(ServedEnterprise)]


def good_served_row(i: int) -> list[Any]:
    return [f"企业{i}", uscc(i), "张三", "13800138000", "咨询", dt.date(2023, 3, 1), "很满意"]


def write_rows(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
