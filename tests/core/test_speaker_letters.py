"""Invitation and confirmation letters: templates, filling, refusal of unknown fields, mailto."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.speakers.invitations import add_invitation, make_slot
from organiser.core.speakers.letters import (
    DEFAULTS,
    Letter,
    letter,
    mailto_url,
    set_template,
    template,
)
from organiser.core.speakers.service import add_speaker

NAMES = "Zoë Łucja Siobhán Nguyễn"


@pytest.fixture
def invitation(store: Store, create_event: Callable[..., int]) -> int:
    event_id = create_event(
        date=dt.date(2027, 3, 13),
        start_time="10:00",
        end_time="12:30",
        venue_name="Harbourside Family Centre",
        venue_address="14 Marine Parade,\nSeabrook-on-Sea",
        step_free=True,
        parking=True,
        booking_contact="Dev Okafor, 07700 900123",
    )
    speaker = add_speaker(store, values={"name": NAMES, "email": "zoe@example.org"}).created_id
    values = {
        "speaker_id": speaker,
        "talk_title": "Looking after yourself",
        "length_minutes": 30,
        "arrival": dt.time(9, 45),
    }
    created = add_invitation(store, event_id=event_id, values=values).created_id
    assert created is not None
    make_slot(store, invitation_id=created, start=dt.time(10, 15))
    return created


def test_the_default_confirmation_is_filled_from_the_event_and_slot(
    store: Store, invitation: int
) -> None:
    filled = letter(store, invitation_id=invitation, kind="confirmation")
    assert filled.email == "zoe@example.org"
    assert filled.subject == "Your talk at Pilates and wellbeing morning: the details"
    for line in (
        f"Dear {NAMES},",
        "Your talk: Looking after yourself (30 min)",
        "Date: Saturday 13 March 2027",
        "Times: 10:00 to 12:30",
        "Your slot: 10:15 to 10:45",
        "Please arrive by: 09:45",
        "Venue: Harbourside Family Centre",
        "Address: 14 Marine Parade, Seabrook-on-Sea",
        "Access: Step-free access, Parking",
        "Parking: There is parking at the venue",
        "Contact on the day: Dev Okafor, 07700 900123",
    ):
        assert line in filled.body.splitlines()
    assert "{" not in filled.body and "}" not in filled.body


def test_missing_details_are_said_in_words(store: Store, create_event: Callable[..., int]) -> None:
    event_id = create_event(title="Summer picnic")
    speaker = add_speaker(store, values={"name": "Priya Shah"}).created_id
    created = add_invitation(store, event_id=event_id, values={"speaker_id": speaker}).created_id
    assert created is not None
    filled = letter(store, invitation_id=created, kind="invitation")
    assert filled.subject == "Would you speak at Summer picnic?"
    assert filled.email == ""
    for line in ("Talk: To be confirmed", "Slot: To be confirmed", "Date: To be confirmed"):
        assert line in filled.body.splitlines()
    assert "Access: Please ask us" in filled.body
    assert filled.body.rstrip().endswith("The organisers")


def test_an_edited_template_is_used_and_blank_brings_back_the_default(
    store: Store, invitation: int
) -> None:
    assert template(store, "invitation") == DEFAULTS["invitation"]
    wording = "Hi {speaker}! {{Braces}} stay. See you at {slot} for {talk} ({length})."
    changes = set_template(store, kind="invitation", text=wording)
    assert Touched.INVITATIONS in changes
    assert changes.previous == {"kind": "invitation", "text": ""}
    assert template(store, "invitation") == wording
    assert template(store, "confirmation") == DEFAULTS["confirmation"]
    filled = letter(store, invitation_id=invitation, kind="invitation")
    assert filled.body == (
        f"Hi {NAMES}! {{Braces}} stay. "
        "See you at 10:15 to 10:45 for Looking after yourself (30 min)."
    )
    set_template(store, kind="invitation", text="")
    assert template(store, "invitation") == DEFAULTS["invitation"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Dear {name}, see you at {venue} on {when}.", "cannot fill {name}, {when}."),
        ("Dear {speaker", "A brace is left open or unmatched"),
        ("Dear {0}", "cannot fill {0}."),
        ("On {date:%d %B}", "Write the field as {date}, without anything after its name."),
    ],
)
def test_unknown_fields_and_stray_braces_are_refused(store: Store, text: str, message: str) -> None:
    with pytest.raises(
        ValidationError, match=message.replace("{", r"\{").replace("}", r"\}")
    ) as err:
        set_template(store, kind="confirmation", text=text)
    assert err.value.field == "text"
    assert template(store, "confirmation") == DEFAULTS["confirmation"]


def test_an_unknown_kind_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="invitation or the confirmation"):
        template(store, "thank-you")


def test_mailto_encodes_reserved_characters_line_breaks_and_accents() -> None:
    sent = Letter(
        subject="Tea & cake? Yes!",
        body=f"Dear {NAMES},\nA=1 & B=2? #hash 100%\n\nThanks",
        email="zoe+talks@example.org",
    )
    url = mailto_url(sent)
    assert url.startswith("mailto:zoe%2Btalks@example.org?subject=")
    assert url.count("?") == 1 and url.count("&") == 1 and "#" not in url
    assert " " not in url and "\n" not in url
    assert "Tea%20%26%20cake%3F%20Yes%21" in url
    assert "%0D%0A%0D%0AThanks" in url
    assert "Zo%C3%AB%20%C5%81ucja" in url
    parts = urlsplit(url)
    assert unquote(parts.path) == "zoe+talks@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Tea & cake? Yes!"]
    assert query["body"] == [f"Dear {NAMES},\r\nA=1 & B=2? #hash 100%\r\n\r\nThanks"]


def test_mailto_of_a_filled_letter_round_trips(store: Store, invitation: int) -> None:
    filled = letter(store, invitation_id=invitation, kind="confirmation")
    query = parse_qs(urlsplit(mailto_url(filled)).query)
    assert query["body"] == [filled.body.replace("\n", "\r\n")]
