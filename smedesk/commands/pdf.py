"""``smedesk export pdf FILE -o OUT.pdf``: the sealed-ready PDF of one document, headless.

Attachments are given as ``--attach MATERIAL_ID=PATH`` (repeatable) and are bound in the
order of the scheme's materials checklist. Exit 0 when written; 2 with a Chinese
message when the document, an attachment or the output path cannot be used — and then
no output file is left behind.
"""

from __future__ import annotations

import argparse
import sys
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
        help="附件材料（PDF 或图片），可重复，如 --attach licence=营业执照.pdf；"
        "材料编号见本帮助末尾",
    )
    parser.add_argument("--cross-seal", action="store_true", help="在页边标出骑缝章位置")
    parser.add_argument(
        "--no-guides",
        dest="guides",
        action="store_false",
        help="不打印盖章位置的虚线圆圈等辅助标记（默认打印，且从不压住文字）",
    )
    parser.add_argument(
        "--version-label", metavar="版本", help="页脚所示版本（默认：方案与版本号）"
    )
    parser.add_argument(
        "--no-draft-mark",
        dest="draft_mark",
        action="store_false",
        help="自查仍有不符合项时，不在每页页眉标注“草稿”（默认标注并给出警告）",
    )
    parser.set_defaults(func=run)
    _list_materials_in_help(parser)


def _list_materials_in_help(parser: Any) -> None:
    """``--help`` ends with the material ids of every scheme (read only when asked)."""
    plain = parser.format_help

    def format_help() -> str:
        parser.epilog = materials_help()
        return str(plain())

    parser.format_help = format_help


def materials_help() -> str:
    from smedesk.schemes import available_schemes, load_scheme

    lines = ["--attach 可用的材料编号（按文档所用方案）："]
    for info in available_schemes():
        try:
            scheme = load_scheme(info.id)
        except Exception:  # a broken scheme file must not break --help
            continue
        ids = [m.id for m in scheme.materials if not m.generated]
        if ids:
            lines.append(f"  {scheme.id}：" + "、".join(ids))
    return "\n".join(lines)


def _shortfalls(doc: Any, attachments: list[Any]) -> int:
    """How many «不符合» the self-check finds, the given files counting as attached."""
    import hashlib

    from smedesk.schemes import Outcome, evaluate, load_scheme

    try:
        scheme = load_scheme(doc.scheme.id)
        if doc.kind not in scheme.applies_to:
            return 0
    except Exception:  # no scheme to check against: nothing to warn about
        return 0
    stored = {(a.material_id, hashlib.sha256(a.content).hexdigest()) for a in attachments}
    findings = evaluate(doc, scheme, stored=stored)
    return sum(1 for f in findings if f.outcome is Outcome.NOT_MET)


def _check_materials(doc: Any, attachments: list[Any]) -> None:
    """Refuse a material id the document's scheme does not list, naming the valid ones."""
    from smedesk.cli import UsageError
    from smedesk.export.pdf.scheme import scheme_view

    view = scheme_view(doc)
    if not view.materials:
        return  # the scheme could not be read: nothing to check against
    valid = [m for m in view.materials if not m.generated]
    known = {m.id for m in valid}
    for att in attachments:
        if att.material_id not in known:
            listed = "；".join(f"{m.id}（{m.label}）" for m in valid)
            raise UsageError(
                f"材料编号“{att.material_id}”不在本文档方案（{doc.scheme.id}）的材料清单中。"
                f"可用的材料编号：{listed}"
            )


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
    from smedesk.export.pdf import AttachmentError, draft_note, export_pdf
    from smedesk.safe_write import check_output_path

    if args.copies < 1 or args.copies > 99:
        raise UsageError("份数应在 1 到 99 之间")
    inputs = [args.file, *(spec.partition("=")[2].strip() for spec in args.attach)]
    out = check_output_path(args.output, inputs=[p for p in inputs if p])
    doc = read_document(args.file)
    attachments = _attachments(args.attach)
    _check_materials(doc, attachments)
    not_met = _shortfalls(doc, attachments)
    if not_met:
        print(
            f"警告：自查尚有 {not_met} 项不符合（可用 smedesk check 查看）。"
            + ("PDF 每页页眉标注“草稿”。" if args.draft_mark else ""),
            file=sys.stderr,
        )
    try:
        result = export_pdf(
            doc,
            out,
            attachments=attachments,
            copies=args.copies,
            cross_seal=args.cross_seal,
            guides=args.guides,
            draft=draft_note(not_met) if args.draft_mark else "",
            version=args.version_label,
        )
    except AttachmentError as exc:
        raise UsageError(exc.message) from None
    copies = f"，共 {result.copies} 份" if result.copies > 1 else ""
    print(f"已导出 {result.path}：每份 {result.pages} 页{copies}")
    print(result.footer)
    return 0
