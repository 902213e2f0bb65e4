"""Responses: a paper form typed in, or a row of an online form's export. Each answer is checked
against its question (a rating must be on the scale); a form with no answers is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.creche.models import Booking
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.kinds import Kind, QuoteConsent, Standard
from organiser.core.feedback.models import FeedbackAnswer, FeedbackResponse
from organiser.core.planning.validation import TEXT_LIMIT
from organiser.core.records import get_or_raise, restore, snapshot
from organiser.core.relations import RESPONSE_DEPENDANTS

Answer = str | Sequence[str]


@dataclass(frozen=True)
class ResponseRow:
    id: int
    source: str
    received_at: dt.datetime
    booking_id: int | None
    answers: dict[int, str]  # question id → stored value (choices one per line)
    answer_ids: dict[int, int]  # question id → answer id
    starred: frozenset[int]  # answer ids starred for the quote bank


def check_answer(question: Question, value: Answer) -> str:
    """The answer as stored, or a ValidationError saying what is wrong in words."""
    if isinstance(value, str):
        picked = [value.strip()] if value.strip() else []
    else:
        picked = [v.strip() for v in value if v and v.strip()]
    if question.kind == Kind.TEXT.value:
        text = "\n".join(picked)
        if len(text) > TEXT_LIMIT:
            raise ValidationError("This answer is too long to keep.")
        return text
    lowered = {c.casefold(): c for c in question.choices}
    chosen = []
    for item in picked:
        match = lowered.get(item.casefold())
        if match is None:
            scale = " / ".join(question.choices)
            raise ValidationError(f"“{item[:40]}” is not one of the answers ({scale}).")
        chosen.append(match)
    if question.kind != Kind.MULTIPLE.value and len(chosen) > 1:
        raise ValidationError("Choose one answer only.")
    return "\n".join(dict.fromkeys(chosen))


def prepare_answers(questions: Sequence[Question], answers: Mapping[int, Answer]) -> dict[int, str]:
    """Check every answer; errors name the question."""
    by_id = {q.id: q for q in questions}
    stored: dict[int, str] = {}
    for question_id, value in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValidationError("That question is no longer on the form.")
        try:
            text = check_answer(question, value)
        except ValidationError as exc:
            raise ValidationError(f"{question.text} {exc}", field=str(question_id)) from exc
        if text:
            stored[question_id] = text
    if not stored:
        raise ValidationError("This form has no answers: nothing to save.")
    return stored


def _consents_to_contact(questions: Sequence[Question], stored: Mapping[int, str]) -> bool:
    for q in questions:
        if q.standard == Standard.CONTACT_CONSENT.value:
            return stored.get(q.id) == "Yes"
    return False


def add_response_in(
    s: Session,
    event_id: int,
    answers: Mapping[int, Answer],
    *,
    questions: Sequence[Question] | None = None,
    source: str = "Paper form",
    source_key: str | None = None,
    received_at: dt.datetime | None = None,
    booking_id: int | None = None,
    keep_empty: bool = True,
) -> int:
    """Store one response inside an open transaction (imports add many in one). Without
    `keep_empty`, a response left with no answers once what was given without consent is
    dropped is refused (a phone's send of a contact detail alone)."""
    qs = questions if questions is not None else questions_in(s, event_id, archived=True)
    stored = prepare_answers(qs, answers)
    for qid in _without_consent(qs, stored):  # collect the minimum: only what they agreed to
        stored.pop(qid, None)
    if not keep_empty and not any(value.strip() for value in stored.values()):
        raise ValidationError(
            "Nothing to save: a name or contact detail is kept only with the answer above it "
            "that says we may (quote you, or contact you)."
        )
    if booking_id is not None:
        booking = get_or_raise(s, Booking, booking_id, "booking")
        if booking.event_id != event_id:
            raise ValidationError("That booking is for another event.")
        if not _consents_to_contact(qs, stored):
            raise ValidationError(
                "A response is linked to a booking only when the person agreed to be contacted."
            )
    response = FeedbackResponse(
        event_id=event_id,
        source=source,
        source_key=source_key,
        received_at=received_at or utc_now(),
        booking_id=booking_id,
    )
    s.add(response)
    s.flush()
    s.add_all(
        FeedbackAnswer(response_id=response.id, question_id=qid, value=value)
        for qid, value in stored.items()
    )
    return response.id


def add_response(
    store: Store, *, event_id: int, answers: Mapping[int, Answer], **kw: Any
) -> Changes:
    """Store one filled-in form."""
    with store.begin() as s:
        response_id = add_response_in(s, event_id, answers, **kw)
        s.flush()
        return Changes(
            Touched.FEEDBACK, event_id=event_id, created_id=response_id, row_id=response_id
        )


def update_response(
    store: Store,
    *,
    response_id: int,
    answers: Mapping[int, Answer],
    booking_id: int | None = None,
) -> Changes:
    """Change some answers of a response; `previous` holds the old ones for undo.

    Only the answers given are checked: others keep their words even if the form's choices
    have changed since. A response stops being linked to a booking, and keeps no name or
    contact, once the person's consent for them is taken away.
    """
    with store.begin() as s:
        response = get_or_raise(s, FeedbackResponse, response_id, "response")
        qs = questions_in(s, response.event_id, archived=True)
        by_id = {q.id: q for q in qs}
        current = {
            a.question_id: a
            for a in s.scalars(
                select(FeedbackAnswer).where(FeedbackAnswer.response_id == response_id)
            )
        }
        stored: dict[int, str] = {}
        for qid, value in answers.items():
            question = by_id.get(qid)
            if question is None:
                raise ValidationError("That question is no longer on the form.")
            if isinstance(value, str) and question.kind == Kind.MULTIPLE.value:
                value = value.split("\n")
            try:
                stored[qid] = check_answer(question, value)
            except ValidationError as exc:
                raise ValidationError(f"{question.text} {exc}", field=str(qid)) from exc
        after = {qid: a.value for qid, a in current.items()} | stored
        if not any(after.values()):
            raise ValidationError("This form would have no answers left: delete it instead.")
        stored |= {qid: "" for qid in _without_consent(qs, after) if after.get(qid)}
        previous: dict[int, str] = {
            qid: current[qid].value if qid in current else "" for qid in stored
        }
        for qid, value in stored.items():
            if qid in current:
                current[qid].value = value
            elif value:
                s.add(FeedbackAnswer(response_id=response_id, question_id=qid, value=value))
        unlinked = {}
        if booking_id is not None and _consents_to_contact(qs, after):
            response.booking_id = booking_id  # undo of an unlinking
        elif response.booking_id is not None and not _consents_to_contact(qs, after):
            unlinked = {"booking_id": response.booking_id}
            response.booking_id = None
        return Changes(
            Touched.FEEDBACK,
            event_id=response.event_id,
            previous={"answers": previous, **unlinked},
            row_id=response_id,
        )


def _without_consent(questions: Sequence[Question], answers: Mapping[int, str]) -> list[int]:
    """The first-name and contact answers the person did not agree to give."""
    key = {q.standard: q.id for q in questions if q.standard}
    dropped = []
    quote = answers.get(key.get(Standard.QUOTE.value, -1), "")
    if quote != QuoteConsent.FIRST_NAME.value and Standard.FIRST_NAME.value in key:
        dropped.append(key[Standard.FIRST_NAME.value])
    contact = answers.get(key.get(Standard.CONTACT_CONSENT.value, -1), "")
    if contact != "Yes" and Standard.CONTACT.value in key:
        dropped.append(key[Standard.CONTACT.value])
    return dropped


def _multi(questions: Sequence[Question], question_id: int) -> bool:
    return any(q.id == question_id and q.kind == Kind.MULTIPLE.value for q in questions)


def delete_response(store: Store, *, response_id: int) -> Changes:
    """Remove a response with its answers and their themes; the snapshot brings it back."""
    with store.begin() as s:
        response = get_or_raise(s, FeedbackResponse, response_id, "response")
        saved = snapshot(s, response, RESPONSE_DEPENDANTS)
        event_id = response.event_id
        s.delete(response)
        return Changes(Touched.FEEDBACK, event_id=event_id, snapshot=saved, row_id=response_id)


def restore_response(store: Store, *, saved: Mapping[str, Any]) -> Changes:
    """Undo a deletion: the response, its answers and themes come back with their ids."""
    with store.begin() as s:
        restore(s, FeedbackResponse, saved, RESPONSE_DEPENDANTS)
        row = saved["row"]
        return Changes(
            Touched.FEEDBACK, event_id=row["event_id"], created_id=row["id"], row_id=row["id"]
        )


def list_responses(store: Store, event_id: int) -> list[ResponseRow]:
    """Every response, oldest first, with its answers by question."""
    with store.begin() as s:
        return responses_in(s, event_id)


def responses_in(s: Session, event_id: int) -> list[ResponseRow]:
    rows = s.execute(
        select(
            FeedbackResponse.id,
            FeedbackResponse.source,
            FeedbackResponse.received_at,
            FeedbackResponse.booking_id,
        )
        .where(FeedbackResponse.event_id == event_id)
        .order_by(FeedbackResponse.received_at, FeedbackResponse.id)
    ).all()
    answers: dict[int, dict[int, str]] = {r.id: {} for r in rows}
    ids: dict[int, dict[int, int]] = {r.id: {} for r in rows}
    starred: dict[int, set[int]] = {r.id: set() for r in rows}
    found = s.execute(
        select(
            FeedbackAnswer.id,
            FeedbackAnswer.response_id,
            FeedbackAnswer.question_id,
            FeedbackAnswer.value,
            FeedbackAnswer.starred,
        )
        .join(FeedbackResponse, FeedbackResponse.id == FeedbackAnswer.response_id)
        .where(FeedbackResponse.event_id == event_id)
    )
    for answer_id, response_id, question_id, value, star in found:
        answers[response_id][question_id] = value
        ids[response_id][question_id] = answer_id
        if star:
            starred[response_id].add(answer_id)
    return [
        ResponseRow(
            r.id,
            r.source,
            r.received_at,
            r.booking_id,
            answers[r.id],
            ids[r.id],
            frozenset(starred[r.id]),
        )
        for r in rows
    ]


def set_starred(store: Store, *, answer_id: int, starred: bool) -> Changes:
    """Star (or unstar) a free-text answer for the quote bank."""
    with store.begin() as s:
        answer = get_or_raise(s, FeedbackAnswer, answer_id, "answer")
        response = get_or_raise(s, FeedbackResponse, answer.response_id, "response")
        previous = {"starred": answer.starred} if answer.starred != starred else {}
        answer.starred = starred
        return Changes(
            Touched.FEEDBACK if previous else Touched.NONE,
            event_id=response.event_id,
            previous=previous,
            row_id=answer_id,
        )
