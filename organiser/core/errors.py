"""Errors whose messages a person can read; the UI shows them as they are."""

from __future__ import annotations

from typing import Any


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


class ForeignFile(StoreError):
    """The file is not an Organiser database (a picture, another program's database)."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class DiskProblem(StoreError):
    """The file could not be read or written (a full disk, read-only, locked, an I/O error):
    not damaged, so it is left where it is."""


class SavedElsewhere(Conflict):
    """Another person saved the same row between this change's read and its write."""


class EditConflict(Conflict):
    """Someone else changed fields this person was editing; `clashes` shows both values.

    `version` is the row's version now: saving again with it as the expected version (after
    choosing, field by field, what to keep) cannot clash with the same edit twice.
    """

    def __init__(
        self, message: str, *, what: str, row_id: int, clashes: list[Any], version: int
    ) -> None:
        super().__init__(message)
        self.what = what
        self.row_id = row_id
        self.clashes = clashes
        self.version = version
