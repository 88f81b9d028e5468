"""A round and its entries, as plain values the store reads and writes and the checks read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.procedure import State


@dataclass(frozen=True)
class Round:
    """One recommendation round of one authority under one scheme."""

    id: str
    scheme_id: str
    year: int
    authority_name: str
    authority_type: AuthorityType
    deadline: dt.date | None = None

    @property
    def title(self) -> str:
        return f"{self.year}年度 {self.authority_name}"


@dataclass(frozen=True)
class Entry:
    """One application in a round: the stored document, its state, its summary-table row.

    ``row`` holds the 推荐汇总表 row the authority fills for it (``forms.recommendation.
    SummaryRow`` as JSON: platform name, institution name, functions, statement, quota, city).
    ``served`` are the 统一社会信用代码 of the firms on its served list.
    """

    round_id: str
    doc_id: str
    kind: str
    title: str
    organisation: str | None
    uscc: str | None
    state: State
    state_since: dt.date
    row: dict[str, Any] = field(default_factory=dict)
    served: tuple[str, ...] = ()
