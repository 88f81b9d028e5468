"""The translation function for the editor's UI strings.

The shell engineer's ``smedesk.ui.i18n.tr`` owns the English catalogue; until it is
importable the Chinese source text is shown as is, so the editor never depends on it.
"""

from __future__ import annotations

from collections.abc import Callable

tr: Callable[[str], str]
try:
    from smedesk.ui.i18n import tr as _shell_tr

    tr = _shell_tr
except ImportError:  # the shell's i18n has not landed yet

    def tr(text: str) -> str:
        return text
