"""The speaker schedule, built from a real database and parsed back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.errors import NotFound
from organiser.core.speakers.invitations import add_invitation, make_slot, update_invitation
from organiser.core.speakers.printing import schedule_sheet
from organiser.core.speakers.service import add_speaker
from organiser.reports.speaker_schedule import render_speaker_schedule

A4_LANDSCAPE = (841.89, 595.27)
NAMES = "Zoë Łucja Siobhán Nguyễn"


def invite(
    store: Store,
    event_id: int,
    name: str,
    status: str,
    start: dt.time | None = None,
    **speaker: str,
) -> int:
    speaker_id = add_speaker(store, values={"name": name, **speaker}).created_id
    assert speaker_id is not None
    values = {"speaker_id": speaker_id, "talk_title": f"A talk by {name}", "length_minutes": 20}
    created = add_invitation(store, event_id=event_id, values=values).created_id
    assert created is not None
    if start is not None:
        make_slot(store, invitation_id=created, start=start)
    update_invitation(store, invitation_id=created, values={"status": status})
    return created


@pytest.fixture
def event(store: Store, create_event: Callable[..., int]) -> int:
    event_id = create_event(
        date=dt.date(2027, 3, 13),
        start_time="10:00",
        end_time="12:30",
        venue_name="Harbourside Family Centre",
        booking_contact="Dev Okafor, 07700 900123",
    )
    invite(store, event_id, "Late Slot", "invited", dt.time(11, 30))
    invite(store, event_id, "No Slot Yet", "idea")
    invite(
        store,
        event_id,
        NAMES,
        "confirmed",
        dt.time(10, 15),
        organisation="Perinatal Mental Health Team",
        email="zoe@example.org",
        phone="01234 567890",
    )
    invite(store, event_id, "Said No", "declined", dt.time(10, 45))
    return event_id


def read(store: Store, event_id: int) -> PdfReader:
    return PdfReader(io.BytesIO(render_speaker_schedule(schedule_sheet(store, event_id))))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_active_invitations_by_slot_time_those_without_a_slot_last(
    store: Store, event: int
) -> None:
    sheet = schedule_sheet(store, event)
    assert [line.speaker for line in sheet.lines] == [NAMES, "Late Slot", "No Slot Yet"]
    assert [line.when for line in sheet.lines] == ["10:15–10:35", "11:30–11:50", ""]
    assert [line.status for line in sheet.lines] == [
        "Confirmed",
        "Invited, not yet confirmed",
        "An idea: not asked yet",
    ]


def test_prints_who_when_where_contact_and_status_on_a4_landscape(store: Store, event: int) -> None:
    reader = read(store, event)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        A4_LANDSCAPE, abs=1
    )
    text = text_of(reader)
    for expected in (
        "Speaker schedule Pilates and wellbeing morning",
        "Saturday 13 March 2027, 10:00 to 12:30, Harbourside Family Centre",
        "Contact on the day: Dev Okafor, 07700 900123",
        "Time Speaker Talk Room Contact Status",
        "zoe@example.org 01234 567890 Confirmed",
        "No slot yet No Slot Yet",
    ):
        assert expected in text
    assert text.index(NAMES) < text.index("Late Slot") < text.index("No Slot Yet")
    assert "10:15–10:35" in text and "Perinatal Mental Health Team" in text
    assert "Said No" not in text


def test_many_speakers_run_over_pages_with_the_header_repeated(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event()
    for n in range(30):
        invite(store, event_id, f"Speaker {n:02d}", "invited", dt.time(9, n))
    reader = read(store, event_id)
    assert len(reader.pages) > 1
    text = text_of(reader)
    assert all(f"Speaker {n:02d}" in text for n in range(30))
    assert all(
        "Time Speaker Talk Room Contact Status" in p.extract_text().replace("\n", " ")
        for p in reader.pages
    )


def test_no_active_invitation_is_a_clear_error(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Quiet event")
    invite(store, event_id, "Said No", "declined")
    with pytest.raises(NotFound, match="“Quiet event” has no speakers invited yet"):
        schedule_sheet(store, event_id)
