"""The example event's meetings (notes, decisions, actions) and the poll that found its date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from organiser.core.crud import add_row, update_row
from organiser.core.db import Store
from organiser.core.meetings.service import save_notes, set_attendees
from organiser.core.meetings.validation import check_poll_option
from organiser.core.planning.service import list_members
from organiser.core.polls.models import PollOption
from organiser.core.polls.service import choose_option, set_answer
from organiser.core.row_kinds import RowKind

FIRST_NOTES = """# First ideas

Zoë opened with why she wants this morning: Pilates-based physio got her **out of the \
wheelchair and back to work**, and she wants other parents who feel stuck at home to try it.

## What we heard
- Physical wellbeing first, but the perinatal team asked for **mental wellbeing** too
- Parents will only come if their children are looked after nearby
- Mornings after the school run suit most families

## Ideas to follow up
1. A gentle Pilates taster that works from a chair or a mat
2. A short talk on looking after your mind after a baby
3. Local services with stalls, so people leave knowing where to go next
"""

SECOND_NOTES = """# Speakers and budget

Arlo slept through most of this one.

## Speakers
- Priya (Pilates) can do 45 minutes and brings spare mats
- Siobhán will give the wellbeing talk herself
- Seaside Health Trainers and Stretch Together will share a slot

## Money
The grant covers the hall, the instructor and the creche. **Refreshments are tight**: \
pastries and fruit rather than lunch.

## Still hard
Finding a morning when everyone can come — a poll goes out this week.
"""


FINAL_NOTES = """# Final check

Notes started before the meeting, to fill in on the day.

## To bring
- Name badges and pens
- The printed running order and the speaker schedule
- Spare mats from the family centre cupboard

