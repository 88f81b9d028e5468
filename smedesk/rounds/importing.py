"""Applications into a round from the applicants' 申报包 (issue 12's packages).

Each package is verified and written to the store by ``exchange.import_package``; a new
application joins the round in the transaction that stores it (one commit per package), one
the store already held unchanged joins after it, given the data so it is not read back.
A newer version of an application already in the round refreshes its entry; one that
conflicts with local edits is not added and is reported. A package that cannot be used
(damaged, altered, not a package, a document the models refuse) changes nothing and is
reported with its reason; the other packages of the batch are still imported.

Cancelled between two packages (the progress protocol), the batch is undone: the entries it
added leave the round and the documents it created leave the store.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smedesk.collector import collector_paused
from smedesk.errors import Cancelled, UserError
from smedesk.exchange.importing import ImportedDocument, import_package
from smedesk.progress import Progress
from smedesk.rounds.model import Entry
from smedesk.rounds.service import APPLICATION_KINDS, RoundStore
from smedesk.store import DocumentStore, Transaction
from smedesk.store.imports import remove_imported
from smedesk.store.rounds import RoundTables


@dataclass
class RoundImport:
    added: list[Entry] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Chinese lines: what was not added, why
    created: list[str] = field(default_factory=list)  # ids of the documents new to the store


def import_into_round(store: DocumentStore, round_id: str,
                      paths: Sequence[str | os.PathLike[str]], *, author: str,
                      progress: Progress | None = None) -> RoundImport:  # fmt: skip
    """Import each package and add its applications to the round.

    ``progress(done, total)`` counts packages; raising Cancelled from it undoes the batch.
    """
    tables = RoundTables(store)
    before = {e.doc_id for e in tables.entries(round_id)}
    out = RoundImport()
    try:
        with collector_paused():
            for done, path in enumerate(paths):
                if progress is not None:
                    progress(done, len(paths))
                _import_one(store, round_id, path, author, out)
            if progress is not None:
                progress(len(paths), len(paths))
    except Cancelled:
        tables.remove_entries(round_id, [e.doc_id for e in out.added if e.doc_id not in before])
        remove_imported(store.database, out.created)
        raise
    return out


def _import_one(store: DocumentStore, round_id: str, path: str | os.PathLike[str],
                author: str, out: RoundImport) -> None:  # fmt: skip
    rounds = RoundStore(store)
    joined: dict[str, Entry] = {}

    def join(transaction: Transaction, document: ImportedDocument) -> None:
        # A new application joins the round in the transaction that stores it.
        if document.kind in APPLICATION_KINDS:
            joined[document.doc_id] = rounds.add_application_in(
                transaction, round_id, document.doc_id, document.data, author=author)  # fmt: skip

    try:
        result = import_package(store, store.database, path, author=author, on_created=join)
    except UserError as exc:  # the import wrote nothing of this package
        out.refused.append(f"「{Path(path).name}」未导入：{exc.message}")
        return
    out.created += [d.doc_id for d in result.documents if d.status == "new"]
    for document in result.documents:
        if document.kind not in APPLICATION_KINDS:
            continue
        if document.status == "conflict":
            out.refused.append(f"「{document.title}」与本机已修改的版本冲突，未加入本轮。")
            continue
        entry = joined.get(document.doc_id)
        if entry is None:  # already in the store, unchanged: it joins (or stays) on its own
            entry = rounds.add_application(round_id, document.doc_id, author=author,
                                           data=document.data)  # fmt: skip
        out.added.append(entry)
