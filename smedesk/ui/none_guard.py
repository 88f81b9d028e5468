"""Keep ``None`` alive under PySide6 6.12 on CPython 3.11.

PySide6 6.12.0 gives up one reference to ``None`` on every call of a Qt method that
returns nothing (``label.setText``, ``timer.start``, ``app.processEvents`` …). From 3.12
``None`` is immortal and this is harmless; on 3.11 its count reaches zero after a few
thousand calls and the interpreter aborts ("none_dealloc: deallocating None"). Adding a
very large count by hand makes ``None`` as good as immortal, as 3.12 does officially.
"""

from __future__ import annotations

import ctypes
import sys

#: More calls than a program makes in years of use; far below the counter's range.
_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Give ``None`` a reserve of references (once per process; only before 3.12)."""
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _RESERVE
    keep_none_alive.done = True  # type: ignore[attr-defined]


keep_none_alive()
