"""Verbs on availability polls: the grid of answers, ranking, choosing and reopening."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import Conflict, ValidationError
from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.events.models import Event
from organiser.core.meetings.models import Meeting
from organiser.core.planning.models import Member
from organiser.core.polls.models import Poll, PollAnswer, PollOption
from organiser.core.polls.rules import (
    Answer,
    OptionTally,
    describe_option,
    explain,
    missing_features,
    needed_features,
    rank,
)
from organiser.core.records import get_or_raise


@dataclass(frozen=True)
class PollRow:
    """A poll as the list of polls shows it."""

    id: int
    title: str
    meeting_id: int | None
    closed: bool
    chosen: str


@dataclass(frozen=True)
class OptionRow:
    """An option as its editor shows it: date, time window, place and access features."""

    id: int
    date: dt.date
    start: dt.time
    end: dt.time
    place: str
    address: str
    step_free: bool
    accessible_toilet: bool
    parking: bool
    baby_change: bool
    creche_room: bool
    chosen: bool


@dataclass(frozen=True)
class Person:
    """A column of the grid: a current member (id) or a former one who answered (no id)."""

    key: str
    name: str
    member_id: int | None
    needs: frozenset[str]

    @property
    def former(self) -> bool:
        """Answered, then left the working group."""
        return self.member_id is None


@dataclass(frozen=True)
class OptionLine:
    """A row of the grid: the option and how it ranks."""

    id: int
    text: str
    date: dt.date
    start: dt.time
    end: dt.time
    place: str
    features: tuple[str, ...]
    chosen: bool
    rank: int
    explanation: str


@dataclass(frozen=True)
class PollGrid:
    """Everything the poll grid shows."""

    poll: PollRow
    options: tuple[OptionLine, ...]
    people: tuple[Person, ...]
    answers: dict[tuple[int, str], Answer]
    conflicts: dict[tuple[int, str], list[str]]

    def unanswered(self) -> list[str]:
        """Current members who have not answered every option."""
        return [
            p.name
            for p in self.people
            if not p.former and any((o.id, p.key) not in self.answers for o in self.options)
        ]


def list_polls(store: Store, event_id: int) -> list[PollRow]:
    """An event's polls, newest first."""
    with store.begin() as s:
        polls = s.scalars(select(Poll).where(Poll.event_id == event_id).order_by(Poll.id.desc()))
        rows = []
        for poll in polls:
            chosen = s.scalars(
                select(PollOption).where(PollOption.poll_id == poll.id, PollOption.chosen)
            ).first()
            text = (
                describe_option(chosen.date, chosen.start, chosen.end, chosen.place)
                if chosen
                else ""
            )
            rows.append(PollRow(poll.id, poll.title, poll.meeting_id, poll.closed, text))
        return rows


def list_options(store: Store, poll_id: int) -> list[OptionRow]:
    """A poll's options by date and time, with everything needed to edit them."""
    with store.begin() as s:
        options = s.scalars(
            select(PollOption)
            .where(PollOption.poll_id == poll_id)
            .order_by(PollOption.date, PollOption.start, PollOption.id)
        )
        return [
            OptionRow(
                o.id,
                o.date,
                o.start,
                o.end,
                o.place,
                o.address,
                o.step_free,
                o.accessible_toilet,
                o.parking,
                o.baby_change,
                o.creche_room,
                o.chosen,
            )
            for o in options
        ]


def _venue(option: PollOption) -> dict[str, bool]:
    return {key: bool(getattr(option, key)) for key in VENUE_FEATURES}


def _labels(people: list[Person]) -> dict[str, str]:
    """Names to count answers by; two people with one name become 'Sam Lee (1)', '(2)'."""
    seen: dict[str, int] = {}
    for person in people:
        seen[person.name] = seen.get(person.name, 0) + 1
    labels, used = {}, dict.fromkeys(seen, 0)
    for person in people:
        if seen[person.name] > 1:
            used[person.name] += 1
            labels[person.key] = f"{person.name} ({used[person.name]})"
        else:
            labels[person.key] = person.name
    return labels


def poll_grid(store: Store, poll_id: int) -> PollGrid:
    """Options (ranked), people (members and former members who answered), answers, conflicts."""
    with store.begin() as s:
        poll = get_or_raise(s, Poll, poll_id, "poll")
        options = list(
            s.scalars(
                select(PollOption)
                .where(PollOption.poll_id == poll_id)
                .order_by(PollOption.date, PollOption.start, PollOption.id)
            )
        )
        members = list(
            s.scalars(select(Member).where(Member.event_id == poll.event_id).order_by(Member.id))
        )
        people = [
            Person(
                f"m{m.id}",
                m.name,
                m.id,
                frozenset(needed_features(m.access_needs, m.availability_notes)),
            )
            for m in members
        ]
        answers: dict[tuple[int, str], Answer] = {}
        former: dict[str, Person] = {}
        option_ids = [o.id for o in options]
        for answer in s.scalars(select(PollAnswer).where(PollAnswer.option_id.in_(option_ids))):
            if answer.member_id is None:
                key = f"former:{answer.member_name}"
                former.setdefault(key, Person(key, answer.member_name, None, frozenset()))
            else:
                key = f"m{answer.member_id}"
            answers[(answer.option_id, key)] = Answer(answer.answer)
        everyone = people + list(former.values())
        label = _labels(everyone)
        conflicts: dict[tuple[int, str], list[str]] = {}
        tallies = []
        for option in options:
            venue = _venue(option)
            for person in people:
                lacks = missing_features(set(person.needs), venue)
                if lacks:
                    conflicts[(option.id, person.key)] = lacks
            tallies.append(
                OptionTally(
                    option_id=option.id,
                    date=option.date,
                    start=option.start,
                    end=option.end,
                    place=option.place,
                    answers={
                        label[p.key]: answers[(option.id, p.key)]
                        for p in everyone
                        if (option.id, p.key) in answers
                    },
                    unanswered=[label[p.key] for p in people if (option.id, p.key) not in answers],
                    conflicts={
                        label[p.key]: conflicts[(option.id, p.key)]
                        for p in people
                        if (option.id, p.key) in conflicts
                    },
                    features=tuple(
                        label.lower() for k, label in VENUE_FEATURES.items() if venue[k]
                    ),
                )
            )
        order = {t.option_id: n + 1 for n, t in enumerate(rank(tallies))}
        by_id = {t.option_id: t for t in tallies}
        chosen_text = ""
        lines = []
        for option in options:
            text = describe_option(option.date, option.start, option.end, option.place)
            chosen_text = text if option.chosen else chosen_text
            lines.append(
                OptionLine(
                    option.id,
                    text,
                    option.date,
                    option.start,
                    option.end,
                    option.place,
                    tuple(by_id[option.id].features) if option.id in by_id else (),
                    option.chosen,
                    order[option.id],
                    explain(by_id[option.id]),
                )
            )
        row = PollRow(poll.id, poll.title, poll.meeting_id, poll.closed, chosen_text)
        return PollGrid(row, tuple(lines), tuple(everyone), answers, conflicts)


