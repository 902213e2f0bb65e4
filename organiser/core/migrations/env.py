"""Alembic environment: runs on the connection organiser.core.migrate hands it."""

from __future__ import annotations

from alembic import context

import organiser.core.models  # noqa: F401  (registers every table on Base.metadata)
from organiser.core.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
