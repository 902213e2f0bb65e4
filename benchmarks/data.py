"""A large generated database: many events, each with a full working group, programme, budget."""

from __future__ import annotations

import datetime as dt
import random

from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.meetings.models import ActionItem, Meeting
from organiser.core.planning.kinds import CostCategory, ItemKind, Role
from organiser.core.planning.models import CostLine, FundingSource, Member, ProgrammeItem

NOTES = "## Notes\n- Zoë asked about step-free rooms; **agreed** to check three venues\n" * 4
NAMES = ("Zoë", "Siobhán", "Łucja", "Nguyễn", "Amira", "Dev", "Priya", "Tomasz", "Grace", "Ola")


def fill(
    store: Store,
    *,
    events: int = 50,
    costs_per_event: int = 40,
    meetings_per_event: int = 4,
    seed: int = 7,
) -> list[int]:
    """Add events with members, programme, budget and meetings with long notes; return ids."""
    rng = random.Random(seed)
    ids = []
    with store.begin() as session:
        for number in range(events):
            held = dt.date(2027, 1, 1) + dt.timedelta(days=7 * number)
            event = Event(
                title=f"Community morning {number + 1}",
                date=held,
                start_time=dt.time(9, 30),
                end_time=dt.time(13, 0),
                venue_name="Harbourside Family Centre",
                capacity=30,
                purpose="Wellbeing, movement and local support. " * 20,
            )
            session.add(event)
            session.flush()
            ids.append(event.id)
            for m in range(12):
                session.add(
                    Member(
                        event_id=event.id,
                        name=f"{rng.choice(NAMES)} {m}",
                        role=rng.choice(list(Role)).value,
                        availability_notes="School run until 9:30",
                    )
                )
            for i in range(20):
                start = dt.time(9 + i // 6, (i % 6) * 10)
                end = dt.time(9 + (i + 1) // 6, ((i + 1) % 6) * 10)
                session.add(
                    ProgrammeItem(
                        event_id=event.id,
                        start=start,
                        end=end,
                        title=f"Item {i + 1}",
                        kind=rng.choice(list(ItemKind)).value,
                    )
                )
            session.add(FundingSource(event_id=event.id, name="Grant", amount_pence=500_000))
            for m in range(meetings_per_event):
                meeting = Meeting(
                    event_id=event.id,
                    title=f"Meeting {m + 1}",
                    date=held - dt.timedelta(days=7 * (m + 1)),
                    start=dt.time(10),
                    end=dt.time(11),
                    notes=NOTES * rng.randrange(20, 200),
                )
                session.add(meeting)
                session.flush()
                session.add(ActionItem(event_id=event.id, meeting_id=meeting.id, text="Follow up"))
            for c in range(costs_per_event):
                session.add(
                    CostLine(
                        event_id=event.id,
                        item=f"Cost {c + 1}",
                        category=rng.choice(list(CostCategory)).value,
                        estimated_pence=rng.randrange(100, 20_000),
                        actual_pence=rng.choice([None, rng.randrange(100, 20_000)]),
                    )
                )
    return ids
