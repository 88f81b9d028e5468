"""Deciding what an import does to the rows already in a list: never erase them unasked.

An import of a workbook without data rows is refused (it would empty the list). When the
list already holds rows the caller must choose: replace them, append after them, or cancel;
the CLI asks for ``--replace`` / ``--append`` and the editor asks a question showing both
counts. This module holds the decision and the merge, shared by both.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from smedesk.errors import UserError
from smedesk.forms.lists import LIST_KINDS


class ImportRefused(UserError):
    """The import would erase work or cannot be merged; nothing was changed."""


class ImportMode(enum.Enum):
    REPLACE = "replace"
    APPEND = "append"


def refuse_empty(key: str, rows: Sequence[Any], existing: int) -> None:
    """:class:`ImportRefused` when the workbook held no data rows."""
    if rows:
        return
    kept = f"文档中原有的 {existing} 行保持不变。" if existing else "文档未被改动。"
    title = LIST_KINDS[key].title if key in LIST_KINDS else key
    raise ImportRefused(
        f"工作簿中没有“{title}”的数据行（只有表头），导入 0 行会清空名单，已拒绝。{kept}"
    )


def needs_choice(existing: int) -> bool:
    """Whether the user must choose replace / append / cancel before importing."""
    return existing > 0


def choice_question(key: str, existing: int, imported: int) -> str:
    """The question the editor asks (and the CLI's refusal names) in one Chinese sentence."""
    title = LIST_KINDS[key].title if key in LIST_KINDS else key
    return (
        f"“{title}”中已有 {existing} 行。工作簿中有 {imported} 行：替换将删除原有的 {existing} 行，"
        f"追加将把 {imported} 行加在原有行之后。"
    )


def merged_rows(
    key: str, existing: Sequence[dict[str, Any]], imported: Sequence[BaseModel], mode: ImportMode
) -> list[dict[str, Any]]:
    """The list's new rows (JSON objects) after an import in ``mode``.

    Appending keeps the list's unique columns unique: a row whose key already exists is
    refused, naming the value, so the user does not get the same firm twice.
    """
    new = [json.loads(row.model_dump_json()) for row in imported]
    if mode is ImportMode.REPLACE:
        return new
    unique = LIST_KINDS[key].unique if key in LIST_KINDS else ()
    for column in unique:
        seen = {str(r.get(column)) for r in existing if r.get(column) not in (None, "")}
        for row in new:
            value = row.get(column)
            if value not in (None, "") and str(value) in seen:
                raise ImportRefused(
                    f"追加失败：“{value}”已在名单中，追加会出现重复行。未导入任何数据；"
                    "可改为替换，或先从工作簿中删除重复的行。"
                )
    return [*(dict(r) for r in existing), *new]
