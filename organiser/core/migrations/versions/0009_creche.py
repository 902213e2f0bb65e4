"""Creche: bookings with dated statuses, children, creche staff and per-event settings

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=320), nullable=False),
        sa.Column("adults", sa.Integer(), nullable=False),
        sa.Column("children", sa.Integer(), nullable=False),
        sa.Column("access_needs", sa.Text(), nullable=False),
        sa.Column("heard_from", sa.String(length=200), nullable=False),
        sa.Column("contact_consent", sa.Boolean(), nullable=False),
        sa.Column("contact_consent_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("waiting_since", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source_ref", sa.String(length=200), nullable=False),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_booking_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking")),
    )
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_booking_event_id"), ["event_id"], unique=False)

    op.create_table(
        "creche",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Time(), nullable=True),
        sa.Column("end", sa.Time(), nullable=True),
        sa.Column("places", sa.Integer(), nullable=True),
        sa.Column("max_age_years", sa.Integer(), nullable=False),
        sa.Column("rule_set", sa.String(length=40), nullable=False),
        sa.Column("retention_date", sa.Date(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_creche_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_creche")),
    )
    with op.batch_alter_table("creche", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_creche_event_id"), ["event_id"], unique=True)

    op.create_table(
        "creche_staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("qualification", sa.String(length=40), nullable=False),
        sa.Column("first_aid_expiry", sa.Date(), nullable=True),
        sa.Column("dbs_date", sa.Date(), nullable=True),
        sa.Column("on_from", sa.Time(), nullable=True),
        sa.Column("on_until", sa.Time(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_creche_staff_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_creche_staff")),
    )
    with op.batch_alter_table("creche_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_creche_staff_event_id"), ["event_id"], unique=False)

    op.create_table(
        "booking_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
            name=op.f("fk_booking_status_change_booking_id_booking"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_status_change")),
    )
    with op.batch_alter_table("booking_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_booking_status_change_booking_id"), ["booking_id"], unique=False
        )

    op.create_table(
        "child",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("age_months", sa.Integer(), nullable=True),
        sa.Column("allergies", sa.Text(), nullable=False),
        sa.Column("dietary", sa.Text(), nullable=False),
        sa.Column("medical", sa.Text(), nullable=False),
        sa.Column("photo_consent", sa.Boolean(), nullable=False),
        sa.Column("collectors", sa.Text(), nullable=False),
        sa.Column("collection_password", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["booking.id"],
            name=op.f("fk_child_booking_id_booking"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_child")),
    )
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_child_booking_id"), ["booking_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_child_booking_id"))

    op.drop_table("child")
    with op.batch_alter_table("booking_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_booking_status_change_booking_id"))

    op.drop_table("booking_status_change")
    with op.batch_alter_table("creche_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_creche_staff_event_id"))

    op.drop_table("creche_staff")
    with op.batch_alter_table("creche", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_creche_event_id"))

    op.drop_table("creche")
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_booking_event_id"))

    op.drop_table("booking")
