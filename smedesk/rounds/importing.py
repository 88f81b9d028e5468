"""Applications into a round from the applicants' 申报包 (issue 12's packages).

Each package is verified and written to the store by ``exchange.import_package``; every
application it brought (new, or the same as one already here) then joins the round through
``add_application_to_round``, given the data the import just wrote so it is not read back.
A newer version of an application already in the round refreshes its entry; one that
conflicts with local edits is not added and is reported. A package that cannot be used
(damaged, altered, not a package, a document the models refuse) changes nothing and is
reported with its reason; the other packages of the batch are still imported.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from smedesk.errors import UserError
from smedesk.exchange.importing import import_package
from smedesk.rounds.model import Entry
from smedesk.rounds.service import APPLICATION_KINDS, add_application_to_round
from smedesk.store import DocumentStore


@dataclass
class RoundImport:
    added: list[Entry] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Chinese lines: what was not added, why


def import_into_round(store: DocumentStore, round_id: str,
                      paths: Sequence[str | os.PathLike[str]], *, author: str) -> RoundImport:  # fmt: skip
    """Import each package and add its applications to the round."""
    out = RoundImport()
    with _collector_paused():
        for path in paths:
            _import_one(store, round_id, path, author, out)
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off for the batch, back on (and run once) after it.

    Each package's thousands of parsed rows trigger collections that walk every live object,
    about a fifth of the import's time; what the import leaves behind is freed by reference
    counting, and the one collection at the end takes whatever cycles remain.
    """
    if not gc.isenabled():  # already paused by an enclosing batch
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _import_one(store: DocumentStore, round_id: str, path: str | os.PathLike[str],
                author: str, out: RoundImport) -> None:  # fmt: skip
    try:
        result = import_package(store, store.database, path, author=author)
    except UserError as exc:  # the import wrote nothing of this package
        out.refused.append(f"「{Path(path).name}」未导入：{exc.message}")
        return
    for document in result.documents:
        if document.kind not in APPLICATION_KINDS:
            continue
        if document.status == "conflict":
            out.refused.append(f"「{document.title}」与本机已修改的版本冲突，未加入本轮。")
            continue
        out.added.append(add_application_to_round(store, round_id, document.doc_id,
                                                  author=author, data=document.data))  # fmt: skip
