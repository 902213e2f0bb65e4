"""Themes for free-text answers (a starter set plus the event's own), counted with the answers
under each; and the quote bank, where only answers whose writer agreed can ever be printed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, false, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.feedback.form import questions_in
from organiser.core.feedback.kinds import STARTER_THEMES, Kind, QuoteConsent, Standard
from organiser.core.feedback.models import (
    FeedbackAnswer,
    FeedbackResponse,
    FeedbackTheme,
    answer_theme,
)
from organiser.core.parsing import name_key
from organiser.core.records import get_or_raise
from organiser.core.speakers.models import Setting


@dataclass(frozen=True)
class ThemeCount:
    id: int
    name: str
    answers: int


@dataclass(frozen=True)
class Quote:
    answer_id: int
    text: str
    question: str
    consent: str  # a QuoteConsent value, or "" when the person did not say
    attribution: str  # "A parent at the session" or their first name; "" when not printable
    starred: bool

    @property
    def printable(self) -> bool:
        return bool(self.attribution)


def _seeded_key(s: Session, event_id: int) -> str:
    # With the event's creation time, so a new event that reuses a deleted one's id is new.
    made = s.scalar(select(Event.created_at).where(Event.id == event_id))
    return f"feedback-themes-seeded:{event_id}:{made.isoformat() if made else ''}"


def ensure_themes(s: Session, event_id: int) -> None:
    """The starter themes, once per event: deleting them all does not bring them back."""
    key = _seeded_key(s, event_id)
    if s.get(Setting, key) is not None:
        return
    if not s.scalar(select(FeedbackTheme.id).where(FeedbackTheme.event_id == event_id)):
        s.add_all(FeedbackTheme(event_id=event_id, name=name) for name in STARTER_THEMES)
    s.add(Setting(key=key, value="yes"))
    s.flush()


def list_themes(store: Store, event_id: int) -> list[ThemeCount]:
    """The event's themes with how many answers carry each, most used first."""
    with store.begin() as s:
        ensure_themes(s, event_id)
        rows = s.execute(
            select(FeedbackTheme.id, FeedbackTheme.name, func.count(answer_theme.c.answer_id))
            .outerjoin(answer_theme, answer_theme.c.theme_id == FeedbackTheme.id)
            .where(FeedbackTheme.event_id == event_id)
            .group_by(FeedbackTheme.id)
        ).all()
    return sorted((ThemeCount(*r) for r in rows), key=lambda t: (-t.answers, t.id))


def add_theme(store: Store, *, event_id: int, name: str) -> Changes:
    """A theme of the event's own."""
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("Name the theme.", field="name")
    with store.begin() as s:
        ensure_themes(s, event_id)
        names = s.scalars(select(FeedbackTheme.name).where(FeedbackTheme.event_id == event_id))
        if name_key(clean) in {name_key(n) for n in names}:
            raise ValidationError(f"There is already a theme called “{clean}”.", field="name")
        theme = FeedbackTheme(event_id=event_id, name=clean[:100])
        s.add(theme)
        s.flush()
        return Changes(Touched.FEEDBACK, event_id=event_id, created_id=theme.id)


def delete_theme(store: Store, *, theme_id: int) -> Changes:
    """Remove a theme (its tags go with it)."""
    with store.begin() as s:
        theme = get_or_raise(s, FeedbackTheme, theme_id, "theme")
        event_id = theme.event_id
        tagged = list(
            s.scalars(select(answer_theme.c.answer_id).where(answer_theme.c.theme_id == theme_id))
        )
        s.delete(theme)
        return Changes(
            Touched.FEEDBACK,
            event_id=event_id,
            snapshot={"name": theme.name, "id": theme_id, "answers": tagged, "event_id": event_id},
        )


def restore_theme(store: Store, *, saved: dict[str, object]) -> Changes:
    with store.begin() as s:
        theme_id = int(saved["id"])  # type: ignore[call-overload]
        answers = list(saved["answers"])  # type: ignore[call-overload]
        event_id = int(saved["event_id"])  # type: ignore[call-overload]
        name = str(saved["name"])
        taken = s.scalar(
            select(FeedbackTheme.id).where(
                (FeedbackTheme.id == theme_id)
                | ((FeedbackTheme.event_id == event_id) & (FeedbackTheme.name == name))
            )
        )
        if taken is not None:
            raise NotFound(f"The theme “{name}” cannot come back: another theme has its place.")
        s.add(FeedbackTheme(id=theme_id, event_id=event_id, name=name))
        s.flush()
        if answers:
            s.execute(
                insert(answer_theme), [{"answer_id": a, "theme_id": theme_id} for a in answers]
            )
        return Changes(Touched.FEEDBACK, event_id=event_id, created_id=theme_id)


