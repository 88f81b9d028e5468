"""The second editor window of the two-process conflict test (test_editor_conflict.py).

Opens the document in a real ``EditorWidget`` (offscreen) over its own store, edits the
fields given as ``path=value`` arguments through the editor's undo commands, stores them,
prints the version it saved as, and exits.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

import smedesk.ui.editor  # noqa: F401  (forms before Qt; None kept alive)
from smedesk.store import DocumentStore, open_database
from smedesk.ui.app import open_settings
from smedesk.ui.context import AppContext
from smedesk.ui.editor import EditorWidget


def main() -> None:
    url, doc_id, settings_path, *edits = sys.argv[1:]
    app = QApplication([])
    database = open_database(url)
    ctx = AppContext(DocumentStore(database), open_settings(settings_path), user_name="乙")
    editor = EditorWidget(ctx, doc_id)
    for edit in edits:
        path, _, value = edit.partition("=")
        editor.request_edit(path, value, path)
    assert editor.flush(), "the second window could not save"
    print(editor.state.version, flush=True)
    editor.close()
    ctx.runner.wait()
    database.close()
    app.quit()


if __name__ == "__main__":
    main()
