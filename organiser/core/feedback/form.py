"""An event's feedback form: the standard questions (the Friends and Family Test first), then the
event's own. A question that already has answers is archived, not deleted, so old answers keep
their meaning; choices are stored as their words for the same reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.models import Event
from organiser.core.feedback.kinds import (
    FFT_QUESTION,
    FFT_SCALE,
    REGULAR,
    YES_NO,
    Kind,
    QuoteConsent,
    Standard,
)
from organiser.core.feedback.models import FeedbackAnswer, FeedbackQuestion
from organiser.core.planning.models import Organisation
from organiser.core.planning.validation import long_text
from organiser.core.records import apply_values, get_or_raise, row_dict
from organiser.core.speakers.models import Invitation, Speaker
from organiser.core.versions import merge_edit, retry_races, version_of

FIXED_SCALES = (
    Standard.FFT.value,
    Standard.REGULAR.value,
    Standard.QUOTE.value,
    Standard.CONTACT_CONSENT.value,
)
HEARD = ("Health visitor", "Children's centre", "A friend", "Social media", "Flyer", "Other")


@dataclass(frozen=True)
class Question:
    id: int
    position: int
    standard: str
    kind: str
    text: str
    choices: tuple[str, ...]
    archived: bool
    answers: int  # how many responses answered it


def _services(s: Session, event_id: int) -> tuple[str, ...]:
    names = s.scalars(
        select(Organisation.name)
        .join(Speaker, Speaker.organisation_id == Organisation.id)
        .join(Invitation, Invitation.speaker_id == Speaker.id)
        .where(Invitation.event_id == event_id)
        .distinct()
        .order_by(Organisation.name)
    ).all()
    return tuple(names)


def _standard_questions(
    s: Session, event_id: int
) -> list[tuple[Standard, Kind, str, tuple[str, ...]]]:
    return [
        (Standard.FFT, Kind.RATING, FFT_QUESTION, FFT_SCALE),
        (Standard.ENJOYED, Kind.TEXT, "What did you enjoy most?", ()),
        (Standard.BETTER, Kind.TEXT, "What could have been better?", ()),
        (
            Standard.SERVICES,
            Kind.MULTIPLE,
            "Which services did you find out about today?",
            _services(s, event_id),
        ),
        (Standard.REGULAR, Kind.SINGLE, "Would you come to regular sessions like this?", REGULAR),
        (Standard.HEARD, Kind.SINGLE, "How did you hear about today?", HEARD),
        (
            Standard.QUOTE,
            Kind.SINGLE,
            "May we quote what you wrote in our reports?",
            tuple(c.value for c in QuoteConsent),
        ),
        (Standard.FIRST_NAME, Kind.TEXT, "Your first name (only if we may use it)", ()),
        (
            Standard.CONTACT_CONSENT,
            Kind.SINGLE,
            "May we contact you about future sessions?",
            YES_NO,
        ),
        (Standard.CONTACT, Kind.TEXT, "If yes, your email or phone number", ()),
    ]


def ensure_form(s: Session, event_id: int) -> None:
    """Give the event the standard questions the first time its form is needed."""
    if s.scalar(select(FeedbackQuestion.id).where(FeedbackQuestion.event_id == event_id)):
        return
    get_or_raise(s, Event, event_id, "event")
    for position, (key, kind, text, choices) in enumerate(
        _standard_questions(s, event_id), start=1
    ):
        s.add(
            FeedbackQuestion(
                event_id=event_id,
                position=position,
                standard=key.value,
                kind=kind.value,
                text=text,
                choices="\n".join(choices),
            )
        )
    s.flush()


def _add_new_services(s: Session, event_id: int) -> None:
    """Speakers' organisations invited since the form was made join the services question's
    choices (at the end, so answers already given keep their words)."""
    question = s.scalar(
        select(FeedbackQuestion).where(
            FeedbackQuestion.event_id == event_id,
            FeedbackQuestion.standard == Standard.SERVICES.value,
        )
    )
    if question is None:
        return
    have = [c for c in question.choices.splitlines() if c.strip()]
    new = [name for name in _services(s, event_id) if name not in have]
    if new:
        question.choices = "\n".join(have + new)


def questions_in(
    s: Session, event_id: int, *, archived: bool = False, ensure: bool = True
) -> list[Question]:
    """The form's questions; with `ensure`, the standard ones are made the first time and new
    speakers' organisations join the services question (a write). Without, it only reads (the
    phone form's server threads, which must never write behind the window's back)."""
    if ensure:
        ensure_form(s, event_id)
        _add_new_services(s, event_id)
    counts = dict(
        s.execute(
            select(FeedbackAnswer.question_id, func.count())
            .join(FeedbackQuestion, FeedbackQuestion.id == FeedbackAnswer.question_id)
            .where(FeedbackQuestion.event_id == event_id, FeedbackAnswer.value != "")
            .group_by(FeedbackAnswer.question_id)
        ).all()
    )
    query = select(FeedbackQuestion).where(FeedbackQuestion.event_id == event_id)
    if not archived:
        query = query.where(FeedbackQuestion.archived.is_(False))
    return [
        Question(
            q.id,
            q.position,
            q.standard,
            q.kind,
            q.text,
            tuple(c for c in q.choices.splitlines() if c.strip()),
            q.archived,
            counts.get(q.id, 0),
        )
        for q in s.scalars(query.order_by(FeedbackQuestion.position, FeedbackQuestion.id))
    ]


def list_questions(
    store: Store, event_id: int, *, archived: bool = False, ensure: bool = True
) -> list[Question]:
    """The form's questions in order (archived ones too, when asked); `ensure` as in
    questions_in."""
    with store.begin() as s:
        return questions_in(s, event_id, archived=archived, ensure=ensure)


def _check(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    checked = dict(values)
    long_text(checked)
    if "text" in checked and not str(checked["text"]).strip():
        raise ValidationError("Write the question.", field="text")
    if "kind" in checked and checked["kind"] not in {k.value for k in Kind}:
        raise ValidationError("Choose the kind of answer from the list.", field="kind")
    if "choices" in checked:
        lines = [c.strip() for c in str(checked["choices"]).splitlines() if c.strip()]
        checked["choices"] = "\n".join(dict.fromkeys(lines))
    merged = {**current, **checked}
    if merged.get("kind") in (Kind.SINGLE.value, Kind.MULTIPLE.value, Kind.RATING.value) and not (
        str(merged.get("choices") or "").strip()
    ):
        raise ValidationError("List the choices, one per line.", field="choices")
    return checked


def add_question(store: Store, *, event_id: int, values: Mapping[str, Any]) -> Changes:
    """A question of the event's own, at the end of the form."""
    with store.begin() as s:
        ensure_form(s, event_id)
        checked = _check({"kind": Kind.TEXT.value, **values}, {})
        last = s.scalar(
            select(func.max(FeedbackQuestion.position)).where(FeedbackQuestion.event_id == event_id)
        )
        question = FeedbackQuestion(event_id=event_id, position=(last or 0) + 1, **checked)
        s.add(question)
        s.flush()
        return Changes(
            Touched.FEEDBACK, event_id=event_id, created_id=question.id, row_id=question.id
        )


