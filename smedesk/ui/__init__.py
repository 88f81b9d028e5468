"""The PySide6 screens: the only package that imports Qt.

The None-reference guard is installed here, before any screen module runs, because
every screen (not only the editor) is affected by the PySide6 6.12 / CPython 3.11 bug
it works around.
"""

import smedesk.ui.none_guard  # noqa: F401  (see the module)
