"""Where data lives: the user's data folder, the default database, its backups."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

from organiser.core.errors import OrganiserError

APP_NAME = "Organiser"
DATABASE_ENV = "ORGANISER_DATABASE"
DATA_DIR_ENV = "ORGANISER_DATA_DIR"


def data_dir() -> Path:
    """The folder for the default database (created private, 0700, on first use)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    make_private_dir(folder)
    return folder


def make_private_dir(folder: Path) -> None:
    """Create a folder readable only by its owner; one that is already there keeps its mode
    (Organiser never changes the permissions of what it did not create)."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return
    except OSError as exc:
        raise OrganiserError(
            f"Cannot create the folder {folder}: {exc.strerror or exc}. "
            "Choose another place with --database."
        ) from exc
    with contextlib.suppress(OSError):
        folder.chmod(0o700)


def default_database_url() -> str:
    """The database named by ORGANISER_DATABASE, else organiser.sqlite in the data folder."""
    configured = os.environ.get(DATABASE_ENV)
    if configured:
        return database_url(configured)
    return database_url(str(data_dir() / "organiser.sqlite"))


def database_url(value: str) -> str:
    """Turn a path or an SQLAlchemy URL into a URL."""
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another kind of database."""
    if not url.startswith("sqlite:///"):
        return None
    raw = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(raw) if raw and raw != ":memory:" else None


def backups_dir(database: Path) -> Path:
    """Backups sit in a private folder beside the database they copy."""
    folder = database.parent / "backups"
    make_private_dir(folder)
    return folder


def make_private_file(path: Path) -> None:
    """Restrict a file Organiser has just created, holding personal data, to its owner (0600)."""
    with contextlib.suppress(OSError):
        path.chmod(0o600)
