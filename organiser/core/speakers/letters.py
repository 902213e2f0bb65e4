"""Invitation and confirmation letters: editable templates filled from the event and the slot.

The app sends no email: a letter is copied to the clipboard or opened in the user's own mail
program through a `mailto:` link.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from urllib.parse import quote

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.kinds import VENUE_FEATURES
from organiser.core.events.models import Event
from organiser.core.parsing import format_minutes, format_time, long_date
from organiser.core.planning.models import ProgrammeItem
from organiser.core.planning.validation import long_text
from organiser.core.records import get_or_raise
from organiser.core.speakers.models import Invitation, Setting, Speaker
from organiser.core.speakers.printing import event_times

KINDS = ("invitation", "confirmation")
FIELDS = (
    "speaker",
    "event",
    "date",
    "times",
    "venue",
    "address",
    "access",
    "slot",
    "talk",
    "length",
    "arrival",
    "parking",
    "contact",
)
TO_BE_CONFIRMED = "To be confirmed"

DEFAULTS = {
    "invitation": """Dear {speaker},

We are putting together {event}, a community event planned with local parents, and we would \
love you to come and speak.

Here is what we have in mind so far:

Talk: {talk}
Length: {length}
Date: {date}
Times: {times}
Slot: {slot}
Venue: {venue}
Address: {address}
Access: {access}
Parking: {parking}

Could you reply to let us know whether you can join us? If you would like to talk it over \
first, or you need anything to take part (equipment, access, anything at all), just say and we \
will do our best to sort it.

With thanks,
{contact}
""",
    "confirmation": """Dear {speaker},

Thank you for agreeing to speak at {event}. We are really pleased you can join us. Here are \
the details for the day:

Your talk: {talk} ({length})
Date: {date}
Times: {times}
Your slot: {slot}
Please arrive by: {arrival}
Venue: {venue}
Address: {address}
Access: {access}
Parking: {parking}
Contact on the day: {contact}

If anything changes, or there is something you need from us, just reply to this email.

See you there, and thank you again.
""",
}
SUBJECTS = {
    "invitation": "Would you speak at {event}?",
    "confirmation": "Your talk at {event}: the details",
}


class _Fields(dict[str, str]):
    # A field a newer version stored but this one does not know prints as written.
    def __missing__(self, name: str) -> str:
        return f"{{{name}}}"


@dataclass(frozen=True)
class Letter:
    """A filled-in letter, ready to copy or to open in a mail program."""

    subject: str
    body: str
    email: str


def _key(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("Choose the invitation or the confirmation letter.", field="kind")
    return f"speakers.template.{kind}"


def template_fields(text: str) -> list[str]:
    """The {fields} a template uses, in order; a stray brace or a field like {0} is refused."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise ValidationError(
            "A brace is left open or unmatched; write fields as {speaker}, and a brace on its "
            "own as {{ or }}.",
            field="text",
        ) from exc
    used: list[str] = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            raise ValidationError(
                f"Write the field as {{{name}}}, without anything after its name.", field="text"
            )
        if name not in used:
            used.append(name)
    return used


def template(store: Store, kind: str) -> str:
    """The wording of the invitation or confirmation letter: the user's, else the default."""
    with store.begin() as s:
        setting = s.get(Setting, _key(kind))
        return setting.value if setting and setting.value.strip() else DEFAULTS[kind]


def set_template(store: Store, *, kind: str, text: str) -> Changes:
    """Store a template's new wording; blank text brings back the default."""
    key = _key(kind)
    long_text({"text": text})
    unknown = [name for name in template_fields(text) if name not in FIELDS]
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        known = ", ".join(f"{{{name}}}" for name in FIELDS)
        raise ValidationError(
            f"Organiser cannot fill {names}. The fields it knows are {known}.", field="text"
        )
    with store.begin() as s:
        setting = s.get(Setting, key)
        previous = setting.value if setting else ""
        if setting is None:
            s.add(Setting(key=key, value=text))
        else:
            setting.value = text
    touched = Touched.INVITATIONS if previous != text else Touched.NONE
    return Changes(touched, previous={"kind": kind, "text": previous})


def _slot(item: ProgrammeItem | None) -> str:
    if item is None:
        return TO_BE_CONFIRMED
    times = event_times(item.start, item.end)
    return f"{times}, in {item.room}" if item.room.strip() else times


def _fields(
    event: Event, speaker: Speaker, invitation: Invitation, item: ProgrammeItem | None
) -> dict[str, str]:
    features = [label for key, label in VENUE_FEATURES.items() if getattr(event, key)]
    return {
        "speaker": speaker.name,
        "event": event.title,
        "date": long_date(event.date) if event.date else TO_BE_CONFIRMED,
        "times": event_times(event.start_time, event.end_time) or TO_BE_CONFIRMED,
        "venue": event.venue_name.strip() or TO_BE_CONFIRMED,
        "address": " ".join(event.venue_address.split()) or TO_BE_CONFIRMED,
        "access": ", ".join(features) if features else "Please ask us",
        "slot": _slot(item),
        "talk": invitation.talk_title.strip() or (item.title if item else "") or TO_BE_CONFIRMED,
        "length": format_minutes(invitation.length_minutes)
        if invitation.length_minutes
        else TO_BE_CONFIRMED,
        "arrival": format_time(invitation.arrival) or TO_BE_CONFIRMED,
        "parking": "There is parking at the venue"
        if event.parking
        else "None at the venue: please ask us about parking nearby",
        "contact": event.booking_contact.strip() or "The organisers",
    }


def letter(store: Store, *, invitation_id: int, kind: str) -> Letter:
    """The invitation or confirmation letter for one invitation, filled in."""
    wording = template(store, kind)
    with store.begin() as s:
        invitation = get_or_raise(s, Invitation, invitation_id, "invitation")
        event = get_or_raise(s, Event, invitation.event_id, "event")
        speaker = get_or_raise(s, Speaker, invitation.speaker_id, "speaker")
        slot_id = invitation.programme_item_id
        item = s.get(ProgrammeItem, slot_id) if slot_id is not None else None
        fields = _Fields(_fields(event, speaker, invitation, item))
        email = speaker.email.strip()
    return Letter(
        subject=SUBJECTS[kind].format_map(fields),
        body=wording.format_map(fields),
        email=email,
    )


def mailto_url(letter: Letter) -> str:
    """A `mailto:` URL (RFC 6068) with the subject and body percent-encoded as UTF-8."""
    # RFC 6068 asks for line breaks in a body as CRLF, encoded %0D%0A; "&", "?", "=", "#" and
    # spaces are encoded too, so no mail program mistakes text for another header.
    body = letter.body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    subject = " ".join(letter.subject.split())
    address = quote(letter.email, safe="@")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
