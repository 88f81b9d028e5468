"""Excel in and out (openpyxl): list templates, all-or-nothing list import, list exports,
the 推荐汇总表 laid out for paper, and the recommending authority's workbook.

Headers and rules come from the row models' field declarations (:mod:`columns`); the
汇总表's paper wording lives in :mod:`summary`. Workbooks are read read-only with
defusedxml-hardened parsing and written so that no text can run as a formula
(:mod:`safety`). No Qt here; the dialog is :mod:`smedesk.ui.xlsx_import_dialog`.
"""

from smedesk.export.xlsx.authority import write_authority_workbook
from smedesk.export.xlsx.error_report import save_annotated_copy
from smedesk.export.xlsx.errors import CellError, ImportFailed, WorkbookError, format_errors
from smedesk.export.xlsx.importer import ImportResult, import_list
from smedesk.export.xlsx.lists_export import write_list
from smedesk.export.xlsx.placement import LIST_PLACES, import_into_file, replace_list
from smedesk.export.xlsx.summary import write_summary
from smedesk.export.xlsx.summary_build import BuiltSummary, summary_from_documents
from smedesk.export.xlsx.template import write_template

__all__ = [
    "LIST_PLACES",
    "BuiltSummary",
    "CellError",
    "ImportFailed",
    "ImportResult",
    "WorkbookError",
    "format_errors",
    "import_into_file",
    "import_list",
    "replace_list",
    "save_annotated_copy",
    "summary_from_documents",
    "write_authority_workbook",
    "write_list",
    "write_summary",
    "write_template",
]
