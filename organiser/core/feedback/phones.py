"""The feedback form as people answer it on their own phones: the same questions as the paper
(in any of its language versions), and each answer stored as one response in one transaction.

A phone sends a choice by its place in the list, never by its words: whatever language the
page was in, the answer is stored as the English choice in that place (as a translated paper's
ticks are typed in). Each page carries a one-off key: an accidental second Send of the same
page is recognised and not counted twice; a fresh page on the same phone (a household sharing
one) is a new response.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.models import Event
from organiser.core.events.reading import get_event
from organiser.core.feedback.documents import FeedbackCard
from organiser.core.feedback.form import Question, list_questions, questions_in
from organiser.core.feedback.kinds import Kind, Standard
from organiser.core.feedback.languages import (
    english_when,
    get_form_language,
    list_form_languages,
)
from organiser.core.feedback.models import FeedbackPhoneAddress, FeedbackResponse
from organiser.core.feedback.printing import Words
from organiser.core.feedback.responses import add_response_in
from organiser.core.languages import language_code
from organiser.core.parsing import long_date
from organiser.core.records import get_or_raise

SOURCE = "Phone"
ONCE_LIMIT = 50  # a page's one-off key (32 random bytes, URL-safe: 43 characters)


@dataclass(frozen=True)
class PhoneQuestion:
    """One question as the phone shows it: choices by their place, shown in the language."""

    id: int
    number: int
    kind: str
    text: str
    hint: str
    choices: tuple[str, ...]  # as shown; the answer stored is the English choice in that place
    short: bool  # a name or a phone number: one line, not a box


@dataclass(frozen=True)
class PhoneForm:
    """The form for phones, in one language."""

    event_title: str
    when: str
    intro: str
    sent: str  # under the thank-you: the answers reached the team
    questions: tuple[PhoneQuestion, ...]
    language: str  # "" for English
    lang: str  # the page's language code ("en-GB", "pl", "und")
    languages: tuple[str, ...]  # the form's language versions, for links at the top
    version: str = ""  # the questions and their English choices, in short (form_version)
    send: str = "Send"
    problem: str = "There is a problem"
    thanks: str = "Thank you"
    again: str = "Answer again for someone else on this phone"


def phone_form(
    store: Store, event_id: int, *, language: str | None = None, ensure: bool = True
) -> PhoneForm:
    """The form for phones, in English or one of its language versions (`ensure=False` only
    reads: the server's threads ask so, once the window has made the form)."""
    event = get_event(store, event_id)
    questions = list_questions(store, event_id, ensure=ensure)
    version = get_form_language(store, event_id, language) if language else None
    words = Words(version)
    shown = []
    for number, question in enumerate(questions, start=1):
        asked = words.question(number, question)
        shown.append(
            PhoneQuestion(
                id=question.id,
                number=number,
                kind=question.kind,
                text=asked.text,
                hint=words.hint(question),
                choices=() if question.kind == Kind.TEXT.value else asked.choices,
                short=question.standard in (Standard.FIRST_NAME.value, Standard.CONTACT.value),
            )
        )
    return PhoneForm(
        event_title=event.title,
        when=words.when(english_when(event.date, event.venue_name)),
        intro=words.word("intro"),
        sent=words.word("phone_sent"),
        questions=tuple(shown),
        language=version.language if version else "",
        lang=language_code(version.language if version else ""),
        languages=tuple(v.language for v in list_form_languages(store, event_id)),
        version=form_version(questions),
        send=words.word("phone_send"),
        problem=words.word("phone_problem"),
        thanks=words.word("phone_thanks"),
        again=words.word("phone_again"),
    )


class FormChanged(ValidationError):
    """The questions or their choices changed while the page was open on the phone: a choice
    sent by its place could now mean another answer, so nothing was stored."""


def form_version(questions: Sequence[Question]) -> str:
    """The form's active questions and their English choices, in six letters: a page carries
    it, so answers sent by place are stored only against the choices the phone showed."""
    shown = [(q.id, q.kind, q.choices) for q in questions if not q.archived]
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:6]


def new_once(form: PhoneForm) -> str:
    """A page's one-off key, with the form's version after a dot."""
    return f"{secrets.token_urlsafe(24)}.{form.version}"


