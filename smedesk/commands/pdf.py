"""``smedesk export pdf FILE -o OUT.pdf``: the sealed-ready PDF of one document, headless.

Attachments are given as ``--attach MATERIAL_ID=PATH`` (repeatable) and are bound in the
order of the scheme's materials checklist. Exit 0 when written; 2 with a Chinese
message when the document, an attachment or the output path cannot be used — and then
no output file is left behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smedesk.commands._groups import export_group


def register(subparsers: Any) -> None:
    parser = export_group(subparsers).add_parser(
        "pdf",
        help="导出可打印盖章的 PDF（含页码、指纹、二维码与附件材料）",
        description="把文档 JSON 导出为 A4 PDF：逐页“第 N 页 共 M 页”、文档编号与数据指纹、"
        "二维码、盖章与签字位置；附件材料按方案清单顺序装订在后。",
    )
    parser.add_argument("file", metavar="文件", help="文档 JSON 文件")
    parser.add_argument("-o", "--output", required=True, metavar="输出", help="输出的 PDF 文件")
    parser.add_argument(
        "--copies", type=int, default=1, metavar="N", help="份数：每份封面标“第 k 份 共 N 份”"
    )
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="材料编号=路径",
        help="附件材料（PDF 或图片），可重复，如 --attach licence=营业执照.pdf",
    )
    parser.add_argument("--cross-seal", action="store_true", help="在页边标出骑缝章位置")
    parser.add_argument(
        "--version-label", metavar="版本", help="页脚所示版本（默认：方案与版本号）"
    )
    parser.set_defaults(func=run)


def _attachments(specs: list[str]) -> list[Any]:
    from smedesk.cli import UsageError
    from smedesk.export.pdf import Attachment
    from smedesk.export.pdf.attachments import MAX_ATTACHMENT_BYTES
    from smedesk.safe_read import read_input

    out = []
    for spec in specs:
        material, sep, path = spec.partition("=")
        if not sep or not material.strip() or not path.strip():
            raise UsageError(f"附件参数应为 材料编号=路径，实为：{spec}")
        file = Path(path.strip())
        content = read_input(file, limit=MAX_ATTACHMENT_BYTES, what="附件")
        out.append(Attachment(material.strip(), file.name, content))
    return out


def run(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.commands.check import read_document
    from smedesk.export.pdf import AttachmentError, export_pdf
    from smedesk.safe_write import check_output_path

    if args.copies < 1 or args.copies > 99:
        raise UsageError("份数应在 1 到 99 之间")
    inputs = [args.file, *(spec.partition("=")[2].strip() for spec in args.attach)]
    out = check_output_path(args.output, inputs=[p for p in inputs if p])
    doc = read_document(args.file)
    attachments = _attachments(args.attach)
    try:
        result = export_pdf(
            doc,
            out,
            attachments=attachments,
            copies=args.copies,
            cross_seal=args.cross_seal,
            version=args.version_label,
        )
    except AttachmentError as exc:
        raise UsageError(exc.message) from None
    copies = f"，共 {result.copies} 份" if result.copies > 1 else ""
    print(f"已导出 {result.path}：每份 {result.pages} 页{copies}")
    print(result.footer)
    return 0
