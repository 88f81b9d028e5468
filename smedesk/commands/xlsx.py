"""Excel commands: list templates, list import, list / summary / authority exports.

``smedesk template LIST -o FILE.xlsx`` · ``smedesk import LIST FILE.xlsx --into DOC.json`` ·
``smedesk export list LIST DOC.json -o OUT.xlsx`` · ``smedesk export summary DOC.json… -o OUT.xlsx``
· ``smedesk export authority DOC.json… -o OUT.xlsx``.

Exit codes: 0 done; 1 the workbook has bad rows (the report is printed, nothing written);
2 unreadable input. openpyxl and the forms are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smedesk.commands._groups import export_group

if TYPE_CHECKING:
    from smedesk.forms import Document


class _ListKeys:
    """argparse ``choices`` that imports the list registry only when a value is checked."""

    def _keys(self) -> list[str]:
        from smedesk.forms.lists import LIST_KINDS

        return list(LIST_KINDS)

    def __contains__(self, item: object) -> bool:
        return item in self._keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())


_LIST_HELP = "名单：served-enterprises（服务企业）、equipment（设备）、staff（人员）、investors（投资方）、services（服务内容）、sampled-enterprises（抽样企业）"


def register(subparsers: Any) -> None:
    keys = _ListKeys()
    p = subparsers.add_parser(
        "template",
        help="生成名单的 Excel 模板（表头、填写规则、下拉选项、示例行）",
        description="按字段定义生成名单模板：第 1 行表头，第 2 行填写规则，第 3 行为示例（导入时忽略）。",
    )
    p.add_argument("list_key", metavar="名单", choices=keys, help=_LIST_HELP)
    p.add_argument("-o", "--output", required=True, metavar="文件.xlsx", help="保存的模板文件")
    p.set_defaults(func=run_template)

    p = subparsers.add_parser(
        "import",
        help="从 Excel 导入名单到文档 JSON（全部校验通过才写入）",
        description="逐行校验后整体导入；有任何错误时不写入并列出错误。名单中已有行时须注明"
        " --replace（替换原有行）或 --append（追加在后）；没有数据行的工作簿不予导入。"
        "退出码：0 成功，1 有错误行，2 文件无法读取或被拒绝。",
    )
    p.add_argument("list_key", metavar="名单", choices=keys, help=_LIST_HELP)
    p.add_argument("workbook", metavar="文件.xlsx", help="名单工作簿")
    p.add_argument("--into", required=True, metavar="文档.json", help="写入的文档 JSON 文件")
    p.add_argument(
        "--annotated", metavar="副本.xlsx", help="有错误时，把标出错误单元格的副本保存到此文件"
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true", help="替换名单中原有的全部行")
    mode.add_argument("--append", action="store_true", help="把导入的行追加在原有行之后")
    p.set_defaults(func=run_import)

    group = export_group(subparsers)
    p = group.add_parser("list", help="把文档中的名单导出为 Excel", description="导出后可再导入。")
    p.add_argument("list_key", metavar="名单", choices=keys, help=_LIST_HELP)
    p.add_argument("document", metavar="文档.json")
    p.add_argument("-o", "--output", required=True, metavar="文件.xlsx")
    p.set_defaults(func=run_export_list)

    p = group.add_parser(
        "summary",
        help="导出推荐汇总表（Excel，按纸面格式，A4 横向）",
        description="给出一份推荐汇总表文档；或给出一轮的申请报告和推荐表，并用 --authority、--year "
        "注明推荐单位和年度，由申报材料生成汇总表（无来源的单元格留空，由推荐单位填写）。",
    )
    p.add_argument("documents", nargs="+", metavar="文档.json")
    p.add_argument("-o", "--output", required=True, metavar="文件.xlsx")
    p.add_argument("--authority", metavar="名称", help="省级中小企业主管部门或行业协会名称")
    p.add_argument("--year", type=int, metavar="年度", help="推荐年度，如 2019")
    p.set_defaults(func=run_export_summary)

    p = group.add_parser(
        "authority",
        help="导出推荐单位工作簿：规则核对矩阵、抽样测评、专家评审意见（不排名）",
        description="每个申报单位一行，按给出的顺序排列，不排名、不按得分排序。",
    )
    p.add_argument("documents", nargs="+", metavar="文档.json")
    p.add_argument("-o", "--output", required=True, metavar="文件.xlsx")
    p.set_defaults(func=run_export_authority)


def _output(path: str, inputs: list[str] | None = None) -> Path:
    from smedesk.cli import UsageError
    from smedesk.safe_write import check_output_path

    out = Path(path)
    if out.suffix.lower() != ".xlsx" and not out.is_dir():
        raise UsageError(f"输出文件应以 .xlsx 结尾：{out}")
    return check_output_path(out, inputs=inputs or [])


def _save(write: Callable[[Path], Any], out: Path) -> None:
    # Every workbook writer saves through smedesk.safe_write (temporary file, fsync,
    # rename), so a failed export leaves the previous file and no partial one.
    write(out)


def _workbook_error(exc: Exception) -> int:
    from smedesk.cli import UsageError

    raise UsageError(str(getattr(exc, "message", exc)))


def run_template(args: argparse.Namespace) -> int:
    from smedesk.export.xlsx.template import write_template

    out = _output(args.output)
    _save(lambda p: write_template(args.list_key, p), out)
    print(f"已生成模板：{out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from smedesk.commands.check import read_document
    from smedesk.export.xlsx.errors import ImportFailed, WorkbookError
    from smedesk.export.xlsx.importer import import_list
    from smedesk.export.xlsx.placement import import_into_file, place_of

    doc = read_document(args.into)  # a bad target is found before the workbook is read
    place_of(args.list_key, doc.kind)
    if args.annotated:
        _output(args.annotated, [args.workbook, args.into])
    try:
        result = import_list(args.workbook, args.list_key)
    except ImportFailed as exc:
        print(exc.message, file=sys.stderr)
        if args.annotated:
            from smedesk.export.xlsx.error_report import save_annotated_copy

            save_annotated_copy(args.workbook, args.annotated, exc.errors)
            print(f"已保存标出错误的副本：{args.annotated}", file=sys.stderr)
        return 1
    except WorkbookError as exc:
        return _workbook_error(exc)
    count = import_into_file(
        args.into, args.list_key, result.rows, replace=args.replace, append=args.append
    )
    print(
        f"已导入 {count} 行（工作表“{result.sheet}”，表头在第 {result.header_row} 行）到 {args.into}"
    )
    return 0


def _read_all(paths: list[str]) -> list[Document]:
    from smedesk.commands.check import read_document
    from smedesk.forms import DocumentError

    docs = []
    for path in paths:
        try:
            docs.append(read_document(path))
        except DocumentError as exc:
            raise DocumentError(f"{path}：{exc.message}") from None
    return docs


def run_export_list(args: argparse.Namespace) -> int:
    from smedesk.export.xlsx.lists_export import write_list
    from smedesk.export.xlsx.placement import place_of
    from smedesk.forms.walk import resolve

    (doc,) = _read_all([args.document])
    # the rows as the parsed document holds them (already validated models)
    rows = list(resolve(doc, ".".join(place_of(args.list_key, doc.kind))))
    out = _output(args.output, [args.document])
    _save(lambda p: write_list(args.list_key, rows, p), out)
    print(f"已导出 {len(rows)} 行：{out}")
    return 0


def run_export_summary(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.export.xlsx.summary import write_summary
    from smedesk.export.xlsx.summary_build import summary_from_documents
    from smedesk.forms import RecommendationSummary

    docs = _read_all(args.documents)
    out = _output(args.output, args.documents)
    summaries = [d for d in docs if isinstance(d, RecommendationSummary)]
    if summaries:
        if len(docs) != 1:
            raise UsageError("给出推荐汇总表文档时只能给一份，且不能与申请报告、推荐表混合")
        summary = summaries[0]
    else:
        if not args.authority or args.year is None:
            raise UsageError(
                "由申请报告和推荐表生成汇总表时，须用 --authority 给出推荐单位名称、--year 给出年度"
            )
        built = summary_from_documents(docs, authority=args.authority, year=args.year)
        if not built.summary.rows:
            raise UsageError("给出的文档中没有申请报告、创建申请书或推荐表，无法生成汇总表")
        summary = built.summary
        for line in built.blanks:
            print(f"提示：{line}", file=sys.stderr)
    _save(lambda p: write_summary(summary, p), out)
    print(f"已导出推荐汇总表（{len(summary.rows)} 行）：{out}")
    return 0


def run_export_authority(args: argparse.Namespace) -> int:
    from smedesk.export.xlsx.authority import write_authority_workbook

    docs = _read_all(args.documents)
    out = _output(args.output, args.documents)
    _save(lambda p: write_authority_workbook(docs, p), out)
    print(f"已导出推荐单位工作簿：{out}")
    return 0