def _answers(
    questions: Sequence[Question], sent: Mapping[int, Sequence[str]]
) -> dict[int, str | list[str]]:
    """What a phone sent (choices by place, text as typed) as the answers a paper would give."""
    by_id = {q.id: q for q in questions}
    answers: dict[int, str | list[str]] = {}
    for question_id, values in sent.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValidationError("That question is no longer on the form.")
        if question.kind == Kind.TEXT.value:
            answers[question_id] = "\n".join(values)
            continue
        if question.kind != Kind.MULTIPLE.value and len(values) > 1:
            raise ValidationError(f"{question.text} Choose one answer.", field=str(question_id))
        picked = []
        for value in values:
            place = int(value) if value.isascii() and value.isdigit() and len(value) < 5 else -1
            if not 0 <= place < len(question.choices):
                raise ValidationError(
                    f"{question.text} That is not one of the answers.", field=str(question_id)
                )
            picked.append(question.choices[place])
        answers[question_id] = picked if question.kind == Kind.MULTIPLE.value else picked[:1]
    return answers


def add_phone_response(
    store: Store,
    *,
    event_id: int,
    sent: Mapping[int, Sequence[str]],
    once: str,
    language: str = "",
) -> Changes:
    """Store one phone's answers (one transaction, the same checks and consent rules as the
    keyboard's). The same page sent again is not counted twice: Touched.NONE says so."""
    if not once or len(once) > ONCE_LIMIT:
        raise ValidationError("This page has expired: open the form again.")
    key = f"phone:{once}"
    with store.begin() as s:
        done = s.scalar(
            select(FeedbackResponse.id).where(
                FeedbackResponse.event_id == event_id, FeedbackResponse.source_key == key
            )
        )
        if done is not None:
            return Changes(Touched.NONE, event_id=event_id, row_id=done)
        questions = questions_in(s, event_id, archived=True)
        _key, dot, version = once.rpartition(".")
        if dot and version != form_version(questions):
            raise FormChanged(
                "The questions changed while you were answering: please look at your answers "
                "again and send them."
            )
        source = f"{SOURCE} ({language})" if language else SOURCE
        response_id = add_response_in(
            s,
            event_id,
            _answers(questions, sent),
            questions=questions,
            source=source,
            source_key=key,
            keep_empty=False,
        )
        s.flush()
        return Changes(
            Touched.FEEDBACK, event_id=event_id, created_id=response_id, row_id=response_id
        )


# The address's secret part: short enough to type on a phone (no 0/o, 1/l/i to confuse), long
# enough (about 2^49) that guessing it at the form's rate limit would take thousands of years.
TOKEN_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 10
# The port is four digits to type, away from the ones other programs favour (8000, 8080).
PORTS = range(8100, 9000)


@dataclass(frozen=True)
class PhoneAddress:
    """Where phones find the event's form while it collects (on this computer's address),
    and the computer's address on the latest card printed ("" if none)."""

    token: str
    port: int
    card_host: str

    def url(self, host: str, port: int | None = None) -> str:
        """The address to scan or type, on `host` (and another port if this one was taken)."""
        return f"http://{host}:{port or self.port}/{self.token}/"


def new_token() -> str:
    """A fresh secret part for the form's address."""
    return "".join(secrets.choice(TOKEN_LETTERS) for _ in range(TOKEN_LENGTH))


def phone_address(store: Store, event_id: int) -> PhoneAddress:
    """The event's phone form address, made the first time it is asked for and then kept, so
    a card printed before the day opens the form on the day."""
    with store.begin() as s:
        row = _address_in(s, event_id)
        return PhoneAddress(row.token, row.port, row.card_host)


def card_printed(store: Store, event_id: int, host: str) -> PhoneAddress:
    """Note that a card now shows the form at `host` (a card printed on another network shows
    an address that no longer reaches this computer: the collecting window says so)."""
    with store.begin() as s:
        row = _address_in(s, event_id)
        row.card_host, row.card_at = host, utc_now()
        return PhoneAddress(row.token, row.port, row.card_host)


def _address_in(s: Session, event_id: int) -> FeedbackPhoneAddress:
    row = s.scalar(select(FeedbackPhoneAddress).where(FeedbackPhoneAddress.event_id == event_id))
    if row is None:
        get_or_raise(s, Event, event_id, "event")
        row = FeedbackPhoneAddress(
            event_id=event_id,
            token=new_token(),
            port=secrets.choice(PORTS),
            card_host="",
        )
        s.add(row)
        s.flush()
    return row


def feedback_card(store: Store, event_id: int, address: str) -> FeedbackCard:
    """The card that takes people to the form at `address` (the one collecting uses)."""
    event = get_event(store, event_id)
    return FeedbackCard(
        event_title=event.title,
        when=long_date(event.date) if event.date else "",  # on the day, in the room: no place
        address=address,
        languages=tuple(v.language for v in list_form_languages(store, event_id)),
    )
