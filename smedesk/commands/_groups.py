"""Sub-command groups shared by several command modules (``smedesk export …``).

Modules are registered in name order and any of them may come first, so each asks for
the group through :func:`export_group`, which creates the ``export`` parser once and
hands every later caller the same sub-parsers object.
"""

from __future__ import annotations

from typing import Any

_ATTR = "_smedesk_subcommands"


def export_group(subparsers: Any) -> Any:
    """The sub-parsers of ``smedesk export``, created on first use."""
    parser = subparsers._name_parser_map.get("export")
    if parser is None:
        parser = subparsers.add_parser(
            "export",
            help="导出文件（PDF、Excel）",
            description="把文档导出为打印用 PDF 或 Excel 工作簿。",
        )
    group = getattr(parser, _ATTR, None)
    if group is None:
        group = parser.add_subparsers(
            dest="export_what", metavar="内容", title="导出内容", parser_class=type(parser)
        )
        setattr(parser, _ATTR, group)
    return group