## Questions
1. Who waits at the door from 9:30?
2. Where do buggies go?
"""


def _meeting(store: Store, event_id: int, values: dict[str, Any]) -> int:
    meeting_id = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values=values)
    assert meeting_id.created_id is not None
    return meeting_id.created_id


def _action(store: Store, event_id: int, **values: Any) -> int:
    done = values.pop("done", False)
    action_id = add_row(store, kind=RowKind.ACTIONS, parent_id=event_id, values=values)
    assert action_id.created_id is not None
    if done:  # ticked off a couple of days before it was due
        finished = dt.datetime.combine(values["due"] - dt.timedelta(days=2), dt.time(15, 0))
        update_row(store, kind=RowKind.ACTIONS, row_id=action_id.created_id, values={"done": True})
        update_row(
            store,
            kind=RowKind.ACTIONS,
            row_id=action_id.created_id,
            values={"done_at": finished},
        )
    return action_id.created_id


def add_meetings(store: Store, event_id: int, *, today: dt.date) -> None:
    """Two past meetings with notes, decisions and actions; one still to come."""
    zoe, siobhan, lucja, dev = (m.id for m in list_members(store, event_id))
    ten, eleven = dt.time(10, 0), dt.time(11, 0)
    first = _meeting(
        store,
        event_id,
        {
            "title": "First ideas",
            "date": today - dt.timedelta(days=49),
            "start": ten,
            "end": eleven,
            "place": "Harbourside Family Centre, meeting room 2",
            "agenda": "Why this event\nWho it is for\nWhat a morning could look like",
        },
    )
    set_attendees(store, meeting_id=first, member_ids=[zoe, siobhan, lucja, dev])
    save_notes(store, meeting_id=first, text=FIRST_NOTES)
    for text in (
        "One morning that mixes Pilates with mental wellbeing",
        "A free creche next to the hall, so parents can take part",
    ):
        add_row(store, kind=RowKind.DECISIONS, parent_id=first, values={"text": text})
    _action(
        store,
        event_id,
        text="Ask three venues about step-free rooms and creche space",
        owner_id=dev,
        due=today - dt.timedelta(days=40),
        meeting_id=first,
        done=True,
    )
    _action(
        store,
        event_id,
        text="Find a Pilates instructor used to postnatal and disabled clients",
        owner_id=zoe,
        due=today - dt.timedelta(days=35),
        meeting_id=first,
        done=True,
    )
    second = _meeting(
        store,
        event_id,
        {
            "title": "Speakers and budget",
            "date": today - dt.timedelta(days=21),
            "start": ten,
            "end": dt.time(11, 30),
            "place": "Online (video call)",
            "agenda": "Speakers and their slots\nBudget against the grant\nFinding a date",
        },
    )
    set_attendees(store, meeting_id=second, member_ids=[zoe, siobhan, lucja])
    save_notes(store, meeting_id=second, text=SECOND_NOTES)
    for text in (
        "Creche for up to twelve children, run by the family centre's team",
        "Pastries and fruit instead of a sit-down lunch, to stay within the grant",
    ):
        add_row(store, kind=RowKind.DECISIONS, parent_id=second, values={"text": text})
    _action(
        store,
        event_id,
        text="Draft the flyer words with Zoë before it goes to print",
        owner_id=lucja,
        due=today - dt.timedelta(days=3),
        meeting_id=second,
    )
    _action(
        store,
        event_id,
        text="Confirm the creche staff and their DBS checks",
        owner_id=dev,
        due=today + dt.timedelta(days=5),
        meeting_id=second,
    )
    _action(
        store,
        event_id,
        text="Send the availability poll to the working group",
        owner_id=siobhan,
        due=today - dt.timedelta(days=18),
        meeting_id=second,
        done=True,
    )
    final = _meeting(
        store,
        event_id,
        {
            "title": "Final check",
            "date": today + dt.timedelta(days=7),
            "start": ten,
            "end": eleven,
            "place": "Harbourside Family Centre, meeting room 2",
            "agenda": "Walk through the running order\nWho greets people at the door\n"
            "What we do if it rains",
        },
    )
    save_notes(store, meeting_id=final, text=FINAL_NOTES)


OPTIONS = (
    # days after today, start, end, place, address, step-free, toilet, parking, baby change, creche
    (
        21,
        "09:45",
        "12:15",
        "Harbourside Family Centre",
        "14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
        True,
        True,
        False,
        True,
        True,
    ),
    (
        23,
        "10:00",
        "12:30",
        "St Anne's Church Hall",
        "2 Chapel Lane, Seabrook-on-Sea",
        False,
        False,
        True,
        False,
        True,
    ),
    (
        28,
        "13:00",
        "15:30",
        "Seabrook Library, community room",
        "The Broadway, Seabrook-on-Sea",
        True,
        True,
        False,
        True,
        False,
    ),
)
# Answers per option, in the working group's order (Zoë, Siobhán, Łucja, Dev).
ANSWERS = (
    ("yes", "yes", "yes", "if need be"),
    ("if need be", "yes", "yes", "yes"),
    ("no", "if need be", "yes", "no"),
)


def _add_options(store: Store, poll_id: int, *, today: dt.date) -> list[int]:
    """The poll's options, each checked as an option is, but as of `today`: the example may
    be made as of another day (a test's), when its dates are still to come."""
    keys = ("step_free", "accessible_toilet", "parking", "baby_change", "creche_room")
    made = []
    with store.begin() as s:
        for days, start, end, place, address, *features in OPTIONS:
            values: dict[str, Any] = {
                "date": today + dt.timedelta(days=days),
                "start": dt.time.fromisoformat(start),
                "end": dt.time.fromisoformat(end),
                "place": place,
                "address": address,
                **dict(zip(keys, features, strict=True)),
            }
            check_poll_option(values, {}, today=today)
            option = PollOption(poll_id=poll_id, **values)
            s.add(option)
            s.flush()
            made.append(option.id)
    return made


def add_poll(store: Store, event_id: int, *, today: dt.date) -> None:
    """The poll that found the event's morning: answered, then closed on the best option."""
    members = [m.id for m in list_members(store, event_id)]
    poll = add_row(
        store,
        kind=RowKind.POLLS,
        parent_id=event_id,
        values={"title": "Which morning suits everyone?"},
    ).created_id
    assert poll is not None
    option_ids = _add_options(store, poll, today=today)
    for option_id, answers in zip(option_ids, ANSWERS, strict=True):
        assert option_id is not None
        for member_id, answer in zip(members, answers, strict=True):
            set_answer(store, option_id=option_id, member_id=member_id, answer=answer)
    assert option_ids[0] is not None
    choose_option(store, option_id=option_ids[0])
