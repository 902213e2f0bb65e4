"""Imports every model so Base.metadata knows all tables (for Alembic and tests)."""

from __future__ import annotations

from organiser.core.events.models import Event
from organiser.core.planning.models import (
    CostLine,
    FundingSource,
    Member,
    Organisation,
    ProgrammeItem,
)

__all__ = ["CostLine", "Event", "FundingSource", "Member", "Organisation", "ProgrammeItem"]
