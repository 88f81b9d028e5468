"""Recommendation rounds: rounds, round_entries, round_events.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

New tables only (no batch rebuild), so the same operations run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("scheme_id", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("authority_name", sa.String(500), nullable=False),
        sa.Column("authority_type", sa.String(32), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "round_entries",
        sa.Column("round_id", sa.String(36), sa.ForeignKey("rounds.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("document_id", sa.String(36),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("state_since", sa.Date(), nullable=False),
        sa.Column("row", sa.Text(), nullable=False),
        sa.Column("served", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )  # fmt: skip
    op.create_table(
        "round_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.String(36), sa.ForeignKey("rounds.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("document_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )  # fmt: skip
    op.create_index("ix_round_events_round", "round_events", ["round_id", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_round_events_round", table_name="round_events")
    op.drop_table("round_events")
    op.drop_table("round_entries")
    op.drop_table("rounds")
