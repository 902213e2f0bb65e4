"""Errors whose messages a person can read; the UI shows them as they are."""

from __future__ import annotations


class OrganiserError(Exception):
    """Base of every error the app explains to its user."""


class ValidationError(OrganiserError):
    """A value a person typed cannot be used; `field` names the input it belongs to."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(OrganiserError):
    """The record asked for does not exist (any more)."""


class Conflict(OrganiserError):
    """The change clashes with what is already stored."""


class StoreError(OrganiserError):
    """The database cannot be opened or used as it is."""


class NewerDatabase(StoreError):
    """The database was written by a newer version of Organiser."""


class CorruptDatabase(StoreError):
    """The file is damaged or is not an Organiser database."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path
