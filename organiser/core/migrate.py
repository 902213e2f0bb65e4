"""Schema versions: where a database is, where the app is, and moving one to the other.

Alembic is imported only when a migration runs: reading the version needs none of it,
and importing it costs about half a second of start-up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from organiser.core.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def _revisions() -> tuple[str, ...]:
    """Revision ids in order; each file is named '<revision>_<title>.py' with ids 0001, 0002…"""
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))
    if not names:  # a bundle or an install that left the migration files out
        raise StoreError(
            f"This copy of Organiser is incomplete: its database migrations are missing from "
            f"{MIGRATIONS}. Please reinstall Organiser."
        )
    return tuple(name.split("_", 1)[0] for name in names)


def head_revision() -> str:
    """The newest schema this version of the app knows."""
    return _revisions()[-1]


def known_revisions() -> set[str]:
    """Every schema revision this app can migrate from."""
    return set(_revisions())


def current_revision(connection: Connection) -> str | None:
    """The schema revision stored in a database (None for an empty one)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        team = connection.dialect.name == "postgresql"
        if team:
            from organiser.core.team import roles_install

            roles_install.drop_views(connection)  # a migration may change a column under one
        command.upgrade(config, "head")
        if team:
            refresh_roles(connection)


def refresh_roles(connection: Connection) -> bool:
    """Put the team roles' privileges and views in again (after a migration, the views follow
    the tables); where they are not set up, set them up if the tables' owner may create roles.
    False when not done (the database's owner then does it by opening it once)."""
    from organiser.core.team import roles_install

    return roles_install.refresh(connection, always=True)
