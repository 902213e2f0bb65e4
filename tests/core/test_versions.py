"""Two people editing the same row: merged field by field, or a clash with both values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing

import pytest

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.errors import EditConflict, SavedElsewhere
from organiser.core.events.models import Event
from organiser.core.events.service import update_event
from organiser.core.opening import open_store
from organiser.core.planning.models import Member
from organiser.core.sections import Section
from organiser.core.versions import merged_text


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """A second window (or person) on the same database."""
    with closing(open_store(store.url, daily_backup=False)) as second:
        yield second


def _member(store: Store, event_id: int) -> tuple[int, dict[str, object], int]:
    changes = crud.add_row(
        store,
        section=Section.MEMBERS,
        parent_id=event_id,
        values={"name": "Zoë Marsh", "role": "Volunteer", "email": "", "phone": "01632 960 111"},
    )
    assert changes.created_id is not None
    shown = {"name": "Zoë Marsh", "role": "Volunteer", "email": "", "phone": "01632 960 111"}
    version = crud.current_version(store, section=Section.MEMBERS, row_id=changes.created_id)
    return changes.created_id, shown, version


def _stored(store: Store, member_id: int) -> Member:
    with store.begin() as s:
        return s.get_one(Member, member_id)


def test_every_save_raises_the_version(store: Store, create_event: Callable[..., int]) -> None:
    member_id, _shown, version = _member(store, create_event())
    changes = crud.update_row(
        store, section=Section.MEMBERS, row_id=member_id, values={"phone": "01632 960 222"}
    )
    assert changes.row_version == version + 1
    assert crud.current_version(store, section=Section.MEMBERS, row_id=member_id) == version + 1


def test_edits_of_different_fields_are_both_kept(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    member_id, shown, version = _member(store, create_event())
    # The other person changes the phone number first.
    crud.update_row(
        other, section=Section.MEMBERS, row_id=member_id, values={"phone": "01632 960 999"}
    )
    # This window still shows the old phone, and saves every field with a new email.
    mine = shown | {"email": "zoe@example.org"}
    crud.update_row(
        store,
        section=Section.MEMBERS,
        row_id=member_id,
        values=mine,
        base=shown,
        expected_version=version,
    )
    saved = _stored(store, member_id)
    assert (saved.email, saved.phone) == ("zoe@example.org", "01632 960 999")


def test_the_same_field_changed_by_both_is_a_clash_showing_both_values(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    member_id, shown, version = _member(store, create_event())
    crud.update_row(
        other, section=Section.MEMBERS, row_id=member_id, values={"phone": "01632 960 999"}
    )
    with pytest.raises(EditConflict, match="Someone else changed this member") as caught:
        crud.update_row(
            store,
            section=Section.MEMBERS,
            row_id=member_id,
            values=shown | {"phone": "01632 960 333"},
            base=shown,
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.base, clash.mine, clash.theirs) == (
        "phone",
        "01632 960 111",
        "01632 960 333",
        "01632 960 999",
    )
    assert _stored(store, member_id).phone == "01632 960 999"  # nothing overwritten
    # Keeping mine: saved again against the version the clash was shown at.
    crud.update_row(
        store,
        section=Section.MEMBERS,
        row_id=member_id,
        values={"phone": "01632 960 333"},
        base={"phone": clash.theirs},
        expected_version=caught.value.version,
    )
    assert _stored(store, member_id).phone == "01632 960 333"


def test_the_same_value_typed_by_both_is_no_clash(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    member_id, shown, version = _member(store, create_event())
    crud.update_row(
        other, section=Section.MEMBERS, row_id=member_id, values={"phone": "01632 960 444"}
    )
    crud.update_row(
        store,
        section=Section.MEMBERS,
        row_id=member_id,
        values=shown | {"phone": "01632 960 444"},
        base=shown,
        expected_version=version,
    )
    assert _stored(store, member_id).phone == "01632 960 444"


def test_a_stale_object_cannot_overwrite_a_newer_row(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    """version_id_col itself: an UPDATE made from an old read finds no row to change."""
    event_id = create_event(title="Coffee morning")
    saving = pytest.raises(SavedElsewhere, match="Someone else saved the same thing")
    with saving, store.begin() as s:
        event = s.get_one(Event, event_id)
        event.purpose = "Mine"
        # The other save lands between this read and this write.
        update_event(other, event_id=event_id, values={"purpose": "Theirs"})
    with store.begin() as s:
        assert s.get_one(Event, event_id).purpose == "Theirs"


def test_keeping_both_texts_marks_where_the_other_begins() -> None:
    merged = merged_text("Bring the sign-in sheet.", "Bring name badges.")
    assert merged.startswith("Bring the sign-in sheet.\n\n")
    assert merged.endswith("\nBring name badges.")
    assert "their version" in merged
