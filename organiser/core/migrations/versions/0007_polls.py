"""Availability polls: options of date, time and place, and members' answers

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "poll",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_poll_event_id_event"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_poll_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll")),
    )
    with op.batch_alter_table("poll", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_event_id"), ["event_id"], unique=False)

    op.create_table(
        "poll_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("end", sa.Time(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("step_free", sa.Boolean(), nullable=False),
        sa.Column("accessible_toilet", sa.Boolean(), nullable=False),
        sa.Column("parking", sa.Boolean(), nullable=False),
        sa.Column("baby_change", sa.Boolean(), nullable=False),
        sa.Column("creche_room", sa.Boolean(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["poll_id"], ["poll.id"], name=op.f("fk_poll_option_poll_id_poll"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_option")),
    )
    with op.batch_alter_table("poll_option", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_option_poll_id"), ["poll_id"], unique=False)

    op.create_table(
        "poll_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("member_name", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_poll_answer_member_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["poll_option.id"],
            name=op.f("fk_poll_answer_option_id_poll_option"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_answer")),
        sa.UniqueConstraint("option_id", "member_id", name=op.f("uq_poll_answer_option_id")),
    )
    with op.batch_alter_table("poll_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_answer_option_id"), ["option_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("poll_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poll_answer_option_id"))

    op.drop_table("poll_answer")
    with op.batch_alter_table("poll_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poll_option_poll_id"))

    op.drop_table("poll_option")
    with op.batch_alter_table("poll", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poll_event_id"))

    op.drop_table("poll")