def tag(store: Store, *, answer_id: int, theme_id: int, on: bool) -> Changes:
    """Tag a free-text answer with a theme (or take the tag off); undo is the opposite."""
    with store.begin() as s:
        answer = get_or_raise(s, FeedbackAnswer, answer_id, "answer")
        theme = get_or_raise(s, FeedbackTheme, theme_id, "theme")
        response = get_or_raise(s, FeedbackResponse, answer.response_id, "response")
        if theme.event_id != response.event_id:
            raise ValidationError("That theme belongs to another event.")
        has = s.scalar(
            select(func.count()).where(
                answer_theme.c.answer_id == answer_id, answer_theme.c.theme_id == theme_id
            )
        )
        if on and not has:
            s.execute(insert(answer_theme).values(answer_id=answer_id, theme_id=theme_id))
        elif not on and has:
            s.execute(
                delete(answer_theme).where(
                    answer_theme.c.answer_id == answer_id, answer_theme.c.theme_id == theme_id
                )
            )
        else:
            return Changes(Touched.NONE, event_id=response.event_id)
        return Changes(Touched.FEEDBACK, event_id=response.event_id, previous={"on": not on})


def themes_of(store: Store, event_id: int) -> dict[int, set[int]]:
    """answer id → the ids of its themes."""
    with store.begin() as s:
        rows = s.execute(
            select(answer_theme.c.answer_id, answer_theme.c.theme_id)
            .join(FeedbackTheme, FeedbackTheme.id == answer_theme.c.theme_id)
            .where(FeedbackTheme.event_id == event_id)
        )
        found: dict[int, set[int]] = {}
        for answer_id, theme_id in rows:
            found.setdefault(answer_id, set()).add(theme_id)
        return found


def quotes(store: Store, event_id: int, *, for_print: bool) -> list[Quote]:
    """Free-text answers as quotes with the attribution their writer allowed.

    for_print=True gives only starred answers whose writer agreed to be quoted: this is the
    one way printed documents get quotes, so an unconsented answer can never reach a PDF.
    """
    with store.begin() as s:
        questions = {q.id: q for q in questions_in(s, event_id, archived=True)}
        by_key = {q.standard: q.id for q in questions.values() if q.standard}
        private = {by_key.get(k) for k in ("quote", "first_name", "contact", "contact_consent")}
        quotable = [
            q.id for q in questions.values() if q.kind == Kind.TEXT.value and q.id not in private
        ]
        if not quotable:
            return []
        # The writer's consent and first name come with each answer from the same response,
        # so only the quotable answers are read (only the starred ones for print).
        consent_q = by_key.get(Standard.QUOTE.value)
        first_q = by_key.get(Standard.FIRST_NAME.value)
        consent = aliased(FeedbackAnswer)
        first = aliased(FeedbackAnswer)
        query = (
            select(
                FeedbackAnswer.id,
                FeedbackAnswer.question_id,
                FeedbackAnswer.value,
                FeedbackAnswer.starred,
                consent.value if consent_q is not None else literal(None),
                first.value if first_q is not None else literal(None),
            )
            .join(FeedbackResponse, FeedbackResponse.id == FeedbackAnswer.response_id)
            .where(
                FeedbackResponse.event_id == event_id,
                FeedbackAnswer.question_id.in_(quotable),
                FeedbackAnswer.value != "",
            )
            .order_by(FeedbackResponse.received_at, FeedbackAnswer.id)
        )
        if consent_q is not None:
            query = query.outerjoin(
                consent,
                (consent.response_id == FeedbackAnswer.response_id)
                & (consent.question_id == consent_q),
            )
        if first_q is not None:
            query = query.outerjoin(
                first,
                (first.response_id == FeedbackAnswer.response_id) & (first.question_id == first_q),
            )
        if for_print:
            query = query.where(
                FeedbackAnswer.starred.is_(True),
                consent.value.in_([QuoteConsent.ANONYMOUS.value, QuoteConsent.FIRST_NAME.value])
                if consent_q is not None
                else false(),
            )
        rows = s.execute(query).all()
    found = []
    anonymous, first_name = QuoteConsent.ANONYMOUS.value, QuoteConsent.FIRST_NAME.value
    for answer_id, qid, value, starred, said, named in rows:
        said = said or ""
        attribution = ""
        if said == anonymous:
            attribution = "A parent at the session"
        elif said == first_name:
            names = (named or "").split()
            attribution = names[0] if names else "A parent at the session"
        quote = Quote(answer_id, value, questions[qid].text, said, attribution, starred)
        if for_print and not (starred and quote.printable):
            continue
        found.append(quote)
    return found
