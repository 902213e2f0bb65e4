"""Team roles: the accountability record of registers, collection sheets, allergy lists and a
person's data printed or saved (the roles' privileges themselves are put in after every
migration, on PostgreSQL only: organiser.core.migrate)

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("what", sa.String(length=60), nullable=False),
        sa.Column("how", sa.String(length=40), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("event_title", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_record")),
    )
    op.create_index(op.f("ix_export_record_at"), "export_record", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_export_record_at"), table_name="export_record")
    op.drop_table("export_record")
