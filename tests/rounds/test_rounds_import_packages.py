"""Applications reach a round from the applicants' 申报包: import, then the round seam."""

from __future__ import annotations

from pathlib import Path

from smedesk.exchange.exporting import export_application_package
from smedesk.forms.enums import AuthorityType
from smedesk.rounds.importing import import_into_round
from smedesk.rounds.service import RoundStore
from smedesk.store import DocumentStore, open_database

from support.round_fixtures import application, store_application


def test_packages_from_two_applicants_join_the_round(rounds: RoundStore, tmp_path: Path) -> None:
    applicant_db = open_database(f"sqlite:///{tmp_path / 'applicant.db'}")
    try:
        applicant = DocumentStore(applicant_db)
        packages = []
        for n, (name, uscc) in enumerate([("沈阳甲信息服务有限公司", "91210100A000000001"),
                                          ("大连乙科技服务有限公司", "91210200A000000002")]):  # fmt: skip
            doc_id = store_application(applicant, application(name, uscc, range(n * 5, n * 5 + 30)))
            packages.append(tmp_path / f"{n}.smedesk")
            export_application_package(applicant, doc_id, packages[-1], creator_name=name,
                                       with_pdf=False)  # fmt: skip
    finally:
        applicant_db.close()
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
