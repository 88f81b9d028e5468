"""The PySide6 screens: the only package that imports Qt.

Two things happen here, before any screen module runs:
- the form models are fully imported before PySide6: PySide6's import hook inspects
  modules as they load, and pydantic's lazily imported attributes break under it when
  pydantic is half-imported at that moment ("cannot import name 'import_string'");
- the None-reference guard is installed, because every screen (not only the editor) is
  affected by the PySide6 6.12 / CPython 3.11 bug it works around.
"""

import smedesk.forms
import smedesk.ui.none_guard  # noqa: F401  (see the module)
