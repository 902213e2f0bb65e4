"""Two people editing the same row: merged field by field, or a clash with both values."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.errors import EditConflict, SavedElsewhere
from organiser.core.events.models import Event
from organiser.core.events.service import event_version, update_event
from organiser.core.meetings import service as meetings
from organiser.core.planning.models import Member
from organiser.core.row_kinds import RowKind
from organiser.core.versions import merged_text


def _member(store: Store, event_id: int) -> tuple[int, dict[str, object], int]:
    changes = crud.add_row(
        store,
        kind=RowKind.MEMBERS,
        parent_id=event_id,
        values={"name": "Zoë Marsh", "role": "Volunteer", "email": "", "phone": "01632 960 111"},
    )
    assert changes.created_id is not None
    shown = {"name": "Zoë Marsh", "role": "Volunteer", "email": "", "phone": "01632 960 111"}
    version = crud.current_version(store, kind=RowKind.MEMBERS, row_id=changes.created_id)
    return changes.created_id, shown, version


def _stored(store: Store, member_id: int) -> Member:
    with store.begin() as s:
        return s.get_one(Member, member_id)


def test_every_save_raises_the_version(store: Store, create_event: Callable[..., int]) -> None:
    member_id, _shown, version = _member(store, create_event())
    changes = crud.update_row(
        store, kind=RowKind.MEMBERS, row_id=member_id, values={"phone": "01632 960 222"}
    )
    assert changes.row_version == version + 1
    assert crud.current_version(store, kind=RowKind.MEMBERS, row_id=member_id) == version + 1


def test_edits_of_different_fields_are_both_kept(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    member_id, shown, version = _member(store, create_event())
    # The other person changes the phone number first.
    crud.update_row(
        other, kind=RowKind.MEMBERS, row_id=member_id, values={"phone": "01632 960 999"}
    )
    # This window still shows the old phone, and saves every field with a new email.
    mine = shown | {"email": "zoe@example.org"}
    crud.update_row(
        store,
        kind=RowKind.MEMBERS,
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
        other, kind=RowKind.MEMBERS, row_id=member_id, values={"phone": "01632 960 999"}
    )
    with pytest.raises(EditConflict, match="Someone else changed this member") as caught:
        crud.update_row(
            store,
            kind=RowKind.MEMBERS,
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
        kind=RowKind.MEMBERS,
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
        other, kind=RowKind.MEMBERS, row_id=member_id, values={"phone": "01632 960 444"}
    )
    crud.update_row(
        store,
        kind=RowKind.MEMBERS,
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


def test_notes_typed_in_two_places_are_a_clash_that_can_keep_both(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    meeting_id = crud.add_row(
        store, kind=RowKind.MEETINGS, parent_id=event_id, values={"title": "Planning"}
    ).created_id
    assert meeting_id is not None
    shown, version = meetings.notes_state(store, meeting_id)
    meetings.save_notes(other, meeting_id=meeting_id, text="Agreed: Saturday 14 March.")
    with pytest.raises(EditConflict, match="meeting’s notes") as caught:
        meetings.save_notes(
            store,
            meeting_id=meeting_id,
            text="Venue: the family hub.",
            base=shown,
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert clash.is_text and clash.theirs == "Agreed: Saturday 14 March."
    both = merged_text(clash.mine, clash.theirs)
    meetings.save_notes(
        store,
        meeting_id=meeting_id,
        text=both,
        base=clash.theirs,
        expected_version=caught.value.version,
    )
    stored, _version = meetings.notes_state(store, meeting_id)
    assert "Venue: the family hub." in stored and "Agreed: Saturday 14 March." in stored


def test_details_changed_elsewhere_are_kept_and_a_clash_is_shown(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Coffee morning", purpose="Meet other parents")
    shown = {"title": "Coffee morning", "purpose": "Meet other parents", "venue_name": ""}
    version = event_version(store, event_id)
    update_event(other, event_id=event_id, values={"venue_name": "Family hub"})
    # A different field: both kept.
    update_event(
        store,
        event_id=event_id,
        values=shown | {"purpose": "Meet other parents and staff"},
        base=shown,
        expected_version=version,
    )
    with store.begin() as s:
        event = s.get_one(Event, event_id)
        assert (event.purpose, event.venue_name) == ("Meet other parents and staff", "Family hub")
    # The same field: a clash, nothing overwritten.
    with pytest.raises(EditConflict, match="event’s details"):
        update_event(
            store,
            event_id=event_id,
            values=shown | {"venue_name": "Library"},
            base=shown,
            expected_version=version,
        )
    with store.begin() as s:
        assert s.get_one(Event, event_id).venue_name == "Family hub"


def test_a_members_organisation_changed_by_both_is_a_clash(
    store: Store, other: Store, create_event: Callable[..., int]
) -> None:
    member_id, shown, version = _member(store, create_event())
    crud.update_row(
        other,
        kind=RowKind.MEMBERS,
        row_id=member_id,
        values={"organisation": "Family Hub Trust"},
    )
    with pytest.raises(EditConflict) as caught:
        crud.update_row(
            store,
            kind=RowKind.MEMBERS,
            row_id=member_id,
            values=shown | {"organisation": "Harbourside Health"},
            base=shown | {"organisation": ""},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.theirs) == ("organisation", "Family Hub Trust")
