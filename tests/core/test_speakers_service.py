"""Speakers: warning rules with worked examples, and the services on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.crud import delete_row, restore_row
from organiser.core.db import Store
from organiser.core.errors import Conflict, ValidationError
from organiser.core.planning.service import list_costs, list_programme
from organiser.core.row_kinds import RowKind
from organiser.core.speakers import invitations as inv
from organiser.core.speakers import service as directory
from organiser.core.speakers.rules import (
    EventFacts,
    InvitationFacts,
    Slot,
    invitation_warnings,
    summary,
)

T = dt.time.fromisoformat
TODAY = dt.date(2027, 3, 1)
STEP_FREE = {"step_free": True}
EVENT = EventFacts(TODAY + dt.timedelta(days=30), T("09:45"), T("12:15"), STEP_FREE)


def facts(ident: int, status: str = "confirmed", **values: object) -> InvitationFacts:
    values.setdefault("speaker_id", ident)
    values.setdefault("speaker", f"Speaker {ident}")
    values.setdefault("length_minutes", 30)
    values.setdefault("slot", Slot("Talk", T("10:00"), T("10:30")))
    return InvitationFacts(id=ident, status=status, **values)  # type: ignore[arg-type]


def warnings(
    *items: InvitationFacts, event: EventFacts = EVENT, days: int = 14
) -> dict[int, list[str]]:
    return invitation_warnings(items, event, today=TODAY, confirm_days=days)


def test_a_confirmed_talk_that_fits_its_slot_has_no_warnings() -> None:
    assert warnings(facts(1)) == {1: []}


def test_the_same_speaker_in_two_overlapping_slots_is_a_clash_on_both() -> None:
    first = facts(1, speaker_id=7, slot=Slot("Pilates", T("10:00"), T("10:45")))
    second = facts(2, speaker_id=7, slot=Slot("Stretch", T("10:30"), T("11:00")))
    found = warnings(first, second)
    assert found[1] == ["Also on at 10:30 in “Stretch”"]
    assert found[2] == ["Also on at 10:00 in “Pilates”"]


def test_two_speakers_sharing_one_slot_is_not_a_clash() -> None:
    assert warnings(facts(1, speaker_id=1), facts(2, speaker_id=2)) == {1: [], 2: []}


def test_a_declined_invitation_never_clashes_or_warns() -> None:
    declined = facts(2, status="declined", speaker_id=1)
    assert warnings(facts(1, speaker_id=1), declined) == {1: [], 2: []}


def test_a_talk_longer_than_its_slot() -> None:
    assert warnings(facts(1, length_minutes=45)) == {1: ["Talk is 45 min; the slot is 30 min"]}


def test_confirmed_without_a_slot_and_a_slot_without_confirmation() -> None:
    assert warnings(facts(1, slot=None))[1] == ["Confirmed but has no slot"]
    far = EventFacts(TODAY + dt.timedelta(days=60), None, None, STEP_FREE)
    assert warnings(facts(1, status="invited"), event=far)[1] == ["Has a slot but is not confirmed"]


@pytest.mark.parametrize(("days_left", "warned"), [(15, False), (14, True), (3, True), (-1, False)])
def test_not_confirmed_within_the_setting_days_of_the_event(days_left: int, warned: bool) -> None:
    event = EventFacts(TODAY + dt.timedelta(days=days_left), None, None, STEP_FREE)
    found = warnings(facts(1, status="idea", slot=None), event=event)[1]
    assert (f"Not confirmed, {days_left} days before the event" in found) is warned


@pytest.mark.parametrize(
    ("days_left", "says"),
    [(1, "Not confirmed, 1 day before the event"), (0, "Not confirmed, and the event is today")],
)
def test_one_day_and_the_day_itself_are_said_right(days_left: int, says: str) -> None:
    event = EventFacts(TODAY + dt.timedelta(days=days_left), None, None, STEP_FREE)
    assert warnings(facts(1, status="idea", slot=None), event=event)[1] == [says]


def test_a_slot_outside_the_event_times() -> None:
    early = facts(1, slot=Slot("Early", T("09:00"), T("09:30")))
    assert warnings(early)[1] == ["The slot is outside the event’s times"]


def test_access_needs_the_venue_does_not_meet() -> None:
    needs = facts(1, access_needs="Uses a wheelchair; brings baby")
    venue = EventFacts(EVENT.date, EVENT.start, EVENT.end, {"step_free": False})
    assert warnings(needs, event=venue)[1] == [
        "Needs step-free access and baby change, which the venue does not have"
    ]


def test_summary_counts_statuses_and_attention() -> None:
    found = {1: [], 2: ["Confirmed but has no slot"], 3: []}
    text = summary(found, {1: "confirmed", 2: "confirmed", 3: "invited"})
    assert text == "1 invited · 2 confirmed · ⚠ 1 need attention"
    assert summary({}, {}) == "No invitations yet"


@pytest.fixture
def event_id(create_event: Callable[..., int], add_item: Callable[..., int]) -> int:
    event = create_event(title="Wellbeing morning", start_time=T("09:45"), end_time=T("12:15"))
    add_item(event, title="Gentle Pilates", start="10:10", end="10:55")
    return event


def _speaker(store: Store, name: str = "Priya Shah", **values: object) -> int:
    created = directory.add_speaker(store, values={"name": name, **values}).created_id
    assert created is not None
    return created


def _invite(store: Store, event_id: int, speaker_id: int, **values: object) -> int:
    created = inv.add_invitation(
        store, event_id=event_id, values={"speaker_id": speaker_id, **values}
    ).created_id
    assert created is not None
    return created


def _fee_lines(store: Store, event_id: int) -> list[int]:
    return [c.estimated_pence for c in list_costs(store, event_id) if "speaker’s fee" in c.item]


def test_the_fee_is_one_budget_line_kept_in_step_and_removed_when_declined(
    store: Store, event_id: int
) -> None:
    invitation = _invite(store, event_id, _speaker(store), fee_pence=12000, status="invited")
    assert _fee_lines(store, event_id) == [12000]
    inv.update_invitation(store, invitation_id=invitation, values={"fee_pence": 15000})
    assert _fee_lines(store, event_id) == [15000]
    changes = inv.update_invitation(store, invitation_id=invitation, values={"status": "declined"})
    assert _fee_lines(store, event_id) == []
    inv.update_invitation(store, invitation_id=invitation, values=changes.previous)
    assert _fee_lines(store, event_id) == [15000]
    deleted = inv.delete_invitation(store, invitation_id=invitation)
    assert _fee_lines(store, event_id) == []
    assert deleted.snapshot is not None
    inv.restore_invitation(store, snapshot=deleted.snapshot)
    assert _fee_lines(store, event_id) == [15000]


def test_each_status_change_is_dated(store: Store, event_id: int) -> None:
    invitation = _invite(store, event_id, _speaker(store))
    for status in ("invited", "confirmed"):
        inv.update_invitation(store, invitation_id=invitation, values={"status": status})
    history = inv.status_history(store, invitation)
    assert [status for status, _ in history] == ["idea", "invited", "confirmed"]
    assert all(isinstance(at, dt.datetime) for _, at in history)


def test_slots_are_linked_or_made_and_warnings_follow(store: Store, event_id: int) -> None:
    speaker = _speaker(store)
    pilates = list_programme(store, event_id)[0].id
    first = _invite(store, event_id, speaker, status="confirmed", length_minutes=45)
    second = _invite(store, event_id, speaker, status="confirmed", length_minutes=30)
    inv.update_invitation(store, invitation_id=first, values={"programme_item_id": pilates})
    made = inv.make_slot(store, invitation_id=second, start=T("10:30"))
    rows = {r.id: r for r in inv.list_invitations(store, event_id, today=TODAY)}
    assert rows[first].warnings == ("Also on at 10:30 in “Talk by Priya Shah”",)
    assert rows[second].slot == "10:30–11:00 Talk by Priya Shah"
    assert made.snapshot is not None
    inv.unmake_slot(store, snapshot=made.snapshot)
    rows = {r.id: r for r in inv.list_invitations(store, event_id, today=TODAY)}
    assert rows[first].warnings == ()
    assert rows[second].warnings == ("Confirmed but has no slot",)
    assert len(list_programme(store, event_id)) == 1


def test_a_slot_from_another_event_and_bad_values_are_refused(
    store: Store, event_id: int, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    elsewhere = add_item(create_event(title="Other"), title="Elsewhere")
    invitation = _invite(store, event_id, _speaker(store))
    for values, field in (
        ({"programme_item_id": elsewhere}, "programme_item_id"),
        ({"fee_pence": -5}, "fee_pence"),
        ({"length_minutes": 0}, "length_minutes"),
        ({"status": "maybe"}, "status"),
    ):
        with pytest.raises(ValidationError) as refused:
            inv.update_invitation(store, invitation_id=invitation, values=values)
        assert refused.value.field == field


def test_a_deleted_programme_item_comes_back_linked_to_its_invitation(
    store: Store, event_id: int
) -> None:
    pilates = list_programme(store, event_id)[0].id
    invitation = _invite(store, event_id, _speaker(store), programme_item_id=pilates)
    deleted = delete_row(store, kind=RowKind.PROGRAMME, row_id=pilates)
    assert inv.list_invitations(store, event_id, today=TODAY)[0].programme_item_id is None
    assert deleted.snapshot is not None
    restore_row(store, kind=RowKind.PROGRAMME, snapshot=deleted.snapshot)
    assert inv.list_invitations(store, event_id, today=TODAY)[0].programme_item_id == pilates
    assert invitation


def test_a_speaker_needs_a_name_and_one_with_invitations_is_archived_not_deleted(
    store: Store, event_id: int
) -> None:
    with pytest.raises(ValidationError) as refused:
        directory.add_speaker(store, values={"name": "  "})
    assert refused.value.field == "name"
    kept = _speaker(store, "Łucja Nowak", organisation="Family Engagement Team")
    lone = _speaker(store, "Nguyễn Văn An")
    _invite(store, event_id, kept)
    with pytest.raises(Conflict, match="archive them instead"):
        directory.delete_speaker(store, speaker_id=kept)
    deleted = directory.delete_speaker(store, speaker_id=lone)
    assert [s.name for s in directory.list_speakers(store)] == ["Łucja Nowak"]
    assert deleted.snapshot is not None
    directory.restore_speaker(store, snapshot=deleted.snapshot)
    directory.update_speaker(store, speaker_id=kept, values={"archived": True})
    assert [s.name for s in directory.list_speakers(store)] == ["Nguyễn Văn An"]
    everyone = directory.list_speakers(store, include_archived=True)
    assert [(s.name, s.organisation, s.events) for s in everyone] == [
        ("Łucja Nowak", "Family Engagement Team", 1),
        ("Nguyễn Văn An", "", 0),
    ]


def test_merging_duplicates_moves_invitations_fills_blanks_and_undoes(
    store: Store, event_id: int
) -> None:
    keep = _speaker(store, "Priya Shah")
    twin = _speaker(store, "Priya Shah (Pilates)", email="priya@example.org")
    _invite(store, event_id, twin, talk_title="Pilates")
    merged = directory.merge_speakers(store, keep_id=keep, merge_id=twin)
    [row] = directory.list_speakers(store)
    assert (row.id, row.email, row.events) == (keep, "priya@example.org", 1)
    assert merged.snapshot is not None
    directory.unmerge_speakers(store, snapshot=merged.snapshot)
    rows = {s.id: s for s in directory.list_speakers(store)}
    assert rows[keep].email == "" and rows[twin].events == 1
    assert directory.past_events(store, twin)[0].talk == "Pilates"


def test_confirmed_speakers_for_the_flyer_and_a_member_as_speaker(
    store: Store, event_id: int, add_member: Callable[..., int]
) -> None:
    zoe = add_member(event_id, name="Zoë Marsh", organisation="Parents’ forum")
    speaker = directory.speaker_from_member(store, member_id=zoe).created_id
    assert speaker is not None
    again = directory.speaker_from_member(store, member_id=zoe)
    assert again.created_id == speaker and not again.touched
    _invite(store, event_id, speaker, status="confirmed")
    _invite(store, event_id, _speaker(store, "Dev Okafor"), status="invited")
    assert inv.confirmed_speakers(store, event_id) == [("Zoë Marsh", "Parents’ forum")]


def test_the_confirmation_setting(store: Store) -> None:
    assert inv.confirm_days(store) == 14
    changes = inv.set_confirm_days(store, days=21)
    assert inv.confirm_days(store) == 21 and changes.previous == {"days": 14}
    with pytest.raises(ValidationError):
        inv.set_confirm_days(store, days=-1)


def test_names_sort_as_a_person_expects() -> None:
    from organiser.core.parsing import sort_key

    names = ["Zoë", "mark", "Nguyễn", "Lucy", "Łucja", "Zoe"]
    assert sorted(names, key=sort_key) == ["Łucja", "Lucy", "mark", "Nguyễn", "Zoë", "Zoe"]
