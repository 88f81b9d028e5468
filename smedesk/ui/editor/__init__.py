"""The document editor: section tree, form and list pages, attachments, self-check, autosave.

``EditorWidget(ctx, doc_id)`` is the one entry the main window uses.
"""

from smedesk.ui.editor.widget import EditorWidget

__all__ = ["EditorWidget"]
