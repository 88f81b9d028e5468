"""Sealed-ready PDF of every document (ReportLab; pypdf for attachments and copies).

Public API::

    from smedesk.export.pdf import Attachment, export_pdf
    result = export_pdf(doc, "out.pdf", attachments=[Attachment("licence", "执照.pdf", data)],
                        copies=2, cross_seal=True, progress=lambda done, total: True)

Importing this package imports no ReportLab: the names below load their modules on
first use, so the CLI and the desktop program start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smedesk.export.pdf.attachments import Attachment, AttachmentError
    from smedesk.export.pdf.builder import ExportResult, draft_note, export_pdf, revision_label
    from smedesk.export.pdf.template import ExportCancelled

__all__ = [
    "Attachment",
    "AttachmentError",
    "ExportCancelled",
    "ExportResult",
    "draft_note",
    "export_pdf",
    "revision_label",
]

_WHERE = {
    "Attachment": "attachments",
    "AttachmentError": "attachments",
    "ExportResult": "builder",
    "draft_note": "builder",
    "export_pdf": "builder",
    "revision_label": "builder",
    "ExportCancelled": "template",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(name)
