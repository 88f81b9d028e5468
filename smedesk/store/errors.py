"""The one exception the store raises for expected failures.

Screens show ``StoreError.message`` as it is, so it is always a complete Chinese sentence
saying what went wrong and, where there is one, what the user can do about it.
"""

from __future__ import annotations

from typing import Any

from smedesk.errors import UserError


class StoreError(UserError):
    """An expected failure of the store (unknown id, unreadable file, newer database, ...)."""


class SaveConflict(StoreError):
    """Another save changed the same fields since this one's base version; nothing was written.

    ``conflicts`` lists each place with the base value and both new values
    (``smedesk.store.merge.Conflict``); ``data`` is the stored document with every change that
    did not conflict already merged in, and ``version`` the stored version. The caller shows
    both values, takes the user's choice into ``data`` and saves it based on ``version``.
    """

    def __init__(self, doc_id: str, conflicts: list[Any], version: int, data: dict[str, Any]):
        paths = "、".join(c.path or "（整份文档）" for c in conflicts[:5])
        more = f"等 {len(conflicts)} 处" if len(conflicts) > 5 else ""
        super().__init__(
            f"另一个窗口或同事同时修改了相同的内容（{paths}{more}）。"
            "请在两种取值中选择保留哪一个；两边的内容都还在，没有丢失。"
        )
        self.doc_id = doc_id
        self.conflicts = conflicts
        self.version = version
        self.data = data
        #: The store's own copy of the stored version (kept as the resolution's merge base).
        self.stored_copy: Any = None
