"""Helpers of the exchange tests: a store per person, an expert's filled-in sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smedesk.exchange.common import document_bytes
from smedesk.export.signing import Identity, TrustStore, load_or_create_identity
from smedesk.forms import parse_document
from smedesk.forms.enums import Assessment, Conclusion
from smedesk.forms.opinion import ConflictDeclaration, ExpertOpinion
from smedesk.store import Database, DocumentStore, open_database

STROKES = [
    [(80.0, 300.0), (160.0, 90.0), (240.0, 300.0)],
    [(120.0, 220.0), (210.0, 220.0)],
    [(320.0, 120.0), (420.0, 110.0), (380.0, 320.0), (520.0, 260.0)],
    [(600.0, 200.0)],
]


@dataclass
class Desk:
    """One person's smedesk: a database, its store, keys and known signers."""

    name: str
    database: Database
    store: DocumentStore
    folder: Path

    def identity(self) -> Identity:
        return load_or_create_identity(self.name, self.folder / "keys")

    def identity_as(self, name: str) -> Identity:
        """Keys of this desk made under another person's name (an impostor's)."""
        return load_or_create_identity(name, self.folder / "keys-as")

    def trust(self) -> TrustStore:
        return TrustStore(self.folder / "trusted-signers.json")


def desk(root: Path, name: str) -> Desk:
    folder = root / name
    folder.mkdir(parents=True)
    database = open_database(f"sqlite:///{folder / 'smedesk.db'}")
    return Desk(name, database, DocumentStore(database), folder)


def fill_sheet(store: DocumentStore, opinion_id: str, *, author: str) -> ExpertOpinion:
    """What an expert does on the sheet: declare no conflict, judge every row, conclude."""
    doc = parse_document(store.get(opinion_id).data)
    assert isinstance(doc, ExpertOpinion)
    rows = [
        r.model_copy(update={"assessment": Assessment.MEETS, "comment": "符合要求"})
        for r in doc.criteria
    ]
    filled = doc.model_copy(
        update={
            "conflict": ConflictDeclaration(
                no_employment=True, no_shareholding=True, no_kinship=True, no_cooperation=True
            ),
            "criteria": rows,
            "expert_title": "教授",
            "employer": "东北大学工商管理学院",
            "overall_opinion": "申报材料真实完整，服务能力较强，符合认定条件。",
            "conclusion": Conclusion.RECOMMEND,
        }
    )
    data, _ = document_bytes(filled)
    store.save(opinion_id, data, base_version=store.version(opinion_id), author=author)
    doc = parse_document(data)
    assert isinstance(doc, ExpertOpinion)
    return doc