def set_answer(
    store: Store, *, option_id: int, member_id: int, answer: Answer | str | None
) -> Changes:
    """Record (or clear, with None) a member's answer; `previous` lets undo put it back."""
    with store.begin() as s:
        option = get_or_raise(s, PollOption, option_id, "poll option")
        poll = get_or_raise(s, Poll, option.poll_id, "poll")
        member = get_or_raise(s, Member, member_id, "member")
        if member.event_id != poll.event_id:
            raise ValidationError("Only members of this event’s working group can answer.")
        if poll.closed:
            raise Conflict("This poll is closed; reopen it to change answers.")
        value = Answer(answer) if answer is not None else None
        existing = s.scalars(
            select(PollAnswer).where(
                PollAnswer.option_id == option_id, PollAnswer.member_id == member_id
            )
        ).first()
        before = Answer(existing.answer) if existing else None
        if before == value:
            return Changes(Touched.NONE, event_id=poll.event_id, row_id=option_id)
        if existing is not None and value is None:
            s.delete(existing)
        elif existing is not None and value is not None:
            existing.answer = value.value
            existing.member_name = member.name
        elif value is not None:
            s.add(
                PollAnswer(
                    option_id=option_id,
                    member_id=member_id,
                    member_name=member.name,
                    answer=value.value,
                )
            )
        return Changes(
            Touched.POLLS,
            event_id=poll.event_id,
            row_id=option_id,
            previous={"member_id": member_id, "answer": before},
        )


def choose_option(store: Store, *, option_id: int) -> Changes:
    """The option becomes the event's (or meeting's) date, time and place; the poll closes."""
    with store.begin() as s:
        option = get_or_raise(s, PollOption, option_id, "poll option")
        poll = get_or_raise(s, Poll, option.poll_id, "poll")
        target: Any
        if poll.meeting_id is not None:
            target = get_or_raise(s, Meeting, poll.meeting_id, "meeting")
            values: dict[str, Any] = {
                "date": option.date,
                "start": option.start,
                "end": option.end,
                "place": option.place,
            }
        else:
            target = get_or_raise(s, Event, poll.event_id, "event")
            values = {
                "date": option.date,
                "start_time": option.start,
                "end_time": option.end,
                "venue_name": option.place,
                "venue_address": option.address,
                **_venue(option),
            }
        saved = {
            "poll_id": poll.id,
            "closed": poll.closed,
            "chosen": [
                o.id
                for o in s.scalars(
                    select(PollOption).where(PollOption.poll_id == poll.id, PollOption.chosen)
                )
            ],
            "target": {k: getattr(target, k) for k in values},
        }
        for key, value in values.items():
            setattr(target, key, value)
        for other in s.scalars(select(PollOption).where(PollOption.poll_id == poll.id)):
            other.chosen = other.id == option_id
        poll.closed = True
        touched = Touched.POLLS | (
            Touched.MEETINGS if poll.meeting_id else Touched.DETAILS | Touched.EVENTS
        )
        return Changes(touched, event_id=poll.event_id, row_id=option_id, snapshot=saved)


def undo_choice(store: Store, *, snapshot: dict[str, Any]) -> Changes:
    """Put back what choosing an option changed (dates, place, the poll's state)."""
    with store.begin() as s:
        poll = get_or_raise(s, Poll, snapshot["poll_id"], "poll")
        target: Any = (
            get_or_raise(s, Meeting, poll.meeting_id, "meeting")
            if poll.meeting_id is not None
            else get_or_raise(s, Event, poll.event_id, "event")
        )
        for key, value in snapshot["target"].items():
            setattr(target, key, value)
        for option in s.scalars(select(PollOption).where(PollOption.poll_id == poll.id)):
            option.chosen = option.id in snapshot["chosen"]
        poll.closed = snapshot["closed"]
        touched = Touched.POLLS | (
            Touched.MEETINGS if poll.meeting_id else Touched.DETAILS | Touched.EVENTS
        )
        return Changes(touched, event_id=poll.event_id, row_id=poll.id)


def set_closed(store: Store, *, poll_id: int, closed: bool) -> Changes:
    """Close a poll, or reopen it to take more answers (the chosen option stays marked)."""
    with store.begin() as s:
        poll = get_or_raise(s, Poll, poll_id, "poll")
        previous = {"closed": poll.closed}
        poll.closed = closed
        return Changes(Touched.POLLS, event_id=poll.event_id, row_id=poll_id, previous=previous)
