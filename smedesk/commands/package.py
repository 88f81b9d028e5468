"""``smedesk pack`` / ``verify`` / ``unpack`` / ``keys``: exchange packages on the command line.

Exit codes of ``verify`` and ``unpack``: 0 intact (and validly signed where signed), 1 altered
or invalid (a hash, a signature or a pinned key does not match), 2 unreadable (not a package,
a refused name, over a limit, an unknown format version) — each with its reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_ALTERED = 1
EXIT_UNREADABLE = 2

_PACKAGE_KIND = {
    "application-report": "application",
    "creation-application": "application",
    "expert-opinion": "opinion",
}


def register(subparsers: Any) -> None:
    pack = subparsers.add_parser(
        "pack",
        help="把文档 JSON 与附件打包为 .smedesk 交换包（含清单与校验值，可签名）",
        description="打包：文档 JSON、附件与（可选）生成的 PDF，清单记录每个成员的大小与 SHA-256。",
    )
    pack.add_argument("file", metavar="文档", help="文档 JSON 文件")
    pack.add_argument(
        "attachments", nargs="*", metavar="附件", help="附件文件，可写作 材料编号=路径"
    )
    pack.add_argument("-o", "--output", required=True, metavar="输出", help="输出的 .smedesk 文件")
    pack.add_argument("--creator", default="", metavar="名称", help="制作者（单位或姓名）")
    pack.add_argument("--pdf", action="store_true", help="同时生成并放入文档的 PDF")
    pack.add_argument("--sign", metavar="姓名", help="用本机此人的密钥签名（首次使用时生成密钥）")
    pack.set_defaults(func=run_pack)

    verify = subparsers.add_parser(
        "verify",
        help="校验交换包：完整、未被改动、签名有效（退出码 0 完好 · 1 被改动或签名无效 · 2 无法读取）",
    )
    verify.add_argument("package", metavar="包", help=".smedesk 文件")
    verify.set_defaults(func=run_verify)

    unpack = subparsers.add_parser("unpack", help="校验并解开交换包到一个新的（或空的）文件夹")
    unpack.add_argument("package", metavar="包", help=".smedesk 文件")
    unpack.add_argument("-o", "--output", required=True, metavar="文件夹", help="目标文件夹")
    unpack.set_defaults(func=run_unpack)

    keys = subparsers.add_parser("keys", help="显示（首次则生成）本机专家签名密钥及其指纹")
    keys.add_argument("--name", required=True, metavar="姓名", help="专家姓名")
    keys.set_defaults(func=run_keys)


def run_pack(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.commands.check import read_document
    from smedesk.export.package import Creator, PackageBuilder
    from smedesk.export.package.manifest import SchemeStamp

    out = Path(args.output)
    if out.is_dir() or not out.parent.exists():
        raise UsageError(f"输出路径应为一个文件，且其所在文件夹须已存在：{out}")
    doc = read_document(args.file)
    kind = _PACKAGE_KIND.get(doc.kind)
    if kind is None:
        raise UsageError(f"{doc.TITLE}暂不能单独打包；可打包申请报告、创建申请书或专家评审意见表")
    role = "expert" if kind == "opinion" else "applicant"
    if kind == "opinion" and not args.sign:
        raise UsageError("意见包须由专家签名：请加上 --sign 姓名")
    identity = _identity(args.sign) if args.sign else None
    creator = identity.name if identity else (args.creator.strip() or "未署名")
    builder = PackageBuilder(
        kind,  # type: ignore[arg-type]
        Creator(role=role, name=creator),
        SchemeStamp(id=doc.scheme.id, version=doc.scheme.version),
    )
    raw = Path(args.file).read_bytes()
    data = json.loads(raw.decode("utf-8-sig"))  # already checked by read_document
    builder.add_document(data, raw, purpose=kind, title=doc.display_title())
    for n, spec in enumerate(args.attachments, start=1):
        material, sep, path = spec.partition("=")
        source = Path(path if sep else spec)
        if not source.is_file():
            raise UsageError(f"找不到附件文件：{source}")
        suffix = (
            source.suffix.lower() if source.suffix.isascii() and len(source.suffix) <= 9 else ""
        )
        builder.add_file(
            f"attachments/{doc.doc_id}/{n:06d}{suffix}",
            source,
            "attachment",
            document=doc.doc_id,
            material_id=material.strip() if sep else "other",
            filename=source.name,
        )
    sign = None
    if identity is not None:
        from smedesk.export.signing import make_signer

        sign = make_signer(identity)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="smedesk-pack-") as tmp:
        if args.pdf:
            from smedesk.export.pdf import export_pdf

            pdf = Path(tmp) / "doc.pdf"
            export_pdf(doc, pdf)
            builder.add_file(f"pdf/{doc.doc_id}.pdf", pdf, "pdf", document=doc.doc_id)
        manifest = builder.write(out, sign=sign)
    signed = f"，已由「{creator}」签名" if sign else "，未签名"
    print(f"已打包 {out}：{len(manifest.members)} 个成员{signed}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from smedesk.export.package import PackageTampered, PackageUnreadable, open_package

    try:
        package = open_package(args.package)
        lines = _check_signatures(package)
    except PackageUnreadable as exc:
        print(f"无法读取：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    except PackageTampered as exc:
        print(f"校验失败：{exc.message}", file=sys.stderr)
        return EXIT_ALTERED
    from smedesk.export.package.manifest import ROLE_LABELS

    m = package.manifest
    print(f"{m.label}完好：{len(m.members)} 个成员的大小与 SHA-256 均与清单一致")
    print(
        f"制作者：{m.creator.name}（{ROLE_LABELS[m.creator.role]}），{m.created_at:%Y-%m-%d %H:%M}，方案 {m.scheme.id}@{m.scheme.version}"
    )
    for line in lines:
        print(line)
    return 0


def _check_signatures(package: Any) -> list[str]:
    """Signature lines for a valid package; raises PackageTampered for an invalid one."""
    from smedesk.exchange.signing import signed_pdf_matches
    from smedesk.export.package import PackageTampered
    from smedesk.export.signing import TrustState, verify_manifest_signature
    from smedesk.export.signing.pdf import verify_pdf

    m = package.manifest
    if not package.signed:
        if m.kind == "opinion":
            raise PackageTampered("意见包未签名，无法确认其来源")
        return ["未签名"]
    check = verify_manifest_signature(
        package.manifest_bytes, package.signature_bytes, m.creator.name, pin=False
    )
    if not check.valid:
        raise PackageTampered(check.reason)
    if check.trust is TrustState.CHANGED:
        raise PackageTampered(check.reason)
    lines = [f"签名：{check.signer}，指纹 {check.fingerprint}，{check.reason}"]
    sheets = {d.doc_id: d for d in m.documents}
    for member in m.members:
        if member.type != "pdf" or m.kind != "opinion":
            continue
        pdf_bytes = package.read(member.path)
        pdf = verify_pdf(pdf_bytes)
        entry = sheets.get(member.document or "")
        sheet = _sheet(package, entry) if entry is not None else None
        if not pdf.ok:
            why = pdf.reason
        elif pdf.key_fingerprint != check.fingerprint:
            why = "PDF 签名的密钥与意见包签名者不一致"
        elif sheet is None or not signed_pdf_matches(pdf_bytes, sheet):
            why = "PDF 不是由包中这份意见表生成的（内容指纹不符）"
        else:
            why = ""
        if why:
            raise PackageTampered(
                f"「{member.path}」的 PDF 签名未通过校验：{why}", member=member.path
            )
        lines.append(
            f"PDF 签名：{member.path}，{pdf.signer}，签名完好，文件签名后未被改动；"
            "签名证书由专家本人签发，与意见包签名者的密钥一致"
        )
    return lines


def _sheet(package: Any, entry: Any) -> Any:
    """The opinion sheet of a manifest entry, or None when it does not parse as one."""
    from smedesk.forms import DocumentError, parse_document
    from smedesk.forms.opinion import ExpertOpinion

    try:
        doc = parse_document(package.document_data(entry))
    except DocumentError:
        return None
    return doc if isinstance(doc, ExpertOpinion) else None


def run_unpack(args: argparse.Namespace) -> int:
    from smedesk.export.package import (
        PackageError,
        PackageTampered,
        PackageUnreadable,
        extract_package,
    )

    try:
        package = extract_package(args.package, args.output)
    except PackageTampered as exc:
        print(f"校验失败，未解开任何文件：{exc.message}", file=sys.stderr)
        return EXIT_ALTERED
    except (PackageUnreadable, PackageError) as exc:
        print(f"无法解开：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"已解开到 {args.output}：{len(package.manifest.members)} 个成员，校验值均一致")
    if package.signed:
        print("包带有签名；请用 smedesk verify 校验签名")
    return 0


def run_keys(args: argparse.Namespace) -> int:
    from smedesk.export.signing import keys_dir

    identity = _identity(args.name)
    print(f"专家：{identity.name}")
    print(f"密钥指纹：{identity.fingerprint}")
    print(f"密钥位置：{keys_dir()}")
    return 0


def _identity(name: str) -> Any:
    from smedesk.cli import UsageError
    from smedesk.export.signing import SigningError, load_or_create_identity

    try:
        return load_or_create_identity(name)
    except SigningError as exc:
        raise UsageError(exc.message) from None
