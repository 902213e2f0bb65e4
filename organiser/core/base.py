"""Declarative base with a naming convention and a version counter on every row.

The naming convention lets Alembic name and drop constraints. The counter (`row_version`,
SQLAlchemy's version_id_col) makes every UPDATE say which version it replaces, so two people
saving the same row at the same moment can never silently overwrite each other.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, MetaData, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

VERSION_COLUMN = "row_version"


def utc_now() -> dt.datetime:
    """Now, in UTC without a zone (how timestamps are stored)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def shared_now(session: Session) -> dt.datetime:
    """Now, in UTC without a zone, by the clock every writer shares: a team database's own
    (a laptop's clock an hour out would put a household ahead in the waiting list, or stop
    meeting notes keeping revisions); a file's is this computer's."""
    if session.get_bind().dialect.name != "postgresql":
        return utc_now()
    # The server's now() holds for the whole transaction: asked once (a waiting booking's place
    # and its status change are stamped alike).
    kept = session.info.get(_KEPT)
    if kept is not None and kept[0] is session.get_transaction():
        return kept[1]  # type: ignore[no-any-return]
    now = session.execute(select(_SERVER_NOW)).scalar_one()
    session.info[_KEPT] = (session.get_transaction(), now)
    return now  # type: ignore[no-any-return]


def shared_now_to_write(session: Session) -> Any:
    """shared_now as a value to write, without a round trip: on a team database, its clock
    read as the statement runs (what a row policy checks a new line against)."""
    if session.get_bind().dialect.name != "postgresql":
        return utc_now()
    return _SERVER_NOW


_SERVER_NOW = func.timezone("UTC", func.now())
_KEPT = "organiser_shared_now"  # in session.info: (its transaction, the server's now)


class Versioned:
    """Every mapped row carries `row_version`, raised by one on each UPDATE."""

    row_version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


class Base(Versioned, DeclarativeBase):
    """Base class of every ORM model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
