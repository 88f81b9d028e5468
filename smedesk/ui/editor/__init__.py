"""The document editor: section tree, form and list pages, attachments, self-check, autosave.

``EditorWidget(ctx, doc_id)`` is the one entry the main window uses.
"""

# The form models must be fully imported before PySide6: PySide6's import hook inspects
# modules as they load, and pydantic's lazily imported attributes break under it when
# pydantic is half-imported at that moment ("cannot import name 'import_string'").
import smedesk.forms
from smedesk.ui.editor.widget import EditorWidget

__all__ = ["EditorWidget"]
