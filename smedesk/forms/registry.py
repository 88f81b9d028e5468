"""Every document kind by its code name; parsing JSON into the right model with clear errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from smedesk.errors import UserError
from smedesk.forms.application import ApplicationReport
from smedesk.forms.common import Document
from smedesk.forms.creation import CreationApplication
from smedesk.forms.jsonload import MAX_DOCUMENT_BYTES, JsonRefused, load_json_text
from smedesk.forms.keys import (
    strip_derived,
    unknown_fields,
    unknown_fields_message,
    unknown_paths,
)
from smedesk.forms.limits import TextTooLong, check_text_lengths
from smedesk.forms.opinion import ExpertOpinion, PanelOpinion
from smedesk.forms.recommendation import RecommendationForm, RecommendationSummary
from smedesk.forms.upgrades import FormatError, upgrade
from smedesk.forms.walk import join_path

DOCUMENT_KINDS: dict[str, type[Document]] = {
    cls.KIND: cls
    for cls in (
        ApplicationReport,
        CreationApplication,
        RecommendationForm,
        RecommendationSummary,
        ExpertOpinion,
        PanelOpinion,
    )
}


class DocumentError(UserError):
    """A document that cannot be read; ``message`` is a Chinese sentence for the user."""


class UnknownFieldsError(DocumentError):
    """A document holding fields this release does not declare; ``paths`` names them."""

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__(unknown_fields_message(paths))
        self.paths = list(paths)


def parse_document(data: object, *, owned: bool = False) -> Document:
    """Build the model named by ``data["kind"]``; every failure is a DocumentError.

    An older format is upgraded first; the derived fields a ``model_dump`` wrote are
    dropped (they are recomputed); any other key the model does not declare is refused
    with UnknownFieldsError (see :mod:`smedesk.forms.keys`). ``data`` is not changed,
    unless the caller says it is ``owned``: data just parsed from a file, which nobody else
    holds, is then worked on in place instead of copied first (a deep copy of a document
    with 1,000 served firms costs more than its validation).
    """
    model_type, work = _prepared(data, owned=owned)
    try:
        return model_type.model_validate(work)
    except ValidationError as exc:
        unknown = unknown_paths(exc)
        if unknown:
            raise UnknownFieldsError(unknown) from None
        raise DocumentError(describe_validation_error(exc)) from None
    except (RecursionError, MemoryError):
        raise DocumentError("文档结构过于复杂（嵌套过深或过大），无法读取。") from None


def editable_data(data: object) -> tuple[type[Document], dict[str, Any]]:
    """A stored document as this release edits it: its model and its data (a new dict).

    The data is upgraded to this release's format and its derived fields are dropped.
    Unlike :func:`parse_document`, values the model cannot read are kept (a draft may
    hold them; the editor reports them), but unknown fields raise UnknownFieldsError:
    the editor would save the document without them.
    """
    model_type, work = _prepared(data)
    unknown = unknown_fields(model_type, work)
    if unknown:
        raise UnknownFieldsError(unknown)
    return model_type, work


def _prepared(data: object, *, owned: bool = False) -> tuple[type[Document], dict[str, Any]]:
    """The model ``data`` names, and ``data`` upgraded, without derived fields (a copy of it
    unless ``owned``)."""
    if not isinstance(data, dict):
        found = type(data).__name__
        raise DocumentError(f"文件内容不是一个文档对象（JSON 顶层应为对象，实为 {found}）")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in DOCUMENT_KINDS:
        known = "、".join(DOCUMENT_KINDS)
        shown = repr(kind) if isinstance(kind, str) and len(kind) < 60 else "（不是类型名称）"
        raise DocumentError(f"未知的文档类型 {shown}；应为以下之一：{known}")
    if not isinstance(data.get("scheme"), dict):
        raise DocumentError("文档缺少 scheme（方案编号与版本），无法确定适用的规则")
    model_type = DOCUMENT_KINDS[kind]
    try:
        work = upgrade(data if owned else copy.deepcopy(data))
    except FormatError as exc:
        raise DocumentError(exc.message) from None
    except (RecursionError, MemoryError):
        raise DocumentError("文档结构过于复杂（嵌套过深或过大），无法读取。") from None
    try:
        check_text_lengths(model_type, work)
    except TextTooLong as exc:
        raise DocumentError(exc.message) from None
    return model_type, strip_derived(model_type, work)


def parse_document_json(text: str | bytes) -> Document:
    """Parse JSON text (UTF-8) into a document."""
    if len(text) > MAX_DOCUMENT_BYTES:
        limit = MAX_DOCUMENT_BYTES // 1024 // 1024
        raise DocumentError(f"文档过大，超过 {limit} MB 的上限，未读取。")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DocumentError("文件不是 UTF-8 文本，无法作为 JSON 文档读取") from None
    if not text.strip():
        raise DocumentError("文件为空")
    try:
        data = load_json_text(text)
    except JsonRefused as exc:
        raise DocumentError(exc.message) from None
    except json.JSONDecodeError as exc:
        raise DocumentError(f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列") from None
    return parse_document(data)


def describe_validation_error(exc: ValidationError, limit: int = 5) -> str:
    """Turn pydantic's errors into short Chinese lines naming the field path.

    Unknown fields come first and alone: the document is refused for them whatever
    else is wrong, and the message must say so rather than bury them in a list.
    """
    unknown = unknown_paths(exc)
    if unknown:
        return unknown_fields_message(unknown)
    lines = []
    for err in exc.errors()[:limit]:
        path = join_path(err["loc"]) or "（文档）"
        lines.append(f"{path}：{_explain(err)}")
    more = len(exc.errors()) - limit
    if more > 0:
        lines.append(f"……另有 {more} 处错误")
    return "文档内容有误：\n" + "\n".join(lines)


def _explain(err: Any) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    table = {
        "missing": "缺少此项",
        "greater_than_equal": f"不能小于 {ctx.get('ge')}",
        "less_than_equal": f"不能大于 {ctx.get('le')}",
        "int_parsing": "应为整数",
        "int_from_float": "应为整数",
        "float_parsing": "应为数字",
        "bool_parsing": "应为 是/否",
        "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
        "date_parsing": "日期格式应为 YYYY-MM-DD",
        "enum": "不是可选的值之一",
        "literal_error": "取值不正确",
        "list_type": "应为列表",
        "model_type": "应为对象",
        "string_type": "应为文字",
        "finite_number": "应为有限数字",
        "int_type": "应为整数",
        "float_type": "应为数字",
        "bool_type": "应为 是/否",
        "date_type": "应为日期（YYYY-MM-DD）",
        "datetime_parsing": "日期时间格式不正确",
        "datetime_type": "应为日期时间",
        "dict_type": "应为对象",
        "extra_forbidden": "不认识的项（本程序的文档中没有这一项）",
        "string_too_long": "文字过长",
        "too_long": "项数过多",
        "string_pattern_mismatch": "格式不正确",
    }
    # pydantic's own wording is English: never shown, whatever the error type.
    return table.get(kind, "取值不正确")


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one document kind."""
    return DOCUMENT_KINDS[kind].model_json_schema(mode="serialization")
