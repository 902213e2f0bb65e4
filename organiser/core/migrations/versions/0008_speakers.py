"""Speakers: a directory shared by events, invitations with dated statuses, settings

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("role_title", sa.String(length=200), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("bio", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("access_needs", sa.Text(), nullable=False),
        sa.Column("equipment", sa.Text(), nullable=False),
        sa.Column("usual_fee_pence", sa.Integer(), nullable=True),
        sa.Column("photo_consent", sa.Boolean(), nullable=False),
        sa.Column("credit_consent", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_speaker_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker")),
    )
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("talk_title", sa.String(length=300), nullable=False),
        sa.Column("length_minutes", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fee_pence", sa.Integer(), nullable=True),
        sa.Column("cost_line_id", sa.Integer(), nullable=True),
        sa.Column("programme_item_id", sa.Integer(), nullable=True),
        sa.Column("brings", sa.Text(), nullable=False),
        sa.Column("arrival", sa.Time(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cost_line_id"],
            ["cost_line.id"],
            name=op.f("fk_invitation_cost_line_id_cost_line"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_invitation_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_item_id"],
            ["programme_item.id"],
            name=op.f("fk_invitation_programme_item_id_programme_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_invitation_speaker_id_speaker"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_event_id"), ["event_id"], unique=False)

    op.create_table(
        "invitation_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitation.id"],
            name=op.f("fk_invitation_status_change_invitation_id_invitation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation_status_change")),
    )
    with op.batch_alter_table("invitation_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invitation_status_change_invitation_id"), ["invitation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("invitation_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_status_change_invitation_id"))

    op.drop_table("invitation_status_change")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_event_id"))

    op.drop_table("invitation")
    op.drop_table("speaker")
    op.drop_table("setting")