EDITABLE = ("text", "kind", "choices", "position", "archived")


@retry_races
def update_question(
    store: Store,
    *,
    question_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit a question; `previous` holds the old values for undo. The kind of a question that
    has answers cannot change (its answers would lose their meaning).

    With `base` (the question as the editor showed it) and the version it showed, fields
    someone else changed in between are kept or shown as a clash (organiser.core.versions).
    """
    with store.begin() as s:
        question = get_or_raise(s, FeedbackQuestion, question_id, "question")
        values = merge_edit(
            question,
            values,
            base=base,
            expected_version=expected_version,
            what="question",
            row_id=question_id,
        )
        checked = _check(values, row_dict(question))
        if (
            question.standard in FIXED_SCALES
            and "choices" in checked
            and checked["choices"] != question.choices
        ):
            raise ValidationError(
                "This question's answers are fixed, so its figures keep their meaning (the "
                "Friends and Family Test's scale, regular sessions, the consents); its wording "
                "can change.",
                field="choices",
            )
        if "kind" in checked and checked["kind"] != question.kind and _answered(s, question_id):
            raise ValidationError(
                "This question already has answers, so its kind stays; add a new question instead.",
                field="kind",
            )
        previous = apply_values(question, checked, EDITABLE)
        s.flush()
        return Changes(
            Touched.FEEDBACK if previous else Touched.NONE,
            event_id=question.event_id,
            previous=previous,
            row_id=question_id,
            row_version=version_of(question),
            current={key: getattr(question, key) for key in previous},
        )


def question_version(store: Store, question_id: int) -> int:
    """The question row's version now: what the editor remembers when it shows the question."""
    with store.begin() as s:
        return version_of(get_or_raise(s, FeedbackQuestion, question_id, "question"))


def _answered(s: Session, question_id: int) -> bool:
    return bool(
        s.scalar(
            select(func.count()).where(
                FeedbackAnswer.question_id == question_id, FeedbackAnswer.value != ""
            )
        )
    )


def remove_question(store: Store, *, question_id: int) -> Changes:
    """Take a question off the form: archived (kept with its answers), so undo is an edit."""
    return update_question(store, question_id=question_id, values={"archived": True})


def move_question(store: Store, *, question_id: int, step: int) -> Changes:
    """Swap a question with its neighbour (step -1 up, +1 down)."""
    with store.begin() as s:
        question = get_or_raise(s, FeedbackQuestion, question_id, "question")
        ordered = [q.id for q in questions_in(s, question.event_id)]
        index = ordered.index(question_id)
        other = index + step
        if not 0 <= other < len(ordered):
            return Changes(Touched.NONE, event_id=question.event_id)
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, qid in enumerate(ordered, start=1):
            row = s.get(FeedbackQuestion, qid)
            assert row is not None
            row.position = position
        return Changes(Touched.FEEDBACK, event_id=question.event_id, row_id=question_id)
