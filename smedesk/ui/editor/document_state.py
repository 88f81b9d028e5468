"""The document being edited, as the JSON-able dict the store saves, with change signals.

Every edit goes through here (usually from an undo command), so the autosaver, the
self-check and the pages all learn of it from one signal. Values are read and written
by the same paths the self-check uses (``form.basic.investors[2].ratio``).
"""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QObject, Signal

from smedesk.forms.common import Document
from smedesk.forms.keys import strip_derived, unknown_paths
from smedesk.forms.registry import (
    UnknownFieldsError,
    _explain,  # the one Chinese wording of pydantic errors
)
from smedesk.forms.walk import join_path, split_path

__all__ = ["DocumentState", "lenient_validate", "strip_derived"]

M = TypeVar("M", bound=BaseModel)


def lenient_validate(model_type: type[M], data: dict[str, Any]) -> tuple[M, dict[str, str]]:
    """The model built from ``data`` with unreadable values left out, and why each was.

    A draft may hold text typed into a number field or a ratio over 100; the self-check,
    the title and the PDF still need a model, so such values are dropped (on a copy) and
    reported by path. ``data`` itself is not touched. Derived fields are left out; an
    unknown field is never dropped: it raises UnknownFieldsError (the open path,
    ``smedesk.forms.editable_data``, refuses such a document before it gets here).
    """
    work = strip_derived(model_type, copy.deepcopy(data))
    errors: dict[str, str] = {}
    for _attempt in range(5):
        try:
            return model_type.model_validate(work), errors
        except ValidationError as exc:
            unknown = unknown_paths(exc)
            if unknown:
                raise UnknownFieldsError(unknown) from None
            for err in exc.errors():
                loc = tuple(err["loc"])
                errors[join_path(loc)] = _explain(err)
                _drop(work, loc)
    return model_type.model_validate(work), errors  # let a truly broken document raise


def _drop(work: Any, loc: tuple[Any, ...]) -> None:
    parent = work
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return
    last = loc[-1] if loc else None
    if isinstance(parent, dict) and last in parent:
        del parent[last]  # the field's default (None, [] …) takes its place
    elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
        parent[last] = {}


class DocumentState(QObject):
    """The open document's data plus which model it follows."""

    #: a value changed at this path (a field, a cell, or a whole list).
    value_changed = Signal(str)
    #: the whole data was replaced (another save merged in, a conflict resolved): pages
    #: showing values must read them again.
    reloaded = Signal()

    def __init__(
        self,
        doc_id: str,
        model_type: type[Document],
        data: dict[str, Any],
        parent: Any = None,
        *,
        version: int,
    ) -> None:
        super().__init__(parent)
        self.doc_id = doc_id
        self.model_type = model_type
        self.data: dict[str, Any] = strip_derived(model_type, data)
        self.revision = 0  # bumped on every change; lets workers drop stale results
        #: the stored version the data was loaded or last saved as: the next save's base.
        self.version = version

    def replace_data(self, data: dict[str, Any], *, changed: bool = False) -> None:
        """Take ``data`` as the document (merged or resolved by the store).

        ``changed``: the new data still has to be saved (a resolved conflict); otherwise it
        is what is stored, and only the pages refresh.
        """
        self.data = strip_derived(self.model_type, data)
        self.revision += 1
        self.reloaded.emit()
        if changed:
            self.value_changed.emit("")

    @property
    def scheme_id(self) -> str:
        scheme = self.data.get("scheme") or {}
        return str(scheme.get("id", ""))

    def value(self, path: str) -> Any:
        """The value at ``path``, or None where the document does not have it yet."""
        node: Any = self.data
        for part in split_path(path):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def container(self, path: str, *, create: bool = True) -> tuple[Any, str | int]:
        """The dict or list holding ``path``'s last part, creating dicts on the way."""
        parts = split_path(path)
        node: Any = self.data
        for part, following in itertools.pairwise(parts):
            if isinstance(part, int):
                node = node[part]
                continue
            if not isinstance(node.get(part), dict | list):
                if not create:
                    raise KeyError(path)
                # a part the stored JSON left out (older file): made on first edit
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        return node, parts[-1]

    def set_value(self, path: str, value: Any) -> None:
        holder, key = self.container(path)
        holder[key] = value
        self.touch(path)

    def rows(self, path: str) -> list[dict[str, Any]]:
        """The live list of rows at ``path`` (created empty if missing)."""
        holder, key = self.container(path)
        rows = holder.get(key) if isinstance(holder, dict) else holder[key]
        if not isinstance(rows, list):
            rows = []
            holder[key] = rows
        return rows

    def touch(self, path: str) -> None:
        """Announce a change made in place (list models mutate their rows directly)."""
        self.revision += 1
        self.value_changed.emit(path)

    def snapshot(self) -> dict[str, Any]:
        """An independent copy for a worker thread (JSON round trip: fast and complete)."""
        copied: dict[str, Any] = json.loads(json.dumps(self.data, ensure_ascii=False))
        return copied

    def document(self, data: dict[str, Any] | None = None) -> tuple[Document, dict[str, str]]:
        """The document as a model (unreadable values left out) and the problems found."""
        return lenient_validate(self.model_type, self.data if data is None else data)

    def title(self) -> str:
        """The display title, cheaply: top-level tables do not affect any title."""
        light = {k: v for k, v in self.data.items() if not isinstance(v, list)}
        try:
            doc, _ = lenient_validate(self.model_type, light)
        except ValidationError:
            return self.model_type.TITLE
        return doc.display_title()
