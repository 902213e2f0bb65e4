"""Event verbs against a real temporary SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.kinds import Status
from organiser.core.events.service import (
    create_event,
    delete_event,
    duplicate_event,
    event_exists,
    find_event,
    get_event,
    list_events,
    require_event,
    restore_event,
    set_archived,
    update_event,
)
from organiser.core.planning.service import (
    budget,
    list_costs,
    list_funds,
    list_members,
    list_programme,
)


def test_create_event_strips_the_title_and_starts_as_an_idea(store: Store) -> None:
    changes = create_event(store, title="  Pilates morning ")
    assert changes.created_id is not None
    assert Touched.EVENTS in changes
    event = get_event(store, changes.created_id)
    assert event.title == "Pilates morning"
    assert event.status == Status.IDEA.value
    assert event.date is None
    assert not event.archived


def test_create_event_needs_a_title(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        create_event(store, title="   ")
    assert caught.value.field == "title"
    assert list_events(store) == []


def test_update_event_returns_previous_values_for_undo(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Pilates morning", capacity=20)
    changes = update_event(
        store, event_id=event_id, values={"capacity": 25, "venue_name": "Harbourside"}
    )
    assert changes.previous == {"capacity": 20, "venue_name": ""}
    assert Touched.DETAILS in changes
    assert Touched.EVENTS not in changes  # the switcher shows neither field
    event = get_event(store, event_id)
    assert (event.capacity, event.venue_name) == (25, "Harbourside")

    retitled = update_event(store, event_id=event_id, values={"title": "Pilates by the sea"})
    assert Touched.EVENTS in retitled

    unchanged = update_event(store, event_id=event_id, values={"capacity": 25})
    assert unchanged.touched == Touched.NONE
    assert unchanged.previous == {}


def test_venue_features_in_words(store: Store, create_event: Callable[..., int]) -> None:
    event_id = create_event(step_free=True, baby_change=True)
    assert get_event(store, event_id).venue_features == ["Step-free access", "Baby change"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"end_time": dt.time(9, 0)}, "end_time"),
        ({"start_time": dt.time(13, 0)}, "start_time"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": -5}, "capacity"),
        ({"attendance": -1}, "attendance"),
        ({"status": "Done"}, "status"),
        ({"title": ""}, "title"),
        ({"purpose": "x" * 2_000_001}, "purpose"),
    ],
)
def test_invalid_details_name_their_field_and_change_nothing(
    store: Store, create_event: Callable[..., int], values: dict[str, object], field: str
) -> None:
    event_id = create_event(start_time="10:00", end_time="12:00", capacity=20)
    before = get_event(store, event_id)
    with pytest.raises(ValidationError) as caught:
        update_event(store, event_id=event_id, values=values)
    assert caught.value.field == field
    assert get_event(store, event_id) == before


def test_editing_a_field_that_does_not_exist_is_a_programming_error(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    with pytest.raises(ValueError, match="no editable field 'archived'"):
        update_event(store, event_id=event_id, values={"archived": True})


def test_missing_event_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no longer exists"):
        get_event(store, 999)
    with pytest.raises(NotFound):
        update_event(store, event_id=999, values={"title": "x"})
    with pytest.raises(NotFound):
        require_event(store, 999)
    assert not event_exists(store, 999)


def test_list_events_soonest_first_undated_last(
    store: Store, create_event: Callable[..., int]
) -> None:
    later = create_event(title="Summer picnic", date=dt.date(2027, 7, 1))
    undated = create_event(title="Autumn walk")
    sooner = create_event(title="Spring Pilates", date=dt.date(2027, 3, 14))
    assert [row.id for row in list_events(store)] == [sooner, later, undated]


def test_archive_hides_an_event_until_it_comes_back(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Old session")
    kept = create_event(title="Current session")
    changes = set_archived(store, event_id=event_id, archived=True)
    assert changes.previous == {"archived": False}
    assert [row.id for row in list_events(store)] == [kept]
    everything = {row.id: row.archived for row in list_events(store, include_archived=True)}
    assert everything == {event_id: True, kept: False}
    set_archived(store, event_id=event_id, archived=False)
    assert len(list_events(store)) == 2


def test_duplicate_copies_details_group_programme_and_budget_but_not_actual_costs(
    store: Store, demo_event: int
) -> None:
    update_event(store, event_id=demo_event, values={"attendance": 18})
    copy_id = duplicate_event(store, event_id=demo_event).created_id
    assert copy_id is not None and copy_id != demo_event

    source, copy = get_event(store, demo_event), get_event(store, copy_id)
    assert copy.title == f"{source.title} (session 2)"
    assert copy.status == Status.PLANNING.value
    assert copy.series_previous_id == demo_event
    assert copy.date is None  # the next session needs its own date
    assert copy.attendance is None
    for same in ("purpose", "audience", "start_time", "end_time", "venue_name", "capacity"):
        assert getattr(copy, same) == getattr(source, same)
    assert copy.venue_features == source.venue_features

    def members(event_id: int) -> list[tuple[str, str, str]]:
        return [(m.name, m.role, m.organisation) for m in list_members(store, event_id)]

    def programme(event_id: int) -> list[tuple[dt.time, dt.time, str, bool]]:
        return [(p.start, p.end, p.title, p.alongside) for p in list_programme(store, event_id)]

    assert members(copy_id) == members(demo_event)
    assert len(members(copy_id)) == 4
    assert programme(copy_id) == programme(demo_event)
    assert len(programme(copy_id)) == 7
    assert [(f.name, f.amount_pence) for f in list_funds(store, copy_id)] == [
        (f.name, f.amount_pence) for f in list_funds(store, demo_event)
    ]
    copied_costs = list_costs(store, copy_id)
    assert [(c.item, c.estimated_pence) for c in copied_costs] == [
        (c.item, c.estimated_pence) for c in list_costs(store, demo_event)
    ]
    assert all(c.actual_pence is None and not c.paid for c in copied_costs)
    assert budget(store, copy_id).actual == 0
    assert budget(store, copy_id).estimated == budget(store, demo_event).estimated == 44800
    # The original keeps what was really spent.
    assert budget(store, demo_event).actual == 40490


def test_duplicate_numbers_the_sessions(store: Store, create_event: Callable[..., int]) -> None:
    first = create_event(title="Pilates morning")
    second = duplicate_event(store, event_id=first).created_id
    assert second is not None
    third = duplicate_event(store, event_id=second).created_id
    assert third is not None
    assert get_event(store, second).title == "Pilates morning (session 2)"
    assert get_event(store, third).title == "Pilates morning (session 3)"
    odd = create_event(title="Talk (session two)")
    copy = duplicate_event(store, event_id=odd).created_id
    assert copy is not None
    assert get_event(store, copy).title == "Talk (session two) (session 2)"


def test_delete_then_restore_brings_everything_back_with_the_same_ids(
    store: Store, demo_event: int
) -> None:
    next_session = duplicate_event(store, event_id=demo_event).created_id
    assert next_session is not None
    before = (
        get_event(store, demo_event),
        list_members(store, demo_event),
        list_programme(store, demo_event),
        list_funds(store, demo_event),
        list_costs(store, demo_event),
    )

    deleted = delete_event(store, event_id=demo_event)
    assert deleted.touched == Touched.ALL
    assert not event_exists(store, demo_event)
    assert list_members(store, demo_event) == []
    assert list_costs(store, demo_event) == []
    assert get_event(store, next_session).series_previous_id is None

    assert deleted.snapshot is not None
    restore_event(store, snapshot=deleted.snapshot)
    after = (
        get_event(store, demo_event),
        list_members(store, demo_event),
        list_programme(store, demo_event),
        list_funds(store, demo_event),
        list_costs(store, demo_event),
    )
    assert after == before
    assert get_event(store, next_session).series_previous_id == demo_event


def test_delete_leaves_other_events_alone(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    gone = create_event(title="Gone")
    kept = create_event(title="Kept")
    add_member(gone, name="A")
    add_member(kept, name="B")
    delete_event(store, event_id=gone)
    assert [m.name for m in list_members(store, kept)] == ["B"]


def test_find_event_by_id_and_by_title(store: Store, create_event: Callable[..., int]) -> None:
    pilates = create_event(title="Pilates by the Sea")
    create_event(title="Autumn walk")
    assert find_event(store, str(pilates)) == pilates
    assert find_event(store, f" {pilates} ") == pilates
    assert find_event(store, "pilates by the sea") == pilates
    assert find_event(store, "  Pilates by the Sea ") == pilates


def test_find_event_explains_what_is_wrong(store: Store, create_event: Callable[..., int]) -> None:
    create_event(title="Coffee morning")
    create_event(title="Coffee morning")
    with pytest.raises(NotFound, match="More than one event is called “coffee morning”"):
        find_event(store, "coffee morning")
    with pytest.raises(NotFound, match="`organiser events` lists them"):
        find_event(store, "Picnic")
    with pytest.raises(NotFound):
        find_event(store, "4242")


def test_an_event_titled_with_digits_is_found_by_title(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="2027")
    assert find_event(store, "2027") == event_id
