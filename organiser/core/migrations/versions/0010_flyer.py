"""Flyer: the draft per event, its images, versions, comments and sign-offs

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flyer_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=260), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_flyer_image_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer_image")),
    )
    with op.batch_alter_table("flyer_image", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flyer_image_event_id"), ["event_id"], unique=False)

    op.create_table(
        "flyer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("strapline", sa.Text(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=False),
        sa.Column("venue_text", sa.Text(), nullable=False),
        sa.Column("expect", sa.Text(), nullable=False),
        sa.Column("hear_from", sa.Text(), nullable=False),
        sa.Column("creche_text", sa.Text(), nullable=False),
        sa.Column("refreshments_text", sa.Text(), nullable=False),
        sa.Column("cost_text", sa.Text(), nullable=False),
        sa.Column("access_text", sa.Text(), nullable=False),
        sa.Column("booking_text", sa.Text(), nullable=False),
        sa.Column("booking_link", sa.Text(), nullable=False),
        sa.Column("credit_line", sa.Text(), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=True),
        sa.Column("image_placement", sa.String(length=30), nullable=False),
        sa.Column("text_colour", sa.String(length=7), nullable=False),
        sa.Column("background_colour", sa.String(length=7), nullable=False),
        sa.Column("accent_colour", sa.String(length=7), nullable=False),
        sa.Column("body_size", sa.Integer(), nullable=False),
        sa.Column("heading_size", sa.Integer(), nullable=False),
        sa.Column("alignment", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_flyer_event_id_event"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["image_id"],
            ["flyer_image.id"],
            name=op.f("fk_flyer_image_id_flyer_image"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer")),
    )
    with op.batch_alter_table("flyer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flyer_event_id"), ["event_id"], unique=True)

    op.create_table(
        "flyer_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flyer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=True),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["flyer_id"],
            ["flyer.id"],
            name=op.f("fk_flyer_version_flyer_id_flyer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"],
            ["member.id"],
            name=op.f("fk_flyer_version_saved_by_id_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer_version")),
        sa.UniqueConstraint("flyer_id", "number", name=op.f("uq_flyer_version_flyer_id")),
    )
    with op.batch_alter_table("flyer_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flyer_version_flyer_id"), ["flyer_id"], unique=False)

    op.create_table(
        "flyer_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_flyer_comment_member_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["flyer_version.id"],
            name=op.f("fk_flyer_comment_version_id_flyer_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer_comment")),
    )
    with op.batch_alter_table("flyer_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flyer_comment_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "flyer_sign_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_flyer_sign_off_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["flyer_version.id"],
            name=op.f("fk_flyer_sign_off_version_id_flyer_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flyer_sign_off")),
        sa.UniqueConstraint("version_id", "member_id", name=op.f("uq_flyer_sign_off_version_id")),
    )
    with op.batch_alter_table("flyer_sign_off", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flyer_sign_off_version_id"), ["version_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("flyer_sign_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flyer_sign_off_version_id"))

    op.drop_table("flyer_sign_off")
    with op.batch_alter_table("flyer_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flyer_comment_version_id"))

    op.drop_table("flyer_comment")
    with op.batch_alter_table("flyer_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flyer_version_flyer_id"))

    op.drop_table("flyer_version")
    with op.batch_alter_table("flyer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flyer_event_id"))

    op.drop_table("flyer")
    with op.batch_alter_table("flyer_image", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flyer_image_event_id"))

    op.drop_table("flyer_image")
