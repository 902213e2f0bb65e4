"""Papers in other languages: the feedback form's and sign-in sheet's words, who checked them

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

WORDS = (
    "heading",
    "when_text",
    "when_english",
    "intro",
    "tick_one",
    "tick_all",
    "quote_hint",
    "contact_hint",
    "online",
    "closing",
    "sign_in_heading",
    "sign_in_intro",
    "column_name",
    "column_adults",
    "column_children",
    "column_first_time",
)


def upgrade() -> None:
    op.create_table(
        "feedback_language",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
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
            name=op.f("fk_feedback_language_checked_by_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_feedback_language_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_language")),
        sa.UniqueConstraint("event_id", "language", name=op.f("uq_feedback_language_event_id")),
    )
    op.create_index(
        op.f("ix_feedback_language_event_id"), "feedback_language", ["event_id"], unique=False
    )
    op.create_table(
        "feedback_question_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.Column("english_choices", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["language_id"],
            ["feedback_language.id"],
            name=op.f("fk_feedback_question_words_language_id_feedback_language"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["feedback_question.id"],
            name=op.f("fk_feedback_question_words_question_id_feedback_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_question_words")),
        sa.UniqueConstraint(
            "language_id", "question_id", name=op.f("uq_feedback_question_words_language_id")
        ),
    )
    for column in ("language_id", "question_id"):
        op.create_index(
            op.f(f"ix_feedback_question_words_{column}"),
            "feedback_question_words",
            [column],
            unique=False,
        )


def downgrade() -> None:
    for column in ("language_id", "question_id"):
        op.drop_index(
            op.f(f"ix_feedback_question_words_{column}"), table_name="feedback_question_words"
        )
    op.drop_table("feedback_question_words")
    op.drop_index(op.f("ix_feedback_language_event_id"), table_name="feedback_language")
    op.drop_table("feedback_language")
