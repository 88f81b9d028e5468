"""Every keyboard shortcut of the program, in one place, so none collide (as git-cola does).

Standard keys (new, open, close, find…) use Qt's platform key sequences so they follow the
user's operating system; the rest are plain strings that QKeySequence parses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

StandardKey = QKeySequence.StandardKey

# List of applications
NEW_DOCUMENT = StandardKey.New
OPEN_DOCUMENT = StandardKey.Open
DUPLICATE = "Ctrl+D"
RENAME = "F2"
TRASH = StandardKey.Delete
RESTORE = "Ctrl+Shift+R"
FIND = StandardKey.Find
REFRESH = StandardKey.Refresh

# Window
BACK_TO_LIST = "Ctrl+L"
SETTINGS = StandardKey.Preferences
QUIT = StandardKey.Quit
ROLE_APPLICANT = "Ctrl+1"
ROLE_RECOMMENDER = "Ctrl+2"
ROLE_EXPERT = "Ctrl+3"

# Editor (owned by the editor; listed here so nothing else takes them)
UNDO = StandardKey.Undo
REDO = StandardKey.Redo
NEXT_SECTION = "Ctrl+PgDown"
PREVIOUS_SECTION = "Ctrl+PgUp"
SELF_CHECK = "F9"


def key(sequence: str | QKeySequence.StandardKey) -> QKeySequence:
    """A QKeySequence for one of the constants above."""
    return QKeySequence(sequence)


def assign(action: QAction, sequence: str | QKeySequence.StandardKey) -> None:
    """Give ``action`` one of the shortcuts above (the same as ``setShortcut``).

    Through ``setShortcuts``: PySide's overload check for ``setShortcut`` tries the ``Qt.Key``
    conversion and so builds every enum of the ``Qt`` namespace (some 15 ms) before the first
    window can show.
    """
    action.setShortcuts([key(sequence)])
