"""What every store does alike, on a SQLite file and on a PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing

import pytest
from sqlalchemy import text

from organiser.core.db import Store
from organiser.core.errors import NewerDatabase, StoreError, ValidationError
from organiser.core.events.models import Event
from organiser.core.events.service import create_event, list_events, update_event
from organiser.core.migrate import head_revision
from organiser.core.opening import integrity_report, open_store
from organiser.core.records import restore_rows, row_dict


def test_a_database_from_a_newer_organiser_is_refused_and_left_as_it_was(store: Store) -> None:
    create_event(store, title="Kept as it was")
    with store.begin() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerDatabase, match="saved by a newer version of Organiser"):
        open_store(store.url, daily_backup=False)
    with store.begin() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
    assert [row.title for row in list_events(store)] == ["Kept as it was"]


def test_opening_again_finds_the_schema_current_and_healthy(store: Store) -> None:
    create_event(store, title="Coffee morning")
    with closing(open_store(store.url, daily_backup=False)) as again:
        assert integrity_report(again) == "ok"
        assert [row.title for row in list_events(again)] == ["Coffee morning"]
        with again.begin() as s:
            assert s.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()


def test_a_row_put_back_with_its_own_id_leaves_the_next_id_free(store: Store) -> None:
    first = create_event(store, title="First").created_id
    assert first is not None
    with store.begin() as s:
        saved = row_dict(s.get_one(Event, first)) | {"id": first + 1000, "title": "Put back"}
        restore_rows(s, Event, [saved])
    # SQLite takes max(id) + 1; PostgreSQL's sequence had to be moved past the row put back.
    assert create_event(store, title="New").created_id == first + 1001


def test_text_longer_than_its_column_is_refused_in_words_everywhere(store: Store) -> None:
    # PostgreSQL enforces VARCHAR(200) itself; SQLite would keep the text. Both say it alike.
    with pytest.raises(ValidationError, match="title is longer than the 200 characters") as new:
        create_event(store, title="Ł" * 201)
    assert new.value.field == "title"
    assert list_events(store) == []
    made = create_event(store, title="Ł" * 200).created_id
    assert made is not None
    with pytest.raises(ValidationError, match="venue name is longer than the 200") as edited:
        update_event(store, event_id=made, values={"venue_name": "x" * 201, "purpose": "Kept?"})
    assert edited.value.field == "venue_name"
    with store.begin() as s:
        event = s.get_one(Event, made)
        assert (event.title, event.venue_name, event.purpose) == ("Ł" * 200, "", "")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+pg8000://a@127.0.0.1/test", r"driver pg8000 is not installed.*\[postgres"),
        ("nonsense://somewhere", "Can't load plugin"),
        ("postgresql+psycopg://a@127.0.0.1:1/test", r"connection failed: .*port 1 failed"),
    ],
)
def test_an_address_that_cannot_be_used_is_said_in_words(url: str, said: str) -> None:
    with pytest.raises(StoreError, match=f"^Cannot open the database: .*{said}") as refused:
        open_store(url)
    assert "OperationalError" not in str(refused.value), "the server's words, not the class"


def test_a_number_beyond_its_column_is_refused_in_words_everywhere(
    store: Store, create_event: Callable[..., int], add_cost: Callable[..., int]
) -> None:
    # PostgreSQL's INTEGER holds 32 bits; SQLite's would hold 64. £30 million is too much for both.
    event = create_event()
    with pytest.raises(ValidationError, match=r"^The estimated amount is too large a number"):
        add_cost(event, estimated_pence=3_000_000_000)
    with pytest.raises(ValidationError, match=r"^The capacity is too large a number") as said:
        update_event(store, event_id=event, values={"capacity": 2**31})
    assert said.value.field == "capacity"
    assert add_cost(event, estimated_pence=2**31 - 1)


def test_a_password_given_in_the_query_is_not_shown() -> None:
    from organiser.core.db import make_engine

    url = "postgresql+psycopg://zoe@db.example.org/organiser?password=s3cret-words"
    shown = Store(make_engine(url), url).display_name
    assert "s3cret" not in shown and "db.example.org/organiser" in shown
