"""Applications reach a round from the applicants' 申报包: import, then the round seam."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from smedesk.errors import Cancelled
from smedesk.exchange.exporting import export_application_package
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.importing import import_into_round
from smedesk.rounds.service import RoundStore
from smedesk.store import DocumentStore, open_database

from support.round_fixtures import application, store_application

APPLICANTS = [("沈阳甲信息服务有限公司", "91210100A000000001"),
              ("大连乙科技服务有限公司", "91210200A000000002"),
              ("鞍山丙咨询服务有限公司", "91210300A000000003")]  # fmt: skip


def _packages(folder: Path, count: int) -> list[Path]:
    applicant_db = open_database(f"sqlite:///{folder / 'applicant.db'}")
    try:
        applicant = DocumentStore(applicant_db)
        packages = []
        for n, (name, uscc) in enumerate(APPLICANTS[:count]):
            doc_id = store_application(applicant, application(name, uscc, range(n * 5, n * 5 + 30)))
            packages.append(folder / f"{n}.smedesk")
            export_application_package(applicant, doc_id, packages[-1], creator_name=name,
                                       with_pdf=False)  # fmt: skip
    finally:
        applicant_db.close()
    return packages


def test_packages_from_two_applicants_join_the_round(rounds: RoundStore, tmp_path: Path) -> None:
    packages = _packages(tmp_path, 2)
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    result = import_into_round(rounds.documents, round_.id, packages, author="王科员")
    assert result.refused == []
    entries = rounds.entries(round_.id)
    assert [e.organisation for e in entries] == ["沈阳甲信息服务有限公司", "大连乙科技服务有限公司"]
    assert [len(e.served) for e in entries] == [30, 30]
    # The same package again: the entry is refreshed, not doubled.
    import_into_round(rounds.documents, round_.id, packages[:1], author="王科员")
    assert len(rounds.entries(round_.id)) == 2
    assert [e["action"] for e in rounds.events(round_.id, entries[0].doc_id)][:2] == [
        "add",
        "refresh",
    ]


def test_the_import_counts_packages_and_a_cancel_undoes_the_batch(
    rounds: RoundStore, tmp_path: Path
) -> None:
    packages = _packages(tmp_path, 3)
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    # One application is in the round before the batch: a cancel must leave it there.
    kept = import_into_round(rounds.documents, round_.id, packages[:1], author="王科员")
    seen: list[tuple[int, int]] = []

    def cancel_before_the_third(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_into_round(rounds.documents, round_.id, packages, author="王科员",
                          progress=cancel_before_the_third)  # fmt: skip
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert [e.doc_id for e in rounds.entries(round_.id)] == [kept.added[0].doc_id]
    assert [d.title for d in rounds.documents.list()] == [kept.added[0].title]
    assert [e["action"] for e in rounds.events(round_.id) if e["doc_id"]] == ["add", "refresh"]
    assert gc.isenabled()  # the collector, paused for the batch, is back on

    done = import_into_round(rounds.documents, round_.id, packages, author="王科员",
                             progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen[-1] == (3, 3) and len(done.added) == 3 and done.refused == []
    assert len(rounds.entries(round_.id)) == 3


def test_a_new_application_and_its_entry_are_stored_in_one_transaction(
    rounds: RoundStore, tmp_path: Path
) -> None:
    # What the hook raises inside the transaction storing the document undoes the document:
    # no application is left in the store outside the round it was imported into.
    from smedesk.exchange.importing import import_package
    from smedesk.store import StoreError

    packages = _packages(tmp_path, 1)

    def refuse(_transaction: object, _document: object) -> None:
        raise StoreError("找不到这一轮推荐，它可能已被删除。")

    with pytest.raises(StoreError, match="找不到这一轮推荐"):
        import_package(rounds.documents, rounds.documents.database, packages[0], author="王科员",
                       on_created=refuse)  # fmt: skip
    assert rounds.documents.list() == []
    round_ = rounds.create_round("miit-2019-call", 2019, "辽宁省工业和信息化厅",
                                 AuthorityType.PROVINCE, author="王科员")  # fmt: skip
    [entry] = import_into_round(rounds.documents, round_.id, packages, author="王科员").added
    assert [e["action"] for e in rounds.events(round_.id, entry.doc_id)] == ["add"]
    assert rounds.documents.get(entry.doc_id).version == 1
