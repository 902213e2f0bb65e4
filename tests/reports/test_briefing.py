"""The speaker briefing, built from a real database and parsed back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.speakers.invitations import add_invitation, make_slot, update_invitation
from organiser.core.speakers.printing import briefing_sheet
from organiser.core.speakers.service import add_speaker
from organiser.reports.briefing import render_briefing

A4_POINTS = (595.27, 841.89)
NAMES = "Zoë Łucja Siobhán Nguyễn"
EVENT = {
    "date": dt.date(2027, 3, 13),
    "start_time": "10:00",
    "end_time": "12:30",
    "venue_name": "Harbourside Family Centre",
    "venue_address": "14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
    "step_free": True,
    "baby_change": True,
    "booking_contact": "Dev Okafor, 07700 900123",
}


def invite(store: Store, event_id: int, name: str, *, start: dt.time | None, **values: Any) -> int:
    speaker = add_speaker(store, values={"name": name, **values.pop("speaker", {})}).created_id
    assert speaker is not None
    status = values.pop("status", "confirmed")
    created = add_invitation(
        store, event_id=event_id, values={"speaker_id": speaker, **values}
    ).created_id
    assert created is not None
    if start is not None:
        make_slot(store, invitation_id=created, start=start)
    update_invitation(store, invitation_id=created, values={"status": status})
    return created


@pytest.fixture
def event(store: Store, create_event: Callable[..., int], add_item: Callable[..., int]) -> int:
    """An event with a running order, two confirmed speakers, one invited, one who declined."""
    event_id = create_event(**EVENT)
    for title, start, end in (
        ("Welcome and coffee", "10:00", "10:15"),
        ("Gentle Pilates", "11:20", "12:00"),
        ("Goodbyes", "12:15", "12:30"),
    ):
        add_item(event_id, title=title, start=start, end=end, room="Main hall")
    invite(
        store,
        event_id,
        "Priya Shah",
        start=dt.time(10, 50),
        talk_title="Sleep, feeding and you",
        length_minutes=20,
    )
    invite(
        store,
        event_id,
        NAMES,
        start=dt.time(10, 15),
        talk_title="Looking after yourself after birth",
        length_minutes=30,
        brings="Leaflets and a pull-up banner",
        arrival=dt.time(9, 45),
        speaker={
            "organisation": "Perinatal Mental Health Team",
            "equipment": "A projector and a table for leaflets",
        },
    )
    invite(store, event_id, "Tom Reed", start=None, status="invited")
    invite(store, event_id, "Ann Said-No", start=None, status="declined")
    return event_id


def pages(store: Store, event_id: int) -> list[str]:
    reader = PdfReader(io.BytesIO(render_briefing(briefing_sheet(store, event_id))))
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_one_a4_page_per_confirmed_speaker_in_slot_order(store: Store, event: int) -> None:
    texts = pages(store, event)
    assert len(texts) == 2
    # Each page starts with its own speaker, in the order they speak on the day.
    head = "Speaker briefing: Pilates and wellbeing morning"
    assert texts[0].startswith(f"{head} {NAMES} Perinatal Mental Health Team Your talk")
    assert texts[1].startswith(f"{head} Priya Shah Your talk Sleep, feeding and you (20 min)")
    assert not any("Tom Reed" in t or "Ann Said-No" in t for t in texts)
    assert texts[0].endswith("Page 1 of 2") and texts[1].endswith("Page 2 of 2")


def test_a_page_holds_the_day_the_slot_and_the_contact(store: Store, event: int) -> None:
    first = pages(store, event)[0]
    for expected in (
        "Speaker briefing: Pilates and wellbeing morning",
        f"{NAMES} Perinatal Mental Health Team",
        "Your talk Looking after yourself after birth (30 min)",
        "Your slot 10:15 to 10:45",
        "Please arrive by 09:45",
        "When Saturday 13 March 2027, 10:00 to 12:30",
        "Where Harbourside Family Centre 14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
        "Access Step-free access, Baby change",
        "You bring Leaflets and a pull-up banner",
        "Provided A projector and a table for leaflets",
        "Contact on the day Dev Okafor, 07700 900123",
    ):
        assert expected in first
    # The running order around the slot, theirs said in words.
    assert "10:00–10:15 Welcome and coffee" in first
    assert "10:15–10:45 Looking after yourself after birth (your slot)" in first
    assert "10:50–11:10 Sleep, feeding and you (your slot)" not in first
    assert "11:20–12:00 Gentle Pilates" in first
    assert "Goodbyes" not in first


def test_the_running_order_shows_only_the_items_around_the_slot(
    store: Store, event: int, add_item: Callable[..., int]
) -> None:
    add_item(event, title="Early set-up", start="08:00", end="08:30")
    add_item(event, title="Doors open", start="09:30", end="10:00")
    sheet = briefing_sheet(store, event)
    first = sheet.pages[0]
    # Two before and two after: "Early set-up" and "Goodbyes" are too far away.
    assert [line.title for line in first.running_order] == [
        "Doors open",
        "Welcome and coffee",
        "Looking after yourself after birth",
        "Sleep, feeding and you",
        "Gentle Pilates",
    ]
    assert [line.theirs for line in first.running_order] == [False, False, True, False, False]


def test_with_nobody_confirmed_the_invited_get_pages_and_it_says_so(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(**EVENT)
    invite(store, event_id, NAMES, start=None, status="invited", talk_title="Hello")
    invite(store, event_id, "Maybe Later", start=None, status="idea")
    sheet = briefing_sheet(store, event_id)
    assert not sheet.confirmed
    [text] = pages(store, event_id)
    assert "Invited, not yet confirmed. Nobody has confirmed yet" in text
    assert "Your slot Still to be agreed" in text
    assert "Your slot is not in the running order yet." in text
    assert "Invited speakers: not yet confirmed" in text
    assert "Maybe Later" not in text


def test_no_confirmed_or_invited_speaker_is_a_clear_error(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Quiet event")
    invite(store, event_id, "Maybe Later", start=None, status="idea")
    with pytest.raises(NotFound, match="“Quiet event” has no confirmed or invited speakers yet"):
        briefing_sheet(store, event_id)


def test_long_fields_keep_each_speaker_on_one_page(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(**{**EVENT, "venue_address": "Quay Street " * 100})
    for name in ("First Speaker", "Second Speaker", "Third Speaker"):
        invite(
            store,
            event_id,
            name,
            start=None,
            brings="leaflets " * 300,
            speaker={"equipment": "mats " * 300, "access_needs": "a ramp " * 300},
        )
    texts = pages(store, event_id)
    assert len(texts) == 3
    assert all("(shortened for print)" in t for t in texts)
