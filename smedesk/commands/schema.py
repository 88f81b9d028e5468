"""``smedesk schema [KIND]``: the document kinds, or the JSON Schema of one of them."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="列出文档类型，或输出某类文档的 JSON Schema",
        description="不带参数时列出全部文档类型及其中文名称；给出类型时输出其 JSON Schema。",
    )
    parser.add_argument("kind", nargs="?", metavar="类型", help="文档类型，如 application-report")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from smedesk.forms import DOCUMENT_KINDS, json_schema

    if args.kind is None:
        width = max(len(k) for k in DOCUMENT_KINDS)
        for kind, model in DOCUMENT_KINDS.items():
            print(f"{kind:<{width}}  {model.TITLE}")
        return 0
    if args.kind not in DOCUMENT_KINDS:
        known = "\n".join(f"  {k}  {m.TITLE}" for k, m in DOCUMENT_KINDS.items())
        print(f"未知的文档类型：{args.kind}\n可用的类型：\n{known}", file=sys.stderr)
        return 2
    print(json.dumps(json_schema(args.kind), ensure_ascii=False, indent=2))
    return 0
