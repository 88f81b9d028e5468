"""The one progress protocol of long work: ``progress(done, total)``; cancelling raises.

Every long function (PDF export, workbook import, package packing, backups …) takes an
optional ``progress`` callable and calls it now and then with the units done and the units
in all (``total`` 0 when not yet known). It returns nothing. To cancel, the callable raises
:class:`smedesk.errors.Cancelled` (the operations runner's reporter does when the user
pressed «取消»); the long function lets it propagate after removing what it had written,
so "cancelled" always means "nothing changed".
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
