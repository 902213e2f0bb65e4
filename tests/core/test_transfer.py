"""Copying events between stores: everything an event owns, relations intact, never twice."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from PIL import Image
from sqlalchemy import create_engine, func, select, text

from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.errors import Conflict
from organiser.core.events import service as events
from organiser.core.flyer import service as flyer
from organiser.core.opening import open_store
from organiser.core.parsing import name_key
from organiser.core.paths import database_url
from organiser.core.team import transfer
from organiser.core.team.transfer import GLOBAL, copied_tables, copy_events, list_copyable

TODAY = dt.date(2027, 2, 1)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """A SQLite file with the example event, a flyer picture and the event's next session."""
    path = tmp_path_factory.mktemp("demo") / "organiser.sqlite"
    shutil.copyfile(migrated_template, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as made:
        event_id = add_demo_event(made, today=TODAY)
        flyer.set_image(made, event_id=event_id, data=_png(), name="sea.png")
        events.duplicate_event(made, event_id=event_id)
    return path


@pytest.fixture
def source(tmp_path: Path, demo_file: Path) -> Iterator[Store]:
    """Someone's own SQLite file, copied from: the example event (1) and its next session (2)."""
    path = tmp_path / "laptop" / "organiser.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def target(store: Store) -> Store:
    """The database copied to: the team's PostgreSQL server when that backend runs."""
    return store


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "#0B4F6C").save(out, "PNG")
    return out.getvalue()


def _rows(store: Store) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every copied table's rows by primary key."""
    found: dict[str, dict[Any, dict[str, Any]]] = {}
    with store.begin() as s:
        for each in copied_tables():
            keys = [c.name for c in each.primary_key.columns]
            found[each.name] = {
                tuple(row._mapping[k] for k in keys): dict(row._mapping)
                for row in s.execute(select(each))
            }
    return found


def _count(store: Store, name: str) -> int:
    with store.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0)


def _assert_copied_faithfully(
    source_rows: dict[str, dict[Any, dict[str, Any]]],
    target_rows: dict[str, dict[Any, dict[str, Any]]],
    result: transfer.CopyResult,
    tables: list[str],
) -> None:
    """Each copied row is in the target with its values, and its pointers follow the id map."""
    for name in tables:
        fks = {fk.column: fk.table for fk in transfer.foreign_keys(name)}
        for key, row in source_rows[name].items():
            if transfer.has_id(Base.metadata.tables[name]):
                copied = target_rows[name][(result.id_map[(name, key[0])],)]
            else:
                keys = [c.name for c in Base.metadata.tables[name].primary_key.columns]
                mapped = tuple(
                    result.id_map[(fks[c], row[c])] if c in fks else row[c] for c in keys
                )
                copied = target_rows[name][mapped]
            for column, value in row.items():
                if column == "id":
                    continue
                if column in fks:
                    assert copied[column] == result.id_map.get((fks[column], value)), (
                        name,
                        column,
                    )
                elif column == VERSION_COLUMN:
                    assert copied[column] == 1
                elif column not in transfer.FRESH.get(name, {}):
                    assert copied[column] == value, (name, column)


def test_every_table_is_owned_shared_or_left_out_on_purpose() -> None:
    # A new table must be decided here: owned by an event (event_id or a CASCADE chain),
    # shared (GLOBAL) or never copied (EXCLUDED); otherwise a copy would silently miss it.
    assert transfer.unclassified_tables() == []
    owners = transfer.owners()
    for name in owners:
        seen = name
        while owners[seen] is not None:
            seen = owners[seen][1]  # type: ignore[index]
        assert seen == "event", name
    assert not (set(owners) & GLOBAL) and not (set(owners) & transfer.EXCLUDED)


def test_copying_everything_keeps_every_row_and_id(source: Store, target: Store) -> None:
    before = _rows(source)
    result = copy_events(source, target)
    after = _rows(target)
    assert [title for _s, _t, title in result.events] == [
        row["title"] for row in before["event"].values()
    ]
    assert result.ids_kept
    assert result.rows == sum(len(rows) for rows in before.values())
    for name in before:
        assert len(after[name]) == len(before[name]), name
    _assert_copied_faithfully(before, after, result, list(before))
    for name in ("change_feed", "offline_copy", "offline_row"):
        assert _count(target, name) <= (1 if name == "change_feed" else 0)  # its own commit
    images = list(after["flyer_image"].values())
    assert len(images) == 1 and images[0]["data"] == _png()


