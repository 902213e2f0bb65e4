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
from PIL import Image
from sqlalchemy import func, select

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
