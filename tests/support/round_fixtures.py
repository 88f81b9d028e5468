"""Applications for round tests: the demo report under other names, codes and served lists."""

from __future__ import annotations

import copy
import uuid
from functools import cache
from typing import Any

from smedesk.demo.reports import shenyang_information_platform
from smedesk.store import DocumentStore


@cache
def _base() -> dict[str, Any]:
    return shenyang_information_platform().model_dump(mode="json")


def firm(i: int) -> dict[str, Any]:
    """A served firm with a distinct, well-formed-looking 统一社会信用代码."""
    base = _base()["served_enterprises"][i % len(_base()["served_enterprises"])]
    return dict(base, name=f"测试企业{i:05d}有限公司", uscc=f"91210100MA{i:07d}X")


def application(name: str, uscc: str, served: range | list[int], *, city: str = "沈阳市",
                functions: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    data = copy.deepcopy(_base())
    data["doc_id"] = str(uuid.uuid4())
    data["form"]["basic"]["applicant_name"] = name
    data["form"]["basic"]["uscc"] = uscc
    data["region"]["city"] = city
    data["served_enterprises"] = [firm(i) for i in served]
    if functions is not None:
        data["functions"]["claimed"] = functions
    return data


def store_application(store: DocumentStore, data: dict[str, Any]) -> str:
    return store.create("application-report", data["form"]["basic"]["applicant_name"], data,
                        scheme_id="miit-2019-call", scheme_version="2019.1",
                        author="申报单位")  # fmt: skip
