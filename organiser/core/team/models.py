"""What a shared database needs beyond the events: a feed of changes, and offline copies."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organiser.core.base import Base


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ChangeFeedEntry(Base):
    """One committed change: which tables it wrote and by whom (an open window's origin).

    Every other window polls the feed and refreshes only what the tables map to.
    """

    __tablename__ = "change_feed"
    # Ids never reused after old entries are forgotten: a window remembers the last it saw.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(40))
    tables: Mapped[str] = mapped_column(Text, default="")
    event_ids: Mapped[str] = mapped_column(Text, default="")  # "" when not known
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)


class OfflineCopy(Base):
    """An event copied from a team database into this one, to be brought back later."""

    __tablename__ = "offline_copy"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), unique=True, index=True
    )
    team_address: Mapped[str] = mapped_column(String(500))  # never with a password
    team_event_id: Mapped[int] = mapped_column(Integer)
    taken_by: Mapped[str] = mapped_column(String(200), default="")
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # The copy's own key, also recorded on the team (OfflineReturn): "" for copies taken before.
    key: Mapped[str] = mapped_column(String(36), default="")


class OfflineReturn(Base):
    """On the team database: one offline copy taken, by its key, and when it came back.

    A copy brought back once (its file restored from a backup, say) cannot add its rows twice.
    """

    __tablename__ = "offline_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(Integer)  # the team's event (no link: it may go)
    taken_by: Mapped[str] = mapped_column(String(200), default="")
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    returned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class OfflineRow(Base):
    """One copied row: its id here and on the team database, and its values when taken."""

    __tablename__ = "offline_row"
    __table_args__ = (Index("ix_offline_row_lookup", "copy_id", "table_name", "local_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("offline_copy.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(60))
    local_id: Mapped[int | None] = mapped_column(Integer)
    team_id: Mapped[int | None] = mapped_column(Integer)
    base: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the row as taken


class ExportRecord(Base):
    """A register, collection sheet, allergy list or a person's data printed or saved: who,
    what, when, and which event (its title, which stays if the event goes). It names no
    child, parent or file: the record itself holds no personal data."""

    __tablename__ = "export_record"
    # Added without reading back (RETURNING): on a team database a row policy lets only
    # organisers read the record, so the person adding a row may not read it.
    __table_args__ = ({"implicit_returning": False},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    who: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(String(60))  # a document's kind: "register"
    how: Mapped[str] = mapped_column(String(40))  # "printed", "saved", "exported"
    event_id: Mapped[int | None] = mapped_column(Integer)  # no link: the event may go
    event_title: Mapped[str] = mapped_column(String(200), default="")
