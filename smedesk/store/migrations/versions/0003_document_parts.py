"""Document parts: the long lists of a document's data stored in chunks of rows.

Revision ID: 0003
Revises: 0002
Create Date: 2024-07-01

Existing documents are split here as the program splits them on saving (``parts.split``);
reading does not depend on that rule, so any split it makes reads back the same data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from smedesk.store.jsontext import dumps
from smedesk.store.parts import assemble, split

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_documents = sa.table("documents", sa.column("id", sa.String), sa.column("data", sa.Text))
_parts = sa.table(
    "document_parts",
    sa.column("document_id", sa.String),
    sa.column("part", sa.String),
    sa.column("data", sa.Text),
)


def upgrade() -> None:
    op.create_table(
        "document_parts",
        sa.Column(
            "document_id",
            sa.String(36),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("part", sa.String(500), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
    )
    connection = op.get_bind()
    ids = connection.execute(sa.select(_documents.c.id)).scalars().all()
    for doc_id in ids:  # one at a time: a thousand 1 MB documents need not fit in memory
        text = connection.execute(
            sa.select(_documents.c.data).where(_documents.c.id == doc_id)
        ).scalar_one()
        data = json.loads(text)
        if not isinstance(data, dict):
            continue
        head, chunks = split(data)
        if not chunks:
            continue
        connection.execute(sa.update(_documents).where(_documents.c.id == doc_id).values(data=head))
        connection.execute(
            sa.insert(_parts),
            [{"document_id": doc_id, "part": name, "data": t} for name, t in chunks.items()],
        )


def downgrade() -> None:
    connection = op.get_bind()
    ids = connection.execute(sa.select(_parts.c.document_id).distinct()).scalars().all()
    for doc_id in ids:
        head = connection.execute(
            sa.select(_documents.c.data).where(_documents.c.id == doc_id)
        ).scalar_one()
        chunks = connection.execute(
            sa.select(_parts.c.part, _parts.c.data).where(_parts.c.document_id == doc_id)
        ).all()
        whole = dumps(assemble(head, [(row.part, row.data) for row in chunks]))
        connection.execute(
            sa.update(_documents).where(_documents.c.id == doc_id).values(data=whole)
        )
    op.drop_table("document_parts")