def test_chosen_events_bring_only_what_they_use(source: Store, target: Store) -> None:
    demo = 1
    with source.begin() as s:
        session_two = s.scalar(
            select(Base.metadata.tables["event"].c.id).where(
                Base.metadata.tables["event"].c.series_previous_id == demo
            )
        )
    assert [(e, in_target) for e, _t, in_target in list_copyable(source)] == [
        (demo, False),
        (session_two, False),
    ]
    result = copy_events(source, target, [session_two])
    after = _rows(target)
    [(source_id, target_id, _title)] = result.events
    assert source_id == session_two
    copied_event = after["event"][(target_id,)]
    assert copied_event["series_previous_id"] is None  # the first session was not copied
    lessons = list(after["lesson"].values())
    assert lessons and all(row["carried_from_id"] is None for row in lessons)
    assert after["booking"] == {}  # the next session has no bookings yet
    assert after["setting"] == {}  # settings travel with a copy of everything
    # Only the organisations its working group uses; no speakers (it invites none yet).
    used = {row["organisation_id"] for row in after["member"].values()} - {None}
    assert {key[0] for key in after["organisation"]} == used
    assert after["speaker"] == {}


def test_ids_taken_in_the_target_are_renumbered_and_relations_follow(
    source: Store, target: Store
) -> None:
    add_demo_event(target, today=TODAY)  # the team's own event holds the same ids
    speakers_there = _count(target, "speaker")
    before = _rows(source)
    result = copy_events(source, target)
    after = _rows(target)
    assert not result.ids_kept
    owned = [n for n in before if n not in GLOBAL]
    _assert_copied_faithfully(before, after, result, owned)
    # The copied children belong to the copied event's bookings, not the team's own.
    copied_events = {target_id for _s, target_id, _t in result.events}
    for child in after["child"].values():
        booking = after["booking"][(child["booking_id"],)]
        if booking["id"] in {result.id_map[("booking", k[0])] for k in before["booking"]}:
            assert booking["event_id"] in copied_events
    # Speakers are matched by name: the directory does not fill with doubles.
    assert _count(target, "speaker") == speakers_there
    for key, invitation in before["invitation"].items():
        copied = after["invitation"][(result.id_map[("invitation", key[0])],)]
        assert (
            after["speaker"][(copied["speaker_id"],)]["name"]
            == before["speaker"][(invitation["speaker_id"],)]["name"]
        )
    # The second session still follows the first, and its lessons still come from the first's.
    (_, demo_copy, _), (_, session_copy, _) = result.events
    assert after["event"][(session_copy,)]["series_previous_id"] == demo_copy


def test_shared_rows_are_matched_by_name_ignoring_case_and_spaces(
    source: Store, target: Store
) -> None:
    organisation = Base.metadata.tables["organisation"]
    before = _rows(source)
    name = before["organisation"][(1,)]["name"]
    with target.begin() as s:
        s.execute(organisation.insert().values(name="Ours", name_key="ours", row_version=1))
        there = s.scalar(
            organisation.insert()
            .values(name=f"  {name.upper()} ", name_key=name_key(name), row_version=1)
            .returning(organisation.c.id)
        )
    result = copy_events(source, target)
    after = _rows(target)
    assert result.id_map[("organisation", 1)] == there
    assert len(after["organisation"]) == len(before["organisation"]) + 1  # "Ours" stays
    members = [m for m in before["member"].values() if m["organisation_id"] == 1]
    assert members
    for member in members:
        copied = after["member"][(result.id_map[("member", member["id"])],)]
        assert copied["organisation_id"] == there


def test_copying_the_same_event_twice_is_refused_in_words(source: Store, target: Store) -> None:
    demo = 1
    copy_events(source, target, [demo])
    counts = {t.name: _count(target, t.name) for t in copied_tables()}
    with pytest.raises(
        Conflict, match=r"“Move, Breathe and Connect.*” is already in .*\(event 1\)"
    ):
        copy_events(source, target, [demo])
    assert {t.name: _count(target, t.name) for t in copied_tables()} == counts


def _speaker_ids(store: Store, name: str) -> list[int]:
    speaker = Base.metadata.tables["speaker"]
    with store.begin() as s:
        return list(s.scalars(select(speaker.c.id).where(speaker.c.name == name)))


@pytest.mark.parametrize(
    ("email_there", "same"),
    [("priya@example.org", True), ("  PRIYA@Example.org ", True), ("p.shah@example.org", False)],
)
def test_speakers_are_matched_by_name_and_email(
    source: Store, target: Store, email_there: str, same: bool
) -> None:
    speaker = Base.metadata.tables["speaker"]
    with target.begin() as s:
        there = s.scalar(
            speaker.insert()
            .values(name="priya  shah", email=email_there, row_version=1)
            .returning(speaker.c.id)
        )
    result = copy_events(source, target, [1])
    [source_priya] = _speaker_ids(source, "Priya Shah")
    copied = result.id_map[("speaker", source_priya)]
    assert (copied == there) is same
    if not same:  # two people of the same name: the copy brings its own, with its email
        assert _rows(target)["speaker"][(copied,)]["email"] == "priya@example.org"


