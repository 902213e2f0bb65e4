"""Flyer language versions: the flyer's words in another language, and who checked them

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

WORDS = (
    "title",
    "strapline",
    "when_text",
    "venue_text",
    "expect",
    "hear_from",
    "creche_text",
    "refreshments_text",
    "cost_text",
    "access_text",
    "booking_text",
    "credit_line",
)


def upgrade() -> None:
    op.create_table(
        "flyer_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flyer_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=60), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in WORDS),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["member.id"],
            name=op.f("fk_flyer_translation_checked_by_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["flyer_id"],
            ["flyer.id"],
            name=op.f("fk_flyer_translation_flyer_id_flyer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer_translation")),
        sa.UniqueConstraint("flyer_id", "language", name=op.f("uq_flyer_translation_flyer_id")),
    )
    op.create_index(
        op.f("ix_flyer_translation_flyer_id"), "flyer_translation", ["flyer_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_flyer_translation_flyer_id"), table_name="flyer_translation")
    op.drop_table("flyer_translation")
