"""Feedback on phones: the form's address kept with the event (so a printed card still opens
it), and the phone page's own words in each language version

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

PHONE_WORDS = ("phone_send", "phone_problem", "phone_thanks", "phone_sent", "phone_again")


def upgrade() -> None:
    op.create_table(
        "feedback_phone_address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=20), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("card_host", sa.String(length=60), nullable=False),
        sa.Column("card_at", sa.DateTime(), nullable=True),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_feedback_phone_address_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_phone_address")),
    )
    op.create_index(
        op.f("ix_feedback_phone_address_event_id"),
        "feedback_phone_address",
        ["event_id"],
        unique=True,
    )
    with op.batch_alter_table("feedback_language") as batch:
        for name in PHONE_WORDS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("feedback_language") as batch:
        for name in reversed(PHONE_WORDS):
            batch.drop_column(name)
    op.drop_index(op.f("ix_feedback_phone_address_event_id"), table_name="feedback_phone_address")
    op.drop_table("feedback_phone_address")
