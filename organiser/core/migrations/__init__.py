"""Alembic migrations of the Organiser database."""
