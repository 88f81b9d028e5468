"""``smedesk check FILE``: the self-check of one document against a scheme, headless.

Exit 0 when nothing is 不符合, 1 when something is, 2 when the file or the scheme
cannot be used (the message says why).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smedesk.forms import Document
    from smedesk.schemes.findings import Finding

#: The order in which the groups are printed: what needs action first.
OUTCOME_ORDER = ("not-met", "relaxed", "judgement", "note", "met")
_MARKS = {"not-met": "✗", "relaxed": "△", "judgement": "?", "note": "☆", "met": "✓"}
_STAGES = {"creation": "创建", "recognition": "认定"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="按方案自查一份文档（JSON），列出符合与不符合的条件",
        description="读取文档 JSON，按其自身的方案（或 --scheme 指定的方案）逐条检查并引用条款。"
        "退出码：0 无不符合项，1 有不符合项，2 输入有误。",
    )
    parser.add_argument("file", metavar="文件", help="文档 JSON 文件")
    parser.add_argument("--scheme", metavar="方案", help="改按此方案检查，如 tibet；或方案文件路径")
    parser.add_argument(
        "--stage", choices=sorted(_STAGES), help="创建（creation）或认定（recognition）阶段的标准"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.set_defaults(func=run)


def read_document(path: str | Path) -> Document:
    """Read and parse a document file; every problem is a DocumentError with a reason."""
    from smedesk.forms import DocumentError, parse_document_json
    from smedesk.forms.jsonload import MAX_DOCUMENT_BYTES
    from smedesk.safe_read import read_input

    data = read_input(path, limit=MAX_DOCUMENT_BYTES, what="文档")
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{path} 不是文本文件（看起来是二进制文件），无法作为 JSON 文档读取")
    return parse_document_json(data)


def run(args: argparse.Namespace) -> int:
    from smedesk.schemes import load_scheme
    from smedesk.schemes.engine import evaluate

    doc = read_document(args.file)
    scheme_id = args.scheme or doc.scheme.id
    _ensure_known_scheme(scheme_id)
    scheme = load_scheme(scheme_id)
    _ensure_applicable(doc, scheme)
    from smedesk.forms.enums import Stage

    stage = Stage[args.stage.upper()] if args.stage else None
    findings: list[Finding] = list(evaluate(doc, scheme, stage=stage))
    shortfall = any(str(f.outcome) == "not-met" for f in findings)
    if args.json:
        print(json.dumps(_as_json(doc, scheme, args.stage, findings), ensure_ascii=False, indent=2))
    else:
        _print_text(doc, scheme, args.stage, findings)
    return 1 if shortfall else 0


def _ensure_known_scheme(scheme_id: str) -> None:
    """An unknown scheme id gets the list of the known ones, not a bare 'not found'."""
    from smedesk.cli import UsageError

    if Path(scheme_id).suffix.lower() == ".toml" or "/" in scheme_id or "\\" in scheme_id:
        return  # a path to a scheme file: load_scheme reports its own problems
    known = _available_ids()
    if known and scheme_id not in known:
        raise UsageError(f"未知的方案：{scheme_id}\n可用的方案：{'、'.join(known)}")


def _available_ids() -> list[str]:
    from smedesk.schemes import available_schemes

    return [info.id for info in available_schemes()]


def _ensure_applicable(doc: Document, scheme: Any) -> None:
    """A scheme for application reports cannot judge, say, a recommendation summary."""
    from smedesk.cli import UsageError

    kinds = _scheme_kinds(scheme)
    if kinds and doc.kind not in kinds:
        from smedesk.forms import DOCUMENT_KINDS

        wanted = "、".join(
            f"{DOCUMENT_KINDS[k].TITLE}（{k}）" for k in kinds if k in DOCUMENT_KINDS
        )
        raise UsageError(
            f"方案 {_scheme_id(scheme)} 不适用于{doc.TITLE}（{doc.kind}）；"
            f"该方案检查的文档类型：{wanted or '、'.join(kinds)}"
        )


def _scheme_kinds(scheme: Any) -> list[str]:
    for name in ("document_kinds", "kinds", "applies_to", "document_kind"):
        value = getattr(scheme, name, None)
        if isinstance(value, str):
            return [value]
        if value:
            return [str(v) for v in value]
    return []


def _scheme_id(scheme: Any) -> str:
    return str(getattr(scheme, "id", scheme))


def _scheme_version(scheme: Any) -> str:
    return str(getattr(scheme, "version", ""))


def _counts(findings: list[Finding]) -> dict[str, int]:
    counter = Counter(str(f.outcome) for f in findings)
    return {outcome: counter.get(outcome, 0) for outcome in OUTCOME_ORDER}


def _print_text(doc: Document, scheme: Any, stage: str | None, findings: list[Finding]) -> None:
    from smedesk.schemes.findings import Outcome

    title = getattr(scheme, "title", "") or ""
    print(f"文档：{doc.display_title()}（{doc.TITLE}）")
    version = _scheme_version(scheme)
    line = f"方案：{_scheme_id(scheme)} {version}".rstrip()
    if title:
        line += f"  {title}"
    if stage:
        line += f"  阶段：{_STAGES.get(stage, stage)}"
    print(line)
    if doc.scheme.id == _scheme_id(scheme) and version and doc.scheme.version != version:
        print(f"注意：文档按 {doc.scheme.id} {doc.scheme.version} 版编制，现按 {version} 版检查")
    counts = _counts(findings)
    print("结果：" + " · ".join(f"{Outcome(o).label} {counts[o]} 项" for o in OUTCOME_ORDER))
    main_doc = Counter(f.citation.document for f in findings).most_common(1)
    main_source = main_doc[0][0] if main_doc else ""
    if main_source:
        print(f"依据：《{main_source}》")
    for outcome in OUTCOME_ORDER:
        group = [f for f in findings if str(f.outcome) == outcome]
        if not group:
            continue
        print(f"\n{Outcome(outcome).label}（{len(group)}）")
        for f in group:
            cite = f.citation.article if f.citation.document == main_source else str(f.citation)
            extra = "（缺少数据）" if f.missing else ""
            where = f"  [{f.path}]" if f.path and outcome == "not-met" else ""
            print(f"  {_MARKS[outcome]} {cite}  {f.message}{extra}{where}")
    if not findings:
        print("\n该方案对此文档没有可检查的条件。")


def _as_json(
    doc: Document, scheme: Any, stage: str | None, findings: list[Finding]
) -> dict[str, Any]:
    from smedesk.schemes import findings_to_json

    return {
        "document": {"kind": doc.kind, "doc_id": doc.doc_id, "title": doc.display_title()},
        "scheme": {"id": _scheme_id(scheme), "version": _scheme_version(scheme)},
        "stage": stage,
        "shortfall": any(str(f.outcome) == "not-met" for f in findings),
        "counts": _counts(findings),
        "findings": findings_to_json(findings),  # the engine's one JSON shape of a finding
    }
