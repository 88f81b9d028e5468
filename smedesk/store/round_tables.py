"""Tables of recommendation rounds (migration 0005): rounds, their entries, their events.

A round is its own table rather than a document kind: it links many documents (the
applications) and is read as a list with per-application state, which columns serve better
than a JSON document. What staff write about one application (the 推荐表) stays a document,
with versions and merges; the round's own rows change rarely (a state, a summary row).
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smedesk.store.models import Base, UtcDateTime


class RoundRow(Base):
    __tablename__ = "rounds"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scheme_id: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    authority_name: Mapped[str] = mapped_column(String(500))
    authority_type: Mapped[str] = mapped_column(String(32))
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RoundEntryRow(Base):
    """One application in one round: its state and the summary-table row filled for it."""

    __tablename__ = "round_entries"

    round_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(32))
    state_since: Mapped[dt.date] = mapped_column(Date)
    row: Mapped[str] = mapped_column(Text)  # JSON: forms.recommendation.SummaryRow
    served: Mapped[str] = mapped_column(Text)  # JSON list of the served firms' 统一社会信用代码
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RoundEventRow(Base):
    """What happened in a round, in order: additions, state changes, draws (with their record)."""

    __tablename__ = "round_events"
    __table_args__ = (Index("ix_round_events_round", "round_id", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(String(36), ForeignKey("rounds.id", ondelete="CASCADE"))
    document_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)  # JSON
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
