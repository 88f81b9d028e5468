"""Document versions for concurrent saves, and summary columns for lists.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

``version`` counts the saves of a document's data; a save names the version it started from
and the store merges when another save came in between (``repository.py``, ``merge.py``).
``uscc`` and ``organisation`` are copied from the data on every save (``forms.summary``), so
lists and cross-checks read indexed columns instead of documents. Existing rows are filled in
here from their stored head (the summary fields never sit in the long lists).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from smedesk.forms.summary import summary_values

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_documents = sa.table(
    "documents",
    sa.column("id", sa.String),
    sa.column("kind", sa.String),
    sa.column("data", sa.Text),
    sa.column("uscc", sa.String),
    sa.column("organisation", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("uscc", sa.String(18), nullable=True))
        batch.add_column(sa.Column("organisation", sa.String(500), nullable=True))
    op.create_index("ix_documents_uscc", "documents", ["uscc"])
    op.create_index("ix_documents_updated_at", "documents", ["updated_at"])
    connection = op.get_bind()
    rows = connection.execute(sa.select(_documents.c.id, _documents.c.kind)).all()
    for doc_id, kind in rows:  # one at a time: heads are small, but there may be thousands
        text = connection.execute(
            sa.select(_documents.c.data).where(_documents.c.id == doc_id)
        ).scalar_one()
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict):
            values = summary_values(kind, data)
            connection.execute(
                sa.update(_documents).where(_documents.c.id == doc_id).values(**values)
            )


def downgrade() -> None:
    op.drop_index("ix_documents_updated_at", table_name="documents")
    op.drop_index("ix_documents_uscc", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("organisation")
        batch.drop_column("uscc")
        batch.drop_column("version")
