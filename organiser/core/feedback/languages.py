"""The language versions of the papers people fill in: the feedback form's own words and each
question's, and the sign-in sheet's, in another language, kept with the event and checked by a
member of the working group who reads it.

A question's choices are translated in the English order, one per line: an answer ticked on
the Polish form is stored as the English choice in the same place, so answers from every
version land in the same questions and are counted together. The English choices a translation
was typed against are kept with it: if they change (reworded, reordered, one added), the paper
prints the English choices until the translation is typed again, so a tick never lands on
another choice. The services question's choices are organisations' names: never translated.
A word left empty prints in English, and the form's export says which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.feedback.form import ensure_form
from organiser.core.feedback.kinds import Kind, Standard
from organiser.core.feedback.models import (
    FeedbackLanguage,
    FeedbackQuestion,
    FeedbackQuestionWords,
)
from organiser.core.languages import language_name
from organiser.core.parsing import long_date
from organiser.core.planning.models import Member
from organiser.core.planning.rows import member_name
from organiser.core.planning.validation import long_text
from organiser.core.records import NOTHING, Dependants, get_or_raise, restore, snapshot
from organiser.core.versions import merge_edit, retry_races, version_of

# The form's own words, in the order they print, with what the Feedback tab calls them.
FORM_WORDS: tuple[tuple[str, str], ...] = (
    ("heading", "Heading"),
    ("when_text", "Date and place"),
    ("intro", "Introduction"),
    ("tick_one", "How to answer one choice"),
    ("tick_all", "How to answer several"),
    ("quote_hint", "What agreeing to be quoted means"),
    ("contact_hint", "What agreeing to be contacted means"),
    ("online", "Under the QR code"),
    ("closing", "Closing line"),
)
# The sign-in sheet's words: a sheet for the door where people write their first name and
# how many came (no contact details), printed in the language beside the English.
SIGN_IN_WORDS: tuple[tuple[str, str], ...] = (
    ("sign_in_heading", "Sign-in sheet: heading"),
    ("sign_in_intro", "Sign-in sheet: introduction"),
    ("column_name", "Sign-in sheet: column for the first name"),
    ("column_adults", "Sign-in sheet: column for adults"),
    ("column_children", "Sign-in sheet: column for children"),
    ("column_first_time", "Sign-in sheet: column for a first visit"),
)
# The phone form's own words (Feedback ▸ Form ▸ Collect on phones): its questions, how to answer
# and the closing line are the paper's.
PHONE_WORDS: tuple[tuple[str, str], ...] = (
    ("phone_send", "Phone form: the Send button"),
    ("phone_problem", "Phone form: heading over answers that need a look"),
    ("phone_thanks", "Phone form: thank-you heading"),
    ("phone_sent", "Phone form: words under the thank-you"),
    ("phone_again", "Phone form: link to answer again for someone else"),
)
LABELS = dict(FORM_WORDS + SIGN_IN_WORDS + PHONE_WORDS)
WORDS = tuple(LABELS)
DEPENDANTS = Dependants(children=((FeedbackQuestionWords, "language_id", NOTHING),))


def text_key(question_id: int) -> str:
    """The key of a question's wording among a version's values."""
    return f"text:{question_id}"


def choices_key(question_id: int) -> str:
    """The key of a question's choices (one per line) among a version's values."""
    return f"choices:{question_id}"


def has_translated_choices(kind: str, standard: str) -> bool:
    """Whether a question's choices are words to translate (not free text, not the services'
    names, which read the same in every language)."""
    return kind != Kind.TEXT.value and standard != Standard.SERVICES.value


def english_when(date: dt.date | None, venue: str) -> str:
    """The date and place as the English form prints them."""
    day = long_date(date) if date else ""
    return ", ".join(part for part in (day, venue.strip()) if part)


@dataclasses.dataclass(frozen=True)
class FormLanguage:
    """A language version of the form as the Feedback tab shows it: `values` holds the form's
    words and every question's (text_key, choices_key), "" where not translated yet; `against`
    the English choices each question's translation was typed against."""

    id: int
    language: str
    values: dict[str, str]
    against: dict[int, tuple[str, ...]]
    when_english: str  # the English date and place when_text translated
    checked_by: str  # "" until a member who reads it has checked it
    checked_at: dt.datetime | None
    row_version: int

    def question(self, question_id: int, english: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        """A question's wording and choices in this language ("" and () where not yet, and
        () where the English choices are no longer those it was translated from)."""
        text = self.values.get(text_key(question_id), "")
        choices = _lines(self.values.get(choices_key(question_id), ""))
        if self.against.get(question_id, ()) != tuple(english):
            choices = ()
        return text, choices

    def choices_changed(self, question_id: int, english: tuple[str, ...]) -> bool:
        """Whether this question's choices were translated from English choices that have
        changed since (they print in English until typed again)."""
        typed = _lines(self.values.get(choices_key(question_id), ""))
        return bool(typed) and self.against.get(question_id, ()) != tuple(english)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _questions(s: Session, event_id: int) -> list[FeedbackQuestion]:
    ensure_form(s, event_id)
    return list(
        s.scalars(
            select(FeedbackQuestion)
            .where(FeedbackQuestion.event_id == event_id, FeedbackQuestion.archived.is_(False))
            .order_by(FeedbackQuestion.position, FeedbackQuestion.id)
        )
    )


def _words(s: Session, row: FeedbackLanguage) -> dict[int, FeedbackQuestionWords]:
    return {
        w.question_id: w
        for w in s.scalars(
            select(FeedbackQuestionWords).where(FeedbackQuestionWords.language_id == row.id)
        )
    }


def _stored(s: Session, row: FeedbackLanguage) -> dict[str, str]:
    """Every value of a version as stored now: the form's words, and the words of every
    question it has words for (a question taken off the form too) or that is on the form."""
    values = {key: getattr(row, key) for key in WORDS}
    for question in _questions(s, row.event_id):
        values[text_key(question.id)] = values[choices_key(question.id)] = ""
    for question_id, words in _words(s, row).items():
        values[text_key(question_id)] = words.text
        values[choices_key(question_id)] = words.choices
    return values


def _version(s: Session, row: FeedbackLanguage) -> FormLanguage:
    against = {qid: _lines(w.english_choices) for qid, w in _words(s, row).items()}
    return FormLanguage(
        id=row.id,
        language=row.language,
        values=_stored(s, row),
        against=against,
        when_english=row.when_english,
        checked_by=row.checked_by,
        checked_at=row.checked_at,
        row_version=version_of(row),
    )


def _find(s: Session, event_id: int, language: str) -> FeedbackLanguage:
    row = s.scalar(
        select(FeedbackLanguage).where(
            FeedbackLanguage.event_id == event_id,
            func.lower(FeedbackLanguage.language) == language.strip().lower(),
        )
    )
    if row is None:
        raise NotFound(f"The feedback form has no {language.strip()} version.")
    return row


def list_form_languages(store: Store, event_id: int) -> list[FormLanguage]:
    """The form's language versions, in the order they were added."""
    with store.begin() as s:
        rows = s.scalars(
            select(FeedbackLanguage)
            .where(FeedbackLanguage.event_id == event_id)
            .order_by(FeedbackLanguage.id)
        )
        return [_version(s, row) for row in rows]


def get_form_language(store: Store, event_id: int, language: str) -> FormLanguage:
    """One language version, by its name (any case)."""
    with store.begin() as s:
        return _version(s, _find(s, event_id, language))


def form_language_version(store: Store, language_id: int) -> int:
    """The version's row version now (what its editor remembers when it shows it)."""
    with store.begin() as s:
        return version_of(get_or_raise(s, FeedbackLanguage, language_id, "language version"))


def add_form_language(store: Store, *, event_id: int, language: str) -> Changes:
    """Add a language version, its words empty (they print in English until translated)."""
    name = language_name(language, english_is="The form itself is the English version.")
    with store.begin() as s:
        taken = s.scalar(
            select(FeedbackLanguage.id).where(
                FeedbackLanguage.event_id == event_id,
                func.lower(FeedbackLanguage.language) == name.lower(),
            )
        )
        if taken is not None:
            raise ValidationError(f"The form has a {name} version already.", field="language")
        row = FeedbackLanguage(event_id=event_id, language=name, checked_by="", when_english="")
        for key in WORDS:
            setattr(row, key, "")
        s.add(row)
        s.flush()
        return Changes(Touched.FEEDBACK, event_id=event_id, row_id=row.id, created_id=row.id)


def _question_of(s: Session, row: FeedbackLanguage, key: str) -> FeedbackQuestion:
    kind, _, number = key.partition(":")
    question = s.get(FeedbackQuestion, int(number)) if number.isdigit() else None
    if kind not in ("text", "choices") or question is None or question.event_id != row.event_id:
        raise ValidationError(f"The form has no field {key}.")
    return question


def _check_choices(question: FeedbackQuestion, typed: str) -> None:
    if not has_translated_choices(question.kind, question.standard):
        raise ValidationError(
            f"“{question.text}” has no choices to translate.", field=choices_key(question.id)
        )
    english, given = _lines(question.choices), _lines(typed)
    if given and len(given) != len(english):
        raise ValidationError(
            f"“{question.text}” has {len(english)} choices in English; give {len(english)}, "
            "one per line in the same order, or leave them empty to print the English.",
            field=choices_key(question.id),
        )


@retry_races
def update_form_language(
    store: Store,
    *,
    language_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Change a version's words (the form's, or a question's by text_key / choices_key);
    `previous` holds the old ones for undo. Changed words take back the version's check.
    With `base` and the version shown, someone else's edit of other words is kept, of the
    same word a clash (organiser.core.versions)."""
    with store.begin() as s:
        row = get_or_raise(s, FeedbackLanguage, language_id, "language version")
        typed = {key: str(value or "") for key, value in values.items()}
        long_text(typed)
        questions = {key: _question_of(s, row, key) for key in typed if key not in WORDS}
        stored = _stored(s, row)
        for key, question in questions.items():
            if key.startswith("choices:") and typed[key] != stored.get(key, ""):
                _check_choices(question, typed[key])
        typed = merge_edit(
            row,
            typed,
            base=base,
            expected_version=expected_version,
            what=f"{row.language} version of the feedback form",
            row_id=row.id,
            stored={key: stored.get(key, "") for key in questions},
        )
        previous: dict[str, Any] = {
            key: stored.get(key, "") for key, value in typed.items() if stored.get(key, "") != value
        }
        for key in previous:
            if key in WORDS:
                setattr(row, key, typed[key])
            else:
                _set_question_word(s, row, questions[key], key, typed[key])
        if "when_text" in previous:
            event = get_or_raise(s, Event, row.event_id, "event")
            row.when_english = english_when(event.date, event.venue_name)
        if previous:
            row.updated_at = utc_now()  # a question's word changes the version too
            if row.checked_at is not None:
                previous.update(checked_by=row.checked_by, checked_at=row.checked_at)
                row.checked_by_id, row.checked_by, row.checked_at = None, "", None
        s.flush()
        return Changes(
            Touched.FEEDBACK if previous else Touched.NONE,
            event_id=row.event_id,
            row_id=row.id,
            previous=previous,
            row_version=version_of(row),
            current={key: typed[key] for key in previous if key in typed},
        )


def _set_question_word(
    s: Session, row: FeedbackLanguage, question: FeedbackQuestion, key: str, value: str
) -> None:
    words = s.scalar(
        select(FeedbackQuestionWords).where(
            FeedbackQuestionWords.language_id == row.id,
            FeedbackQuestionWords.question_id == question.id,
        )
    )
    if words is None:
        words = FeedbackQuestionWords(language_id=row.id, question_id=question.id)
        words.text, words.choices, words.english_choices = "", "", ""
        s.add(words)
    if key.startswith("choices:"):
        words.choices = value
        words.english_choices = question.choices  # what these were typed against
    else:
        words.text = value


def check_form_language(store: Store, *, language_id: int, member_id: int | None) -> Changes:
    """Record that a working-group member who reads the language checked this version (or,
    with None, take the check back)."""
    with store.begin() as s:
        row = get_or_raise(s, FeedbackLanguage, language_id, "language version")
        previous = {"checked_by": row.checked_by, "checked_at": row.checked_at}
        if member_id is None:
            row.checked_by_id, row.checked_by, row.checked_at = None, "", None
        else:
            row.checked_by = member_name(s, row.event_id, member_id)
            row.checked_by_id, row.checked_at = member_id, utc_now()
        s.flush()
        return Changes(
            Touched.FEEDBACK, event_id=row.event_id, row_id=row.id, previous={"checked": previous}
        )


def remove_form_language(store: Store, *, language_id: int) -> Changes:
    """Remove a language version; its snapshot lets undo bring it back whole."""
    with store.begin() as s:
        row = get_or_raise(s, FeedbackLanguage, language_id, "language version")
        saved = snapshot(s, row, DEPENDANTS)
        event_id = row.event_id
        s.delete(row)
        s.flush()
        return Changes(Touched.FEEDBACK, event_id=event_id, row_id=language_id, snapshot=saved)


def restore_form_language(store: Store, *, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a removal: the version comes back with its id, words and check; the words of a
    question deleted meanwhile, and a check by a member who has left, stay gone."""
    saved = dict(snapshot)
    row = dict(saved["row"])
    with store.begin() as s:
        if row["checked_by_id"] is not None and s.get(Member, row["checked_by_id"]) is None:
            row["checked_by_id"] = None
        questions = set(
            s.scalars(
                select(FeedbackQuestion.id).where(FeedbackQuestion.event_id == row["event_id"])
            )
        )
        (words,) = saved["children"]
        kept = [w for w in words if w["row"]["question_id"] in questions]
        restore(s, FeedbackLanguage, {**saved, "row": row, "children": [kept]}, DEPENDANTS)
        return Changes(
            Touched.FEEDBACK, event_id=row["event_id"], row_id=row["id"], created_id=row["id"]
        )
