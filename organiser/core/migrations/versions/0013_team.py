"""Team database: a version counter on every row, the change feed and offline copies

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Every table that existed before: each row gets its version counter (SQLAlchemy's
# version_id_col), starting at 1.
VERSIONED = (
    "action_item",
    "booking",
    "booking_status_change",
    "child",
    "cost_line",
    "creche",
    "creche_staff",
    "decision",
    "feedback_answer",
    "feedback_question",
    "feedback_response",
    "feedback_theme",
    "flyer",
    "flyer_comment",
    "flyer_image",
    "flyer_sign_off",
    "flyer_version",
    "funding_source",
    "invitation",
    "invitation_status_change",
    "ledger_entry",
    "lesson",
    "meeting",
    "member",
    "note_revision",
    "organisation",
    "poll",
    "poll_answer",
    "poll_option",
    "programme_item",
    "reciprocity",
    "report_text",
    "setting",
    "speaker",
)


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.Column("event_ids", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_feed")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_feed_at"), ["at"], unique=False)

    op.create_table(
        "offline_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("team_address", sa.String(length=500), nullable=False),
        sa.Column("team_event_id", sa.Integer(), nullable=False),
        sa.Column("taken_by", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_offline_copy_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_copy")),
    )
    with op.batch_alter_table("offline_copy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offline_copy_event_id"), ["event_id"], unique=True)

    op.create_table(
        "offline_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("taken_by", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_return")),
        sa.UniqueConstraint("key", name=op.f("uq_offline_return_key")),
    )

    op.create_table(
        "offline_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("local_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("base", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["copy_id"],
            ["offline_copy.id"],
            name=op.f("fk_offline_row_copy_id_offline_copy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_row")),
    )
    with op.batch_alter_table("offline_row", schema=None) as batch_op:
        batch_op.create_index(
            "ix_offline_row_lookup", ["copy_id", "table_name", "local_id"], unique=False
        )
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("row_version", sa.Integer(), server_default="1", nullable=False)
            )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("taken_offline_by", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("taken_offline_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("row_version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    # Columns are dropped in place (SQLite 3.35+): rebuilding a table, as batch mode would,
    # drops the old one first, and with foreign keys on that deletes every row hanging on it.
    with op.batch_alter_table("event", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("row_version")
        batch_op.drop_column("taken_offline_at")
        batch_op.drop_column("taken_offline_by")
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_column("row_version")
    op.drop_table("offline_row")
    op.drop_table("offline_return")
    op.drop_table("offline_copy")
    op.drop_table("change_feed")
