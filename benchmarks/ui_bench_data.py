"""Shared by the UI benchmarks: an application report with N served enterprises, stored."""

from __future__ import annotations

import json
from typing import Any

from smedesk.forms import ApplicationReport
from smedesk.forms.checks import uscc_check_character
from smedesk.store import DocumentStore


def application(rows: int) -> dict[str, Any]:
    served = []
    for i in range(rows):
        first = f"91210100{i:09d}"
        served.append(
            {
                "name": f"沈阳市示范科技有限公司{i:04d}",
                "uscc": first + uscc_check_character(first),
                "contact": "张晓明",
                "phone": f"139{i:08d}",
                "service_content": "为企业提供技术咨询、检验检测与人才培训服务",
                "service_date": f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "evaluation": "very-satisfied" if i % 4 else "satisfied",
            }
        )
    doc = ApplicationReport.model_validate(
        {
            "kind": "application-report",
            "scheme": {"id": "miit-2017", "version": "2017"},
            "form": {"basic": {"applicant_name": "沈阳智汇企业服务有限公司", "employees": 48}},
            "served_enterprises": served,
        }
    )
    data: dict[str, Any] = json.loads(doc.model_dump_json())
    return data


def store_application(store: DocumentStore, rows: int) -> str:
    data = application(rows)
    return store.create(
        "application-report", "基准测试", data, scheme_id="miit-2017", scheme_version="2017",
        author="基准",
    )  # fmt: skip
