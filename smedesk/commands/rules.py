"""``smedesk rules --matrix [SCHEME]``: which rule checks each article of a scheme's seed.

The coverage matrix is built from the scheme files alone (:mod:`smedesk.schemes.coverage`):
every article stating a condition, the rules, materials, facts and relaxations citing it,
or why nothing can check it. ``--markdown`` prints the table that docs/rules-coverage.md
holds. Exit 0; 2 for an unknown scheme; 1 when a row is blank or a cited article has no row.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="列出方案的条款覆盖矩阵：每条规定条件的条款由哪条规则检查，或为何不能检查",
        description="按方案文件生成条款覆盖矩阵。退出码：0 完整；1 有空行或未列入矩阵的条款；2 输入有误。",
    )
    parser.add_argument(
        "scheme", nargs="?", metavar="方案", help="方案编号或方案文件；省略则列出全部内置方案"
    )
    parser.add_argument("--matrix", action="store_true", help="输出条款覆盖矩阵（默认即此）")
    parser.add_argument(
        "--markdown", action="store_true", help="以 Markdown 表格输出（docs 页面所用）"
    )
    parser.set_defaults(func=run)


def document_text() -> str:
    """The whole docs/rules-coverage.md: a heading, how to read it, one table per scheme."""
    from smedesk.schemes import load_scheme
    from smedesk.schemes.coverage import markdown
    from smedesk.schemes.loader import BUILTIN_IDS

    head = (
        "# 条款覆盖矩阵（coverage matrix）\n\n"
        "由 `smedesk rules --matrix --markdown` 从内置方案文件生成，请勿手改"
        "（测试会比对）。每一行是种子文件中规定条件的一条（项、目），"
        "右栏是检查它的规则（编号 · 结果类型 · 字段）、材料清单项、期限事项或放宽条件；"
        "无法由申请数据判断的，写明原因。继承的方案（如 miit-2019-call 继承 miit-2017）"
        "先列所继承的行。\n\n"
    )
    return head + "\n".join(markdown(load_scheme(sid)) for sid in BUILTIN_IDS)


def _plain(scheme: Any) -> str:
    from smedesk.schemes.coverage import matrix

    lines = [f"{scheme.id}  {scheme.document_title or scheme.title}"]
    for row in matrix(scheme):
        where = (
            row.article if row.document == scheme.document else f"《{row.document}》{row.article}"
        )
        lines.append(f"  {where}：{row.condition}")
        for item in row.items:
            field = f"  [{item.field}]" if item.field else ""
            lines.append(f"      {item.kind} {item.id} · {item.outcome}{field}")
        if row.not_checkable:
            lines.append(f"      不可自动检查：{row.not_checkable}")
        if row.blank:
            lines.append("      （空：没有检查也没有说明）")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from smedesk.schemes import load_scheme
    from smedesk.schemes.coverage import markdown, matrix, uncovered
    from smedesk.schemes.loader import BUILTIN_IDS

    ids = [args.scheme] if args.scheme else list(BUILTIN_IDS)
    schemes = [load_scheme(i) for i in ids]
    if args.markdown and not args.scheme:
        print(document_text(), end="")
    else:
        for scheme in schemes:
            print(markdown(scheme) if args.markdown else _plain(scheme))
    problems = []
    for scheme in schemes:
        problems += [
            f"{scheme.id}：{r.article} 没有检查也没有说明" for r in matrix(scheme) if r.blank
        ]
        problems += [
            f"{scheme.id}：《{doc}》{art} 被 {'、'.join(ids_)} 引用，但不在覆盖矩阵中"
            for doc, art, ids_ in uncovered(scheme)
        ]
    if problems:
        import sys

        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0