def test_speakers_without_emails_are_matched_by_name_only_when_neither_has_one(
    source: Store, target: Store
) -> None:
    speaker = Base.metadata.tables["speaker"]
    with target.begin() as s:  # Mei Lin has no email in the example
        mei = s.scalar(
            speaker.insert().values(name="Mei Lin", row_version=1).returning(speaker.c.id)
        )
        s.execute(speaker.insert().values(name="Jordan Reece", email="", row_version=1))
    result = copy_events(source, target, [1])
    [source_mei] = _speaker_ids(source, "Mei Lin")
    assert result.id_map[("speaker", source_mei)] == mei
    assert len(_speaker_ids(target, "Jordan Reece")) == 2  # he has an email; the other not


@pytest.mark.parametrize("crowded", [False, True])
def test_events_copied_one_at_a_time_keep_their_series(
    source: Store, target: Store, crowded: bool
) -> None:
    if crowded:
        add_demo_event(target, today=TODAY)  # the team's own rows hold the same ids
    demo, session_two = 1, 2
    [(_, first, _)] = copy_events(source, target, [demo]).events
    second = copy_events(source, target, [session_two])
    [(_, copied, _)] = second.events
    after = _rows(target)
    assert after["event"][(copied,)]["series_previous_id"] == first
    before = _rows(source)
    carried = [row for row in before["lesson"].values() if row["event_id"] == session_two]
    assert carried and all(row["carried_from_id"] is not None for row in carried)
    for row in carried:
        mine = after["lesson"][(second.id_map[("lesson", row["id"])],)]
        earlier = after["lesson"][(mine["carried_from_id"],)]
        assert earlier["event_id"] == first
        assert earlier["learned"] == before["lesson"][(row["carried_from_id"],)]["learned"]


def _on_postgres_only(backend: str) -> None:
    if backend != "postgres":
        pytest.skip("ids come from sequences on PostgreSQL only; SQLite writes one at a time")


def test_someone_adding_a_row_while_a_copy_writes_gets_a_free_id(
    source: Store, target: Store, store_url: str, backend: str
) -> None:
    _on_postgres_only(backend)
    organisation = Base.metadata.tables["organisation"]
    other = create_engine(store_url)
    added: list[int] = []

    def meanwhile(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if added or not statement.startswith("INSERT INTO organisation"):
            return
        with other.begin() as connection:  # someone else's window, while the copy is written
            connection.execute(text("SET LOCAL lock_timeout = '3s'"))
            new = connection.scalar(
                organisation.insert()
                .values(name="Harbour Runners", name_key="harbour runners", row_version=1)
                .returning(organisation.c.id)
            )
            added.append(int(new))  # type: ignore[arg-type]

    sqlalchemy.event.listen(target.engine, "after_cursor_execute", meanwhile)
    try:
        result = copy_events(source, target)
    finally:
        sqlalchemy.event.remove(target.engine, "after_cursor_execute", meanwhile)
        other.dispose()
    assert result.ids_kept and added
    copied = {to for (name, _), to in result.id_map.items() if name == "organisation"}
    assert added[0] not in copied
    assert _count(target, "organisation") == len(copied) + 1


def test_an_id_taken_just_before_the_copy_writes_is_renumbered(
    source: Store, target: Store, store_url: str, backend: str
) -> None:
    _on_postgres_only(backend)
    organisation = Base.metadata.tables["organisation"]
    other = create_engine(store_url)
    done: list[bool] = []

    def meanwhile(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if done or not statement.startswith("INSERT INTO organisation"):
            return
        done.append(True)
        with other.begin() as connection:  # another copy, a moment earlier, kept its id 1
            connection.execute(
                organisation.insert().values(
                    id=1, name="Harbour Runners", name_key="harbour runners", row_version=1
                )
            )

    sqlalchemy.event.listen(target.engine, "before_cursor_execute", meanwhile)
    try:
        before = _rows(source)
        result = copy_events(source, target)
    finally:
        sqlalchemy.event.remove(target.engine, "before_cursor_execute", meanwhile)
        other.dispose()
    assert done and not result.ids_kept
    assert result.id_map[("organisation", 1)] != 1
    after = _rows(target)
    assert after["organisation"][(1,)]["name"] == "Harbour Runners"
    _assert_copied_faithfully(before, after, result, list(before))
