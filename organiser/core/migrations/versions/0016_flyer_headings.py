"""Flyer language versions: the flyer's headings (When, Where, How to book…) in the language

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

HEADINGS = (
    "heading_when",
    "heading_where",
    "heading_expect",
    "heading_hear_from",
    "heading_creche",
    "heading_refreshments",
    "heading_cost",
    "heading_access",
    "heading_booking",
)


def upgrade() -> None:
    with op.batch_alter_table("flyer_translation") as batch:
        for name in HEADINGS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("flyer_translation") as batch:
        for name in reversed(HEADINGS):
            batch.drop_column(name)
